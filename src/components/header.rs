//! The page header: product name, main navigation and language switcher.

use yew::prelude::*;

use super::{LanguageSwitcher, NavLink};
use crate::app::Route;
use crate::i18n::Text;
use crate::state::use_text;

/// The header shown above every page.
#[component]
pub fn Header() -> Html {
    let tr = use_text();
    let links = [
        (Route::Connect, Text::NavConnect),
        (Route::Credentials, Text::NavCredentials),
        (Route::Rotation, Text::NavRotation),
        (Route::Kms, Text::NavKms),
        (Route::Settings, Text::NavSettings),
    ];
    html! {
        <header class="site-header">
            <div class="brand">
                <span class="brand-name">{ "Keyturn" }</span>
                <span class="brand-tagline">{ tr.t(Text::Tagline) }</span>
            </div>
            <nav class="main-nav" aria-label={tr.t(Text::MainNavigation)}>
                <ul>
                    { for links.into_iter().map(|(route, label)| html! {
                        <li><NavLink to={route}>{ tr.t(label) }</NavLink></li>
                    }) }
                </ul>
            </nav>
            <LanguageSwitcher />
        </header>
    }
}
