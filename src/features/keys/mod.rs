//! The access key feature: every access key of the account against the rotation policy, and
//! the actions on one key.

mod actions;
mod console;
mod create_button;
mod create_dialog;
mod delete_dialog;
mod description_dialog;
mod error_message;
mod export;
mod filters;
mod form_dialog;
mod handle;
mod histogram;
mod inventory;
mod load;
mod row;
mod secret_dialog;
mod summary;
mod table;
mod table_view;
mod time;
mod user_cell;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::context::{Route, use_session, use_text};
use crate::i18n::KeysText;
use console::KeyConsole;
use create_button::{CreateSlot, KeyCreateButton};
use create_dialog::KeyCreateDialog;
use delete_dialog::KeyDeleteDialog;
use description_dialog::KeyDescriptionDialog;
use error_message::KeyError;
use export::KeyExport;
use filters::KeyFilters;
use form_dialog::KeyFormDialog;
use handle::{KeysHandle, KeysProvider, use_keys};
use histogram::KeyHistogram;
use inventory::KeyInventory;
use row::KeyTableRow;
use secret_dialog::KeySecretDialog;
use summary::KeySummary;
use table::KeyTable;
use table_view::use_table_view;
use time::KeyTime;
use user_cell::KeyUserCell;

pub use export::{CSV_FILE, JSON_FILE};

/// The access key page: the console for the signed-in user, else a way to sign in.
#[component]
pub fn KeysPage() -> Html {
    let tr = use_text();
    if use_session().is_some() {
        return html! { <KeysProvider><KeyConsole /></KeysProvider> };
    }
    html! {
        <section class="page credentials-page">
            <h1>{ tr.t(KeysText::Title.into()) }</h1>
            <p>{ tr.t(KeysText::SignedOut.into()) }</p>
            <p>
                <Link<Route> to={Route::Connect} classes="button button-primary">
                    { tr.t(KeysText::ConnectLink.into()) }
                </Link<Route>>
            </p>
        </section>
    }
}

/// A callback that runs `act` on the page's handle (nothing outside a provider).
fn with_keys(keys: Option<KeysHandle>, act: impl Fn(&KeysHandle) + 'static) -> Callback<()> {
    Callback::from(move |()| {
        if let Some(keys) = &keys {
            act(keys);
        }
    })
}

/// A callback that closes the open dialog.
fn close_callback(keys: Option<KeysHandle>) -> Callback<()> {
    with_keys(keys, KeysHandle::close)
}
