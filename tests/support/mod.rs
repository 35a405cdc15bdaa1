//! Mounting components into the test page and driving them like a user.

#![allow(dead_code)]

use keyturn::components::Header;
use keyturn::state::{ConfigError, ConfigSource, LangProvider, Settings, SettingsProvider};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::Router;
use yew_router::history::{AnyHistory, MemoryHistory};

/// Props of [`Harness`].
#[derive(Properties, PartialEq)]
pub struct HarnessProps {
    /// What config.json is taken to say.
    pub config: Result<Settings, ConfigError>,
    /// The component under test.
    pub children: Html,
}

/// Router in memory, language and settings providers, the header, then the children.
#[component]
pub fn Harness(props: &HarnessProps) -> Html {
    let history = use_state(|| AnyHistory::from(MemoryHistory::new()));
    html! {
        <Router history={(*history).clone()}>
            <LangProvider>
                <SettingsProvider source={ConfigSource::Fixed(props.config.clone())}>
                    <Header />
                    <main>{ props.children.clone() }</main>
                </SettingsProvider>
            </LangProvider>
        </Router>
    }
}

/// Renders `children` inside a [`Harness`] into a fresh div on the page, then waits for it.
pub async fn mount(config: Result<Settings, ConfigError>, children: Html) -> Element {
    let document = gloo_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), HarnessProps { config, children })
        .render();
    settle().await;
    root
}

/// Lets Yew finish rendering and running effects.
pub async fn settle() {
    for _ in 0..3 {
        yew::scheduler::flush().await;
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

/// Clears every localStorage key Keyturn uses and sets the language to `lang`.
pub fn fresh_storage(lang: &str) {
    let storage = local_storage();
    storage.clear().unwrap();
    storage.set_item("keyturn.lang", lang).unwrap();
}

/// The page's localStorage.
pub fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn gloo_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The control whose `<label>` inside `root` reads exactly `label`.
pub fn control_by_label(root: &Element, label: &str) -> Element {
    let labels = root.query_selector_all("label").unwrap();
    let label_element = (0..labels.length())
        .filter_map(|i| labels.item(i)?.dyn_into::<Element>().ok())
        .find(|element| element.text_content().unwrap_or_default() == label)
        .unwrap_or_else(|| panic!("no label {label:?}; labels: {:?}", label_texts(root)));
    let id = label_element
        .get_attribute("for")
        .expect("label has a for attribute");
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("label {label:?} points at missing #{id}"))
}

/// The text of every `<label>` inside `root`, in document order.
pub fn label_texts(root: &Element) -> Vec<String> {
    let labels = root.query_selector_all("label").unwrap();
    (0..labels.length())
        .filter_map(|i| labels.item(i)?.text_content())
        .collect()
}

/// The text input labelled `label`.
pub fn input_by_label(root: &Element, label: &str) -> HtmlInputElement {
    control_by_label(root, label).dyn_into().unwrap()
}

/// The select labelled `label`.
pub fn select_by_label(root: &Element, label: &str) -> HtmlSelectElement {
    control_by_label(root, label).dyn_into().unwrap()
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

/// Clicks the button inside `root` whose text is exactly `text`.
pub async fn click_button(root: &Element, text: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    let button: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|button| button.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text:?}"));
    button.click();
    settle().await;
}

/// The first element inside `root` matching `selector`, if any.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

/// The trimmed text of the first element inside `root` matching `selector`.
pub fn text_of(root: &Element, selector: &str) -> Option<String> {
    find(root, selector).map(|element| element.text_content().unwrap_or_default().trim().to_owned())
}

fn dispatch(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}
