//! Rotation: replacing access keys without downtime. The safe wizard (create, hand over,
//! watch the old key, disable, roll back, delete), the quick flow, and plans for many keys;
//! every rotation saved after each step and resumed after a reload.

mod console;
mod create_step;
mod handle;
mod list;
mod live;
mod observe_step;
mod plan;
mod preflight_step;
mod replace_step;
mod store;
mod typed_confirm;
mod user_keys;
mod view;
mod watch_step;
mod wizard;
mod writes;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::context::{Route, use_session, use_text};
use crate::i18n::RotationText;
use console::RotationConsole;
use create_step::CreateStep;
use handle::{RotationHandle, RotationProvider, use_rotation};
use list::RotationList;
use observe_step::{DeleteStep, DisableStep, ObserveStep};
use plan::PlanView;
use preflight_step::PreflightStep;
use replace_step::ReplaceStep;
use typed_confirm::TypedConfirm;
use user_keys::UserKeys;
use view::{use_replace_rotation_view, use_rotation_view};
use watch_step::{HandOverStep, WatchStep};
use wizard::Wizard;

/// The Rotation page: rotations for the signed-in user, else a way to sign in.
#[component]
pub fn RotationPage() -> Html {
    let tr = use_text();
    if use_session().is_some() {
        return html! { <RotationProvider><RotationConsole /></RotationProvider> };
    }
    html! {
        <section class="page rotation-page">
            <h1>{ tr.t(RotationText::Title.into()) }</h1>
            <p>{ tr.t(RotationText::SignedOut.into()) }</p>
            <p>
                <Link<Route> to={Route::Connect} classes="button button-primary">
                    { tr.t(RotationText::ConnectLink.into()) }
                </Link<Route>>
            </p>
        </section>
    }
}

/// A callback that runs `act` on the page's handle (nothing outside a provider).
fn with_rotation<T: 'static>(
    handle: Option<RotationHandle>,
    act: impl Fn(&RotationHandle, T) + 'static,
) -> Callback<T> {
    Callback::from(move |value: T| {
        if let Some(handle) = &handle {
            act(handle, value);
        }
    })
}
