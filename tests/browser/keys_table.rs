//! The access key table of the demo account: rows, badges, markers, counts, sorting, filters
//! and the URL query, the create control, exports, and the table in Chinese.

use chrono::Duration;
use keyturn::i18n::utc_iso;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use keyturn::features::keys::{CSV_FILE, JSON_FILE};

use crate::support::*;

fn key_row(root: &Element, access: &str) -> String {
    assert!(row(root, access).is_some(), "no row {access}");
    row_text(root, access)
}

/// The header button of `column` and its `<th>`.
fn header(root: &Element, column: &str) -> (HtmlElement, Element) {
    let buttons = root.query_selector_all("thead button").unwrap();
    let button: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| text(b).trim_end_matches(['▲', '▼', '↕']) == column)
        .unwrap_or_else(|| panic!("no header {column:?}"));
    let th = button.closest("th").unwrap().unwrap();
    (button, th)
}

fn aria_sort(root: &Element, column: &str) -> Option<String> {
    header(root, column).1.get_attribute("aria-sort")
}

#[wasm_bindgen_test]
async fn every_key_has_a_row_with_its_status_badge_and_last_use() {
    let page = keys_page("", demo_account()).await;
    let table = find(&page, "table[aria-label=\"Access keys\"]").expect("table named Access keys");
    assert_eq!(
        shown_keys(&table),
        [ALICE, BOB, BACKUP_NEW, BACKUP_OLD, TERRAFORM, MONITORING],
        "by user name, then AK"
    );

    let terraform = key_row(&page, TERRAFORM);
    assert!(terraform.contains("Active"), "{terraform}");
    assert!(terraform.contains("Overdue"), "{terraform}");
    assert!(terraform.contains("Never used"), "{terraform}");
    assert!(terraform.contains("95"), "age in days: {terraform}");
    assert!(
        terraform.contains(&utc_iso(now() - Duration::days(95))),
        "created in UTC ISO form: {terraform}"
    );

    let bob = key_row(&page, BOB);
    assert!(
        bob.contains("Inactive") && bob.contains("Due soon"),
        "{bob}"
    );
    assert!(
        bob.contains(&utc_iso(now() - Duration::days(40))),
        "last used: {bob}"
    );
    assert!(!bob.contains("Never used"), "{bob}");

    let alice = key_row(&page, ALICE);
    assert!(
        alice.contains("OK") && !alice.contains("No free slot"),
        "{alice}"
    );
    let monitoring = key_row(&page, MONITORING);
    assert!(monitoring.contains("Unused 100 days"), "{monitoring}");
    let fresh = key_row(&page, BACKUP_NEW);
    assert!(
        fresh.contains("Never used") && fresh.contains("New, not used yet"),
        "{fresh}"
    );

    for access in [BACKUP_OLD, BACKUP_NEW] {
        assert!(key_row(&page, access).contains("No free slot"), "{access}");
    }
    let erin = find(&page, "tr[data-user-without-keys=\"erin\"]").expect("erin's keyless row");
    assert!(text(&erin).contains("No access keys"));

    for (action, access) in [
        ("Disable", ALICE),
        ("Enable", BOB),
        ("Edit description", BOB),
        ("Delete", TERRAFORM),
        ("Copy", MONITORING),
    ] {
        let button = button(&row(&page, access).unwrap(), &format!("{action} {access}"));
        assert_eq!(text(&button).trim(), action);
    }
}

#[wasm_bindgen_test]
async fn summary_and_histogram_count_the_keys() {
    let page = keys_page("", demo_account()).await;
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
        let shown = text_of(&page, &format!("[data-testid=\"{testid}\"] dd")).unwrap();
        assert_eq!(shown, count, "{testid}");
    }
    let histogram = find(&page, "svg[aria-label=\"Key ages\"]").expect("histogram");
    assert_eq!(histogram.query_selector_all("rect").unwrap().length(), 6);
    assert_eq!(
        text_of(&page, "#key-histogram-words").unwrap(),
        "0–30 days: 2; 30–60 days: 0; 60–90 days: 1; 90–180 days: 2; 180–365 days: 1; 365+ days: 0"
    );
    assert_eq!(
        text_of(&page, ".key-shown").as_deref(),
        Some("6 of 6 access keys shown")
    );
}

