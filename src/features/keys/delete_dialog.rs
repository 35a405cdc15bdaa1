//! The dialog that deletes a key once its id is typed.

use keyturn_core::ids::AccessKeyId;
use keyturn_core::keys::{CONFIRM_SUFFIX_CHARS, DeleteRisk, confirms_delete};
use keyturn_core::request_state::RequestState;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{KeyFormDialog, close_callback, use_keys};
use crate::context::use_text;
use crate::i18n::KeysText;

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
    let typed = use_state(String::new);
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            typed.set(input.value());
        })
    };
    let on_confirm = {
        let (keys, access) = (keys.clone(), props.access.clone());
        Callback::from(move |()| {
            if let Some(keys) = &keys {
                keys.delete(access.clone());
            }
        })
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
