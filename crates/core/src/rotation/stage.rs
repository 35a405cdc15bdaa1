//! Where a rotation stands: the steps of the safe wizard, and the short path of a quick one.

use serde::{Deserialize, Serialize};

/// A step of a rotation, in the order the safe wizard takes them (seed 001).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The user's keys are checked: is there a free slot for the new key?
    Preflight,
    /// The new key is created; its secret is shown once, until "I have saved it".
    Create,
    /// What to change where: the applications move to the new key.
    HandOver,
    /// The old key's last use is watched.
    Watch,
    /// The old key is disabled (a confirmation).
    Disable,
    /// The old key is disabled; *Roll back* re-enables it.
    Observe,
    /// The old key is deleted (typed confirmation).
    Delete,
    /// A quick rotation's one confirmed step: disable or delete the old key (seed 000).
    Replace,
    /// Nothing more to do; the record moves to the history.
    Finished,
}

/// How a rotation goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The zero-downtime wizard: hand over, watch, disable, observe, delete.
    Safe,
    /// Create the new key, then disable or delete the old one at once.
    Quick,
}

/// What a quick rotation does to the old key once the new secret is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OldKeyEnd {
    /// Disable it (the default: it can be re-enabled).
    Disable,
    /// Delete it.
    Delete,
}
