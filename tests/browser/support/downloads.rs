//! Files the page offers for download, caught before the browser saves them.

use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const realFetch = window.fetch.bind(window);
export function catch_downloads() {
  window.__keyturnDownloads = [];
  if (window.__keyturnCatching) return;
  window.__keyturnCatching = true;
  document.addEventListener('click', (event) => {
    const link = event.target;
    if (link instanceof HTMLAnchorElement && link.hasAttribute('download')) {
      event.preventDefault();
      window.__keyturnDownloads.push(realFetch(link.href).then((answer) => answer.text())
        .then((text) => ({ name: link.download, text })));
    }
  }, true);
}
export async function caught_downloads() {
  return JSON.stringify(await Promise.all(window.__keyturnDownloads || []));
}
"#)]
extern "C" {
    /// From now on, downloads are caught instead of saved; none is caught yet.
    pub fn catch_downloads();
    #[wasm_bindgen(catch)]
    async fn caught_downloads() -> Result<JsValue, JsValue>;
}

/// A file the page offered.
#[derive(Debug)]
pub struct Download {
    /// Its file name.
    pub name: String,
    /// Its content.
    pub text: String,
}

/// The files offered since [`catch_downloads`], in order.
pub async fn downloads() -> Vec<Download> {
    let json = caught_downloads().await.unwrap().as_string().unwrap();
    let caught: Vec<Value> = serde_json::from_str(&json).unwrap();
    caught
        .iter()
        .map(|file| Download {
            name: file["name"].as_str().unwrap().to_owned(),
            text: file["text"].as_str().unwrap().to_owned(),
        })
        .collect()
}
