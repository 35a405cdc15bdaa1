//! Fixtures for the access key page's tests: a hand-built inventory and a harness whose
//! address bar the test can read.

#![allow(dead_code)]

pub mod scripted;

use chrono::{DateTime, Duration, TimeZone, Utc};
use keyturn::state::{
    ConfigError, ConfigSource, LangProvider, SessionProvider, Settings, SettingsProvider,
};
use keyturn_core::access_key::AccessKey;
use keyturn_core::inventory::{Inventory, UserRef};
use keyturn_core::policy::RotationPolicy;
use keyturn_core::types::credential::KeyStatus;
use web_sys::Element;
use yew::prelude::*;
use yew_router::Router;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::query::Raw;

use crate::support::settle;

/// The time every fixture key is assessed at.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
}

/// A user with id `u-<name>`.
pub fn user(name: &str) -> UserRef {
    UserRef {
        id: format!("u-{name}"),
        name: name.to_owned(),
        enabled: true,
    }
}

/// A key of `owner`, `age_days` old, last used `used_hours_ago` hours ago (never if `None`).
pub fn key(
    owner: &str,
    access: &str,
    status: KeyStatus,
    age_days: i64,
    used_hours_ago: Option<i64>,
) -> AccessKey {
    AccessKey {
        user_id: format!("u-{owner}"),
        access: access.to_owned(),
        status,
        created: now() - Duration::days(age_days),
        last_used: used_hours_ago.map(|hours| now() - Duration::hours(hours)),
        description: format!("{owner} key"),
    }
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

/// Six keys of five users plus erin without keys, assessed at [`now`] under the default policy.
pub fn demo_inventory() -> Inventory {
    let policy = RotationPolicy::default();
    let holdings = [
        (
            "alice",
            vec![key("alice", ALICE, KeyStatus::Active, 5, Some(12))],
        ),
        (
            "ci-backup",
            vec![
                key("ci-backup", BACKUP_OLD, KeyStatus::Active, 95, Some(2)),
                key("ci-backup", BACKUP_NEW, KeyStatus::Active, 3, None),
            ],
        ),
        (
            "ci-terraform",
            vec![key("ci-terraform", TERRAFORM, KeyStatus::Active, 95, None)],
        ),
        (
            "bob",
            vec![key("bob", BOB, KeyStatus::Inactive, 80, Some(40 * 24))],
        ),
        (
            "monitoring-bot",
            vec![key(
                "monitoring-bot",
                MONITORING,
                KeyStatus::Active,
                180,
                Some(100 * 24),
            )],
        ),
        ("erin", vec![]),
    ];
    let mut inventory = Inventory::default();
    for (name, keys) in holdings {
        inventory.set_keys(user(name), keys, now(), &policy);
    }
    inventory
}

/// Props of [`KeyHarness`].
#[derive(Properties, PartialEq)]
pub struct KeyHarnessProps {
    /// The router's history, shared with the test.
    pub history: AnyHistory,
    /// The component under test.
    pub children: Html,
}

/// Router over the given history, language, settings and session providers, then the children.
#[component]
pub fn KeyHarness(props: &KeyHarnessProps) -> Html {
    let config: Result<Settings, ConfigError> = Ok(Settings::default());
    html! {
        <Router history={props.history.clone()}>
            <LangProvider>
                <SettingsProvider source={ConfigSource::Fixed(config)}>
                    <SessionProvider>
                        <main id="main" tabindex="-1">{ props.children.clone() }</main>
                    </SessionProvider>
                </SettingsProvider>
            </LangProvider>
        </Router>
    }
}

/// Renders `children` at `/credentials?{query}` in a fresh div; returns the div and the history.
pub async fn mount_at(query: &str, children: Html) -> (Element, AnyHistory) {
    let history = AnyHistory::from(MemoryHistory::new());
    history
        .replace_with_query("/credentials", Raw(query))
        .unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<KeyHarness>::with_root_and_props(
        root.clone(),
        KeyHarnessProps {
            history: history.clone(),
            children,
        },
    )
    .render();
    settle().await;
    (root, history)
}

/// The query of the history's current location, without `?`.
pub fn query(history: &AnyHistory) -> String {
    history
        .location()
        .query_str()
        .trim_start_matches('?')
        .to_owned()
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

/// The element inside `root` whose `aria-label` is exactly `label`.
pub fn by_aria_label(root: &Element, label: &str) -> Element {
    root.query_selector(&format!("[aria-label=\"{label}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
}

/// Fires a bubbling `keydown` of `key` at `target`.
pub async fn press_key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
    settle().await;
}
