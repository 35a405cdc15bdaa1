//! Issue #12, the app's part, in the browser: secret inputs no password manager takes for a
//! login, where credentials go, hostile `Date` headers and answers (HTML pages, huge bodies,
//! unknown values, markup), the panic screen, and the clipboard emptied after a secret.

use chrono::Utc;
use keyturn::api::Transport;
use keyturn::app::{PANIC_SCREEN_ID, show_panic_screen};
use keyturn::ui::{copy_secret, copy_text};
use keyturn_core::error::Error;
use keyturn_core::request::{
    ApiRequest, Auth, ClockOffset, Idempotency, MAX_CLOCK_OFFSET_MS, Method,
};
use keyturn_core::retry::Backoff;
use keyturn_core::signer::parse_sdk_date;
use keyturn_core::types::credential::CredentialsResponse;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

use crate::support::*;

/// The last second chrono can hold, as a `Date` answer: it used to make the next signature
/// panic ("DateTime + TimeDelta overflowed") and kill the app.
const END_OF_TIME: &str = "Mon, 31 Dec 262142 23:59:59 GMT";

#[wasm_bindgen(inline_js = r#"
export function spy_fetch(body) {
  window.__redirectModes = [];
  window.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    window.__redirectModes.push(request.redirect);
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
}
export function redirect_modes() { return JSON.stringify(window.__redirectModes); }
export function pwned() { return window.__pwned === true; }
export function fake_clipboard(focused) {
  window.__clipboard = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
    writeText: async (text) => { window.__clipboard.push(text); },
  } });
  document.hasFocus = () => window.__focused;
  window.__focused = focused;
}
export function set_focused(focused) { window.__focused = focused; }
export function clipboard_writes() { return JSON.stringify(window.__clipboard); }
"#)]
extern "C" {
    fn spy_fetch(body: &str);
    fn redirect_modes() -> String;
    fn pwned() -> bool;
    fn fake_clipboard(focused: bool);
    fn set_focused(focused: bool);
    fn clipboard_writes() -> String;
}

fn aksk() -> Auth {
    Auth::AkSk {
        ak: "HPUAEXAMPLEAK0000001".into(),
        sk: "secret-key-that-must-not-leak".into(),
        domain_id: Some("dom1".into()),
        project_id: None,
    }
}

/// A transport through the scripted proxy that retries at once.
fn transport() -> Transport {
    Transport::new(PROXY, ClockOffset::default()).with_backoff(Backoff {
        base_ms: 1,
        max_ms: 2,
        max_attempts: 3,
    })
}

fn get(path: &str) -> ApiRequest {
    ApiRequest::new(Method::Get, IAM, path, Idempotency::Idempotent)
}

async fn connect_page(page: Page) -> Mounted {
    let page = page.at("/connect").mount_app().await;
    wait_for(&page, "[role=radiogroup]").await;
    page
}

fn inputs(root: &Element) -> Vec<HtmlInputElement> {
    let found = root.query_selector_all("input").unwrap();
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<HtmlInputElement>().ok())
        .collect()
}

#[wasm_bindgen_test]
async fn no_connect_input_is_a_password_field_and_every_secret_is_masked_text() {
    let page = connect_page(Page::new().config(Ok(settings()))).await;
    let window = web_sys::window().unwrap();
    for (method, secrets) in [
        ("Access key (AK/SK)", &["Secret access key (SK)"][..]),
        ("Password", &["Password", "MFA code (optional)"][..]),
        ("Token", &["Token"][..]),
    ] {
        click_button(&page, method).await;
        assert!(
            find(&page, "input[type=password]").is_none(),
            "{method}: a password input makes the form a login to save"
        );
        for label in secrets {
            let input = input_by_label(&page, label);
            assert_eq!(input.type_(), "text", "{label}");
            assert_eq!(
                input.get_attribute("autocomplete").as_deref(),
                Some(if *label == "MFA code (optional)" {
                    "one-time-code"
                } else {
                    "off"
                }),
                "{label}"
            );
            assert!(
                !input.has_attribute("name"),
                "{label} is never sent by a form"
            );
            assert_eq!(input.get_attribute("data-secret").as_deref(), Some("true"));
            let style = window.get_computed_style(&input).unwrap().unwrap();
            assert_eq!(
                style.get_property_value("-webkit-text-security").unwrap(),
                "disc",
                "{label} is masked even without the style sheet"
            );
        }
        for input in inputs(&page) {
            let hint = input.get_attribute("autocomplete").unwrap_or_default();
            assert!(
                hint == "off" || hint == "one-time-code",
                "{}: autocomplete={hint}",
                input.id()
            );
        }
    }
}

