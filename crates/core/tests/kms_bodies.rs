//! Every KMS body of docs/api.md ("KMS: keys", "KMS: rotation"), the official examples, the
//! signing vectors and the recorded traffic.

use chrono::{DateTime, Utc};
use keyturn_core::error::ApiError;
use keyturn_core::types::kms::{
    DescribeKeyResponse, KeyRequest, KeyRotationStatus, KeyState, ListKeysRequest,
    ListKeysResponse, UpdateRotationIntervalRequest,
};
use keyturn_core::validate::ValidationError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

const RECORDING: &str = include_str!("data/kms_list_keys.json");

fn round_trip<T: DeserializeOwned + Serialize>(body: &str) -> T {
    let parsed: T = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    let original: Value = serde_json::from_str(body).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), original);
    parsed
}

fn ms(epoch_ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(epoch_ms).unwrap()
}

fn interactions() -> Vec<Value> {
    let doc: Value = serde_json::from_str(RECORDING).unwrap();
    doc["interactions"].as_array().unwrap().clone()
}

#[test]
fn recorded_list_keys_answer_parses_and_writes_back_unchanged() {
    let answer = &interactions()[0]["response"];
    assert_eq!(answer["status"], 200);
    let body = answer["body"].to_string();
    let parsed: ListKeysResponse = round_trip(&body);

    assert_eq!(parsed.total, 6);
    assert!(!parsed.truncated);
    assert_eq!(parsed.next_marker, None);
    assert_eq!(parsed.next_page_marker(), None);
    assert_eq!(parsed.keys.len(), 6);
    assert_eq!(parsed.key_details.len(), 6);
    assert_eq!(
        parsed.keys,
        parsed
            .key_details
            .iter()
            .map(|k| k.key_id.clone())
            .collect::<Vec<_>>()
    );

    let first = &parsed.key_details[0];
    assert_eq!(first.key_id, "17368998-bdca-4302-95ee-8925d139a29f");
    assert_eq!(first.creation_date, ms(1_716_661_217_000));
    assert_eq!(first.key_state, KeyState::Enabled);
    assert_eq!(first.scheduled_deletion_date, None);
    assert_eq!(first.expiration_time, None);
    assert!(!first.key_rotation_enabled && !first.is_default_key() && !first.is_external());
    assert_eq!(first.keystore_type.as_deref(), Some("DEFAULT"));
    assert_eq!(first.multi_region_key_type.as_deref(), Some("SINGLE"));
    assert_eq!(first.pending_days.as_deref(), Some(""));

    let defaults: Vec<&str> = parsed
        .key_details
        .iter()
        .filter(|k| k.is_default_key())
        .map(|k| k.key_alias.as_str())
        .collect();
    assert_eq!(defaults, ["evs/default", "kps/default", "csms/default"]);
    assert_eq!(
        parsed.key_details[3].key_description,
        "用于加密云硬盘的默认密钥。"
    );
    assert_eq!(
        parsed.key_details[2].sys_enterprise_project_id.as_deref(),
        Some("1812c907-ecef-41ac-b5da-1d99d17e15ce")
    );
}

#[test]
fn recorded_list_keys_requests() {
    for interaction in &interactions()[..2] {
        let body = interaction["request"]["body"].as_str().unwrap();
        let parsed: ListKeysRequest = serde_json::from_str(body).unwrap();
        assert_eq!(parsed, ListKeysRequest::all_specs(None, None));
    }
    assert_eq!(
        serde_json::to_value(ListKeysRequest::all_specs(Some(50), Some("50"))).unwrap(),
        json!({"limit": "50", "marker": "50", "key_spec": "ALL"})
    );
}

#[test]
fn recorded_gateway_refusal() {
    let answer = &interactions()[1]["response"];
    let err = ApiError::from_response(
        answer["status"].as_u64().unwrap() as u16,
        &answer["body"].to_string(),
        answer["headers"]["X-Request-Id"].as_str(),
    );
    assert_eq!(err.status, 401);
    assert_eq!(err.code, "APIGW.0301");
    assert_eq!(
        err.message,
        "Incorrect IAM authentication information: Unauthorized"
    );
    assert_eq!(
        err.request_id.as_deref(),
        Some("59a2e407ee471a94573b2510cc6db323")
    );
}

#[test]
fn list_keys_request_from_the_vector() {
    let body = r#"{"limit": "10", "marker": "0", "key_state": "2"}"#;
    let parsed: ListKeysRequest = round_trip(body);
    assert_eq!(parsed.limit.as_deref(), Some("10"));
    assert_eq!(parsed.key_spec, None);
}

#[test]
fn truncated_pages_give_the_next_marker() {
    let body = r#"{"keys":["0d0466b0-e727-4d9c-b35d-f84bb474a37f"],"key_details":[],
      "next_marker":"1","truncated":"true","total":2}"#;
    let parsed: ListKeysResponse = round_trip(body);
    assert_eq!(parsed.next_page_marker(), Some("1"));

    let lenient = r#"{"keys":[],"key_details":[],"next_marker":"1","truncated":true,"total":"2"}"#;
    let parsed: ListKeysResponse = serde_json::from_str(lenient).unwrap();
    assert_eq!((parsed.truncated, parsed.total), (true, 2));
}

