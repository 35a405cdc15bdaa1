//! Connect: signing in to a Huawei Cloud account.

use yew::prelude::*;

use crate::components::PlaceholderPage;
use crate::i18n::Text;
use crate::state::{use_settings, use_text};

/// The sign-in page.
#[component]
pub fn ConnectPage() -> Html {
    let tr = use_text();
    let settings = use_settings();
    let target = Text::ConnectTarget {
        proxy: settings.effective.proxy_url.clone(),
        region: settings.effective.region.clone(),
    };
    html! {
        <PlaceholderPage title={Text::NavConnect} description={Text::ConnectPlaceholder}>
            <p data-testid="connect-target">{ tr.t(target) }</p>
        </PlaceholderPage>
    }
}
