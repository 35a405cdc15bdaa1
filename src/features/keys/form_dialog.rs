//! The frame of the dialogs that send one key request (see [`FormDialog`]).

use keyturn_core::request_state::RequestState;
use yew::prelude::*;

use super::KeyError;
use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::FormDialog;

/// Props of [`KeyFormDialog`].
#[derive(Properties, PartialEq)]
pub struct KeyFormDialogProps {
    /// Id of the dialog.
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

/// A [`FormDialog`] in the access key page's words, showing the request's last failure.
#[component]
pub fn KeyFormDialog(props: &KeyFormDialogProps) -> Html {
    let tr = use_text();
    let failure = props.request.error().cloned().map(|error| {
        html! { <KeyError context={props.failed.clone()} {error} /> }
    });
    html! {
        <FormDialog id={props.id.clone()} title={tr.t(props.title.clone().into())}
            submit={tr.t(props.submit.clone().into())} working={tr.t(KeysText::Working.into())}
            cancel={tr.t(KeysText::Cancel.into())} submit_class={props.submit_class.clone()}
            ready={props.ready} busy={props.request.is_pending()} {failure}
            on_submit={props.on_submit.clone()} on_cancel={props.on_cancel.clone()}>
            { props.children.clone() }
        </FormDialog>
    }
}
