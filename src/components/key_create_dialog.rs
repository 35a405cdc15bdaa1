//! The dialog that creates a key for one user.

use keyturn_core::error::Error;
use keyturn_core::inventory::UserRef;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{Dialog, KeyError};
use crate::i18n::KeysText;
use crate::state::use_text;

/// Longest description IAM accepts, in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 255;

/// Props of [`KeyCreateDialog`].
#[derive(Properties, PartialEq)]
pub struct KeyCreateDialogProps {
    /// The user to create a key for.
    pub user: UserRef,
    /// The create request is in flight.
    #[prop_or_default]
    pub busy: bool,
    /// Why the last attempt failed.
    #[prop_or_default]
    pub error: Option<Error>,
    /// Called with the description when "Create access key" is pressed.
    pub on_create: Callback<String>,
    /// Called when the dialog is cancelled.
    pub on_cancel: Callback<()>,
}

/// "Create access key": a "Description" field, "Create access key" and "Cancel".
#[component]
pub fn KeyCreateDialog(props: &KeyCreateDialogProps) -> Html {
    let tr = use_text();
    let description = use_state(String::new);
    let oninput = {
        let description = description.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            description.set(input.value());
        })
    };
    let onsubmit = {
        let (description, on_create, busy) =
            (description.clone(), props.on_create.clone(), props.busy);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if !busy {
                on_create.emit(description.trim().to_owned());
            }
        })
    };
    let on_dismiss = (!props.busy).then(|| props.on_cancel.clone());
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    html! {
        <Dialog id="create-key-dialog" title={tr.t(KeysText::CreateTitle.into())} {on_dismiss}>
            <form {onsubmit}>
                <p>{ tr.t(KeysText::CreateIntro(props.user.name.clone()).into()) }</p>
                <div class="field">
                    <label for="create-key-description">{ tr.t(KeysText::Description.into()) }</label>
                    <input type="text" id="create-key-description" value={(*description).clone()}
                        maxlength={DESCRIPTION_MAX_CHARS.to_string()} autocomplete="off" {oninput}
                        aria-describedby="create-key-description-hint" />
                    <p class="field-hint" id="create-key-description-hint">
                        { tr.t(KeysText::DescriptionHint.into()) }
                    </p>
                </div>
                if let Some(error) = props.error.clone() {
                    <KeyError context={KeysText::CreateFailed} {error} />
                }
                <div class="form-actions">
                    <button type="submit" class="button-primary" disabled={props.busy}>
                        { tr.t(if props.busy { KeysText::Working } else { KeysText::CreateSubmit }.into()) }
                    </button>
                    <button type="button" onclick={cancel} disabled={props.busy}>
                        { tr.t(KeysText::Cancel.into()) }
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
