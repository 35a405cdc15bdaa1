//! Why a sign-in or connection test failed, in terms a person can act on. Pure: the caller
//! supplies the failure and what probing the proxy showed.

use crate::error::{ApiError, Error};

use super::{SignInFailure, SignInMethod};

/// The gateway's code for a request whose `X-Sdk-Date` is too far from its clock.
pub const CLOCK_SKEW_CODE: &str = "APIGW.0303";

/// Prefix of the codes of answers keyturn-proxy makes itself.
const PROXY_CODE_PREFIX: &str = "proxy.";

/// A failed connection, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diagnosis {
    /// Nothing answers at the proxy URL.
    ProxyUnreachable {
        /// The proxy URL in force.
        proxy: String,
    },
    /// The proxy answers, but its CORS policy does not admit this page's origin.
    CorsRefused {
        /// The proxy URL in force.
        proxy: String,
        /// This page's origin, to add to the proxy's allowed origins.
        origin: String,
    },
    /// The proxy refused the request itself (e.g. the IAM endpoint is not on its allowlist).
    ProxyRefused {
        /// The proxy's code, e.g. `proxy.host_not_allowed`.
        code: String,
    },
    /// The proxy could not reach IAM, or IAM did not answer in time (502, 504).
    UpstreamUnreachable,
    /// The service or proxy is busy or throttling (429, 503).
    Busy,
    /// The access key's signature was refused (401): wrong secret key, or the key or its user
    /// is disabled or unknown.
    BadSignature,
    /// The signature's time was refused; `offset_ms` is the browser's offset from the server's
    /// `Date` (server minus browser), now corrected for.
    ClockSkew {
        /// Server time minus browser time, in milliseconds.
        offset_ms: i64,
    },
    /// The account id typed is not the access key's account.
    AccountMismatch {
        /// The id typed.
        given: String,
        /// The key's account id.
        actual: String,
    },
    /// The service named no account for the credentials.
    NoAccount,
    /// The account name, user name or password is wrong, or the user is disabled (401).
    WrongPassword,
    /// The user has login protection: a (correct) MFA code and the user's id are needed.
    MfaNeeded,
    /// The token is expired, revoked or not a token (401).
    TokenRejected,
    /// The credentials work but may not make this call (403), e.g. a project-scoped token.
    Forbidden,
    /// The IAM endpoint does not know the call (404): the endpoint setting is probably wrong.
    NotIam,
    /// An answer arrived but could not be read.
    UnreadableAnswer,
    /// Any other failure; the service's answer says more.
    Other,
}

/// What is known besides the failure itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Circumstances<'a> {
    /// The way in that was tried.
    pub method: SignInMethod,
    /// The proxy URL in force.
    pub proxy_url: &'a str,
    /// This page's origin.
    pub page_origin: &'a str,
    /// Whether a `no-cors` probe of the proxy got an answer; `None` when not probed.
    pub proxy_answers: Option<bool>,
    /// The browser's clock offset from the server's (server minus browser), in milliseconds.
    pub clock_offset_ms: i64,
}

/// Explains `failure`.
pub fn diagnose(failure: &SignInFailure, circumstances: &Circumstances<'_>) -> Diagnosis {
    match failure {
        SignInFailure::AccountMismatch { given, actual } => Diagnosis::AccountMismatch {
            given: given.clone(),
            actual: actual.clone(),
        },
        SignInFailure::NoAccount => Diagnosis::NoAccount,
        SignInFailure::Call(Error::Network(_)) => {
            if circumstances.proxy_answers == Some(true) {
                Diagnosis::CorsRefused {
                    proxy: circumstances.proxy_url.to_owned(),
                    origin: circumstances.page_origin.to_owned(),
                }
            } else {
                Diagnosis::ProxyUnreachable {
                    proxy: circumstances.proxy_url.to_owned(),
                }
            }
        }
        SignInFailure::Call(Error::Api(error)) => api_failure(error, circumstances),
        SignInFailure::Call(Error::Decode(_)) => Diagnosis::UnreadableAnswer,
        SignInFailure::Call(_) => Diagnosis::Other,
    }
}

fn api_failure(error: &ApiError, circumstances: &Circumstances<'_>) -> Diagnosis {
    if error.code.starts_with(PROXY_CODE_PREFIX) {
        return match error.status {
            502 | 504 => Diagnosis::UpstreamUnreachable,
            503 => Diagnosis::Busy,
            _ => Diagnosis::ProxyRefused {
                code: error.code.clone(),
            },
        };
    }
    match error.status {
        401 => unauthorized(error, circumstances),
        403 => Diagnosis::Forbidden,
        404 => Diagnosis::NotIam,
        429 | 503 => Diagnosis::Busy,
        502 | 504 => Diagnosis::UpstreamUnreachable,
        _ => Diagnosis::Other,
    }
}

/// A 401 means a different thing for each way in. For an access key, the gateway blames the
/// time with `APIGW.0303` or by naming the date in its message; anything else is the signature
/// (the transport has already signed again with the corrected clock once).
fn unauthorized(error: &ApiError, circumstances: &Circumstances<'_>) -> Diagnosis {
    let message = error.message.to_ascii_lowercase();
    match circumstances.method {
        SignInMethod::AkSk if error.code == CLOCK_SKEW_CODE || message.contains("x-sdk-date") => {
            Diagnosis::ClockSkew {
                offset_ms: circumstances.clock_offset_ms,
            }
        }
        SignInMethod::AkSk => Diagnosis::BadSignature,
        SignInMethod::Password
            if ["totp", "mfa", "passcode", "login protection"]
                .iter()
                .any(|word| message.contains(word)) =>
        {
            Diagnosis::MfaNeeded
        }
        SignInMethod::Password => Diagnosis::WrongPassword,
        SignInMethod::Token => Diagnosis::TokenRejected,
    }
}
