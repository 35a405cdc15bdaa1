//! A rotation plan for many keys at once: per key, create its new key now, free a slot first,
//! or why it is skipped. Nothing is sent by planning.

use std::collections::HashSet;

use super::RotationBook;
use crate::access_key::AccessKey;
use crate::ids::{AccessKeyId, UserId};
use crate::inventory::{MAX_KEYS_PER_USER, UserRef};

/// One selected key and what its user's keys allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanInput<'a> {
    /// The key to rotate.
    pub access: &'a AccessKeyId,
    /// Its owner.
    pub user: &'a UserRef,
    /// Every key of the owner, as listed.
    pub keys: &'a [AccessKey],
}

/// What the plan does for one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanAction {
    /// A slot is free: the new key is created now.
    Create,
    /// Both slots are taken by this key and `other`, which is inactive or never used: the
    /// key's own wizard asks to delete it first.
    FreeSlotFirst {
        /// The key to delete first.
        other: AccessKeyId,
    },
    /// Left alone.
    Skip(SkipWhy),
}

/// Why a key is left out of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipWhy {
    /// Its user is disabled.
    UserDisabled,
    /// It is already being rotated.
    AlreadyRotating,
    /// The key is inactive: nothing signs with it, so there is nothing to hand over (delete it
    /// instead of rotating it).
    KeyInactive,
    /// Both of its user's keys are active and in use.
    TwoActiveKeysInUse,
    /// Another key of the same user comes earlier in the plan (one rotation per user at a time).
    UserAlreadyPlanned,
}

/// One key of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// The key.
    pub access: AccessKeyId,
    /// Its owner's id.
    pub user_id: UserId,
    /// Its owner's name.
    pub user_name: String,
    /// What happens to it.
    pub action: PlanAction,
}

/// Plans the rotation of `selected` (in order) against the rotations of `book`.
pub fn plan_rotations<'a>(
    selected: impl IntoIterator<Item = PlanInput<'a>>,
    book: &RotationBook,
) -> Vec<PlanItem> {
    let mut users = HashSet::new();
    selected
        .into_iter()
        .map(|input| {
            let action = if !input.user.enabled {
                PlanAction::Skip(SkipWhy::UserDisabled)
            } else if book.can_start(input.access).is_err() {
                PlanAction::Skip(SkipWhy::AlreadyRotating)
            } else if users.contains(&input.user.id) {
                PlanAction::Skip(SkipWhy::UserAlreadyPlanned)
            } else if is_inactive(input.access, input.keys) {
                PlanAction::Skip(SkipWhy::KeyInactive)
            } else {
                users.insert(input.user.id.clone());
                slot_action(input.access, input.keys)
            };
            PlanItem {
                access: input.access.clone(),
                user_id: input.user.id.clone(),
                user_name: input.user.name.clone(),
                action,
            }
        })
        .collect()
}

/// Whether `access` is listed among `keys` as inactive (an inactive key does not take its
/// user's turn in the plan).
fn is_inactive(access: &AccessKeyId, keys: &[AccessKey]) -> bool {
    keys.iter()
        .any(|key| key.access == *access && !key.is_active())
}

fn slot_action(access: &AccessKeyId, keys: &[AccessKey]) -> PlanAction {
    if keys.len() < MAX_KEYS_PER_USER {
        return PlanAction::Create;
    }
    match keys.iter().find(|key| key.access != *access) {
        Some(other) if !other.is_active() || other.last_used.is_none() => {
            PlanAction::FreeSlotFirst {
                other: other.access.clone(),
            }
        }
        Some(_) => PlanAction::Skip(SkipWhy::TwoActiveKeysInUse),
        None => PlanAction::Create,
    }
}
