//! A new key's secret, shown once: AK and SK, "Download CSV", "Copy", and the confirmation
//! that it was saved before anything else happens.

use keyturn_core::inventory::export::credentials_csv;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{CopyButton, save_text_file};
use crate::context::use_text;
use crate::i18n::KeysText;

/// File name of the downloaded credentials, as the Huawei Cloud console names it.
pub const CREDENTIALS_FILE: &str = "credentials.csv";

/// Props of [`NewSecret`].
#[derive(Properties, PartialEq)]
pub struct NewSecretProps {
    /// The new AK.
    pub access: AttrValue,
    /// Its secret access key; it lives only as long as this component.
    pub secret: AttrValue,
    /// The owner's name, for credentials.csv.
    pub user_name: AttrValue,
    /// Text of the button that goes on once the secret is saved.
    pub done_label: AttrValue,
    /// Called when that button is pressed (enabled only after "I have saved…" is ticked).
    pub on_done: Callback<()>,
}

/// The warning that the SK is shown only now, the AK and SK (`data-testid` `new-access-key`
/// and `new-secret-key`), "Download CSV" (`credentials.csv` with the console's columns),
/// "Copy", "I have saved the secret access key", and the button that goes on.
#[component]
pub fn NewSecret(props: &NewSecretProps) -> Html {
    let tr = use_text();
    let saved = use_state(|| false);
    let download = {
        let csv = credentials_csv([(&*props.user_name, &*props.access, &*props.secret)]);
        Callback::from(move |_: MouseEvent| {
            // A refused download leaves the secret on screen; it can still be copied.
            let _ = save_text_file(CREDENTIALS_FILE, "text/csv;charset=utf-8", &csv);
        })
    };
    let copied = format!(
        "Access Key Id: {}\nSecret Access Key: {}",
        props.access, props.secret
    );
    let onchange = {
        let saved = saved.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            saved.set(input.checked());
        })
    };
    let done = {
        let (saved, on_done) = (*saved, props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            if saved {
                on_done.emit(());
            }
        })
    };
    html! {
        <div class="new-secret">
            <p class="notice notice-warning secret-warning">
                <strong>{ tr.t(KeysText::SecretWarning.into()) }</strong>
            </p>
            <dl class="secret-pair">
                <dt>{ tr.t(KeysText::AccessKeyId.into()) }</dt>
                <dd><code data-testid="new-access-key">{ props.access.clone() }</code></dd>
                <dt>{ tr.t(KeysText::SecretAccessKey.into()) }</dt>
                <dd><code data-testid="new-secret-key">{ props.secret.clone() }</code></dd>
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
                <button type="button" class="button-primary" disabled={!*saved} onclick={done}>
                    { props.done_label.clone() }
                </button>
            </div>
        </div>
    }
}
