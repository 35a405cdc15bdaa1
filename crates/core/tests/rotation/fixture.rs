//! One user, `ci-deploy`, and the keys a rotation of its key [`OLD`] meets, at fixed times.
//! Every rotation starts at [`now`]; [`at`]`(n)` is `n` minutes later.
//!
//! | AK | role | as listed by [`listed`] |
//! |---|---|---|
//! | [`OLD`] | the key rotated | created 120 days before [`now`], last used 2 hours before |
//! | [`NEW`] | the new key, created at [`at`]`(2)` ([`new_key`]) | never used |
//! | [`OTHER`] | a second key taking the free slot | as a test needs it |
//! | [`ORPHAN`] | a key that appeared after an unanswered create | never used |
//!
//! The safe path ([`safe_path`]) and the quick path ([`quick_path`]) are the flows of seed 001
//! and seed 000, step by step; [`reach`] walks one to a stage.

#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use keyturn_core::access_key::AccessKey;
use keyturn_core::ids::{AccessKeyId, UserId};
use keyturn_core::inventory::UserRef;
use keyturn_core::rotation::{Mode, NewKey, OldKeyEnd, Pending, RotationRecord, Stage, Step};
use keyturn_core::types::credential::{CreatedCredential, KeyStatus};

pub const OLD: &str = "OLDKEY00000000000001";
pub const NEW: &str = "NEWKEY00000000000002";
pub const OTHER: &str = "OTHERKEY000000000003";
pub const ORPHAN: &str = "ORPHANKEY00000000004";
pub const USER: &str = "ci-deploy";
/// The new key's secret, as the create answer carries it: it must never be kept.
pub const NEW_SECRET: &str = "NewSecretKeyOnlyShownOnce0000000000000042";

/// When every rotation starts.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
}

/// `minutes` after [`now`].
pub fn at(minutes: i64) -> DateTime<Utc> {
    now() + Duration::minutes(minutes)
}

