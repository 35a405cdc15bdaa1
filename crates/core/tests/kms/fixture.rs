//! A region shaped like the emulator's demo (docs/api.md's `KeyDetails`, wire strings and all):
//!
//! | # | alias | spec | state | origin | default | listed rotation | status (in [`loaded`]) |
//! |---|---|---|---|---|---|---|---|
//! | 1 | app/orders | AES_256 | enabled | kms | | on | on, 90 days, 4 rotations, 20 days ago |
//! | 2 | app/payments | AES_256 | enabled | kms | | on | on, 30 days, 6 rotations, 5 days ago |
//! | 3 | app/sessions | AES_256 | enabled | kms | | on | on, 180 days, 1 rotation, 120 days ago |
//! | 4 | app/archive | AES_256 | enabled | kms | | on | on, 365 days, 2 rotations, 70 days ago |
//! | 5 | app/legacy | AES_256 | enabled | kms | | off | off (365 days kept), never rotated |
//! | 6 | App/Reports | AES_256 | enabled | kms | | off | not asked yet |
//! | 7 | evs/default | AES_256 | enabled | kms | yes | off | cannot rotate: default key |
//! | 8 | byok/imported | AES_256 | enabled | external | | off | cannot rotate: external |
//! | 9 | byok/awaiting-material | AES_256 | pending import | external | | off | cannot rotate: pending import |
//! | 10 | app/retired | AES_256 | disabled | kms | | on | cannot rotate: disabled |
//! | 11 | app/doomed | AES_256 | pending deletion | kms | | off | cannot rotate: pending deletion |
//! | 12 | app/staging | AES_256 | pending activation | kms | | off | cannot rotate: pending activation |
//! | 13 | sign/rsa | RSA_2048 | enabled | kms | | off | cannot rotate: asymmetric |
//! | 14 | sign/ec | EC_P256 | enabled | kms | | off | cannot rotate: asymmetric |
//! | 15 | gm/sm4 | SM4 | enabled | kms | | off | the read failed |
//!
//! Key `n` has the id [`id`]`(n)` and was created `10 × n` days before [`now`].

use chrono::{DateTime, Duration, TimeZone, Utc};
use keyturn_core::error::{ApiError, Error};
use keyturn_core::ids::KmsKeyId;
use keyturn_core::kms::{KmsAction, KmsKeyRow, KmsState, RotationStatus};
use keyturn_core::model::Model;
use keyturn_core::types::kms::KeyDetails;
use serde_json::json;

pub const REGION: &str = "cn-north-4";

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
}

pub fn days_ago(days: i64) -> DateTime<Utc> {
    now() - Duration::days(days)
}

/// The id of key `n`: `0000000n-0000-4000-8000-00000000000n` (hex).
pub fn id_text(n: u32) -> String {
    format!("{n:08x}-0000-4000-8000-{n:012x}")
}

pub fn id(n: u32) -> KmsKeyId {
    KmsKeyId::parse(&id_text(n)).unwrap()
}

/// Key `n`'s details as `list-keys` sends them.
pub struct Spec {
    pub alias: &'static str,
    pub spec: &'static str,
    pub state: &'static str,
    pub origin: &'static str,
    pub default_key: bool,
    pub rotation: bool,
}

const fn aes(alias: &'static str, rotation: bool) -> Spec {
    Spec {
        alias,
        spec: "AES_256",
        state: "2",
        origin: "kms",
        default_key: false,
        rotation,
    }
}

pub const DEMO: [Spec; 15] = [
    aes("app/orders", true),
    aes("app/payments", true),
    aes("app/sessions", true),
    aes("app/archive", true),
    aes("app/legacy", false),
    aes("App/Reports", false),
    Spec {
        default_key: true,
        ..aes("evs/default", false)
    },
    Spec {
        origin: "external",
        ..aes("byok/imported", false)
    },
    Spec {
        origin: "external",
        state: "5",
        ..aes("byok/awaiting-material", false)
    },
    Spec {
        state: "3",
        ..aes("app/retired", true)
    },
    Spec {
        state: "4",
        ..aes("app/doomed", false)
    },
    Spec {
        state: "1",
        ..aes("app/staging", false)
    },
    Spec {
        spec: "RSA_2048",
        ..aes("sign/rsa", false)
    },
    Spec {
        spec: "EC_P256",
        ..aes("sign/ec", false)
    },
    Spec {
        spec: "SM4",
        ..aes("gm/sm4", false)
    },
];

