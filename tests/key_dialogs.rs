//! The dialogs of the key actions in a real browser: delete confirmation, the one-time
//! secret, create and edit description.

mod key_support;
mod support;

use std::cell::RefCell;
use std::rc::Rc;

use key_support::*;
use keyturn::components::{
    KeyCreateDialog, KeyDeleteDialog, KeyDescriptionDialog, KeySecretDialog,
};
use keyturn::state::{DeleteRisk, delete_risks};
use keyturn_core::error::{ApiError, Error};
use keyturn_core::types::credential::{CreatedCredential, KeyStatus};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const SECRET: &str = "NewSecretKeyOnlyShownOnce0000000000000042";

/// A callback that counts its calls and records its arguments.
fn recorder<T: 'static>() -> (Callback<T>, Rc<RefCell<Vec<T>>>) {
    let calls = Rc::new(RefCell::new(Vec::new()));
    let callback = {
        let calls = calls.clone();
        Callback::from(move |value| calls.borrow_mut().push(value))
    };
    (callback, calls)
}

fn dialog(root: &Element) -> Element {
    find(root, "[role=\"dialog\"]").expect("a dialog")
}

fn heading(root: &Element) -> String {
    let dialog = dialog(root);
    let id = dialog.get_attribute("aria-labelledby").unwrap();
    text_of(root, &format!("#{id}")).unwrap()
}

fn button(root: &Element, name: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button {name:?}"))
}

fn focused_id() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn delete_waits_for_the_key_id_and_warns_about_a_key_in_use() {
    fresh_storage("en");
    let (on_confirm, confirmed) = recorder::<()>();
    let (on_cancel, _) = recorder::<()>();
    let risks = delete_risks(&demo_inventory(), ALICE, now());
    let (root, _) = mount_at(
        "",
        html! { <KeyDeleteDialog access={ALICE} user="alice" {risks} {on_confirm} {on_cancel} /> },
    )
    .await;
    assert_eq!(heading(&root), "Delete access key");
    let warning = find(&root, ".delete-warning[role=\"alert\"]").expect("the stronger warning");
    let said = warning.text_content().unwrap();
    for part in [
        "it is active",
        "used in the last 7 days (2025-03-01T00:00:00Z)",
        "the only active access key of alice",
    ] {
        assert!(said.contains(part), "{part} in {said}");
    }
    let field = input_by_label(
        &root,
        "Type the access key ID or its last 6 characters to confirm",
    );
    assert_eq!(focused_id(), field.id(), "the field has focus");
    let delete = button(&root, "Delete");
    assert!(delete.has_attribute("disabled"));
    for partial in ["ALICE", "00001", "ALICEKEY00000000000"] {
        type_into(&field, partial).await;
        assert!(delete.has_attribute("disabled"), "{partial}");
        delete.click();
        settle().await;
    }
    assert!(confirmed.borrow().is_empty());
    type_into(&field, "000001").await;
    assert!(!delete.has_attribute("disabled"));
    delete.click();
    settle().await;
    assert_eq!(confirmed.borrow().len(), 1);
    type_into(&field, ALICE).await;
    assert!(!delete.has_attribute("disabled"), "the whole id works too");
}

#[wasm_bindgen_test]
async fn delete_of_an_idle_inactive_key_has_no_stronger_warning_and_shows_failures() {
    fresh_storage("en");
    let (on_cancel, cancelled) = recorder::<()>();
    let error = Error::Api(ApiError {
        status: 403,
        code: "IAM.0003".into(),
        message: "Forbidden".into(),
        request_id: Some("rid-9".into()),
    });
    let (root, _) = mount_at(
        "",
        html! {
            <KeyDeleteDialog access={BOB} user="bob" risks={Vec::<DeleteRisk>::new()}
                error={Some(error)} on_confirm={Callback::noop()} {on_cancel} />
        },
    )
    .await;
    assert!(find(&root, ".delete-warning").is_none());
    let alert = text_of(&root, "[role=\"alert\"]").expect("the failure is announced");
    for part in ["could not be deleted", "IAM.0003", "Forbidden", "rid-9"] {
        assert!(alert.contains(part), "{part} in {alert}");
    }
    press_key(&dialog(&root), "Escape").await;
    assert_eq!(cancelled.borrow().len(), 1, "Escape cancels a deletion");
}

fn created() -> CreatedCredential {
    CreatedCredential {
        access: "NEWKEY00000000000042".into(),
        secret: SECRET.into(),
        user_id: "u-erin".into(),
        status: KeyStatus::Active,
        create_time: now(),
        description: "deploy".into(),
    }
}

