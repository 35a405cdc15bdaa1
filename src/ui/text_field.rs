//! A labelled text input with hint and error (secrets use the Connect page's masked field).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{FieldMessages, described_by};

/// Props of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The input's id; the label points at it.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The current text.
    pub value: AttrValue,
    /// Called with the new text on every edit.
    pub on_input: Callback<String>,
    /// The `autocomplete` hint; `off` when not given.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// The `inputmode` hint for virtual keyboards, e.g. `numeric` or `url`.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Help text under the input.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Why the value is refused; marks the input invalid.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

/// `<label>` + `<input>` (no spell checking, no automatic capitals) + hint and error lines.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let invalid = props.error.is_some();
    let autocomplete = props
        .autocomplete
        .clone()
        .unwrap_or_else(|| AttrValue::from("off"));
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input type="text" id={props.id.clone()} name={props.id.clone()}
                value={props.value.clone()} {oninput} {autocomplete}
                inputmode={props.inputmode.clone()}
                spellcheck="false" autocapitalize="off"
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described_by(&props.id, props.hint.is_some(), invalid)} />
            <FieldMessages id={props.id.clone()} hint={props.hint.clone()}
                error={props.error.clone()} />
        </div>
    }
}
