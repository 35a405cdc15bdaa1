//! Before a new key is created: does the user have a free slot (a user holds at most two
//! keys), and if not, which key could go first?

use chrono::{DateTime, Utc};

use crate::access_key::AccessKey;
use crate::ids::AccessKeyId;
use crate::inventory::MAX_KEYS_PER_USER;
use crate::policy::RotationPolicy;

/// What the preflight found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Preflight {
    /// A slot is free: the new key can be created.
    Ready,
    /// Both slots are taken; `suggested` (never the key rotated) can be deleted first.
    FreeSlotFirst {
        /// The key to delete first.
        suggested: AccessKeyId,
        /// Why it is the one.
        why: SlotSuggestion,
    },
    /// Both slots are taken by keys in use: the other key must be retired first.
    Blocked {
        /// The other key, active and in use.
        other: AccessKeyId,
    },
    /// The key to rotate is not among the user's keys.
    OldKeyMissing,
}

/// Why a key is suggested for deletion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotSuggestion {
    /// It is disabled.
    Inactive,
    /// It was never used.
    NeverUsed,
    /// It was not used for at least the policy's "unused after" days (as the key table's
    /// *Unused* badge counts them).
    Unused,
}

/// Checks `keys` (the user's, as listed now) before rotating `old` at `now` under `policy`.
pub fn preflight(
    keys: &[AccessKey],
    old: &AccessKeyId,
    now: DateTime<Utc>,
    policy: &RotationPolicy,
) -> Preflight {
    if !keys.iter().any(|key| key.access == *old) {
        return Preflight::OldKeyMissing;
    }
    if keys.len() < MAX_KEYS_PER_USER {
        return Preflight::Ready;
    }
    let Some(other) = keys.iter().find(|key| key.access != *old) else {
        return Preflight::Ready;
    };
    let unused_days = i64::from(policy.unused_after_days);
    let why = if !other.is_active() {
        Some(SlotSuggestion::Inactive)
    } else if other.last_used.is_none() {
        Some(SlotSuggestion::NeverUsed)
    } else if other
        .last_used
        .is_some_and(|used| (now - used).num_days() >= unused_days)
    {
        Some(SlotSuggestion::Unused)
    } else {
        None
    };
    match why {
        Some(why) => Preflight::FreeSlotFirst {
            suggested: other.access.clone(),
            why,
        },
        None => Preflight::Blocked {
            other: other.access.clone(),
        },
    }
}
