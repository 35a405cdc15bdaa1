//! KMS v1.0: list-keys, describe-key and key rotation.

use keyturn_emulator::Options;
use keyturn_emulator::seed::demo::kms_role;
use keyturn_emulator::seed::{REGIONS, SeedOptions};
use keyturn_emulator::state::HOME_REGION;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{Emu, assert_kms_error, parts, start, start_with};

/// A key id that matches the documented pattern but names no key.
const UNKNOWN_KEY: &str = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";

async fn ok(emu: &Emu, op: &str, body: Value) -> Value {
    let (status, _, answer) = parts(emu.admin_kms(op, body).await).await;
    assert_eq!(status, 200, "{op}: {answer}");
    answer
}

async fn list(emu: &Emu, body: Value) -> Value {
    ok(emu, "list-keys", body).await
}

#[tokio::test]
async fn list_keys_defaults_to_aes_256_and_all_lists_everything() {
    let emu = start().await;
    let aes = list(&emu, json!({})).await;
    let details = aes["key_details"].as_array().unwrap();
    assert!(details.iter().all(|k| k["key_spec"] == "AES_256"));
    assert_eq!(aes["total"], details.len());
    assert_eq!(aes["truncated"], "false");
    assert_eq!(aes["next_marker"], "");
    let keys: Vec<&Value> = aes["keys"].as_array().unwrap().iter().collect();
    assert_eq!(keys.len(), details.len());

    let all = list(&emu, json!({"key_spec": "ALL"})).await;
    let specs: Vec<&str> = all["key_details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["key_spec"].as_str().unwrap())
        .collect();
    for spec in ["AES_256", "RSA_2048", "EC_P256", "SM4"] {
        assert!(specs.contains(&spec), "{spec}");
    }
    assert!(all["total"].as_u64().unwrap() > aes["total"].as_u64().unwrap());

    let sm4 = list(&emu, json!({"key_spec": "SM4"})).await;
    assert_eq!(sm4["total"], 1);
    let disabled = list(&emu, json!({"key_spec": "ALL", "key_state": "3"})).await;
    assert!(
        disabled["key_details"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| k["key_state"] == "3")
    );
    assert_eq!(disabled["total"], 1);
}

#[tokio::test]
async fn key_details_are_strings_like_the_recorded_traffic() {
    let emu = start().await;
    let all = list(&emu, json!({"key_spec": "ALL"})).await;
    let details = all["key_details"].as_array().unwrap();
    let creation: Vec<u64> = details
        .iter()
        .map(|k| k["creation_date"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(creation.windows(2).all(|w| w[0] >= w[1]), "newest first");
    for key in details {
        for (field, value) in key.as_object().unwrap() {
            assert!(value.is_string(), "{field} is a string");
        }
        let id = key["key_id"].as_str().unwrap();
        assert_eq!(id.len(), 36);
        assert_eq!(key["domain_id"], emu.startup.domain_id.as_str());
        assert_eq!(key["realm"], HOME_REGION);
        assert!(
            key["creation_date"].as_str().unwrap().len() == 13,
            "epoch milliseconds"
        );
    }
    let listed = |role_key: &Value| {
        details
            .iter()
            .find(|k| k["key_id"] == role_key["key_id"])
            .unwrap()
            .clone()
    };
    let default = listed(&emu.kms_key(kms_role::DEFAULT_KEY).await);
    assert_eq!(default["default_key_flag"], "1");
    let doomed = details.iter().find(|k| k["key_state"] == "4").unwrap();
    assert_eq!(
        doomed["scheduled_deletion_date"].as_str().unwrap().len(),
        13
    );
    assert_eq!(doomed["pending_days"], "7");
    let imported = listed(&emu.kms_key(kms_role::EXTERNAL).await);
    assert_eq!(imported["origin"], "external");
    let signing = details.iter().find(|k| k["key_spec"] == "EC_P256").unwrap();
    assert_eq!(signing["key_usage"], "SIGN_VERIFY");
}

/// Follows `next_marker` from the first page to the last, each page `limit` long (a string, or
/// absent), checking `total`, `truncated` and `next_marker` on the way; returns every key id in
/// the order listed, and checks that none came twice.
async fn list_all(emu: &Emu, filter: Value, limit: Option<&str>) -> Vec<String> {
    let total = list(emu, filter.clone()).await["total"].as_u64().unwrap();
    let mut seen = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let mut body = filter.clone();
        if let Some(limit) = limit {
            body["limit"] = json!(limit);
        }
        if let Some(m) = &marker {
            body["marker"] = json!(m);
        }
        let page = list(emu, body).await;
        assert_eq!(page["total"], total);
        let keys = page["keys"].as_array().unwrap();
        assert_eq!(keys.len(), page["key_details"].as_array().unwrap().len());
        seen.extend(keys.iter().map(|k| k.as_str().unwrap().to_owned()));
        match page["truncated"].as_str().unwrap() {
            "true" => {
                let page_size = limit.map_or(1000, |l| l.parse().unwrap());
                assert_eq!(keys.len(), page_size, "only the last page is short");
                marker = Some(page["next_marker"].as_str().unwrap().to_owned());
            }
            "false" => {
                assert_eq!(page["next_marker"], "");
                break;
            }
            other => panic!("truncated is {other}"),
        }
    }
    assert_eq!(seen.len() as u64, total);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len() as u64, total, "no key twice");
    seen
}

#[tokio::test]
async fn list_keys_paginates_with_string_markers() {
    let emu = start().await;
    list_all(&emu, json!({"key_spec": "ALL"}), Some("5")).await;
}

/// Generated keys on top of the demo account's, for paging past the 1,000-key page.
const MANY_KEYS: usize = 1200;

async fn start_with_many_keys() -> Emu {
    start_with(Options {
        seed: SeedOptions {
            kms_keys: MANY_KEYS,
            ..SeedOptions::default()
        },
        ..Options::default()
    })
    .await
}

#[tokio::test]
async fn list_keys_pages_through_more_than_a_thousand_keys() {
    let emu = start_with_many_keys().await;
    let state = emu.state().await;
    let home: Vec<&Value> = state["kms_keys"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["project_id"] == emu.startup.project_id.as_str())
        .collect();
    assert!(home.len() > MANY_KEYS);

    let first = list(&emu, json!({"key_spec": "ALL"})).await;
    assert_eq!(first["total"], home.len(), "total counts every page");
    assert_eq!(
        first["keys"].as_array().unwrap().len(),
        1000,
        "at most 1000"
    );
    assert_eq!(first["truncated"], "true");
    assert_eq!(first["next_marker"], "1000");
    let last = list(&emu, json!({"key_spec": "ALL", "marker": "1000"})).await;
    assert_eq!(last["keys"].as_array().unwrap().len(), home.len() - 1000);
    assert_eq!(
        (&last["truncated"], &last["next_marker"]),
        (&json!("false"), &json!(""))
    );
    let past = list(&emu, json!({"key_spec": "ALL", "marker": "5000"})).await;
    assert_eq!(past["keys"], json!([]));
    assert_eq!(
        (&past["truncated"], &past["next_marker"]),
        (&json!("false"), &json!(""))
    );

    let mut listed = Vec::new();
    for limit in [None, Some("1000"), Some("250"), Some("7")] {
        let keys = list_all(&emu, json!({"key_spec": "ALL"}), limit).await;
        if listed.is_empty() {
            listed = keys;
        } else {
            assert_eq!(keys, listed, "the same order with page size {limit:?}");
        }
    }
    let mut expected: Vec<&str> = home
        .iter()
        .map(|k| k["details"]["key_id"].as_str().unwrap())
        .collect();
    expected.sort_unstable();
    let mut got: Vec<&str> = listed.iter().map(String::as_str).collect();
    got.sort_unstable();
    assert_eq!(got, expected, "ALL lists every key of the project");
}

#[tokio::test]
async fn only_all_lists_keys_of_every_spec() {
    let emu = start_with_many_keys().await;
    let all = list_all(&emu, json!({"key_spec": "ALL"}), None).await;
    let default = list_all(&emu, json!({}), Some("500")).await;
    let aes = list_all(&emu, json!({"key_spec": "AES_256"}), Some("500")).await;
    assert_eq!(default, aes, "without key_spec only AES_256 keys");
    let mut by_spec = 0;
    for spec in [
        "AES_256", "SM4", "RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384", "SM2",
    ] {
        let page = list(&emu, json!({"key_spec": spec, "limit": "1000"})).await;
        let total = page["total"].as_u64().unwrap() as usize;
        by_spec += total;
        let details = page["key_details"].as_array().unwrap();
        assert!(details.iter().all(|k| k["key_spec"] == spec), "{spec}");
    }
    assert_eq!(by_spec, all.len(), "every key has one spec");
    assert!(
        aes.len() < all.len() && aes.len() > 500,
        "several pages of AES_256 keys"
    );
}

#[tokio::test]
async fn list_keys_parameter_errors() {
    let emu = start().await;
    for (body, code) in [
        (json!({"limit": "0"}), "KMS.1601"),
        (json!({"limit": "1001"}), "KMS.1601"),
        (json!({"limit": "ten"}), "KMS.1601"),
        (json!({"marker": "-1"}), "KMS.1602"),
        (json!({"limit": 10}), "KMS.0308"),
        (json!({"key_spec": "AES_128"}), "KMS.0308"),
        (json!({"key_state": "9"}), "KMS.0308"),
        (json!({"sequence": "short"}), "KMS.0206"),
    ] {
        assert_kms_error(emu.admin_kms("list-keys", body).await, 400, code).await;
    }
}

#[tokio::test]
async fn describe_key_and_its_errors() {
    let emu = start().await;
    let orders = emu.kms_key(kms_role::ROTATING).await;
    let id = orders["key_id"].as_str().unwrap();
    let info = ok(
        &emu,
        "describe-key",
        json!({"key_id": id, "sequence": "919c82d4-8046-4722-9094-35c3c6524cff"}),
    )
    .await;
    assert_eq!(info["key_info"]["key_alias"], orders["key_alias"]);
    assert_eq!(info["key_info"]["key_rotation_enabled"], "true");
    assert_kms_error(
        emu.admin_kms("describe-key", json!({})).await,
        400,
        "KMS.0204",
    )
    .await;
    assert_kms_error(
        emu.admin_kms("describe-key", json!({"key_id": "not-a-key"}))
            .await,
        400,
        "KMS.0205",
    )
    .await;
    assert_kms_error(
        emu.admin_kms("describe-key", json!({"key_id": UNKNOWN_KEY}))
            .await,
        404,
        "KMS.0207",
    )
    .await;
}

#[tokio::test]
async fn malformed_json_is_kms_0202() {
    let emu = start().await;
    let token = emu.admin_project_token().await;
    let path = format!("/v1.0/{}/kms/describe-key", emu.startup.project_id);
    let response = emu
        .http
        .post(emu.url(&path))
        .header("X-Auth-Token", token)
        .header("Content-Type", "application/json")
        .body("{\"key_id\":")
        .send()
        .await
        .unwrap();
    assert_kms_error(response, 400, "KMS.0202").await;
}

#[tokio::test]
async fn rotation_status_enable_interval_disable() {
    let emu = start().await;
    let id = emu.kms_key_id(kms_role::NEVER_ROTATED).await;
    let status = ok(&emu, "get-key-rotation-status", json!({"key_id": id})).await;
    assert_eq!(status["key_rotation_enabled"], false);
    assert_eq!(status["rotation_interval"], 365);
    assert_eq!(status["number_of_rotations"], 0);
    assert_eq!(status["last_rotation_time"], "");

    let enabled = emu
        .admin_kms("enable-key-rotation", json!({"key_id": id}))
        .await;
    assert_eq!(enabled.status(), 200);
    assert!(enabled.text().await.unwrap().is_empty(), "empty answer");
    let status = ok(&emu, "get-key-rotation-status", json!({"key_id": id})).await;
    assert_eq!(
        (
            status["key_rotation_enabled"].clone(),
            status["rotation_interval"].clone()
        ),
        (json!(true), json!(365))
    );

    for days in [30, 90, 365] {
        let updated = emu
            .admin_kms(
                "update-key-rotation-interval",
                json!({"key_id": id, "rotation_interval": days}),
            )
            .await;
        assert_eq!(updated.status(), 200);
        let status = ok(&emu, "get-key-rotation-status", json!({"key_id": id})).await;
        assert_eq!(status["rotation_interval"], days);
    }
    let described = ok(&emu, "describe-key", json!({"key_id": id})).await;
    assert_eq!(described["key_info"]["key_rotation_enabled"], "true");

    assert_eq!(
        emu.admin_kms("disable-key-rotation", json!({"key_id": id}))
            .await
            .status(),
        200
    );
    let status = ok(&emu, "get-key-rotation-status", json!({"key_id": id})).await;
    assert_eq!(status["key_rotation_enabled"], false);
    assert_eq!(status["rotation_interval"], 365, "the interval is kept");
}

#[tokio::test]
async fn rotation_must_be_off_to_enable_and_on_to_change() {
    let emu = start().await;
    let on = emu.kms_key_id(kms_role::ROTATING).await;
    assert_kms_error(
        emu.admin_kms("enable-key-rotation", json!({"key_id": on}))
            .await,
        400,
        "KMS.2901",
    )
    .await;
    let off = emu.kms_key_id(kms_role::NEVER_ROTATED).await;
    for (op, extra) in [
        ("disable-key-rotation", json!({})),
        (
            "update-key-rotation-interval",
            json!({"rotation_interval": 90}),
        ),
    ] {
        let mut body = extra;
        body["key_id"] = json!(off);
        assert_kms_error(emu.admin_kms(op, body).await, 400, "KMS.0313").await;
    }
    let status = ok(&emu, "get-key-rotation-status", json!({"key_id": off})).await;
    assert_eq!(
        (
            &status["key_rotation_enabled"],
            &status["rotation_interval"]
        ),
        (&json!(false), &json!(365)),
        "nothing changed"
    );
}

#[tokio::test]
async fn rotated_key_reports_its_history() {
    let emu = start().await;
    let id = emu.kms_key_id(kms_role::ROTATING).await;
    let status = ok(&emu, "get-key-rotation-status", json!({"key_id": id})).await;
    assert_eq!(status["key_rotation_enabled"], true);
    assert_eq!(status["rotation_interval"], 90);
    assert_eq!(status["number_of_rotations"], 4);
    assert_eq!(status["last_rotation_time"].as_str().unwrap().len(), 13);
}

#[tokio::test]
async fn interval_out_of_range_is_kms_3001_and_of_wrong_type_kms_0308() {
    let emu = start().await;
    let id = emu.kms_key_id(kms_role::ROTATING).await;
    for (interval, code) in [
        (json!(29), "KMS.3001"),
        (json!(366), "KMS.3001"),
        (json!(0), "KMS.3001"),
        (json!(-30), "KMS.3001"),
        (json!("90"), "KMS.0308"),
        (json!(90.5), "KMS.0308"),
    ] {
        let response = emu
            .admin_kms(
                "update-key-rotation-interval",
                json!({"key_id": id, "rotation_interval": interval}),
            )
            .await;
        assert_kms_error(response, 400, code).await;
    }
    let missing = emu
        .admin_kms("update-key-rotation-interval", json!({"key_id": id}))
        .await;
    assert_kms_error(missing, 400, "KMS.0204").await;
    let status = ok(&emu, "get-key-rotation-status", json!({"key_id": id})).await;
    assert_eq!(status["rotation_interval"], 90, "nothing changed");
}

#[tokio::test]
async fn keys_that_cannot_rotate() {
    let emu = start().await;
    for (role, code) in [
        (kms_role::DEFAULT_KEY, "KMS.0211"),
        (kms_role::EXTERNAL, "KMS.0312"),
        (kms_role::RSA, "KMS.0324"),
        (kms_role::EC, "KMS.0308"),
        (kms_role::DISABLED, "KMS.0209"),
        (kms_role::PENDING_DELETION, "KMS.0210"),
        (kms_role::PENDING_ACTIVATION, "KMS.1301"),
        (kms_role::PENDING_IMPORT, "KMS.1301"),
    ] {
        let id = emu.kms_key_id(role).await;
        for (op, extra) in [
            ("enable-key-rotation", json!({})),
            ("disable-key-rotation", json!({})),
            (
                "update-key-rotation-interval",
                json!({"rotation_interval": 90}),
            ),
        ] {
            let mut body = extra;
            body["key_id"] = json!(id);
            assert_kms_error(emu.admin_kms(op, body).await, 400, code).await;
        }
        let status = ok(&emu, "get-key-rotation-status", json!({"key_id": id})).await;
        assert_eq!(status["key_rotation_enabled"], false, "{role}");
    }
}

#[tokio::test]
async fn rotation_errors_for_bad_ids() {
    let emu = start().await;
    let known = emu.kms_key_id(kms_role::ROTATING).await;
    for op in [
        "get-key-rotation-status",
        "enable-key-rotation",
        "disable-key-rotation",
        "update-key-rotation-interval",
    ] {
        let body = |key_id: &str| json!({"key_id": key_id, "rotation_interval": 90});
        assert_kms_error(emu.admin_kms(op, body("ABC")).await, 400, "KMS.0205").await;
        assert_kms_error(emu.admin_kms(op, body(UNKNOWN_KEY)).await, 404, "KMS.0207").await;
        let mut bad_sequence = body(&known);
        bad_sequence["sequence"] = json!("short");
        assert_kms_error(emu.admin_kms(op, bad_sequence).await, 400, "KMS.0206").await;
    }
}

/// Among the generated keys, the first in project order that satisfies `wanted`.
async fn generated_key(emu: &Emu, wanted: impl Fn(&Value) -> bool) -> String {
    let state = emu.state().await;
    let key = state["kms_keys"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["role"].is_null())
        .find(|k| wanted(k))
        .expect("a generated key of that kind");
    key["details"]["key_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn rotation_checks_the_key_state_first_then_its_kind_then_the_switch() {
    let emu = start_with_many_keys().await;
    let disabled_rsa = generated_key(&emu, |k| {
        k["details"]["key_spec"] == "RSA_2048" && k["details"]["key_state"] == "3"
    })
    .await;
    let disabled_rotating = generated_key(&emu, |k| {
        k["details"]["key_state"] == "3" && k["rotation"]["enabled"] == true
    })
    .await;
    let enabled_rsa = generated_key(&emu, |k| {
        k["details"]["key_spec"] == "RSA_2048" && k["details"]["key_state"] == "2"
    })
    .await;
    for (key, op, code) in [
        (&disabled_rsa, "enable-key-rotation", "KMS.0209"),
        (&disabled_rotating, "enable-key-rotation", "KMS.0209"),
        (&disabled_rotating, "disable-key-rotation", "KMS.0209"),
        (&enabled_rsa, "disable-key-rotation", "KMS.0324"),
        (&enabled_rsa, "update-key-rotation-interval", "KMS.0324"),
    ] {
        let body = json!({"key_id": key, "rotation_interval": 90});
        assert_kms_error(emu.admin_kms(op, body).await, 400, code).await;
    }
}

#[tokio::test]
async fn keys_belong_to_their_project() {
    let emu = start().await;
    let state = emu.state().await;
    let other_project = state["projects"][1]["id"].as_str().unwrap();
    let foreign = emu.kms_key_id(kms_role::OTHER_REGION).await;
    assert_kms_error(
        emu.admin_kms("describe-key", json!({"key_id": foreign}))
            .await,
        404,
        "KMS.0207",
    )
    .await;
    let home = list(&emu, json!({"key_spec": "ALL"})).await;
    assert!(!home["keys"].as_array().unwrap().contains(&json!(foreign)));

    let path = format!("/v1.0/{other_project}/kms/list-keys");
    let (sg_token, _) = emu
        .issue_token(
            &emu.startup.admin.name,
            &emu.startup.admin.password,
            json!({"project": {"name": REGIONS[1]}}),
        )
        .await;
    let (status, _, body) = parts(
        emu.with_token(
            Method::POST,
            &path,
            &sg_token,
            Some(json!({"key_spec": "ALL"})),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["keys"], json!([foreign]));
    assert_eq!(body["key_details"][0]["realm"], REGIONS[1]);
}

#[tokio::test]
async fn unknown_kms_operation_is_apigw_0101() {
    let emu = start().await;
    let (status, request_id, body) = parts(emu.admin_kms("create-key", json!({})).await).await;
    assert_eq!(status, 404);
    assert_eq!(body["error_code"], "APIGW.0101");
    assert_eq!(body["request_id"], request_id.as_str());
}
