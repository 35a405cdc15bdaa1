//! `use_table_view`: the key table's filter, order and selected user, kept in the URL query.

use keyturn_core::inventory::TableView;
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use crate::context::Route;

/// The view the address bar's query describes, and a callback that puts another view there.
///
/// The address is replaced, not pushed, so typing in the search does not fill the history;
/// a copied link or a reload shows the same view.
#[hook]
pub fn use_table_view() -> (TableView, Callback<TableView>) {
    let location = use_location();
    let navigator = use_navigator();
    let view = location
        .map(|location| TableView::from_query(location.query_str()))
        .unwrap_or_default();
    let set_view = Callback::from(move |view: TableView| {
        if let Some(navigator) = &navigator {
            let Ok(()) = navigator.replace_with_query(&Route::Credentials, Raw(view.to_query()));
        }
    });
    (view, set_view)
}
