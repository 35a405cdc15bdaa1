//! The credential table in a real browser: rows, badges, markers, sorting, filters and the
//! URL query, from a hand-built inventory.

mod key_support;
mod support;

use std::cell::RefCell;
use std::rc::Rc;

use key_support::*;
use keyturn::components::{KeyIntent, KeyInventory};
use keyturn_core::error::{ApiError, Error};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the demo inventory at `/credentials?{query}`, recording intents and retries.
async fn table(
    query: &str,
    failures: Vec<(keyturn_core::inventory::UserRef, Error)>,
) -> (
    Element,
    yew_router::history::AnyHistory,
    Rc<RefCell<Vec<KeyIntent>>>,
    Rc<RefCell<Vec<String>>>,
) {
    fresh_storage("en");
    let intents = Rc::new(RefCell::new(Vec::new()));
    let retries = Rc::new(RefCell::new(Vec::new()));
    let on_intent = {
        let intents = intents.clone();
        Callback::from(move |intent| intents.borrow_mut().push(intent))
    };
    let on_retry = {
        let retries = retries.clone();
        Callback::from(move |user| retries.borrow_mut().push(user))
    };
    let (root, history) = mount_at(
        query,
        html! {
            <KeyInventory inventory={Rc::new(demo_inventory())} {failures} {on_intent} {on_retry} />
        },
    )
    .await;
    (root, history, intents, retries)
}

fn row(root: &Element, access: &str) -> Element {
    find(root, &format!("tr[data-ak=\"{access}\"]")).unwrap_or_else(|| panic!("no row {access}"))
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// The header button of `column` and its `<th>`.
fn header(root: &Element, column: &str) -> (HtmlElement, Element) {
    let buttons = root.query_selector_all("thead button").unwrap();
    let button: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| {
            b.text_content()
                .unwrap_or_default()
                .trim_end_matches(['▲', '▼', '↕'])
                == column
        })
        .unwrap_or_else(|| panic!("no header {column:?}"));
    let th = button.closest("th").unwrap().unwrap();
    (button, th)
}

#[wasm_bindgen_test]
async fn every_key_has_a_row_with_its_status_badge_and_last_use() {
    let (root, ..) = table("", Vec::new()).await;
    let table = find(&root, "table[aria-label=\"Access keys\"]").expect("table named Access keys");
    assert_eq!(
        shown_keys(&table),
        [ALICE, BOB, BACKUP_NEW, BACKUP_OLD, TERRAFORM, MONITORING],
        "by user name, then AK"
    );

    let terraform = text(&row(&root, TERRAFORM));
    assert!(terraform.contains("Active"), "{terraform}");
    assert!(terraform.contains("Overdue"), "{terraform}");
    assert!(terraform.contains("Never used"), "{terraform}");
    assert!(terraform.contains("95"), "age in days: {terraform}");
    assert!(
        terraform.contains("2024-11-26T12:00:00Z"),
        "created in UTC ISO form: {terraform}"
    );

    let bob = text(&row(&root, BOB));
    assert!(
        bob.contains("Inactive") && bob.contains("Due soon"),
        "{bob}"
    );
    assert!(bob.contains("2025-01-20T12:00:00Z"), "last used: {bob}");
    assert!(!bob.contains("Never used"), "{bob}");

    let alice = text(&row(&root, ALICE));
    assert!(
        alice.contains("OK") && !alice.contains("No free slot"),
        "{alice}"
    );
    let monitoring = text(&row(&root, MONITORING));
    assert!(monitoring.contains("Unused 100 days"), "{monitoring}");
    let fresh = text(&row(&root, BACKUP_NEW));
    assert!(
        fresh.contains("Never used") && fresh.contains("New, not used yet"),
        "{fresh}"
    );

    for access in [BACKUP_OLD, BACKUP_NEW] {
        assert!(
            text(&row(&root, access)).contains("No free slot"),
            "{access}"
        );
    }
    let erin = find(&root, "tr[data-user-without-keys=\"erin\"]").expect("erin's keyless row");
    assert!(text(&erin).contains("No access keys"));

    for (action, access) in [
        ("Disable", ALICE),
        ("Enable", BOB),
        ("Edit description", BOB),
        ("Delete", TERRAFORM),
        ("Copy", MONITORING),
    ] {
        let button = by_aria_label(&row(&root, access), &format!("{action} {access}"));
        assert_eq!(text(&button).trim(), action);
    }
}

