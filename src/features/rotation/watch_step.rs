//! Steps 3 and 4: hand the new key over, then watch the old key's last use until it is quiet.

use keyturn_core::rotation::{ADVISED_WATCH_DAYS, LAST_USE_GRANULARITY_MINUTES, RotationRecord};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::live::KeysRead;
use super::{use_rotation, with_rotation};
use crate::context::use_text;
use crate::i18n::RotationText;
use crate::ui::SelectField;

/// The check intervals offered, in minutes (never more often than once a minute).
const WATCH_CHOICES: [u32; 5] = [1, 5, 15, 60, 240];

/// Props of the step components.
#[derive(Properties, PartialEq)]
pub struct StepProps {
    /// The rotation.
    pub record: RotationRecord,
}

/// What to change where (the old key's description hints where it is used), what the watch
/// will look at, and "Applications updated: start watching".
#[component]
pub fn HandOverStep(props: &StepProps) -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let Some(rotation) = handle.clone() else {
        return Html::default();
    };
    let record = &props.record;
    let description = match rotation.live.keys.get(&record.old) {
        Some(KeysRead::Loaded(keys)) => keys
            .iter()
            .find(|key| key.access == record.old)
            .map(|key| key.description.clone())
            .filter(|text| !text.is_empty()),
        _ => None,
    };
    let new = record
        .new
        .as_ref()
        .map(|new| new.access.to_string())
        .unwrap_or_default();
    let go = {
        let old = record.old.clone();
        with_rotation(handle, move |h, _: MouseEvent| h.hand_over(&old))
    };
    html! {
        <div class="rotation-step" data-step="hand_over">
            <p>{ tr.t(RotationText::HandOver { old: record.old.to_string(), new }.into()) }</p>
            if let Some(description) = description {
                <p>{ tr.t(RotationText::UsedWhere(description).into()) }</p>
            }
            <p>{ tr.t(RotationText::WatchWillLook.into()) }</p>
            <button type="button" class="button-primary" onclick={go}>
                { tr.t(RotationText::StartWatching.into()) }
            </button>
        </div>
    }
}

/// The old key's last use ("last used N minutes ago" or "not used since the new key was
/// created"), how long it has been watched, the new key's first use, the check interval,
/// "Check now", and "Move on to disabling" (before the advised week only after a warning is
/// acknowledged).
#[component]
pub fn WatchStep(props: &StepProps) -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let early_ok = use_state(|| false);
    let Some(rotation) = handle.clone() else {
        return Html::default();
    };
    let record = &props.record;
    let old = record.old.clone();
    let report = record.watch_report(rotation.now());
    let every = {
        let old = old.clone();
        with_rotation(handle.clone(), move |h, value: String| {
            if let Ok(minutes) = value.parse() {
                h.watch_every(&old, minutes);
            }
        })
    };
    let check = {
        let old = old.clone();
        with_rotation(handle.clone(), move |h, _: MouseEvent| h.sync(old.clone()))
    };
    let early = !report.advised_watch_over;
    let stopped = rotation.new_key_gone(&old);
    let move_on = {
        let old = old.clone();
        with_rotation(handle.clone(), move |h, _: MouseEvent| {
            h.move_on(&old, early)
        })
    };
    let acknowledge = {
        let early_ok = early_ok.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            early_ok.set(input.checked());
        })
    };
    let options = WATCH_CHOICES
        .iter()
        .map(|m| {
            (
                m.to_string().into(),
                tr.t(RotationText::EveryMinutes(*m).into()),
            )
        })
        .collect::<Vec<(AttrValue, AttrValue)>>();
    let old_use = match (report.old_used_ago, report.quiet_since_new_key) {
        (_, true) => RotationText::QuietSinceNewKey,
        (Some(ago), false) => RotationText::LastUsedAgo(ago.num_minutes()),
        (None, false) => RotationText::NeverUsed,
    };
    html! {
        <div class="rotation-step" data-step="watch">
            <p data-testid="old-key-use" class={if report.quiet_since_new_key { "quiet" } else { "in-use" }}>
                <strong>{ tr.t(old_use.into()) }</strong>
            </p>
            <p>{ tr.t(RotationText::WatchedFor(report.watched.num_minutes()).into()) }</p>
            <p data-testid="new-key-use">{ match report.new_first_used {
                Some(at) => tr.t(RotationText::NewKeyFirstUsed { at, now: rotation.now() }.into()),
                None => tr.t(RotationText::NewKeyNotUsedYet.into()),
            } }</p>
            <p class="muted">{ tr.t(RotationText::Granularity(LAST_USE_GRANULARITY_MINUTES).into()) }</p>
            <div class="form-actions">
                <SelectField id="watch-every" label={tr.t(RotationText::CheckEvery.into())}
                    value={record.watch.every_minutes.to_string()} {options} on_change={every} />
                <button type="button" onclick={check}>{ tr.t(RotationText::CheckNow.into()) }</button>
            </div>
            if early {
                <div class="notice notice-warning">
                    <p>{ tr.t(RotationText::EarlyWarning(ADVISED_WATCH_DAYS).into()) }</p>
                    <div class="field field-check">
                        <input type="checkbox" id="move-on-early" checked={*early_ok} onchange={acknowledge} />
                        <label for="move-on-early">{ tr.t(RotationText::MoveOnEarly.into()) }</label>
                    </div>
                </div>
            }
            <button type="button" class="button-primary" onclick={move_on}
                disabled={stopped || (early && !*early_ok)}>
                { tr.t(RotationText::ToDisable.into()) }
            </button>
        </div>
    }
}
