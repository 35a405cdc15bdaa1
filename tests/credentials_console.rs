//! The signed-in access key page against a scripted IAM: loading per user, partial failure and
//! retry, the non-administrator fallback, the actions on one key, and cancellation.

mod key_support;
mod support;

use key_support::scripted::*;
use keyturn::pages::CredentialsPage;
use serde_json::{Value, json};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const ADMIN: &str = "a0000000000000000000000000000001";
const ALICE: &str = "a0000000000000000000000000000002";
const BOB: &str = "b0000000000000000000000000000003";
const ERIN: &str = "e0000000000000000000000000000004";
const ALICE_AK: &str = "ALICEKEY000000000001";
const BOB_OLD: &str = "BOBOLD00000000000001";
const BOB_NEW: &str = "BOBNEW00000000000002";
const NEW_AK: &str = "ERINNEW0000000000001";
const NEW_SK: &str = "ErinSecretShownExactlyOnce00000000000001";

fn list_of(user: &str) -> String {
    format!("{CREDENTIALS}?user_id={user}")
}

fn key_path(access: &str) -> String {
    format!("{CREDENTIALS}/{access}")
}

fn alice_key() -> Value {
    credential(ALICE, ALICE_AK, "active", 5)
}

fn bob_keys() -> [Value; 2] {
    [
        credential(BOB, BOB_OLD, "active", 95),
        credential(BOB, BOB_NEW, "active", 3),
    ]
}

/// An account of alice (one key), bob (two keys) and erin (none), listed by an administrator.
fn account() -> Script {
    let [old, new] = bob_keys();
    Script::new()
        .route(
            "GET",
            "/v3/users",
            &[(
                200,
                users(&[(ALICE, "alice"), (BOB, "bob"), (ERIN, "erin")]),
            )],
        )
        .route("GET", &list_of(ALICE), &[(200, listed(&[alice_key()]))])
        .route(
            "GET",
            &list_of(BOB),
            &[(200, listed(&[old.clone(), new.clone()]))],
        )
        .route("GET", &list_of(ERIN), &[(200, listed(&[]))])
        .route(
            "GET",
            &key_path(ALICE_AK),
            &[(200, shown(&alice_key(), Some(1)))],
        )
        .route("GET", &key_path(BOB_OLD), &[(200, shown(&old, Some(2)))])
        .route("GET", &key_path(BOB_NEW), &[(200, shown(&new, None))])
}

async fn page(script: Script) -> Element {
    fresh_storage("en");
    mount_signed_in(
        script,
        session(ADMIN, "keyturn-admin"),
        html! { <CredentialsPage /> },
    )
    .await
}

fn row(root: &Element, access: &str) -> Option<Element> {
    find(root, &format!("tr[data-ak=\"{access}\"]"))
}

fn row_text(root: &Element, access: &str) -> String {
    row(root, access)
        .map(|r| r.text_content().unwrap())
        .unwrap_or_default()
}

/// Focuses and clicks the button named `name` (`aria-label`, else its text), as a user would.
fn press(root: &Element, name: &str) {
    let element = find(root, &format!("[aria-label=\"{name}\"]")).unwrap_or_else(|| {
        let buttons = root.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i)?.dyn_into::<Element>().ok())
            .find(|b| b.text_content().unwrap_or_default().trim() == name)
            .unwrap_or_else(|| panic!("no button {name:?}"))
    });
    let button = element.unchecked_into::<HtmlElement>();
    button.focus().unwrap();
    button.click();
}

