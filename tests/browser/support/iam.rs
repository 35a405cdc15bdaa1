//! The scripted IAM of the demo account, and the access key page signed in against it.

use chrono::{DateTime, Duration, DurationRound, SecondsFormat, Utc};
use keyturn_core::request::Auth;
use keyturn_core::session::Session;
use keyturn_core::settings::Settings;
use serde_json::{Value, json};
use web_sys::Element;

use super::dom::{click_button, find, input_by_label, type_into, wait_until};
use super::fetch::Script;
use super::mount::{Mounted, Page};

/// The CORS proxy of the test settings (also the built-in default).
pub const PROXY: &str = "http://127.0.0.1:8787";
/// The IAM endpoint of the test settings and sessions.
pub const IAM: &str = "http://127.0.0.1:8780";
/// The account name of the test settings and sessions.
pub const ACCOUNT: &str = "keyturn-demo";
/// The path of the access key collection.
pub const CREDENTIALS: &str = "/v3.0/OS-CREDENTIAL/credentials";
thread_local! {
    /// [`now`], fixed when first asked for.
    static NOW: DateTime<Utc> = Utc::now().duration_trunc(Duration::minutes(1)).unwrap();
}

/// The time the demo account's keys are assessed at: this browser's clock when the tests
/// started, to the minute, so that every key's age is a whole number of days. It is real time
/// because the app learns the server's clock from `Date` only within a day of the browser's
/// (`keyturn_core::request::MAX_CLOCK_OFFSET_MS`).
pub fn now() -> DateTime<Utc> {
    NOW.with(|now| *now)
}

/// The server's clock in every answer of the demo account, as `Date` says it: [`now`].
pub fn server_date() -> String {
    now().to_rfc2822().replace("+0000", "GMT")
}

/// AK of alice's key: 5 days old, active, used 12 hours ago.
pub const ALICE: &str = "ALICEKEY000000000001";
/// AK of ci-backup's old key: 95 days, used 2 hours ago.
pub const BACKUP_OLD: &str = "BACKUPOLD00000000001";
/// AK of ci-backup's new key: 3 days, never used.
pub const BACKUP_NEW: &str = "BACKUPNEW00000000002";
/// AK of ci-terraform's key: 95 days, never used.
pub const TERRAFORM: &str = "TERRAFORM00000000001";
/// AK of bob's key: 80 days, inactive, used 40 days ago.
pub const BOB: &str = "BOBKEY00000000000001";
/// AK of monitoring-bot's key: 180 days, used 100 days ago.
pub const MONITORING: &str = "MONITORING0000000001";

/// The demo account's keys: owner, AK, status, age in days, last use in hours ago.
const DEMO_KEYS: [(&str, &str, &str, i64, Option<i64>); 6] = [
    ("alice", ALICE, "active", 5, Some(12)),
    ("ci-backup", BACKUP_OLD, "active", 95, Some(2)),
    ("ci-backup", BACKUP_NEW, "active", 3, None),
    ("ci-terraform", TERRAFORM, "active", 95, None),
    ("bob", BOB, "inactive", 80, Some(40 * 24)),
    ("monitoring-bot", MONITORING, "active", 180, Some(100 * 24)),
];

/// The demo account's users, as IAM lists them; erin holds no key.
const DEMO_USERS: [&str; 6] = [
    "alice",
    "ci-backup",
    "ci-terraform",
    "bob",
    "monitoring-bot",
    "erin",
];

/// Settings naming [`PROXY`], [`IAM`] and [`ACCOUNT`].
pub fn settings() -> Settings {
    Settings {
        proxy_url: PROXY.into(),
        iam_endpoint: Some(IAM.into()),
        account_name: Some(ACCOUNT.into()),
        ..Settings::default()
    }
}

/// A session of `user_name` (id `user_id`) in the demo account, with a token: nothing to sign.
pub fn session(user_id: &str, user_name: &str) -> Session {
    Session {
        auth: Auth::Token("test-token-never-shown".into()),
        iam_endpoint: IAM.into(),
        domain_id: "d1".into(),
        domain_name: Some(ACCOUNT.into()),
        user_id: user_id.into(),
        user_name: user_name.into(),
        project_tokens: Vec::new(),
    }
}

/// The demo account's administrator.
pub fn admin() -> Session {
    session("u-admin", "keyturn-admin")
}

/// The id of the demo user `name`.
pub fn user_id(name: &str) -> String {
    format!("u-{name}")
}

/// The path that lists the keys of the demo user `name`.
pub fn list_path(name: &str) -> String {
    format!("{CREDENTIALS}?user_id=u-{name}")
}

/// The path of the key `access`.
pub fn key_path(access: &str) -> String {
    format!("{CREDENTIALS}/{access}")
}

/// `t` as IAM writes times.
pub fn iam_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A key of `owner`, `age_days` old at [`now`], as list and update answers carry it.
pub fn credential(owner: &str, access: &str, status: &str, age_days: i64) -> Value {
    json!({ "user_id": user_id(owner), "access": access, "status": status,
            "create_time": iam_time(now() - Duration::days(age_days)),
            "description": format!("{owner} key") })
}

/// The demo key `access` as list and update answers carry it.
pub fn demo_key(access: &str) -> Value {
    let (owner, _, status, age, _) = DEMO_KEYS
        .into_iter()
        .find(|key| key.1 == access)
        .unwrap_or_else(|| panic!("no demo key {access}"));
    credential(owner, access, status, age)
}