#[wasm_bindgen_test]
async fn a_header_click_sorts_sets_aria_sort_and_the_url() {
    let page = keys_page("", demo_account()).await;
    assert_eq!(aria_sort(&page, "User").as_deref(), Some("ascending"));
    assert_eq!(aria_sort(&page, "Age (days)").as_deref(), Some("none"));

    click(&header(&page, "Age (days)").0).await;
    assert_eq!(page.query(), "sort=age");
    assert_eq!(
        shown_keys(&page),
        [BACKUP_NEW, ALICE, BOB, BACKUP_OLD, TERRAFORM, MONITORING]
    );
    assert_eq!(aria_sort(&page, "Age (days)").as_deref(), Some("ascending"));
    assert_eq!(aria_sort(&page, "User").as_deref(), Some("none"));

    click(&header(&page, "Age (days)").0).await;
    assert_eq!(page.query(), "sort=age&dir=desc");
    assert_eq!(shown_keys(&page)[0], MONITORING);
    assert_eq!(
        aria_sort(&page, "Age (days)").as_deref(),
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
        click(&header(&page, column).0).await;
        assert_eq!(
            aria_sort(&page, column).as_deref(),
            Some("ascending"),
            "{column}"
        );
    }
    assert_eq!(
        shown_keys(&page)[..2],
        [ALICE, BACKUP_NEW],
        "policy ascending: OK first"
    );
}

#[wasm_bindgen_test]
async fn filters_change_the_rows_and_live_in_the_url() {
    let page = keys_page("", demo_account()).await;
    choose(&select_by_label(&page, "Status"), "inactive").await;
    assert_eq!(shown_keys(&page), [BOB]);
    assert_eq!(page.query(), "status=inactive");
    assert!(
        find(&page, "tr[data-user-without-keys]").is_none(),
        "a key condition hides keyless users"
    );
    assert_eq!(
        text_of(&page, ".key-shown").as_deref(),
        Some("1 of 6 access keys shown")
    );

    choose(&select_by_label(&page, "Status"), "").await;
    choose(&select_by_label(&page, "Policy"), "overdue").await;
    assert_eq!(shown_keys(&page), [BACKUP_OLD, TERRAFORM, MONITORING]);

    tick(&input_by_label(&page, "Never used only"), true).await;
    assert_eq!(shown_keys(&page), [TERRAFORM]);
    assert_eq!(page.query(), "badge=overdue&never=1");

    click_button(&page, "Clear filters").await;
    assert_eq!(shown_keys(&page).len(), 6);
    assert_eq!(page.query(), "");

    type_into(&input_by_label(&page, "Unused for more than (days)"), "30").await;
    assert_eq!(shown_keys(&page), [BOB, TERRAFORM, MONITORING]);
    type_into(&input_by_label(&page, "Unused for more than (days)"), "").await;

    type_into(&input_by_label(&page, "Search user or AK"), "backup").await;
    assert_eq!(shown_keys(&page), [BACKUP_NEW, BACKUP_OLD]);
    assert_eq!(page.query(), "q=backup");
    type_into(&input_by_label(&page, "Search user or AK"), "eri").await;
    assert!(shown_keys(&page).is_empty());
    assert!(
        find(&page, "tr[data-user-without-keys=\"erin\"]").is_some(),
        "search finds keyless users"
    );
    type_into(&input_by_label(&page, "Search user or AK"), "nobody").await;
    assert_eq!(
        text_of(&page, "td.no-keys").as_deref(),
        Some("No access key matches the filters.")
    );
}

#[wasm_bindgen_test]
async fn a_link_reproduces_the_view() {
    let page = keys_page("status=active&q=ci-&sort=age&dir=desc", demo_account()).await;
    assert_eq!(shown_keys(&page), [BACKUP_OLD, TERRAFORM, BACKUP_NEW]);
    assert_eq!(select_by_label(&page, "Status").value(), "active");
    assert_eq!(input_by_label(&page, "Search user or AK").value(), "ci-");
    assert_eq!(
        aria_sort(&page, "Age (days)").as_deref(),
        Some("descending")
    );
}

