//! Every body is `Serialize` to its exact wire form and `Deserialize` from what the services send;
//! unknown fields are ignored.

pub mod credential;
pub mod directory;
pub mod kms;
pub mod lenient;
pub mod token;
