//! The optional shared secret (`--require-header NAME=VALUE`): every proxied request but a
//! preflight (which cannot carry it) must send the header with exactly that value. It is compared
//! in constant time and never forwarded or logged.

use std::fmt;
use std::str::FromStr;

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use subtle::ConstantTimeEq;

use crate::error::ProxyError;
use crate::header_policy;

/// The header a proxied request must carry.
#[derive(Clone, PartialEq, Eq)]
pub struct SharedSecret {
    name: HeaderName,
    value: HeaderValue,
}

/// Why `NAME=VALUE` is not a usable shared secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// Not `NAME=VALUE` with a non-empty value.
    #[error("expected NAME=VALUE, e.g. X-Keyturn-Secret=<long random text>")]
    Malformed,
    /// The name is not an `X-` header of its own (one the API uses would break signing).
    #[error("NAME must start with X- and must not be a header the API uses")]
    Name,
}

impl FromStr for SharedSecret {
    type Err = SecretError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (name, value) = text.split_once('=').ok_or(SecretError::Malformed)?;
        let name = HeaderName::from_bytes(name.trim().as_bytes()).map_err(|_| SecretError::Name)?;
        let taken = header_policy::FORWARDED
            .iter()
            .any(|forwarded| forwarded.eq_ignore_ascii_case(name.as_str()));
        if !name.as_str().starts_with("x-") || taken {
            return Err(SecretError::Name);
        }
        let mut value = HeaderValue::from_str(value).map_err(|_| SecretError::Malformed)?;
        if value.is_empty() {
            return Err(SecretError::Malformed);
        }
        value.set_sensitive(true);
        Ok(SharedSecret { name, value })
    }
}

impl fmt::Debug for SharedSecret {
    /// Shows the name only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedSecret")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl SharedSecret {
    /// The header's name (lower case).
    pub fn name(&self) -> &HeaderName {
        &self.name
    }

    /// Accepts a request that carries the header once, with the secret value.
    pub fn check(&self, headers: &HeaderMap) -> Result<(), ProxyError> {
        let mut values = headers.get_all(&self.name).iter();
        match (values.next(), values.next()) {
            (Some(value), None) if bool::from(value.as_bytes().ct_eq(self.value.as_bytes())) => {
                Ok(())
            }
            _ => Err(ProxyError::secret_required()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_headers::headers;

    fn secret() -> SharedSecret {
        "X-Keyturn-Secret=s3cret=with=equals".parse().unwrap()
    }

    #[test]
    fn accepts_exactly_one_header_with_the_value() {
        let secret = secret();
        assert_eq!(secret.name(), "x-keyturn-secret");
        assert!(
            secret
                .check(&headers(&[("x-keyturn-secret", "s3cret=with=equals")]))
                .is_ok()
        );
        for pairs in [
            &[][..],
            &[("x-keyturn-secret", "s3cret")],
            &[("x-keyturn-secret", "S3CRET=WITH=EQUALS")],
            &[
                ("x-keyturn-secret", "s3cret=with=equals"),
                ("x-keyturn-secret", "s3cret=with=equals"),
            ],
        ] {
            let error = secret.check(&headers(pairs)).unwrap_err();
            assert_eq!(error.code(), "proxy.secret_required", "{pairs:?}");
        }
    }

    #[test]
    fn refuses_api_headers_non_x_names_and_empty_values() {
        for text in [
            "X-Auth-Token=abc",
            "authorization=abc",
            "Cookie=abc",
            "X Bad=abc",
        ] {
            assert_eq!(
                text.parse::<SharedSecret>(),
                Err(SecretError::Name),
                "{text}"
            );
        }
        for text in ["X-Secret", "X-Secret=", "X-Secret=line\nbreak"] {
            assert_eq!(
                text.parse::<SharedSecret>(),
                Err(SecretError::Malformed),
                "{text}"
            );
        }
    }

    #[test]
    fn debug_hides_the_value() {
        let shown = format!("{:?}", secret());
        assert!(shown.contains("x-keyturn-secret"));
        assert!(!shown.contains("s3cret"));
    }
}
