//! A change of many keys' rotation: choose it, preview every key's current → new (and the keys
//! skipped, with why), confirm, watch it run key by key, retry the failures.

use keyturn_core::kms::{
    BulkChange, BulkItem, BulkPlan, BulkRun, BulkStage, BulkStateAction, KeyRunState, KmsKeys,
    RotationStatus, parse_interval,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{KmsError, KmsHandle, use_kms, with_kms};
use crate::context::use_text;
use crate::i18n::KmsText;
use crate::ui::{Dialog, Progress, TextField};

/// The bulk dialog at its current stage; it cannot be closed while writes are being sent.
#[component]
pub fn KmsBulkDialog() -> Html {
    let tr = use_text();
    let Some(kms) = use_kms() else {
        return Html::default();
    };
    let running = kms.bulk.is_running();
    let close = {
        let kms = kms.clone();
        Callback::from(move |()| kms.close())
    };
    let title = tr.t(KmsText::BulkTitle(kms.selection.len()).into());
    let body = match &kms.bulk.stage {
        BulkStage::Choosing => html! { <BulkChoice /> },
        BulkStage::Preview(plan) => preview(&kms, plan),
        BulkStage::Running(run) => html! { <BulkResults run={run.clone()} /> },
    };
    html! {
        <Dialog id="kms-bulk-dialog" {title} on_dismiss={(!running).then_some(close)}>
            { body }
        </Dialog>
    }
}

/// The change: rotation on, off or as it is, and optionally an interval.
#[component]
fn BulkChoice() -> Html {
    let tr = use_text();
    let kms = use_kms();
    let rotation = use_state(|| None::<bool>);
    let set_interval = use_state(|| false);
    let interval = use_state(String::new);
    let tried = use_state(|| false);
    let parsed = (*set_interval).then(|| parse_interval(&interval));
    let change = match parsed {
        Some(Err(_)) => None,
        Some(Ok(days)) => Some(BulkChange {
            rotation: *rotation,
            interval: Some(days),
        }),
        None => rotation.map(|on| BulkChange {
            rotation: Some(on),
            interval: None,
        }),
    };
    let onsubmit = {
        let tried = tried.clone();
        with_kms(kms.clone(), move |kms, event: SubmitEvent| {
            event.prevent_default();
            tried.set(true);
            if let Some(change) = change {
                kms.preview(change);
            }
        })
    };
    let radio = |value: Option<bool>, id: &'static str, text: KmsText| {
        let checked = *rotation == value;
        let rotation = rotation.clone();
        let onchange = Callback::from(move |_: Event| rotation.set(value));
        html! {
            <div class="field field-check">
                <input type="radio" name="kms-bulk-rotation" {id} {checked}
                    {onchange} />
                <label for={id}>{ tr.t(text.into()) }</label>
            </div>
        }
    };
    let on_set_interval = {
        let set_interval = set_interval.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            set_interval.set(input.checked());
        })
    };
    let on_interval = {
        let interval = interval.clone();
        Callback::from(move |value: String| interval.set(value))
    };
    let interval_error = match parsed {
        Some(Err(problem)) if *tried || !interval.is_empty() => {
            Some(AttrValue::from(tr.t(KmsText::Interval(problem).into())))
        }
        _ => None,
    };
    let nothing_chosen = *tried && rotation.is_none() && !*set_interval;
    let cancel = with_kms(kms, |kms, _: MouseEvent| kms.close());
    html! {
        <form {onsubmit}>
            <fieldset class="kms-bulk-rotation">
                <legend>{ tr.t(KmsText::BulkRotation.into()) }</legend>
                { radio(None, "kms-bulk-keep", KmsText::BulkKeep) }
                { radio(Some(true), "kms-bulk-on", KmsText::BulkOn) }
                { radio(Some(false), "kms-bulk-off", KmsText::BulkOff) }
            </fieldset>
            <div class="field field-check">
                <input type="checkbox" id="kms-bulk-set-interval" checked={*set_interval}
                    onchange={on_set_interval} />
                <label for="kms-bulk-set-interval">{ tr.t(KmsText::BulkSetInterval.into()) }</label>
            </div>
            if *set_interval {
                <TextField id="kms-bulk-interval" label={tr.t(KmsText::IntervalLabel.into())}
                    value={(*interval).clone()} on_input={on_interval} inputmode="numeric"
                    hint={tr.t(KmsText::IntervalHint.into())} error={interval_error} />
            }
            if nothing_chosen {
                <p class="field-error" role="alert">{ tr.t(KmsText::BulkNothingChosen.into()) }</p>
            }
            <div class="form-actions">
                <button type="submit" class="button-primary">{ tr.t(KmsText::BulkPreview.into()) }</button>
                <button type="button" onclick={cancel}>{ tr.t(KmsText::Cancel.into()) }</button>
            </div>
        </form>
    }
}

