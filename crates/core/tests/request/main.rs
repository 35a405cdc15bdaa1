//! IAM and KMS calls without a browser: requests described and prepared (proxied URL, headers,
//! signature checked with the core verifier), answers read, the clock offset, retry decisions
//! and the IAM request builders.

mod clock;
mod fixture;
mod iam;
mod prepare;
mod response;
mod retry;
mod secrets;
mod upstream;
