//! The page header: product name, main navigation, session and language switcher.

use yew::prelude::*;
use yew_router::prelude::*;

use super::language_switcher::LanguageSwitcher;
use super::nav_link::NavLink;
use crate::context::Route;
use crate::context::{SessionHandle, use_text};
use crate::i18n::{ConnectText, Text};

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
            <SessionIndicator />
            <LanguageSwitcher />
        </header>
    }
}

/// `<user> @ <account>` and a "Sign out" button while signed in; nothing otherwise (or
/// outside a session provider).
#[component]
fn SessionIndicator() -> Html {
    let tr = use_text();
    let sessions = use_context::<SessionHandle>();
    let navigator = use_navigator();
    let Some(session) = sessions.as_ref().and_then(SessionHandle::current) else {
        return Html::default();
    };
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(sessions) = &sessions {
            sessions.sign_out();
        }
        if let Some(navigator) = &navigator {
            navigator.push(&Route::Connect);
        }
    });
    html! {
        <div class="session-indicator" role="group"
            aria-label={tr.t(Text::Connect(ConnectText::SignedInLabel))}>
            <span class="session-who" data-testid="session-who">
                { tr.t(Text::Connect(ConnectText::SignedInAs {
                    user: session.user_name.clone(),
                    account: session.account_label().to_owned(),
                })) }
            </span>
            <button type="button" class="button button-small" {onclick}>
                { tr.t(Text::Connect(ConnectText::SignOut)) }
            </button>
        </div>
    }
}
