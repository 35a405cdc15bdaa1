//! The scripted KMS of the browser tests: one region's project, three keys (one rotating, a
//! default master key, an RSA key), and the page at `/kms` signed in with a project token.

use keyturn_core::session::ProjectToken;
use keyturn_core::settings::Settings;
use serde_json::{Value, json};

use super::{Mounted, Page, Script, admin, find, settings, wait_until};

/// The KMS endpoint of the test settings.
pub const KMS: &str = "https://kms.test.example";
/// The project of the test region.
pub const PROJECT: &str = "p-cn-north-4";
/// The rotating key.
pub const ROTATING: &str = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";
/// A Default Master Key.
pub const DEFAULT_KEY: &str = "17368998-bdca-4302-95ee-8925d139a29f";
/// An RSA key.
pub const RSA_KEY: &str = "2a3bc1de-0f45-4a67-89ab-cdef01234567";

/// The path of the KMS operation `op` in the test project.
pub fn kms_path(op: &str) -> String {
    format!("/v1.0/{PROJECT}/kms/{op}")
}

fn key(id: &str, alias: &str, spec: &str, default_key: bool, rotating: bool) -> Value {
    json!({
        "key_id": id, "domain_id": "d1", "key_alias": alias, "realm": "cn-north-4",
        "key_spec": spec, "key_usage": if spec.starts_with("RSA") { "SIGN_VERIFY" } else { "ENCRYPT_DECRYPT" },
        "key_description": "", "creation_date": "1716661217000", "scheduled_deletion_date": "",
        "key_state": "2", "default_key_flag": if default_key { "1" } else { "0" },
        "key_type": "1", "expiration_time": "", "origin": "kms",
        "key_rotation_enabled": if rotating { "true" } else { "false" },
    })
}

/// A rotation status: on or off, at `days`.
pub fn rotation(enabled: bool, days: u32) -> Value {
    json!({
        "key_rotation_enabled": enabled, "rotation_interval": days,
        "last_rotation_time": "1740787200000", "number_of_rotations": 3,
    })
}

/// A KMS refusal with `status` and `code`.
pub fn kms_error(status: u16, code: &str, message: &str) -> super::Answer {
    super::Answer::json(
        status,
        json!({ "error": { "error_code": code, "error_msg": message } }),
    )
    .header("X-Request-Id", &format!("req-{code}"))
}

/// The key list and the rotating key's status (on, 90 days).
pub fn kms_account() -> Script {
    let keys = [
        key(ROTATING, "app/orders", "AES_256", false, true),
        key(DEFAULT_KEY, "evs/default", "AES_256", true, false),
        key(RSA_KEY, "sign/rsa", "RSA_2048", false, false),
    ];
    Script::new()
        .reply(
            "POST",
            &kms_path("list-keys"),
            200,
            json!({ "key_details": keys, "next_marker": "", "truncated": "false", "total": 3 }),
        )
        .reply(
            "POST",
            &kms_path("get-key-rotation-status"),
            200,
            rotation(true, 90),
        )
}

/// The KMS page signed in as the administrator with a project token, once loaded.
pub async fn kms_page(script: Script) -> Mounted {
    let mut session = admin();
    session.project_tokens.push(ProjectToken {
        region: "cn-north-4".into(),
        project_id: PROJECT.into(),
        token: "project-token-never-shown".into(),
    });
    let page = Page::new()
        .config(Ok(Settings {
            kms_endpoint: Some(KMS.into()),
            ..settings()
        }))
        .at("/kms")
        .signed_in(session)
        .fetch(script)
        .mount_kms()
        .await;
    wait_until("the KMS keys are loaded", || {
        find(&page, "table.kms-table").is_some() && find(&page, "progress").is_none()
    })
    .await;
    page
}
