//! The credential table's data as IAM answers arrive: a reducer of per-user results.
//!
//! Loading lists the users, then each user's keys. Every answer becomes an
//! [`InventoryAction`]; progress, partial failure and retrying one user follow from the
//! per-user [`UserLoad`] states. Each load carries a generation number so that answers to a
//! load replaced by a refresh are ignored.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::inventory::{Inventory, UserRef};
use keyturn_core::policy::RotationPolicy;
use yew::Reducible;

/// Whose keys the table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
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
    Listed(Scope),
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
    /// The load the state belongs to; actions of other loads are ignored.
    pub generation: u64,
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
            generation: 0,
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
    pub fn scope(&self) -> Option<Scope> {
        match self.listing {
            Listing::Listed(scope) => Some(scope),
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
        /// The new load's number.
        generation: u64,
        /// The policy to assess keys under.
        policy: RotationPolicy,
    },
    /// The users are known; each one's keys are loading.
    Listed {
        /// The load the answer belongs to.
        generation: u64,
        /// Every user, or only the signed-in one.
        users: Vec<UserRef>,
        /// Whose keys these are.
        scope: Scope,
    },
    /// The user list failed for another reason than a refusal.
    ListFailed {
        /// The load the answer belongs to.
        generation: u64,
        /// Why.
        error: Error,
    },
    /// One user's keys are asked for again.
    UserRetried {
        /// The load the retry belongs to.
        generation: u64,
        /// The user.
        user_id: String,
    },
    /// One user's keys arrived (each shown, with its last use).
    UserLoaded {
        /// The load the answer belongs to.
        generation: u64,
        /// The user.
        user_id: String,
        /// All of the user's keys.
        keys: Vec<AccessKey>,
        /// The time keys are assessed at.
        now: DateTime<Utc>,
    },
    /// Listing or showing one user's keys failed.
    UserFailed {
        /// The load the answer belongs to.
        generation: u64,
        /// The user.
        user_id: String,
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
        access: String,
    },
    /// The rotation policy changed: every row is assessed again.
    PolicyChanged {
        /// The new policy.
        policy: RotationPolicy,
        /// The time keys are assessed at.
        now: DateTime<Utc>,
    },
}

impl Reducible for InventoryState {
    type Action = InventoryAction;

    fn reduce(self: Rc<Self>, action: InventoryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.apply(action) {
            Rc::new(next)
        } else {
            self
        }
    }
}

impl InventoryState {
    /// Applies `action`; false when it changes nothing (e.g. an answer to an older load).
    fn apply(&mut self, action: InventoryAction) -> bool {
        let current = self.generation;
        match action {
            InventoryAction::Started { generation, policy } => {
                *self = Self {
                    generation,
                    policy,
                    ..Self::default()
                };
            }
            InventoryAction::Listed {
                generation,
                users,
                scope,
            } if generation == current && self.listing == Listing::Pending => {
                self.inventory = Rc::new(Inventory::with_users(users.iter().cloned()));
                self.loads = users
                    .into_iter()
                    .map(|user| (user, UserLoad::Loading))
                    .collect();
                self.listing = Listing::Listed(scope);
            }
            InventoryAction::ListFailed { generation, error } if generation == current => {
                self.listing = Listing::Failed(error);
            }
            InventoryAction::UserRetried {
                generation,
                user_id,
            } if generation == current => match self.load_mut(&user_id) {
                Some(load @ UserLoad::Failed(_)) => *load = UserLoad::Loading,
                _ => return false,
            },
            InventoryAction::UserLoaded {
                generation,
                user_id,
                keys,
                now,
            } if generation == current => {
                let Some(user) = self.inventory.user(&user_id).cloned() else {
                    return false;
                };
                let policy = self.policy;
                Rc::make_mut(&mut self.inventory).set_keys(user, keys, now, &policy);
                match self.load_mut(&user_id) {
                    Some(load) => *load = UserLoad::Loaded,
                    None => return false,
                }
            }
            InventoryAction::UserFailed {
                generation,
                user_id,
                error,
            } if generation == current => match self.load_mut(&user_id) {
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
            InventoryAction::PolicyChanged { policy, now } => {
                self.policy = policy;
                Rc::make_mut(&mut self.inventory).reassess(now, &policy);
            }
            _ => return false,
        }
        true
    }
}
