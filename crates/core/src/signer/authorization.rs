//! The `Authorization` header of a signed request.

use std::fmt;

use super::{ALGORITHM, SignError};

/// The parts of `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    /// Access key id (AK) that signed the request.
    pub access: String,
    /// Lower-case names of the signed headers, in signing order.
    pub signed_headers: Vec<String>,
    /// Hex HMAC-SHA256 signature.
    pub signature: String,
}

impl Authorization {
    /// Parses an `Authorization` header value.
    pub fn parse(header: &str) -> Result<Self, SignError> {
        let malformed = SignError::MalformedAuthorization;
        let rest = header
            .trim()
            .strip_prefix(ALGORITHM)
            .ok_or(malformed("it does not start with SDK-HMAC-SHA256"))?;
        if !rest.starts_with(' ') {
            return Err(malformed("it does not start with SDK-HMAC-SHA256"));
        }
        let (mut access, mut signed_headers, mut signature) = (None, None, None);
        for part in rest.split(',') {
            let (key, value) = part
                .trim()
                .split_once('=')
                .ok_or(malformed("a part is not key=value"))?;
            let slot = match key {
                "Access" => &mut access,
                "SignedHeaders" => &mut signed_headers,
                "Signature" => &mut signature,
                _ => return Err(malformed("unknown part")),
            };
            if slot.replace(value).is_some() {
                return Err(malformed("a part appears twice"));
            }
        }
        let access = access
            .filter(|a| !a.is_empty())
            .ok_or(malformed("no Access"))?;
        let signed_headers: Vec<String> = signed_headers
            .ok_or(malformed("no SignedHeaders"))?
            .split(';')
            .map(str::to_ascii_lowercase)
            .collect();
        if signed_headers.iter().any(String::is_empty) {
            return Err(malformed("empty name in SignedHeaders"));
        }
        let signature = signature.ok_or(malformed("no Signature"))?;
        if signature.len() != 64 || !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(malformed("Signature is not 64 hex digits"));
        }
        Ok(Self {
            access: access.to_owned(),
            signed_headers,
            signature: signature.to_owned(),
        })
    }
}

impl fmt::Display for Authorization {
    /// Writes the header value, e.g. `SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=…`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{ALGORITHM} Access={}, SignedHeaders={}, Signature={}",
            self.access,
            self.signed_headers.join(";"),
            self.signature
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIG: &str = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";

    #[test]
    fn parses_and_formats_back() {
        let header = format!(
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature={SIG}"
        );
        let auth = Authorization::parse(&header).unwrap();
        assert_eq!(auth.access, "QTWAOYTTINDUT2QVKYUC");
        assert_eq!(auth.signed_headers, ["content-type", "host", "x-sdk-date"]);
        assert_eq!(auth.signature, SIG);
        assert_eq!(auth.to_string(), header);
    }

    #[test]
    fn tolerates_spacing_and_lower_cases_header_names() {
        let auth = Authorization::parse(&format!(
            "  SDK-HMAC-SHA256   Access=AK,SignedHeaders=Host;X-Sdk-Date ,  Signature={SIG} "
        ))
        .unwrap();
        assert_eq!(auth.signed_headers, ["host", "x-sdk-date"]);
    }

    #[test]
    fn rejects_malformed_headers() {
        for bad in [
            String::new(),
            format!("AWS4-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature={SIG}"),
            format!("SDK-HMAC-SHA256Access=AK, SignedHeaders=x-sdk-date, Signature={SIG}"),
            format!("SDK-HMAC-SHA256 SignedHeaders=x-sdk-date, Signature={SIG}"),
            format!("SDK-HMAC-SHA256 Access=, SignedHeaders=x-sdk-date, Signature={SIG}"),
            format!("SDK-HMAC-SHA256 Access=AK, Signature={SIG}"),
            format!("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;;x-sdk-date, Signature={SIG}"),
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date".to_owned(),
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=abc".to_owned(),
            format!(
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature={}",
                "g".repeat(64)
            ),
            format!(
                "SDK-HMAC-SHA256 Access=AK, Access=AK2, SignedHeaders=x-sdk-date, Signature={SIG}"
            ),
            format!(
                "SDK-HMAC-SHA256 Access=AK, Region=x, SignedHeaders=x-sdk-date, Signature={SIG}"
            ),
            format!("SDK-HMAC-SHA256 Access=AK, SignedHeaders, Signature={SIG}"),
        ] {
            assert!(
                matches!(
                    Authorization::parse(&bad),
                    Err(SignError::MalformedAuthorization(_))
                ),
                "{bad:?}"
            );
        }
    }
}
