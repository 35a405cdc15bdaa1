//! The way to a new key for one user, or why there is none.

use keyturn_core::inventory::UserRef;
use yew::prelude::*;
use yew_router::prelude::*;

use super::use_keys;
use crate::context::{Route, use_text};
use crate::i18n::KeysText;

/// Whether a user's create control is shown in a row, and whether it can be used.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CreateSlot {
    /// Not in this row (another row of the user carries it, or their keys are unknown).
    #[default]
    Hidden,
    /// Shown: the user may hold another key.
    Free,
    /// Shown disabled: the user already holds the most keys IAM allows.
    Full,
}

/// Props of [`KeyCreateButton`].
#[derive(Properties, PartialEq)]
pub struct KeyCreateButtonProps {
    /// The user.
    pub user: UserRef,
    /// Whether the user has a free slot.
    pub slot: CreateSlot,
}

/// "Create key", named "Create key for <user>"; for a user without a free slot the button is disabled, described
/// by "<user> already has two access keys: rotate one instead" and a "Rotation wizard" link.
#[component]
pub fn KeyCreateButton(props: &KeyCreateButtonProps) -> Html {
    let tr = use_text();
    let keys = use_keys();
    let label = tr.t(KeysText::CreateFor(props.user.name.clone()).into());
    let text = tr.t(KeysText::CreateKey.into());
    if props.slot == CreateSlot::Free {
        let onclick = {
            let user = props.user.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(keys) = &keys {
                    keys.open_create(user.clone());
                }
            })
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
