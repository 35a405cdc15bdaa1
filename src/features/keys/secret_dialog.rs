//! The one-time display of a new key's secret access key.

use keyturn_core::inventory::export::credentials_csv;
use keyturn_core::types::credential::CreatedCredential;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_keys;
use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::{CopyButton, Dialog, save_text_file};

/// File name of the downloaded credentials, as the Huawei Cloud console names it.
pub const CREDENTIALS_FILE: &str = "credentials.csv";

/// Props of [`KeySecretDialog`].
#[derive(Properties, PartialEq)]
pub struct KeySecretDialogProps {
    /// The new key with its secret; it lives only as long as this dialog.
    pub created: CreatedCredential,
    /// The owner's name, for credentials.csv.
    pub user_name: AttrValue,
}

/// "Save the new access key": the AK and SK, "Download CSV" (`credentials.csv` with the
/// console's columns), "Copy", the warning that the SK is shown only now, and "Close", which
/// works only after "I have saved the secret access key" is ticked. Escape and clicks beside
/// the dialog do nothing.
#[component]
pub fn KeySecretDialog(props: &KeySecretDialogProps) -> Html {
    let tr = use_text();
    let keys = use_keys();
    let saved = use_state(|| false);
    let created = &props.created;
    let download = {
        let csv = credentials_csv(&props.user_name, &created.access, &created.secret);
        Callback::from(move |_: MouseEvent| {
            // A refused download leaves the dialog open; the secret can still be copied.
            let _ = save_text_file(CREDENTIALS_FILE, "text/csv;charset=utf-8", &csv);
        })
    };
    let copied = format!(
        "Access Key Id: {}\nSecret Access Key: {}",
        created.access, created.secret
    );
    let onchange = {
        let saved = saved.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            saved.set(input.checked());
        })
    };
    let close = {
        let saved = *saved;
        Callback::from(move |_: MouseEvent| {
            if let (true, Some(keys)) = (saved, &keys) {
                keys.close();
            }
        })
    };
    html! {
        <Dialog id="secret-key-dialog" title={tr.t(KeysText::SecretTitle.into())}>
            <p class="notice notice-warning secret-warning">
                <strong>{ tr.t(KeysText::SecretWarning.into()) }</strong>
            </p>
            <dl class="secret-pair">
                <dt>{ tr.t(KeysText::AccessKeyId.into()) }</dt>
                <dd><code data-testid="new-access-key">{ created.access.clone() }</code></dd>
                <dt>{ tr.t(KeysText::SecretAccessKey.into()) }</dt>
                <dd><code data-testid="new-secret-key">{ created.secret.clone() }</code></dd>
            </dl>
            <div class="form-actions">
                <button type="button" onclick={download}>{ tr.t(KeysText::DownloadCsv.into()) }</button>
                <CopyButton text={copied} />
            </div>
            <div class="field field-check">
                <input type="checkbox" id="secret-saved" checked={*saved} {onchange} />
                <label for="secret-saved">{ tr.t(KeysText::SavedConfirm.into()) }</label>
            </div>
            <div class="form-actions">
                <button type="button" class="button-primary" disabled={!*saved} onclick={close}>
                    { tr.t(KeysText::Close.into()) }
                </button>
            </div>
        </Dialog>
    }
}