/// Every selected key: planned ones with current → new and their writes, then the skipped
/// ones with why; "Apply", "Back", "Cancel".
fn preview(kms: &KmsHandle, plan: &BulkPlan) -> Html {
    let keys = &kms.state.keys;
    let planned = plan.planned_count();
    let apply = {
        let (kms, plan) = (kms.clone(), plan.clone());
        Callback::from(move |_: MouseEvent| kms.run_preview(&plan))
    };
    let back = {
        let kms = kms.clone();
        Callback::from(move |_: MouseEvent| kms.bulk.dispatch(BulkStateAction::Back))
    };
    let cancel = {
        let kms = kms.clone();
        Callback::from(move |_: MouseEvent| kms.close())
    };
    let requests = plan.request_count();
    html! { <BulkPreview plan={plan.clone()} keys={keys.clone()} {planned} {requests}
    {apply} {back} {cancel} /> }
}

/// Props of [`BulkPreview`].
#[derive(Properties, PartialEq)]
struct BulkPreviewProps {
    plan: BulkPlan,
    keys: std::rc::Rc<KmsKeys>,
    planned: usize,
    requests: usize,
    apply: Callback<MouseEvent>,
    back: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
}

#[component]
fn BulkPreview(props: &BulkPreviewProps) -> Html {
    let tr = use_text();
    let alias = |key: &str| {
        props
            .keys
            .row(key)
            .map(|row| row.alias.clone())
            .unwrap_or_default()
    };
    let skipped = props.plan.items().len() - props.planned;
    let planned_rows = props.plan.items().iter().filter_map(|item| match item {
        BulkItem::Planned {
            key,
            current,
            steps,
        } => {
            let new = steps
                .iter()
                .fold(*current, |status, step| status.after(*step));
            Some(html! {
                <tr key={key.to_string()} data-key-id={key.to_string()}>
                    <td>{ alias(key) }</td>
                    <td><code>{ key.to_string() }</code></td>
                    <td data-col="current">{ tr.t(rotation_text(current).into()) }</td>
                    <td data-col="new">{ tr.t(rotation_text(&new).into()) }</td>
                    <td data-col="writes">{ steps.len() }</td>
                </tr>
            })
        }
        BulkItem::Skipped { .. } => None,
    });
    let skipped_rows = props.plan.items().iter().filter_map(|item| match item {
        BulkItem::Skipped { key, reason } => Some(html! {
            <li key={key.to_string()} data-key-id={key.to_string()}>
                <strong>{ alias(key) }</strong>{ ": " }{ tr.t(KmsText::Skip(*reason).into()) }
            </li>
        }),
        BulkItem::Planned { .. } => None,
    });
    html! {
        <div class="kms-bulk-preview" data-testid="kms-bulk-preview">
            <p role="status">
                { tr.t(KmsText::BulkPlanned { keys: props.planned, requests: props.requests, skipped }.into()) }
            </p>
            if props.planned > 0 {
                <div class="table-wrap">
                    <table class="key-table" aria-label={tr.t(KmsText::BulkPlannedLabel.into())}>
                        <thead><tr>
                            <th scope="col">{ tr.t(KmsText::Column(keyturn_core::kms::KmsSortKey::Alias).into()) }</th>
                            <th scope="col">{ tr.t(KmsText::Column(keyturn_core::kms::KmsSortKey::Id).into()) }</th>
                            <th scope="col">{ tr.t(KmsText::BulkCurrent.into()) }</th>
                            <th scope="col">{ tr.t(KmsText::BulkNew.into()) }</th>
                            <th scope="col">{ tr.t(KmsText::BulkWrites.into()) }</th>
                        </tr></thead>
                        <tbody>{ for planned_rows }</tbody>
                    </table>
                </div>
            }
            if skipped > 0 {
                <h3>{ tr.t(KmsText::BulkSkippedHeading(skipped).into()) }</h3>
                <ul class="kms-bulk-skipped" data-testid="kms-bulk-skipped">{ for skipped_rows }</ul>
            }
            <div class="form-actions">
                <button type="button" class="button-primary" onclick={props.apply.clone()}
                    disabled={props.planned == 0}>
                    { tr.t(KmsText::BulkApply(props.planned).into()) }
                </button>
                <button type="button" onclick={props.back.clone()}>{ tr.t(KmsText::BulkBack.into()) }</button>
                <button type="button" onclick={props.cancel.clone()}>{ tr.t(KmsText::Cancel.into()) }</button>
            </div>
        </div>
    }
}