#[wasm_bindgen_test]
async fn the_connect_page_says_where_credentials_go() {
    let page = connect_page(Page::new().config(Ok(settings()))).await;
    let target = text_of(&page, "[data-testid=connect-target]").unwrap();
    assert!(
        target.contains(&format!(
            "sent only through the proxy {PROXY}, which forwards it to IAM at {IAM}"
        )),
        "{target}"
    );
    assert!(find(&page, "[data-testid=connect-proxy-warning]").is_none());
}

#[wasm_bindgen_test]
async fn a_proxy_replaced_in_this_browser_is_flagged_on_the_connect_page() {
    let page = connect_page(
        Page::new()
            .config(Ok(settings()))
            .stored_settings(r#"{"proxy_url": "https://other-proxy.example"}"#),
    )
    .await;
    let target = text_of(&page, "[data-testid=connect-target]").unwrap();
    assert!(
        target.contains("through the proxy https://other-proxy.example,"),
        "{target}"
    );
    let warning = text_of(&page, "[data-testid=connect-proxy-warning]").expect("a warning");
    assert!(
        warning.contains(&format!(
            "This is not the proxy of this site's configuration ({PROXY})"
        )),
        "{warning}"
    );
    assert_eq!(
        find(&page, "[data-testid=connect-proxy-warning] a")
            .and_then(|link| link.get_attribute("href"))
            .as_deref(),
        Some("/settings")
    );
}

#[wasm_bindgen_test]
async fn a_hostile_date_neither_panics_nor_moves_signatures_beyond_a_day() {
    Script::new()
        .date(END_OF_TIME)
        .reply("GET", CREDENTIALS, 200, listed(&[]))
        .install();
    let transport = transport();
    transport
        .send(&get(CREDENTIALS), &aksk(), None)
        .await
        .unwrap();
    assert_eq!(transport.clock().offset_ms(), MAX_CLOCK_OFFSET_MS);
    // The next signature used to panic here.
    transport
        .send(&get(CREDENTIALS), &aksk(), None)
        .await
        .unwrap();
    let sent = calls();
    assert_eq!(sent.len(), 2);
    let signed_at = parse_sdk_date(sent[1].header("x-sdk-date").unwrap()).unwrap();
    let ahead = (signed_at - Utc::now()).num_milliseconds();
    assert!(
        ahead <= MAX_CLOCK_OFFSET_MS && ahead > MAX_CLOCK_OFFSET_MS - 60_000,
        "signed {ahead} ms ahead"
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn an_html_page_or_text_instead_of_json_is_a_clear_error() {
    let portal = "<!DOCTYPE html><html><head><title>Wi-Fi login</title></head>\
                  <body><form action=/login></form></body></html>";
    let gateway = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    Script::new()
        .on("GET", "/v3/users", [Answer::text(200, portal)])
        .on("GET", "/v3/projects", [Answer::text(502, gateway)])
        .on("GET", CREDENTIALS, [Answer::text(200, "OK")])
        .install();
    let transport = transport();
    assert_eq!(
        transport.send(&get("/v3/users"), &aksk(), None).await,
        Err(Error::Decode(
            "an HTML page instead of an API answer: Wi-Fi login".into()
        ))
    );
    assert_eq!(count("GET", "/v3/users"), 1, "a page is not asked again");
    match transport.send(&get("/v3/projects"), &aksk(), None).await {
        Err(Error::Api(error)) => {
            assert_eq!(error.status, 502);
            assert_eq!(
                error.message,
                "an HTML page instead of an API answer: 502 Bad Gateway"
            );
        }
        other => panic!("{other:?}"),
    }
    let answer = transport
        .send(&get(CREDENTIALS), &aksk(), None)
        .await
        .unwrap();
    match answer.json::<CredentialsResponse>() {
        Err(Error::Decode(message)) => {
            assert!(message.starts_with("not valid JSON"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    restore_fetch();
}

#[wasm_bindgen_test]
async fn unknown_values_and_missing_fields_are_unreadable_answers_that_quote_nothing() {
    let hidden = "expired-but-who-knows";
    Script::new()
        .reply(
            "GET",
            CREDENTIALS,
            200,
            json!({"credentials": [{"user_id": "u1", "access": "AK1", "status": hidden,
                "create_time": "2025-01-01T00:00:00.000000Z"}]}),
        )
        .reply(
            "GET",
            "/v3/users",
            200,
            json!({"credentials": [{"user_id": "u1", "status": "active"}]}),
        )
        .install();
    let transport = transport();
    let answer = transport
        .send(&get(CREDENTIALS), &aksk(), None)
        .await
        .unwrap();
    match answer.json::<CredentialsResponse>() {
        Err(Error::Decode(message)) => assert!(!message.contains(hidden), "{message}"),
        other => panic!("{other:?}"),
    }
    let answer = transport
        .send(&get("/v3/users"), &aksk(), None)
        .await
        .unwrap();
    match answer.json::<CredentialsResponse>() {
        Err(Error::Decode(message)) => {
            assert!(message.starts_with("missing field `access`"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_huge_answer_is_cut_off_instead_of_read_whole() {
    let long = format!(
        "{{\"credentials\": [], \"padding\": \"{}\"}}",
        "x".repeat(5_000)
    );
    Script::new()
        .on("GET", CREDENTIALS, [Answer::text(200, &long)])
        .on("GET", "/v3/users", [Answer::text(500, &long)])
        .install();
    let transport = transport().with_max_body_bytes(4_096);
    assert_eq!(
        transport.send(&get(CREDENTIALS), &aksk(), None).await,
        Err(Error::Decode(
            "the answer is longer than 4096 bytes; Keyturn stops reading there".into()
        ))
    );
    assert!(matches!(
        transport.send(&get("/v3/users"), &aksk(), None).await,
        Err(Error::Decode(_))
    ));
    let roomy = transport.with_max_body_bytes(64 * 1024);
    let answer = roomy.send(&get(CREDENTIALS), &aksk(), None).await.unwrap();
    assert_eq!(answer.body, long);
    restore_fetch();
}

#[wasm_bindgen_test]
async fn requests_never_follow_a_redirect() {
    spy_fetch(r#"{"credentials": []}"#);
    transport()
        .send(&get(CREDENTIALS), &aksk(), None)
        .await
        .unwrap();
    assert_eq!(redirect_modes(), r#"["error"]"#);
    restore_fetch();
}

#[wasm_bindgen_test]
async fn markup_in_a_description_is_shown_as_text() {
    let markup = "<img src=x onerror=\"window.__pwned=true\"><script>window.__pwned=true</script>";
    let mut key = credential("alice", ALICE, "active", 5);
    key["description"] = markup.into();
    let script = Script::new()
        .reply("GET", &list_path("alice"), 200, listed(&[key.clone()]))
        .reply("GET", &key_path(ALICE), 200, shown(&key, Some(12)))
        .then(demo_account());
    let page = keys_page("", script).await;
    let row = row(&page, ALICE).expect("alice's row");
    assert!(text(&row).contains(markup), "{}", text(&row));
    assert!(find(&row, "img").is_none() && find(&row, "script").is_none());
    settle().await;
    assert!(!pwned());
}

#[wasm_bindgen_test]
async fn an_unreadable_listing_is_an_error_in_its_row_not_a_broken_page() {
    let mut key = credential("alice", ALICE, "active", 5);
    key["status"] = "expired".into();
    let script = Script::new()
        .reply("GET", &list_path("alice"), 200, listed(&[key]))
        .then(demo_account());
    let page = keys_page("", script).await;
    let shown = text(&page);
    assert!(shown.contains("The answer could not be read"), "{shown}");
    assert!(row(&page, BOB).is_some(), "the other users' keys are shown");
}

#[wasm_bindgen_test]
async fn markup_in_kms_aliases_and_descriptions_is_shown_as_text_and_unknown_states_named() {
    let alias = "<b>app</b><img src=x onerror=\"window.__pwned=true\">";
    let key = json!({
        "key_id": ROTATING, "key_alias": alias, "key_spec": "AES_256",
        "key_usage": "ENCRYPT_DECRYPT", "key_description": "<script>window.__pwned=true</script>",
        "creation_date": "1716661217000", "key_state": "9", "origin": "kms",
    });
    let script = Script::new()
        .reply(
            "POST",
            &kms_path("list-keys"),
            200,
            json!({ "key_details": [key], "next_marker": "", "truncated": "false", "total": 1 }),
        )
        .then(kms_account());
    let page = kms_page(script).await;
    let table = find(&page, "table.kms-table").unwrap();
    assert!(text(&table).contains(alias), "{}", text(&table));
    assert!(find(&table, "b").is_none() && find(&table, "img").is_none());
    assert!(find(&table, "script").is_none());
    settle().await;
    assert!(!pwned());
}

#[wasm_bindgen_test]
async fn the_panic_screen_replaces_a_dead_page_with_a_reload() {
    let page = Page::new().mount(html_free()).await;
    let document = document();
    show_panic_screen("panicked at src/x.rs: <b>not markup</b>");
    let screen = document
        .get_element_by_id(PANIC_SCREEN_ID)
        .expect("the screen");
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alert"));
    assert_says(
        &screen,
        &[
            "Keyturn stopped after an unexpected error",
            "Reload it to start again",
            "Reload Keyturn",
            "panicked at src/x.rs: <b>not markup</b>",
        ],
    );
    assert!(find(&screen, "b").is_none());
    let reload = find(&screen, "a[data-testid=panic-reload]").unwrap();
    let here = web_sys::window().unwrap().location().href().unwrap();
    assert_eq!(reload.get_attribute("href").as_deref(), Some(&*here));
    assert_eq!(
        focused().as_ref(),
        Some(&reload),
        "the reload link has the focus"
    );
    assert!(page.has_attribute("inert"), "the dead page is out of reach");

    show_panic_screen("a second panic");
    assert_eq!(
        document
            .query_selector_all(".panic-screen")
            .unwrap()
            .length(),
        1
    );
    assert!(!text(&screen).contains("a second panic"));

    screen.remove();
    let children = document.body().unwrap().children();
    for i in 0..children.length() {
        let child = children.item(i).unwrap();
        child.remove_attribute("inert").unwrap();
        child.remove_attribute("aria-hidden").unwrap();
    }
}

/// Something to mount for the panic screen to cover.
fn html_free() -> yew::Html {
    yew::html! { <p>{ "the app" }</p> }
}

#[wasm_bindgen_test]
async fn a_copied_secret_leaves_the_clipboard_unless_something_else_was_copied_since() {
    fake_clipboard(true);
    copy_secret("SECRET-1", 30).await.unwrap();
    gloo_timers::future::TimeoutFuture::new(80).await;
    assert_eq!(clipboard_writes(), r#"["SECRET-1",""]"#, "emptied");

    fake_clipboard(true);
    copy_secret("SECRET-2", 30).await.unwrap();
    copy_text("the user's next copy").await.unwrap();
    gloo_timers::future::TimeoutFuture::new(80).await;
    assert_eq!(
        clipboard_writes(),
        r#"["SECRET-2","the user's next copy"]"#,
        "a later copy is left alone"
    );

    fake_clipboard(false);
    copy_secret("SECRET-3", 30).await.unwrap();
    gloo_timers::future::TimeoutFuture::new(80).await;
    set_focused(true);
    assert_eq!(
        clipboard_writes(),
        r#"["SECRET-3"]"#,
        "without the focus the clipboard may hold what the user copied elsewhere"
    );
}
