//! A failed IAM call, said in full (see [`ErrorNotice`]).

use keyturn_core::error::Error;
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::ErrorNotice;

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

/// An [`ErrorNotice`] with the failed action and the error's code, message and request id.
#[component]
pub fn KeyError(props: &KeyErrorProps) -> Html {
    let tr = use_text();
    let dismiss = props
        .on_dismiss
        .clone()
        .map(|on_dismiss| (tr.t(KeysText::Dismiss.into()), on_dismiss));
    html! {
        <ErrorNotice context={tr.t(props.context.clone().into())}
            detail={tr.t(KeysText::Error(props.error.clone()).into())} {dismiss} />
    }
}
