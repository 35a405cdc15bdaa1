//! The access key page's frame: signed out, and the loading progress bar.

mod key_support;
mod support;

use key_support::*;
use keyturn::components::KeyProgress;
use keyturn::pages::CredentialsPage;
use support::*;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn signed_out_the_page_points_to_connect() {
    fresh_storage("en");
    let (root, _) = mount_at("", html! { <CredentialsPage /> }).await;
    assert_eq!(text_of(&root, "h1").as_deref(), Some("Access keys"));
    let link = find(&root, "main a").expect("a link");
    assert_eq!(link.text_content().unwrap().trim(), "Connect");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/connect"));
    assert!(find(&root, "table").is_none());
}

#[wasm_bindgen_test]
async fn progress_counts_users_and_is_indeterminate_while_listing() {
    fresh_storage("en");
    let (root, _) = mount_at("", html! { <KeyProgress done={3} total={12} /> }).await;
    let bar = find(&root, "progress[aria-label=\"Loading access keys\"]").expect("labelled bar");
    assert_eq!(bar.get_attribute("value").as_deref(), Some("3"));
    assert_eq!(bar.get_attribute("max").as_deref(), Some("12"));
    assert_eq!(
        text_of(&root, "[role=\"status\"]").as_deref(),
        Some("Keys of 3 of 12 users loaded")
    );

    let (root, _) = mount_at("", html! { <KeyProgress done={0} total={0} /> }).await;
    let bar = find(&root, "progress[aria-label=\"Loading access keys\"]").unwrap();
    assert!(!bar.has_attribute("value"), "indeterminate");
    assert_eq!(
        text_of(&root, "[role=\"status\"]").as_deref(),
        Some("Listing users…")
    );
}
