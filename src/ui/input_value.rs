//! `use_input_value`: the text of an `<input>` kept in component state.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The input's text (starting at `initial`) and the `oninput` callback that keeps it current.
#[hook]
pub fn use_input_value(initial: String) -> (UseStateHandle<String>, Callback<InputEvent>) {
    let value = use_state(move || initial);
    let oninput = {
        let value = value.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            value.set(input.value());
        })
    };
    (value, oninput)
}