/// An update answer: the demo key `access` with `field` set to `value`.
pub fn updated(access: &str, field: &str, value: &str) -> Value {
    let mut key = demo_key(access);
    key[field] = value.into();
    json!({ "credential": key })
}

/// `GET credentials` answer.
pub fn listed(keys: &[Value]) -> Value {
    json!({ "credentials": keys })
}

/// `GET credentials/{ak}` answer: the key with its last use, `used_hours_ago` before [`now`]
/// (IAM says "never" with the creation time).
pub fn shown(key: &Value, used_hours_ago: Option<i64>) -> Value {
    let mut key = key.clone();
    key["last_use_time"] = match used_hours_ago {
        Some(hours) => iam_time(now() - Duration::hours(hours)).into(),
        None => key["create_time"].clone(),
    };
    json!({ "credential": key })
}

/// `GET /v3/users` answer listing the demo users `names`.
pub fn users(names: &[&str]) -> Value {
    let users: Vec<Value> = names
        .iter()
        .map(
            |name| json!({ "id": user_id(name), "name": name, "domain_id": "d1", "enabled": true }),
        )
        .collect();
    json!({ "users": users })
}

/// An IAM (Keystone style) error body.
pub fn iam_error(code: u16, message: &str) -> Value {
    json!({ "error": { "code": code, "message": message, "title": "Error" } })
}

/// The demo account as its administrator sees it: six keys of five users, and erin without
/// keys; every answer dated [`server_date`].
pub fn demo_account() -> Script {
    let mut script =
        Script::new()
            .date(&server_date())
            .reply("GET", "/v3/users", 200, users(&DEMO_USERS));
    for name in DEMO_USERS {
        let keys: Vec<Value> = DEMO_KEYS
            .iter()
            .filter(|key| key.0 == name)
            .map(|key| demo_key(key.1))
            .collect();
        script = script.reply("GET", &list_path(name), 200, listed(&keys));
    }
    for (_, access, _, _, used) in DEMO_KEYS {
        script = script.reply(
            "GET",
            &key_path(access),
            200,
            shown(&demo_key(access), used),
        );
    }
    script
}

/// The page at `/credentials?{query}` with the test settings, signed in as [`admin`], against
/// `script`.
pub fn admin_at(query: &str, script: Script) -> Page {
    Page::new()
        .config(Ok(settings()))
        .at(&format!("/credentials?{query}"))
        .signed_in(admin())
        .fetch(script)
}

/// The access key page of [`admin_at`], once loaded.
pub async fn keys_page(query: &str, script: Script) -> Mounted {
    let page = admin_at(query, script).mount_keys().await;
    loaded(&page).await;
    page
}

/// Waits until the table is shown and nothing is loading.
pub async fn loaded(root: &Element) {
    wait_until("the keys are loaded", || {
        find(root, "table.key-table").is_some() && find(root, "progress").is_none()
    })
    .await;
}

/// The row of the key `access`, if shown.
pub fn row(root: &Element, access: &str) -> Option<Element> {
    find(root, &format!("tr[data-ak=\"{access}\"]"))
}

/// The text of the row of `access`; empty when it is not shown.
pub fn row_text(root: &Element, access: &str) -> String {
    row(root, access)
        .and_then(|row| row.text_content())
        .unwrap_or_default()
}

/// The `data-ak` of every key row inside `root`, in order.
pub fn shown_keys(root: &Element) -> Vec<String> {
    let rows = root.query_selector_all("tr[data-ak]").unwrap();
    (0..rows.length())
        .filter_map(|i| {
            let row: Element = wasm_bindgen::JsCast::dyn_into(rows.item(i)?).ok()?;
            row.get_attribute("data-ak")
        })
        .collect()
}

/// AK of the key [`creates_for_erin`] creates.
pub const NEW_AK: &str = "ERINNEW0000000000001";
/// Its secret access key, shown once.
pub const NEW_SK: &str = "ErinSecretShownExactlyOnce00000000000001";

/// The demo account, where creating a key answers with [`NEW_AK`] for erin, described
/// "deploy".
pub fn creates_for_erin() -> Script {
    let created = json!({ "credential": {
        "access": NEW_AK, "secret": NEW_SK, "user_id": user_id("erin"), "status": "active",
        "create_time": iam_time(now()), "description": "deploy" } });
    Script::new()
        .reply("POST", CREDENTIALS, 201, created)
        .then(demo_account())
}

/// The open dialog inside `root`.
pub fn dialog(root: &Element) -> Element {
    find(root, "[role=\"dialog\"]").expect("a dialog")
}

/// The label of the delete dialog's confirmation field.
pub const CONFIRM_LABEL: &str = "Type the access key ID or its last 6 characters to confirm";

/// Types `typed` into the open delete dialog's confirmation and presses its "Delete".
pub async fn confirm_delete(root: &Element, typed: &str) {
    type_into(&input_by_label(root, CONFIRM_LABEL), typed).await;
    click_button(&dialog(root), "Delete").await;
}

/// Opens the create dialog for erin, describes the key as `description` and sends it.
pub async fn create_for_erin(root: &Element, description: &str) {
    click_button(root, "Create key for erin").await;
    type_into(&input_by_label(root, "Description"), description).await;
    click_button(&dialog(root), "Create access key").await;
}
