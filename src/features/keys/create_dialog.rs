//! The dialog that creates a key for one user.

use keyturn_core::inventory::UserRef;
use keyturn_core::request_state::RequestState;
use keyturn_core::validate::DESCRIPTION_MAX_CHARS;
use yew::prelude::*;

use super::{KeyFormDialog, close_callback, use_keys, with_keys};
use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::use_input_value;

/// Props of [`KeyCreateDialog`].
#[derive(Properties, PartialEq)]
pub struct KeyCreateDialogProps {
    /// The user to create a key for.
    pub user: UserRef,
    /// Where the create request stands.
    #[prop_or_default]
    pub request: RequestState,
}

/// "Create access key": a "Description" field, "Create access key" and "Cancel".
#[component]
pub fn KeyCreateDialog(props: &KeyCreateDialogProps) -> Html {
    let tr = use_text();
    let keys = use_keys();
    let (description, oninput) = use_input_value(String::new());
    let on_submit = {
        let (description, user) = (description.clone(), props.user.clone());
        with_keys(keys.clone(), move |keys| {
            keys.create(user.clone(), description.trim().to_owned())
        })
    };
    html! {
        <KeyFormDialog id="create-key-dialog" title={KeysText::CreateTitle}
            submit={KeysText::CreateSubmit} submit_class="button-primary"
            request={props.request.clone()} failed={KeysText::CreateFailed} {on_submit}
            on_cancel={close_callback(keys)}>
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
