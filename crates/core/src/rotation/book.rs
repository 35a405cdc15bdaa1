//! Every rotation in progress and the ones that ended, as saved in localStorage after every
//! step (never a secret), so that a closed tab or browser resumes where it was.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{RotationRecord, Step};
use crate::ids::AccessKeyId;
use crate::model::Model;

/// The localStorage key of the [`RotationBook`].
pub const ROTATIONS_KEY: &str = "keyturn.rotations";

/// The most ended rotations kept in the history.
pub const HISTORY_LIMIT: usize = 200;

/// Rotations in progress (one per old key) and ended ones, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotationBook {
    /// In progress.
    pub active: Vec<RotationRecord>,
    /// Ended, newest first.
    pub history: Vec<RotationRecord>,
}

/// Why a rotation cannot start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StartRefused {
    /// The key is already being rotated.
    #[error("{0} is already being rotated")]
    AlreadyRotating(AccessKeyId),
    /// The key is the new key of a rotation in progress.
    #[error("{0} is the new key of a rotation in progress")]
    NewKeyOfRotation(AccessKeyId),
}

impl RotationBook {
    /// Reads a saved book; anything unreadable starts an empty one.
    pub fn from_json(text: &str) -> Self {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The book as saved.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The rotation in progress of `old`.
    pub fn active(&self, old: &str) -> Option<&RotationRecord> {
        self.active.iter().find(|record| record.old == old)
    }

    /// Whether a rotation of `record.old` may start.
    pub fn can_start(&self, old: &AccessKeyId) -> Result<(), StartRefused> {
        if self.active(old).is_some() {
            return Err(StartRefused::AlreadyRotating(old.clone()));
        }
        if self
            .active
            .iter()
            .any(|record| record.new.as_ref().is_some_and(|new| new.access == *old))
        {
            return Err(StartRefused::NewKeyOfRotation(old.clone()));
        }
        Ok(())
    }
}

/// A change of the book.
// A record rides in `Start` unboxed: an action is built once per click or answer, and the UI
// matches on `Start(record)` as it is.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookAction {
    /// A rotation starts (refused when [`RotationBook::can_start`] says no).
    Start(RotationRecord),
    /// Steps of the rotation of `old`, applied in order at `at` (each refused one is skipped).
    Steps {
        /// The rotation.
        old: AccessKeyId,
        /// Its steps.
        steps: Vec<Step>,
        /// When.
        at: DateTime<Utc>,
    },
    /// The book as another tab saved it.
    Replaced(RotationBook),
}

impl Model for RotationBook {
    type Action = BookAction;

    fn apply(&mut self, action: BookAction) -> bool {
        match action {
            BookAction::Start(record) => {
                if self.can_start(&record.old).is_err() {
                    return false;
                }
                self.active.push(record);
                true
            }
            BookAction::Steps { old, steps, at } => {
                let Some(at_index) = self.active.iter().position(|r| r.old == old) else {
                    return false;
                };
                let record = &mut self.active[at_index];
                let applied = steps
                    .into_iter()
                    .map(|step| record.apply(step, at))
                    .filter(Result::is_ok)
                    .count();
                if record.is_finished() {
                    let ended = self.active.remove(at_index);
                    self.history.insert(0, ended);
                    self.history.truncate(HISTORY_LIMIT);
                }
                applied > 0
            }
            BookAction::Replaced(book) => {
                let changed = *self != book;
                *self = book;
                changed
            }
        }
    }
}
