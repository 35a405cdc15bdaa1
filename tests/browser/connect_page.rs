//! The Connect page against a scripted proxy: the three ways in, validation before sending,
//! the explained failures, signing in and out, and where a sign-in leads.

use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use crate::support::*;

/// The account of the scripted answers.
const DOMAIN_ID: &str = "d0000000000000000000000000000001";
/// The non-administrator of the scripted answers.
const ALICE_ID: &str = "a0000000000000000000000000000001";
/// Alice's access key id.
const ALICE_AK: &str = "ALICEDEMOACCESSKEY01";
/// Alice's secret access key.
const ALICE_SK: &str = "AliceDemoSecretKey0000000000000000000001";
/// A token the scripted token answer issues.
const ISSUED_TOKEN: &str = "MIIissued-token-that-must-not-leak";

/// The answers IAM gives alice: her account, her key, herself, and 403 on the user list.
fn alice() -> Script {
    Script::new()
        .reply(
            "GET",
            "/v3/auth/domains",
            200,
            json!({"domains": [{"id": DOMAIN_ID, "name": ACCOUNT, "enabled": true}]}),
        )
        .reply(
            "GET",
            &key_path(ALICE_AK),
            200,
            json!({"credential": {
                "user_id": ALICE_ID, "access": ALICE_AK, "status": "active",
                "create_time": "2026-11-18T10:00:00.000000Z",
                "last_use_time": "2026-11-23T05:00:00.000000Z", "description": ""
            }}),
        )
        .reply(
            "GET",
            &format!("/v3.0/OS-USER/users/{ALICE_ID}"),
            200,
            json!({"user": {"id": ALICE_ID, "name": "alice", "domain_id": DOMAIN_ID,
                "enabled": true, "is_domain_owner": false}}),
        )
        .reply(
            "GET",
            "/v3/users",
            403,
            json!({"error": {"code": 403, "title": "Forbidden",
                "message": "You are not authorized to perform the requested action: identity:list_users."}}),
        )
}

/// The app at `/connect` with the test settings, against `script`.
async fn connect(script: Script) -> Mounted {
    Page::new()
        .config(Ok(settings()))
        .at("/connect")
        .fetch(script)
        .mount_app()
        .await
}

fn radio(root: &Element, name: &str) -> HtmlElement {
    let radios = root.query_selector_all("[role=radio]").unwrap();
    (0..radios.length())
        .filter_map(|i| radios.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|radio| text(radio).trim() == name)
        .unwrap_or_else(|| panic!("no radio {name:?}"))
}

fn checked_radio(root: &Element) -> String {
    text_of(root, "[role=radio][aria-checked=true]").unwrap()
}

fn status(root: &Element) -> String {
    text_of(root, "[data-testid=connect-status]").expect("the Connect page")
}

fn alert(root: &Element) -> String {
    text_of(root, "[data-testid=connect-alert]").expect("the Connect page")
}

async fn fill_aksk(root: &Element, ak: &str, sk: &str) {
    type_into(&input_by_label(root, "Access key ID (AK)"), ak).await;
    type_into(&input_by_label(root, "Secret access key (SK)"), sk).await;
}

async fn fill_password(root: &Element, user: &str, password: &str) {
    click(&radio(root, "Password")).await;
    type_into(&input_by_label(root, "IAM user name"), user).await;
    type_into(&input_by_label(root, "Password"), password).await;
}

/// Presses `button`, then waits until the page says how it went.
async fn press_and_wait(page: &Mounted, button: &str) {
    click_button(page, button).await;
    wait_until("the outcome shows", || {
        status(page).starts_with("Connected") || !alert(page).is_empty()
    })
    .await;
}

/// Panics if `secret` went into any request's URL or headers, storage or the address.
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
    assert_not_kept(secret);
}

