//! The official SDK's rules, byte for byte (docs/api.md, "Signing"):
//!
//! ```text
//! CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQuery \n (name:value\n)* \n SignedHeaders \n hex(sha256(body))
//! StringToSign     = SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
//! Signature        = hex(HMAC-SHA256(SK, StringToSign))
//! ```

mod authorization;
mod canonical;
mod error;
mod sdk_date;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

pub use authorization::Authorization;
pub use canonical::canonical_query;
pub use error::SignError;
pub use sdk_date::{format_sdk_date, parse_sdk_date};

/// Name of the signing algorithm, the first word of the `Authorization` header.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";

type HmacSha256 = Hmac<Sha256>;

/// A request as it goes on the wire, the input to [`sign`] and [`verify`].
pub struct SignableRequest<'a> {
    /// HTTP method, e.g. `GET` or `POST`.
    pub method: &'a str,
    /// Path as sent on the wire (percent-encoded), without the query.
    pub path: &'a str,
    /// Raw query string as sent, without `?`; `""` if none.
    pub query: &'a str,
    /// Request headers (name, value); must include `X-Sdk-Date` and should include `Host`.
    pub headers: &'a [(&'a str, &'a str)],
    /// Exact body bytes sent.
    pub body: &'a [u8],
}

/// Every intermediate and final value of a signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// The canonical request that was hashed.
    pub canonical_request: String,
    /// Signed header names, lower-case, sorted, joined with `;`.
    pub signed_headers: String,
    /// The string the HMAC was computed over.
    pub string_to_sign: String,
    /// Hex HMAC-SHA256 signature.
    pub signature: String,
    /// The `Authorization` header value to send.
    pub authorization: String,
}

/// Signs a request with an access key id and secret key.
///
/// Every header whose name contains no `_` is signed. The request must carry an `X-Sdk-Date`
/// header; the signed `host` should be the upstream authority (host, plus `:port` only when the
/// URL names one). The query is canonicalised, so send [`canonical_query`] output as the wire query.
pub fn sign(req: &SignableRequest<'_>, ak: &str, sk: &str) -> Result<Signed, SignError> {
    if ak.is_empty() || sk.is_empty() {
        return Err(SignError::EmptyKey);
    }
    let mut names: Vec<String> = req
        .headers
        .iter()
        .map(|(name, _)| name.to_ascii_lowercase())
        .filter(|name| !name.contains('_'))
        .collect();
    names.sort();
    let computed = compute(req, &names, sk)?;
    let signature = hex::encode(computed.mac.finalize().into_bytes());
    let authorization = Authorization {
        access: ak.to_owned(),
        signed_headers: names,
        signature: signature.clone(),
    };
    Ok(Signed {
        canonical_request: computed.canonical_request,
        signed_headers: authorization.signed_headers.join(";"),
        string_to_sign: computed.string_to_sign,
        signature,
        authorization: authorization.to_string(),
    })
}

/// Checks a request against its parsed `Authorization` header, comparing in constant time.
///
/// Only the headers listed in `auth.signed_headers` are used; a listed header missing from the
/// request is an error, and `x-sdk-date` must be listed. Clock skew is the caller's concern
/// (see [`parse_sdk_date`]).
pub fn verify(req: &SignableRequest<'_>, auth: &Authorization, sk: &str) -> Result<(), SignError> {
    if sk.is_empty() {
        return Err(SignError::EmptyKey);
    }
    if !auth.signed_headers.iter().any(|name| name == "x-sdk-date") {
        return Err(SignError::DateNotSigned);
    }
    let expected = hex::decode(&auth.signature)
        .map_err(|_| SignError::MalformedAuthorization("Signature is not hex"))?;
    compute(req, &auth.signed_headers, sk)?
        .mac
        .verify_slice(&expected)
        .map_err(|_| SignError::SignatureMismatch)
}

/// Canonical request, string to sign and the keyed MAC over the latter.
struct Computed {
    canonical_request: String,
    string_to_sign: String,
    mac: HmacSha256,
}

