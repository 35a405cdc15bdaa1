//! Hint and error lines under a form control, linked to it with `aria-describedby`.

use yew::prelude::*;

/// Id of the hint line of the control `id`.
fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

/// Id of the error line of the control `id`.
pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The `aria-describedby` value of the control `id`: its hint and error lines, if shown.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<AttrValue> {
    let ids: Vec<String> = [(hint, hint_id(id)), (error, error_id(id))]
        .into_iter()
        .filter_map(|(shown, id)| shown.then_some(id))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" ").into())
}

/// Props of [`FieldMessages`].
#[derive(Properties, PartialEq)]
pub struct FieldMessagesProps {
    /// Id of the control the lines describe.
    pub id: AttrValue,
    /// Help text.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Why the value is refused.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

/// The hint and error lines of one control.
#[component]
pub fn FieldMessages(props: &FieldMessagesProps) -> Html {
    html! {
        <>
            if let Some(hint) = &props.hint {
                <p key="hint" class="field-hint" id={hint_id(&props.id)}>{ hint.clone() }</p>
            }
            if let Some(error) = &props.error {
                <p key="error" class="field-error" id={error_id(&props.id)}>{ error.clone() }</p>
            }
        </>
    }
}