#[wasm_bindgen_test]
async fn each_way_in_shows_its_own_labelled_fields() {
    let page = connect(Script::new()).await;

    let group = find(&page, "[role=radiogroup]").unwrap();
    let label_id = group.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        text_of(&page, &format!("#{label_id}")).unwrap(),
        "Sign-in method"
    );
    assert_eq!(checked_radio(&page), "Access key (AK/SK)");
    assert_eq!(
        label_texts(&page),
        [
            "Access key ID (AK)",
            "Secret access key (SK)",
            "Account ID (optional)"
        ]
    );
    // Secrets are masked text inputs, never `type="password"`: a password manager would offer
    // to save the SK (hardening.rs checks the masking).
    assert_eq!(
        input_by_label(&page, "Secret access key (SK)").get_attribute("data-secret"),
        Some("true".into())
    );
    assert_eq!(input_by_label(&page, "Access key ID (AK)").type_(), "text");
    assert!(find(&page, "input[type=password]").is_none());

    click(&radio(&page, "Password")).await;
    assert_eq!(checked_radio(&page), "Password");
    assert_eq!(
        label_texts(&page),
        [
            "Account name",
            "IAM user name",
            "Password",
            "MFA code (optional)",
            "IAM user ID (for MFA)"
        ]
    );
    assert_eq!(
        input_by_label(&page, "Password").get_attribute("data-secret"),
        Some("true".into())
    );
    assert_eq!(
        input_by_label(&page, "Account name").value(),
        ACCOUNT,
        "the account name comes from the settings"
    );

    click(&radio(&page, "Token")).await;
    assert_eq!(label_texts(&page), ["Token"]);
    assert_eq!(
        input_by_label(&page, "Token").get_attribute("data-secret"),
        Some("true".into())
    );
    assert!(find(&page, "input[type=password]").is_none());
    assert!(calls().is_empty(), "choosing a way in sends nothing");
}

#[wasm_bindgen_test]
async fn inputs_give_browsers_the_hints_for_their_values() {
    let page = connect(Script::new()).await;
    let hints = |label: &str| {
        let input = input_by_label(&page, label);
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

    click(&radio(&page, "Password")).await;
    // No login hints: with `username` and `current-password` a password manager takes the form
    // for a login and offers to save the password beside the account it opens.
    assert_eq!(hints("IAM user name").0, off());
    assert_eq!(hints("Password").0, off());
    assert_eq!(
        hints("MFA code (optional)"),
        (
            Some("one-time-code".into()),
            Some("numeric".into()),
            Some("false".into()),
            off()
        )
    );
}

#[wasm_bindgen_test]
async fn the_way_in_is_chosen_with_the_keyboard_too() {
    let page = connect(Script::new()).await;
    let first = radio(&page, "Access key (AK/SK)");
    assert_eq!(first.tab_index(), 0);
    assert_eq!(radio(&page, "Password").tab_index(), -1, "one tab stop");

    press_key(&first, "ArrowRight", false).await;
    assert_eq!(checked_radio(&page), "Password");
    assert_eq!(focused_id(), radio(&page, "Password").id());
    press_key(&radio(&page, "Password"), "End", false).await;
    assert_eq!(checked_radio(&page), "Token");
    press_key(&radio(&page, "Token"), "ArrowDown", false).await;
    assert_eq!(checked_radio(&page), "Access key (AK/SK)", "wraps around");
}

#[wasm_bindgen_test]
async fn an_empty_access_key_is_refused_before_sending_and_gets_focus() {
    let page = connect(alice()).await;
    type_into(&input_by_label(&page, "Secret access key (SK)"), ALICE_SK).await;

    click_button(&page, "Sign in").await;

    assert!(calls().is_empty(), "nothing was sent");
    assert_eq!(focused_id(), "connect-ak");
    let ak = input_by_label(&page, "Access key ID (AK)");
    assert_eq!(ak.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        text_of(&page, "#connect-ak-error").unwrap(),
        "Enter a value."
    );
    assert!(
        ak.get_attribute("aria-describedby")
            .unwrap()
            .contains("connect-ak-error")
    );
    assert_eq!(alert(&page), "Nothing was sent: correct the marked fields.");
    assert_eq!(status(&page), "");
}

#[wasm_bindgen_test]
async fn a_malformed_access_key_is_explained_without_echoing_it() {
    let page = connect(alice()).await;
    fill_aksk(&page, "alice-key", "").await;

    click_button(&page, "Test connection").await;

    assert!(calls().is_empty(), "nothing was sent");
    let error = text_of(&page, "#connect-ak-error").unwrap();
    assert!(
        error.contains("1 to 40 upper-case letters and digits"),
        "{error}"
    );
    assert!(!error.contains("alice-key"));
    assert_eq!(
        text_of(&page, "#connect-sk-error").unwrap(),
        "Enter a value."
    );
    assert_eq!(
        focused_id(),
        "connect-ak",
        "focus goes to the first refused field"
    );
}

#[wasm_bindgen_test]
async fn an_mfa_code_needs_the_users_id() {
    let page = connect(Script::new()).await;
    fill_password(&page, "carol", "Keyturn-Demo-1").await;
    type_into(&input_by_label(&page, "MFA code (optional)"), "123456").await;

    click_button(&page, "Sign in").await;

    assert!(calls().is_empty());
    assert_eq!(focused_id(), "connect-mfa-user-id");
    assert_eq!(
        text_of(&page, "#connect-mfa-user-id-error").unwrap(),
        "Enter the user's ID to sign in with an MFA code."
    );
}

#[wasm_bindgen_test]
async fn a_non_administrator_is_connected_and_warned_about_own_keys() {
    let page = connect(alice()).await;
    fill_aksk(&page, ALICE_AK, ALICE_SK).await;

    press_and_wait(&page, "Test connection").await;

    assert_eq!(
        status(&page),
        format!(
            "Connected as alice @ {ACCOUNT}.Not an administrator: you will see your own keys only."
        )
    );
    assert_eq!(alert(&page), "");
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
        input_by_label(&page, "Secret access key (SK)").value(),
        ALICE_SK,
        "a test keeps the form for signing in"
    );
    assert!(
        find(&page, "[data-testid=session-who]").is_none(),
        "a test signs nobody in"
    );
    nothing_leaks(ALICE_SK);
}

