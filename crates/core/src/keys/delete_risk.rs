//! Why deleting a key deserves a second thought.

use crate::inventory::Inventory;
use chrono::{DateTime, TimeDelta, Utc};

/// A key used this many days ago or less counts as in use.
pub const RECENT_USE_DAYS: i64 = 7;

/// A reason to warn harder before deleting a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeleteRisk {
    /// The key is active: applications may sign with it right now.
    Active,
    /// The key was used within [`RECENT_USE_DAYS`].
    RecentlyUsed {
        /// Its last use.
        last_used: DateTime<Utc>,
    },
    /// The key is its user's only active key: deleting it leaves them none.
    OnlyActiveKey {
        /// The user's name.
        user: String,
    },
}

/// The risks of deleting the key `access` at `now`; empty when nothing argues against it or
/// the key is unknown.
pub fn delete_risks(inventory: &Inventory, access: &str, now: DateTime<Utc>) -> Vec<DeleteRisk> {
    let Some(row) = inventory.row(access) else {
        return Vec::new();
    };
    let mut risks = Vec::new();
    let active = row.key.is_active();
    if active {
        risks.push(DeleteRisk::Active);
    }
    if let Some(last_used) = row.key.last_used
        && now - last_used <= TimeDelta::days(RECENT_USE_DAYS)
    {
        risks.push(DeleteRisk::RecentlyUsed { last_used });
    }
    if active && inventory.active_key_count(&row.user.id) == 1 {
        risks.push(DeleteRisk::OnlyActiveKey {
            user: row.user.name.clone(),
        });
    }
    risks
}

/// Characters at the end of an access key id that confirm its deletion.
pub const CONFIRM_SUFFIX_CHARS: usize = 6;

/// True when `typed` (surrounding spaces ignored) is the access key id `access` or its last
/// [`CONFIRM_SUFFIX_CHARS`] characters.
pub fn confirms_delete(access: &str, typed: &str) -> bool {
    let typed = typed.trim();
    let suffix_start = access.len().saturating_sub(CONFIRM_SUFFIX_CHARS);
    !typed.is_empty()
        && (typed == access
            || access
                .get(suffix_start..)
                .is_some_and(|suffix| typed == suffix))
}
