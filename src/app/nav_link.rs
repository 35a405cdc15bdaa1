//! A navigation link that marks the current page with `aria-current="page"`.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::context::Route;

/// Props of [`NavLink`].
#[derive(Properties, PartialEq)]
pub struct NavLinkProps {
    /// Where the link goes.
    pub to: Route,
    /// The link text.
    pub children: Html,
}

/// A link to `to`, pushed through the router, marked current when `to` is the shown route.
#[component]
pub fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let current = use_route::<Route>();
    let is_current = current.as_ref() == Some(&props.to);
    let href = format!(
        "{}{}",
        navigator
            .as_ref()
            .and_then(|navigator| navigator.basename())
            .unwrap_or_default(),
        props.to.to_path()
    );
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |event: MouseEvent| {
            let modified = event.ctrl_key() || event.meta_key() || event.shift_key();
            if let (Some(navigator), false) = (&navigator, modified) {
                event.prevent_default();
                navigator.push(&to);
            }
        })
    };
    html! {
        <a {href} {onclick} aria-current={is_current.then_some("page")}
            class={classes!("nav-link", is_current.then_some("current"))}>
            { props.children.clone() }
        </a>
    }
}