/// Key `n` (from 1) of `spec`, as the wire has it.
pub fn details(n: u32, spec: &Spec) -> KeyDetails {
    let usage = if spec.spec.starts_with("RSA") || spec.spec.starts_with("EC") {
        "SIGN_VERIFY"
    } else {
        "ENCRYPT_DECRYPT"
    };
    let deletion = if spec.state == "4" {
        (now() + Duration::days(7)).timestamp_millis().to_string()
    } else {
        String::new()
    };
    serde_json::from_value(json!({
        "key_id": id_text(n),
        "domain_id": "16e914a4f83a4c6ba9f06c24648cc146",
        "key_alias": spec.alias,
        "realm": REGION,
        "key_spec": spec.spec,
        "key_usage": usage,
        "key_description": format!("demo key {n}"),
        "creation_date": days_ago(10 * i64::from(n)).timestamp_millis().to_string(),
        "scheduled_deletion_date": deletion,
        "key_state": spec.state,
        "default_key_flag": if spec.default_key { "1" } else { "0" },
        "key_type": "1",
        "expiration_time": "",
        "origin": spec.origin,
        "key_rotation_enabled": if spec.rotation { "true" } else { "false" },
        "sys_enterprise_project_id": "0",
        "keystore_id": "0",
        "keystore_type": "DEFAULT",
        "pending_days": "",
        "multi_region_key_type": "SINGLE"
    }))
    .unwrap()
}

/// The demo keys' rows, in order.
pub fn rows() -> Vec<KmsKeyRow> {
    (1..)
        .zip(&DEMO)
        .map(|(n, spec)| KmsKeyRow::try_from(&details(n, spec)).unwrap())
        .collect()
}

/// The row of demo key `n`.
pub fn row(n: u32) -> KmsKeyRow {
    rows().swap_remove(n as usize - 1)
}

pub fn status(
    enabled: bool,
    interval_days: u32,
    rotations: u32,
    last_days_ago: Option<i64>,
) -> RotationStatus {
    RotationStatus {
        enabled,
        interval_days,
        last_rotation: last_days_ago.map(days_ago),
        rotations,
    }
}

pub fn kms_error(code: &str) -> Error {
    Error::Api(ApiError {
        status: 400,
        code: code.into(),
        message: "refused".into(),
        request_id: Some("rid".into()),
    })
}

/// Every demo key listed in one page, no status asked yet.
pub fn listed() -> KmsState {
    let mut state = KmsState::default();
    state.apply(KmsAction::Started {
        region: REGION.into(),
    });
    state.apply(KmsAction::PageListed {
        keys: rows(),
        next_marker: None,
    });
    state
}

/// [`listed`] with the statuses of the table above.
pub fn loaded() -> KmsState {
    let mut state = listed();
    let known = [
        (1, status(true, 90, 4, Some(20))),
        (2, status(true, 30, 6, Some(5))),
        (3, status(true, 180, 1, Some(120))),
        (4, status(true, 365, 2, Some(70))),
        (5, status(false, 365, 0, None)),
    ];
    let mut actions: Vec<KmsAction> = known
        .into_iter()
        .map(|(n, status)| KmsAction::StatusLoaded {
            key_id: id(n),
            status,
        })
        .collect();
    actions.push(KmsAction::StatusFailed {
        key_id: id(15),
        error: Error::Network("proxy unreachable".into()),
    });
    assert!(state.apply(KmsAction::Batch(actions)));
    state
}

/// The aliases of rows, in order.
pub fn aliases(rows: &[&KmsKeyRow]) -> Vec<String> {
    rows.iter().map(|r| r.alias.clone()).collect()
}
