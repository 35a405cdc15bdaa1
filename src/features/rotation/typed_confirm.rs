//! A destructive step's typed confirmation: the AK, or its last characters.

use keyturn_core::keys::{CONFIRM_SUFFIX_CHARS, confirms_delete};
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::RotationText;
use crate::ui::TextField;

/// Props of [`TypedConfirm`].
#[derive(Properties, PartialEq)]
pub struct TypedConfirmProps {
    /// The input's id.
    pub id: AttrValue,
    /// The AK to type.
    pub access: AttrValue,
    /// The button's text.
    pub action: AttrValue,
    /// Disables the button (a request in flight).
    #[prop_or_default]
    pub busy: bool,
    /// Called when the typed text matches and the button is pressed.
    pub on_confirm: Callback<()>,
}

/// "Type the AK (or its last 6 characters) to confirm", and a danger button enabled once it
/// matches.
#[component]
pub fn TypedConfirm(props: &TypedConfirmProps) -> Html {
    let tr = use_text();
    let typed = use_state(String::new);
    let on_input = {
        let typed = typed.clone();
        Callback::from(move |value: String| typed.set(value))
    };
    let ready = confirms_delete(&props.access, &typed);
    let onclick = {
        let on_confirm = props.on_confirm.clone();
        Callback::from(move |_: MouseEvent| {
            if ready {
                on_confirm.emit(());
            }
        })
    };
    html! {
        <div class="typed-confirm">
            <TextField id={props.id.clone()} value={(*typed).clone()} {on_input}
                label={tr.t(RotationText::TypeToConfirm { access: props.access.to_string(), suffix: CONFIRM_SUFFIX_CHARS }.into())} />
            <button type="button" class="button-danger-solid" disabled={!ready || props.busy} {onclick}>
                { props.action.clone() }
            </button>
        </div>
    }
}