#[wasm_bindgen_test]
async fn summary_and_histogram_count_the_keys() {
    let (root, ..) = table("", Vec::new()).await;
    for (testid, count) in [
        ("summary-keys", "6"),
        ("summary-active", "5"),
        ("summary-inactive", "1"),
        ("summary-ok", "2"),
        ("summary-due-soon", "1"),
        ("summary-overdue", "3"),
        ("summary-never-used", "2"),
        ("summary-users-without-keys", "1"),
    ] {
        let shown = text_of(&root, &format!("[data-testid=\"{testid}\"] dd")).unwrap();
        assert_eq!(shown, count, "{testid}");
    }
    let histogram = find(&root, "svg[aria-label=\"Key ages\"]").expect("histogram");
    assert_eq!(histogram.query_selector_all("rect").unwrap().length(), 6);
    let words = text_of(&root, "#key-histogram-words").unwrap();
    assert_eq!(
        words,
        "0–30 days: 2; 30–60 days: 0; 60–90 days: 1; 90–180 days: 2; 180–365 days: 1; 365+ days: 0"
    );
}

#[wasm_bindgen_test]
async fn a_header_click_sorts_sets_aria_sort_and_the_url() {
    let (root, history, ..) = table("", Vec::new()).await;
    assert_eq!(
        header(&root, "User")
            .1
            .get_attribute("aria-sort")
            .as_deref(),
        Some("ascending")
    );
    assert_eq!(
        header(&root, "Age (days)")
            .1
            .get_attribute("aria-sort")
            .as_deref(),
        Some("none")
    );

    header(&root, "Age (days)").0.click();
    settle().await;
    assert_eq!(query(&history), "sort=age");
    assert_eq!(
        shown_keys(&root),
        [BACKUP_NEW, ALICE, BOB, BACKUP_OLD, TERRAFORM, MONITORING]
    );
    assert_eq!(
        header(&root, "Age (days)")
            .1
            .get_attribute("aria-sort")
            .as_deref(),
        Some("ascending")
    );
    assert_eq!(
        header(&root, "User")
            .1
            .get_attribute("aria-sort")
            .as_deref(),
        Some("none")
    );

    header(&root, "Age (days)").0.click();
    settle().await;
    assert_eq!(query(&history), "sort=age&dir=desc");
    assert_eq!(shown_keys(&root)[0], MONITORING);
    assert_eq!(
        header(&root, "Age (days)")
            .1
            .get_attribute("aria-sort")
            .as_deref(),
        Some("descending")
    );

    for column in [
        "User",
        "Access key",
        "Status",
        "Created",
        "Last used",
        "Description",
        "Policy",
    ] {
        header(&root, column).0.click();
        settle().await;
        assert_eq!(
            header(&root, column)
                .1
                .get_attribute("aria-sort")
                .as_deref(),
            Some("ascending"),
            "{column}"
        );
    }
    assert_eq!(
        shown_keys(&root)[..2],
        [ALICE, BACKUP_NEW],
        "policy ascending: OK first"
    );
}

