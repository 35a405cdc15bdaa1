//! The only code that talks to the network: IAM and KMS calls through the CORS proxy.
//!
//! [`ApiRequest`] describes a call, [`prepare`] turns it into the proxied URL, headers and
//! signature (pure), and [`Transport`] sends it with retries and maps failures to
//! [`keyturn_core::error::Error`].

mod auth;
mod clock;
pub mod diagnosis;
pub mod fetch_error;
mod iam;
pub mod iam_requests;
pub mod identify;
mod prepare;
pub mod proxy_probe;
mod request;
mod response;
pub mod retry;
pub mod sign_in;
pub mod token_issue;
mod transport;
pub mod upstream;

pub use auth::Auth;
pub use clock::ClockOffset;
pub use iam::{IamClient, use_iam};
pub use prepare::{CONTENT_TYPE, PreparedRequest, prepare};
pub use request::{ApiRequest, Idempotency};
pub use response::ApiResponse;
pub use transport::Transport;
