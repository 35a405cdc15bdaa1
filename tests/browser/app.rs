//! The whole app: config.json fetched from the web server, the routes, navigation.

use keyturn::app::App;
use wasm_bindgen_test::*;

use crate::support::*;

#[wasm_bindgen_test]
async fn without_config_json_the_app_explains_and_still_offers_settings() {
    local_storage().clear().unwrap();
    local_storage().set_item("keyturn.lang", "en").unwrap();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
    let page = mount_bare::<App>().await;

    let screen = wait_for(&page, "[data-testid=config-error]").await;
    assert_eq!(
        page.path(),
        "/connect",
        "the start address redirects to Connect"
    );
    assert!(
        text(&screen).contains("config.json was not found on the web server."),
        "{}",
        text(&screen)
    );
    assert_eq!(
        text_of(&page, "a[aria-current=page]").as_deref(),
        Some("Connect")
    );
    assert_eq!(
        text_of(&page, "a.skip-link").as_deref(),
        Some("Skip to content")
    );
    assert!(find(&page, "main#main").is_some());

    click_on(&page, "nav a[href='/settings']").await;
    wait_for(&page, "form.settings-form").await;
    assert_eq!(page.path(), "/settings");
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Settings"));
    assert_eq!(
        text_of(&page, "a[aria-current=page]").as_deref(),
        Some("Settings")
    );
    assert_eq!(
        input_by_label(&page, "Proxy URL").value(),
        "http://127.0.0.1:8787"
    );
}

#[wasm_bindgen_test]
async fn every_address_shows_its_page() {
    for (address, path, heading, current) in [
        ("/", "/connect", "Connect", Some("Connect")),
        ("/connect", "/connect", "Connect", Some("Connect")),
        (
            "/credentials",
            "/credentials",
            "Access keys",
            Some("Access keys"),
        ),
        ("/rotation", "/rotation", "Rotation", Some("Rotation")),
        ("/kms", "/kms", "KMS keys", Some("KMS keys")),
        ("/settings", "/settings", "Settings", Some("Settings")),
        ("/no/such/page", "/no/such/page", "Page not found", None),
    ] {
        let page = Page::new().at(address).mount_app().await;
        assert_eq!(page.path(), path, "{address}");
        assert_eq!(text_of(&page, "h1").as_deref(), Some(heading), "{address}");
        assert_eq!(
            text_of(&page, "nav a[aria-current=page]").as_deref(),
            current,
            "{address}"
        );
    }
    let lost = Page::new().at("/no/such/page").mount_app().await;
    click_on(&lost, "main a").await;
    assert_eq!(lost.path(), "/connect", "the way back to the start");
}
