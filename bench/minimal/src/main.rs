//! A minimal Yew app built exactly like Keyturn (release, LTO, `opt-level = "z"`, wasm-opt,
//! minified): one routed page that fetches one JSON document and shows it with a date.
//! `cargo xtask bench` compares Keyturn's first-load size and start-up against it.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use yew::prelude::*;
use yew_router::prelude::*;

/// The document the page fetches.
#[derive(Clone, Debug, PartialEq, Deserialize)]
struct Status {
    name: String,
    updated: DateTime<Utc>,
}

/// The app's routes.
#[derive(Clone, PartialEq, Routable)]
enum Route {
    #[at("/")]
    Home,
    #[not_found]
    #[at("/404")]
    NotFound,
}

#[component]
fn Home() -> Html {
    let status = use_state(|| None::<Result<Status, String>>);
    {
        let status = status.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                let answer = match gloo_net::http::Request::get("status.json").send().await {
                    Ok(response) => response.json::<Status>().await.map_err(|e| e.to_string()),
                    Err(error) => Err(error.to_string()),
                };
                status.set(Some(answer));
            });
        });
    }
    match &*status {
        None => html! { <p>{ "Loading…" }</p> },
        Some(Ok(status)) => html! {
            <main id="ready">
                <h1>{ &status.name }</h1>
                <p>{ status.updated.format("%Y-%m-%d %H:%M UTC").to_string() }</p>
            </main>
        },
        Some(Err(error)) => html! { <p role="alert">{ error }</p> },
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::NotFound => html! { <p>{ "Not found" }</p> },
    }
}

#[component]
fn App() -> Html {
    html! {
        <BrowserRouter>
            <Switch<Route> render={switch} />
        </BrowserRouter>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
