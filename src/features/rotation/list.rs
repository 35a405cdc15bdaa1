//! The Rotation page's list: rotations in progress across users (open, abandon), starting one
//! by AK, and the history of ended ones.

use keyturn_core::ids::AccessKeyId;
use keyturn_core::rotation::{Mode, RotationRecord, RotationView};
use yew::prelude::*;

use super::{use_rotation, use_rotation_view, with_rotation};
use crate::context::use_text;
use crate::i18n::RotationText;
use crate::ui::TextField;

/// In progress (`table[aria-label="Rotations in progress"]`, rows `data-old`), a start form,
/// and the history (`data-outcome`).
#[component]
pub fn RotationList() -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let (_, set_view) = use_rotation_view();
    let typed = use_state(String::new);
    let abandoning = use_state(|| None::<AccessKeyId>);
    let Some(rotation) = handle.clone() else {
        return Html::default();
    };
    let book = rotation.store.book();
    let now = rotation.now();
    let on_input = {
        let typed = typed.clone();
        Callback::from(move |value: String| typed.set(value))
    };
    let parsed = AccessKeyId::parse(typed.trim());
    let start = {
        let (set_view, parsed) = (set_view.clone(), parsed.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Ok(access) = &parsed {
                set_view.emit(RotationView::Start(access.clone(), Mode::Safe));
            }
        })
    };
    let typed_error =
        (!typed.trim().is_empty() && parsed.is_err()).then(|| tr.t(RotationText::NotAnAk.into()));
    let row = |record: &RotationRecord| {
        let old = record.old.clone();
        let open = set_view.reform({
            let old = old.clone();
            move |_: MouseEvent| RotationView::Open(old.clone())
        });
        let ask = {
            let (abandoning, old) = (abandoning.clone(), old.clone());
            Callback::from(move |_: MouseEvent| abandoning.set(Some(old.clone())))
        };
        let confirm = {
            let (abandoning, old) = (abandoning.clone(), old.clone());
            with_rotation(handle.clone(), move |h, _: MouseEvent| {
                h.abandon(&old);
                abandoning.set(None);
            })
        };
        let cancel = {
            let abandoning = abandoning.clone();
            Callback::from(move |_: MouseEvent| abandoning.set(None))
        };
        let asking = abandoning.as_ref() == Some(&old);
        html! {
            <tr key={old.to_string()} data-old={old.to_string()}>
                <td>{ record.user_name.clone() }</td>
                <td><code>{ old.to_string() }</code></td>
                <td>{ record.new.as_ref().map(|new| html! { <code>{ new.access.to_string() }</code> }).unwrap_or_default() }</td>
                <td data-col="stage">{ tr.t(RotationText::StageName(record.stage).into()) }</td>
                <td>{ tr.t(RotationText::Ago { at: record.started, now }.into()) }</td>
                <td class="actions">
                    <button type="button" class="button-small button-primary" onclick={open}
                        aria-label={tr.t(RotationText::OpenRotation(old.to_string()).into())}>
                        { tr.t(RotationText::Open.into()) }
                    </button>
                    if asking {
                        <span role="alertdialog" aria-label={tr.t(RotationText::AbandonConfirm(old.to_string()).into())}>
                            { tr.t(RotationText::AbandonConfirm(old.to_string()).into()) }
                            <button type="button" class="button-small button-danger-solid" onclick={confirm}>
                                { tr.t(RotationText::ConfirmAbandon.into()) }
                            </button>
                            <button type="button" class="button-small" onclick={cancel}>
                                { tr.t(RotationText::Cancel.into()) }
                            </button>
                        </span>
                    } else {
                        <button type="button" class="button-small" onclick={ask}
                            aria-label={tr.t(RotationText::AbandonRotation(old.to_string()).into())}>
                            { tr.t(RotationText::Abandon.into()) }
                        </button>
                    }
                </td>
            </tr>
        }
    };
    html! {
        <div class="rotation-list">
            <h2>{ tr.t(RotationText::InProgress.into()) }</h2>
            if book.active.is_empty() {
                <p class="muted">{ tr.t(RotationText::NoneInProgress.into()) }</p>
            } else {
                <table class="key-table" aria-label={tr.t(RotationText::InProgress.into())}>
                    <thead><tr>
                        <th scope="col">{ tr.t(RotationText::User.into()) }</th>
                        <th scope="col">{ tr.t(RotationText::OldKey.into()) }</th>
                        <th scope="col">{ tr.t(RotationText::NewKey.into()) }</th>
                        <th scope="col">{ tr.t(RotationText::Step.into()) }</th>
                        <th scope="col">{ tr.t(RotationText::Started.into()) }</th>
                        <th scope="col">{ tr.t(RotationText::Actions.into()) }</th>
                    </tr></thead>
                    <tbody>{ for book.active.iter().map(row) }</tbody>
                </table>
            }
            <form class="rotation-start-form" onsubmit={start}>
                <TextField id="rotate-ak" label={tr.t(RotationText::StartLabel.into())}
                    value={(*typed).clone()} {on_input} error={typed_error} />
                <button type="submit" class="button-primary" disabled={parsed.is_err()}>
                    { tr.t(RotationText::StartRotation.into()) }
                </button>
            </form>
            <h2>{ tr.t(RotationText::History.into()) }</h2>
            if book.history.is_empty() {
                <p class="muted">{ tr.t(RotationText::NoHistory.into()) }</p>
            } else {
                <table class="key-table" aria-label={tr.t(RotationText::History.into())}>
                    <thead><tr>
                        <th scope="col">{ tr.t(RotationText::User.into()) }</th>
                        <th scope="col">{ tr.t(RotationText::OldKey.into()) }</th>
                        <th scope="col">{ tr.t(RotationText::NewKey.into()) }</th>
                        <th scope="col">{ tr.t(RotationText::OutcomeColumn.into()) }</th>
                        <th scope="col">{ tr.t(RotationText::Ended.into()) }</th>
                    </tr></thead>
                    <tbody>
                        { for book.history.iter().map(|record| {
                            let ended = record.events.last().map_or(record.started, |event| event.at);
                            html! {
                                <tr data-old={record.old.to_string()}
                                    data-outcome={record.outcome.map(RotationText::outcome_slug).unwrap_or_default()}>
                                    <td>{ record.user_name.clone() }</td>
                                    <td><code>{ record.old.to_string() }</code></td>
                                    <td>{ record.new.as_ref().map(|new| new.access.to_string()).unwrap_or_default() }</td>
                                    <td>{ record.outcome.map(|outcome| tr.t(RotationText::Outcome(outcome).into())).unwrap_or_default() }</td>
                                    <td>{ tr.t(RotationText::Ago { at: ended, now }.into()) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}
