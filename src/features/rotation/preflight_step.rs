//! Step 1: is there a slot for the new key? Free one first (typed confirmation), or say why
//! the wizard cannot go on yet; choose the safe wizard or the quick flow.

use keyturn_core::rotation::{Mode, Preflight, RotationRecord, preflight};
use yew::prelude::*;

use super::live::KeysRead;
use super::{TypedConfirm, use_rotation, with_rotation};
use crate::context::use_text;
use crate::i18n::RotationText;

/// Props of [`PreflightStep`].
#[derive(Properties, PartialEq)]
pub struct PreflightStepProps {
    /// The rotation.
    pub record: RotationRecord,
}

/// The preflight's finding and the way on.
#[component]
pub fn PreflightStep(props: &PreflightStepProps) -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let Some(rotation) = handle.clone() else {
        return Html::default();
    };
    let record = &props.record;
    let old = record.old.clone();
    let Some(KeysRead::Loaded(keys)) = rotation.live.keys.get(&old).cloned() else {
        return Html::default();
    };
    let busy = rotation.live.busy.contains(&old);
    let finding = preflight(&keys, &old, rotation.now(), &rotation.policy);
    let mode = |mode: Mode| {
        let old = old.clone();
        with_rotation(handle.clone(), move |h, _: Event| h.choose_mode(&old, mode))
    };
    let never_used = keys
        .iter()
        .any(|key| key.access == old && key.last_used.is_none());
    let go_on = {
        let old = old.clone();
        with_rotation(handle.clone(), move |h, _: MouseEvent| {
            h.pass_preflight(&old)
        })
    };
    let body = match finding {
        Preflight::Ready => html! {
            <>
                <p>{ tr.t(RotationText::SlotFree.into()) }</p>
                <fieldset class="rotation-mode">
                    <legend>{ tr.t(RotationText::ModeLegend.into()) }</legend>
                    <div class="field field-check">
                        <input type="radio" id="mode-safe" name="rotation-mode"
                            checked={record.mode == Mode::Safe} onchange={mode(Mode::Safe)} />
                        <label for="mode-safe">{ tr.t(RotationText::ModeSafe.into()) }</label>
                    </div>
                    <div class="field field-check">
                        <input type="radio" id="mode-quick" name="rotation-mode"
                            checked={record.mode == Mode::Quick} onchange={mode(Mode::Quick)} />
                        <label for="mode-quick">{ tr.t(RotationText::ModeQuick { never_used }.into()) }</label>
                    </div>
                </fieldset>
                <button type="button" class="button-primary" onclick={go_on} disabled={busy}>
                    { tr.t(RotationText::ContinueToCreate.into()) }
                </button>
            </>
        },
        Preflight::FreeSlotFirst { suggested, why } => {
            let on_confirm = {
                let (old, suggested) = (old.clone(), suggested.clone());
                with_rotation(handle.clone(), move |h, ()| {
                    h.free_slot(old.clone(), suggested.clone())
                })
            };
            html! {
                <div class="notice notice-warning" data-testid="free-slot">
                    <p>{ tr.t(RotationText::FreeSlot { suggested: suggested.to_string(), why }.into()) }</p>
                    <TypedConfirm id="free-slot-confirm" access={suggested.to_string()}
                        action={tr.t(RotationText::DeleteKey(suggested.to_string()).into())}
                        {busy} {on_confirm} />
                </div>
            }
        }
        Preflight::Blocked { other } => html! {
            <div class="notice notice-error" role="alert" data-testid="preflight-blocked">
                { tr.t(RotationText::Blocked(other.to_string()).into()) }
            </div>
        },
        Preflight::OldKeyMissing => html! {
            <div class="notice notice-error" role="alert">
                { tr.t(RotationText::OldKeyMissing(old.to_string()).into()) }
            </div>
        },
    };
    html! { <div class="rotation-step" data-step="preflight">{ body }</div> }
}
