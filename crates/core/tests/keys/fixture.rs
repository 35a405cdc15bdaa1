//! Users, keys and failures of the access key page's tests, assessed at a fixed time.
//!
//! | user | AK | status | age | last used |
//! |---|---|---|---|---|
//! | alice | ALICEKEY000000000001 | active | 5 days | 12 hours ago |
//! | ci-backup | BACKUPOLD00000000001 | active | 95 days | 2 hours ago |
//! | ci-backup | BACKUPNEW00000000002 | active | 3 days | never |
//! | ci-terraform | TERRAFORM00000000001 | active | 95 days | never |
//! | bob | BOBKEY00000000000001 | inactive | 80 days | 40 days ago |
//! | monitoring-bot | MONITORING0000000001 | active | 180 days | 100 days ago |
//!
//! erin holds no key.

#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use keyturn_core::access_key::AccessKey;
use keyturn_core::error::{ApiError, Error};
use keyturn_core::ids::{AccessKeyId, UserId};
use keyturn_core::inventory::{Inventory, UserRef};
use keyturn_core::policy::RotationPolicy;
use keyturn_core::types::credential::{CreatedCredential, KeyStatus};

pub const ALICE: &str = "ALICEKEY000000000001";
pub const BACKUP_OLD: &str = "BACKUPOLD00000000001";
pub const BACKUP_NEW: &str = "BACKUPNEW00000000002";
pub const TERRAFORM: &str = "TERRAFORM00000000001";
pub const BOB: &str = "BOBKEY00000000000001";
pub const MONITORING: &str = "MONITORING0000000001";
/// The secret of [`created`], which must never show.
pub const NEW_SECRET: &str = "NewSecretKeyOnlyShownOnce0000000000000042";

/// The time every key is assessed at.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
}

/// The id of the user called `name`: `u-<name>`.
pub fn user_id(name: &str) -> UserId {
    UserId::parse(&format!("u-{name}")).unwrap()
}

/// A checked access key id.
pub fn ak(access: &str) -> AccessKeyId {
    AccessKeyId::parse(access).unwrap()
}

/// An enabled user `name` with id `u-<name>`.
pub fn user(name: &str) -> UserRef {
    UserRef {
        id: user_id(name),
        name: name.to_owned(),
        enabled: true,
    }
}

/// A key of `owner`, `age_days` old, last used `used_hours_ago` hours ago (never if `None`).
pub fn key(
    owner: &str,
    access: &str,
    status: KeyStatus,
    age_days: i64,
    used_hours_ago: Option<i64>,
) -> AccessKey {
    AccessKey {
        user_id: user_id(owner),
        access: ak(access),
        status,
        created: now() - Duration::days(age_days),
        last_used: used_hours_ago.map(|hours| now() - Duration::hours(hours)),
        description: format!("{owner} key"),
    }
}

/// Six keys of five users plus erin without keys, assessed at [`now`] under the default policy.
pub fn demo_inventory() -> Inventory {
    let policy = RotationPolicy::default();
    let holdings = [
        (
            "alice",
            vec![key("alice", ALICE, KeyStatus::Active, 5, Some(12))],
        ),
        (
            "ci-backup",
            vec![
                key("ci-backup", BACKUP_OLD, KeyStatus::Active, 95, Some(2)),
                key("ci-backup", BACKUP_NEW, KeyStatus::Active, 3, None),
            ],
        ),
        (
            "ci-terraform",
            vec![key("ci-terraform", TERRAFORM, KeyStatus::Active, 95, None)],
        ),
        (
            "bob",
            vec![key("bob", BOB, KeyStatus::Inactive, 80, Some(40 * 24))],
        ),
        (
            "monitoring-bot",
            vec![key(
                "monitoring-bot",
                MONITORING,
                KeyStatus::Active,
                180,
                Some(100 * 24),
            )],
        ),
        ("erin", vec![]),
    ];
    let mut inventory = Inventory::default();
    for (name, keys) in holdings {
        inventory.set_keys(user(name), keys, now(), &policy);
    }
    inventory
}

/// A service failure with this code.
pub fn failure(code: &str) -> Error {
    Error::Api(ApiError {
        status: 500,
        code: code.into(),
        message: "backend failed".into(),
        request_id: Some("req-1".into()),
    })
}

/// erin's new key, with its secret.
pub fn created() -> CreatedCredential {
    CreatedCredential {
        access: "NEWKEY00000000000042".into(),
        secret: NEW_SECRET.into(),
        user_id: "u-erin".into(),
        status: KeyStatus::Active,
        create_time: now(),
        description: "deploy".into(),
    }
}
