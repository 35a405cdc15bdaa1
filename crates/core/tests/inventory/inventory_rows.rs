use chrono::Duration;
use keyturn_core::access_key::AccessKey;
use keyturn_core::ids::UserId;
use keyturn_core::inventory::{Inventory, MAX_KEYS_PER_USER, UserRef};
use keyturn_core::policy::{Badge, RotationPolicy};
use keyturn_core::types::credential::{CreatedCredential, KeyStatus};

use crate::fixture::{account, key, now, policy, user};

fn names<'a>(users: impl Iterator<Item = &'a UserRef>) -> Vec<&'a str> {
    users.map(|u| u.name.as_str()).collect()
}

#[test]
fn a_user_may_hold_two_keys() {
    assert_eq!(MAX_KEYS_PER_USER, 2);
}

#[test]
fn free_slots_follow_known_key_counts() {
    let inventory = account();
    for (user_id, count, known, free) in [
        ("u-alice", 2, true, false),
        ("u-bob", 1, true, true),
        ("u-dave", 0, true, true),
        ("u-erin", 0, false, false),
        ("u-nobody", 0, false, false),
    ] {
        assert_eq!(inventory.key_count(user_id), count, "{user_id}");
        assert_eq!(inventory.keys_known(user_id), known, "{user_id}");
        assert_eq!(inventory.has_free_slot(user_id), free, "{user_id}");
    }
    assert_eq!(inventory.active_key_count("u-alice"), 1);
    assert_eq!(names(inventory.users_without_keys()), ["dave"]);
    assert_eq!(names(inventory.users_without_free_slot()), ["alice"]);
    assert_eq!(inventory.rows().len(), 5);
    assert_eq!(inventory.users().count(), 6);
}

#[test]
fn rows_carry_their_assessment() {
    let inventory = account();
    let row = inventory.row("AKCAROL1").unwrap();
    assert_eq!(row.user.name, "carol");
    assert_eq!(row.assessment.age_days, 400);
    assert_eq!(row.assessment.badge, Badge::Overdue);
    assert!(inventory.row("AKNONE").is_none());
}

#[test]
fn deleting_a_key_frees_a_slot() {
    let mut inventory = account();
    let removed = inventory.remove_key("AKALICE2").unwrap();
    assert_eq!(removed.key.access, "AKALICE2");
    assert!(inventory.has_free_slot("u-alice"));
    assert!(inventory.remove_key("AKALICE2").is_none());
    inventory.remove_key("AKALICE1").unwrap();
    assert_eq!(names(inventory.users_without_keys()), ["alice", "dave"]);
}

#[test]
fn updated_keys_replace_their_row_and_created_keys_add_one() {
    let mut inventory = account();
    let disabled = key("u-bob", "AKBOB1", KeyStatus::Inactive, 80, None, "Backup");
    assert!(inventory.upsert_key(disabled, now(), &policy()));
    let row = inventory.row("AKBOB1").unwrap();
    assert_eq!(row.key.status, KeyStatus::Inactive);
    assert_eq!(
        row.key.last_used,
        Some(now() - Duration::days(60)),
        "an update answer has no last use"
    );
    assert_eq!(row.idle_days(), 60);
    assert_eq!(inventory.key_count("u-bob"), 1);
    let shown = key(
        "u-bob",
        "AKBOB1",
        KeyStatus::Inactive,
        80,
        Some(2),
        "Backup",
    );
    assert!(inventory.upsert_key(shown, now(), &policy()));
    assert_eq!(inventory.row("AKBOB1").unwrap().idle_days(), 2);

    let created: CreatedCredential = serde_json::from_value(serde_json::json!({
        "access": "AKBOB2", "secret": "SECRETSECRETSECRET", "user_id": "u-bob",
        "status": "active", "create_time": "2025-03-01T11:00:00.000000Z", "description": "new"
    }))
    .unwrap();
    assert!(inventory.upsert_key(AccessKey::try_from(&created).unwrap(), now(), &policy()));
    assert_eq!(inventory.key_count("u-bob"), 2);
    assert!(!inventory.has_free_slot("u-bob"));
    let row = inventory.row("AKBOB2").unwrap();
    assert_eq!(
        (row.user.name.as_str(), row.assessment.age_days),
        ("bob", 0)
    );
}

#[test]
fn keys_of_unknown_users_are_refused() {
    let mut inventory = account();
    let stray = key("u-nobody", "AKSTRAY1", KeyStatus::Active, 1, None, "");
    assert!(!inventory.upsert_key(stray, now(), &policy()));
    assert!(inventory.row("AKSTRAY1").is_none());
}

#[test]
fn listing_a_user_again_replaces_their_rows() {
    let mut inventory = account();
    inventory.set_keys(
        user("u-alice", "alice"),
        [key("u-alice", "AKALICE3", KeyStatus::Active, 0, None, "")],
        now(),
        &policy(),
    );
    let aks: Vec<_> = inventory
        .rows_of("u-alice")
        .map(|r| r.key.access.as_str())
        .collect();
    assert_eq!(aks, ["AKALICE3"]);
    inventory.set_keys(
        user("u-erin", "erin"),
        [
            key("u-erin", "AKERIN1", KeyStatus::Active, 5, None, ""),
            key("u-erin", "AKERIN2", KeyStatus::Active, 6, None, ""),
        ],
        now(),
        &policy(),
    );
    assert!(inventory.keys_known("u-erin"));
    assert!(!inventory.has_free_slot("u-erin"));
}

#[test]
fn own_keys_need_no_user_list() {
    let mut inventory = Inventory::default();
    inventory.set_keys(
        user("u-me", "me"),
        [key("u-me", "AKME1", KeyStatus::Active, 5, None, "")],
        now(),
        &policy(),
    );
    assert_eq!(names(inventory.users()), ["me"]);
    assert!(inventory.has_free_slot("u-me"));
}

#[test]
fn a_renamed_user_is_renamed_in_their_rows() {
    let mut inventory = account();
    inventory.add_user(UserRef {
        id: UserId::parse("u-bob").unwrap(),
        name: "robert".into(),
        enabled: false,
    });
    let row = inventory.row("AKBOB1").unwrap();
    assert_eq!(
        (row.user.name.as_str(), row.user.enabled),
        ("robert", false)
    );
    assert_eq!(inventory.users().count(), 6);
    assert!(inventory.keys_known("u-bob"));
}

#[test]
fn reassessing_applies_a_new_policy() {
    let mut inventory = account();
    let strict = RotationPolicy {
        rotate_after_days: 30,
        warn_before_days: 5,
        ..RotationPolicy::default()
    };
    inventory.reassess(now(), &strict);
    assert_eq!(
        inventory.row("AKBOB1").unwrap().assessment.badge,
        Badge::Overdue
    );
    assert_eq!(
        inventory.row("AKALICE1").unwrap().assessment.badge,
        Badge::Ok
    );
}
