//! Progress of loading the access keys.

use yew::prelude::*;

use crate::i18n::KeysText;
use crate::state::use_text;

/// Props of [`KeyProgress`].
#[derive(Properties, PartialEq)]
pub struct KeyProgressProps {
    /// Users whose keys arrived (or failed).
    pub done: usize,
    /// Users listed; 0 while the user list is awaited.
    pub total: usize,
}

/// `<progress aria-label="Loading access keys">` with `value` = users done and `max` = users
/// (no value, an indeterminate bar, while the users are being listed), and the same in words.
#[component]
pub fn KeyProgress(props: &KeyProgressProps) -> Html {
    let tr = use_text();
    let (value, max, words) = if props.total == 0 {
        (None, None, KeysText::ListingUsers)
    } else {
        (
            Some(props.done.to_string()),
            Some(props.total.to_string()),
            KeysText::Progress {
                done: props.done,
                total: props.total,
            },
        )
    };
    html! {
        <div class="key-progress">
            <progress aria-label={tr.t(KeysText::LoadingLabel.into())} {value} {max}></progress>
            <span role="status">{ tr.t(words.into()) }</span>
        </div>
    }
}