fn compute(
    req: &SignableRequest<'_>,
    signed_names: &[String],
    sk: &str,
) -> Result<Computed, SignError> {
    let date = header_value(req, "x-sdk-date")?
        .ok_or_else(|| SignError::MissingHeader("x-sdk-date".to_owned()))?;
    parse_sdk_date(date)?;
    let mut canonical_headers = String::new();
    for name in signed_names {
        let value =
            header_value(req, name)?.ok_or_else(|| SignError::MissingHeader(name.clone()))?;
        canonical_headers.push_str(name);
        canonical_headers.push(':');
        canonical_headers.push_str(value);
        canonical_headers.push('\n');
    }
    let canonical_request = [
        req.method.to_ascii_uppercase(),
        canonical::canonical_uri(req.path),
        canonical::canonical_query_from_raw(req.query),
        canonical_headers,
        signed_names.join(";"),
        hex::encode(Sha256::digest(req.body)),
    ]
    .join("\n");
    let string_to_sign = format!(
        "{ALGORITHM}\n{date}\n{}",
        hex::encode(Sha256::digest(canonical_request.as_bytes()))
    );
    let mut mac =
        HmacSha256::new_from_slice(sk.as_bytes()).expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    Ok(Computed {
        canonical_request,
        string_to_sign,
        mac,
    })
}

/// The trimmed value of the one header named `name` (case-insensitive), if present.
fn header_value<'a>(req: &SignableRequest<'a>, name: &str) -> Result<Option<&'a str>, SignError> {
    let mut found = req
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name));
    let first = found.next().map(|(_, value)| value.trim());
    if found.next().is_some() {
        return Err(SignError::DuplicateHeader(name.to_owned()));
    }
    Ok(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATE: &str = "20250301T120000Z";

    fn request<'a>(headers: &'a [(&'a str, &'a str)]) -> SignableRequest<'a> {
        SignableRequest {
            method: "get",
            path: "/v3/users",
            query: "",
            headers,
            body: b"",
        }
    }

    #[test]
    fn skips_headers_with_underscores_and_trims_values() {
        let headers = [
            ("X-Sdk-Date", DATE),
            ("Host", "  iam.myhuaweicloud.com "),
            ("x_custom", "ignored"),
        ];
        let signed = sign(&request(&headers), "AK", "SK").unwrap();
        assert_eq!(signed.signed_headers, "host;x-sdk-date");
        assert!(
            signed
                .canonical_request
                .starts_with("GET\n/v3/users/\n\nhost:iam.myhuaweicloud.com\nx-sdk-date:")
        );
    }

    #[test]
    fn requires_a_well_formed_sdk_date() {
        let no_date = [("Host", "iam.myhuaweicloud.com")];
        assert_eq!(
            sign(&request(&no_date), "AK", "SK"),
            Err(SignError::MissingHeader("x-sdk-date".into()))
        );
        let bad_date = [("X-Sdk-Date", "2025-03-01T12:00:00Z")];
        assert!(matches!(
            sign(&request(&bad_date), "AK", "SK"),
            Err(SignError::InvalidDate(_))
        ));
    }

    #[test]
    fn rejects_duplicate_headers_and_empty_keys() {
        let dup = [("X-Sdk-Date", DATE), ("host", "a"), ("Host", "b")];
        assert_eq!(
            sign(&request(&dup), "AK", "SK"),
            Err(SignError::DuplicateHeader("host".into()))
        );
        let ok = [("X-Sdk-Date", DATE)];
        assert_eq!(sign(&request(&ok), "", "SK"), Err(SignError::EmptyKey));
        assert_eq!(sign(&request(&ok), "AK", ""), Err(SignError::EmptyKey));
    }

    #[test]
    fn verify_requires_the_date_to_be_signed() {
        let headers = [("X-Sdk-Date", DATE), ("Host", "h")];
        let signed = sign(&request(&headers), "AK", "SK").unwrap();
        let mut auth = Authorization::parse(&signed.authorization).unwrap();
        assert_eq!(verify(&request(&headers), &auth, "SK"), Ok(()));
        auth.signed_headers = vec!["host".into()];
        assert_eq!(
            verify(&request(&headers), &auth, "SK"),
            Err(SignError::DateNotSigned)
        );
    }

    #[test]
    fn verify_ignores_unsigned_headers_and_rejects_a_wrong_key() {
        let headers = [("X-Sdk-Date", DATE), ("Host", "h")];
        let signed = sign(&request(&headers), "AK", "SK").unwrap();
        let auth = Authorization::parse(&signed.authorization).unwrap();
        let more = [("X-Sdk-Date", DATE), ("Host", "h"), ("Origin", "x")];
        assert_eq!(verify(&request(&more), &auth, "SK"), Ok(()));
        assert_eq!(
            verify(&request(&headers), &auth, "other"),
            Err(SignError::SignatureMismatch)
        );
    }
}
