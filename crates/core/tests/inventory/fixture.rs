//! A small account, assessed at a fixed time under the default policy:
//!
//! | user | AK | status | age | last used | badge | usage |
//! |---|---|---|---|---|---|---|
//! | alice | AKALICE1 | active | 10 | 1 day ago | ok | recent |
//! | alice | AKALICE2 | inactive | 100 | never | overdue | never used |
//! | bob | AKBOB1 | active | 80 | 60 days ago | due soon | recent |
//! | carol | AKCAROL1 | active | 400 | 200 days ago | overdue | unused |
//! | CI-Bot | AKCIBOT1 | active | 3 | never | ok | not yet used |
//!
//! dave holds no key; erin's keys are not known yet.

use chrono::{DateTime, Duration, TimeZone, Utc};
use keyturn_core::access_key::AccessKey;
use keyturn_core::ids::{AccessKeyId, UserId};
use keyturn_core::inventory::{Inventory, KeyRow, UserRef};
use keyturn_core::policy::RotationPolicy;
use keyturn_core::types::credential::KeyStatus;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
}

pub fn policy() -> RotationPolicy {
    RotationPolicy::default()
}

pub fn user(id: &str, name: &str) -> UserRef {
    UserRef {
        id: UserId::parse(id).unwrap(),
        name: name.into(),
        enabled: true,
    }
}

pub fn key(
    user_id: &str,
    access: &str,
    status: KeyStatus,
    age_days: i64,
    last_used_days_ago: Option<i64>,
    description: &str,
) -> AccessKey {
    AccessKey {
        user_id: UserId::parse(user_id).unwrap(),
        access: AccessKeyId::parse(access).unwrap(),
        status,
        created: now() - Duration::days(age_days),
        last_used: last_used_days_ago.map(|d| now() - Duration::days(d)),
        description: description.into(),
    }
}

/// A row of an `age_days` old key, used yesterday.
pub fn row_of_age(age_days: i64) -> KeyRow {
    KeyRow::new(
        user("u-x", "x"),
        key("u-x", "AKX", KeyStatus::Active, age_days, Some(1), ""),
        now(),
        &policy(),
    )
}

pub fn account() -> Inventory {
    use KeyStatus::{Active, Inactive};
    let mut inventory = Inventory::with_users([
        user("u-alice", "alice"),
        user("u-bob", "bob"),
        user("u-carol", "carol"),
        user("u-ci", "CI-Bot"),
        user("u-dave", "dave"),
        user("u-erin", "erin"),
    ]);
    let (now, policy) = (now(), policy());
    inventory.set_keys(
        user("u-ci", "CI-Bot"),
        [key("u-ci", "AKCIBOT1", Active, 3, None, "pipeline")],
        now,
        &policy,
    );
    inventory.set_keys(
        user("u-alice", "alice"),
        [
            key("u-alice", "AKALICE1", Active, 10, Some(1), "laptop"),
            key("u-alice", "AKALICE2", Inactive, 100, None, "old ci"),
        ],
        now,
        &policy,
    );
    inventory.set_keys(
        user("u-carol", "carol"),
        [key("u-carol", "AKCAROL1", Active, 400, Some(200), "")],
        now,
        &policy,
    );
    inventory.set_keys(
        user("u-bob", "bob"),
        [key("u-bob", "AKBOB1", Active, 80, Some(60), "Backup")],
        now,
        &policy,
    );
    inventory.set_keys(user("u-dave", "dave"), [], now, &policy);
    inventory
}

/// The access keys of rows, in order.
pub fn aks(rows: &[&KeyRow]) -> Vec<String> {
    rows.iter().map(|r| r.key.access.to_string()).collect()
}
