//! What argues against deleting a key, and how its deletion is confirmed.

use chrono::Duration;
use keyturn_core::keys::{
    CONFIRM_SUFFIX_CHARS, DeleteRisk, RECENT_USE_DAYS, confirms_delete, delete_risks,
};

use crate::fixture::{
    ALICE, BACKUP_NEW, BACKUP_OLD, BOB, MONITORING, TERRAFORM, demo_inventory, now,
};

#[test]
fn deleting_a_key_in_use_is_flagged() {
    let inventory = demo_inventory();
    assert_eq!(
        delete_risks(&inventory, ALICE, now()),
        [
            DeleteRisk::Active,
            DeleteRisk::RecentlyUsed {
                last_used: now() - Duration::hours(12)
            },
            DeleteRisk::OnlyActiveKey {
                user: "alice".into()
            },
        ]
    );
    assert_eq!(
        delete_risks(&inventory, BACKUP_NEW, now()),
        [DeleteRisk::Active],
        "ci-backup has another active key"
    );
    assert_eq!(
        delete_risks(&inventory, BACKUP_OLD, now()),
        [
            DeleteRisk::Active,
            DeleteRisk::RecentlyUsed {
                last_used: now() - Duration::hours(2)
            },
        ]
    );
    assert_eq!(
        delete_risks(&inventory, TERRAFORM, now()),
        [
            DeleteRisk::Active,
            DeleteRisk::OnlyActiveKey {
                user: "ci-terraform".into()
            },
        ],
        "never used, but the only active key"
    );
    assert_eq!(
        delete_risks(&inventory, MONITORING, now()),
        [
            DeleteRisk::Active,
            DeleteRisk::OnlyActiveKey {
                user: "monitoring-bot".into()
            },
        ]
    );
}

#[test]
fn an_idle_inactive_key_has_no_risk() {
    let inventory = demo_inventory();
    assert_eq!(
        delete_risks(&inventory, BOB, now()),
        [],
        "inactive, last used 40 days ago"
    );
    assert_eq!(delete_risks(&inventory, "UNKNOWN", now()), []);
}

#[test]
fn a_use_within_seven_days_counts() {
    assert_eq!(RECENT_USE_DAYS, 7);
    let inventory = demo_inventory();
    let last_used = now() - Duration::days(40);
    assert_eq!(
        delete_risks(&inventory, BOB, last_used + Duration::days(6)),
        [DeleteRisk::RecentlyUsed { last_used }],
        "a use 6 days before counts"
    );
    assert_eq!(
        delete_risks(&inventory, BOB, last_used + Duration::days(7)),
        [DeleteRisk::RecentlyUsed { last_used }],
        "exactly 7 days counts"
    );
    assert_eq!(
        delete_risks(
            &inventory,
            BOB,
            last_used + Duration::days(7) + Duration::seconds(1)
        ),
        [],
        "a moment later it does not"
    );
}

#[test]
fn deletion_is_confirmed_by_the_whole_id_or_its_last_six_characters() {
    assert_eq!(CONFIRM_SUFFIX_CHARS, 6);
    for (typed, ok) in [
        (TERRAFORM, true),
        ("000001", true),
        ("  000001 ", true),
        (" TERRAFORM00000000001\n", true),
        ("00001", false),
        ("0000001", false),
        ("", false),
        ("   ", false),
        ("terraform00000000001", false),
        ("TERRAFORM0000000000", false),
        ("TERRAFORM", false),
    ] {
        assert_eq!(confirms_delete(TERRAFORM, typed), ok, "{typed:?}");
    }
}

#[test]
fn a_short_id_is_confirmed_whole() {
    assert!(confirms_delete("AB12", "AB12"));
    assert!(!confirms_delete("AB12", ""));
    assert!(!confirms_delete("AB12", "B12"));
    assert!(confirms_delete("ABC123", "ABC123"));
}
