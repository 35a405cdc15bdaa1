//! One rotation as it is saved after every step: who, which keys, where it stands, what the
//! server answered. Never a secret.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Mode, Stage};
use crate::ids::{AccessKeyId, UserId};

/// The minutes between two checks of the old key's last use, unless the user picks another.
pub const DEFAULT_WATCH_MINUTES: u32 = 5;

/// The shortest time between two checks, in minutes.
pub const MIN_WATCH_MINUTES: u32 = 1;

/// The new key: its AK and creation time (its secret is shown once and never kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewKey {
    /// Its AK.
    pub access: AccessKeyId,
    /// When IAM created it.
    pub created: DateTime<Utc>,
}

/// A write that was sent and whose answer has not been seen: after a reload or an unclear
/// failure, the user's keys are read again to learn what it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "write")]
pub enum Pending {
    /// Creating the new key; `keys_before` are the user's keys when it was sent.
    Create {
        /// The user's AKs before the request.
        keys_before: Vec<AccessKeyId>,
    },
    /// Disabling the old key.
    Disable,
    /// Re-enabling the old key (roll back).
    Enable,
    /// Deleting a key: the old one, an orphan, or one freeing a slot.
    Delete {
        /// The key.
        access: AccessKeyId,
    },
}

/// What the watch has seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Watch {
    /// Minutes between checks, at least [`MIN_WATCH_MINUTES`].
    pub every_minutes: u32,
    /// When watching began.
    pub since: Option<DateTime<Utc>>,
    /// The last check.
    pub checked: Option<DateTime<Utc>>,
    /// The old key's last use, as last checked.
    pub old_last_used: Option<DateTime<Utc>>,
    /// The new key's first use seen (its last use at the first check that showed one).
    pub new_first_used: Option<DateTime<Utc>>,
}

impl Default for Watch {
    fn default() -> Self {
        Self {
            every_minutes: DEFAULT_WATCH_MINUTES,
            since: None,
            checked: None,
            old_last_used: None,
            new_first_used: None,
        }
    }
}

/// How a rotation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The old key was deleted (or, in a quick rotation, disabled) and the new one is in use.
    Completed,
    /// The old key was deleted outside the wizard.
    OldKeyGone,
    /// The user stopped it; the keys are as they were left.
    Abandoned,
}

/// A change made to the old key outside the wizard, found on reading the keys again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Elsewhere {
    /// It was disabled: the rotation goes on to observing.
    Disabled,
    /// It was enabled again: the rotation goes back to watching.
    Enabled,
    /// It was deleted: the rotation ends.
    Deleted,
}

/// Something that moved the rotation, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub what: EventKind,
    /// The request id of the server's answer, when one moved it.
    pub request_id: Option<String>,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum EventKind {
    /// The rotation began.
    Started,
    /// A key was deleted to free a slot.
    SlotFreed {
        /// The key.
        access: AccessKeyId,
    },
    /// The new key was created.
    Created {
        /// Its AK.
        access: AccessKeyId,
    },
    /// A key appeared after an unclear create, its secret never seen.
    OrphanFound {
        /// Its AK.
        access: AccessKeyId,
    },
    /// The orphan was deleted.
    OrphanDeleted {
        /// Its AK.
        access: AccessKeyId,
    },
    /// The user saved the secret.
    SecretSaved,
    /// The applications were told to move; watching began.
    HandedOver,
    /// The user moved on before the advised week, warned.
    MovedOnEarly,
    /// The old key was disabled.
    Disabled,
    /// The old key was enabled again.
    RolledBack,
    /// The old key was deleted.
    Deleted,
    /// A write failed with a clear answer: nothing changed.
    Failed {
        /// What the server said.
        error: String,
    },
    /// What the keys' state on the server showed on reading them again.
    Reconciled {
        /// What changed outside the wizard.
        note: Elsewhere,
    },
    /// The user stopped the rotation.
    Abandoned,
}

/// One rotation of one access key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotationRecord {
    /// The key's owner.
    pub user_id: UserId,
    /// The owner's name.
    pub user_name: String,
    /// The key being replaced: also the rotation's id (one rotation per key).
    pub old: AccessKeyId,
    /// The new key, once created.
    pub new: Option<NewKey>,
    /// A key that appeared after an unclear create, its secret never seen: useless, to delete.
    pub orphan: Option<AccessKeyId>,
    /// How it goes.
    pub mode: Mode,
    /// Where it stands.
    pub stage: Stage,
    /// The write sent whose answer was not seen.
    pub pending: Option<Pending>,
    /// The watch of the old key's last use.
    pub watch: Watch,
    /// When it began.
    pub started: DateTime<Utc>,
    /// How it ended, once finished.
    pub outcome: Option<Outcome>,
    /// Everything that moved it, oldest first.
    pub events: Vec<Event>,
}

impl RotationRecord {
    /// A rotation of `old` (owned by `user_id`, named `user_name`) starting at `at`.
    pub fn new(
        user_id: UserId,
        user_name: String,
        old: AccessKeyId,
        mode: Mode,
        at: DateTime<Utc>,
    ) -> Self {
        Self {
            user_id,
            user_name,
            old,
            new: None,
            orphan: None,
            mode,
            stage: Stage::Preflight,
            pending: None,
            watch: Watch::default(),
            started: at,
            outcome: None,
            events: vec![Event {
                at,
                what: EventKind::Started,
                request_id: None,
            }],
        }
    }

    /// True once finished.
    pub fn is_finished(&self) -> bool {
        self.stage == Stage::Finished
    }

    pub(super) fn log(&mut self, at: DateTime<Utc>, what: EventKind, request_id: Option<String>) {
        self.events.push(Event {
            at,
            what,
            request_id,
        });
    }
}
