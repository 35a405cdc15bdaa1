//! Which KMS keys the table shows.

use super::KmsKeyState;
use super::row::{KmsKeyRow, fold};

/// Conditions a row must all meet to be shown; the default shows every row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct KmsFilter {
    /// Only keys whose rotation is on (`true`) or off (`false`), as
    /// [`KmsKeyRow::rotation_enabled`] says; keys that cannot rotate are neither.
    pub rotation: Option<bool>,
    /// Only keys rotating every more than this many days (rotation on, status known).
    pub interval_above: Option<u32>,
    /// Only keys rotating every fewer than this many days (rotation on, status known).
    pub interval_below: Option<u32>,
    /// Only keys in this state.
    pub state: Option<KmsKeyState>,
    /// Only keys that cannot rotate.
    pub not_rotatable: bool,
    /// Only keys whose alias or id contains this text, ignoring case and surrounding spaces.
    pub search: String,
}

impl KmsFilter {
    /// True when the row meets every condition.
    pub fn matches(&self, row: &KmsKeyRow) -> bool {
        self.matches_folded(row, &fold(self.search.trim()))
    }

    /// True when some condition is set: the table may hide rows.
    pub fn is_active(&self) -> bool {
        self.rotation.is_some()
            || self.interval_above.is_some()
            || self.interval_below.is_some()
            || self.state.is_some()
            || self.not_rotatable
            || !self.search.trim().is_empty()
    }

    /// [`KmsFilter::matches`] with the search already folded to lower case (once for many rows).
    pub(super) fn matches_folded(&self, row: &KmsKeyRow, needle: &str) -> bool {
        let interval = row.interval_days();
        self.rotation
            .is_none_or(|on| row.rotation_enabled() == Some(on))
            && self
                .interval_above
                .is_none_or(|days| interval.is_some_and(|i| i > days))
            && self
                .interval_below
                .is_none_or(|days| interval.is_some_and(|i| i < days))
            && self.state.is_none_or(|state| row.state == state)
            && (!self.not_rotatable || row.rotatable().is_err())
            && (needle.is_empty() || row.folded().search.contains(needle))
    }
}
