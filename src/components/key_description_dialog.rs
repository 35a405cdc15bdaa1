//! The dialog that changes a key's description.

use keyturn_core::error::Error;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::KeyFormDialog;
use super::key_create_dialog::DESCRIPTION_MAX_CHARS;
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
    let on_submit = {
        let (description, on_save) = (description.clone(), props.on_save.clone());
        Callback::from(move |()| on_save.emit(description.trim().to_owned()))
    };
    html! {
        <KeyFormDialog id="edit-key-dialog" title={KeysText::EditTitle}
            submit={KeysText::Save} submit_class="button-primary" busy={props.busy}
            error={props.error.clone()} failed={KeysText::SaveFailed} {on_submit}
            on_cancel={props.on_cancel.clone()}>
            <p>{ tr.t(KeysText::EditIntro(props.access.to_string()).into()) }</p>
            <div class="field">
                <label for="edit-key-description">{ tr.t(KeysText::Description.into()) }</label>
                <input type="text" id="edit-key-description" value={(*description).clone()}
                    maxlength={DESCRIPTION_MAX_CHARS.to_string()} autocomplete="off" {oninput} />
            </div>
        </KeyFormDialog>
    }
}
