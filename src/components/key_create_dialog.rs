//! The dialog that creates a key for one user.

use keyturn_core::error::Error;
use keyturn_core::inventory::UserRef;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::KeyFormDialog;
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
    let on_submit = {
        let (description, on_create) = (description.clone(), props.on_create.clone());
        Callback::from(move |()| on_create.emit(description.trim().to_owned()))
    };
    html! {
        <KeyFormDialog id="create-key-dialog" title={KeysText::CreateTitle}
            submit={KeysText::CreateSubmit} submit_class="button-primary" busy={props.busy}
            error={props.error.clone()} failed={KeysText::CreateFailed} {on_submit}
            on_cancel={props.on_cancel.clone()}>
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
        </KeyFormDialog>
    }
}
