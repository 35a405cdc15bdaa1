//! Confirming that a key's rotation is turned off.

use keyturn_core::ids::KmsKeyId;
use keyturn_core::request_state::RequestState;
use yew::prelude::*;

use super::{KmsError, use_kms, with_kms};
use crate::context::use_text;
use crate::i18n::KmsText;
use crate::ui::FormDialog;

/// Props of [`KmsDisableDialog`].
#[derive(Properties, PartialEq)]
pub struct KmsDisableDialogProps {
    /// The key.
    pub key_id: KmsKeyId,
    /// Its alias.
    pub alias: String,
    /// The dialog's request.
    pub request: RequestState,
}

/// What turning rotation off means, then "Disable rotation" or "Cancel".
#[component]
pub fn KmsDisableDialog(props: &KmsDisableDialogProps) -> Html {
    let tr = use_text();
    let kms = use_kms();
    let on_submit = {
        let (key, alias) = (props.key_id.clone(), props.alias.clone());
        with_kms(kms.clone(), move |kms, ()| {
            kms.disable(key.clone(), alias.clone())
        })
    };
    let on_cancel = with_kms(kms, |kms, ()| kms.close());
    let failure = props.request.error().cloned().map(|error| {
        html! { <KmsError context={KmsText::WriteFailed(props.alias.clone())} {error} /> }
    });
    html! {
        <FormDialog id="kms-disable-dialog" title={tr.t(KmsText::DisableTitle(props.alias.clone()).into())}
            submit={tr.t(KmsText::Disable.into())} working={tr.t(KmsText::Working.into())}
            cancel={tr.t(KmsText::Cancel.into())} submit_class="button-danger"
            busy={props.request.is_pending()} {failure} {on_submit} {on_cancel}>
            <p class="dialog-key"><code>{ props.key_id.to_string() }</code></p>
            <p>{ tr.t(KmsText::DisableIntro.into()) }</p>
        </FormDialog>
    }
}
