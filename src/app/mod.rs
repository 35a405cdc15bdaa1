//! The app shell: providers, the frame (skip link, header, current page) and the router's
//! switch from a [`Route`] to its feature's page.

mod config_gate;
mod header;
mod language_switcher;
mod nav_link;
mod not_found;
mod panic_screen;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::context::{
    CONFIG_URL, ConfigSource, LangProvider, Route, SessionProvider, SettingsProvider, use_text,
};
use crate::features::connect::ConnectPage;
use crate::features::keys::KeysPage;
use crate::features::kms::KmsPage;
use crate::features::rotation::RotationPage;
use crate::features::settings::SettingsPage;
use crate::i18n::Text;
use config_gate::ConfigGate;
use header::Header;
use not_found::NotFoundPage;
pub use panic_screen::{PANIC_SCREEN_ID, install_panic_screen, show_panic_screen};

/// The page for `route`. Pages other than Settings and not-found need a usable config.json.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Redirect<Route> to={Route::Connect} /> },
        Route::Connect => html! { <ConfigGate><ConnectPage /></ConfigGate> },
        Route::Credentials => html! { <ConfigGate><KeysPage /></ConfigGate> },
        Route::Rotation => html! { <ConfigGate><RotationPage /></ConfigGate> },
        Route::Kms => html! { <ConfigGate><KmsPage /></ConfigGate> },
        Route::Settings => html! { <SettingsPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// The whole app: router, language, settings from config.json, the session, and the frame.
#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <LangProvider>
                <SettingsProvider source={ConfigSource::Fetch(CONFIG_URL.into())}>
                    <SessionProvider>
                        <Frame />
                    </SessionProvider>
                </SettingsProvider>
            </LangProvider>
        </BrowserRouter>
    }
}

/// Skip link, header and the current page.
#[component]
pub fn Frame() -> Html {
    let tr = use_text();
    html! {
        <>
            <a class="skip-link" href="#main">{ tr.t(Text::SkipToContent) }</a>
            <Header />
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
        </>
    }
}
