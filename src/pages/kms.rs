//! KMS: the region's keys and their rotation.

use yew::prelude::*;

use crate::components::PlaceholderPage;
use crate::i18n::Text;

/// The KMS key rotation page.
#[component]
pub fn KmsPage() -> Html {
    html! {
        <PlaceholderPage title={Text::NavKms} description={Text::KmsPlaceholder} />
    }
}
