//! Loading the access key page against the scripted IAM: signed out, progress, every user's
//! keys, a failed user retried alone, the non-administrator fallback, refresh and cancellation.

use serde_json::json;
use wasm_bindgen_test::*;

use crate::support::*;

#[wasm_bindgen_test]
async fn signed_out_the_page_points_to_connect() {
    let page = Page::new()
        .at("/credentials")
        .fetch(demo_account())
        .mount_keys()
        .await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Access keys"));
    let link = find(&page, "main a").expect("a link");
    assert_eq!(text(&link).trim(), "Connect");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/connect"));
    click_on(&page, "main a").await;
    assert_eq!(page.path(), "/connect");
    assert!(find(&page, "table").is_none());
    assert!(calls().is_empty(), "nothing is asked signed out");
}

#[wasm_bindgen_test]
async fn progress_is_indeterminate_while_listing_then_counts_users() {
    let page = admin_at(
        "",
        Script::new()
            .on("GET", "/v3/users", [Answer::hang()])
            .then(demo_account()),
    )
    .mount_keys()
    .await;
    let bar = wait_for(&page, "progress[aria-label=\"Loading access keys\"]").await;
    assert!(!bar.has_attribute("value"), "indeterminate");
    assert!(!bar.has_attribute("max"));
    assert_eq!(
        text_of(&page, ".key-progress [role=\"status\"]").as_deref(),
        Some("Listing users…")
    );

    let page = admin_at(
        "",
        Script::new()
            .on("GET", &list_path("ci-backup"), [Answer::hang()])
            .then(demo_account()),
    )
    .mount_keys()
    .await;
    wait_until("every other user is loaded", || {
        row(&page, ALICE).is_some() && row(&page, MONITORING).is_some()
    })
    .await;
    let bar = find(&page, "progress[aria-label=\"Loading access keys\"]").expect("still loading");
    assert_eq!(bar.get_attribute("value").as_deref(), Some("5"));
    assert_eq!(bar.get_attribute("max").as_deref(), Some("6"));
    assert_eq!(
        text_of(&page, ".key-progress [role=\"status\"]").as_deref(),
        Some("Keys of 5 of 6 users loaded")
    );
}

