//! Browser file saving and clipboard copying for text the page builds.

use std::cell::Cell;

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Clipboard, HtmlAnchorElement, Url};

/// How long the object URL of a saved file stays valid, in milliseconds: long enough for the
/// browser to start the download, short enough that the content does not linger.
const OBJECT_URL_LIFETIME_MS: u32 = 10_000;

/// Offers `text` as a download named `file_name` with the MIME type `mime`: a Blob, an object
/// URL and a temporary `<a download>` that is clicked and removed. The URL is revoked soon after.
pub fn save_text_file(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    body.append_child(&link)?;
    link.click();
    body.remove_child(&link)?;
    wasm_bindgen_futures::spawn_local(async move {
        TimeoutFuture::new(OBJECT_URL_LIFETIME_MS).await;
        let _ = Url::revoke_object_url(&url);
    });
    Ok(())
}

/// How long a copied secret stays on the clipboard, in milliseconds: a minute.
pub const CLIPBOARD_CLEAR_MS: u32 = 60_000;

thread_local! {
    /// Counts the copies of this page, so that a clearing scheduled for one copy leaves a later
    /// copy alone.
    static COPIES: Cell<u64> = const { Cell::new(0) };
}

/// Puts `text` on the clipboard; fails where the browser offers no clipboard (pages not served
/// from a secure origin) or refuses.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    COPIES.with(|copies| copies.set(copies.get() + 1));
    write_clipboard(text).await
}

/// Puts the secret `text` on the clipboard as [`copy_text`] does, and empties the clipboard
/// `clear_after_ms` later (the app uses [`CLIPBOARD_CLEAR_MS`]) if the page then still has the
/// focus and nothing was copied from it since. Without the focus the browser refuses to write
/// the clipboard, and whatever is on it then may be the user's own copy from elsewhere.
pub async fn copy_secret(text: &str, clear_after_ms: u32) -> Result<(), JsValue> {
    copy_text(text).await?;
    let this_copy = COPIES.with(Cell::get);
    wasm_bindgen_futures::spawn_local(async move {
        TimeoutFuture::new(clear_after_ms).await;
        let still_ours = COPIES.with(Cell::get) == this_copy;
        let focused = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.has_focus().ok())
            .unwrap_or(false);
        if still_ours && focused {
            let _ = write_clipboard("").await;
        }
    });
    Ok(())
}

async fn write_clipboard(text: &str) -> Result<(), JsValue> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err("no clipboard".into());
    }
    let clipboard: Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text)).await.map(drop)
}
