use keyturn_core::inventory::{Filter, TableView};
use keyturn_core::policy::Badge;
use keyturn_core::types::credential::KeyStatus;

use crate::fixture::{account, aks};

fn search(text: &str) -> Filter {
    Filter {
        search: text.into(),
        ..Filter::default()
    }
}

#[test]
fn each_filter_selects_its_rows() {
    let cases: Vec<(&str, Filter, &[&str])> = vec![
        (
            "none",
            Filter::default(),
            &["AKALICE1", "AKALICE2", "AKBOB1", "AKCAROL1", "AKCIBOT1"],
        ),
        (
            "active",
            Filter {
                status: Some(KeyStatus::Active),
                ..Filter::default()
            },
            &["AKALICE1", "AKBOB1", "AKCAROL1", "AKCIBOT1"],
        ),
        (
            "inactive",
            Filter {
                status: Some(KeyStatus::Inactive),
                ..Filter::default()
            },
            &["AKALICE2"],
        ),
        (
            "ok",
            Filter {
                badge: Some(Badge::Ok),
                ..Filter::default()
            },
            &["AKALICE1", "AKCIBOT1"],
        ),
        (
            "due soon",
            Filter {
                badge: Some(Badge::DueSoon),
                ..Filter::default()
            },
            &["AKBOB1"],
        ),
        (
            "overdue",
            Filter {
                badge: Some(Badge::Overdue),
                ..Filter::default()
            },
            &["AKALICE2", "AKCAROL1"],
        ),
        (
            "never used",
            Filter {
                never_used: true,
                ..Filter::default()
            },
            &["AKALICE2", "AKCIBOT1"],
        ),
        (
            "idle 60 days",
            Filter {
                unused_over_days: Some(60),
                ..Filter::default()
            },
            &["AKALICE2", "AKBOB1", "AKCAROL1"],
        ),
        (
            "idle 61 days",
            Filter {
                unused_over_days: Some(61),
                ..Filter::default()
            },
            &["AKALICE2", "AKCAROL1"],
        ),
        (
            "idle 0 days",
            Filter {
                unused_over_days: Some(0),
                ..Filter::default()
            },
            &["AKALICE1", "AKALICE2", "AKBOB1", "AKCAROL1", "AKCIBOT1"],
        ),
        (
            "idle 201 days",
            Filter {
                unused_over_days: Some(201),
                ..Filter::default()
            },
            &[],
        ),
        ("user name", search("alice"), &["AKALICE1", "AKALICE2"]),
        (
            "user name, other case",
            search("ALICE"),
            &["AKALICE1", "AKALICE2"],
        ),
        ("user id", search("u-bob"), &["AKBOB1"]),
        ("access key, lower case", search("akcarol"), &["AKCAROL1"]),
        (
            "spaces around, not the description",
            search("  ci "),
            &["AKCIBOT1"],
        ),
        ("no match", search("zzz"), &[]),
        (
            "active and overdue",
            Filter {
                status: Some(KeyStatus::Active),
                badge: Some(Badge::Overdue),
                ..Filter::default()
            },
            &["AKCAROL1"],
        ),
        (
            "never used and inactive",
            Filter {
                never_used: true,
                status: Some(KeyStatus::Inactive),
                ..Filter::default()
            },
            &["AKALICE2"],
        ),
        (
            "search and badge",
            Filter {
                badge: Some(Badge::Ok),
                ..search("alice")
            },
            &["AKALICE1"],
        ),
    ];
    let inventory = account();
    for (name, filter, expected) in cases {
        let view = TableView {
            filter,
            ..TableView::default()
        };
        assert_eq!(aks(&view.apply(&inventory)), expected, "{name}");
    }
}

#[test]
fn filters_know_when_they_hide_rows() {
    assert!(!Filter::default().is_active());
    assert!(!search("   ").is_active());
    assert!(search("a").is_active());
    assert!(
        Filter {
            never_used: true,
            ..Filter::default()
        }
        .is_active()
    );
    assert!(
        Filter {
            unused_over_days: Some(0),
            ..Filter::default()
        }
        .is_active()
    );
}

#[test]
fn users_without_keys_show_unless_a_key_condition_is_set() {
    let inventory = account();
    let names = |filter: Filter| {
        TableView {
            filter,
            ..TableView::default()
        }
        .keyless_users(&inventory)
        .iter()
        .map(|u| u.name.clone())
        .collect::<Vec<_>>()
    };
    assert_eq!(names(Filter::default()), ["dave"]);
    assert_eq!(names(search("DAV")), ["dave"]);
    assert_eq!(names(search("u-dave")), ["dave"]);
    assert!(names(search("alice")).is_empty());
    assert!(
        names(Filter {
            status: Some(KeyStatus::Active),
            ..Filter::default()
        })
        .is_empty()
    );
    assert!(
        names(Filter {
            never_used: true,
            ..Filter::default()
        })
        .is_empty()
    );
}

#[test]
fn a_selected_user_narrows_rows_and_keyless_users_to_that_user() {
    let inventory = account();
    let selecting = |id: &str| TableView {
        selected_user: Some(id.into()),
        ..TableView::default()
    };
    assert_eq!(
        aks(&selecting("u-alice").apply(&inventory)),
        ["AKALICE1", "AKALICE2"]
    );
    assert!(selecting("u-alice").keyless_users(&inventory).is_empty());
    assert!(selecting("u-dave").apply(&inventory).is_empty());
    let dave: Vec<_> = selecting("u-dave")
        .keyless_users(&inventory)
        .iter()
        .map(|u| u.name.clone())
        .collect();
    assert_eq!(dave, ["dave"]);
    let active_alice = TableView {
        filter: Filter {
            status: Some(KeyStatus::Active),
            ..Filter::default()
        },
        ..selecting("u-alice")
    };
    assert_eq!(aks(&active_alice.apply(&inventory)), ["AKALICE1"]);
    assert!(selecting("u-unknown").apply(&inventory).is_empty());
}
