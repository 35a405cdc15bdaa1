//! The filters above the KMS table.

use keyturn_core::inventory::Slug;
use keyturn_core::kms::{KmsFilter, KmsKeyState};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::KmsText;
use crate::ui::SelectField;

/// Props of [`KmsFilters`].
#[derive(Properties, PartialEq)]
pub struct KmsFiltersProps {
    /// The filter in force.
    pub filter: KmsFilter,
    /// Called with the changed filter.
    pub on_change: Callback<KmsFilter>,
}

/// Rotation and state selects, "Interval above / below (days)", "Only keys that cannot
/// rotate", the search, and "Clear filters" while any filter is set.
#[component]
pub fn KmsFilters(props: &KmsFiltersProps) -> Html {
    let tr = use_text();
    let change = |edit: fn(&mut KmsFilter, String)| {
        let (filter, on_change) = (props.filter.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = filter.clone();
            edit(&mut next, value);
            on_change.emit(next);
        })
    };
    let typed = |on_input: Callback<String>| {
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let on_rotation = change(|f, v| {
        f.rotation = match v.as_str() {
            "on" => Some(true),
            "off" => Some(false),
            _ => None,
        }
    });
    let on_state = change(|f, v| f.state = KmsKeyState::from_slug(&v));
    let on_above = typed(change(|f, v| f.interval_above = v.trim().parse().ok()));
    let on_below = typed(change(|f, v| f.interval_below = v.trim().parse().ok()));
    let on_search = typed(change(|f, v| f.search = v));
    let on_not_rotatable = {
        let (filter, on_change) = (props.filter.clone(), props.on_change.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_change.emit(KmsFilter {
                not_rotatable: input.checked(),
                ..filter.clone()
            });
        })
    };
    let clear = {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(KmsFilter::default()))
    };
    let filter = &props.filter;
    let rotation = match filter.rotation {
        Some(true) => "on",
        Some(false) => "off",
        None => "",
    };
    let rotation_options = vec![
        ("".into(), tr.t(KmsText::FilterAll.into())),
        ("on".into(), tr.t(KmsText::FilterOn.into())),
        ("off".into(), tr.t(KmsText::FilterOff.into())),
    ];
    let state_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once(("".into(), tr.t(KmsText::FilterAll.into())))
            .chain(
                KmsKeyState::ALL
                    .iter()
                    .map(|&state| (state.slug().into(), tr.t(KmsText::State(state).into()))),
            )
            .collect();
    let days = |days: Option<u32>| days.map(|d| d.to_string()).unwrap_or_default();
    html! {
        <fieldset class="key-filters">
            <legend>{ tr.t(KmsText::FiltersHeading.into()) }</legend>
            <SelectField id="kms-filter-rotation" label={tr.t(KmsText::FilterRotation.into())}
                value={rotation} options={rotation_options} on_change={on_rotation} />
            <SelectField id="kms-filter-state" label={tr.t(KmsText::FilterState.into())}
                value={filter.state.map(Slug::slug).unwrap_or_default()}
                options={state_options} on_change={on_state} />
            <div class="field">
                <label for="kms-filter-above">{ tr.t(KmsText::FilterAbove.into()) }</label>
                <input type="number" id="kms-filter-above" min="0" step="1" inputmode="numeric"
                    value={days(filter.interval_above)} oninput={on_above} />
            </div>
            <div class="field">
                <label for="kms-filter-below">{ tr.t(KmsText::FilterBelow.into()) }</label>
                <input type="number" id="kms-filter-below" min="0" step="1" inputmode="numeric"
                    value={days(filter.interval_below)} oninput={on_below} />
            </div>
            <div class="field field-check">
                <input type="checkbox" id="kms-filter-not-rotatable"
                    checked={filter.not_rotatable} onchange={on_not_rotatable} />
                <label for="kms-filter-not-rotatable">
                    { tr.t(KmsText::FilterNotRotatable.into()) }
                </label>
            </div>
            <div class="field">
                <label for="kms-filter-search">{ tr.t(KmsText::FilterSearch.into()) }</label>
                <input type="search" id="kms-filter-search" value={filter.search.clone()}
                    autocomplete="off" spellcheck="false" oninput={on_search} />
            </div>
            if filter.is_active() {
                <div class="field field-action">
                    <button type="button" onclick={clear}>{ tr.t(KmsText::ClearFilters.into()) }</button>
                </div>
            }
        </fieldset>
    }
}
