//! Which rows the table shows.

use super::row::{KeyRow, UserRef, fold};
use crate::policy::Badge;
use crate::types::credential::KeyStatus;

/// Conditions a row must all meet to be shown; the default shows every row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Only keys with this status.
    pub status: Option<KeyStatus>,
    /// Only keys with this rotation badge.
    pub badge: Option<Badge>,
    /// Only keys never used (whatever their age, as the "last used" column says "never").
    pub never_used: bool,
    /// Only keys idle for at least this many whole days (see [`KeyRow::idle_days`]): a key
    /// last used 30 days and 5 hours ago, or never used and created as long ago, passes 30.
    pub unused_over_days: Option<u32>,
    /// Only keys whose user name, user id or access key contains this text, ignoring case
    /// and surrounding spaces.
    pub search: String,
}

impl Filter {
    /// True when the row meets every condition.
    pub fn matches(&self, row: &KeyRow) -> bool {
        self.matches_folded(row, &fold(self.search.trim()))
    }

    /// [`Filter::matches`] with the search already folded to lower case (once for many rows).
    pub(super) fn matches_folded(&self, row: &KeyRow, needle: &str) -> bool {
        self.status.is_none_or(|s| row.key.status == s)
            && self.badge.is_none_or(|b| row.assessment.badge == b)
            && (!self.never_used || row.never_used())
            && self
                .unused_over_days
                .is_none_or(|days| row.idle_days() >= i64::from(days))
            && (needle.is_empty() || row.folded().search.contains(needle))
    }

    /// True when a user without keys belongs in the view: only the search applies to them,
    /// and any condition on keys leaves them out.
    pub fn matches_keyless_user(&self, user: &UserRef) -> bool {
        !self.constrains_keys() && self.search_matches(&[&user.name, &user.id])
    }

    /// True when some condition is set: the table may hide rows.
    pub fn is_active(&self) -> bool {
        self.constrains_keys() || !self.search.trim().is_empty()
    }

    fn constrains_keys(&self) -> bool {
        self.status.is_some()
            || self.badge.is_some()
            || self.never_used
            || self.unused_over_days.is_some()
    }

    fn search_matches(&self, fields: &[&str]) -> bool {
        let needle = fold(self.search.trim());
        needle.is_empty() || fields.iter().any(|field| fold(field).contains(&needle))
    }
}