#[wasm_bindgen_test]
async fn the_secret_dialog_closes_only_after_the_secret_is_saved() {
    fresh_storage("en");
    let (on_close, closed) = recorder::<()>();
    let (root, history) = mount_at(
        "",
        html! { <KeySecretDialog created={created()} user_name="erin" {on_close} /> },
    )
    .await;
    assert_eq!(heading(&root), "Save the new access key");
    let shown = dialog(&root).text_content().unwrap();
    assert!(shown.contains("NEWKEY00000000000042") && shown.contains(SECRET));
    assert!(shown.contains("cannot be shown again"), "{shown}");
    button(&root, "Download CSV");
    button(&root, "Copy");
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        focused.text_content().unwrap(),
        "Download CSV",
        "focus starts on the first button"
    );

    let close = button(&root, "Close");
    assert!(close.has_attribute("disabled"));
    close.click();
    settle().await;
    press_key(&dialog(&root), "Escape").await;
    find(&root, ".dialog-backdrop")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    assert!(
        closed.borrow().is_empty(),
        "neither Close, Escape nor the backdrop closes it"
    );
    assert!(find(&root, "[role=\"dialog\"]").is_some());

    let saved = input_by_label(&root, "I have saved the secret access key");
    assert_eq!(saved.type_(), "checkbox");
    saved.click();
    settle().await;
    assert!(!close.has_attribute("disabled"));
    press_key(&dialog(&root), "Escape").await;
    assert!(closed.borrow().is_empty(), "Escape never closes it");
    close.click();
    settle().await;
    assert_eq!(closed.borrow().len(), 1);

    let storage = local_storage();
    for i in 0..storage.length().unwrap() {
        let key = storage.key(i).unwrap().unwrap();
        assert!(
            !storage
                .get_item(&key)
                .unwrap()
                .unwrap_or_default()
                .contains(SECRET),
            "{key}"
        );
    }
    assert!(!query(&history).contains(SECRET));
}

#[wasm_bindgen_test]
async fn create_sends_the_description_and_escape_cancels() {
    fresh_storage("en");
    let (on_create, descriptions) = recorder::<String>();
    let (on_cancel, cancelled) = recorder::<()>();
    let (root, _) = mount_at(
        "",
        html! { <KeyCreateDialog user={user("erin")} {on_create} {on_cancel} /> },
    )
    .await;
    assert_eq!(heading(&root), "Create access key");
    let description = input_by_label(&root, "Description");
    assert_eq!(
        focused_id(),
        description.id(),
        "the description field has focus"
    );
    type_into(&description, "  deploy pipeline ").await;
    button(&root, "Create access key").click();
    settle().await;
    assert_eq!(*descriptions.borrow(), ["deploy pipeline"]);
    press_key(&description, "Escape").await;
    assert_eq!(cancelled.borrow().len(), 1);
}

#[wasm_bindgen_test]
async fn a_busy_create_cannot_be_sent_twice_nor_cancelled() {
    fresh_storage("en");
    let (on_create, descriptions) = recorder::<String>();
    let (on_cancel, cancelled) = recorder::<()>();
    let (root, _) = mount_at(
        "",
        html! { <KeyCreateDialog user={user("erin")} busy=true {on_create} {on_cancel} /> },
    )
    .await;
    assert!(button(&root, "Working…").has_attribute("disabled"));
    assert!(button(&root, "Cancel").has_attribute("disabled"));
    press_key(&dialog(&root), "Escape").await;
    assert!(descriptions.borrow().is_empty() && cancelled.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn the_description_dialog_starts_from_the_current_text() {
    fresh_storage("en");
    let (on_save, saved) = recorder::<String>();
    let (root, _) = mount_at(
        "",
        html! {
            <KeyDescriptionDialog access={BOB} description="bob key" {on_save}
                on_cancel={Callback::noop()} />
        },
    )
    .await;
    assert_eq!(heading(&root), "Edit description");
    let description = input_by_label(&root, "Description");
    assert_eq!(description.value(), "bob key");
    type_into(&description, "bob's laptop").await;
    button(&root, "Save").click();
    settle().await;
    assert_eq!(*saved.borrow(), ["bob's laptop"]);
}

#[wasm_bindgen_test]
async fn tab_stays_inside_a_dialog() {
    fresh_storage("en");
    let (root, _) = mount_at(
        "",
        html! {
            <KeyDescriptionDialog access={BOB} description="" on_save={Callback::noop()}
                on_cancel={Callback::noop()} />
        },
    )
    .await;
    button(&root, "Cancel").focus().unwrap();
    press_key(&dialog(&root), "Tab").await;
    assert_eq!(
        focused_id(),
        "edit-key-description",
        "past the last control to the first"
    );
}

/// A button that opens a description dialog, for checking where focus goes back to.
#[component]
fn Opener() -> Html {
    let open = use_state(|| false);
    let show = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let hide = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    html! {
        <>
            <button type="button" id="opener" onclick={show}>{ "Open" }</button>
            if *open {
                <KeyDescriptionDialog access={BOB} description="" on_save={Callback::noop()}
                    on_cancel={hide} />
            }
        </>
    }
}

#[wasm_bindgen_test]
async fn closing_a_dialog_gives_focus_back_to_its_opener() {
    fresh_storage("en");
    let (root, _) = mount_at("", html! { <Opener /> }).await;
    let opener = button(&root, "Open");
    opener.focus().unwrap();
    opener.click();
    settle().await;
    assert_eq!(focused_id(), "edit-key-description");
    button(&root, "Cancel").click();
    settle().await;
    assert!(find(&root, "[role=\"dialog\"]").is_none());
    assert_eq!(focused_id(), "opener");
}
