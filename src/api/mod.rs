//! The only code that talks to the network: IAM and KMS calls through the CORS proxy, the
//! proxy probe and config.json.
//!
//! Calls are described, prepared and signed by `keyturn_core::request` (pure); [`Transport`]
//! sends them with `fetch`, retries as `keyturn_core::retry` decides, and maps failures to
//! [`keyturn_core::error::Error`].

mod config;
mod fetch_error;
mod iam;
mod kms;
mod project_token;
mod proxy_probe;
mod sign_in;
mod token_issue;
mod transport;

pub use config::fetch_config;
pub use iam::IamClient;
pub use kms::{KmsClient, PAGE_LIMIT};
pub use project_token::project_token;
pub use proxy_probe::proxy_answers;
pub use sign_in::{Connected, SignInTarget, sign_in};
pub use token_issue::{IssuedToken, issue_token};
pub use transport::Transport;
