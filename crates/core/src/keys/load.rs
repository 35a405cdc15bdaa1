//! The credential table's data as IAM answers arrive: a reducer of per-user results.
//!
//! Loading lists the users, then each user's keys. Every answer becomes an
//! [`InventoryAction`]; progress, partial failure and retrying one user follow from the
//! per-user [`UserLoad`] states. A load replaced by a refresh is cancelled by the app, so its
//! answers never arrive here.

use std::rc::Rc;

use crate::access_key::AccessKey;
use crate::error::Error;
use crate::ids::{AccessKeyId, UserId};
use crate::inventory::{Inventory, UserRef};
use crate::policy::RotationPolicy;
use chrono::{DateTime, Utc};

use crate::model::Model;

/// Whose keys the table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// Every user of the account (the signed-in user administers it).
    AllUsers,
    /// Only the signed-in user's own keys: the user list was refused (403).
    OwnKeys,
}

/// Where listing the users stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Listing {
    /// The user list has been asked for.
    Pending,
    /// The users are known (see [`InventoryState::loads`]).
    Listed(Coverage),
    /// The user list could not be read.
    Failed(Error),
}

/// Where loading one user's keys stands.
#[derive(Clone, Debug, PartialEq)]
pub enum UserLoad {
    /// Their keys are being listed and shown.
    Loading,
    /// Their keys are in the inventory.
    Loaded,
    /// A call failed; their keys are not in the inventory.
    Failed(Error),
}

impl UserLoad {
    /// True once an answer, good or bad, has arrived.
    pub fn is_settled(&self) -> bool {
        !matches!(self, UserLoad::Loading)
    }
}

/// The table's data: users, keys, and how loading each user went.
#[derive(Clone, Debug, PartialEq)]
pub struct InventoryState {
    /// Listing the users.
    pub listing: Listing,
    /// Users and the keys known so far.
    pub inventory: Rc<Inventory>,
    /// Each listed user's loading state, in the order listed.
    pub loads: Vec<(UserRef, UserLoad)>,
    /// The policy rows are assessed under.
    pub policy: RotationPolicy,
}

impl Default for InventoryState {
    fn default() -> Self {
        Self {
            listing: Listing::Pending,
            inventory: Rc::default(),
            loads: Vec::new(),
            policy: RotationPolicy::default(),
        }
    }
}

impl InventoryState {
    /// Users whose answers have arrived, and users listed.
    pub fn progress(&self) -> (usize, usize) {
        let settled = self.loads.iter().filter(|(_, l)| l.is_settled()).count();
        (settled, self.loads.len())
    }

    /// True while the user list or some user's keys are awaited.
    pub fn is_loading(&self) -> bool {
        self.listing == Listing::Pending || self.loads.iter().any(|(_, load)| !load.is_settled())
    }

    /// Users whose keys could not be loaded, with the reason.
    pub fn failures(&self) -> Vec<(UserRef, Error)> {
        self.loads
            .iter()
            .filter_map(|(user, load)| match load {
                UserLoad::Failed(error) => Some((user.clone(), error.clone())),
                _ => None,
            })
            .collect()
    }

    /// The scope of the listed users, once known.
    pub fn coverage(&self) -> Option<Coverage> {
        match self.listing {
            Listing::Listed(coverage) => Some(coverage),
            _ => None,
        }
    }

    fn load_mut(&mut self, user_id: &str) -> Option<&mut UserLoad> {
        self.loads
            .iter_mut()
            .find(|(user, _)| user.id == user_id)
            .map(|(_, load)| load)
    }
}