#[wasm_bindgen_test]
async fn a_user_name_shows_only_that_user_and_lives_in_the_url() {
    let page = keys_page("", demo_account()).await;
    let names = buttons_named(&page, "Show only ci-backup");
    assert_eq!(names.len(), 2, "the name in each of the user's rows");
    click(&names[0]).await;
    assert_eq!(shown_keys(&page), [BACKUP_NEW, BACKUP_OLD]);
    assert!(page.query().starts_with("user="), "{}", page.query());
    assert!(find(&page, "tr[data-user-without-keys]").is_none());
    assert!(
        text_of(&page, ".key-selection")
            .unwrap()
            .contains("Showing only the keys of ci-backup.")
    );

    click_button(&page, "Show all users").await;
    assert_eq!(shown_keys(&page).len(), 6);
    assert_eq!(page.query(), "");
    assert!(find(&page, ".key-selection").is_none());
}

#[wasm_bindgen_test]
async fn a_user_with_two_keys_cannot_get_a_third() {
    let page = keys_page("", demo_account()).await;
    let blocked = buttons_named(&page, "Create key for ci-backup");
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
    let reason = find(&page, &format!("#{reason_id}")).unwrap();
    assert!(text(&reason).contains("ci-backup already has two access keys: rotate one instead"));
    let link = reason
        .query_selector("a")
        .unwrap()
        .expect("a link to the wizard");
    assert_eq!(text(&link), "Rotation wizard");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/rotation"));
    click(blocked).await;
    assert!(find(&page, "[role=\"dialog\"]").is_none());

    assert_eq!(buttons_named(&page, "Create key for alice").len(), 1);
    let erin = buttons_named(&page, "Create key for erin");
    assert_eq!(erin.len(), 1);
    assert!(!erin[0].has_attribute("disabled"));
    click(&erin[0]).await;
    let dialog = find(&page, "[role=\"dialog\"]").expect("the create dialog");
    assert!(text(&dialog).contains("A new active access key for erin."));
}

#[wasm_bindgen_test]
async fn exports_hold_exactly_the_rows_shown() {
    let page = keys_page("status=active&sort=age", demo_account()).await;
    catch_downloads();
    click_button(&page, "Export CSV").await;
    click_button(&page, "Export JSON").await;
    let files = downloads().await;
    assert_eq!(files.len(), 2);

    assert_eq!(files[0].name, CSV_FILE);
    let lines: Vec<&str> = files[0].text.lines().collect();
    assert_eq!(lines.len(), 6, "a header and the five active keys");
    assert!(lines[0].contains("access_key"), "{}", lines[0]);
    assert!(
        lines[1].contains(BACKUP_NEW),
        "youngest first: {}",
        lines[1]
    );
    assert!(files[0].text.lines().all(|line| !line.contains(BOB)));

    assert_eq!(files[1].name, JSON_FILE);
    let rows: Vec<Value> = serde_json::from_str(&files[1].text).unwrap();
    let order: Vec<&str> = rows
        .iter()
        .map(|row| row["access_key"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [BACKUP_NEW, ALICE, BACKUP_OLD, TERRAFORM, MONITORING]
    );
    assert_eq!(rows[0]["last_used"], Value::Null, "never used");
}

#[wasm_bindgen_test]
async fn the_table_speaks_chinese() {
    let page = admin_at("", demo_account())
        .lang("zh-CN")
        .mount_keys()
        .await;
    loaded(&page).await;
    assert!(find(&page, "table[aria-label=\"访问密钥\"]").is_some());
    assert_eq!(aria_sort(&page, "年龄（天）").as_deref(), Some("none"));
    let terraform = key_row(&page, TERRAFORM);
    assert!(
        terraform.contains("已超期") && terraform.contains("从未使用"),
        "{terraform}"
    );
    assert!(key_row(&page, BACKUP_OLD).contains("无空余名额"));
    assert_eq!(buttons_named(&page, "为 ci-backup 创建密钥").len(), 1);
    assert!(find(&page, "svg[aria-label=\"密钥年龄\"]").is_some());
}
