//! The route table and the app's frame.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{ConfigGate, Header};
use crate::i18n::Text;
use crate::pages::{
    ConnectPage, CredentialsPage, KmsPage, NotFoundPage, RotationPage, SettingsPage,
};
use crate::state::config_file::CONFIG_URL;
use crate::state::{ConfigSource, LangProvider, SessionProvider, SettingsProvider, use_text};

/// Every page of Keyturn.
#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    /// The start address; redirects to [`Route::Connect`].
    #[at("/")]
    Home,
    /// Sign-in.
    #[at("/connect")]
    Connect,
    /// Access keys of the account.
    #[at("/credentials")]
    Credentials,
    /// Guided access key rotation.
    #[at("/rotation")]
    Rotation,
    /// KMS keys and their rotation.
    #[at("/kms")]
    Kms,
    /// Non-secret settings.
    #[at("/settings")]
    Settings,
    /// Any other address.
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

/// The page for `route`. Pages other than Settings and not-found need a usable config.json.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Redirect<Route> to={Route::Connect} /> },
        Route::Connect => html! { <ConfigGate><ConnectPage /></ConfigGate> },
        Route::Credentials => html! { <ConfigGate><CredentialsPage /></ConfigGate> },
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
