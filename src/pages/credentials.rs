//! Credentials: every access key of the account.

use yew::prelude::*;

use crate::components::PlaceholderPage;
use crate::i18n::Text;

/// The access key table page.
#[component]
pub fn CredentialsPage() -> Html {
    html! {
        <PlaceholderPage title={Text::NavCredentials} description={Text::CredentialsPlaceholder} />
    }
}
