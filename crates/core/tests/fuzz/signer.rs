//! The signer's canonicalisation and request preparation, on any path, query, header and body.

use chrono::{DateTime, Datelike, TimeZone, Utc};
use keyturn_core::request::{ApiRequest, Auth, Idempotency, Method, prepare};
use keyturn_core::signer::{
    self, Authorization, SignableRequest, canonical_query, format_sdk_date, parse_sdk_date,
};
use proptest::prelude::*;

const SK: &str = "fuzz-secret-key";

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(vec![Method::Get, Method::Post, Method::Put, Method::Delete])
}

/// Query keys and values: any Unicode, reserved characters and percent signs included.
fn query_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((any::<String>(), any::<String>()), 0..5)
}

/// Paths as the request builders write them, and worse.
fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        "(/[A-Za-z0-9._~%-]{0,12}){0,5}/?",
        any::<String>().prop_map(|s| s.replace(['?', '#'], "")),
    ]
}

fn header_value() -> impl Strategy<Value = String> {
    // What a browser lets a page send: printable ASCII and spaces, no CR or LF.
    "[ -~]{0,40}"
}

proptest! {
    #[test]
    fn any_prepared_request_verifies_as_sent(
        method in method(),
        path in path(),
        query in query_pairs(),
        header in header_value(),
        body in proptest::option::of(any::<String>()),
        seconds in 0i64..253_402_300_799,
    ) {
        let mut request = ApiRequest::new(method, "https://iam.myhuaweicloud.com/base", path, Idempotency::Idempotent)
            .header("x-subject-token", header);
        for (key, value) in &query {
            request = request.query(key.clone(), value.clone());
        }
        if let Some(body) = &body {
            request = request.json(body).expect("a string serializes");
        }
        let auth = Auth::AkSk { ak: "AK".into(), sk: SK.into(), domain_id: Some("d".into()), project_id: None };
        let now = Utc.timestamp_opt(seconds, 0).single().expect("in range");
        let prepared = prepare(&request, &auth, "http://127.0.0.1:8787", now).expect("prepared");
        prop_assert!(prepared.url.starts_with("http://127.0.0.1:8787/https://iam.myhuaweicloud.com/base"));
        let mut headers: Vec<(&str, &str)> = prepared
            .headers
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
            .collect();
        headers.push(("host", "iam.myhuaweicloud.com"));
        let wire = SignableRequest {
            method: prepared.method.as_str(),
            path: &prepared.path,
            query: &prepared.query,
            headers: &headers,
            body: prepared.body.as_deref().unwrap_or_default().as_bytes(),
        };
        let authorization = Authorization::parse(prepared.header("authorization").expect("signed"))
            .expect("our own header parses");
        prop_assert_eq!(signer::verify(&wire, &authorization, SK), Ok(()));
        let tampered = format!("{}x", prepared.body.as_deref().unwrap_or_default());
        let changed = SignableRequest { body: tampered.as_bytes(), ..wire };
        prop_assert!(signer::verify(&changed, &authorization, SK).is_err());
    }

    #[test]
    fn the_canonical_query_is_stable_and_plain_ascii(pairs in query_pairs()) {
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let canonical = canonical_query(&borrowed);
        prop_assert!(canonical.bytes().all(|b| b.is_ascii_graphic()), "{canonical}");
        let mut reversed = borrowed.clone();
        reversed.reverse();
        prop_assert_eq!(&canonical_query(&reversed), &canonical, "order does not matter");
    }

    #[test]
    fn signing_and_verifying_any_wire_request_never_panics(
        method in "[A-Za-z]{0,8}",
        path in any::<String>(),
        query in any::<String>(),
        names in prop::collection::vec("[A-Za-z_-]{1,12}", 0..4),
        value in header_value(),
        body in prop::collection::vec(any::<u8>(), 0..64),
        authorization in any::<String>(),
    ) {
        let mut headers: Vec<(&str, &str)> = vec![("X-Sdk-Date", "20250301T120000Z"), ("host", "h")];
        headers.extend(names.iter().map(|name| (name.as_str(), value.as_str())));
        let request = SignableRequest { method: &method, path: &path, query: &query, headers: &headers, body: &body };
        if let Ok(signed) = signer::sign(&request, "AK", SK) {
            let parsed = Authorization::parse(&signed.authorization).expect("our own header parses");
            prop_assert_eq!(signer::verify(&request, &parsed, SK), Ok(()));
        }
        if let Ok(parsed) = Authorization::parse(&authorization) {
            let _ = signer::verify(&request, &parsed, SK);
        }
    }

    #[test]
    fn sdk_dates_round_trip_and_junk_is_refused(seconds in -62_135_596_800i64..253_402_300_799, junk in any::<String>()) {
        let t: DateTime<Utc> = Utc.timestamp_opt(seconds, 0).single().expect("in range");
        prop_assume!(t.year() >= 0);
        prop_assert_eq!(parse_sdk_date(&format_sdk_date(t)), Ok(t));
        let _ = parse_sdk_date(&junk);
    }
}
