//! The shared widgets on their own: the dialog's focus handling and dismissal, the copy button.

use keyturn::ui::{CopyButton, Dialog};
use wasm_bindgen_test::*;
use yew::prelude::*;

use crate::support::*;

#[derive(Properties, PartialEq)]
struct OpenerProps {
    /// Whether Escape and a click beside the dialog close it.
    dismissable: bool,
}

/// A button that opens a dialog with a field and a "Done" button that closes it.
#[component]
fn Opener(props: &OpenerProps) -> Html {
    let open = use_state(|| false);
    let show = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let hide = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    let done = {
        let hide = hide.clone();
        Callback::from(move |_: MouseEvent| hide.emit(()))
    };
    html! {
        <>
            <button type="button" id="opener" onclick={show}>{ "Open" }</button>
            if *open {
                <Dialog id="test-dialog" title="Test dialog"
                    on_dismiss={props.dismissable.then_some(hide)}>
                    <p>{ "Say something." }</p>
                    <input type="text" id="first-field" />
                    <button type="button" id="done" onclick={done}>{ "Done" }</button>
                </Dialog>
            }
        </>
    }
}

async fn opened(dismissable: bool) -> Mounted {
    let page = Page::new().mount(html! { <Opener {dismissable} /> }).await;
    click_button(&page, "Open").await;
    page
}

fn is_open(page: &Mounted) -> bool {
    find(page, "[role=\"dialog\"]").is_some()
}

#[wasm_bindgen_test]
async fn a_dialog_takes_focus_keeps_it_inside_and_gives_it_back() {
    let page = opened(false).await;
    let dialog = find(&page, "[role=\"dialog\"]").unwrap();
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        text_of(&page, &format!("#{title}")).as_deref(),
        Some("Test dialog")
    );
    assert_eq!(
        focused_id(),
        "first-field",
        "focus starts on the first field"
    );

    button(&page, "Done").focus().unwrap();
    press_key(&dialog, "Tab", false).await;
    assert_eq!(
        focused_id(),
        "first-field",
        "past the last control to the first"
    );
    press_key(&dialog, "Tab", true).await;
    assert_eq!(focused_id(), "done", "before the first control to the last");

    click_button(&page, "Done").await;
    assert!(!is_open(&page));
    assert_eq!(focused_id(), "opener", "focus goes back to the opener");
}

#[wasm_bindgen_test]
async fn escape_and_a_click_beside_close_only_a_dismissable_dialog() {
    let page = opened(true).await;
    click_on(&page, "[role=\"dialog\"] p").await;
    assert!(is_open(&page), "a click inside keeps it");
    press_key(&find(&page, "#first-field").unwrap(), "Escape", false).await;
    assert!(!is_open(&page), "Escape closes it");
    click_button(&page, "Open").await;
    click_on(&page, ".dialog-backdrop").await;
    assert!(!is_open(&page), "a click beside closes it");

    let page = opened(false).await;
    press_key(&find(&page, "#first-field").unwrap(), "Escape", false).await;
    click_on(&page, ".dialog-backdrop").await;
    assert!(is_open(&page), "only its own buttons close it");
}

#[wasm_bindgen_test]
async fn the_copy_button_says_whether_it_copied() {
    let page = Page::new()
        .mount(html! { <CopyButton text="AKEXAMPLE" label="Copy AKEXAMPLE" /> })
        .await;
    let copy = button(&page, "Copy AKEXAMPLE");
    assert_eq!(text(&copy), "Copy");
    assert_eq!(text_of(&page, "[role=status]").as_deref(), Some(""));
    click(&copy).await;
    wait_until("the outcome is said", || {
        !text_of(&page, "[role=status]").unwrap().is_empty()
    })
    .await;
    let said = text_of(&page, "[role=status]").unwrap();
    assert!(
        said == "Copied. Keyturn empties the clipboard in a minute if this page still has the focus."
            || said == "This browser refused to copy; select the text instead.",
        "{said}"
    );
}