/// `days` after [`now`].
pub fn days_later(days: i64) -> DateTime<Utc> {
    now() + Duration::days(days)
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

/// A key of `owner` created at `created`, last used at `last_used` (never if `None`).
pub fn key_of(
    owner: &str,
    access: &str,
    status: KeyStatus,
    created: DateTime<Utc>,
    last_used: Option<DateTime<Utc>>,
) -> AccessKey {
    AccessKey {
        user_id: user_id(owner),
        access: ak(access),
        status,
        created,
        last_used,
        description: format!("{owner} key"),
    }
}

/// A key of [`USER`], `age_days` old at [`now`], last used `used_days_ago` days before [`now`].
pub fn key(
    access: &str,
    status: KeyStatus,
    age_days: i64,
    used_days_ago: Option<i64>,
) -> AccessKey {
    key_of(
        USER,
        access,
        status,
        now() - Duration::days(age_days),
        used_days_ago.map(|days| now() - Duration::days(days)),
    )
}

/// A key as the user's list shows it after the rotation started: [`OLD`] as in the table,
/// [`NEW`] created at [`at`]`(2)`, [`OTHER`] and [`ORPHAN`] never used.
pub fn listed(access: &str, status: KeyStatus) -> AccessKey {
    match access {
        OLD => key_of(
            USER,
            OLD,
            status,
            now() - Duration::days(120),
            Some(now() - Duration::hours(2)),
        ),
        NEW => key_of(USER, NEW, status, at(2), None),
        _ => key_of(USER, access, status, at(2), None),
    }
}

/// [`listed`] active.
pub fn active(access: &str) -> AccessKey {
    listed(access, KeyStatus::Active)
}

/// [`listed`] inactive.
pub fn inactive(access: &str) -> AccessKey {
    listed(access, KeyStatus::Inactive)
}

/// The new key as the create answer carries it, secret and all.
pub fn created_credential() -> CreatedCredential {
    CreatedCredential {
        access: NEW.into(),
        secret: NEW_SECRET.into(),
        user_id: format!("u-{USER}"),
        status: KeyStatus::Active,
        create_time: at(2),
        description: "rotated".into(),
    }
}

/// The new key as a rotation keeps it (what the app takes from [`created_credential`]).
pub fn new_key() -> NewKey {
    let answer = created_credential();
    NewKey {
        access: ak(&answer.access),
        created: answer.create_time,
    }
}

/// A fresh rotation of [`OLD`] in `mode`, started at [`now`].
pub fn record(mode: Mode) -> RotationRecord {
    RotationRecord::new(user_id(USER), USER.to_owned(), ak(OLD), mode, now())
}

/// The write creating the new key while the user holds only [`OLD`].
pub fn send_create() -> Step {
    Step::Sent(Pending::Create {
        keys_before: vec![ak(OLD)],
    })
}

/// Deleting `access`.
pub fn delete(access: &str) -> Pending {
    Pending::Delete { access: ak(access) }
}

/// The safe wizard (seed 001) from the preflight to the end, with the minutes each step is
/// applied at.
pub fn safe_path() -> Vec<(DateTime<Utc>, Step)> {
    vec![
        (at(1), Step::PreflightPassed),
        (at(1), send_create()),
        (
            at(2),
            Step::Created {
                key: new_key(),
                request_id: Some("req-create".into()),
            },
        ),
        (at(3), Step::SecretSaved),
        (at(10), Step::HandedOver),
        (
            at(60),
            Step::Checked {
                old_last_used: Some(now() - Duration::hours(2)),
                new_last_used: Some(at(30)),
            },
        ),
        (days_later(8), Step::MovedOn { early: false }),
        (days_later(8), Step::Sent(Pending::Disable)),
        (
            days_later(8),
            Step::Disabled {
                request_id: Some("req-disable".into()),
            },
        ),
        (days_later(9), Step::ToDelete),
        (days_later(9), Step::Sent(delete(OLD))),
        (
            days_later(9),
            Step::Deleted {
                access: ak(OLD),
                request_id: Some("req-delete".into()),
            },
        ),
    ]
}

/// The quick rotation (seed 000) ending the old key with `end`.
pub fn quick_path(end: OldKeyEnd) -> Vec<(DateTime<Utc>, Step)> {
    let answer = match end {
        OldKeyEnd::Disable => Step::Disabled {
            request_id: Some("req-disable".into()),
        },
        OldKeyEnd::Delete => Step::Deleted {
            access: ak(OLD),
            request_id: Some("req-delete".into()),
        },
    };
    vec![
        (at(1), Step::PreflightPassed),
        (at(1), send_create()),
        (
            at(2),
            Step::Created {
                key: new_key(),
                request_id: Some("req-create".into()),
            },
        ),
        (at(3), Step::SecretSaved),
        (
            at(4),
            Step::Sent(match end {
                OldKeyEnd::Disable => Pending::Disable,
                OldKeyEnd::Delete => Pending::Delete { access: ak(OLD) },
            }),
        ),
        (at(4), answer),
    ]
}

/// The path of `mode` (a quick rotation disables the old key, the default).
pub fn path(mode: Mode) -> Vec<(DateTime<Utc>, Step)> {
    match mode {
        Mode::Safe => safe_path(),
        Mode::Quick => quick_path(OldKeyEnd::Disable),
    }
}

/// A rotation in `mode` walked along its path until it first stands at `stage` with no write
/// pending (at [`Stage::Create`]: before the create is sent).
pub fn reach(mode: Mode, stage: Stage) -> RotationRecord {
    let mut rotation = record(mode);
    for (at, step) in path(mode) {
        if rotation.stage == stage && rotation.pending.is_none() {
            return rotation;
        }
        rotation
            .apply(step.clone(), at)
            .unwrap_or_else(|_| panic!("{step:?} refused at {:?}", rotation.stage));
    }
    assert_eq!(rotation.stage, stage, "{mode:?} never reaches {stage:?}");
    rotation
}

/// A rotation in `mode` whose new key was just created (its secret showing).
pub fn created(mode: Mode) -> RotationRecord {
    let mut rotation = reach(mode, Stage::Create);
    apply(&mut rotation, send_create());
    apply(
        &mut rotation,
        Step::Created {
            key: new_key(),
            request_id: None,
        },
    );
    rotation
}

/// A rotation in `mode` whose create went unanswered and left [`ORPHAN`].
pub fn with_orphan(mode: Mode) -> RotationRecord {
    let mut rotation = reach(mode, Stage::Create);
    apply(&mut rotation, send_create());
    apply(&mut rotation, Step::OrphanFound { access: ak(ORPHAN) });
    rotation
}

/// `rotation` with `pending` sent.
pub fn sent(mut rotation: RotationRecord, pending: Pending) -> RotationRecord {
    apply(&mut rotation, Step::Sent(pending));
    rotation
}

/// Applies `step` at [`at`]`(100)`, which must be accepted.
pub fn apply(rotation: &mut RotationRecord, step: Step) {
    let what = format!("{step:?}");
    rotation
        .apply(step, at(100))
        .unwrap_or_else(|_| panic!("{what} refused at {:?}", rotation.stage));
}

/// Applies `steps` in order at [`at`]`(100)`; every one must be accepted.
pub fn apply_all(rotation: &mut RotationRecord, steps: Vec<Step>) {
    for step in steps {
        apply(rotation, step);
    }
}
