//! What the Rotation page holds in memory only: each open rotation's user keys as last read,
//! the new secret while it is shown, the last failure, and which rotations have a request in
//! flight. Nothing here is saved.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::ids::AccessKeyId;
use keyturn_core::types::credential::CreatedCredential;
use yew::Reducible;

/// The user's keys of one rotation, as last read.
#[derive(Clone, Debug, PartialEq)]
pub enum KeysRead {
    /// Being read.
    Loading,
    /// As IAM listed them.
    Loaded(Rc<Vec<AccessKey>>),
    /// Reading failed.
    Failed(Error),
}

/// The page's memory, by the rotation's old AK.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Live {
    /// Keys of each rotation's user.
    pub keys: HashMap<AccessKeyId, KeysRead>,
    /// New secrets, until saved.
    pub secrets: HashMap<AccessKeyId, CreatedCredential>,
    /// The last failure.
    pub errors: HashMap<AccessKeyId, Error>,
    /// Rotations with a request in flight.
    pub busy: HashSet<AccessKeyId>,
}

/// A change of the page's memory.
#[derive(Clone, Debug)]
pub enum LiveAction {
    /// The keys of a rotation's user.
    Keys(AccessKeyId, KeysRead),
    /// A new key's secret, shown until saved.
    Secret(AccessKeyId, CreatedCredential),
    /// The secret is saved (or lost): forget it.
    ForgetSecret(AccessKeyId),
    /// A failure, or none.
    Error(AccessKeyId, Option<Error>),
    /// A request started or ended.
    Busy(AccessKeyId, bool),
}

impl Reducible for Live {
    type Action = LiveAction;

    fn reduce(self: Rc<Self>, action: LiveAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            // Keys already read stay on screen while they are read again (a watch check, the
            // reconciliation after a write): the step does not blank out meanwhile.
            LiveAction::Keys(old, KeysRead::Loading)
                if matches!(next.keys.get(&old), Some(KeysRead::Loaded(_))) =>
            {
                return self;
            }
            LiveAction::Keys(old, keys) => {
                next.keys.insert(old, keys);
            }
            LiveAction::Secret(old, created) => {
                next.secrets.insert(old, created);
            }
            LiveAction::ForgetSecret(old) => {
                next.secrets.remove(&old);
            }
            LiveAction::Error(old, Some(error)) => {
                next.errors.insert(old, error);
            }
            LiveAction::Error(old, None) => {
                next.errors.remove(&old);
            }
            LiveAction::Busy(old, true) => {
                next.busy.insert(old);
            }
            LiveAction::Busy(old, false) => {
                next.busy.remove(&old);
            }
        }
        Rc::new(next)
    }
}