const KEY_INFO: &str = r#"{"key_id":"0d0466b0-e727-4d9c-b35d-f84bb474a37f","domain_id":"b168fe00ff56492495a7d22974df2d0b",
  "key_alias":"kms_test","realm":"aaa","key_spec":"AES_256","key_usage":"ENCRYPT_DECRYPT","key_description":"",
  "creation_date":"1502799822000","scheduled_deletion_date":"1503404622000","key_state":"4","default_key_flag":"0",
  "key_type":"1","expiration_time":"1501578672000","origin":"external","key_rotation_enabled":"true",
  "sys_enterprise_project_id":"0","keystore_id":"0","partition_type":"1"}"#;

#[test]
fn describe_key_response() {
    let parsed: DescribeKeyResponse = round_trip(&format!(r#"{{"key_info":{KEY_INFO}}}"#));
    let key = parsed.key_info;
    assert_eq!(key.creation_date, ms(1_502_799_822_000));
    assert_eq!(key.scheduled_deletion_date, Some(ms(1_503_404_622_000)));
    assert_eq!(key.expiration_time, Some(ms(1_501_578_672_000)));
    assert_eq!(key.key_state, KeyState::PendingDeletion);
    assert!(key.key_rotation_enabled && key.is_external());
    assert_eq!(key.partition_type.as_deref(), Some("1"));
}

#[test]
fn key_states_and_unknown_codes() {
    for (code, state) in [
        ("1", KeyState::PendingActivation),
        ("2", KeyState::Enabled),
        ("3", KeyState::Disabled),
        ("4", KeyState::PendingDeletion),
        ("5", KeyState::PendingImport),
        ("9", KeyState::Other("9".into())),
    ] {
        let parsed: KeyState = serde_json::from_value(json!(code)).unwrap();
        assert_eq!(parsed, state);
        assert_eq!(serde_json::to_value(&parsed).unwrap(), json!(code));
    }
}

#[test]
fn rotation_status_as_the_sdk_types_it() {
    let body = r#"{"key_rotation_enabled":true,"rotation_interval":30,"last_rotation_time":"1502799822000",
      "number_of_rotations":3,"key_materials":[
        {"material_id":"m1","charge_id":"c1","create_time":"1502799822000","expiration_time":"","state":2},
        {"material_id":"m0","charge_id":"c0","create_time":"1500000000000","expiration_time":"","state":0}]}"#;
    let parsed: KeyRotationStatus = round_trip(body);
    assert!(parsed.key_rotation_enabled);
    assert_eq!(parsed.rotation_interval, 30);
    assert_eq!(parsed.last_rotation_time, Some(ms(1_502_799_822_000)));
    assert_eq!(parsed.number_of_rotations, 3);
    let materials = parsed.key_materials.unwrap();
    assert_eq!((materials[0].state, materials[1].state), (2, 0));
    assert_eq!(materials[0].expiration_time, None);
}

#[test]
fn rotation_status_as_older_docs_type_it() {
    let body = r#"{"key_rotation_enabled":"false","rotation_interval":"365","last_rotation_time":"","number_of_rotations":"0"}"#;
    let parsed: KeyRotationStatus = serde_json::from_str(body).unwrap();
    assert!(!parsed.key_rotation_enabled);
    assert_eq!(parsed.rotation_interval, 365);
    assert_eq!(parsed.last_rotation_time, None);
    assert_eq!(parsed.number_of_rotations, 0);
    assert_eq!(
        serde_json::to_value(&parsed).unwrap(),
        json!({"key_rotation_enabled": false, "rotation_interval": 365,
               "last_rotation_time": "", "number_of_rotations": 0})
    );
}

#[test]
fn update_interval_request_from_the_seed_and_the_vector() {
    let seed = r#"{ "key_id" : "0d0466b0-e727-4d9c-b35d-f84bb474a37f", "rotation_interval" : 30 }"#;
    let parsed: UpdateRotationIntervalRequest = round_trip(seed);
    assert_eq!(
        Ok(parsed),
        UpdateRotationIntervalRequest::new("0d0466b0-e727-4d9c-b35d-f84bb474a37f", 30)
    );
    let vector = r#"{"key_id": "0d0466b0-e727-4d9c-b35d-f84bb474a37f", "rotation_interval": 90}"#;
    round_trip::<UpdateRotationIntervalRequest>(vector);
}

#[test]
fn request_constructors_check_their_inputs() {
    assert_eq!(
        UpdateRotationIntervalRequest::new("0d0466b0-e727-4d9c-b35d-f84bb474a37f", 29),
        Err(ValidationError::RotationInterval(29))
    );
    assert_eq!(
        UpdateRotationIntervalRequest::new("not-a-key", 90),
        Err(ValidationError::KmsKeyId)
    );
    assert_eq!(KeyRequest::new("../x"), Err(ValidationError::KmsKeyId));
}

#[test]
fn key_request_from_the_vector() {
    let body = r#"{"key_id": "0d0466b0-e727-4d9c-b35d-f84bb474a37f"}"#;
    let parsed: KeyRequest = round_trip(body);
    assert_eq!(
        Ok(parsed),
        KeyRequest::new("0d0466b0-e727-4d9c-b35d-f84bb474a37f")
    );
    let with_sequence = r#"{"key_id":"0d0466b0-e727-4d9c-b35d-f84bb474a37f","sequence":"919c82d4-8046-4722-9094-35c3c6524cff"}"#;
    round_trip::<KeyRequest>(with_sequence);
}
