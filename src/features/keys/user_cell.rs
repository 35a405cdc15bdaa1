//! The user cell of a key table row: name, markers and the create control.

use keyturn_core::inventory::UserRef;
use yew::prelude::*;

use super::{CreateSlot, KeyCreateButton};
use crate::context::use_text;
use crate::i18n::KeysText;

/// Props of [`KeyUserCell`].
#[derive(Properties, PartialEq)]
pub struct KeyUserCellProps {
    /// The user.
    pub user: UserRef,
    /// The user holds two keys: "No free slot".
    #[prop_or_default]
    pub no_free_slot: bool,
    /// Whether this cell carries the user's create control.
    #[prop_or_default]
    pub create: CreateSlot,
    /// Called with the user's id when the name ("Show only <user>") is pressed.
    pub on_select: Callback<String>,
}

/// `<th scope="row">` with the user's name (a button that shows only this user's keys),
/// "User disabled" and "No free slot" markers, and the create control when asked for.
#[component]
pub fn KeyUserCell(props: &KeyUserCellProps) -> Html {
    let tr = use_text();
    let user = &props.user;
    let onclick = {
        let (id, on_select) = (user.id.to_string(), props.on_select.clone());
        Callback::from(move |_: MouseEvent| on_select.emit(id.clone()))
    };
    html! {
        <th scope="row" class="key-user">
            <button type="button" class="user-name link-button" {onclick}
                aria-label={tr.t(KeysText::ShowOnlyUser(user.name.clone()).into())}>
                { user.name.clone() }
            </button>
            if !user.enabled {
                <span class="marker marker-muted">{ tr.t(KeysText::UserDisabled.into()) }</span>
            }
            if props.no_free_slot {
                <span class="marker marker-full">{ tr.t(KeysText::NoFreeSlot.into()) }</span>
            }
            if props.create != CreateSlot::Hidden {
                <KeyCreateButton user={user.clone()} slot={props.create} />
            }
        </th>
    }
}
