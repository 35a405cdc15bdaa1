//! A masked input that browsers do not take for a password: the secret key, the password, the
//! MFA code and the token.
//!
//! A `type="password"` input in a form makes a browser's password manager offer to save it
//! after a sign-in (Chrome saved the AK as user name and the SK as password, to disk and to the
//! user's synced account). So the secrets are text inputs masked with `-webkit-text-security:
//! disc` (set on the element, so it holds even without the style sheet), with
//! `autocomplete="off"` (no form history either), no `name`, and copying or cutting the masked
//! text is refused as it is from a password input.
//!
//! The price: a screen reader may read out the characters of a masked text input where it would
//! say "dot" for a password input, and nothing but the style masks the value on screen. Every
//! current browser engine implements `-webkit-text-security` (Firefox since 114).

use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::ui::{FieldMessages, described_by};

/// The class of a masked secret input (static/connect.css masks it too).
const SECRET_INPUT_CLASS: &str = "secret-input";

/// Props of [`SecretField`].
#[derive(Properties, PartialEq)]
pub struct SecretFieldProps {
    /// The input's id; the label points at it.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The current text.
    pub value: AttrValue,
    /// Called with the new text on every edit.
    pub on_input: Callback<String>,
    /// The `autocomplete` hint; `off` when not given. Never a password token.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// The `inputmode` hint for virtual keyboards, e.g. `numeric`.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Help text under the input.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Why the value is refused; marks the input invalid.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

/// `<label>` + masked `<input type="text">` + hint and error lines.
#[component]
pub fn SecretField(props: &SecretFieldProps) -> Html {
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |()| {
            if let Some(element) = input.cast::<HtmlElement>() {
                let _ = element
                    .style()
                    .set_property("-webkit-text-security", "disc");
            }
        });
    }
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let refuse = Callback::from(|event: Event| event.prevent_default());
    let invalid = props.error.is_some();
    let autocomplete = props
        .autocomplete
        .clone()
        .unwrap_or_else(|| AttrValue::from("off"));
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input ref={input} type="text" class={SECRET_INPUT_CLASS} id={props.id.clone()}
                value={props.value.clone()} {oninput} {autocomplete}
                inputmode={props.inputmode.clone()}
                spellcheck="false" autocapitalize="off" autocorrect="off"
                data-secret="true"
                oncopy={refuse.clone()} oncut={refuse}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described_by(&props.id, props.hint.is_some(), invalid)} />
            <FieldMessages id={props.id.clone()} hint={props.hint.clone()}
                error={props.error.clone()} />
        </div>
    }
}
