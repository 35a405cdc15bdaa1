//! A modal dialog: labelled by its heading, keeps keyboard focus inside, gives it back on close.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};
use yew::prelude::*;

/// Everything that can take keyboard focus.
const FOCUSABLE: &str = "input:not([disabled]), select:not([disabled]), \
    textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex=\"-1\"])";

/// Where focus starts: the first text field, else the first focusable element.
const FIRST_FIELD: &str = "input:not([disabled]):not([type=\"checkbox\"]), \
    select:not([disabled]), textarea:not([disabled])";

/// Props of [`Dialog`].
#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// Id of the dialog; its heading gets `{id}-title`.
    pub id: AttrValue,
    /// The heading, also the dialog's accessible name.
    pub title: AttrValue,
    /// Called on Escape or a click beside the dialog. `None` makes the dialog closable only
    /// by its own buttons.
    #[prop_or_default]
    pub on_dismiss: Option<Callback<()>>,
    /// The dialog's content.
    pub children: Html,
}

/// `role="dialog"` with `aria-modal`, over a backdrop. On opening, focus moves to the first
/// text field (else the first control); Tab and Shift+Tab cycle inside; on closing, focus
/// returns to the element that had it before (or to the page's main region when that element
/// is gone).
#[component]
pub fn Dialog(props: &DialogProps) -> Html {
    let dialog = use_node_ref();
    let backdrop = use_node_ref();
    // Read while rendering, before the page behind the dialog can become inert and lose focus.
    let opener = use_mut_ref(active_element);
    {
        let dialog = dialog.clone();
        use_effect_with((), move |()| {
            if let Some(dialog) = dialog.cast::<Element>() {
                let first = dialog
                    .query_selector(FIRST_FIELD)
                    .ok()
                    .flatten()
                    .or_else(|| focusables(&dialog).into_iter().next().map(Into::into));
                if let Some(first) = first.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                    let _ = first.focus();
                }
            }
            move || {
                let opener = opener.borrow_mut().take();
                // After the page behind the dialog is interactive again.
                wasm_bindgen_futures::spawn_local(async move {
                    TimeoutFuture::new(0).await;
                    restore_focus(opener);
                });
            }
        });
    }
    let onkeydown = {
        let (dialog, on_dismiss) = (dialog.clone(), props.on_dismiss.clone());
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Escape" => {
                event.prevent_default();
                event.stop_propagation();
                if let Some(on_dismiss) = &on_dismiss {
                    on_dismiss.emit(());
                }
            }
            "Tab" => {
                if let Some(dialog) = dialog.cast::<Element>() {
                    trap_tab(&dialog, &event);
                }
            }
            _ => {}
        })
    };
    let onclick = {
        let (backdrop, on_dismiss) = (backdrop.clone(), props.on_dismiss.clone());
        Callback::from(move |event: MouseEvent| {
            let target = event.target().and_then(|t| t.dyn_into::<Node>().ok());
            let on_backdrop = backdrop
                .get()
                .is_some_and(|backdrop| backdrop.is_same_node(target.as_ref()));
            if let (true, Some(on_dismiss)) = (on_backdrop, &on_dismiss) {
                on_dismiss.emit(());
            }
        })
    };
    let title_id = format!("{}-title", props.id);
    html! {
        <div ref={backdrop} class="dialog-backdrop" {onclick}>
            <div ref={dialog} id={props.id.clone()} class="dialog" role="dialog" aria-modal="true"
                aria-labelledby={title_id.clone()} {onkeydown}>
                <h2 id={title_id}>{ props.title.clone() }</h2>
                { props.children.clone() }
            </div>
        </div>
    }
}

fn active_element() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into()
        .ok()
}

/// Focuses `opener`, or the main region when it is gone; leaves focus alone when another
/// dialog has taken it meanwhile (e.g. the secret dialog that follows creation).
fn restore_focus(opener: Option<HtmlElement>) {
    let in_dialog = active_element()
        .and_then(|active| active.closest("[aria-modal=\"true\"]").ok().flatten())
        .is_some();
    if in_dialog {
        return;
    }
    let target = opener.filter(|e| e.is_connected()).or_else(|| {
        web_sys::window()?
            .document()?
            .get_element_by_id("main")?
            .dyn_into()
            .ok()
    });
    if let Some(target) = target {
        let _ = target.focus();
    }
}

fn focusables(dialog: &Element) -> Vec<HtmlElement> {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Keeps Tab inside the dialog: past the last control to the first, and back.
fn trap_tab(dialog: &Element, event: &KeyboardEvent) {
    let controls = focusables(dialog);
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        event.prevent_default();
        return;
    };
    let active = active_element();
    let at = |edge: &HtmlElement| active.as_ref().is_some_and(|a| a == edge);
    let inside = active
        .as_ref()
        .is_some_and(|a| dialog.contains(Some(a.unchecked_ref::<Node>())));
    if event.shift_key() && (at(first) || !inside) {
        event.prevent_default();
        let _ = last.focus();
    } else if !event.shift_key() && (at(last) || !inside) {
        event.prevent_default();
        let _ = first.focus();
    }
}
