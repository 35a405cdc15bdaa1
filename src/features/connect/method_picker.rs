//! The choice of the way in: an ARIA radio group of buttons.
//!
//! Buttons with `role="radio"` rather than `<input type="radio">` with `<label>`s, because the
//! "Password" and "Token" choices share their names with the inputs they reveal, and an input
//! is found by its label text.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::{ConnectText, Text};
use keyturn_core::connect::SignInMethod;

/// Props of [`ConnectMethodPicker`].
#[derive(Properties, PartialEq)]
pub struct ConnectMethodPickerProps {
    /// The way in chosen.
    pub value: SignInMethod,
    /// Called with the new choice.
    pub on_change: Callback<SignInMethod>,
}

/// Id of the group's visible name.
const LABEL_ID: &str = "connect-method-label";

/// A radio group: Tab reaches the chosen radio, arrow keys, Home and End move and choose, a
/// click or Space chooses.
#[component]
pub fn ConnectMethodPicker(props: &ConnectMethodPickerProps) -> Html {
    let tr = use_text();
    let group = use_node_ref();
    let group_ref = group.clone();
    let radios = SignInMethod::ALL.into_iter().map(|method| {
        let checked = method == props.value;
        let onclick = {
            let on_change = props.on_change.clone();
            Callback::from(move |_: MouseEvent| on_change.emit(method))
        };
        let onkeydown = {
            let on_change = props.on_change.clone();
            let group = group.clone();
            Callback::from(move |event: KeyboardEvent| {
                let Some(next) = neighbour(method, &event.key()) else {
                    return;
                };
                event.prevent_default();
                on_change.emit(next);
                if let Some(group) = group.cast::<Element>() {
                    focus_within(&group, next);
                }
            })
        };
        html! {
            <button type="button" role="radio" id={radio_id(method)} class="method-radio"
                aria-checked={if checked { "true" } else { "false" }}
                tabindex={if checked { "0" } else { "-1" }}
                {onclick} {onkeydown}>
                { tr.t(Text::Connect(ConnectText::Method(method))) }
            </button>
        }
    });
    html! {
        <div class="method-picker">
            <span id={LABEL_ID} class="method-picker-label">
                { tr.t(Text::Connect(ConnectText::MethodGroup)) }
            </span>
            <div ref={group_ref} role="radiogroup" aria-labelledby={LABEL_ID} class="method-radios">
                { for radios }
            </div>
            <p class="field-hint">{ tr.t(Text::Connect(ConnectText::MethodHint(props.value))) }</p>
        </div>
    }
}

/// The method an arrow, Home or End key moves to from `method`, wrapping around.
fn neighbour(method: SignInMethod, key: &str) -> Option<SignInMethod> {
    let all = SignInMethod::ALL;
    let index = all.iter().position(|m| *m == method)?;
    let next = match key {
        "ArrowRight" | "ArrowDown" => (index + 1) % all.len(),
        "ArrowLeft" | "ArrowUp" => (index + all.len() - 1) % all.len(),
        "Home" => 0,
        "End" => all.len() - 1,
        _ => return None,
    };
    Some(all[next])
}

fn radio_id(method: SignInMethod) -> &'static str {
    match method {
        SignInMethod::AkSk => "connect-method-aksk",
        SignInMethod::Password => "connect-method-password",
        SignInMethod::Token => "connect-method-token",
    }
}

/// Moves keyboard focus to the radio of `method` inside `group`.
fn focus_within(group: &Element, method: SignInMethod) {
    if let Some(radio) = group
        .query_selector(&format!("#{}", radio_id(method)))
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    {
        let _ = radio.focus();
    }
}
