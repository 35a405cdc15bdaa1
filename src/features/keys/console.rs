//! The signed-in access key page: loading, notices, the table, and the open dialog.

use keyturn_core::keys::{Coverage, KeyDialog, KeyNotice, Listing};
use yew::prelude::*;

use super::{
    KeyCreateDialog, KeyDeleteDialog, KeyDescriptionDialog, KeyError, KeyInventory,
    KeySecretDialog, KeysHandle, use_keys,
};
use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::{Progress, StatusKind, StatusMessage};

/// Progress, notices and the table; the page behind an open dialog is inert.
#[component]
pub fn KeyConsole() -> Html {
    let tr = use_text();
    let Some(keys) = use_keys() else {
        return Html::default();
    };
    let state = &keys.inventory;
    let dialog_open = keys.console.dialog.is_some();
    let (done, total) = state.progress();
    let (done_of, words) = if total == 0 {
        (None, KeysText::ListingUsers)
    } else {
        (Some((done, total)), KeysText::Progress { done, total })
    };
    let refresh = {
        let keys = keys.clone();
        Callback::from(move |_: MouseEvent| keys.refresh())
    };
    html! {
        <section class="page credentials-page">
            <div class="credentials-body" inert={dialog_open}>
                <div class="page-heading">
                    <h1>{ tr.t(KeysText::Title.into()) }</h1>
                    <button type="button" onclick={refresh}>
                        { tr.t(KeysText::Refresh.into()) }
                    </button>
                </div>
                if state.is_loading() {
                    <Progress {done_of} label={tr.t(KeysText::LoadingLabel.into())}
                        words={tr.t(words.into())} />
                }
                if state.coverage() == Some(Coverage::OwnKeys) {
                    <div class="notice notice-info" role="note" data-testid="own-keys-notice">
                        { tr.t(KeysText::OwnKeysOnly.into()) }
                    </div>
                }
                if let Listing::Failed(error) = &state.listing {
                    <KeyError context={KeysText::ListFailed} error={error.clone()} />
                }
                { notice_view(&keys) }
                if state.coverage().is_some() {
                    <KeyInventory inventory={state.inventory.clone()} failures={state.failures()}
                        busy={keys.console.busy.clone()} />
                }
            </div>
            { dialog_view(&keys) }
        </section>
    }
}

fn notice_view(keys: &KeysHandle) -> Html {
    let dismiss = {
        let keys = keys.clone();
        Callback::from(move |()| keys.dismiss())
    };
    match &keys.console.notice {
        Some(KeyNotice::EnableFailed(access, error)) => html! {
            <KeyError context={KeysText::EnableFailed(access.to_string())} error={error.clone()}
                on_dismiss={dismiss} />
        },
        Some(KeyNotice::DisableFailed(access, error)) => html! {
            <KeyError context={KeysText::DisableFailed(access.to_string())} error={error.clone()}
                on_dismiss={dismiss} />
        },
        Some(notice @ KeyNotice::Unclear(_, error)) => html! {
            <KeyError context={KeysText::from(notice)} error={error.clone()}
                on_dismiss={dismiss} />
        },
        Some(done) => html! { <DoneMessage text={KeysText::from(done)} /> },
        None => html! {},
    }
}

/// Props of [`DoneMessage`].
#[derive(Properties, PartialEq)]
struct DoneMessageProps {
    text: KeysText,
}

/// A successful outcome, announced politely.
#[component]
fn DoneMessage(props: &DoneMessageProps) -> Html {
    let tr = use_text();
    html! { <StatusMessage kind={StatusKind::Success} text={tr.t(props.text.clone().into())} /> }
}

fn dialog_view(keys: &KeysHandle) -> Html {
    let request = keys.console.request.clone();
    match keys.console.dialog.clone() {
        None => html! {},
        Some(KeyDialog::Create { user }) => html! { <KeyCreateDialog {user} {request} /> },
        Some(KeyDialog::Edit {
            access,
            description,
        }) => html! {
            <KeyDescriptionDialog access={access} description={description} {request} />
        },
        Some(KeyDialog::Delete {
            access,
            user_name,
            risks,
        }) => html! { <KeyDeleteDialog access={access} user={user_name} {risks} {request} /> },
        Some(KeyDialog::Secret { created, user_name }) => html! {
            <KeySecretDialog {created} user_name={user_name} />
        },
    }
}
