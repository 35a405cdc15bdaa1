//! A failed call, said in full: what failed, then the service's code, message and request id.

use yew::prelude::*;

/// Props of [`ErrorNotice`].
#[derive(Properties, PartialEq)]
pub struct ErrorNoticeProps {
    /// What failed, e.g. "AK… could not be disabled."
    pub context: AttrValue,
    /// Why: the error's code, message and request id, in words.
    pub detail: AttrValue,
    /// The dismiss button's text and action; no button when `None`.
    #[prop_or_default]
    pub dismiss: Option<(AttrValue, Callback<()>)>,
}

/// `role="alert"` (`data-testid="error-notice"`) with the failed action and its detail.
#[component]
pub fn ErrorNotice(props: &ErrorNoticeProps) -> Html {
    html! {
        <div class="notice notice-error error-notice" role="alert" data-testid="error-notice">
            <p>{ props.context.clone() }</p>
            <p class="error-notice-detail">{ props.detail.clone() }</p>
            if let Some((label, on_dismiss)) = props.dismiss.clone() {
                <button type="button" class="button-small"
                    onclick={move |_: MouseEvent| on_dismiss.emit(())}>
                    { label }
                </button>
            }
        </div>
    }
}
