//! A failed KMS call, said in full (see [`ErrorNotice`]).

use keyturn_core::error::Error;
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::KmsText;
use crate::ui::ErrorNotice;

/// Props of [`KmsError`].
#[derive(Properties, PartialEq)]
pub struct KmsErrorProps {
    /// What failed.
    pub context: KmsText,
    /// Why.
    pub error: Error,
    /// Hides the message; no dismiss button when `None`.
    #[prop_or_default]
    pub on_dismiss: Option<Callback<()>>,
}

/// An [`ErrorNotice`] with the failed action and KMS's code, message and request id.
#[component]
pub fn KmsError(props: &KmsErrorProps) -> Html {
    let tr = use_text();
    let dismiss = props
        .on_dismiss
        .clone()
        .map(|on_dismiss| (tr.t(KmsText::Dismiss.into()), on_dismiss));
    html! {
        <ErrorNotice context={tr.t(props.context.clone().into())}
            detail={tr.t(KmsText::Error(props.error.clone()).into())} {dismiss} />
    }
}
