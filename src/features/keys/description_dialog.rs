//! The dialog that changes a key's description.

use keyturn_core::ids::AccessKeyId;
use keyturn_core::request_state::RequestState;
use keyturn_core::validate::DESCRIPTION_MAX_CHARS;
use yew::prelude::*;

use super::{KeyFormDialog, close_callback, use_keys, with_keys};
use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::use_input_value;

/// Props of [`KeyDescriptionDialog`].
#[derive(Properties, PartialEq)]
pub struct KeyDescriptionDialogProps {
    /// Access key id.
    pub access: AccessKeyId,
    /// The description now.
    pub description: AttrValue,
    /// Where the update request stands.
    #[prop_or_default]
    pub request: RequestState,
}

/// "Edit description": a "Description" field starting from the current one, "Save", "Cancel".
#[component]
pub fn KeyDescriptionDialog(props: &KeyDescriptionDialogProps) -> Html {
    let tr = use_text();
    let keys = use_keys();
    let (description, oninput) = use_input_value(props.description.to_string());
    let on_submit = {
        let (description, access) = (description.clone(), props.access.clone());
        with_keys(keys.clone(), move |keys| {
            keys.save_description(access.clone(), description.trim().to_owned())
        })
    };
    html! {
        <KeyFormDialog id="edit-key-dialog" title={KeysText::EditTitle}
            submit={KeysText::Save} submit_class="button-primary"
            request={props.request.clone()} failed={KeysText::SaveFailed} {on_submit}
            on_cancel={close_callback(keys)}>
            <p>{ tr.t(KeysText::EditIntro(props.access.to_string()).into()) }</p>
            <div class="field">
                <label for="edit-key-description">{ tr.t(KeysText::Description.into()) }</label>
                <input type="text" id="edit-key-description" value={(*description).clone()}
                    maxlength={DESCRIPTION_MAX_CHARS.to_string()} autocomplete="off" {oninput} />
            </div>
        </KeyFormDialog>
    }
}
