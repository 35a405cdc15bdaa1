//! What the access key page shows besides the table: the open dialog and its request, keys
//! with a status change in flight, and the last notice. A reducer, so that answers arriving in
//! any order compose.

use crate::error::Error;
use crate::ids::AccessKeyId;
use crate::inventory::UserRef;
use crate::model::Model;
use crate::request_state::RequestState;
use crate::types::credential::CreatedCredential;

use super::DeleteRisk;

/// A dialog of the access key page.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyDialog {
    /// Creating a key for `user`.
    Create {
        /// The owner of the new key.
        user: UserRef,
    },
    /// Editing the description of `access`.
    Edit {
        /// Access key id.
        access: AccessKeyId,
        /// Description before the edit.
        description: String,
    },
    /// Confirming the deletion of `access`.
    Delete {
        /// Access key id.
        access: AccessKeyId,
        /// Owner's name.
        user_name: String,
        /// Reasons to warn harder.
        risks: Vec<DeleteRisk>,
    },
    /// Showing a new key's secret, once. Dropped when the dialog closes.
    Secret {
        /// The new key with its secret (its `Debug` hides the secret).
        created: CreatedCredential,
        /// Owner's name.
        user_name: String,
    },
}

/// A write of the page whose outcome is unknown: it got no answer, a gateway's 5xx or an answer
/// that could not be read (see [`is_unclear`](crate::rotation::is_unclear)), so IAM may have
/// done it. The dialog closes instead of offering to send it again, and the user's keys are read
/// again: the table then shows whether it was done.
#[derive(Clone, Debug, PartialEq)]
pub enum UnclearWrite {
    /// Creating a key for `user`: if IAM created it, its secret key was never shown.
    Create {
        /// Owner's name.
        user: String,
    },
    /// Deleting `access`.
    Delete {
        /// Access key id.
        access: AccessKeyId,
    },
}

/// What the last action came to, shown above the table.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyNotice {
    /// A key was created for a user.
    Created {
        /// The new key's id.
        access: AccessKeyId,
        /// Owner's name.
        user: String,
    },
    /// A key was enabled.
    Enabled(AccessKeyId),
    /// A key was disabled.
    Disabled(AccessKeyId),
    /// A key's description was saved.
    DescriptionSaved(AccessKeyId),
    /// A key was deleted.
    Deleted(AccessKeyId),
    /// Enabling a key failed; the table is as it was.
    EnableFailed(AccessKeyId, Error),
    /// Disabling a key failed; the table is as it was.
    DisableFailed(AccessKeyId, Error),
    /// A write got no clear answer; the owner's keys are being read again.
    Unclear(UnclearWrite, Error),
}

/// Page state besides the inventory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConsoleState {
    /// The open dialog.
    pub dialog: Option<KeyDialog>,
    /// The open dialog's request.
    pub request: RequestState,
    /// Keys whose status change is in flight.
    pub busy: Vec<AccessKeyId>,
    /// The last notice.
    pub notice: Option<KeyNotice>,
}

/// What happens on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum ConsoleAction {
    /// A dialog opens (replacing none while another one works).
    Open(KeyDialog),
    /// The dialog closes without acting (not while its request is in flight).
    Close,
    /// The dialog's request was sent.
    Sent,
    /// The dialog's request failed; it stays open with the error.
    Failed(Error),
    /// A key was created: its secret is shown.
    Created {
        /// The new key's id, checked.
        access: AccessKeyId,
        /// The new key with its secret.
        created: CreatedCredential,
        /// Owner's name.
        user_name: String,
    },
    /// The dialog's request worked: it closes with this notice.
    Done(KeyNotice),
    /// The dialog's request got no clear answer: it closes (its write is not offered again as
    /// if nothing had happened) with a notice saying so.
    Unclear(UnclearWrite, Error),
    /// A status change was sent for this key.
    StatusSent(AccessKeyId),
    /// A status change for this key ended.
    StatusEnded(AccessKeyId, KeyNotice),
    /// The notice is hidden.
    Dismiss,
}

impl ConsoleState {
    /// True while the open dialog's request is in flight.
    pub fn dialog_busy(&self) -> bool {
        self.dialog.is_some() && self.request.is_pending()
    }
}

impl Model for ConsoleState {
    type Action = ConsoleAction;

    fn apply(&mut self, action: ConsoleAction) -> bool {
        let before = self.clone();
        match action {
            ConsoleAction::Open(_) | ConsoleAction::Close if self.dialog_busy() => return false,
            ConsoleAction::Open(dialog) => {
                self.dialog = Some(dialog);
                self.request = RequestState::Idle;
                self.notice = None;
            }
            ConsoleAction::Close => {
                self.dialog = None;
                self.request = RequestState::Idle;
            }
            ConsoleAction::Sent => self.request = RequestState::Pending,
            ConsoleAction::Failed(error) => self.request = RequestState::Failed(error),
            ConsoleAction::Created {
                access,
                created,
                user_name,
            } => {
                self.notice = Some(KeyNotice::Created {
                    access,
                    user: user_name.clone(),
                });
                self.dialog = Some(KeyDialog::Secret { created, user_name });
                self.request = RequestState::Idle;
            }
            ConsoleAction::Done(notice) => {
                self.dialog = None;
                self.request = RequestState::Idle;
                self.notice = Some(notice);
            }
            ConsoleAction::Unclear(write, error) => {
                self.dialog = None;
                self.request = RequestState::Idle;
                self.notice = Some(KeyNotice::Unclear(write, error));
            }
            ConsoleAction::StatusSent(access) => {
                if !self.busy.contains(&access) {
                    self.busy.push(access);
                }
                self.notice = None;
            }
            ConsoleAction::StatusEnded(access, notice) => {
                self.busy.retain(|busy| *busy != access);
                self.notice = Some(notice);
            }
            ConsoleAction::Dismiss => self.notice = None,
        }
        *self != before
    }
}
