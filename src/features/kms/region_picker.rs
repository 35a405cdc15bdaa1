//! The region whose keys are shown, chosen from the official list and kept in the URL.

use keyturn_core::endpoints::regions;
use keyturn_core::kms::KmsView;
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::KmsText;
use crate::ui::SelectField;

/// Props of [`KmsRegionPicker`].
#[derive(Properties, PartialEq)]
pub struct KmsRegionPickerProps {
    /// The region shown.
    pub region: String,
    /// The view in force.
    pub view: KmsView,
    /// Called with the view of the chosen region.
    pub on_change: Callback<KmsView>,
}

/// "Region": every official region by id; choosing one loads its keys.
#[component]
pub fn KmsRegionPicker(props: &KmsRegionPickerProps) -> Html {
    let tr = use_text();
    let options: Vec<(AttrValue, AttrValue)> = regions()
        .iter()
        .map(|region| {
            let id = AttrValue::from(region.id.clone());
            (id.clone(), id)
        })
        .collect();
    let on_change = {
        let (view, on_change) = (props.view.clone(), props.on_change.clone());
        Callback::from(move |region: String| on_change.emit(view.with_region(Some(region))))
    };
    html! {
        <div class="kms-region">
            <SelectField id="kms-region" label={tr.t(KmsText::Region.into())}
                value={props.region.clone()} {options} {on_change} />
        </div>
    }
}
