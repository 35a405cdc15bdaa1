//! One row of the KMS table: a key, its rotation, and the actions on it.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use keyturn_core::kms::{KeyOrigin, KmsDialog, KmsKeyRow, Rotation};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{use_kms, with_kms};
use crate::context::use_text;
use crate::i18n::KmsText;

/// Props of [`KmsTableRow`].
#[derive(Properties, PartialEq)]
pub struct KmsTableRowProps {
    /// The key.
    pub row: Rc<KmsKeyRow>,
    /// Selected for a bulk change.
    pub selected: bool,
    /// A dialog for this key is open.
    #[prop_or_default]
    pub busy: bool,
}

/// `<tr data-key-id data-alias>`: selection, alias, id, spec, usage, state (named), origin,
/// default key, created, rotation on/off, interval, last rotation, rotations, can rotate or why
/// not (`data-col` names each cell), and "Enable rotation", or "Change interval" and "Disable
/// rotation", or "Retry" for a status that could not be read (each named with the alias).
#[component]
pub fn KmsTableRow(props: &KmsTableRowProps) -> Html {
    let tr = use_text();
    let kms = use_kms();
    let row = &props.row;
    let alias = row.alias.clone();
    let on_select = {
        let id = row.id.clone();
        with_kms(kms.clone(), move |kms, event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            kms.select([id.clone()], input.checked());
        })
    };
    let open = |dialog: KmsDialog| {
        with_kms(kms.clone(), move |kms, _: MouseEvent| {
            kms.open(dialog.clone())
        })
    };
    let (key, text) = (row.id.clone(), |t: KmsText| tr.t(t.into()));
    let unknown = || html! { <span class="muted">{ text(KmsText::Loading) }</span> };
    let none = || html! { <span class="muted">{ "—" }</span> };
    let (rotation, interval, last, count, actions) = match &row.rotation {
        Rotation::NotApplicable => (none(), none(), none(), none(), html! {}),
        Rotation::Unknown | Rotation::Loading => {
            (unknown(), unknown(), unknown(), unknown(), html! {})
        }
        Rotation::Failed(_) => {
            let retry = with_kms(kms.clone(), {
                let key = key.clone();
                move |kms, _: MouseEvent| kms.retry_status(key.clone())
            });
            let failed =
                html! { <span class="status-failed">{ text(KmsText::StatusFailed) }</span> };
            let actions = html! {
                <button type="button" class="button-small" onclick={retry}
                    aria-label={text(KmsText::RetryKey(alias.clone()))}>
                    { text(KmsText::Retry) }
                </button>
            };
            (failed, none(), none(), none(), actions)
        }
        Rotation::Known(status) => {
            let on = html! {
                <span class={classes!("badge", if status.enabled { "badge-ok" } else { "badge-due-soon" })}>
                    { text(KmsText::RotationOn(status.enabled)) }
                </span>
            };
            let interval = if status.enabled {
                html! { status.interval_days }
            } else {
                none()
            };
            let last = status.last_rotation.map_or_else(
                || html! { <span class="muted">{ text(KmsText::NeverRotated) }</span> },
                |at| html! { day(at) },
            );
            let actions = if status.enabled {
                let change = open(KmsDialog::Interval {
                    key: key.clone(),
                    alias: alias.clone(),
                    current: *status,
                });
                let disable = open(KmsDialog::Disable {
                    key: key.clone(),
                    alias: alias.clone(),
                });
                html! {
                    <>
                        <button type="button" class="button-small" onclick={change}
                            disabled={props.busy}
                            aria-label={text(KmsText::ChangeIntervalKey(alias.clone()))}>
                            { text(KmsText::ChangeInterval) }
                        </button>
                        <button type="button" class="button-small" onclick={disable}
                            disabled={props.busy}
                            aria-label={text(KmsText::DisableKey(alias.clone()))}>
                            { text(KmsText::Disable) }
                        </button>
                    </>
                }
            } else {
                let enable = open(KmsDialog::Enable {
                    key: key.clone(),
                    alias: alias.clone(),
                });
                html! {
                    <button type="button" class="button-small button-primary" onclick={enable}
                        disabled={props.busy}
                        aria-label={text(KmsText::EnableKey(alias.clone()))}>
                        { text(KmsText::Enable) }
                    </button>
                }
            };
            (on, interval, last, html! { status.rotations }, actions)
        }
    };
    let rotatable = match row.rotatable() {
        Ok(()) => html! { text(KmsText::Rotatable) },
        Err(reason) => html! {
            <span class="not-rotatable">{ text(KmsText::NotRotatable(reason)) }</span>
        },
    };
    let origin = match row.origin {
        KeyOrigin::Kms => "KMS",
        KeyOrigin::External => "External",
    };
    html! {
        <tr data-key-id={row.id.to_string()} data-alias={alias.clone()}
            aria-busy={props.busy.then_some("true")}>
            <td class="select-cell">
                <input type="checkbox" checked={props.selected} onchange={on_select}
                    aria-label={text(KmsText::SelectKey(alias.clone()))} />
            </td>
            <td data-col="alias">{ alias.clone() }</td>
            <td data-col="id"><code>{ row.id.to_string() }</code></td>
            <td data-col="spec">{ row.spec.clone() }</td>
            <td data-col="usage">{ row.usage.clone() }</td>
            <td data-col="state">{ text(KmsText::State(row.state)) }</td>
            <td data-col="origin">{ origin }</td>
            <td data-col="default">{ text(KmsText::DefaultKey(row.default_key)) }</td>
            <td data-col="created">{ day(row.created) }</td>
            <td data-col="rotation">{ rotation }</td>
            <td data-col="interval">{ interval }</td>
            <td data-col="last-rotation">{ last }</td>
            <td data-col="rotations">{ count }</td>
            <td data-col="rotatable">{ rotatable }</td>
            <td class="actions">{ actions }</td>
        </tr>
    }
}

/// A time as its UTC day, e.g. `2026-03-01`.
fn day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}
