//! `use_rotation_view`: which part of the Rotation page shows, kept in the URL query.

use keyturn_core::rotation::RotationView;
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use crate::context::Route;

/// The view the address bar's query describes, and a callback that shows another one. A new
/// view is pushed, so that Back returns to the list from a wizard.
#[hook]
pub fn use_rotation_view() -> (RotationView, Callback<RotationView>) {
    let location = use_location();
    let navigator = use_navigator();
    let view = location
        .map(|location| RotationView::from_query(location.query_str()))
        .unwrap_or_default();
    let set_view = Callback::from(move |view: RotationView| {
        if let Some(navigator) = &navigator {
            let Ok(()) = navigator.push_with_query(&Route::Rotation, Raw(view.to_query()));
        }
    });
    (view, set_view)
}

/// A callback that shows another view in place of the current one (no new history entry):
/// `?start=AK` becomes `?open=AK`, so that Back does not start the rotation again.
#[hook]
pub fn use_replace_rotation_view() -> Callback<RotationView> {
    let navigator = use_navigator();
    Callback::from(move |view: RotationView| {
        if let Some(navigator) = &navigator {
            let Ok(()) = navigator.replace_with_query(&Route::Rotation, Raw(view.to_query()));
        }
    })
}