#[wasm_bindgen_test]
async fn signing_in_opens_the_access_keys_and_signing_out_comes_back() {
    let page = connect(alice()).await;
    fill_aksk(&page, ALICE_AK, ALICE_SK).await;

    click_button(&page, "Sign in").await;
    wait_until("the access keys open", || page.path() == "/credentials").await;

    assert_eq!(text_of(&page, "h1").as_deref(), Some("Access keys"));
    assert_eq!(
        text_of(&page, "[data-testid=session-who]").unwrap(),
        format!("alice @ {ACCOUNT}")
    );
    nothing_leaks(ALICE_SK);

    click_button(&page, "Sign out").await;
    assert_eq!(page.path(), "/connect");
    assert!(find(&page, "[data-testid=session-who]").is_none());
    assert_eq!(
        input_by_label(&page, "Secret access key (SK)").value(),
        "",
        "the secret is asked again"
    );
}

#[wasm_bindgen_test]
async fn signing_in_returns_to_the_filtered_view_that_asked_for_it() {
    let page = connect(alice()).await;
    page.go("/credentials?badge=overdue&never=1").await;
    page.go("/settings").await;
    page.go("/connect").await;
    fill_aksk(&page, ALICE_AK, ALICE_SK).await;

    click_button(&page, "Sign in").await;
    wait_until("the view opens", || page.path() == "/credentials").await;
    assert_eq!(page.query(), "badge=overdue&never=1");

    page.go("/connect").await;
    fill_aksk(&page, ALICE_AK, ALICE_SK).await;
    click_button(&page, "Sign in").await;
    wait_until("the access keys open", || {
        page.path() == "/credentials" && page.query().is_empty()
    })
    .await;
}

#[wasm_bindgen_test]
async fn only_pages_that_need_a_session_are_returned_to() {
    let page = connect(alice()).await;
    page.go("/kms").await;
    page.go("/rotation?step=2").await;
    page.go("/settings").await;
    page.go("/no/such/page").await;
    page.go("/connect").await;
    fill_aksk(&page, ALICE_AK, ALICE_SK).await;

    click_button(&page, "Sign in").await;
    wait_until("the last page that needed a session opens", || {
        page.path() == "/rotation"
    })
    .await;
    assert_eq!(page.query(), "step=2");
}

