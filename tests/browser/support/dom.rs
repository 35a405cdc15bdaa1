//! Finding things on the page and acting on them as a user would; waiting for the page.

use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent,
    KeyboardEventInit,
};

/// Lets Yew finish rendering and running effects.
pub async fn settle() {
    for _ in 0..3 {
        yew::scheduler::flush().await;
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

/// Waits until `check` holds, for at most about six seconds (the transport retries a request
/// without an answer for up to about two); `what` names it when it never does.
pub async fn wait_until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..240 {
        if check() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(25).await;
        settle().await;
    }
    panic!("timed out waiting until {what}");
}

/// The first element inside `root` matching `selector`, once there is one.
pub async fn wait_for(root: &Element, selector: &str) -> Element {
    wait_until(&format!("{selector} appears"), || {
        find(root, selector).is_some()
    })
    .await;
    find(root, selector).unwrap()
}

/// The first element inside `root` matching `selector`, if any.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

/// The trimmed text of the first element inside `root` matching `selector`.
pub fn text_of(root: &Element, selector: &str) -> Option<String> {
    find(root, selector).map(|element| text(&element).trim().to_owned())
}

/// The text of `element`.
pub fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// The control whose `<label>` inside `root` reads exactly `label`.
pub fn control_by_label(root: &Element, label: &str) -> Element {
    let labels = root.query_selector_all("label").unwrap();
    let label_element = (0..labels.length())
        .filter_map(|i| labels.item(i)?.dyn_into::<Element>().ok())
        .find(|element| text(element) == label)
        .unwrap_or_else(|| panic!("no label {label:?}; labels: {:?}", label_texts(root)));
    let id = label_element
        .get_attribute("for")
        .expect("label has a for attribute");
    find(root, &format!("#{id}")).unwrap_or_else(|| panic!("label {label:?} points at no #{id}"))
}

/// The text of every `<label>` inside `root`, in document order.
pub fn label_texts(root: &Element) -> Vec<String> {
    let labels = root.query_selector_all("label").unwrap();
    (0..labels.length())
        .filter_map(|i| labels.item(i)?.text_content())
        .collect()
}

/// The input labelled `label`.
pub fn input_by_label(root: &Element, label: &str) -> HtmlInputElement {
    control_by_label(root, label).dyn_into().unwrap()
}

/// The select labelled `label`.
pub fn select_by_label(root: &Element, label: &str) -> HtmlSelectElement {
    control_by_label(root, label).dyn_into().unwrap()
}

/// The buttons inside `root` named `name`: by `aria-label`, else by their trimmed text.
pub fn buttons_named(root: &Element, name: &str) -> Vec<HtmlElement> {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|button| {
            button
                .get_attribute("aria-label")
                .unwrap_or_else(|| text(button).trim().to_owned())
                == name
        })
        .collect()
}

/// The first button inside `root` named `name` (see [`buttons_named`]).
pub fn button(root: &Element, name: &str) -> HtmlElement {
    buttons_named(root, name)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no button {name:?}"))
}

/// Focuses and clicks `element`, as a pointer does, then lets the page update.
pub async fn click(element: &HtmlElement) {
    element.focus().unwrap();
    element.click();
    settle().await;
}

/// Clicks the first element inside `root` matching `selector` (see [`click`]).
pub async fn click_on(root: &Element, selector: &str) {
    let element = find(root, selector).unwrap_or_else(|| panic!("nothing matches {selector}"));
    click(element.unchecked_ref()).await;
}

/// Clicks the button inside `root` named `name` (see [`buttons_named`]).
pub async fn click_button(root: &Element, name: &str) {
    click(&button(root, name)).await;
}

/// Types `value` into `input` as a user would (value, then a bubbling `input` event).
pub async fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    dispatch(input, "input");
    settle().await;
}

/// Chooses `value` in `select` as a user would (value, then a bubbling `change` event).
pub async fn choose(select: &HtmlSelectElement, value: &str) {
    select.set_value(value);
    dispatch(select, "change");
    settle().await;
}

/// Ticks or clears the checkbox `input` as a user would.
pub async fn tick(input: &HtmlInputElement, checked: bool) {
    input.set_checked(checked);
    dispatch(input, "change");
    settle().await;
}

/// Fires a bubbling, cancelable `keydown` of `key` (with Shift when `shift`) at `target`.
pub async fn press_key(target: &Element, key: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
    settle().await;
}

/// Panics unless the text of `element` contains every one of `parts`.
pub fn assert_says(element: &Element, parts: &[&str]) {
    let said = text(element);
    for part in parts {
        assert!(said.contains(part), "{part:?} not in {said:?}");
    }
}

/// The element that has keyboard focus.
pub fn focused() -> Option<Element> {
    document().active_element()
}

/// The id of the element that has keyboard focus; empty when none has one.
pub fn focused_id() -> String {
    focused().map(|element| element.id()).unwrap_or_default()
}

/// The page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The page's localStorage.
pub fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Panics if `secret` is anywhere in localStorage or in the page's address.
pub fn assert_not_kept(secret: &str) {
    let storage = local_storage();
    for i in 0..storage.length().unwrap() {
        let key = storage.key(i).unwrap().unwrap();
        let value = storage.get_item(&key).unwrap().unwrap_or_default();
        assert!(!value.contains(secret), "{secret} stored under {key}");
    }
    let address = web_sys::window().unwrap().location().href().unwrap();
    assert!(!address.contains(secret), "{secret} in {address}");
}

fn dispatch(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}
