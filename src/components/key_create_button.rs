//! The way to a new key for one user, or why there is none.

use keyturn_core::inventory::UserRef;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::i18n::KeysText;
use crate::state::use_text;

/// Props of [`KeyCreateButton`].
#[derive(Properties, PartialEq)]
pub struct KeyCreateButtonProps {
    /// The user.
    pub user: UserRef,
    /// False when the user already holds the most keys IAM allows.
    pub free_slot: bool,
    /// Called with the user when the button is pressed.
    pub on_create: Callback<UserRef>,
}

/// "Create key", named "Create key for <user>"; for a user without a free slot the button is disabled, described
/// by "<user> already has two access keys: rotate one instead" and a "Rotation wizard" link.
#[component]
pub fn KeyCreateButton(props: &KeyCreateButtonProps) -> Html {
    let tr = use_text();
    let label = tr.t(KeysText::CreateFor(props.user.name.clone()).into());
    let text = tr.t(KeysText::CreateKey.into());
    if props.free_slot {
        let onclick = {
            let (user, on_create) = (props.user.clone(), props.on_create.clone());
            Callback::from(move |_: MouseEvent| on_create.emit(user.clone()))
        };
        return html! {
            <button type="button" class="button-small key-create" aria-label={label} {onclick}>
                { text }
            </button>
        };
    }
    let reason_id = format!("create-blocked-{}", props.user.id);
    html! {
        <div class="key-create-blocked">
            <button type="button" class="button-small key-create" disabled=true aria-label={label}
                aria-describedby={reason_id.clone()}>
                { text }
            </button>
            <p id={reason_id}>
                <span>{ tr.t(KeysText::TwoKeys(props.user.name.clone()).into()) }</span>
                { " " }
                <Link<Route> to={Route::Rotation}>{ tr.t(KeysText::RotationWizard.into()) }</Link<Route>>
            </p>
        </div>
    }
}
