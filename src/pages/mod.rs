//! One page per route.

mod connect;
mod credentials;
mod kms;
mod not_found;
mod rotation;
mod settings;

pub use connect::ConnectPage;
pub use credentials::CredentialsPage;
pub use kms::KmsPage;
pub use not_found::NotFoundPage;
pub use rotation::RotationPage;
pub use settings::SettingsPage;
