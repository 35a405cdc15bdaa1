//! The API bodies and the error envelope, read from anything.

use keyturn_core::error::{ApiError, Error};
use keyturn_core::request::ApiResponse;
use keyturn_core::types::credential::{
    CreatedCredentialResponse, CredentialResponse, CredentialsResponse,
};
use keyturn_core::types::directory::{
    DomainsResponse, ProjectsResponse, ShowUserResponse, UsersResponse,
};
use keyturn_core::types::kms::{DescribeKeyResponse, KeyRotationStatus, ListKeysResponse};
use keyturn_core::types::token::TokenResponse;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::strategies::{json, mutated, text};

/// A secret that must never appear in an error message.
const SECRET: &str = "SecretValueThatMustNotLeak0000000000000001";

fn answer(body: String) -> ApiResponse {
    ApiResponse {
        status: 200,
        headers: Vec::new(),
        body,
    }
}

/// Reads `body` as every answer type; each read either succeeds or fails with `Decode`.
fn read_all(body: &str) {
    fn read<T: DeserializeOwned>(body: &str) {
        match answer(body.to_owned()).json::<T>() {
            Ok(_) | Err(Error::Decode(_)) => {}
            Err(other) => panic!("not a decode error: {other:?}"),
        }
    }
    read::<CredentialsResponse>(body);
    read::<CredentialResponse>(body);
    read::<CreatedCredentialResponse>(body);
    read::<DomainsResponse>(body);
    read::<ProjectsResponse>(body);
    read::<UsersResponse>(body);
    read::<ShowUserResponse>(body);
    read::<ListKeysResponse>(body);
    read::<DescribeKeyResponse>(body);
    read::<KeyRotationStatus>(body);
    read::<TokenResponse>(body);
}

fn created_key() -> Value {
    json!({"credential": {
        "access": "HPUAEXAMPLEAK0000001", "secret": SECRET, "user_id": "u1",
        "status": "active", "create_time": "2020-01-08T06:26:08.123059Z", "description": "d"
    }})
}

fn kms_page() -> Value {
    json!({
        "keys": ["0d0466b0-e727-4d9c-b35d-f84bb474a37f"],
        "key_details": [{
            "key_id": "0d0466b0-e727-4d9c-b35d-f84bb474a37f", "domain_id": "d", "key_alias": "a",
            "realm": "cn-north-4", "key_spec": "AES_256", "key_usage": "ENCRYPT_DECRYPT",
            "key_description": "", "creation_date": "1502799822000",
            "scheduled_deletion_date": "", "key_state": "2", "default_key_flag": "0",
            "expiration_time": "", "origin": "kms", "key_rotation_enabled": "false"
        }],
        "next_marker": "", "truncated": "false", "total": 1
    })
}

fn token() -> Value {
    json!({"token": {
        "expires_at": "2020-01-09T06:26:08.123059Z", "issued_at": "2020-01-08T06:26:08.123059Z",
        "methods": ["password"],
        "user": {"id": "u1", "name": "alice", "domain": {"id": "d1", "name": "acme"},
            "password_expires_at": ""},
        "domain": {"id": "d1", "name": "acme"},
        "roles": [{"id": "r", "name": "admin"}], "catalog": []
    }})
}

proptest! {
    #[test]
    fn any_text_is_read_or_refused_never_a_panic(body in text()) {
        read_all(&body);
        let _ = ApiError::from_response(500, &body, None);
    }

    #[test]
    fn any_json_is_read_or_refused_never_a_panic(value in json()) {
        read_all(&value.to_string());
    }

    #[test]
    fn almost_right_answers_are_read_or_refused(
        doc in prop_oneof![mutated(created_key()), mutated(kms_page()), mutated(token())]
    ) {
        read_all(&doc.to_string());
    }

    #[test]
    fn an_unreadable_created_key_never_quotes_its_secret(doc in mutated(created_key())) {
        if let Err(error) = answer(doc.to_string()).json::<CreatedCredentialResponse>() {
            prop_assert!(!error.to_string().contains(SECRET), "{error}");
        }
    }

    #[test]
    fn error_envelopes_give_a_short_message_whatever_the_body(
        status in 100u16..600,
        value in json(),
        raw in text(),
        request_id in proptest::option::of(text()),
    ) {
        for body in [value.to_string(), raw] {
            let error = ApiError::from_response(status, &body, request_id.as_deref());
            prop_assert_eq!(error.status, status);
            prop_assert!(!error.code.is_empty());
            prop_assert!(!error.message.is_empty());
            // A recognised envelope keeps the service's own words; anything else is cut.
            if serde_json::from_str::<Value>(&body).is_err() {
                prop_assert!(error.message.chars().count() <= 501, "{}", error.message);
            }
            let _ = error.to_string();
        }
    }

    #[test]
    fn html_pages_never_reach_a_message_as_markup(
        title in text(),
        body in text(),
    ) {
        let page = format!("<html><head><title>{title}</title></head><body>{body}</body></html>");
        let message = ApiError::from_response(502, &page, None).message;
        prop_assert!(message.starts_with("an HTML page instead of an API answer"), "{message}");
        prop_assert!(message.chars().count() <= 240, "{message}");
    }
}
