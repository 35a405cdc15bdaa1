//! The actions on one key against the scripted IAM: enable and disable, create, delete, edit;
//! each sends its request and updates the table from the answer, or says why not.

use chrono::Duration;
use keyturn::i18n::utc_iso;
use serde_json::{Value, json};
use wasm_bindgen_test::*;

use crate::support::*;

#[wasm_bindgen_test]
async fn disable_shows_the_answer_and_a_refusal_leaves_the_row() {
    let script = Script::new()
        .on(
            "PUT",
            &key_path(ALICE),
            [
                Answer::json(200, updated(ALICE, "status", "inactive")),
                Answer::json(403, iam_error(403, "no permission")),
            ],
        )
        .then(demo_account());
    let page = keys_page("", script).await;
    click_button(&page, &format!("Disable {ALICE}")).await;
    wait_until("the row is inactive", || {
        row_text(&page, ALICE).contains("Inactive")
    })
    .await;
    assert_eq!(
        only_call("PUT", &key_path(ALICE)).body,
        r#"{"credential":{"status":"inactive"}}"#
    );
    assert_eq!(
        text_of(&page, "[role=\"status\"][data-testid=\"status-message\"]").as_deref(),
        Some(&*format!("{ALICE} disabled."))
    );
    assert!(
        row_text(&page, ALICE).contains(&utc_iso(now() - Duration::hours(12))),
        "the known last use is kept: {}",
        row_text(&page, ALICE)
    );

    click_button(&page, &format!("Enable {ALICE}")).await;
    let alert = wait_for(&page, "[data-testid=\"error-notice\"][role=\"alert\"]").await;
    assert_says(
        &alert,
        &[
            &format!("{ALICE} could not be enabled."),
            "403",
            "no permission",
            "request id req-",
        ],
    );
    assert!(
        row_text(&page, ALICE).contains("Inactive"),
        "the row is as it was"
    );
    click_button(&alert, "Dismiss").await;
    assert!(find(&page, "[data-testid=\"error-notice\"]").is_none());
}

#[wasm_bindgen_test]
async fn each_row_action_acts_on_its_own_key() {
    let script = Script::new()
        .reply("PUT", &key_path(BOB), 200, updated(BOB, "status", "active"))
        .then(demo_account());
    let page = keys_page("", script).await;

    click_button(&page, &format!("Enable {BOB}")).await;
    wait_until("bob's key is active", || {
        !row_text(&page, BOB).contains("Inactive")
    })
    .await;
    assert_eq!(
        only_call("PUT", &key_path(BOB)).json(),
        json!({"credential": {"status": "active"}})
    );

    click_button(&page, &format!("Edit description {MONITORING}")).await;
    let edit = dialog(&page);
    assert!(text(&edit).contains(&format!("Access key {MONITORING}")));
    assert_eq!(
        input_by_label(&edit, "Description").value(),
        "monitoring-bot key"
    );
    click_button(&edit, "Cancel").await;

    click_button(&page, &format!("Delete {TERRAFORM}")).await;
    assert!(
        text(&dialog(&page)).contains(&format!("Deleting {TERRAFORM} of ci-terraform")),
        "{}",
        text(&dialog(&page))
    );
    click_button(&dialog(&page), "Cancel").await;
    assert!(find(&page, "[role=\"dialog\"]").is_none());
    assert_eq!(
        calls().iter().filter(|call| call.method != "GET").count(),
        1
    );
}

#[wasm_bindgen_test]
async fn create_shows_the_secret_once_then_only_the_new_row() {
    let page = keys_page("", creates_for_erin()).await;
    create_for_erin(&page, "deploy").await;
    wait_until("the secret dialog opens", || {
        text_of(&page, "[role=\"dialog\"] h2").as_deref() == Some("Save the new access key")
    })
    .await;
    assert_eq!(
        focused()
            .and_then(|element| element.text_content())
            .as_deref(),
        Some("Download CSV"),
        "focus moves into the secret dialog and stays there"
    );
    assert_eq!(
        only_call("POST", CREDENTIALS).json(),
        json!({"credential": {"user_id": user_id("erin"), "description": "deploy"}})
    );
    assert_eq!(
        text_of(&page, "[data-testid=new-secret-key]").as_deref(),
        Some(NEW_SK)
    );
    assert!(
        row(&page, NEW_AK).is_some(),
        "the new row behind the dialog"
    );
    assert!(!row_text(&page, NEW_AK).contains(NEW_SK));

    tick(
        &input_by_label(&page, "I have saved the secret access key"),
        true,
    )
    .await;
    click_button(&page, "Close").await;
    assert!(find(&page, "[role=\"dialog\"]").is_none());
    assert!(
        !page.inner_html().contains(NEW_SK),
        "the secret is gone from the page"
    );
    assert_eq!(
        text_of(&page, "[data-testid=\"status-message\"]").as_deref(),
        Some(&*format!("{NEW_AK} created for erin."))
    );
    assert!(find(&page, "tr[data-user-without-keys=\"erin\"]").is_none());
    assert!(row_text(&page, NEW_AK).contains("deploy"));
    assert_not_kept(NEW_SK);
}

#[wasm_bindgen_test]
async fn delete_removes_the_row_after_confirmation() {
    let script = Script::new()
        .on(
            "DELETE",
            &key_path(BACKUP_NEW),
            [Answer::json(204, Value::Null)],
        )
        .then(demo_account());
    let page = keys_page("", script).await;
    click_button(&page, &format!("Delete {BACKUP_NEW}")).await;
    let warning =
        text_of(&page, ".delete-warning").expect("an active key gets the stronger warning");
    assert!(warning.contains("it is active"), "{warning}");
    confirm_delete(&page, "000002").await;
    wait_until("the row is gone", || row(&page, BACKUP_NEW).is_none()).await;
    assert_eq!(count("DELETE", &key_path(BACKUP_NEW)), 1);
    assert!(find(&page, "[role=\"dialog\"]").is_none());
    assert_eq!(
        text_of(&page, "[data-testid=\"status-message\"]").as_deref(),
        Some(&*format!("{BACKUP_NEW} deleted."))
    );
    assert!(
        !row_text(&page, BACKUP_OLD).contains("No free slot"),
        "ci-backup has a free slot again"
    );
    assert_eq!(
        focused_id(),
        "main",
        "focus goes to the page when its opener is gone"
    );
}

#[wasm_bindgen_test]
async fn a_new_description_is_saved_and_shown() {
    let described = updated(BOB, "description", "bob's laptop");
    let script = Script::new()
        .reply("PUT", &key_path(BOB), 200, described)
        .then(demo_account());
    let page = keys_page("", script).await;
    click_button(&page, &format!("Edit description {BOB}")).await;
    let description = input_by_label(&page, "Description");
    assert_eq!(
        description.value(),
        "bob key",
        "the dialog starts from the current text"
    );
    type_into(&description, " bob's laptop ").await;
    click_button(&dialog(&page), "Save").await;
    wait_until("the dialog closes", || {
        find(&page, "[role=\"dialog\"]").is_none()
    })
    .await;
    assert_eq!(
        only_call("PUT", &key_path(BOB)).json(),
        json!({"credential": {"description": "bob's laptop"}})
    );
    assert!(row_text(&page, BOB).contains("bob's laptop"));
    assert_eq!(
        text_of(&page, "[data-testid=\"status-message\"]").as_deref(),
        Some(&*format!("Description of {BOB} saved."))
    );
}
