//! The body of a page whose features are not built yet: what will be there.

use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::Text;

/// Props of [`PlaceholderPage`].
#[derive(Properties, PartialEq)]
pub struct PlaceholderPageProps {
    /// The page title.
    pub title: Text,
    /// What the page will offer.
    pub description: Text,
    /// Extra content under the description.
    #[prop_or_default]
    pub children: Html,
}

/// A titled page saying what it will offer.
#[component]
pub fn PlaceholderPage(props: &PlaceholderPageProps) -> Html {
    let tr = use_text();
    html! {
        <section class="page placeholder-page">
            <h1>{ tr.t(props.title.clone()) }</h1>
            <div class="notice notice-info">
                <h2>{ tr.t(Text::ComingSoon) }</h2>
                <p>{ tr.t(props.description.clone()) }</p>
            </div>
            { props.children.clone() }
        </section>
    }
}
