//! One folder per feature: its page, its context handle, its actions and its components.
//! A feature never imports another; they meet through routes and the app-wide context.

pub mod connect;
pub mod keys;
pub mod kms;
pub mod rotation;
pub mod settings;
