//! A labelled `<select>` with hint and error.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{FieldMessages, described_by};

/// Props of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// The select's id; the label points at it.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The selected option's value.
    pub value: AttrValue,
    /// The options as (value, text).
    pub options: Vec<(AttrValue, AttrValue)>,
    /// Called with the newly selected value.
    pub on_change: Callback<String>,
    /// Help text under the select.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Why the value is refused; marks the select invalid.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

/// `<label>` + `<select>` + hint and error lines; the selection follows `value`.
#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(select) = select.cast::<HtmlSelectElement>() {
                select.set_value(value);
            }
        });
    }
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_change.emit(select.value());
        })
    };
    let invalid = props.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select ref={select} id={props.id.clone()} name={props.id.clone()} {onchange}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described_by(&props.id, props.hint.is_some(), invalid)}>
                { for props.options.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={*value == props.value}>
                        { text.clone() }
                    </option>
                }) }
            </select>
            <FieldMessages id={props.id.clone()} hint={props.hint.clone()}
                error={props.error.clone()} />
        </div>
    }
}
