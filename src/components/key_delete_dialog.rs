//! The dialog that deletes a key once its id is typed.

use keyturn_core::error::Error;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::KeyFormDialog;
use crate::i18n::KeysText;
use crate::state::{DeleteRisk, confirms_delete, use_text};

/// Props of [`KeyDeleteDialog`].
#[derive(Properties, PartialEq)]
pub struct KeyDeleteDialogProps {
    /// Access key id.
    pub access: AttrValue,
    /// Owner's name.
    pub user: AttrValue,
    /// Reasons to warn harder (see [`crate::state::delete_risks`]).
    #[prop_or_default]
    pub risks: Vec<DeleteRisk>,
    /// The delete request is in flight.
    #[prop_or_default]
    pub busy: bool,
    /// Why the last attempt failed.
    #[prop_or_default]
    pub error: Option<Error>,
    /// Called when "Delete" is pressed with a matching confirmation.
    pub on_confirm: Callback<()>,
    /// Called when the dialog is cancelled.
    pub on_cancel: Callback<()>,
}

/// "Delete access key": what deleting means, a `role="alert"` warning listing the risks when
/// there are any, the confirmation field, and "Delete", enabled only once the field holds the
/// access key id or its last 6 characters.
#[component]
pub fn KeyDeleteDialog(props: &KeyDeleteDialogProps) -> Html {
    let tr = use_text();
    let typed = use_state(String::new);
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            typed.set(input.value());
        })
    };
    let on_confirm = props.on_confirm.clone();
    html! {
        <KeyFormDialog id="delete-key-dialog" title={KeysText::DeleteTitle}
            submit={KeysText::Delete} submit_class="button-danger-solid"
            ready={confirms_delete(&props.access, &typed)} busy={props.busy}
            error={props.error.clone()} failed={KeysText::DeleteFailed} on_submit={on_confirm}
            on_cancel={props.on_cancel.clone()}>
            <p>{ tr.t(KeysText::DeleteIntro {
                access: props.access.to_string(),
                user: props.user.to_string(),
            }.into()) }</p>
            if !props.risks.is_empty() {
                <div class="notice notice-error delete-warning" role="alert">
                    <p><strong>{ tr.t(KeysText::DeleteWarningTitle.into()) }</strong></p>
                    <ul>
                        { for props.risks.iter().map(|risk| html! {
                            <li>{ tr.t(KeysText::DeleteRisk(risk.clone()).into()) }</li>
                        }) }
                    </ul>
                    <p>{ tr.t(KeysText::DeleteAdvice.into()) }</p>
                </div>
            }
            <div class="field">
                <label for="delete-key-confirm">{ tr.t(KeysText::DeleteConfirmLabel.into()) }</label>
                <input type="text" id="delete-key-confirm" value={(*typed).clone()}
                    autocomplete="off" spellcheck="false" {oninput} />
            </div>
        </KeyFormDialog>
    }
}
