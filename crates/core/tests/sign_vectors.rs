//! Every official SDK signing vector (`tests/data/sign_vectors.json`), reproduced and verified.
//! Runs natively and, on wasm32, in a headless browser.

use keyturn_core::signer::{
    self, Authorization, SignError, SignableRequest, canonical_query, parse_sdk_date,
};
use serde_json::Value;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const VECTORS: &str = include_str!("data/sign_vectors.json");

/// One vector turned into the owned parts of a wire request.
struct WireRequest {
    id: String,
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl WireRequest {
    fn signable<'a>(&'a self, headers: &'a [(&'a str, &'a str)]) -> SignableRequest<'a> {
        SignableRequest {
            method: &self.method,
            path: &self.path,
            query: &self.query,
            headers,
            body: &self.body,
        }
    }

    fn header_refs(&self) -> Vec<(&str, &str)> {
        self.headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }
}

fn vectors() -> Vec<Value> {
    let doc: Value = serde_json::from_str(VECTORS).expect("sign_vectors.json is JSON");
    doc["vectors"].as_array().expect("vectors[]").clone()
}

fn text(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
}

fn has_header(headers: &[(String, String)], name: &str) -> bool {
    headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
}

/// Builds the request as the SDK did: inputs.headers, credential extras as headers, then Host.
fn wire_request(vector: &Value) -> WireRequest {
    let inputs = &vector["inputs"];
    let url = text(&inputs["url"]);
    let (_, after_scheme) = url.split_once("://").expect("absolute URL");
    let (netloc, path_and_query) = after_scheme.split_at(after_scheme.find('/').unwrap());
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));

    let mut headers: Vec<(String, String)> = inputs["headers"]
        .as_object()
        .expect("headers{}")
        .iter()
        .map(|(n, v)| (n.clone(), text(v).to_owned()))
        .collect();
    for (extra, header) in [
        ("domain_id", "X-Domain-Id"),
        ("project_id", "X-Project-Id"),
        ("security_token", "X-Security-Token"),
    ] {
        if let Some(value) = inputs["credential_extras"].get(extra)
            && !has_header(&headers, header)
        {
            headers.push((header.to_owned(), text(value).to_owned()));
        }
    }
    if !has_header(&headers, "Host") {
        headers.push(("Host".to_owned(), netloc.to_owned()));
    }

    WireRequest {
        id: text(&vector["id"]).to_owned(),
        method: text(&inputs["method"]).to_owned(),
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: inputs["body"]
            .as_str()
            .map(|b| b.as_bytes().to_vec())
            .unwrap_or_default(),
    }
}

/// (lower-case name, value) pairs, sorted, for comparing header sets.
fn header_set<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<(String, String)> {
    let mut set: Vec<_> = pairs
        .map(|(n, v)| (n.to_ascii_lowercase(), v.to_owned()))
        .collect();
    set.sort();
    set
}

