//! Rotation: replacing one access key step by step.

use yew::prelude::*;

use crate::i18n::Text;
use crate::ui::PlaceholderPage;

/// The access key rotation page.
#[component]
pub fn RotationPage() -> Html {
    html! {
        <PlaceholderPage title={Text::NavRotation} description={Text::RotationPlaceholder} />
    }
}
