//! An announced outcome message: `role="status"` for news, `role="alert"` for failures.

use yew::prelude::*;

/// How an outcome is announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusKind {
    /// Something worked.
    Success,
    /// Something failed and needs attention.
    Error,
}

/// Props of [`StatusMessage`].
#[derive(Properties, PartialEq)]
pub struct StatusMessageProps {
    /// Success or failure.
    pub kind: StatusKind,
    /// The message.
    pub text: AttrValue,
}

/// One outcome line, announced by screen readers when it appears.
#[component]
pub fn StatusMessage(props: &StatusMessageProps) -> Html {
    let (role, class) = match props.kind {
        StatusKind::Success => ("status", "status status-success"),
        StatusKind::Error => ("alert", "status status-error"),
    };
    html! {
        <p {role} {class} data-testid="status-message">{ props.text.clone() }</p>
    }
}
