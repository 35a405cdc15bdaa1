//! A link to a page with a query, followed inside the app.

use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use crate::context::Route;

/// Props of [`QueryLink`].
#[derive(Properties, PartialEq)]
pub struct QueryLinkProps {
    /// The page.
    pub to: Route,
    /// Its query string, without `?`.
    pub query: AttrValue,
    /// Classes of the `<a>`.
    #[prop_or_default]
    pub classes: Classes,
    /// The link's content (its accessible name).
    pub children: Html,
}

/// `<a href="/page?query">` that a click follows through the router (no reload: the session
/// lives in memory); a middle click or "open in new tab" gets the plain address.
#[component]
pub fn QueryLink(props: &QueryLinkProps) -> Html {
    let navigator = use_navigator();
    let href = match props.query.as_str() {
        "" => props.to.to_path(),
        query => format!("{}?{query}", props.to.to_path()),
    };
    let onclick = {
        let (to, query) = (props.to.clone(), props.query.to_string());
        Callback::from(move |event: MouseEvent| {
            let plain = !(event.ctrl_key() || event.meta_key() || event.shift_key());
            if let (true, Some(navigator)) = (plain, &navigator) {
                event.prevent_default();
                let Ok(()) = navigator.push_with_query(&to, Raw(query.clone()));
            }
        })
    };
    html! {
        <a {href} class={props.classes.clone()} {onclick}>{ props.children.clone() }</a>
    }
}
