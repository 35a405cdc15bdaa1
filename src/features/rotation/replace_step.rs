//! The quick flow's last step: disable (the default) or delete the old key, in one confirmed
//! step.

use keyturn_core::rotation::OldKeyEnd;
use yew::prelude::*;

use super::watch_step::StepProps;
use super::{TypedConfirm, use_rotation, with_rotation};
use crate::context::use_text;
use crate::i18n::RotationText;

/// "Disable the old key" or "Delete the old key", then the confirmation.
#[component]
pub fn ReplaceStep(props: &StepProps) -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let end = use_state(|| OldKeyEnd::Disable);
    let Some(rotation) = handle.clone() else {
        return Html::default();
    };
    let old = props.record.old.clone();
    let busy = rotation.live.busy.contains(&old)
        || props.record.pending.is_some()
        || rotation.new_key_gone(&old)
        || rotation.signed_in_with(&old);
    let choose = |choice: OldKeyEnd| {
        let end = end.clone();
        Callback::from(move |_: Event| end.set(choice))
    };
    let replace = {
        let (old, choice) = (old.clone(), *end);
        with_rotation(handle, move |h, ()| h.replace_old(old.clone(), choice))
    };
    html! {
        <div class="rotation-step" data-step="replace">
            <fieldset>
                <legend>{ tr.t(RotationText::ReplaceLegend(old.to_string()).into()) }</legend>
                <div class="field field-check">
                    <input type="radio" id="replace-disable" name="replace" checked={*end == OldKeyEnd::Disable}
                        onchange={choose(OldKeyEnd::Disable)} />
                    <label for="replace-disable">{ tr.t(RotationText::ReplaceDisable.into()) }</label>
                </div>
                <div class="field field-check">
                    <input type="radio" id="replace-delete" name="replace" checked={*end == OldKeyEnd::Delete}
                        onchange={choose(OldKeyEnd::Delete)} />
                    <label for="replace-delete">{ tr.t(RotationText::ReplaceDelete.into()) }</label>
                </div>
            </fieldset>
            if *end == OldKeyEnd::Disable {
                <button type="button" class="button-danger-solid" disabled={busy}
                    onclick={replace.reform(|_: MouseEvent| ())}>
                    { tr.t(RotationText::ConfirmDisable.into()) }
                </button>
            } else {
                <TypedConfirm id="replace-delete-confirm" access={old.to_string()}
                    action={tr.t(RotationText::DeleteKey(old.to_string()).into())} {busy}
                    on_confirm={replace} />
            }
        </div>
    }
}