/// "On, every N days" or "Off".
fn rotation_text(status: &RotationStatus) -> KmsText {
    if status.enabled {
        KmsText::RotatingEvery(status.interval_days)
    } else {
        KmsText::RotationOn(false)
    }
}

/// Props of [`BulkResults`].
#[derive(Properties, PartialEq)]
struct BulkResultsProps {
    run: BulkRun,
}

/// Progress, one result per key (`data-result`: pending, running, done, failed, with KMS's
/// answer), and once every key is answered "Retry failed" and "Close".
#[component]
fn BulkResults(props: &BulkResultsProps) -> Html {
    let tr = use_text();
    let kms = use_kms();
    let Some(handle) = kms.clone() else {
        return Html::default();
    };
    let keys = &handle.state.keys;
    let (done, total) = props.run.progress();
    let failed = props.run.failed_keys().count();
    let finished = props.run.is_finished();
    let retry = with_kms(kms.clone(), |kms, _: MouseEvent| kms.retry_failed());
    let close = with_kms(kms, |kms, _: MouseEvent| kms.close());
    let rows = props.run.keys().iter().map(|run| {
        let alias = keys.row(&run.key).map(|row| row.alias.clone()).unwrap_or_default();
        let (slug, result) = match &run.state {
            KeyRunState::Pending => ("pending", html! { tr.t(KmsText::ResultPending.into()) }),
            KeyRunState::Running => ("running", html! { tr.t(KmsText::ResultRunning.into()) }),
            KeyRunState::Done => {
                let days = run.status.enabled.then_some(run.status.interval_days);
                ("done", html! { tr.t(KmsText::ResultDone(days).into()) })
            }
            KeyRunState::Failed { error, .. } => (
                "failed",
                html! { <KmsError context={KmsText::WriteFailed(alias.clone())} error={error.clone()} /> },
            ),
        };
        html! {
            <tr key={run.key.to_string()} data-key-id={run.key.to_string()} data-result={slug}>
                <td>{ alias.clone() }</td>
                <td>{ result }</td>
            </tr>
        }
    });
    html! {
        <div class="kms-bulk-results" data-testid="kms-bulk-results">
            <Progress done_of={Some((done, total))} label={tr.t(KmsText::BulkProgressLabel.into())}
                words={tr.t(KmsText::BulkProgress { done, total, failed }.into())} />
            <div class="table-wrap">
                <table class="key-table" aria-label={tr.t(KmsText::BulkResultsLabel.into())}>
                    <thead><tr>
                        <th scope="col">{ tr.t(KmsText::Column(keyturn_core::kms::KmsSortKey::Alias).into()) }</th>
                        <th scope="col">{ tr.t(KmsText::BulkResult.into()) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <div class="form-actions">
                if finished && failed > 0 {
                    <button type="button" class="button-primary" onclick={retry}>
                        { tr.t(KmsText::RetryFailed(failed).into()) }
                    </button>
                }
                <button type="button" onclick={close} disabled={!finished}>
                    { tr.t(KmsText::Close.into()) }
                </button>
            </div>
        </div>
    }
}
