//! Shows a page only once config.json is usable; otherwise the loading or error screen.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::context::Route;
use crate::i18n::Text;
use keyturn_core::settings::ConfigStatus;

use crate::context::{use_settings, use_text};

/// Props of [`ConfigGate`].
#[derive(Properties, PartialEq)]
pub struct ConfigGateProps {
    /// The page that needs a valid configuration.
    pub children: Html,
}

/// The page when config.json was read (or, when it failed, once this browser has saved
/// settings, under a warning), else a loading line or an error screen that names the problem
/// and links to the settings page.
#[component]
pub fn ConfigGate(props: &ConfigGateProps) -> Html {
    let settings = use_settings();
    let tr = use_text();
    match &settings.config {
        ConfigStatus::Ready => props.children.clone(),
        ConfigStatus::Loading => html! {
            <p class="loading" role="status">{ tr.t(Text::LoadingConfig) }</p>
        },
        ConfigStatus::Failed(error) if settings.stored_in_use => html! {
            <>
                <div class="notice notice-warning" role="note" data-testid="config-warning">
                    <p>{ tr.t(Text::ConfigFailedUsingStored) }</p>
                    <p>{ tr.t(Text::Config(error.clone())) }</p>
                </div>
                { props.children.clone() }
            </>
        },
        ConfigStatus::Failed(error) => html! {
            <section class="page config-error" data-testid="config-error">
                <h1>{ tr.t(Text::ConfigErrorTitle) }</h1>
                <div class="notice notice-error" role="alert">
                    <p>{ tr.t(Text::Config(error.clone())) }</p>
                </div>
                <p>{ tr.t(Text::ConfigErrorHelp) }</p>
                <p>
                    <Link<Route> to={Route::Settings} classes="button">
                        { tr.t(Text::OpenSettings) }
                    </Link<Route>>
                </p>
            </section>
        },
    }
}