/// Something that happened while loading or acting on keys.
#[derive(Clone, Debug, PartialEq)]
pub enum InventoryAction {
    /// A new load began: everything known is forgotten.
    Started {
        /// The policy to assess keys under.
        policy: RotationPolicy,
    },
    /// The users are known; each one's keys are loading.
    Listed {
        /// Every user, or only the signed-in one.
        users: Vec<UserRef>,
        /// Whose keys these are.
        coverage: Coverage,
    },
    /// The user list failed for another reason than a refusal.
    ListFailed {
        /// Why.
        error: Error,
    },
    /// One user's keys are asked for again.
    UserRetried {
        /// The user.
        user_id: UserId,
    },
    /// One user's keys are read again after a write whose outcome is unclear, whatever their
    /// state: their rows stay shown, but until the answer their keys count as unknown (no free
    /// slot is offered, so nothing is created on a guess).
    UserReread {
        /// The user.
        user_id: UserId,
    },
    /// One user's keys arrived (each shown, with its last use).
    UserLoaded {
        /// The user.
        user_id: UserId,
        /// All of the user's keys.
        keys: Vec<AccessKey>,
        /// The time keys are assessed at.
        now: DateTime<Utc>,
    },
    /// Listing or showing one user's keys failed.
    UserFailed {
        /// The user.
        user_id: UserId,
        /// Why.
        error: Error,
    },
    /// A key was created or changed: its row now shows the server's answer.
    KeyChanged {
        /// The key as the server answered.
        key: AccessKey,
        /// The time it is assessed at.
        now: DateTime<Utc>,
    },
    /// A key was deleted.
    KeyDeleted {
        /// Its access key id.
        access: AccessKeyId,
    },
    /// Answers that arrived together (within one animation frame), applied in order: one
    /// change of state, so one render, for all of them.
    Batch(Vec<InventoryAction>),
    /// The rotation policy changed: every row is assessed again.
    PolicyChanged {
        /// The new policy.
        policy: RotationPolicy,
        /// The time keys are assessed at.
        now: DateTime<Utc>,
    },
}

impl Model for InventoryState {
    type Action = InventoryAction;

    /// Applies `action`; false when it changes nothing (e.g. an answer to an older load).
    fn apply(&mut self, action: InventoryAction) -> bool {
        match action {
            InventoryAction::Started { policy } => {
                *self = Self {
                    policy,
                    ..Self::default()
                };
            }
            InventoryAction::Listed { users, coverage } if self.listing == Listing::Pending => {
                self.inventory = Rc::new(Inventory::with_users(users.iter().cloned()));
                self.loads = users
                    .into_iter()
                    .map(|user| (user, UserLoad::Loading))
                    .collect();
                self.listing = Listing::Listed(coverage);
            }
            InventoryAction::ListFailed { error } => {
                self.listing = Listing::Failed(error);
            }
            InventoryAction::UserRetried { user_id } => match self.load_mut(&user_id) {
                Some(load @ UserLoad::Failed(_)) => *load = UserLoad::Loading,
                _ => return false,
            },
            InventoryAction::UserReread { user_id } => {
                let Some(load) = self.load_mut(&user_id) else {
                    return false;
                };
                *load = UserLoad::Loading;
                Rc::make_mut(&mut self.inventory).doubt_keys(&user_id);
            }
            InventoryAction::UserLoaded { user_id, keys, now } => {
                let Some(user) = self.inventory.user(&user_id).cloned() else {
                    return false;
                };
                let Some(load) = self.load_mut(&user_id) else {
                    return false;
                };
                *load = UserLoad::Loaded;
                let policy = self.policy;
                Rc::make_mut(&mut self.inventory).set_keys(user, keys, now, &policy);
            }
            InventoryAction::UserFailed { user_id, error } => match self.load_mut(&user_id) {
                Some(load) => *load = UserLoad::Failed(error),
                None => return false,
            },
            InventoryAction::KeyChanged { key, now } => {
                let policy = self.policy;
                return Rc::make_mut(&mut self.inventory).upsert_key(key, now, &policy);
            }
            InventoryAction::KeyDeleted { access } => {
                return Rc::make_mut(&mut self.inventory)
                    .remove_key(&access)
                    .is_some();
            }
            InventoryAction::Batch(actions) => {
                let mut changed = false;
                for action in actions {
                    changed |= self.apply(action);
                }
                return changed;
            }
            InventoryAction::PolicyChanged { policy, now } => {
                self.policy = policy;
                Rc::make_mut(&mut self.inventory).reassess(now, &policy);
            }
            _ => return false,
        }
        true
    }
}

/// The owner of the caller's own listed keys: the signed-in user when the session knows them,
/// else (a pasted token) the owner the keys name; `None` when neither tells.
pub fn own_keys_owner(me: Option<UserRef>, keys: &[AccessKey]) -> Option<UserRef> {
    me.or_else(|| {
        keys.first().map(|key| UserRef {
            id: key.user_id.clone(),
            name: key.user_id.to_string(),
            enabled: true,
        })
    })
}
