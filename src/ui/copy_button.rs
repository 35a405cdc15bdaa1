//! A button that copies a text, and says whether it worked.

use yew::prelude::*;

use super::{CLIPBOARD_CLEAR_MS, copy_secret, copy_text};
use crate::context::use_text;
use crate::i18n::KeysText;

/// Props of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What to copy.
    pub text: AttrValue,
    /// Accessible name, when "Copy" alone would be ambiguous (e.g. "Copy <AK>").
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// Whether the text holds a secret: then the clipboard is emptied a minute after the copy
    /// (while the page has the focus), and the button says so. True unless a use says
    /// otherwise, so that a new use cannot leave a secret on the clipboard by forgetting it.
    #[prop_or(true)]
    pub secret: bool,
}

/// "Copy", followed after a click by a `role="status"` line saying it was copied (and, for a
/// secret, that the clipboard is cleared in a minute) or why not.
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let tr = use_text();
    let outcome = use_state(|| None::<bool>);
    let secret = props.secret;
    let onclick = {
        let (text, outcome) = (props.text.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, outcome) = (text.clone(), outcome.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = if secret {
                    copy_secret(&text, CLIPBOARD_CLEAR_MS).await
                } else {
                    copy_text(&text).await
                };
                outcome.set(Some(copied.is_ok()));
            });
        })
    };
    let said = match *outcome {
        Some(true) if secret => Some(KeysText::CopiedClearedSoon),
        Some(true) => Some(KeysText::Copied),
        Some(false) => Some(KeysText::CopyFailed),
        None => None,
    };
    html! {
        <span class="copy">
            <button type="button" class="button-small" aria-label={props.label.clone()} {onclick}>
                { tr.t(KeysText::Copy.into()) }
            </button>
            <span class="copy-outcome" role="status">
                if let Some(said) = said { { tr.t(said.into()) } }
            </span>
        </span>
    }
}
