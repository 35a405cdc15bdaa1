//! The KMS feature: a region's keys with their rotation, one key's rotation changed, or many
//! keys' at once.

mod actions;
mod bulk_dialog;
mod bulk_run;
mod console;
mod disable_dialog;
mod error_message;
mod export;
mod filters;
mod handle;
mod interval_dialog;
mod load;
mod pacer;
mod region_picker;
mod row;
mod selection_bar;
mod summary;
mod table;
mod view;
mod write;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::context::{Route, use_session, use_text};
use crate::i18n::KmsText;
use bulk_dialog::KmsBulkDialog;
use console::KmsConsole;
use disable_dialog::KmsDisableDialog;
use error_message::KmsError;
use export::KmsExport;
use filters::KmsFilters;
use handle::{KmsHandle, KmsProvider, use_kms};
use interval_dialog::KmsIntervalDialog;
use pacer::Pacer;
use region_picker::KmsRegionPicker;
use row::KmsTableRow;
use selection_bar::KmsSelectionBar;
use summary::KmsSummaryView;
use table::KmsTable;
use view::use_kms_view;

pub use export::{CSV_FILE, JSON_FILE};

/// The KMS page: the console for the signed-in user, else a way to sign in.
#[component]
pub fn KmsPage() -> Html {
    let tr = use_text();
    if use_session().is_some() {
        return html! { <KmsProvider><KmsConsole /></KmsProvider> };
    }
    html! {
        <section class="page kms-page">
            <h1>{ tr.t(KmsText::Title.into()) }</h1>
            <p>{ tr.t(KmsText::SignedOut.into()) }</p>
            <p>
                <Link<Route> to={Route::Connect} classes="button button-primary">
                    { tr.t(KmsText::ConnectLink.into()) }
                </Link<Route>>
            </p>
        </section>
    }
}

/// A callback that runs `act` on the page's handle (nothing outside a provider).
fn with_kms<T: 'static>(
    kms: Option<KmsHandle>,
    act: impl Fn(&KmsHandle, T) + 'static,
) -> Callback<T> {
    Callback::from(move |value: T| {
        if let Some(kms) = &kms {
            act(kms, value);
        }
    })
}
