//! The whole app in the test page: routes, config.json fetch, navigation.

mod support;

use keyturn::app::{App, Route};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use yew_router::Routable;

wasm_bindgen_test_configure!(run_in_browser);

fn path() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

/// Waits until `selector` matches inside `root`, for at most about five seconds.
async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        if let Some(found) = find(root, selector) {
            return found;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    panic!("{selector} never appeared");
}

#[wasm_bindgen_test]
fn every_route_has_its_address() {
    for (path, route) in [
        ("/", Route::Home),
        ("/connect", Route::Connect),
        ("/credentials", Route::Credentials),
        ("/rotation", Route::Rotation),
        ("/kms", Route::Kms),
        ("/settings", Route::Settings),
    ] {
        assert_eq!(Route::recognize(path), Some(route.clone()), "{path}");
        assert_eq!(route.to_path(), path);
    }
    assert_eq!(Route::recognize("/no/such/page"), Some(Route::NotFound));
}

#[wasm_bindgen_test]
async fn without_config_json_the_app_explains_and_still_offers_settings() {
    fresh_storage("en");
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();

    let screen = wait_for(&root, "[data-testid=config-error]").await;
    assert_eq!(path(), "/connect", "the start address redirects to Connect");
    assert!(
        screen
            .text_content()
            .unwrap()
            .contains("config.json was not found on the web server."),
        "{:?}",
        screen.text_content()
    );
    assert_eq!(
        text_of(&root, "a[aria-current=page]").as_deref(),
        Some("Connect")
    );
    assert_eq!(
        text_of(&root, "a.skip-link").as_deref(),
        Some("Skip to content")
    );
    assert!(find(&root, "main#main").is_some());

    let settings_link: HtmlElement = find(&root, "nav a[href='/settings']")
        .unwrap()
        .dyn_into()
        .unwrap();
    settings_link.click();
    wait_for(&root, "form.settings-form").await;
    assert_eq!(path(), "/settings");
    assert_eq!(text_of(&root, "h1").as_deref(), Some("Settings"));
    assert_eq!(
        text_of(&root, "a[aria-current=page]").as_deref(),
        Some("Settings")
    );
    assert_eq!(
        input_by_label(&root, "Proxy URL").value(),
        "http://127.0.0.1:8787"
    );
}
