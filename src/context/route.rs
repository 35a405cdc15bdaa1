//! The route table: every page of Keyturn and its address.

use yew_router::prelude::*;

/// Every page of Keyturn.
#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    /// The start address; redirects to [`Route::Connect`].
    #[at("/")]
    Home,
    /// Sign-in.
    #[at("/connect")]
    Connect,
    /// Access keys of the account.
    #[at("/credentials")]
    Credentials,
    /// Guided access key rotation.
    #[at("/rotation")]
    Rotation,
    /// KMS keys and their rotation.
    #[at("/kms")]
    Kms,
    /// Non-secret settings.
    #[at("/settings")]
    Settings,
    /// Any other address.
    #[not_found]
    #[at("/not-found")]
    NotFound,
}
