//! Rotation: replacing one access key step by step.

use yew::prelude::*;

use crate::components::PlaceholderPage;
use crate::i18n::Text;

/// The access key rotation page.
#[component]
pub fn RotationPage() -> Html {
    html! {
        <PlaceholderPage title={Text::NavRotation} description={Text::RotationPlaceholder} />
    }
}
