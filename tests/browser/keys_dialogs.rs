//! The dialogs of the key actions, opened from the table like a user: the delete
//! confirmation, the one-time secret, and create while its request is in flight.

use chrono::Duration;
use keyturn::i18n::utc_iso;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

use keyturn::ui::CREDENTIALS_FILE;

use crate::support::*;

fn heading(root: &Element) -> String {
    let id = dialog(root).get_attribute("aria-labelledby").unwrap();
    text_of(root, &format!("#{id}")).unwrap()
}

#[wasm_bindgen_test]
async fn delete_waits_for_the_key_id_and_warns_about_a_key_in_use() {
    let page = keys_page("", demo_account()).await;
    let opener = button(&page, &format!("Delete {ALICE}"));
    click(&opener).await;
    assert_eq!(heading(&page), "Delete access key");
    let warning = find(&page, ".delete-warning[role=\"alert\"]").expect("the stronger warning");
    for part in [
        "it is active",
        &format!(
            "used in the last 7 days ({})",
            utc_iso(now() - Duration::hours(12))
        ),
        "the only active access key of alice",
    ] {
        assert!(
            text(&warning).contains(part),
            "{part} in {}",
            text(&warning)
        );
    }
    let field = input_by_label(
        &page,
        "Type the access key ID or its last 6 characters to confirm",
    );
    assert_eq!(focused_id(), field.id(), "the field has focus");
    let delete = button(&dialog(&page), "Delete");
    assert!(delete.has_attribute("disabled"));
    for partial in [
        "ALICE",
        "00001",
        "ALICEKEY00000000000",
        "alicekey000000000001",
    ] {
        type_into(&field, partial).await;
        assert!(delete.has_attribute("disabled"), "{partial}");
        click(&delete).await;
    }
    type_into(&field, " 000001 ").await;
    assert!(!delete.has_attribute("disabled"), "the last six characters");
    type_into(&field, ALICE).await;
    assert!(!delete.has_attribute("disabled"), "the whole id");

    click_button(&dialog(&page), "Cancel").await;
    assert!(find(&page, "[role=\"dialog\"]").is_none());
    assert!(row(&page, ALICE).is_some());
    assert_eq!(count("DELETE", &key_path(ALICE)), 0, "nothing was deleted");
    assert_eq!(focused().as_ref(), Some(opener.unchecked_ref::<Element>()));
}

#[wasm_bindgen_test]
async fn delete_of_an_idle_inactive_key_has_no_stronger_warning_and_shows_failures() {
    let script = Script::new()
        .reply(
            "DELETE",
            &key_path(BOB),
            403,
            json!({"error_code": "IAM.0003", "error_msg": "Forbidden"}),
        )
        .then(demo_account());
    let page = keys_page("", script).await;
    click_button(&page, &format!("Delete {BOB}")).await;
    assert!(find(&page, ".delete-warning").is_none());
    confirm_delete(&page, "000001").await;

    let alert = wait_for(&dialog(&page), "[role=\"alert\"]").await;
    for part in [
        "could not be deleted",
        "IAM.0003",
        "Forbidden",
        "request id req-",
    ] {
        assert!(text(&alert).contains(part), "{part} in {}", text(&alert));
    }
    press_key(&dialog(&page), "Escape", false).await;
    assert!(
        find(&page, "[role=\"dialog\"]").is_none(),
        "Escape cancels a deletion"
    );
    assert!(row(&page, BOB).is_some());
}

#[wasm_bindgen_test]
async fn the_secret_dialog_closes_only_after_the_secret_is_saved() {
    let page = keys_page("", creates_for_erin()).await;
    create_for_erin(&page, "deploy").await;
    wait_until("the secret dialog opens", || {
        find(&page, "#secret-key-dialog").is_some()
    })
    .await;
    assert_eq!(heading(&page), "Save the new access key");
    let shown = text(&dialog(&page));
    assert!(shown.contains(NEW_AK) && shown.contains(NEW_SK), "{shown}");
    assert!(shown.contains("cannot be shown again"), "{shown}");
    button(&dialog(&page), "Copy");

    catch_downloads();
    click_button(&dialog(&page), "Download CSV").await;
    let files = downloads().await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name, CREDENTIALS_FILE);
    assert_eq!(
        files[0].text,
        format!("User Name,Access Key Id,Secret Access Key\nerin,{NEW_AK},{NEW_SK}\n")
    );

    let close = button(&dialog(&page), "Close");
    assert!(close.has_attribute("disabled"));
    click(&close).await;
    press_key(&dialog(&page), "Escape", false).await;
    click_on(&page, ".dialog-backdrop").await;
    assert!(
        find(&page, "#secret-key-dialog").is_some(),
        "neither Close, Escape nor the backdrop closes it"
    );

    let saved = input_by_label(&page, "I have saved the secret access key");
    assert_eq!(saved.type_(), "checkbox");
    tick(&saved, true).await;
    assert!(!close.has_attribute("disabled"));
    press_key(&dialog(&page), "Escape", false).await;
    assert!(
        find(&page, "#secret-key-dialog").is_some(),
        "Escape never closes it"
    );
    click(&close).await;
    assert!(find(&page, "[role=\"dialog\"]").is_none());
    assert!(!page.inner_html().contains(NEW_SK));
    assert!(!page.query().contains(NEW_SK));
    assert_not_kept(NEW_SK);
}

#[wasm_bindgen_test]
async fn create_sends_the_trimmed_description_and_escape_cancels() {
    let page = keys_page("", creates_for_erin()).await;
    click_button(&page, "Create key for erin").await;
    assert_eq!(heading(&page), "Create access key");
    let description = input_by_label(&page, "Description");
    assert_eq!(
        focused_id(),
        description.id(),
        "the description field has focus"
    );
    type_into(&description, "draft").await;
    press_key(&description, "Escape", false).await;
    assert!(find(&page, "[role=\"dialog\"]").is_none());
    assert_eq!(count("POST", CREDENTIALS), 0);

    create_for_erin(&page, "  deploy pipeline ").await;
    wait_until("the key is created", || count("POST", CREDENTIALS) == 1).await;
    assert_eq!(
        only_call("POST", CREDENTIALS).json()["credential"]["description"],
        "deploy pipeline"
    );
}

#[wasm_bindgen_test]
async fn a_busy_create_cannot_be_sent_twice_nor_cancelled() {
    let script = Script::new()
        .on("POST", CREDENTIALS, [Answer::hang()])
        .then(demo_account());
    let page = keys_page("", script).await;
    create_for_erin(&page, "deploy").await;
    wait_until("the create is sent", || count("POST", CREDENTIALS) == 1).await;

    let working = button(&dialog(&page), "Working…");
    assert!(working.has_attribute("disabled"));
    assert!(button(&dialog(&page), "Cancel").has_attribute("disabled"));
    click(&working).await;
    press_key(&dialog(&page), "Escape", false).await;
    click_on(&page, ".dialog-backdrop").await;
    assert!(find(&page, "#create-key-dialog").is_some(), "still open");
    assert_eq!(count("POST", CREDENTIALS), 1, "sent once");
}
