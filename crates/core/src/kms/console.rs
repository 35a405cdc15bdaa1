//! The KMS page's dialogs and notices: which key's rotation is being changed, whether its
//! request is in flight, and how the last change ended. A reducer, like the page's data.

use super::{RotationInterval, RotationStatus};
use crate::error::Error;
use crate::ids::KmsKeyId;
use crate::model::Model;
use crate::request_state::RequestState;

/// The open dialog of the KMS page.
#[derive(Debug, Clone, PartialEq)]
pub enum KmsDialog {
    /// Turn rotation on, at an interval to choose.
    Enable {
        /// The key.
        key: KmsKeyId,
        /// Its alias, for the title.
        alias: String,
    },
    /// Change the interval of a key whose rotation is on.
    Interval {
        /// The key.
        key: KmsKeyId,
        /// Its alias.
        alias: String,
        /// Its confirmed status.
        current: RotationStatus,
    },
    /// Turn rotation off (a confirmation).
    Disable {
        /// The key.
        key: KmsKeyId,
        /// Its alias.
        alias: String,
    },
    /// A change of the selected keys' rotation: choose, preview, run.
    Bulk,
}

impl KmsDialog {
    /// The key whose rotation the dialog changes; `None` for a bulk change.
    pub fn key(&self) -> Option<&KmsKeyId> {
        match self {
            KmsDialog::Enable { key, .. }
            | KmsDialog::Interval { key, .. }
            | KmsDialog::Disable { key, .. } => Some(key),
            KmsDialog::Bulk => None,
        }
    }
}

/// How the last change of one key's rotation ended.
#[derive(Debug, Clone, PartialEq)]
pub enum KmsNotice {
    /// Rotation enabled; its interval is `days` (both writes confirmed when it is not 365).
    Enabled {
        /// Alias.
        alias: String,
        /// The interval KMS confirmed.
        days: u32,
    },
    /// Rotation enabled (at 365 days), then setting the interval wanted failed.
    EnabledIntervalFailed {
        /// Alias.
        alias: String,
        /// The interval that was asked for.
        wanted: RotationInterval,
        /// Why setting it failed.
        error: Error,
    },
    /// The interval changed.
    IntervalChanged {
        /// Alias.
        alias: String,
        /// The interval KMS confirmed.
        days: u32,
    },
    /// Rotation disabled.
    Disabled {
        /// Alias.
        alias: String,
    },
}

/// The dialogs and notices of the KMS page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KmsConsoleState {
    /// The open dialog.
    pub dialog: Option<KmsDialog>,
    /// The open dialog's request.
    pub request: RequestState,
    /// How the last change ended, until dismissed or another dialog opens.
    pub notice: Option<KmsNotice>,
}

/// Something the person did, or an answer to the dialog's request.
#[derive(Debug, Clone, PartialEq)]
pub enum KmsConsoleAction {
    /// Opens a dialog (not while another one's request is in flight).
    Open(KmsDialog),
    /// Closes the dialog without acting (not while its request is in flight).
    Close,
    /// The dialog's request was sent.
    Sent,
    /// The dialog's request failed before anything changed: the dialog stays open with the error.
    Failed(Error),
    /// The dialog's change ended (the server confirmed at least its first write): the dialog
    /// closes and the notice says how it went.
    Done(KmsNotice),
    /// Hides the notice.
    Dismiss,
}

impl Model for KmsConsoleState {
    type Action = KmsConsoleAction;

    fn apply(&mut self, action: KmsConsoleAction) -> bool {
        let busy = self.request.is_pending();
        match action {
            KmsConsoleAction::Open(dialog) if !busy => {
                *self = Self {
                    dialog: Some(dialog),
                    ..Self::default()
                };
                true
            }
            KmsConsoleAction::Close if !busy && self.dialog.is_some() => {
                self.dialog = None;
                self.request = RequestState::Idle;
                true
            }
            KmsConsoleAction::Sent if self.dialog.is_some() && !busy => {
                self.request = RequestState::Pending;
                true
            }
            KmsConsoleAction::Failed(error) if busy => {
                self.request = RequestState::Failed(error);
                true
            }
            KmsConsoleAction::Done(notice) if busy => {
                *self = Self {
                    notice: Some(notice),
                    ..Self::default()
                };
                true
            }
            KmsConsoleAction::Dismiss if self.notice.is_some() => {
                self.notice = None;
                true
            }
            _ => false,
        }
    }
}
