//! The one harness of the browser tests: [`Page`] renders a component (or the whole frame)
//! into a fresh div with config.json's outcome, storage, address, session and a scripted
//! `fetch`; `dom` finds and acts like a user and [`wait_until`] waits for the page; `iam` is
//! the scripted demo account, `kms` its scripted KMS.

mod dom;
mod downloads;
mod fetch;
mod iam;
mod kms;
mod mount;

pub use dom::*;
pub use downloads::*;
pub use fetch::*;
pub use iam::*;
pub use kms::*;
pub use mount::*;
