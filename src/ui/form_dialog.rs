//! The frame of a dialog that sends one request: a form, its failure, submit and cancel.

use yew::prelude::*;

use super::Dialog;

/// Props of [`FormDialog`].
#[derive(Properties, PartialEq)]
pub struct FormDialogProps {
    /// Id of the dialog (see [`Dialog`]).
    pub id: AttrValue,
    /// The heading.
    pub title: AttrValue,
    /// Text of the submit button.
    pub submit: AttrValue,
    /// Text of the submit button while the request is in flight, e.g. "Working…".
    pub working: AttrValue,
    /// Text of the cancel button.
    pub cancel: AttrValue,
    /// Class of the submit button, e.g. `button-primary`.
    pub submit_class: AttrValue,
    /// Whether the form may be sent (besides not being busy), e.g. a confirmation matches.
    #[prop_or(true)]
    pub ready: bool,
    /// True while the form's request is in flight.
    pub busy: bool,
    /// The last failure, shown above the buttons.
    #[prop_or_default]
    pub failure: Option<Html>,
    /// Called when the form is sent while ready and not busy.
    pub on_submit: Callback<()>,
    /// Called when the dialog is cancelled.
    pub on_cancel: Callback<()>,
    /// What the form says and asks before its failure and buttons.
    pub children: Html,
}

/// A [`Dialog`] holding a form: the children, the last failure, the submit button (its
/// `working` text while busy) and cancel. While busy both buttons are disabled and neither
/// Escape nor a click beside the dialog closes it.
#[component]
pub fn FormDialog(props: &FormDialogProps) -> Html {
    let busy = props.busy;
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
    let submit = if busy { &props.working } else { &props.submit };
    html! {
        <Dialog id={props.id.clone()} title={props.title.clone()} {on_dismiss}>
            <form {onsubmit}>
                { props.children.clone() }
                { props.failure.clone().unwrap_or_default() }
                <div class="form-actions">
                    <button type="submit" class={props.submit_class.clone()}
                        disabled={!props.ready || busy}>
                        { submit.clone() }
                    </button>
                    <button type="button" onclick={cancel} disabled={busy}>
                        { props.cancel.clone() }
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
