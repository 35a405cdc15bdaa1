//! One row of the key table: one access key and the actions on it.

use keyturn_core::ids::AccessKeyId;
use keyturn_core::inventory::{KeyRow, Slug};
use keyturn_core::policy::{Badge, Usage};
use keyturn_core::rotation::{Mode, RotationView};
use keyturn_core::types::credential::KeyStatus;
use yew::prelude::*;

use super::{CreateSlot, KeyTime, KeyUserCell, KeysHandle, use_keys};
use crate::context::{Route, use_text};
use crate::i18n::KeysText;
use crate::ui::{CopyButton, QueryLink};

/// Props of [`KeyTableRow`].
#[derive(Properties, PartialEq)]
pub struct KeyTableRowProps {
    /// The key, its owner and its assessment.
    pub row: KeyRow,
    /// The owner holds two keys.
    #[prop_or_default]
    pub no_free_slot: bool,
    /// Whether this row carries the owner's create control.
    #[prop_or_default]
    pub create: CreateSlot,
    /// A request on this key is in flight: its actions wait.
    #[prop_or_default]
    pub busy: bool,
    /// Selected for a rotation plan.
    #[prop_or_default]
    pub selected: bool,
    /// Called with the owner's id when their name is pressed.
    pub on_select_user: Callback<String>,
}

/// `<tr data-ak="<AK>">`: a checkbox selecting it for a rotation plan, user, AK with "Copy", status, created, age, last use or "Never used",
/// description, policy badge with a usage note, and "Rotate…" (a link to its rotation, marked
/// for an overdue key), Enable/Disable, "Edit description", "Delete" (each named with the AK
/// for assistive technology).
#[component]
pub fn KeyTableRow(props: &KeyTableRowProps) -> Html {
    let tr = use_text();
    let keys = use_keys();
    let KeyRow {
        user,
        key,
        assessment,
        ..
    } = &props.row;
    let access = key.access.clone();
    let ak = access.to_string();
    let act = |action: fn(&KeysHandle, AccessKeyId)| {
        let (access, keys) = (access.clone(), keys.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(keys) = &keys {
                action(keys, access.clone());
            }
        })
    };
    let (toggle_text, toggle_label, toggle) = match key.status {
        KeyStatus::Active => (
            KeysText::Disable,
            KeysText::DisableKey(ak.clone()),
            act(|keys, access| keys.set_status(access, KeyStatus::Inactive)),
        ),
        KeyStatus::Inactive => (
            KeysText::Enable,
            KeysText::EnableKey(ak.clone()),
            act(|keys, access| keys.set_status(access, KeyStatus::Active)),
        ),
    };
    let on_select = {
        let (access, keys) = (access.clone(), keys.clone());
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Some(keys) = &keys {
                keys.select([access.clone()], input.checked());
            }
        })
    };
    let badge = assessment.badge;
    let status_class = format!("key-status key-status-{}", key.status.slug());
    let badge_class = format!("badge badge-{}", badge.slug().replace('_', "-"));
    html! {
        <tr data-ak={ak.clone()} aria-busy={props.busy.then_some("true")}>
            <td class="select-cell">
                <input type="checkbox" checked={props.selected} onchange={on_select}
                    aria-label={tr.t(KeysText::SelectKey(ak.clone()).into())} />
            </td>
            <KeyUserCell user={user.clone()} no_free_slot={props.no_free_slot}
                create={props.create} on_select={props.on_select_user.clone()} />
            <td class="key-access">
                <code>{ ak.clone() }</code>
                <CopyButton text={ak.clone()} secret={false} label={tr.t(KeysText::CopyKey(ak.clone()).into())} />
            </td>
            <td><span class={status_class}>{ tr.t(KeysText::Status(key.status).into()) }</span></td>
            <td><KeyTime at={key.created} /></td>
            <td class="numeric">{ assessment.age_days }</td>
            <td>
                if let Some(used) = key.last_used {
                    <KeyTime at={used} />
                } else {
                    <span class="never-used">{ tr.t(KeysText::NeverUsed.into()) }</span>
                }
            </td>
            <td class="key-description">{ key.description.clone() }</td>
            <td class="key-policy">
                <span class={badge_class}>{ tr.t(KeysText::Badge(badge).into()) }</span>
                if !matches!(assessment.usage, Usage::Recent { .. }) {
                    <span class="usage-note">{ tr.t(KeysText::UsageNote(assessment.usage).into()) }</span>
                }
            </td>
            <td>
                <div class="key-actions">
                    <QueryLink to={Route::Rotation}
                        query={RotationView::Start(access.clone(), Mode::Safe).to_query()}
                        classes={classes!("button", "button-small", (badge == Badge::Overdue).then_some("button-primary"))}>
                        { tr.t(KeysText::Rotate.into()) }
                        <span class="visually-hidden">{ format!(" {ak}") }</span>
                    </QueryLink>
                    <button type="button" class="button-small" disabled={props.busy}
                        aria-label={tr.t(toggle_label.into())} onclick={toggle}>
                        { tr.t(toggle_text.into()) }
                    </button>
                    <button type="button" class="button-small" disabled={props.busy}
                        aria-label={tr.t(KeysText::EditKey(ak.clone()).into())}
                        onclick={act(|keys, access| keys.open_edit(&access))}>
                        { tr.t(KeysText::EditDescription.into()) }
                    </button>
                    <button type="button" class="button-small button-danger" disabled={props.busy}
                        aria-label={tr.t(KeysText::DeleteKey(ak.clone()).into())}
                        onclick={act(|keys, access| keys.open_delete(&access))}>
                        { tr.t(KeysText::Delete.into()) }
                    </button>
                </div>
            </td>
        </tr>
    }
}
