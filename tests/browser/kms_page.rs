//! The KMS page against the scripted KMS: reasons a key cannot rotate, a write throttled then
//! confirmed, a refusal said in full with the table as it was.

use wasm_bindgen_test::*;

use crate::support::*;

/// The row of the key `id`'s cell `col`.
fn cell(page: &web_sys::Element, id: &str, col: &str) -> String {
    text_of(
        page,
        &format!("tr[data-key-id=\"{id}\"] td[data-col=\"{col}\"]"),
    )
    .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn keys_show_their_rotation_or_why_they_cannot_rotate() {
    let page = kms_page(kms_account()).await;
    assert_eq!(cell(&page, ROTATING, "rotation"), "On");
    assert_eq!(cell(&page, ROTATING, "interval"), "90");
    assert_eq!(cell(&page, ROTATING, "rotatable"), "Yes");
    assert_eq!(
        cell(&page, DEFAULT_KEY, "rotatable"),
        "No: default master key"
    );
    assert_eq!(cell(&page, RSA_KEY, "rotatable"), "No: asymmetric key");
    assert_eq!(cell(&page, RSA_KEY, "state"), "Enabled");
    // Only the key that can rotate was asked for its status.
    assert_eq!(count("POST", &kms_path("get-key-rotation-status")), 1);
    let status = only_call("POST", &kms_path("get-key-rotation-status"));
    assert_eq!(status.json()["key_id"], ROTATING);
    assert_eq!(
        status.header("x-auth-token"),
        Some("project-token-never-shown")
    );
}

#[wasm_bindgen_test]
async fn a_throttled_interval_change_is_sent_again_and_refused_values_send_nothing() {
    let script = Script::new()
        .on(
            "POST",
            &kms_path("update-key-rotation-interval"),
            [
                kms_error(429, "APIGW.0308", "throttled"),
                Answer::json(200, serde_json::json!({})),
            ],
        )
        .then(kms_account());
    let page = kms_page(script).await;
    click_button(&page, "Change the rotation interval of app/orders").await;
    let dialog = wait_for(&page, "#kms-interval-dialog").await;
    let field = input_by_label(&dialog, "Rotation interval (days)");
    for (typed, says) in [
        ("29", "The interval is at least 30 days."),
        ("366", "The interval is at most 365 days."),
        ("3.5", "Enter whole days in digits, e.g. 90."),
        ("90d", "Enter whole days in digits, e.g. 90."),
        ("", "Enter the number of days."),
    ] {
        type_into(&field, typed).await;
        click_button(&dialog, "Save interval").await;
        assert_says(&dialog, &[says]);
    }
    assert_eq!(count("POST", &kms_path("update-key-rotation-interval")), 0);

    type_into(&field, "60").await;
    click_button(&dialog, "Save interval").await;
    wait_until("the interval is confirmed", || {
        cell(&page, ROTATING, "interval") == "60"
    })
    .await;
    let sent: Vec<Call> = calls()
        .into_iter()
        .filter(|call| call.path == kms_path("update-key-rotation-interval"))
        .collect();
    assert_eq!(sent.len(), 2, "sent once more after the 429");
    assert_eq!(sent[1].json()["rotation_interval"], 60);
    assert_says(&page, &["app/orders now rotates every 60 days."]);
}

#[wasm_bindgen_test]
async fn a_refused_disable_is_said_in_full_and_changes_nothing() {
    let script = Script::new()
        .on(
            "POST",
            &kms_path("disable-key-rotation"),
            [kms_error(403, "KMS.0305", "no permission")],
        )
        .then(kms_account());
    let page = kms_page(script).await;
    click_button(&page, "Disable rotation of app/orders").await;
    let dialog = wait_for(&page, "#kms-disable-dialog").await;
    click_button(&dialog, "Disable rotation").await;
    let alert = wait_for(&dialog, "[data-testid=\"error-notice\"]").await;
    assert_says(
        &alert,
        &[
            "The rotation of app/orders could not be changed.",
            "KMS.0305",
            "no permission",
            "req-KMS.0305",
        ],
    );
    assert_eq!(cell(&page, ROTATING, "rotation"), "On");
    assert_eq!(count("POST", &kms_path("disable-key-rotation")), 1);
}
