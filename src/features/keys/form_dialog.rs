//! The frame of the dialogs that send one key request: a form, its failure, submit and cancel.

use keyturn_core::request_state::RequestState;
use yew::prelude::*;

use super::KeyError;
use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::Dialog;

/// Props of [`KeyFormDialog`].
#[derive(Properties, PartialEq)]
pub struct KeyFormDialogProps {
    /// Id of the dialog (see [`Dialog`]).
    pub id: AttrValue,
    /// The heading.
    pub title: KeysText,
    /// Text of the submit button.
    pub submit: KeysText,
    /// Class of the submit button, e.g. `button-primary`.
    pub submit_class: AttrValue,
    /// Whether the form may be sent (besides not being busy), e.g. a confirmation matches.
    #[prop_or(true)]
    pub ready: bool,
    /// Where the form's request stands.
    pub request: RequestState,
    /// What failed, said above the error.
    pub failed: KeysText,
    /// Called when the form is sent while ready and not busy.
    pub on_submit: Callback<()>,
    /// Called when the dialog is cancelled.
    pub on_cancel: Callback<()>,
    /// What the form says and asks before its failure and buttons.
    pub children: Html,
}

/// A [`Dialog`] holding a form: the children, the last failure, the submit button (its text
/// "Working…" while busy) and "Cancel". While busy both buttons are disabled and neither Escape
/// nor a click beside the dialog closes it.
#[component]
pub fn KeyFormDialog(props: &KeyFormDialogProps) -> Html {
    let tr = use_text();
    let busy = props.request.is_pending();
    let onsubmit = {
        let (on_submit, ready) = (props.on_submit.clone(), props.ready && !busy);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if ready {
                on_submit.emit(());
            }
        })
    };
    let on_dismiss = (!busy).then(|| props.on_cancel.clone());
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let submit = if busy {
        KeysText::Working
    } else {
        props.submit.clone()
    };
    html! {
        <Dialog id={props.id.clone()} title={tr.t(props.title.clone().into())} {on_dismiss}>
            <form {onsubmit}>
                { props.children.clone() }
                if let Some(error) = props.request.error().cloned() {
                    <KeyError context={props.failed.clone()} {error} />
                }
                <div class="form-actions">
                    <button type="submit" class={props.submit_class.clone()}
                        disabled={!props.ready || busy}>
                        { tr.t(submit.into()) }
                    </button>
                    <button type="button" onclick={cancel} disabled={busy}>
                        { tr.t(KeysText::Cancel.into()) }
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