#[wasm_bindgen_test]
async fn a_password_is_exchanged_for_a_token_used_from_then_on() {
    let token_body = json!({"token": {
        "expires_at": "2026-11-24T18:00:00.000000Z", "issued_at": "2026-11-23T18:00:00.000000Z",
        "methods": ["password"],
        "user": {"id": ALICE_ID, "name": "alice", "domain": {"id": DOMAIN_ID, "name": ACCOUNT}},
        "domain": {"id": DOMAIN_ID, "name": ACCOUNT}, "roles": [], "catalog": []
    }});
    let script = Script::new()
        .on(
            "POST",
            "/v3/auth/tokens",
            [Answer::json(201, token_body).header("x-subject-token", ISSUED_TOKEN)],
        )
        .then(alice());
    let page = connect(script).await;
    fill_password(&page, "alice", " Keyturn-Demo-1 ").await;

    press_and_wait(&page, "Test connection").await;

    let sent = calls();
    let issue = &sent[0];
    assert_eq!(issue.method, "POST");
    assert_eq!(issue.url, format!("{PROXY}/{IAM}/v3/auth/tokens"));
    assert_eq!(issue.header("authorization"), None);
    assert_eq!(issue.header("x-auth-token"), None);
    assert_eq!(
        issue.json(),
        json!({"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": "alice", "password": " Keyturn-Demo-1 ", "domain": {"name": ACCOUNT}}}},
            "scope": {"domain": {"name": ACCOUNT}}
        }}),
        "the password is sent as typed"
    );
    let project = &sent[1];
    assert_eq!(project.url, format!("{PROXY}/{IAM}/v3/auth/tokens"));
    assert_eq!(
        project.json()["auth"]["scope"],
        json!({"project": {"name": settings().region}}),
        "a second token, for KMS in the region's project"
    );
    assert!(
        sent[2..]
            .iter()
            .all(|call| call.header("x-auth-token") == Some(ISSUED_TOKEN))
    );
    assert!(status(&page).contains("Not an administrator"));
    nothing_leaks("Keyturn-Demo-1");
}

#[wasm_bindgen_test]
async fn a_pasted_token_is_validated_to_name_its_user() {
    let validated = json!({"token": {
        "expires_at": "2026-11-24T18:00:00.000000Z", "issued_at": "2026-11-23T18:00:00.000000Z",
        "methods": ["password"],
        "user": {"id": ALICE_ID, "name": "alice", "password_expires_at": "",
            "domain": {"id": DOMAIN_ID, "name": ACCOUNT}},
        "domain": {"id": DOMAIN_ID, "name": ACCOUNT}, "roles": [], "catalog": []
    }});
    let script = Script::new()
        .on(
            "GET",
            "/v3/auth/tokens",
            [Answer::json(200, validated).header("x-subject-token", ISSUED_TOKEN)],
        )
        .then(alice());
    let page = connect(script).await;
    click(&radio(&page, "Token")).await;
    type_into(&input_by_label(&page, "Token"), ISSUED_TOKEN).await;

    click_button(&page, "Sign in").await;
    wait_until("the access keys open", || page.path() == "/credentials").await;
    assert_eq!(
        text_of(&page, "[data-testid=session-who]").unwrap(),
        format!("alice @ {ACCOUNT}")
    );
    let sent = calls();
    assert_eq!(sent[0].path, "/v3/auth/tokens?nocatalog=true");
    assert_eq!(
        sent[0].header("x-subject-token"),
        Some(ISSUED_TOKEN),
        "the token checks itself"
    );
    assert_eq!(count("GET", "/v3/auth/domains"), 0);
    for call in &sent {
        assert_eq!(
            call.header("x-auth-token"),
            Some(ISSUED_TOKEN),
            "{}",
            call.url
        );
        assert_eq!(call.header("authorization"), None, "a token is not signed");
        assert!(!call.url.contains(ISSUED_TOKEN));
    }
    assert_not_kept(ISSUED_TOKEN);
}

#[wasm_bindgen_test]
async fn a_wrong_password_shows_the_plain_words_and_the_service_answer() {
    let script = Script::new().reply(
        "POST",
        "/v3/auth/tokens",
        401,
        json!({"error": {"code": 401, "title": "Unauthorized",
            "message": "The username or password is wrong."}}),
    );
    let page = connect(script).await;
    fill_password(&page, "alice", "wrong-password").await;

    press_and_wait(&page, "Sign in").await;

    assert_eq!(
        alert(&page),
        "Sign-in refused (401): the account name, IAM user name or password is wrong, or the \
         user is disabled.Service answer: HTTP 401, code 401, message \"The username or password \
         is wrong.\", request id req-1."
    );
    assert_eq!(page.path(), "/connect");
    assert!(find(&page, "[data-testid=session-who]").is_none());
}

