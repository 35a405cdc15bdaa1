//! KMS: the region's keys and their rotation.

use yew::prelude::*;

use crate::i18n::Text;
use crate::ui::PlaceholderPage;

/// The KMS key rotation page.
#[component]
pub fn KmsPage() -> Html {
    html! {
        <PlaceholderPage title={Text::NavKms} description={Text::KmsPlaceholder} />
    }
}
