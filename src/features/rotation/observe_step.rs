//! Steps 5 to 7: disable the old key (confirmed), observe with *Roll back* at hand, delete it
//! (typed confirmation).

use yew::prelude::*;

use super::watch_step::StepProps;
use super::{TypedConfirm, use_rotation, with_rotation};
use crate::context::use_text;
use crate::i18n::RotationText;

/// "Disable the old key", then a confirmation of what it stops.
#[component]
pub fn DisableStep(props: &StepProps) -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let asked = use_state(|| false);
    let Some(rotation) = handle.clone() else {
        return Html::default();
    };
    let old = props.record.old.clone();
    let busy = rotation.live.busy.contains(&old) || props.record.pending.is_some();
    let stopped = rotation.new_key_gone(&old) || rotation.signed_in_with(&old);
    let ask = {
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| asked.set(true))
    };
    let cancel = {
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| asked.set(false))
    };
    let confirm = {
        let old = old.clone();
        with_rotation(handle, move |h, _: MouseEvent| h.disable_old(old.clone()))
    };
    html! {
        <div class="rotation-step" data-step="disable">
            <p>{ tr.t(RotationText::DisableIntro(old.to_string()).into()) }</p>
            if *asked {
                <div class="notice notice-warning" role="alertdialog" aria-labelledby="disable-confirm-text">
                    <p id="disable-confirm-text">{ tr.t(RotationText::DisableConfirm(old.to_string()).into()) }</p>
                    <div class="form-actions">
                        <button type="button" class="button-danger-solid" onclick={confirm} disabled={busy || stopped}>
                            { tr.t(RotationText::ConfirmDisable.into()) }
                        </button>
                        <button type="button" onclick={cancel}>{ tr.t(RotationText::Cancel.into()) }</button>
                    </div>
                </div>
            } else {
                <button type="button" class="button-primary" onclick={ask} disabled={busy || stopped}>
                    { tr.t(RotationText::DisableOld.into()) }
                </button>
            }
        </div>
    }
}

/// The old key is disabled: a prominent *Roll back* (re-enable it, back to watching), and
/// "Everything works: delete the old key".
#[component]
pub fn ObserveStep(props: &StepProps) -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let Some(rotation) = handle.clone() else {
        return Html::default();
    };
    let old = props.record.old.clone();
    let busy = rotation.live.busy.contains(&old) || props.record.pending.is_some();
    let stopped = rotation.new_key_gone(&old);
    let roll_back = {
        let old = old.clone();
        with_rotation(handle.clone(), move |h, _: MouseEvent| {
            h.roll_back(old.clone())
        })
    };
    let delete = {
        let old = old.clone();
        with_rotation(handle, move |h, _: MouseEvent| h.to_delete(&old))
    };
    html! {
        <div class="rotation-step" data-step="observe">
            <p>{ tr.t(RotationText::ObserveIntro(old.to_string()).into()) }</p>
            <div class="form-actions">
                <button type="button" class="button-primary button-large" onclick={roll_back} disabled={busy}>
                    { tr.t(RotationText::RollBack.into()) }
                </button>
                <button type="button" onclick={delete} disabled={busy || stopped}>
                    { tr.t(RotationText::ToDelete.into()) }
                </button>
            </div>
        </div>
    }
}

/// Deleting the old key, confirmed by typing its AK (or its last characters).
#[component]
pub fn DeleteStep(props: &StepProps) -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let Some(rotation) = handle.clone() else {
        return Html::default();
    };
    let old = props.record.old.clone();
    let busy = rotation.live.busy.contains(&old)
        || props.record.pending.is_some()
        || rotation.new_key_gone(&old)
        || rotation.signed_in_with(&old);
    let on_confirm = {
        let old = old.clone();
        with_rotation(handle, move |h, ()| h.delete_old(old.clone()))
    };
    html! {
        <div class="rotation-step" data-step="delete">
            <p>{ tr.t(RotationText::DeleteIntro(old.to_string()).into()) }</p>
            <TypedConfirm id="delete-old-confirm" access={old.to_string()}
                action={tr.t(RotationText::DeleteKey(old.to_string()).into())} {busy} {on_confirm} />
        </div>
    }
}
