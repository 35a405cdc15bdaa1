//! Credentials: every access key of the account, and the actions on one key.

mod console;
mod console_state;
mod key_actions;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::use_iam;
use crate::app::Route;
use crate::i18n::KeysText;
use crate::state::use_text;
use console::KeyConsole;

/// The access key page: the table for the signed-in user, else a way to sign in.
#[component]
pub fn CredentialsPage() -> Html {
    let tr = use_text();
    match use_iam() {
        Some(iam) => html! { <KeyConsole {iam} /> },
        None => html! {
            <section class="page credentials-page">
                <h1>{ tr.t(KeysText::Title.into()) }</h1>
                <p>{ tr.t(KeysText::SignedOut.into()) }</p>
                <p>
                    <Link<Route> to={Route::Connect} classes="button button-primary">
                        { tr.t(KeysText::ConnectLink.into()) }
                    </Link<Route>>
                </p>
            </section>
        },
    }
}
