//! Canonical URI and canonical query string, encoded like Python's `quote(s, safe="~")`.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, percent_encode};

/// Bytes escaped by `quote(s, safe="~")`: all but `A-Z a-z 0-9 - _ . ~`.
const QUOTE_SET: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// A decoded query pair, borrowed where no decoding was needed.
type QueryPair<'a> = (Cow<'a, [u8]>, Cow<'a, [u8]>);

fn quote(bytes: &[u8]) -> String {
    percent_encode(bytes, QUOTE_SET).to_string()
}

/// Canonical URI of a wire path: decoded, split on `/`, each segment re-encoded, always ending in `/`.
///
/// Because the path is decoded first, an encoded `%2F` becomes a real separator, as in the SDK.
pub(crate) fn canonical_uri(path: &str) -> String {
    let decoded: Vec<u8> = percent_decode_str(path).collect();
    let mut uri = decoded
        .split(|b| *b == b'/')
        .map(quote)
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Canonical query string of (key, value) pairs: sorted by key then value, each part percent-encoded.
///
/// Repeat a key to send several values. The SDK sends this string as the query on the wire.
pub fn canonical_query(pairs: &[(&str, &str)]) -> String {
    encode_sorted(
        pairs
            .iter()
            .map(|(k, v)| (Cow::Borrowed(k.as_bytes()), Cow::Borrowed(v.as_bytes())))
            .collect(),
    )
}

/// Canonical form of a raw wire query (without `?`): pairs are decoded, then re-canonicalised.
///
/// A part without `=` is a key with an empty value; `+` is kept as a literal plus sign.
pub(crate) fn canonical_query_from_raw(raw: &str) -> String {
    encode_sorted(
        raw.split('&')
            .filter(|part| !part.is_empty())
            .map(|part| {
                let (k, v) = part.split_once('=').unwrap_or((part, ""));
                (percent_decode_str(k).into(), percent_decode_str(v).into())
            })
            .collect(),
    )
}

fn encode_sorted(mut pairs: Vec<QueryPair<'_>>) -> String {
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", quote(k), quote(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_always_ends_with_a_slash() {
        assert_eq!(
            canonical_uri("/v3.0/OS-CREDENTIAL/credentials"),
            "/v3.0/OS-CREDENTIAL/credentials/"
        );
        assert_eq!(canonical_uri("/v3/users/"), "/v3/users/");
        assert_eq!(canonical_uri(""), "/");
        assert_eq!(canonical_uri("/"), "/");
    }

    #[test]
    fn uri_segments_are_decoded_then_reencoded() {
        assert_eq!(canonical_uri("/v3/edge/a%20b/c%2Fd"), "/v3/edge/a%20b/c/d/");
        assert_eq!(canonical_uri("/a%7eb/%C3%BC"), "/a~b/%C3%BC/");
        assert_eq!(canonical_uri("/x y/!'()*"), "/x%20y/%21%27%28%29%2A/");
    }

    #[test]
    fn query_escapes_what_python_quote_escapes() {
        assert_eq!(
            canonical_query(&[("name", "dev ops/+=&ü!'()*~-_.")]),
            "name=dev%20ops%2F%2B%3D%26%C3%BC%21%27%28%29%2A~-_."
        );
    }

    #[test]
    fn query_sorts_by_key_then_value_and_repeats_keys() {
        assert_eq!(
            canonical_query(&[
                ("name", "cn-north-4"),
                ("enabled", "false"),
                ("name", "ap-southeast-1"),
            ]),
            "enabled=false&name=ap-southeast-1&name=cn-north-4"
        );
        assert_eq!(canonical_query(&[]), "");
    }

    #[test]
    fn raw_query_is_decoded_and_recanonicalised() {
        assert_eq!(
            canonical_query_from_raw("name=b&flag&name=a%20b&&x=%7e+"),
            "flag=&name=a%20b&name=b&x=~%2B"
        );
        assert_eq!(canonical_query_from_raw(""), "");
    }
}
