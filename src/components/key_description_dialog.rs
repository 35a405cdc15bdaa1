//! The dialog that changes a key's description.

use keyturn_core::error::Error;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::key_create_dialog::DESCRIPTION_MAX_CHARS;
use super::{Dialog, KeyError};
use crate::i18n::KeysText;
use crate::state::use_text;

/// Props of [`KeyDescriptionDialog`].
#[derive(Properties, PartialEq)]
pub struct KeyDescriptionDialogProps {
    /// Access key id.
    pub access: AttrValue,
    /// The description now.
    pub description: AttrValue,
    /// The update request is in flight.
    #[prop_or_default]
    pub busy: bool,
    /// Why the last attempt failed.
    #[prop_or_default]
    pub error: Option<Error>,
    /// Called with the new description when "Save" is pressed.
    pub on_save: Callback<String>,
    /// Called when the dialog is cancelled.
    pub on_cancel: Callback<()>,
}

/// "Edit description": a "Description" field starting from the current one, "Save", "Cancel".
#[component]
pub fn KeyDescriptionDialog(props: &KeyDescriptionDialogProps) -> Html {
    let tr = use_text();
    let description = use_state(|| props.description.to_string());
    let oninput = {
        let description = description.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            description.set(input.value());
        })
    };
    let onsubmit = {
        let (description, on_save, busy) = (description.clone(), props.on_save.clone(), props.busy);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if !busy {
                on_save.emit(description.trim().to_owned());
            }
        })
    };
    let on_dismiss = (!props.busy).then(|| props.on_cancel.clone());
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    html! {
        <Dialog id="edit-key-dialog" title={tr.t(KeysText::EditTitle.into())} {on_dismiss}>
            <form {onsubmit}>
                <p>{ tr.t(KeysText::EditIntro(props.access.to_string()).into()) }</p>
                <div class="field">
                    <label for="edit-key-description">{ tr.t(KeysText::Description.into()) }</label>
                    <input type="text" id="edit-key-description" value={(*description).clone()}
                        maxlength={DESCRIPTION_MAX_CHARS.to_string()} autocomplete="off" {oninput} />
                </div>
                if let Some(error) = props.error.clone() {
                    <KeyError context={KeysText::SaveFailed} {error} />
                }
                <div class="form-actions">
                    <button type="submit" class="button-primary" disabled={props.busy}>
                        { tr.t(if props.busy { KeysText::Working } else { KeysText::Save }.into()) }
                    </button>
                    <button type="button" onclick={cancel} disabled={props.busy}>
                        { tr.t(KeysText::Cancel.into()) }
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
