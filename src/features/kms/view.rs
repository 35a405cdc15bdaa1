//! `use_kms_view`: the KMS table's region, filter, order and page, kept in the URL query.

use keyturn_core::kms::KmsView;
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use crate::context::Route;

/// The view the address bar's query describes, and a callback that puts another view there.
/// The address is replaced, not pushed: a copied link or a reload shows the same view.
#[hook]
pub fn use_kms_view() -> (KmsView, Callback<KmsView>) {
    let location = use_location();
    let navigator = use_navigator();
    let view = location
        .map(|location| KmsView::from_query(location.query_str()))
        .unwrap_or_default();
    let set_view = Callback::from(move |view: KmsView| {
        if let Some(navigator) = &navigator {
            let Ok(()) = navigator.replace_with_query(&Route::Kms, Raw(view.to_query()));
        }
    });
    (view, set_view)
}
