//! What the access key page shows besides the table: the open dialog, keys with a request in
//! flight, and the last outcome. A reducer, so that answers arriving in any order compose.

use std::rc::Rc;

use keyturn_core::error::Error;
use keyturn_core::inventory::UserRef;
use keyturn_core::types::credential::CreatedCredential;
use yew::Reducible;

use crate::i18n::KeysText;
use crate::state::DeleteRisk;

/// A dialog of the page, with its request state.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenDialog {
    /// Creating a key for `user`.
    Create {
        /// The owner of the new key.
        user: UserRef,
        /// The request is in flight.
        busy: bool,
        /// Why the last attempt failed.
        error: Option<Error>,
    },
    /// Editing the description of `access`.
    Edit {
        /// Access key id.
        access: String,
        /// Description before the edit.
        description: String,
        /// The request is in flight.
        busy: bool,
        /// Why the last attempt failed.
        error: Option<Error>,
    },
    /// Confirming the deletion of `access`.
    Delete {
        /// Access key id.
        access: String,
        /// Owner's name.
        user_name: String,
        /// Reasons to warn harder.
        risks: Vec<DeleteRisk>,
        /// The request is in flight.
        busy: bool,
        /// Why the last attempt failed.
        error: Option<Error>,
    },
    /// Showing a new key's secret, once. Dropped when the dialog closes.
    Secret {
        /// The new key with its secret (its `Debug` hides the secret).
        created: CreatedCredential,
        /// Owner's name.
        user_name: String,
    },
}

/// The outcome of the last action, shown above the table.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// It worked.
    Done(KeysText),
    /// It failed; the table is as it was.
    Failed(KeysText, Error),
}

/// Page state besides the inventory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConsoleState {
    /// The open dialog.
    pub dialog: Option<OpenDialog>,
    /// Keys whose status change is in flight.
    pub busy: Vec<String>,
    /// The last outcome.
    pub outcome: Option<Outcome>,
}

/// What happens on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum ConsoleAction {
    /// A dialog opens (replacing none while another one works).
    Open(OpenDialog),
    /// The dialog closes without acting.
    Close,
    /// The dialog's request was sent.
    DialogBusy,
    /// The dialog's request failed; it stays open with the error.
    DialogFailed(Error),
    /// A key was created: its secret is shown.
    Created {
        /// The new key with its secret.
        created: CreatedCredential,
        /// Owner's name.
        user_name: String,
    },
    /// The dialog's request worked: it closes with this outcome.
    DialogDone(KeysText),
    /// A status change was sent for this key.
    StatusSent(String),
    /// A status change for this key ended.
    StatusEnded(String, Outcome),
    /// The outcome message is hidden.
    Dismiss,
}

impl Reducible for ConsoleState {
    type Action = ConsoleAction;

    fn reduce(self: Rc<Self>, action: ConsoleAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ConsoleAction::Open(dialog) if !next.dialog_busy() => {
                next.dialog = Some(dialog);
                next.outcome = None;
            }
            ConsoleAction::Open(_) => return self,
            ConsoleAction::Close => next.dialog = None,
            ConsoleAction::DialogBusy => next.set_dialog_request(true, None),
            ConsoleAction::DialogFailed(error) => next.set_dialog_request(false, Some(error)),
            ConsoleAction::Created { created, user_name } => {
                next.outcome = Some(Outcome::Done(KeysText::Created {
                    access: created.access.clone(),
                    user: user_name.clone(),
                }));
                next.dialog = Some(OpenDialog::Secret { created, user_name });
            }
            ConsoleAction::DialogDone(text) => {
                next.dialog = None;
                next.outcome = Some(Outcome::Done(text));
            }
            ConsoleAction::StatusSent(access) => {
                next.busy.push(access);
                next.outcome = None;
            }
            ConsoleAction::StatusEnded(access, outcome) => {
                next.busy.retain(|busy| *busy != access);
                next.outcome = Some(outcome);
            }
            ConsoleAction::Dismiss => next.outcome = None,
        }
        Rc::new(next)
    }
}

impl ConsoleState {
    /// True while the open dialog's request is in flight.
    pub fn dialog_busy(&self) -> bool {
        matches!(
            self.dialog,
            Some(
                OpenDialog::Create { busy: true, .. }
                    | OpenDialog::Edit { busy: true, .. }
                    | OpenDialog::Delete { busy: true, .. }
            )
        )
    }

    fn set_dialog_request(&mut self, now_busy: bool, failure: Option<Error>) {
        match &mut self.dialog {
            Some(
                OpenDialog::Create { busy, error, .. }
                | OpenDialog::Edit { busy, error, .. }
                | OpenDialog::Delete { busy, error, .. },
            ) => {
                *busy = now_busy;
                *error = failure;
            }
            Some(OpenDialog::Secret { .. }) | None => {}
        }
    }
}
