//! Progress of a long piece of work: a bar and the same in words.

use yew::prelude::*;

/// Props of [`Progress`].
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// Items done, and items in all; `None` while the total is not known yet.
    pub done_of: Option<(usize, usize)>,
    /// The bar's accessible name, e.g. "Loading access keys".
    pub label: AttrValue,
    /// The progress in words, announced politely.
    pub words: AttrValue,
}

/// `<progress aria-label>` with `value` = done and `max` = total (no value, an indeterminate
/// bar, while the total is unknown), and the words in `role="status"`.
#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let (value, max) = match props.done_of {
        Some((done, total)) => (Some(done.to_string()), Some(total.to_string())),
        None => (None, None),
    };
    html! {
        <div class="key-progress">
            <progress aria-label={props.label.clone()} {value} {max}></progress>
            <span role="status">{ props.words.clone() }</span>
        </div>
    }
}
