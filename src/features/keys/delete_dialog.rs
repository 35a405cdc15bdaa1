//! The dialog that deletes a key once its id is typed.

use keyturn_core::ids::AccessKeyId;
use keyturn_core::keys::{CONFIRM_SUFFIX_CHARS, DeleteRisk, confirms_delete};
use keyturn_core::request_state::RequestState;
use yew::prelude::*;

use super::{KeyFormDialog, close_callback, use_keys, with_keys};
use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::use_input_value;

/// Props of [`KeyDeleteDialog`].
#[derive(Properties, PartialEq)]
pub struct KeyDeleteDialogProps {
    /// Access key id.
    pub access: AccessKeyId,
    /// Owner's name.
    pub user: AttrValue,
    /// Reasons to warn harder (see [`keyturn_core::keys::delete_risks`]).
    #[prop_or_default]
    pub risks: Vec<DeleteRisk>,
    /// Where the delete request stands.
    #[prop_or_default]
    pub request: RequestState,
}

/// "Delete access key": what deleting means, a `role="alert"` warning listing the risks when
/// there are any, the confirmation field, and "Delete", enabled only once the field holds the
/// access key id or its last 6 characters.
#[component]
pub fn KeyDeleteDialog(props: &KeyDeleteDialogProps) -> Html {
    let tr = use_text();
    let keys = use_keys();
    let (typed, oninput) = use_input_value(String::new());
    let on_confirm = {
        let access = props.access.clone();
        with_keys(keys.clone(), move |keys| keys.delete(access.clone()))
    };
    html! {
        <KeyFormDialog id="delete-key-dialog" title={KeysText::DeleteTitle}
            submit={KeysText::Delete} submit_class="button-danger-solid"
            ready={confirms_delete(&props.access, &typed)}
            request={props.request.clone()} failed={KeysText::DeleteFailed} on_submit={on_confirm}
            on_cancel={close_callback(keys)}>
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
                <label for="delete-key-confirm">
                    { tr.t(KeysText::DeleteConfirmLabel { suffix_chars: CONFIRM_SUFFIX_CHARS }.into()) }
                </label>
                <input type="text" id="delete-key-confirm" value={(*typed).clone()}
                    autocomplete="off" spellcheck="false" {oninput} />
            </div>
        </KeyFormDialog>
    }
}
