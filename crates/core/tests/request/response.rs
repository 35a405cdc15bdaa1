//! `ApiResponse`: headers, and JSON errors that never quote what the answer held.

use keyturn_core::error::Error;
use keyturn_core::request::ApiResponse;

const SECRET: &str = "new-secret-key-value";

#[derive(serde::Deserialize, Debug)]
#[allow(dead_code)]
struct Created {
    secret: u32,
}

fn answer(body: &str) -> ApiResponse {
    ApiResponse {
        status: 201,
        headers: vec![("x-request-id".into(), "rid-1".into())],
        body: body.into(),
    }
}

fn decode_error(body: &str) -> String {
    match answer(body).json::<Created>() {
        Err(Error::Decode(message)) => message,
        other => panic!("expected a decode error for {body:?}, got {other:?}"),
    }
}

#[test]
fn a_well_formed_body_is_read() {
    assert_eq!(
        answer(r#"{"secret":7}"#).json::<Created>().unwrap().secret,
        7
    );
}

#[test]
fn headers_are_found_in_any_case() {
    let response = answer("{}");
    assert_eq!(response.header("X-Request-Id"), Some("rid-1"));
    assert_eq!(response.header("x-request-id"), Some("rid-1"));
    assert_eq!(response.header("date"), None);
}

#[test]
fn a_value_of_the_wrong_type_is_not_quoted() {
    let message = decode_error(&format!(r#"{{"secret":"{SECRET}"}}"#));
    assert!(!message.contains(SECRET), "{message}");
    assert_eq!(message, "unexpected value at line 1 column 32");
    let error = answer(&format!(r#"{{"secret":"{SECRET}"}}"#))
        .json::<Created>()
        .unwrap_err();
    assert!(!error.to_string().contains(SECRET), "{error}");
    assert!(!format!("{error:?}").contains(SECRET), "{error:?}");
}

#[test]
fn unknown_variants_and_out_of_range_numbers_are_not_quoted() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    enum Status {
        #[serde(rename = "active")]
        Active,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Key {
        status: Status,
    }
    let response = answer(&format!(r#"{{"status":"{SECRET}"}}"#));
    let message = response.json::<Key>().unwrap_err().to_string();
    assert!(!message.contains(SECRET), "{message}");
    assert!(message.contains("unexpected value"), "{message}");

    let huge = decode_error(r#"{"secret":98765432109876}"#);
    assert!(!huge.contains("98765432109876"), "{huge}");
}

#[test]
fn a_missing_field_is_named() {
    assert_eq!(
        decode_error("{}"),
        "missing field `secret` at line 1 column 2"
    );
}

#[test]
fn broken_json_says_where_without_quoting() {
    let message = decode_error(&format!(r#"{{"secret": {SECRET}"#));
    assert!(
        message.starts_with("not valid JSON at line 1 column"),
        "{message}"
    );
    assert!(!message.contains(SECRET), "{message}");
    assert!(decode_error("").starts_with("not valid JSON"), "empty body");
    assert!(
        decode_error(r#"{"secret":7"#).starts_with("not valid JSON"),
        "cut short"
    );
    let trailing = decode_error(&format!(r#"{{"secret":7}} {SECRET}"#));
    assert!(!trailing.contains(SECRET), "{trailing}");
}
