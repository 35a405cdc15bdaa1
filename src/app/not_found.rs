//! The page for addresses that match no route.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::context::Route;
use crate::context::use_text;
use crate::i18n::Text;

/// "Page not found" with a link to the start page.
#[component]
pub fn NotFoundPage() -> Html {
    let tr = use_text();
    html! {
        <section class="page not-found">
            <h1>{ tr.t(Text::NotFoundTitle) }</h1>
            <p>{ tr.t(Text::NotFoundBody) }</p>
            <p><Link<Route> to={Route::Connect}>{ tr.t(Text::BackToStart) }</Link<Route>></p>
        </section>
    }
}
