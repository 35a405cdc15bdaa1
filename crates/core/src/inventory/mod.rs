//! The credential table without the browser: one row per access key, the users who hold them,
//! filters, sorting, the URL form of a view, summary counts, the age histogram and exports.
//!
//! The app fills an [`Inventory`](crate::inventory::Inventory) as IAM answers arrive, keeps a
//! [`TableView`](crate::inventory::TableView) in the URL and renders `view.apply(&inventory)`;
//! everything shown is computed here. [`Inventory`] itself records who holds which keys: the
//! rows of the table and the users behind them, including users without keys.

pub mod export;
mod filter;
pub mod histogram;
mod query;
mod row;
mod slug;
mod sort;
mod summary;
mod table_view;

pub use filter::Filter;
pub use row::{KeyRow, UserRef};
pub use slug::{Slug, usage_slug};
pub use sort::{Sort, SortDir, SortKey};
pub use summary::{KeyCounts, Summary};
pub use table_view::TableView;

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::access_key::AccessKey;
use crate::ids::{AccessKeyId, UserId};
use crate::policy::RotationPolicy;

/// Most access keys IAM lets one user hold.
pub const MAX_KEYS_PER_USER: usize = 2;

/// A user, whether their keys have been listed yet, and how many they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Holder {
    user: UserRef,
    keys_known: bool,
    keys: usize,
    active: usize,
}

/// Every known user and every known key, one [`KeyRow`] per key.
///
/// A user's keys are unknown until [`Inventory::set_keys`] records them: such a user counts
/// neither as holding no key nor as having a free slot. Users and keys are indexed by id, and
/// rows are shared (`Rc`), so that recording an answer costs the same at 10 keys or 10,000 and
/// a copy of the inventory (one per change, for the page's state) copies no row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inventory {
    holders: Vec<Holder>,
    by_user: HashMap<UserId, usize>,
    rows: Vec<Rc<KeyRow>>,
    by_key: HashMap<AccessKeyId, usize>,
}

impl Inventory {
    /// An inventory of the users listed by IAM, none of whose keys are known yet.
    pub fn with_users(users: impl IntoIterator<Item = UserRef>) -> Self {
        let mut inventory = Self::default();
        for user in users {
            inventory.add_user(user);
        }
        inventory
    }

    /// Records a user, or updates the name and state of a known one (and of their rows).
    pub fn add_user(&mut self, user: UserRef) {
        match self.by_user.get(&user.id) {
            Some(&at) if self.holders[at].user == user => {}
            Some(&at) => {
                for row in self.rows.iter_mut().filter(|r| r.user.id == user.id) {
                    Rc::make_mut(row).set_user(user.clone());
                }
                self.holders[at].user = user;
            }
            None => {
                self.by_user.insert(user.id.clone(), self.holders.len());
                self.holders.push(Holder {
                    user,
                    keys_known: false,
                    keys: 0,
                    active: 0,
                });
            }
        }
    }

    /// Records the complete list of `user`'s keys, replacing any rows the user had.
    ///
    /// Pass the keys as shown one by one (show carries the last use; list does not).
    pub fn set_keys(
        &mut self,
        user: UserRef,
        keys: impl IntoIterator<Item = AccessKey>,
        now: DateTime<Utc>,
        policy: &RotationPolicy,
    ) {
        self.add_user(user.clone());
        let at = self.by_user[&user.id];
        if self.holders[at].keys > 0 {
            self.rows.retain(|r| r.user.id != user.id);
            self.reindex_rows();
        }
        let (mut count, mut active) = (0, 0);
        for key in keys {
            count += 1;
            active += usize::from(key.is_active());
            self.by_key.insert(key.access.clone(), self.rows.len());
            self.rows
                .push(Rc::new(KeyRow::new(user.clone(), key, now, policy)));
        }
        let holder = &mut self.holders[at];
        holder.keys_known = true;
        holder.keys = count;
        holder.active = active;
    }

    /// Adds a created key, or replaces the row of a key shown or updated again.
    ///
    /// A replaced row keeps the later of the two last uses: an update answer carries none,
    /// and a use, once seen, cannot be undone. Returns false, changing nothing, when the key's
    /// owner is not a known user.
    pub fn upsert_key(
        &mut self,
        mut key: AccessKey,
        now: DateTime<Utc>,
        policy: &RotationPolicy,
    ) -> bool {
        let Some(&holder_at) = self.by_user.get(&key.user_id) else {
            return false;
        };
        let user = self.holders[holder_at].user.clone();
        let now_active = usize::from(key.is_active());
        match self.by_key.get(&key.access) {
            Some(&at) => {
                let was_active = usize::from(self.rows[at].key.is_active());
                key.last_used = key.last_used.max(self.rows[at].key.last_used);
                self.rows[at] = Rc::new(KeyRow::new(user, key, now, policy));
                let holder = &mut self.holders[holder_at];
                holder.active = holder.active + now_active - was_active;
            }
            None => {
                self.by_key.insert(key.access.clone(), self.rows.len());
                self.rows.push(Rc::new(KeyRow::new(user, key, now, policy)));
                let holder = &mut self.holders[holder_at];
                holder.keys += 1;
                holder.active += now_active;
            }
        }
        true
    }

