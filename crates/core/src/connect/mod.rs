//! Signing in, without the browser: what a person typed (the Connect form), the request it
//! makes, the account the credentials belong to, and a failure explained in plain words.

mod account;
mod diagnosis;
mod failure;
mod form;
mod sign_in;
mod status;

pub use account::pick_account;
pub use diagnosis::{CLOCK_SKEW_CODE, Circumstances, Diagnosis, diagnose};
pub use failure::{AdminStatus, SignInFailure};
pub use form::{ConnectField, ConnectForm, FieldProblem};
pub use sign_in::{MfaCode, SignInMethod, SignInRequest};
pub use status::{ConnectStatus, FailureDetail, NOTABLE_CLOCK_OFFSET_MS, is_notable_offset};
