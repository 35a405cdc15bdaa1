//! The counts at the top of the table.

use super::Inventory;
use super::row::KeyRow;
use crate::policy::{Badge, Usage};
use crate::types::credential::KeyStatus;

/// Counts of keys by status, badge and use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct KeyCounts {
    /// Keys.
    pub total: usize,
    /// Active keys.
    pub active: usize,
    /// Inactive keys.
    pub inactive: usize,
    /// Keys with the badge OK.
    pub ok: usize,
    /// Keys due for rotation soon.
    pub due_soon: usize,
    /// Keys overdue for rotation.
    pub overdue: usize,
    /// Keys never used, whatever their age (as [`Filter::never_used`](super::Filter) selects).
    pub never_used: usize,
    /// Keys the policy flags as unused: used once, not for `unused_after_days`.
    pub unused: usize,
}

impl KeyCounts {
    /// Counts the given rows, e.g. all rows or only the visible ones.
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a KeyRow>) -> Self {
        let mut counts = Self::default();
        for row in rows {
            counts.total += 1;
            match row.key.status {
                KeyStatus::Active => counts.active += 1,
                KeyStatus::Inactive => counts.inactive += 1,
            }
            match row.assessment.badge {
                Badge::Ok => counts.ok += 1,
                Badge::DueSoon => counts.due_soon += 1,
                Badge::Overdue => counts.overdue += 1,
            }
            if row.never_used() {
                counts.never_used += 1;
            }
            if matches!(row.assessment.usage, Usage::Unused { .. }) {
                counts.unused += 1;
            }
        }
        counts
    }
}

/// Counts of keys and users of a whole inventory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Summary {
    /// Every key.
    pub keys: KeyCounts,
    /// Known users.
    pub users: usize,
    /// Users whose keys are known and who hold none.
    pub users_without_keys: usize,
    /// Users holding the most keys allowed: no free slot.
    pub users_without_free_slot: usize,
}

impl Summary {
    /// Counts everything in `inventory`.
    pub fn of(inventory: &Inventory) -> Self {
        Self {
            keys: KeyCounts::of(inventory.rows().iter().map(AsRef::as_ref)),
            users: inventory.users().count(),
            users_without_keys: inventory.users_without_keys().count(),
            users_without_free_slot: inventory.users_without_free_slot().count(),
        }
    }
}