    /// Counts `user_id`'s keys as unknown again while they are read again (their rows stay) until
    /// [`Inventory::set_keys`] records them: no free slot is offered on a count that may be wrong.
    pub fn doubt_keys(&mut self, user_id: &str) {
        if let Some(&at) = self.by_user.get(user_id) {
            self.holders[at].keys_known = false;
        }
    }

    /// Removes the row of a deleted key and returns it.
    pub fn remove_key(&mut self, access: &str) -> Option<KeyRow> {
        let at = *self.by_key.get(access)?;
        let row = self.rows.remove(at);
        self.reindex_rows();
        if let Some(&holder_at) = self.by_user.get(&row.user.id) {
            let holder = &mut self.holders[holder_at];
            holder.keys -= 1;
            holder.active -= usize::from(row.key.is_active());
        }
        Some(Rc::unwrap_or_clone(row))
    }

    /// Assesses every key again, after time passed or the policy changed.
    pub fn reassess(&mut self, now: DateTime<Utc>, policy: &RotationPolicy) {
        for row in &mut self.rows {
            Rc::make_mut(row).reassess(now, policy);
        }
    }

    /// Every row, in the order the keys arrived.
    pub fn rows(&self) -> &[Rc<KeyRow>] {
        &self.rows
    }

    /// Every known user, in the order they arrived.
    pub fn users(&self) -> impl Iterator<Item = &UserRef> {
        self.holders.iter().map(|h| &h.user)
    }

    /// The known user with id `user_id`.
    pub fn user(&self, user_id: &str) -> Option<&UserRef> {
        self.holder(user_id).map(|h| &h.user)
    }

    /// The row of the key `access`.
    pub fn row(&self, access: &str) -> Option<&KeyRow> {
        self.by_key.get(access).map(|&at| self.rows[at].as_ref())
    }

    /// The rows of `user_id`'s keys.
    pub fn rows_of<'a>(&'a self, user_id: &'a str) -> impl Iterator<Item = &'a KeyRow> {
        self.rows
            .iter()
            .map(AsRef::as_ref)
            .filter(move |r| r.user.id == user_id)
    }

    /// True once `user_id`'s keys have been recorded with [`Inventory::set_keys`].
    pub fn keys_known(&self, user_id: &str) -> bool {
        self.holder(user_id).is_some_and(|h| h.keys_known)
    }

    /// How many keys `user_id` holds, as far as known.
    pub fn key_count(&self, user_id: &str) -> usize {
        self.holder(user_id).map_or(0, |h| h.keys)
    }

    /// How many of `user_id`'s keys are active.
    pub fn active_key_count(&self, user_id: &str) -> usize {
        self.holder(user_id).map_or(0, |h| h.active)
    }

    /// True when `user_id`'s keys are known and they hold fewer than [`MAX_KEYS_PER_USER`].
    pub fn has_free_slot(&self, user_id: &str) -> bool {
        self.keys_known(user_id) && self.key_count(user_id) < MAX_KEYS_PER_USER
    }

    /// Users whose keys are known and who hold none.
    pub fn users_without_keys(&self) -> impl Iterator<Item = &UserRef> {
        self.holders
            .iter()
            .filter(|h| h.keys_known && h.keys == 0)
            .map(|h| &h.user)
    }

    /// Users who hold [`MAX_KEYS_PER_USER`] keys: no free slot for a new key.
    pub fn users_without_free_slot(&self) -> impl Iterator<Item = &UserRef> {
        self.holders
            .iter()
            .filter(|h| h.keys >= MAX_KEYS_PER_USER)
            .map(|h| &h.user)
    }

    fn holder(&self, user_id: &str) -> Option<&Holder> {
        self.by_user.get(user_id).map(|&at| &self.holders[at])
    }

    fn reindex_rows(&mut self) {
        self.by_key = self
            .rows
            .iter()
            .enumerate()
            .map(|(at, row)| (row.key.access.clone(), at))
            .collect();
    }
}