async fn loaded(root: &Element) {
    wait_until("the keys are loaded", || {
        find(root, "tr[data-user-without-keys]").is_some() && find(root, "progress").is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_administrator_sees_every_users_keys() {
    let root = page(account()).await;
    loaded(&root).await;
    assert_eq!(text_of(&root, "h1").as_deref(), Some("Access keys"));
    for access in [ALICE_AK, BOB_OLD, BOB_NEW] {
        assert!(row(&root, access).is_some(), "{access}");
    }
    assert!(row_text(&root, BOB_NEW).contains("Never used"));
    assert!(
        row_text(&root, BOB_OLD).contains("Overdue")
            && row_text(&root, BOB_OLD).contains("No free slot")
    );
    assert!(find(&root, "tr[data-user-without-keys=\"erin\"]").is_some());
    assert_eq!(
        text_of(&root, "[data-testid=\"summary-keys\"] dd").as_deref(),
        Some("3")
    );
    assert!(find(&root, "[data-testid=\"own-keys-notice\"]").is_none());
    assert_eq!(count("GET", "/v3/users"), 1);
    assert_eq!(
        count("GET", &key_path(BOB_NEW)),
        1,
        "every key is shown for its last use"
    );
    restore_key_fetch();
}

#[wasm_bindgen_test]
async fn a_failed_user_keeps_the_table_and_is_retried_alone() {
    let script = Script::new()
        .route(
            "GET",
            &list_of(BOB),
            &[
                (500, iam_error(500, "backend trouble")),
                (200, listed(&bob_keys())),
            ],
        )
        .append(account());
    let root = page(script).await;
    loaded(&root).await;
    let failed = find(&root, "tr[data-user-error=\"bob\"]").expect("bob's error row");
    let said = failed.text_content().unwrap();
    for part in [
        "The keys of bob could not be loaded.",
        "500",
        "backend trouble",
        "request id req-",
    ] {
        assert!(said.contains(part), "{part} in {said}");
    }
    assert!(row(&root, ALICE_AK).is_some(), "alice's row stays");
    press(&root, "Retry bob");
    wait_until("bob's keys arrive", || row(&root, BOB_OLD).is_some()).await;
    assert!(find(&root, "tr[data-user-error]").is_none());
    assert_eq!(count("GET", &list_of(BOB)), 2);
    assert_eq!(count("GET", &list_of(ALICE)), 1, "only bob was asked again");
    assert_eq!(count("GET", "/v3/users"), 1);
    restore_key_fetch();
}

#[wasm_bindgen_test]
async fn a_non_administrator_sees_their_own_keys() {
    let script = Script::new()
        .route(
            "GET",
            "/v3/users",
            &[(403, iam_error(403, "You are not authorized"))],
        )
        .route("GET", CREDENTIALS, &[(200, listed(&[alice_key()]))])
        .route(
            "GET",
            &key_path(ALICE_AK),
            &[(200, shown(&alice_key(), Some(1)))],
        );
    fresh_storage("en");
    let root = mount_signed_in(
        script,
        session(ALICE, "alice"),
        html! { <CredentialsPage /> },
    )
    .await;
    wait_until("alice's key arrives", || row(&root, ALICE_AK).is_some()).await;
    let notice = text_of(&root, "[data-testid=\"own-keys-notice\"]").expect("the notice");
    assert!(notice.contains("only your own access keys"), "{notice}");
    assert_eq!(
        count("GET", CREDENTIALS),
        1,
        "the caller's own list, without user_id"
    );
    assert!(find(&root, "tr[data-user-error]").is_none());
    restore_key_fetch();
}

#[wasm_bindgen_test]
async fn disable_shows_the_answer_and_a_refusal_leaves_the_row() {
    let mut disabled = alice_key();
    disabled["status"] = "inactive".into();
    let script = Script::new()
        .route(
            "PUT",
            &key_path(ALICE_AK),
            &[
                (200, json!({ "credential": disabled })),
                (403, iam_error(403, "no permission")),
            ],
        )
        .append(account());
    let root = page(script).await;
    loaded(&root).await;
    press(&root, &format!("Disable {ALICE_AK}"));
    wait_until("the row is inactive", || {
        row_text(&root, ALICE_AK).contains("Inactive")
    })
    .await;
    let put = calls().into_iter().find(|c| c.method == "PUT").unwrap();
    assert_eq!(put.body, r#"{"credential":{"status":"inactive"}}"#);
    assert_eq!(
        text_of(&root, "[role=\"status\"][data-testid=\"status-message\"]").as_deref(),
        Some(&*format!("{ALICE_AK} disabled."))
    );
    assert!(
        !row_text(&root, ALICE_AK).contains("Never used"),
        "the known last use is kept"
    );

    press(&root, &format!("Enable {ALICE_AK}"));
    wait_until("the refusal is shown", || {
        find(&root, "[data-testid=\"key-error\"]").is_some()
    })
    .await;
    let alert = text_of(&root, "[data-testid=\"key-error\"][role=\"alert\"]").unwrap();
    for part in [
        &format!("{ALICE_AK} could not be enabled."),
        "403",
        "no permission",
        "request id req-",
    ] {
        assert!(alert.contains(part), "{part} in {alert}");
    }
    assert!(
        row_text(&root, ALICE_AK).contains("Inactive"),
        "the row is as it was"
    );
    restore_key_fetch();
}

#[wasm_bindgen_test]
async fn create_shows_the_secret_once_then_only_the_new_row() {
    let created = json!({ "credential": {
        "access": NEW_AK, "secret": NEW_SK, "user_id": ERIN, "status": "active",
        "create_time": days_ago(0), "description": "deploy" } });
    let script = Script::new()
        .route("POST", CREDENTIALS, &[(201, created)])
        .append(account());
    let root = page(script).await;
    loaded(&root).await;
    press(&root, "Create key for erin");
    settle().await;
    type_into(&input_by_label(&root, "Description"), "deploy").await;
    click_button(&root, "Create access key").await;
    wait_until("the secret dialog opens", || {
        text_of(&root, "[role=\"dialog\"] h2").as_deref() == Some("Save the new access key")
    })
    .await;
    gloo_timers::future::TimeoutFuture::new(20).await;
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        focused.text_content().as_deref(),
        Some("Download CSV"),
        "focus moves into the secret dialog and stays there"
    );
    let post = calls().into_iter().find(|c| c.method == "POST").unwrap();
    assert_eq!(
        post.body,
        format!(r#"{{"credential":{{"user_id":"{ERIN}","description":"deploy"}}}}"#)
    );
    assert!(
        text_of(&root, "[role=\"dialog\"]")
            .unwrap()
            .contains(NEW_SK)
    );
    assert!(
        row(&root, NEW_AK).is_some(),
        "the table has the new row behind the dialog"
    );
    assert!(!row_text(&root, NEW_AK).contains(NEW_SK));

    click_button(&root, "Close").await;
    assert!(
        find(&root, "[role=\"dialog\"]").is_some(),
        "not before the secret is saved"
    );
    input_by_label(&root, "I have saved the secret access key").click();
    settle().await;
    click_button(&root, "Close").await;
    assert!(find(&root, "[role=\"dialog\"]").is_none());
    assert!(
        !root.inner_html().contains(NEW_SK),
        "the secret is gone from the page"
    );
    assert!(find(&root, "tr[data-user-without-keys=\"erin\"]").is_none());
    let storage = local_storage();
    for i in 0..storage.length().unwrap() {
        let key = storage.key(i).unwrap().unwrap();
        assert!(
            !storage
                .get_item(&key)
                .unwrap()
                .unwrap_or_default()
                .contains(NEW_SK)
        );
    }
    restore_key_fetch();
}

#[wasm_bindgen_test]
async fn delete_removes_the_row_after_confirmation() {
    let script = Script::new()
        .route("DELETE", &key_path(BOB_NEW), &[(204, Value::Null)])
        .append(account());
    let root = page(script).await;
    loaded(&root).await;
    press(&root, &format!("Delete {BOB_NEW}"));
    settle().await;
    let warning =
        text_of(&root, ".delete-warning").expect("an active key gets the stronger warning");
    assert!(warning.contains("it is active"), "{warning}");
    type_into(
        &input_by_label(
            &root,
            "Type the access key ID or its last 6 characters to confirm",
        ),
        "000002",
    )
    .await;
    let dialog = find(&root, "[role=\"dialog\"]").unwrap();
    click_button(&dialog, "Delete").await;
    wait_until("the row is gone", || row(&root, BOB_NEW).is_none()).await;
    assert_eq!(count("DELETE", &key_path(BOB_NEW)), 1);
    assert!(find(&root, "[role=\"dialog\"]").is_none());
    assert!(
        !row_text(&root, BOB_OLD).contains("No free slot"),
        "bob has a free slot again"
    );
    restore_key_fetch();
}

#[wasm_bindgen_test]
async fn leaving_the_page_cancels_what_is_in_flight() {
    let script = Script::new()
        .hang("GET", &key_path(BOB_OLD))
        .append(account());
    let root = page(script).await;
    wait_until("bob's key is being shown", || {
        count("GET", &key_path(BOB_OLD)) == 1
    })
    .await;
    assert!(find(&root, "progress[aria-label=\"Loading access keys\"]").is_some());
    click_button(&root, "Leave page").await;
    wait_until("the request is aborted", || {
        calls()
            .iter()
            .any(|c| c.path == key_path(BOB_OLD) && c.aborted)
    })
    .await;
    restore_key_fetch();
}

#[wasm_bindgen_test]
async fn refresh_loads_everything_again() {
    let root = page(account()).await;
    loaded(&root).await;
    click_button(&root, "Refresh").await;
    wait_until("the users are listed again", || {
        count("GET", "/v3/users") == 2
    })
    .await;
    loaded(&root).await;
    assert!(row(&root, ALICE_AK).is_some());
    restore_key_fetch();
}
