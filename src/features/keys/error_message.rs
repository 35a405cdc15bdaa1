//! A failed call, said in full: what failed, then the service's code, message and request id.

use keyturn_core::error::Error;
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::KeysText;

/// Props of [`KeyError`].
#[derive(Properties, PartialEq)]
pub struct KeyErrorProps {
    /// What failed, e.g. "AK… could not be disabled."
    pub context: KeysText,
    /// Why.
    pub error: Error,
    /// Hides the message; no dismiss button when `None`.
    #[prop_or_default]
    pub on_dismiss: Option<Callback<()>>,
}

/// `role="alert"` with the failed action and the error's code, message and request id.
#[component]
pub fn KeyError(props: &KeyErrorProps) -> Html {
    let tr = use_text();
    html! {
        <div class="notice notice-error key-error" role="alert" data-testid="key-error">
            <p>{ tr.t(props.context.clone().into()) }</p>
            <p class="key-error-detail">{ tr.t(KeysText::Error(props.error.clone()).into()) }</p>
            if let Some(on_dismiss) = props.on_dismiss.clone() {
                <button type="button" class="button-small"
                    onclick={move |_: MouseEvent| on_dismiss.emit(())}>
                    { tr.t(KeysText::Dismiss.into()) }
                </button>
            }
        </div>
    }
}
