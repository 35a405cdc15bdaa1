//! The screen a panic leaves instead of a dead page.
//!
//! A panic in the wasm ends the app (release builds abort, and the instance cannot run again),
//! and the page would stay as it was, its buttons doing nothing. The hook installed by
//! [`install_panic_screen`] writes a full-page error over it with the DOM API alone (the app's
//! state cannot be trusted any more): what happened, a link that loads the page again, and the
//! panic's message under "Technical details". The message is also written to the console.

use web_sys::{Document, Element};

use crate::i18n::{Lang, Text, text};

/// Id of the screen's root element.
pub const PANIC_SCREEN_ID: &str = "panic-screen";

/// Longest panic message shown, in characters.
const DETAIL_MAX_CHARS: usize = 600;

/// Makes every later panic show the panic screen.
pub fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| show_panic_screen(&info.to_string())));
}

/// Shows the panic screen with `detail` (a panic's message) in the language of the page, once:
/// a second panic leaves the first screen as it is.
pub fn show_panic_screen(detail: &str) {
    web_sys::console::error_1(&format!("Keyturn stopped: {detail}").into());
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if document.get_element_by_id(PANIC_SCREEN_ID).is_some() {
        return;
    }
    let _ = render(&document, detail);
}

fn render(document: &Document, detail: &str) -> Option<()> {
    let body = document.body()?;
    let lang = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::En);
    let say = |message: Text| text(lang, &message).into_owned();

    // Everything else on the page is dead: take it out of reach of the keyboard and
    // assistive technology.
    let children = body.children();
    for index in 0..children.length() {
        if let Some(child) = children.item(index) {
            let _ = child.set_attribute("inert", "");
            let _ = child.set_attribute("aria-hidden", "true");
        }
    }

    let screen = document.create_element("section").ok()?;
    screen.set_id(PANIC_SCREEN_ID);
    screen.set_class_name("panic-screen");
    screen.set_attribute("role", "alert").ok()?;
    screen.set_attribute("lang", lang.code()).ok()?;
    add(document, &screen, "h1", &say(Text::PanicTitle))?;
    add(document, &screen, "p", &say(Text::PanicBody))?;

    // A link to this very address: it loads the page again without any script, which the
    // stopped app could no longer run. Without the fragment, so that it is a real load.
    let actions = add(document, &screen, "p", "")?;
    let reload = add(document, &actions, "a", &say(Text::PanicReload))?;
    let href = document
        .location()
        .and_then(|location| location.href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    reload.set_attribute("href", &href).ok()?;
    reload.set_class_name("button button-primary");
    reload.set_attribute("data-testid", "panic-reload").ok()?;
    let details = add(document, &screen, "details", "")?;
    add(document, &details, "summary", &say(Text::PanicDetails))?;
    add(document, &details, "pre", &cut(detail, DETAIL_MAX_CHARS))?;

    body.append_child(&screen).ok()?;
    if let Some(link) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&reload) {
        let _ = link.focus();
    }
    Some(())
}

/// A new `tag` element holding `content` as text, appended to `parent`.
fn add(document: &Document, parent: &Element, tag: &str, content: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if !content.is_empty() {
        element.set_text_content(Some(content));
    }
    parent.append_child(&element).ok()?;
    Some(element)
}

/// `text` cut to `max` characters, with `…` when cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}
