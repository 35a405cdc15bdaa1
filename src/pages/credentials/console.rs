//! The signed-in access key page: loading, the table, and the dialogs of the key actions.

use yew::prelude::*;

use super::console_state::{ConsoleAction, ConsoleState, OpenDialog, Outcome};
use super::key_actions::KeyActions;
use crate::api::IamClient;
use crate::components::{
    KeyCreateDialog, KeyDeleteDialog, KeyDescriptionDialog, KeyError, KeyIntent, KeyInventory,
    KeyProgress, KeySecretDialog, StatusKind, StatusMessage,
};
use crate::i18n::KeysText;
use crate::state::{InventoryHandle, Listing, Scope, delete_risks, use_inventory, use_text};

/// Props of [`KeyConsole`].
#[derive(Properties, PartialEq)]
pub struct KeyConsoleProps {
    /// The signed-in user's IAM client.
    pub iam: IamClient,
}

/// Loads the keys, shows progress, notices and the table, and runs the key actions.
#[component]
pub fn KeyConsole(props: &KeyConsoleProps) -> Html {
    let tr = use_text();
    let InventoryHandle {
        state,
        refresh,
        retry,
    } = use_inventory();
    let console = use_reducer(ConsoleState::default);
    let actions = KeyActions {
        iam: props.iam.clone(),
        inventory: state.dispatcher(),
        console: console.dispatcher(),
    };
    let on_intent = {
        let (state, console, actions) = (state.clone(), console.clone(), actions.clone());
        let clock = props.iam.transport().clock().clone();
        Callback::from(move |intent: KeyIntent| {
            let inventory = &state.inventory;
            let dialog = match intent {
                KeyIntent::SetStatus { access, status } => {
                    return actions.set_status(access, status);
                }
                KeyIntent::Create(user) => OpenDialog::Create {
                    user,
                    busy: false,
                    error: None,
                },
                KeyIntent::EditDescription(access) => {
                    let Some(row) = inventory.row(&access) else {
                        return;
                    };
                    OpenDialog::Edit {
                        description: row.key.description.clone(),
                        access,
                        busy: false,
                        error: None,
                    }
                }
                KeyIntent::Delete(access) => {
                    let Some(row) = inventory.row(&access) else {
                        return;
                    };
                    OpenDialog::Delete {
                        user_name: row.user.name.clone(),
                        risks: delete_risks(inventory, &access, clock.now()),
                        access,
                        busy: false,
                        error: None,
                    }
                }
            };
            console.dispatch(ConsoleAction::Open(dialog));
        })
    };
    let dialog_open = console.dialog.is_some();
    let (done, total) = state.progress();
    html! {
        <section class="page credentials-page">
            <div class="credentials-body" inert={dialog_open}>
                <div class="page-heading">
                    <h1>{ tr.t(KeysText::Title.into()) }</h1>
                    <button type="button" onclick={move |_: MouseEvent| refresh.emit(())}>
                        { tr.t(KeysText::Refresh.into()) }
                    </button>
                </div>
                if state.is_loading() {
                    <KeyProgress {done} {total} />
                }
                if state.scope() == Some(Scope::OwnKeys) {
                    <div class="notice notice-info" role="note" data-testid="own-keys-notice">
                        { tr.t(KeysText::OwnKeysOnly.into()) }
                    </div>
                }
                if let Listing::Failed(error) = &state.listing {
                    <KeyError context={KeysText::ListFailed} error={error.clone()} />
                }
                { outcome_view(&console) }
                if state.scope().is_some() {
                    <KeyInventory inventory={state.inventory.clone()} failures={state.failures()}
                        busy={console.busy.clone()} {on_intent} on_retry={retry} />
                }
            </div>
            { dialog_view(&console, &actions) }
        </section>
    }
}

fn outcome_view(console: &UseReducerHandle<ConsoleState>) -> Html {
    let tr_dismiss = {
        let console = console.clone();
        Callback::from(move |()| console.dispatch(ConsoleAction::Dismiss))
    };
    match &console.outcome {
        Some(Outcome::Done(text)) => html! { <DoneMessage text={text.clone()} /> },
        Some(Outcome::Failed(context, error)) => html! {
            <KeyError context={context.clone()} error={error.clone()} on_dismiss={tr_dismiss} />
        },
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

fn dialog_view(console: &UseReducerHandle<ConsoleState>, actions: &KeyActions) -> Html {
    let close = {
        let console = console.clone();
        Callback::from(move |()| console.dispatch(ConsoleAction::Close))
    };
    match console.dialog.clone() {
        None => html! {},
        Some(OpenDialog::Create { user, busy, error }) => {
            let on_create = {
                let (actions, user) = (actions.clone(), user.clone());
                Callback::from(move |description| actions.create(user.clone(), description))
            };
            html! { <KeyCreateDialog {user} {busy} {error} {on_create} on_cancel={close} /> }
        }
        Some(OpenDialog::Edit {
            access,
            description,
            busy,
            error,
        }) => {
            let on_save = {
                let (actions, access) = (actions.clone(), access.clone());
                Callback::from(move |description| {
                    actions.save_description(access.clone(), description)
                })
            };
            html! {
                <KeyDescriptionDialog access={access} description={description} {busy} {error}
                    {on_save} on_cancel={close} />
            }
        }
        Some(OpenDialog::Delete {
            access,
            user_name,
            risks,
            busy,
            error,
        }) => {
            let on_confirm = {
                let (actions, access) = (actions.clone(), access.clone());
                Callback::from(move |()| actions.delete(access.clone()))
            };
            html! {
                <KeyDeleteDialog access={access} user={user_name} {risks} {busy} {error}
                    {on_confirm} on_cancel={close} />
            }
        }
        Some(OpenDialog::Secret { created, user_name }) => html! {
            <KeySecretDialog {created} user_name={user_name} on_close={close} />
        },
    }
}