/// The SDK's query parameters as string pairs: booleans as `true`/`false`, lists repeat the key.
fn query_pairs(params: &Value) -> Vec<(String, String)> {
    fn scalar(v: &Value) -> String {
        match v {
            Value::String(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            other => panic!("unexpected query value {other}"),
        }
    }
    let mut pairs = Vec::new();
    for pair in params.as_array().expect("query_params[]") {
        let key = text(&pair[0]).to_owned();
        match &pair[1] {
            Value::Array(values) => {
                pairs.extend(values.iter().map(|v| (key.clone(), scalar(v))));
            }
            value => pairs.push((key, scalar(value))),
        }
    }
    pairs
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn file_holds_every_expected_vector() {
    let ids: Vec<String> = vectors()
        .iter()
        .map(|v| text(&v["id"]).to_owned())
        .collect();
    assert_eq!(ids.len(), 14, "{ids:?}");
    for id in [
        "doc-example-vpcs",
        "path-encoding-edge",
        "multi-valued-query",
        "full-client-pipeline",
        "kms-rotation-status-temp-creds",
        "emulator-host-with-port",
    ] {
        assert!(ids.iter().any(|i| i == id), "missing {id}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn headers_match_what_the_sdk_sent() {
    for vector in vectors() {
        let req = wire_request(&vector);
        let sent = vector["outputs"]["final_request_headers"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(n, _)| !n.eq_ignore_ascii_case("authorization"))
            .map(|(n, v)| (n.as_str(), text(v)));
        assert_eq!(
            header_set(req.header_refs().into_iter()),
            header_set(sent),
            "{}",
            req.id
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn sign_reproduces_every_vector() {
    for vector in vectors() {
        let req = wire_request(&vector);
        let inputs = &vector["inputs"];
        let outputs = &vector["outputs"];
        let headers = req.header_refs();
        let signed = signer::sign(
            &req.signable(&headers),
            text(&inputs["ak"]),
            text(&inputs["sk"]),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", req.id));
        let id = &req.id;
        assert_eq!(
            signed.canonical_request,
            text(&outputs["canonical_request"]),
            "{id}"
        );
        assert_eq!(
            signed.signed_headers,
            text(&outputs["signed_headers"]),
            "{id}"
        );
        assert_eq!(
            signed.string_to_sign,
            text(&outputs["string_to_sign"]),
            "{id}"
        );
        assert!(
            signed
                .string_to_sign
                .ends_with(text(&outputs["hashed_canonical_request"])),
            "{id}"
        );
        assert_eq!(signed.signature, text(&outputs["signature"]), "{id}");
        assert_eq!(
            signed.authorization,
            text(&outputs["authorization"]),
            "{id}"
        );
        assert_eq!(
            parse_sdk_date(text(&inputs["x_sdk_date"])).map(signer::format_sdk_date),
            Ok(text(&inputs["x_sdk_date"]).to_owned()),
            "{id}"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn canonical_query_is_the_wire_query() {
    for vector in vectors() {
        let req = wire_request(&vector);
        let pairs = query_pairs(&vector["inputs"]["query_params"]);
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let canonical = canonical_query(&refs);
        let canonical_line = text(&vector["outputs"]["canonical_request"])
            .split('\n')
            .nth(2)
            .unwrap();
        assert_eq!(canonical, canonical_line, "{}", req.id);
        assert_eq!(canonical, req.query, "{}", req.id);
        let uri_sent = if req.query.is_empty() {
            req.path.clone()
        } else {
            format!("{}?{}", req.path, req.query)
        };
        assert_eq!(
            uri_sent,
            text(&vector["outputs"]["request_uri_sent"]),
            "{}",
            req.id
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn verify_accepts_every_vector_and_rejects_tampering() {
    for vector in vectors() {
        let req = wire_request(&vector);
        let id = &req.id;
        let sk = text(&vector["inputs"]["sk"]);
        let auth = Authorization::parse(text(&vector["outputs"]["authorization"]))
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(auth.access, text(&vector["inputs"]["ak"]), "{id}");
        let headers = req.header_refs();
        assert_eq!(
            signer::verify(&req.signable(&headers), &auth, sk),
            Ok(()),
            "{id}"
        );

        let mismatch = Err(SignError::SignatureMismatch);

        let mut body = req.body.clone();
        body.push(b' ');
        let tampered = SignableRequest {
            body: &body,
            ..req.signable(&headers)
        };
        assert_eq!(signer::verify(&tampered, &auth, sk), mismatch, "{id}: body");

        let query = if req.query.is_empty() {
            "limit=1".to_owned()
        } else {
            format!("{}0", req.query)
        };
        let tampered = SignableRequest {
            query: &query,
            ..req.signable(&headers)
        };
        assert_eq!(
            signer::verify(&tampered, &auth, sk),
            mismatch,
            "{id}: query"
        );

        let path = format!("{}x", req.path);
        let tampered = SignableRequest {
            path: &path,
            ..req.signable(&headers)
        };
        assert_eq!(signer::verify(&tampered, &auth, sk), mismatch, "{id}: path");

        let method = SignableRequest {
            method: "PATCH",
            ..req.signable(&headers)
        };
        assert_eq!(signer::verify(&method, &auth, sk), mismatch, "{id}: method");

        let other_date: Vec<(&str, &str)> = headers
            .iter()
            .map(|&(n, v)| {
                if n.eq_ignore_ascii_case("x-sdk-date") {
                    (n, "20250301T120001Z")
                } else {
                    (n, v)
                }
            })
            .collect();
        assert_eq!(
            signer::verify(&req.signable(&other_date), &auth, sk),
            mismatch,
            "{id}: date"
        );

        let other_host: Vec<(&str, &str)> = headers
            .iter()
            .map(|&(n, v)| {
                if n.eq_ignore_ascii_case("host") {
                    (n, "evil.example.com")
                } else {
                    (n, v)
                }
            })
            .collect();
        assert_eq!(
            signer::verify(&req.signable(&other_host), &auth, sk),
            mismatch,
            "{id}: host header"
        );

        let without_host: Vec<(&str, &str)> = headers
            .iter()
            .copied()
            .filter(|(n, _)| !n.eq_ignore_ascii_case("host"))
            .collect();
        assert_eq!(
            signer::verify(&req.signable(&without_host), &auth, sk),
            Err(SignError::MissingHeader("host".to_owned())),
            "{id}: missing header"
        );

        let mut flipped = auth.clone();
        let last = if flipped.signature.ends_with('0') {
            "1"
        } else {
            "0"
        };
        flipped.signature.replace_range(63.., last);
        assert_eq!(
            signer::verify(&req.signable(&headers), &flipped, sk),
            mismatch,
            "{id}: signature"
        );
        assert_eq!(
            signer::verify(&req.signable(&headers), &auth, "not-the-secret"),
            mismatch,
            "{id}: secret"
        );
    }
}

/// The Go SDK's own signer test cases: only `x-sdk-date` is signed and Host is not.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn go_sdk_cross_check_cases() {
    let doc: Value = serde_json::from_str(VECTORS).unwrap();
    let cases = doc["cross_check_go_sdk_signer_test"]["cases"]
        .as_array()
        .unwrap();
    assert_eq!(cases.len(), 2);
    for case in cases {
        let pairs = query_pairs(&case["query"]);
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let query = canonical_query(&refs);
        let headers = [("X-Sdk-Date", text(&case["x_sdk_date"]))];
        let body = case["body"].as_str().unwrap_or("");
        let req = SignableRequest {
            method: text(&case["method"]),
            path: text(&case["path"]),
            query: &query,
            headers: &headers,
            body: body.as_bytes(),
        };
        let signed = signer::sign(&req, text(&case["ak"]), text(&case["sk"])).unwrap();
        assert_eq!(signed.signed_headers, text(&case["signed_headers"]));
        assert_eq!(signed.signature, text(&case["signature"]));
        assert_eq!(signed.authorization, text(&case["authorization"]));
    }
}
