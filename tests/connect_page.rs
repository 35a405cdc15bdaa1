//! The Connect page in a real browser against a scripted proxy: the three ways in, validation
//! before sending, the explained failures, sign-in and sign-out.

mod connect_support;
mod support;

use connect_support::*;
use serde_json::{Value, json};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};
use yew_router::history::History;
use yew_router::query::Raw;

wasm_bindgen_test_configure!(run_in_browser);

fn radio(root: &Element, name: &str) -> HtmlElement {
    let radios = root.query_selector_all("[role=radio]").unwrap();
    (0..radios.length())
        .filter_map(|i| radios.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|radio| radio.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no radio {name:?}"))
}

fn checked_radio(root: &Element) -> String {
    text_of(root, "[role=radio][aria-checked=true]").unwrap()
}

fn status(root: &Element) -> String {
    text_of(root, "[role=status]").unwrap()
}

fn alert(root: &Element) -> String {
    text_of(root, "[role=alert]").unwrap()
}

fn active_id() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|element| element.id())
        .unwrap_or_default()
}

fn press(target: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

async fn fill_aksk(root: &Element, ak: &str, sk: &str) {
    type_into(&input_by_label(root, "Access key ID (AK)"), ak).await;
    type_into(&input_by_label(root, "Secret access key (SK)"), sk).await;
}

/// Every request's URL and headers, to check that no secret travels where it should not.
fn nothing_leaks(secret: &str) {
    for call in calls() {
        assert!(!call.url.contains(secret), "{}", call.url);
        for (name, value) in &call.headers {
            assert!(
                !value.as_str().unwrap_or_default().contains(secret),
                "header {name}"
            );
        }
    }
    let storage = local_storage();
    for i in 0..storage.length().unwrap() {
        let key = storage.key(i).unwrap().unwrap();
        assert!(!storage.get_item(&key).unwrap().unwrap().contains(secret));
    }
    assert!(
        !web_sys::window()
            .unwrap()
            .location()
            .href()
            .unwrap()
            .contains(secret)
    );
}

#[wasm_bindgen_test]
async fn each_way_in_shows_its_own_labelled_fields() {
    fresh_storage("en");
    Script::new().install();
    let (root, _) = mount_connect().await;

    let group = find(&root, "[role=radiogroup]").unwrap();
    let label_id = group.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        text_of(&root, &format!("#{label_id}")).unwrap(),
        "Sign-in method"
    );
    assert_eq!(checked_radio(&root), "Access key (AK/SK)");
    assert_eq!(
        label_texts(&root),
        [
            "Access key ID (AK)",
            "Secret access key (SK)",
            "Account ID (optional)"
        ]
    );
    assert_eq!(
        input_by_label(&root, "Secret access key (SK)").type_(),
        "password"
    );
    assert_eq!(input_by_label(&root, "Access key ID (AK)").type_(), "text");

    radio(&root, "Password").click();
    settle().await;
    assert_eq!(checked_radio(&root), "Password");
    assert_eq!(
        label_texts(&root),
        [
            "Account name",
            "IAM user name",
            "Password",
            "MFA code (optional)",
            "IAM user ID (for MFA)"
        ]
    );
    assert_eq!(input_by_label(&root, "Password").type_(), "password");
    assert_eq!(
        input_by_label(&root, "Account name").value(),
        DOMAIN_NAME,
        "the account name comes from the settings"
    );

    radio(&root, "Token").click();
    settle().await;
    assert_eq!(label_texts(&root), ["Token"]);
    assert_eq!(input_by_label(&root, "Token").type_(), "password");
    assert!(calls().is_empty(), "choosing a way in sends nothing");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn inputs_give_browsers_the_hints_for_their_values() {
    fresh_storage("en");
    Script::new().install();
    let (root, _) = mount_connect().await;
    let hints = |label: &str| {
        let input = input_by_label(&root, label);
        (
            input.get_attribute("autocomplete"),
            input.get_attribute("inputmode"),
            input.get_attribute("spellcheck"),
            input.get_attribute("autocapitalize"),
        )
    };
    let off = || Some("off".to_owned());
    assert_eq!(
        hints("Access key ID (AK)"),
        (off(), None, Some("false".into()), off())
    );
    assert_eq!(hints("Secret access key (SK)").0, off());

    radio(&root, "Password").click();
    settle().await;
    assert_eq!(hints("IAM user name").0.as_deref(), Some("username"));
    assert_eq!(hints("Password").0.as_deref(), Some("current-password"));
    assert_eq!(
        hints("MFA code (optional)"),
        (
            Some("one-time-code".into()),
            Some("numeric".into()),
            Some("false".into()),
            off()
        )
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn the_way_in_is_chosen_with_the_keyboard_too() {
    fresh_storage("en");
    Script::new().install();
    let (root, _) = mount_connect().await;
    let first = radio(&root, "Access key (AK/SK)");
    assert_eq!(first.tab_index(), 0);
    assert_eq!(radio(&root, "Password").tab_index(), -1, "one tab stop");

    press(&first, "ArrowRight");
    settle().await;
    assert_eq!(checked_radio(&root), "Password");
    assert_eq!(active_id(), radio(&root, "Password").id());
    press(&radio(&root, "Password"), "End");
    settle().await;
    assert_eq!(checked_radio(&root), "Token");
    press(&radio(&root, "Token"), "ArrowDown");
    settle().await;
    assert_eq!(checked_radio(&root), "Access key (AK/SK)", "wraps around");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn an_empty_access_key_is_refused_before_sending_and_gets_focus() {
    fresh_storage("en");
    Script::alice().install();
    let (root, _) = mount_connect().await;
    type_into(&input_by_label(&root, "Secret access key (SK)"), ALICE_SK).await;

    click_button(&root, "Sign in").await;

    assert!(calls().is_empty(), "nothing was sent");
    assert_eq!(active_id(), "connect-ak");
    let ak = input_by_label(&root, "Access key ID (AK)");
    assert_eq!(ak.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        text_of(&root, "#connect-ak-error").unwrap(),
        "Enter a value."
    );
    assert!(
        ak.get_attribute("aria-describedby")
            .unwrap()
            .contains("connect-ak-error")
    );
    assert_eq!(alert(&root), "Nothing was sent: correct the marked fields.");
    assert_eq!(status(&root), "");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_malformed_access_key_is_explained_without_echoing_it() {
    fresh_storage("en");
    Script::alice().install();
    let (root, _) = mount_connect().await;
    fill_aksk(&root, "alice-key", "").await;

    click_button(&root, "Test connection").await;

    assert!(calls().is_empty(), "nothing was sent");
    let error = text_of(&root, "#connect-ak-error").unwrap();
    assert!(
        error.contains("1 to 40 upper-case letters and digits"),
        "{error}"
    );
    assert!(!error.contains("alice-key"));
    assert_eq!(
        text_of(&root, "#connect-sk-error").unwrap(),
        "Enter a value."
    );
    assert_eq!(
        active_id(),
        "connect-ak",
        "focus goes to the first refused field"
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn an_mfa_code_needs_the_users_id() {
    fresh_storage("en");
    Script::new().install();
    let (root, _) = mount_connect().await;
    radio(&root, "Password").click();
    settle().await;
    type_into(&input_by_label(&root, "IAM user name"), "carol").await;
    type_into(&input_by_label(&root, "Password"), "Keyturn-Demo-1").await;
    type_into(&input_by_label(&root, "MFA code (optional)"), "123456").await;

    click_button(&root, "Sign in").await;

    assert!(calls().is_empty());
    assert_eq!(active_id(), "connect-mfa-user-id");
    assert_eq!(
        text_of(&root, "#connect-mfa-user-id-error").unwrap(),
        "Enter the user's ID to sign in with an MFA code."
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_non_administrator_is_connected_and_warned_about_own_keys() {
    fresh_storage("en");
    Script::alice().install();
    let (root, _) = mount_connect().await;
    fill_aksk(&root, ALICE_AK, ALICE_SK).await;

    click_button(&root, "Test connection").await;
    wait_until("the test ends", || status(&root).starts_with("Connected")).await;

    assert_eq!(
        status(&root),
        format!(
            "Connected as alice @ {DOMAIN_NAME}.Not an administrator: you will see your own keys only."
        )
    );
    assert_eq!(alert(&root), "");
    let sent = calls();
    let discovery = &sent[0];
    assert!(discovery.url.ends_with("/v3/auth/domains"));
    assert_eq!(
        discovery.header("x-domain-id"),
        None,
        "the account is discovered"
    );
    assert!(
        discovery
            .header("authorization")
            .unwrap()
            .starts_with("SDK-HMAC-SHA256 Access=ALICEDEMOACCESSKEY01,")
    );
    for call in &sent[1..] {
        assert_eq!(call.header("x-domain-id"), Some(DOMAIN_ID), "{}", call.url);
    }
    assert!(sent.last().unwrap().url.ends_with("/v3/users"));
    assert_eq!(
        input_by_label(&root, "Secret access key (SK)").value(),
        ALICE_SK,
        "a test keeps the form for signing in"
    );
    assert!(
        find(&root, "[data-testid=session-who]").is_none(),
        "a test signs nobody in"
    );
    nothing_leaks(ALICE_SK);
    restore_fetch();
}

#[wasm_bindgen_test]
async fn signing_in_opens_the_access_keys_and_signing_out_comes_back() {
    fresh_storage("en");
    Script::alice().install();
    let (root, history) = mount_connect().await;
    fill_aksk(&root, ALICE_AK, ALICE_SK).await;

    click_button(&root, "Sign in").await;
    wait_until("the access keys open", || {
        text_of(&root, "[data-testid=route]").as_deref() == Some("Credentials")
    })
    .await;

    assert_eq!(history.location().path(), "/credentials");
    assert_eq!(
        text_of(&root, "[data-testid=session-who]").unwrap(),
        format!("alice @ {DOMAIN_NAME}")
    );
    nothing_leaks(ALICE_SK);

    click_button(&root, "Sign out").await;
    assert_eq!(history.location().path(), "/connect");
    assert!(find(&root, "[data-testid=session-who]").is_none());
    assert_eq!(
        input_by_label(&root, "Secret access key (SK)").value(),
        "",
        "the secret is asked again"
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn signing_in_returns_to_the_filtered_view_that_asked_for_it() {
    fresh_storage("en");
    Script::alice().install();
    let (root, history) = mount_connect().await;
    history
        .push_with_query("/credentials", Raw("badge=overdue&never=1"))
        .unwrap();
    settle().await;
    history.push("/settings");
    settle().await;
    history.push("/connect");
    settle().await;
    fill_aksk(&root, ALICE_AK, ALICE_SK).await;

    click_button(&root, "Sign in").await;
    wait_until("the view opens", || {
        text_of(&root, "[data-testid=route]").as_deref() == Some("Credentials")
    })
    .await;
    assert_eq!(history.location().path(), "/credentials");
    assert_eq!(history.location().query_str(), "?badge=overdue&never=1");

    history.push("/connect");
    settle().await;
    fill_aksk(&root, ALICE_AK, ALICE_SK).await;
    click_button(&root, "Sign in").await;
    wait_until("the access keys open", || {
        history.location().path() == "/credentials" && history.location().query_str().is_empty()
    })
    .await;
    restore_fetch();
}

#[wasm_bindgen_test]
fn only_pages_that_need_a_session_are_returned_to() {
    use keyturn::app::Route;
    use keyturn::state::ReturnTo;
    assert_eq!(
        ReturnTo::for_location("/credentials", "?badge=overdue"),
        Some(ReturnTo {
            route: Route::Credentials,
            query: "badge=overdue".into()
        })
    );
    assert_eq!(
        ReturnTo::for_location("/kms", "").map(|page| page.route),
        Some(Route::Kms)
    );
    assert_eq!(
        ReturnTo::for_location("/rotation", "").map(|page| page.route),
        Some(Route::Rotation)
    );
    for path in ["/", "/connect", "/settings", "/no/such/page"] {
        assert_eq!(ReturnTo::for_location(path, "?x=1"), None, "{path}");
    }
    assert_eq!(ReturnTo::access_keys().route, Route::Credentials);
}

#[wasm_bindgen_test]
async fn a_password_is_exchanged_for_a_token_used_from_then_on() {
    fresh_storage("en");
    let token_body = json!({"token": {
        "expires_at": "2026-11-24T18:00:00.000000Z", "issued_at": "2026-11-23T18:00:00.000000Z",
        "methods": ["password"],
        "user": {"id": ALICE_ID, "name": "alice", "domain": {"id": DOMAIN_ID, "name": DOMAIN_NAME}},
        "domain": {"id": DOMAIN_ID, "name": DOMAIN_NAME}, "roles": [], "catalog": []
    }});
    Script::alice()
        .route_with_headers(
            "POST",
            "/v3/auth/tokens",
            201,
            token_body,
            json!({"x-subject-token": ISSUED_TOKEN}),
        )
        .install();
    let (root, _) = mount_connect().await;
    radio(&root, "Password").click();
    settle().await;
    type_into(&input_by_label(&root, "IAM user name"), "alice").await;
    type_into(&input_by_label(&root, "Password"), " Keyturn-Demo-1 ").await;

    click_button(&root, "Test connection").await;
    wait_until("the test ends", || status(&root).starts_with("Connected")).await;

    let sent = calls();
    let issue = &sent[0];
    assert_eq!(issue.method, "POST");
    assert_eq!(issue.url, format!("{PROXY}/{IAM}/v3/auth/tokens"));
    assert_eq!(issue.header("authorization"), None);
    assert_eq!(issue.header("x-auth-token"), None);
    let body: Value = serde_json::from_str(&issue.body).unwrap();
    assert_eq!(
        body,
        json!({"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": "alice", "password": " Keyturn-Demo-1 ", "domain": {"name": DOMAIN_NAME}}}},
            "scope": {"domain": {"name": DOMAIN_NAME}}
        }}),
        "the password is sent as typed"
    );
    assert!(
        sent[1..]
            .iter()
            .all(|call| call.header("x-auth-token") == Some(ISSUED_TOKEN))
    );
    assert!(status(&root).contains("Not an administrator"));
    nothing_leaks("Keyturn-Demo-1");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_wrong_password_shows_the_plain_words_and_the_service_answer() {
    fresh_storage("en");
    Script::new()
        .route(
            "POST",
            "/v3/auth/tokens",
            401,
            json!({"error": {"code": 401, "title": "Unauthorized",
                "message": "The username or password is wrong."}}),
        )
        .install();
    let (root, history) = mount_connect().await;
    radio(&root, "Password").click();
    settle().await;
    type_into(&input_by_label(&root, "IAM user name"), "alice").await;
    type_into(&input_by_label(&root, "Password"), "wrong-password").await;

    click_button(&root, "Sign in").await;
    wait_until("the failure shows", || !alert(&root).is_empty()).await;

    assert_eq!(
        alert(&root),
        "Sign-in refused (401): the account name, IAM user name or password is wrong, or the \
         user is disabled.Service answer: HTTP 401, code 401, message \"The username or password \
         is wrong.\", request id req-1."
    );
    assert_eq!(history.location().path(), "/connect");
    assert!(find(&root, "[data-testid=session-who]").is_none());
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_busy_answer_to_the_token_request_is_not_sent_again() {
    fresh_storage("en");
    Script::new()
        .route(
            "POST",
            "/v3/auth/tokens",
            503,
            json!({"error_code": "APIGW.0308", "error_msg": "throttled"}),
        )
        .install();
    let (root, _) = mount_connect().await;
    radio(&root, "Password").click();
    settle().await;
    type_into(&input_by_label(&root, "IAM user name"), "alice").await;
    type_into(&input_by_label(&root, "Password"), "Keyturn-Demo-1").await;

    click_button(&root, "Sign in").await;
    wait_until("the failure shows", || !alert(&root).is_empty()).await;

    let token_requests = calls()
        .into_iter()
        .filter(|call| call.url.ends_with("/v3/auth/tokens"))
        .count();
    assert_eq!(token_requests, 1, "a sign-in is not repeated");
    assert!(alert(&root).contains("HTTP 503"), "{}", alert(&root));
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_bad_signature_names_the_gateway_code() {
    fresh_storage("en");
    Script::new()
        .route(
            "GET",
            "/v3/auth/domains",
            401,
            json!({"error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
                "error_code": "APIGW.0301", "request_id": "body-id"}),
        )
        .install();
    let (root, _) = mount_connect().await;
    fill_aksk(&root, ALICE_AK, "wrong-secret").await;

    click_button(&root, "Test connection").await;
    wait_until("the failure shows", || !alert(&root).is_empty()).await;

    let shown = alert(&root);
    assert!(
        shown.starts_with("The signature was refused (401)"),
        "{shown}"
    );
    assert!(shown.contains("code APIGW.0301"), "{shown}");
    assert!(shown.contains("verify aksk signature fail"), "{shown}");
    assert!(shown.contains("request id req-1"), "{shown}");
    assert_eq!(status(&root), "");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_cors_refusal_is_told_from_an_unreachable_proxy() {
    fresh_storage("en");
    let mut script = Script::alice();
    script.cors_refused = true;
    script.install();
    let (root, _) = mount_connect().await;
    fill_aksk(&root, ALICE_AK, ALICE_SK).await;
    click_button(&root, "Test connection").await;
    wait_until("the failure shows", || !alert(&root).is_empty()).await;
    let shown = alert(&root);
    assert!(
        shown.contains("CORS policy refuses this page's origin"),
        "{shown}"
    );
    assert!(shown.contains("--allow-origin"), "{shown}");
    assert!(
        calls()
            .iter()
            .any(|call| call.mode == "no-cors" && call.url == format!("{PROXY}/")),
        "the proxy was probed"
    );
    restore_fetch();

    let mut script = Script::alice();
    script.proxy_down = true;
    script.install();
    click_button(&root, "Test connection").await;
    wait_until("the new failure shows", || {
        alert(&root).contains("unreachable")
    })
    .await;
    assert!(alert(&root).starts_with(&format!(
        "The proxy is unreachable: nothing answers at {PROXY}."
    )));
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_clock_offset_learned_from_date_is_shown_as_corrected() {
    fresh_storage("en");
    let mut script = Script::alice();
    let server = chrono::Utc::now() + chrono::TimeDelta::seconds(20 * 60 + 30);
    script.date = Some(server.to_rfc2822().replace("+0000", "GMT"));
    script.install();
    let (root, _) = mount_connect().await;
    fill_aksk(&root, ALICE_AK, ALICE_SK).await;

    click_button(&root, "Test connection").await;
    wait_until("the test ends", || status(&root).starts_with("Connected")).await;

    let shown = status(&root);
    assert!(
        shown.contains("This browser's clock is 20 min") && shown.contains("behind the server's"),
        "{shown}"
    );
    assert!(shown.contains("corrects for this automatically"), "{shown}");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn the_page_speaks_chinese() {
    fresh_storage("zh-CN");
    Script::new().install();
    let (root, _) = mount_connect().await;
    assert_eq!(checked_radio(&root), "访问密钥（AK/SK）");
    assert_eq!(
        label_texts(&root),
        ["访问密钥 ID（AK）", "私有访问密钥（SK）", "账号 ID（可选）"]
    );
    click_button(&root, "登录").await;
    assert_eq!(alert(&root), "未发送任何请求：请修正标出的字段。");
    restore_fetch();
}
