//! The one-time display of a new key's secret access key.

use keyturn_core::types::credential::CreatedCredential;
use yew::prelude::*;

use super::{close_callback, use_keys};
use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::{Dialog, NewSecret};

/// Props of [`KeySecretDialog`].
#[derive(Properties, PartialEq)]
pub struct KeySecretDialogProps {
    /// The new key with its secret; it lives only as long as this dialog.
    pub created: CreatedCredential,
    /// The owner's name, for credentials.csv.
    pub user_name: AttrValue,
}

/// "Save the new access key": a [`NewSecret`] whose "Close" works only after "I have saved
/// the secret access key" is ticked. Escape and clicks beside the dialog do nothing.
#[component]
pub fn KeySecretDialog(props: &KeySecretDialogProps) -> Html {
    let tr = use_text();
    let close = close_callback(use_keys());
    let created = &props.created;
    html! {
        <Dialog id="secret-key-dialog" title={tr.t(KeysText::SecretTitle.into())}>
            <NewSecret access={created.access.clone()} secret={created.secret.clone()}
                user_name={props.user_name.clone()} done_label={tr.t(KeysText::Close.into())}
                on_done={close} />
        </Dialog>
    }
}