#[wasm_bindgen_test]
async fn one_user_left_is_counted_in_the_singular() {
    let page = admin_at(
        "",
        Script::new()
            .reply("GET", "/v3/users", 200, users(&["alice"]))
            .on("GET", &list_path("alice"), [Answer::hang()]),
    )
    .mount_keys()
    .await;
    wait_until("alice is listed", || count("GET", &list_path("alice")) == 1).await;
    wait_until("the progress counts one user", || {
        text_of(&page, ".key-progress [role=\"status\"]").as_deref()
            == Some("Keys of 0 of 1 user loaded")
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_administrator_sees_every_users_keys() {
    let page = keys_page("", demo_account()).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Access keys"));
    assert_eq!(shown_keys(&page).len(), 6);
    assert!(row_text(&page, BACKUP_NEW).contains("Never used"));
    assert!(
        row_text(&page, BACKUP_OLD).contains("Overdue")
            && row_text(&page, BACKUP_OLD).contains("No free slot")
    );
    assert!(find(&page, "tr[data-user-without-keys=\"erin\"]").is_some());
    assert!(find(&page, "[data-testid=\"own-keys-notice\"]").is_none());
    assert_eq!(count("GET", "/v3/users"), 1);
    for access in [ALICE, BACKUP_OLD, BACKUP_NEW, TERRAFORM, BOB, MONITORING] {
        assert_eq!(
            count("GET", &key_path(access)),
            1,
            "every key is shown for its last use: {access}"
        );
    }
    assert!(
        calls()
            .iter()
            .all(|call| call.header("x-auth-token") == Some("test-token-never-shown")),
        "every call carries the session's token"
    );
}

#[wasm_bindgen_test]
async fn a_failed_user_keeps_the_table_and_is_retried_alone() {
    let script = Script::new()
        .on(
            "GET",
            &list_path("bob"),
            [
                Answer::json(
                    500,
                    json!({"error_code": "IAM.0001", "error_msg": "backend trouble"}),
                ),
                Answer::json(200, listed(&[demo_key(BOB)])),
            ],
        )
        .then(demo_account());
    let page = keys_page("", script).await;
    let failed = find(&page, "tr[data-user-error=\"bob\"]").expect("bob's error row");
    let alert = failed
        .query_selector("[role=\"alert\"]")
        .unwrap()
        .expect("announced");
    assert_says(
        &alert,
        &[
            "The keys of bob could not be loaded.",
            "500",
            "IAM.0001",
            "backend trouble",
            "request id req-",
        ],
    );
    assert_eq!(shown_keys(&page).len(), 5, "the other rows stay");

    click_button(&failed, "Retry bob").await;
    wait_until("bob's key arrives", || row(&page, BOB).is_some()).await;
    assert!(find(&page, "tr[data-user-error]").is_none());
    assert_eq!(count("GET", &list_path("bob")), 2);
    assert_eq!(
        count("GET", &list_path("alice")),
        1,
        "only bob was asked again"
    );
    assert_eq!(count("GET", "/v3/users"), 1);
}

#[wasm_bindgen_test]
async fn a_non_administrator_sees_their_own_keys() {
    let script = Script::new()
        .reply(
            "GET",
            "/v3/users",
            403,
            iam_error(403, "You are not authorized"),
        )
        .reply("GET", CREDENTIALS, 200, listed(&[demo_key(ALICE)]))
        .reply(
            "GET",
            &key_path(ALICE),
            200,
            shown(&demo_key(ALICE), Some(12)),
        );
    let page = admin_at("", script)
        .signed_in(session(&user_id("alice"), "alice"))
        .mount_keys()
        .await;
    loaded(&page).await;
    assert_eq!(shown_keys(&page), [ALICE]);
    let notice = text_of(&page, "[data-testid=\"own-keys-notice\"]").expect("the notice");
    assert!(notice.contains("only your own access keys"), "{notice}");
    assert_eq!(
        count("GET", CREDENTIALS),
        1,
        "the caller's own list, without user_id"
    );
    assert!(find(&page, "tr[data-user-error]").is_none());
}

#[wasm_bindgen_test]
async fn a_refused_user_list_is_explained() {
    let script = Script::new().reply("GET", "/v3/users", 500, iam_error(500, "backend trouble"));
    let page = admin_at("", script).mount_keys().await;
    let alert = wait_for(&page, "[data-testid=\"error-notice\"]").await;
    let said = text(&alert);
    for part in [
        "The users of the account could not be listed.",
        "backend trouble",
    ] {
        assert!(said.contains(part), "{part} in {said}");
    }
    assert!(find(&page, "table").is_none());
}

#[wasm_bindgen_test]
async fn leaving_the_page_cancels_what_is_in_flight() {
    let script = Script::new()
        .on("GET", &key_path(BACKUP_OLD), [Answer::hang()])
        .then(demo_account());
    let page = admin_at("", script).mount_app().await;
    wait_until("ci-backup's key is being shown", || {
        count("GET", &key_path(BACKUP_OLD)) == 1
    })
    .await;
    assert!(find(&page, "progress[aria-label=\"Loading access keys\"]").is_some());

    click_on(&page, "nav a[href='/settings']").await;
    assert_eq!(page.path(), "/settings");
    wait_until("the request is aborted", || {
        calls()
            .iter()
            .any(|call| call.path == key_path(BACKUP_OLD) && call.aborted)
    })
    .await;
}

#[wasm_bindgen_test]
async fn refresh_replaces_the_load_in_flight_and_loads_everything_again() {
    let script = Script::new()
        .on(
            "GET",
            &key_path(BACKUP_OLD),
            [Answer::hang(), shown_answer(BACKUP_OLD, Some(2))],
        )
        .then(demo_account());
    let page = admin_at("", script).mount_keys().await;
    wait_until("ci-backup's key is being shown", || {
        count("GET", &key_path(BACKUP_OLD)) == 1
    })
    .await;

    click_button(&page, "Refresh").await;
    loaded(&page).await;
    let asked: Vec<Call> = calls()
        .into_iter()
        .filter(|call| call.path == key_path(BACKUP_OLD))
        .collect();
    assert_eq!(asked.len(), 2);
    assert!(asked[0].aborted, "the replaced load is cancelled");
    assert!(!asked[1].aborted);
    assert_eq!(count("GET", "/v3/users"), 2);
    assert_eq!(shown_keys(&page).len(), 6);

    click_button(&page, "Refresh").await;
    wait_until("the users are listed again", || {
        count("GET", "/v3/users") == 3
    })
    .await;
    loaded(&page).await;
    assert!(row(&page, ALICE).is_some());
}

/// The show answer of the demo key `access`, used `used_hours_ago`.
fn shown_answer(access: &str, used_hours_ago: Option<i64>) -> Answer {
    Answer::json(200, shown(&demo_key(access), used_hours_ago))
}