#[wasm_bindgen_test]
async fn a_busy_answer_to_the_token_request_is_not_sent_again() {
    let script = Script::new().reply(
        "POST",
        "/v3/auth/tokens",
        503,
        json!({"error_code": "APIGW.0308", "error_msg": "throttled"}),
    );
    let page = connect(script).await;
    fill_password(&page, "alice", "Keyturn-Demo-1").await;

    press_and_wait(&page, "Sign in").await;

    assert_eq!(
        count("POST", "/v3/auth/tokens"),
        1,
        "a sign-in is not repeated"
    );
    assert!(alert(&page).contains("HTTP 503"), "{}", alert(&page));
}

#[wasm_bindgen_test]
async fn a_bad_signature_names_the_gateway_code() {
    let script = Script::new().reply(
        "GET",
        "/v3/auth/domains",
        401,
        json!({"error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
            "error_code": "APIGW.0301", "request_id": "body-id"}),
    );
    let page = connect(script).await;
    fill_aksk(&page, ALICE_AK, "wrong-secret").await;

    press_and_wait(&page, "Test connection").await;

    let shown = alert(&page);
    assert!(
        shown.starts_with("The signature was refused (401)"),
        "{shown}"
    );
    assert!(shown.contains("code APIGW.0301"), "{shown}");
    assert!(shown.contains("verify aksk signature fail"), "{shown}");
    assert!(shown.contains("request id req-1"), "{shown}");
    assert_eq!(status(&page), "");
}

#[wasm_bindgen_test]
async fn a_cors_refusal_is_told_from_an_unreachable_proxy() {
    let page = connect(alice().cors_refused()).await;
    fill_aksk(&page, ALICE_AK, ALICE_SK).await;
    press_and_wait(&page, "Test connection").await;
    let shown = alert(&page);
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

    alice().proxy_down().install();
    click_button(&page, "Test connection").await;
    wait_until("the new failure shows", || {
        alert(&page).contains("unreachable")
    })
    .await;
    assert!(alert(&page).starts_with(&format!(
        "The proxy is unreachable: nothing answers at {PROXY}."
    )));
}

#[wasm_bindgen_test]
async fn a_clock_offset_learned_from_date_is_shown_as_corrected() {
    let server = chrono::Utc::now() + chrono::TimeDelta::seconds(20 * 60 + 30);
    let page = connect(alice().date(&server.to_rfc2822().replace("+0000", "GMT"))).await;
    fill_aksk(&page, ALICE_AK, ALICE_SK).await;

    press_and_wait(&page, "Test connection").await;

    let shown = status(&page);
    assert!(
        shown.contains("This browser's clock is 20 min") && shown.contains("behind the server's"),
        "{shown}"
    );
    assert!(shown.contains("corrects for this automatically"), "{shown}");
}

#[wasm_bindgen_test]
async fn leaving_the_page_cancels_a_sign_in_in_flight() {
    let script = Script::new()
        .on("GET", "/v3/auth/domains", [Answer::hang()])
        .then(alice());
    let page = connect(script).await;
    fill_aksk(&page, ALICE_AK, ALICE_SK).await;
    click_button(&page, "Sign in").await;
    wait_until("the sign-in is sent", || {
        count("GET", "/v3/auth/domains") == 1
    })
    .await;
    assert!(status(&page).starts_with("Signing in"), "{}", status(&page));

    click_on(&page, "nav a[href='/settings']").await;
    wait_until("the sign-in is aborted", || calls()[0].aborted).await;
    assert_eq!(page.path(), "/settings");
    assert!(find(&page, "[data-testid=session-who]").is_none());
}

#[wasm_bindgen_test]
async fn the_page_speaks_chinese() {
    let page = Page::new()
        .config(Ok(settings()))
        .lang("zh-CN")
        .at("/connect")
        .fetch(Script::new())
        .mount_app()
        .await;
    assert_eq!(checked_radio(&page), "访问密钥（AK/SK）");
    assert_eq!(
        label_texts(&page),
        ["访问密钥 ID（AK）", "私有访问密钥（SK）", "账号 ID（可选）"]
    );
    click_button(&page, "登录").await;
    assert_eq!(alert(&page), "未发送任何请求：请修正标出的字段。");
}
