//! One rotation's wizard: who and which keys, the steps with the current one marked, the last
//! failure, and the current step. On opening it reads the user's keys again and reconciles;
//! while watching it checks the keys' last use at the chosen interval.

use gloo_timers::callback::Interval;
use keyturn_core::error::Error;
use keyturn_core::ids::AccessKeyId;
use keyturn_core::rotation::{EventKind, Mode, RotationView, Stage};
use yew::prelude::*;

use super::{
    CreateStep, DeleteStep, DisableStep, HandOverStep, ObserveStep, PreflightStep, ReplaceStep,
    UserKeys, WatchStep, use_rotation, use_rotation_view,
};
use crate::context::use_text;
use crate::i18n::RotationText;
use crate::ui::ErrorNotice;

/// The safe wizard's steps, as the list shows them.
const SAFE_STEPS: [Stage; 7] = [
    Stage::Preflight,
    Stage::Create,
    Stage::HandOver,
    Stage::Watch,
    Stage::Disable,
    Stage::Observe,
    Stage::Delete,
];

/// The quick flow's steps.
const QUICK_STEPS: [Stage; 3] = [Stage::Preflight, Stage::Create, Stage::Replace];

/// Props of [`Wizard`].
#[derive(Properties, PartialEq)]
pub struct WizardProps {
    /// The key being rotated.
    pub old: AccessKeyId,
}

/// `<section data-testid="rotation-wizard" data-stage="…">`: the rotation of `old`, or the
/// outcome once it ended (from the history).
#[component]
pub fn Wizard(props: &WizardProps) -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let (_, set_view) = use_rotation_view();
    {
        let (handle, old) = (handle.clone(), props.old.clone());
        use_effect_with(old.clone(), move |_| {
            if let Some(handle) = handle {
                handle.sync(old);
            }
        });
    }
    let record = handle.as_ref().and_then(|handle| handle.record(&props.old));
    let watching = record
        .as_ref()
        .filter(|record| matches!(record.stage, Stage::Watch | Stage::Observe))
        .map(|record| record.watch.every_minutes);
    {
        let (handle, old) = (handle.clone(), props.old.clone());
        use_effect_with(watching, move |every| {
            let timer = every.zip(handle).map(|(minutes, handle)| {
                Interval::new(minutes.saturating_mul(60_000), move || {
                    handle.sync(old.clone())
                })
            });
            move || drop(timer)
        });
    }
    let back = set_view.reform(|_: MouseEvent| RotationView::List);
    let Some(handle) = handle else {
        return Html::default();
    };
    let Some(record) = record else {
        let ended = handle
            .store
            .book()
            .history
            .iter()
            .find(|record| record.old == props.old)
            .cloned();
        return html! {
            <section class="rotation-wizard" data-testid="rotation-wizard" data-stage="finished">
                <p role="status">{ match ended.and_then(|record| record.outcome) {
                    Some(outcome) => tr.t(RotationText::Outcome(outcome).into()),
                    None => tr.t(RotationText::NoSuchRotation(props.old.to_string()).into()),
                } }</p>
                <button type="button" onclick={back}>{ tr.t(RotationText::BackToList.into()) }</button>
            </section>
        };
    };
    let steps: &[Stage] = match record.mode {
        Mode::Safe => &SAFE_STEPS,
        Mode::Quick => &QUICK_STEPS,
    };
    let error = handle.live.errors.get(&props.old).cloned();
    let busy = handle.live.busy.contains(&props.old) || record.pending.is_some();
    let body = match record.stage {
        Stage::Preflight => html! { <PreflightStep record={record.clone()} /> },
        Stage::Create => html! { <CreateStep record={record.clone()} /> },
        Stage::HandOver => html! { <HandOverStep record={record.clone()} /> },
        Stage::Watch => html! { <WatchStep record={record.clone()} /> },
        Stage::Disable => html! { <DisableStep record={record.clone()} /> },
        Stage::Observe => html! { <ObserveStep record={record.clone()} /> },
        Stage::Delete => html! { <DeleteStep record={record.clone()} /> },
        Stage::Replace => html! { <ReplaceStep record={record.clone()} /> },
        Stage::Finished => html! {},
    };
    html! {
        <section class="rotation-wizard" data-testid="rotation-wizard"
            data-stage={RotationText::stage_slug(record.stage)} aria-busy={busy.then_some("true")}>
            <h2>{ tr.t(RotationText::WizardTitle {
                user: record.user_name.clone(),
                old: record.old.to_string(),
            }.into()) }</h2>
            <ol class="rotation-steps">
                { for steps.iter().map(|&stage| {
                    let current = (stage == record.stage).then_some("step");
                    html! { <li aria-current={current}>{ tr.t(RotationText::StageName(stage).into()) }</li> }
                }) }
            </ol>
            if let Some(new) = &record.new {
                <p class="rotation-new-key">
                    { tr.t(RotationText::NewKeyIs(new.access.to_string()).into()) }
                </p>
            }
            if busy {
                <p role="status" class="muted">{ tr.t(RotationText::Working.into()) }</p>
            }
            if let Some(error) = error {
                <RotationError context={RotationText::StepFailed} {error} />
            }
            if let Some(EventKind::Reconciled { note }) = record.events.last().map(|event| &event.what) {
                <div class="notice notice-info" role="status" data-testid="changed-elsewhere">
                    { tr.t(RotationText::Elsewhere(*note).into()) }
                </div>
            }
            if let Some(new) = record.new.as_ref().filter(|_| {
                matches!(record.stage, Stage::HandOver | Stage::Watch | Stage::Disable | Stage::Replace)
                    && handle.signed_in_with(&record.old)
            }) {
                <div class="notice notice-warning" role="alert" data-testid="own-key">
                    { tr.t(RotationText::OwnKey {
                        old: record.old.to_string(),
                        new: new.access.to_string(),
                    }.into()) }
                </div>
            }
            if let Some(new) = record.new.as_ref().filter(|_| handle.new_key_gone(&record.old)) {
                <div class="notice notice-error" role="alert" data-testid="new-key-missing">
                    { tr.t(RotationText::NewKeyMissing {
                        new: new.access.to_string(),
                        old: record.old.to_string(),
                    }.into()) }
                </div>
            }
            { body }
            <UserKeys record={record.clone()} />
            <p><button type="button" onclick={back}>{ tr.t(RotationText::BackToList.into()) }</button></p>
        </section>
    }
}

/// Props of [`RotationError`].
#[derive(Properties, PartialEq)]
pub struct RotationErrorProps {
    /// What failed.
    pub context: RotationText,
    /// Why.
    pub error: Error,
}

/// An [`ErrorNotice`] with IAM's code, message and request id.
#[component]
pub fn RotationError(props: &RotationErrorProps) -> Html {
    let tr = use_text();
    html! {
        <ErrorNotice context={tr.t(props.context.clone().into())}
            detail={tr.t(RotationText::Error(props.error.clone()).into())} />
    }
}
