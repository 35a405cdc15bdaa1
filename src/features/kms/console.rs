//! The signed-in KMS page: region, loading, notices, counts, filters, the table, the selection
//! and the open dialog.

use keyturn_core::kms::{KeyListing, KmsDialog, KmsNotice};
use yew::prelude::*;

use super::{
    KmsBulkDialog, KmsDisableDialog, KmsError, KmsExport, KmsFilters, KmsHandle, KmsIntervalDialog,
    KmsRegionPicker, KmsSelectionBar, KmsSummaryView, KmsTable, use_kms, use_kms_view,
};
use crate::context::use_text;
use crate::i18n::KmsText;
use crate::ui::{Progress, StatusKind, StatusMessage};

/// Everything on the page; the page behind an open dialog is inert.
#[component]
pub fn KmsConsole() -> Html {
    let tr = use_text();
    let (view, set_view) = use_kms_view();
    let Some(kms) = use_kms() else {
        return Html::default();
    };
    let state = &kms.state;
    let dialog_open = kms.console.dialog.is_some();
    let refresh = {
        let kms = kms.clone();
        Callback::from(move |_: MouseEvent| kms.refresh())
    };
    let retry_list = {
        let kms = kms.clone();
        Callback::from(move |_: MouseEvent| kms.retry_list())
    };
    let (done, total) = state.progress();
    let listing = matches!(state.listing, KeyListing::Pending { .. });
    let (done_of, words) = if listing {
        (None, KmsText::Listing)
    } else {
        (Some((done, total)), KmsText::Progress { done, total })
    };
    let on_filter = {
        let (view, set_view) = (view.clone(), set_view.clone());
        Callback::from(move |filter| set_view.emit(view.with_filter(filter)))
    };
    html! {
        <section class="page kms-page">
            <div class="kms-body" inert={dialog_open}>
                <div class="page-heading">
                    <h1>{ tr.t(KmsText::Title.into()) }</h1>
                    <KmsRegionPicker region={kms.region().to_owned()} view={view.clone()}
                        on_change={set_view.clone()} />
                    <button type="button" onclick={refresh} disabled={kms.target.is_none()}>
                        { tr.t(KmsText::Refresh.into()) }
                    </button>
                </div>
                if kms.target.is_none() {
                    <div class="notice notice-error" role="alert" data-testid="kms-no-endpoint">
                        { tr.t(KmsText::NoEndpoint(kms.region().to_owned()).into()) }
                    </div>
                } else {
                    if state.is_loading() {
                        <Progress {done_of} label={tr.t(KmsText::LoadingLabel.into())}
                            words={tr.t(words.into())} />
                    }
                    if let KeyListing::Failed { error, .. } = &state.listing {
                        <KmsError context={KmsText::ListFailed} error={error.clone()} />
                        <button type="button" onclick={retry_list}>
                            { tr.t(KmsText::RetryList.into()) }
                        </button>
                    }
                    { notice_view(&kms) }
                    if !state.keys.is_empty() {
                        <KmsSummaryView keys={state.keys.clone()} />
                        <KmsFilters filter={view.filter.clone()} on_change={on_filter} />
                        <div class="kms-toolbar">
                            <KmsSelectionBar selection={(*kms.selection).clone()} />
                            <KmsExport keys={state.keys.clone()} view={view.clone()} />
                        </div>
                        <KmsTable keys={state.keys.clone()} {view} {set_view}
                            selection={(*kms.selection).clone()}
                            busy={kms.console.dialog.as_ref().and_then(KmsDialog::key).cloned()} />
                    } else if state.listing == KeyListing::Complete {
                        <p class="no-keys">{ tr.t(KmsText::NoKeys.into()) }</p>
                    }
                }
            </div>
            { dialog_view(&kms) }
        </section>
    }
}

fn notice_view(kms: &KmsHandle) -> Html {
    let dismiss = {
        let kms = kms.clone();
        Callback::from(move |()| kms.dismiss())
    };
    match &kms.console.notice {
        Some(KmsNotice::EnabledIntervalFailed {
            alias,
            wanted,
            error,
        }) => html! {
            <KmsError context={KmsText::EnabledIntervalFailed {
                    alias: alias.clone(),
                    wanted: wanted.days(),
                }}
                error={error.clone()} on_dismiss={dismiss} />
        },
        Some(done) => html! { <DoneMessage text={KmsText::from(done)} /> },
        None => html! {},
    }
}

/// Props of [`DoneMessage`].
#[derive(Properties, PartialEq)]
struct DoneMessageProps {
    text: KmsText,
}

/// A successful outcome, announced politely.
#[component]
fn DoneMessage(props: &DoneMessageProps) -> Html {
    let tr = use_text();
    html! { <StatusMessage kind={StatusKind::Success} text={tr.t(props.text.clone().into())} /> }
}

fn dialog_view(kms: &KmsHandle) -> Html {
    let request = kms.console.request.clone();
    match kms.console.dialog.clone() {
        None => html! {},
        Some(KmsDialog::Enable { key, alias }) => html! {
            <KmsIntervalDialog key_id={key} {alias} current={None} {request} />
        },
        Some(KmsDialog::Interval {
            key,
            alias,
            current,
        }) => html! {
            <KmsIntervalDialog key_id={key} {alias} current={Some(current.interval_days)} {request} />
        },
        Some(KmsDialog::Disable { key, alias }) => html! {
            <KmsDisableDialog key_id={key} {alias} {request} />
        },
        Some(KmsDialog::Bulk) => html! { <KmsBulkDialog /> },
    }
}
