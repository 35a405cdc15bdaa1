use keyturn_core::inventory::{Slug, Sort, SortDir, SortKey, TableView};

use crate::fixture::{account, aks};

fn sorted(key: SortKey, dir: SortDir) -> Vec<String> {
    let view = TableView {
        sort: Sort { key, dir },
        ..TableView::default()
    };
    aks(&view.apply(&account()))
}

#[test]
fn every_column_sorts_both_ways_with_ties_by_user_then_ak() {
    use SortDir::{Asc, Desc};
    let cases: [(SortKey, [&str; 5], [&str; 5]); 8] = [
        (
            SortKey::User,
            ["AKALICE1", "AKALICE2", "AKBOB1", "AKCAROL1", "AKCIBOT1"],
            ["AKCIBOT1", "AKCAROL1", "AKBOB1", "AKALICE1", "AKALICE2"],
        ),
        (
            SortKey::AccessKey,
            ["AKALICE1", "AKALICE2", "AKBOB1", "AKCAROL1", "AKCIBOT1"],
            ["AKCIBOT1", "AKCAROL1", "AKBOB1", "AKALICE2", "AKALICE1"],
        ),
        (
            SortKey::Status,
            ["AKALICE1", "AKBOB1", "AKCAROL1", "AKCIBOT1", "AKALICE2"],
            ["AKALICE2", "AKALICE1", "AKBOB1", "AKCAROL1", "AKCIBOT1"],
        ),
        (
            SortKey::Created,
            ["AKCAROL1", "AKALICE2", "AKBOB1", "AKALICE1", "AKCIBOT1"],
            ["AKCIBOT1", "AKALICE1", "AKBOB1", "AKALICE2", "AKCAROL1"],
        ),
        (
            SortKey::Age,
            ["AKCIBOT1", "AKALICE1", "AKBOB1", "AKALICE2", "AKCAROL1"],
            ["AKCAROL1", "AKALICE2", "AKBOB1", "AKALICE1", "AKCIBOT1"],
        ),
        (
            SortKey::LastUsed,
            ["AKALICE2", "AKCIBOT1", "AKCAROL1", "AKBOB1", "AKALICE1"],
            ["AKALICE1", "AKBOB1", "AKCAROL1", "AKALICE2", "AKCIBOT1"],
        ),
        (
            SortKey::Description,
            ["AKCAROL1", "AKBOB1", "AKALICE1", "AKALICE2", "AKCIBOT1"],
            ["AKCIBOT1", "AKALICE2", "AKALICE1", "AKBOB1", "AKCAROL1"],
        ),
        (
            SortKey::Badge,
            ["AKALICE1", "AKCIBOT1", "AKBOB1", "AKALICE2", "AKCAROL1"],
            ["AKALICE2", "AKCAROL1", "AKBOB1", "AKALICE1", "AKCIBOT1"],
        ),
    ];
    assert_eq!(cases.len(), SortKey::ALL.len());
    for (key, asc, desc) in cases {
        assert_eq!(sorted(key, Asc), asc, "{key:?} ascending");
        assert_eq!(sorted(key, Desc), desc, "{key:?} descending");
    }
}

#[test]
fn equal_user_names_of_different_case_keep_one_order() {
    let mut inventory = account();
    let (now, policy) = (crate::fixture::now(), crate::fixture::policy());
    inventory.set_keys(
        crate::fixture::user("u-alice2", "Alice"),
        [crate::fixture::key(
            "u-alice2",
            "AKALICE9",
            keyturn_core::types::credential::KeyStatus::Active,
            1,
            None,
            "",
        )],
        now,
        &policy,
    );
    let view = TableView::default();
    let first = aks(&view.apply(&inventory));
    assert_eq!(&first[..3], ["AKALICE9", "AKALICE1", "AKALICE2"]);
    assert_eq!(aks(&view.apply(&inventory)), first);
}

#[test]
fn header_clicks_flip_or_switch_columns() {
    let sort = Sort::default();
    assert_eq!(
        sort,
        Sort {
            key: SortKey::User,
            dir: SortDir::Asc
        }
    );
    let age = sort.clicked(SortKey::Age);
    assert_eq!(
        age,
        Sort {
            key: SortKey::Age,
            dir: SortDir::Asc
        }
    );
    let age_desc = age.clicked(SortKey::Age);
    assert_eq!(
        age_desc,
        Sort {
            key: SortKey::Age,
            dir: SortDir::Desc
        }
    );
    assert_eq!(age_desc.clicked(SortKey::Age), age);
    assert_eq!(
        age_desc.clicked(SortKey::Badge),
        Sort {
            key: SortKey::Badge,
            dir: SortDir::Asc
        }
    );
}

#[test]
fn sort_keys_and_directions_have_tokens() {
    let tokens: Vec<_> = SortKey::ALL.iter().map(|k| k.slug()).collect();
    assert_eq!(
        tokens,
        [
            "user",
            "ak",
            "status",
            "created",
            "age",
            "last_used",
            "description",
            "badge"
        ]
    );
    assert_eq!(SortKey::from_slug("last_used"), Some(SortKey::LastUsed));
    assert_eq!(SortDir::from_slug("desc"), Some(SortDir::Desc));
    assert_eq!(SortDir::from_slug("DESC"), None);
}

#[test]
fn ties_go_to_the_user_name_before_the_access_key() {
    use keyturn_core::inventory::Inventory;
    use keyturn_core::types::credential::KeyStatus::Active;

    use crate::fixture::{key, now, policy, user};

    let mut inventory = Inventory::default();
    for (id, name, ak) in [("u-zed", "zed", "AKAAAA1"), ("u-amy", "amy", "AKZZZZ1")] {
        inventory.set_keys(
            user(id, name),
            [key(id, ak, Active, 5, Some(1), "")],
            now(),
            &policy(),
        );
    }
    for dir in [SortDir::Asc, SortDir::Desc] {
        for &key in &[
            SortKey::Status,
            SortKey::Age,
            SortKey::Badge,
            SortKey::LastUsed,
        ] {
            let view = TableView {
                sort: Sort { key, dir },
                ..TableView::default()
            };
            assert_eq!(
                aks(&view.apply(&inventory)),
                ["AKZZZZ1", "AKAAAA1"],
                "{key:?} {dir:?}"
            );
        }
    }
}