#[wasm_bindgen_test]
async fn filters_change_the_rows_and_live_in_the_url() {
    let (root, history, ..) = table("", Vec::new()).await;
    choose(&select_by_label(&root, "Status"), "inactive").await;
    assert_eq!(shown_keys(&root), [BOB]);
    assert_eq!(query(&history), "status=inactive");
    assert!(
        find(&root, "tr[data-user-without-keys]").is_none(),
        "a key condition hides keyless users"
    );
    assert!(text_of(&root, ".key-shown").unwrap().contains("1 of 6"));

    choose(&select_by_label(&root, "Status"), "").await;
    choose(&select_by_label(&root, "Policy"), "overdue").await;
    assert_eq!(shown_keys(&root), [BACKUP_OLD, TERRAFORM, MONITORING]);

    let never = input_by_label(&root, "Never used only");
    never.set_checked(true);
    never
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("change", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    settle().await;
    assert_eq!(shown_keys(&root), [TERRAFORM]);
    assert_eq!(query(&history), "badge=overdue&never=1");

    click_button(&root, "Clear filters").await;
    assert_eq!(shown_keys(&root).len(), 6);
    assert_eq!(query(&history), "");

    type_into(&input_by_label(&root, "Unused for more than (days)"), "30").await;
    assert_eq!(shown_keys(&root), [BOB, TERRAFORM, MONITORING]);
    type_into(&input_by_label(&root, "Unused for more than (days)"), "").await;

    type_into(&input_by_label(&root, "Search user or AK"), "backup").await;
    assert_eq!(shown_keys(&root), [BACKUP_NEW, BACKUP_OLD]);
    assert_eq!(query(&history), "q=backup");
    type_into(&input_by_label(&root, "Search user or AK"), "eri").await;
    assert!(shown_keys(&root).is_empty());
    assert!(
        find(&root, "tr[data-user-without-keys=\"erin\"]").is_some(),
        "search finds keyless users"
    );
}

#[wasm_bindgen_test]
async fn a_link_reproduces_the_view() {
    let (root, ..) = table("status=active&q=ci-&sort=age&dir=desc", Vec::new()).await;
    assert_eq!(shown_keys(&root), [BACKUP_OLD, TERRAFORM, BACKUP_NEW]);
    assert_eq!(select_by_label(&root, "Status").value(), "active");
    assert_eq!(input_by_label(&root, "Search user or AK").value(), "ci-");
    assert_eq!(
        header(&root, "Age (days)")
            .1
            .get_attribute("aria-sort")
            .as_deref(),
        Some("descending")
    );
}

/// Buttons inside `root` whose accessible name (`aria-label`, else text) is `name`.
fn buttons_named(root: &Element, name: &str) -> Vec<HtmlElement> {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|b| {
            b.get_attribute("aria-label")
                .unwrap_or_else(|| b.text_content().unwrap_or_default().trim().to_owned())
                == name
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_user_with_two_keys_cannot_get_a_third() {
    let (root, _, intents, _) = table("", Vec::new()).await;
    let blocked = buttons_named(&root, "Create key for ci-backup");
    assert_eq!(blocked.len(), 1, "one create control per user");
    let blocked = &blocked[0];
    assert!(blocked.has_attribute("disabled"));
    assert_eq!(
        text(blocked).trim(),
        "Create key",
        "the name adds the user to the text"
    );
    let reason_id = blocked
        .get_attribute("aria-describedby")
        .expect("the reason describes it");
    let reason = find(&root, &format!("#{reason_id}")).unwrap();
    assert!(text(&reason).contains("ci-backup already has two access keys: rotate one instead"));
    let link = reason
        .query_selector("a")
        .unwrap()
        .expect("a link to the wizard");
    assert_eq!(text(&link), "Rotation wizard");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/rotation"));
    blocked.click();
    settle().await;
    assert!(intents.borrow().is_empty());

    assert_eq!(buttons_named(&root, "Create key for alice").len(), 1);
    let erin = buttons_named(&root, "Create key for erin");
    assert_eq!(erin.len(), 1);
    assert!(!erin[0].has_attribute("disabled"));
    erin[0].click();
    settle().await;
    assert_eq!(*intents.borrow(), [KeyIntent::Create(user("erin"))]);
}

#[wasm_bindgen_test]
async fn row_actions_ask_for_the_right_key() {
    let (root, _, intents, _) = table("", Vec::new()).await;
    for label in [
        format!("Disable {ALICE}"),
        format!("Enable {BOB}"),
        format!("Edit description {BOB}"),
        format!("Delete {TERRAFORM}"),
    ] {
        by_aria_label(&root, &label)
            .unchecked_into::<HtmlElement>()
            .click();
        settle().await;
    }
    use keyturn_core::types::credential::KeyStatus;
    assert_eq!(
        *intents.borrow(),
        [
            KeyIntent::SetStatus {
                access: ALICE.into(),
                status: KeyStatus::Inactive
            },
            KeyIntent::SetStatus {
                access: BOB.into(),
                status: KeyStatus::Active
            },
            KeyIntent::EditDescription(BOB.into()),
            KeyIntent::Delete(TERRAFORM.into()),
        ]
    );
}

#[wasm_bindgen_test]
async fn a_user_whose_keys_failed_shows_the_error_and_a_retry() {
    let failure = Error::Api(ApiError {
        status: 502,
        code: "APIGW.0202".into(),
        message: "bad gateway".into(),
        request_id: Some("req-77".into()),
    });
    let (root, _, _, retries) = table("", vec![(user("dave"), failure)]).await;
    let row = find(&root, "tr[data-user-error=\"dave\"]").expect("an error row for dave");
    let alert = row
        .query_selector("[role=\"alert\"]")
        .unwrap()
        .expect("announced");
    let said = text(&alert);
    for part in [
        "The keys of dave could not be loaded.",
        "APIGW.0202",
        "bad gateway",
        "req-77",
    ] {
        assert!(said.contains(part), "{part} in {said}");
    }
    assert_eq!(shown_keys(&root).len(), 6, "the other rows stay");
    by_aria_label(&row, "Retry dave")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    assert_eq!(*retries.borrow(), ["u-dave"]);
}

#[wasm_bindgen_test]
async fn the_table_speaks_chinese() {
    fresh_storage("zh-CN");
    let (root, _) = mount_at(
        "",
        html! { <KeyInventory inventory={Rc::new(demo_inventory())} on_intent={Callback::noop()} /> },
    )
    .await;
    assert!(find(&root, "table[aria-label=\"访问密钥\"]").is_some());
    assert_eq!(
        header(&root, "年龄（天）")
            .1
            .get_attribute("aria-sort")
            .as_deref(),
        Some("none")
    );
    let terraform = text(&row(&root, TERRAFORM));
    assert!(
        terraform.contains("已超期") && terraform.contains("从未使用"),
        "{terraform}"
    );
    assert!(text(&row(&root, BACKUP_OLD)).contains("无空余名额"));
    assert_eq!(buttons_named(&root, "为 ci-backup 创建密钥").len(), 1);
    assert!(find(&root, "svg[aria-label=\"密钥年龄\"]").is_some());
    fresh_storage("en");
}

#[wasm_bindgen_test]
async fn a_user_name_shows_only_that_user_and_lives_in_the_url() {
    let (root, history, ..) = table("", Vec::new()).await;
    let names = buttons_named(&root, "Show only ci-backup");
    assert_eq!(names.len(), 2, "the name in each of the user's rows");
    names[0].click();
    settle().await;
    assert_eq!(shown_keys(&root), [BACKUP_NEW, BACKUP_OLD]);
    assert!(query(&history).starts_with("user="), "{}", query(&history));
    assert!(find(&root, "tr[data-user-without-keys]").is_none());
    assert!(
        text_of(&root, ".key-selection")
            .unwrap()
            .contains("Showing only the keys of ci-backup.")
    );

    click_button(&root, "Show all users").await;
    assert_eq!(shown_keys(&root).len(), 6);
    assert_eq!(query(&history), "");
    assert!(find(&root, ".key-selection").is_none());
}
