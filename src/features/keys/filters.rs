//! The filters above the key table.

use keyturn_core::inventory::{Filter, Slug};
use keyturn_core::policy::Badge;
use keyturn_core::types::credential::KeyStatus;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::context::{Translator, use_text};
use crate::i18n::KeysText;
use crate::ui::SelectField;

/// Props of [`KeyFilters`].
#[derive(Properties, PartialEq)]
pub struct KeyFiltersProps {
    /// The filter in force.
    pub filter: Filter,
    /// Called with the changed filter.
    pub on_change: Callback<Filter>,
}

/// Status and policy selects, "Never used only", "Unused for more than (days)", the search,
/// and "Clear filters" while any filter is set.
#[component]
pub fn KeyFilters(props: &KeyFiltersProps) -> Html {
    let tr = use_text();
    let change = |edit: fn(&mut Filter, String)| {
        let (filter, on_change) = (props.filter.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = filter.clone();
            edit(&mut next, value);
            on_change.emit(next);
        })
    };
    let on_status = change(|f, v| f.status = KeyStatus::from_slug(&v));
    let on_badge = change(|f, v| f.badge = Badge::from_slug(&v));
    let on_unused = change(|f, v| f.unused_over_days = v.trim().parse().ok());
    let on_search = change(|f, v| f.search = v);
    let on_never = {
        let (filter, on_change) = (props.filter.clone(), props.on_change.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_change.emit(Filter {
                never_used: input.checked(),
                ..filter.clone()
            });
        })
    };
    let input_value = |on_input: Callback<String>| {
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let filter = &props.filter;
    let unused = filter
        .unused_over_days
        .map(|days| days.to_string())
        .unwrap_or_default();
    let clear = {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(Filter::default()))
    };
    html! {
        <fieldset class="key-filters">
            <legend>{ tr.t(KeysText::FiltersHeading.into()) }</legend>
            <SelectField id="filter-status" label={tr.t(KeysText::FilterStatus.into())}
                value={token_or_all(filter.status)} on_change={on_status}
                options={options(&tr, KeyStatus::ALL, KeysText::Status)} />
            <SelectField id="filter-policy" label={tr.t(KeysText::FilterPolicy.into())}
                value={token_or_all(filter.badge)} on_change={on_badge}
                options={options(&tr, Badge::ALL, KeysText::Badge)} />
            <div class="field field-check">
                <input type="checkbox" id="filter-never-used" checked={filter.never_used}
                    onchange={on_never} />
                <label for="filter-never-used">{ tr.t(KeysText::FilterNeverUsed.into()) }</label>
            </div>
            <div class="field">
                <label for="filter-unused-days">{ tr.t(KeysText::FilterUnusedDays.into()) }</label>
                <input type="number" id="filter-unused-days" min="0" step="1" inputmode="numeric"
                    value={unused} oninput={input_value(on_unused)} />
            </div>
            <div class="field">
                <label for="filter-search">{ tr.t(KeysText::FilterSearch.into()) }</label>
                <input type="search" id="filter-search" value={filter.search.clone()}
                    autocomplete="off" spellcheck="false" oninput={input_value(on_search)} />
            </div>
            if filter.is_active() {
                <div class="field field-action">
                    <button type="button" onclick={clear}>{ tr.t(KeysText::ClearFilters.into()) }</button>
                </div>
            }
        </fieldset>
    }
}

/// The select value of an optional token: the token, or `""` for "All".
fn token_or_all<T: Slug>(value: Option<T>) -> AttrValue {
    value.map(Slug::slug).unwrap_or_default().into()
}

/// "All" followed by every variant of `T`, each with its token as value.
fn options<T: Slug>(
    tr: &Translator,
    all: &[T],
    text: fn(T) -> KeysText,
) -> Vec<(AttrValue, AttrValue)> {
    std::iter::once(("".into(), tr.t(KeysText::FilterAll.into())))
        .chain(
            all.iter()
                .map(|&value| (value.slug().into(), tr.t(text(value).into()))),
        )
        .collect()
}
