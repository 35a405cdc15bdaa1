//! The IAM writes of a rotation. Each is saved as pending before it is sent (so a reload
//! knows to check it) and sent without the page's abort signal. A clear refusal is recorded
//! and changes nothing; an unclear failure (no answer, 5xx) reads the user's keys again before
//! anything else, so a retried step never creates a second key.

use std::future::Future;

use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::ids::AccessKeyId;
use keyturn_core::rotation::{Mode, NewKey, OldKeyEnd, Pending, Step, is_unclear};
use keyturn_core::types::credential::KeyStatus;
use wasm_bindgen_futures::spawn_local;

use super::RotationHandle;
use super::live::{KeysRead, LiveAction};
use crate::api::IamClient;

impl RotationHandle {
    /// Deletes `access`, another key of the user, to free a slot (typed confirmation asked).
    pub fn free_slot(&self, old: AccessKeyId, access: AccessKeyId) {
        self.delete(old, access, |access| Step::SlotFreed {
            access,
            request_id: None,
        });
    }

    /// Chooses how the rotation goes, at the preflight.
    pub fn choose_mode(&self, old: &AccessKeyId, mode: Mode) {
        self.commit(old, vec![Step::ModeChosen(mode)]);
    }

    /// On from the preflight to creating the new key.
    pub fn pass_preflight(&self, old: &AccessKeyId) {
        self.commit(old, vec![Step::PreflightPassed]);
    }

    /// Creates the new key; its secret is kept in memory until saved.
    pub fn create(&self, old: AccessKeyId) {
        let (Some(record), Some(KeysRead::Loaded(keys))) =
            (self.record(&old), self.live.keys.get(&old).cloned())
        else {
            return;
        };
        let keys_before = keys.iter().map(|key| key.access.clone()).collect();
        let user_id = record.user_id.clone();
        let live = self.live.clone();
        let old_for_secret = old.clone();
        self.write(
            old,
            Pending::Create { keys_before },
            move |iam| async move { iam.create_key(&user_id, "").await },
            move |created, _| {
                let key = AccessKey::try_from(&created);
                match key {
                    Ok(key) => {
                        live.dispatch(LiveAction::Secret(old_for_secret, created));
                        vec![Step::Created {
                            key: NewKey {
                                access: key.access,
                                created: key.created,
                            },
                            request_id: None,
                        }]
                    }
                    Err(invalid) => vec![Step::Refused {
                        error: invalid.to_string(),
                    }],
                }
            },
            |_| None,
        );
    }

    /// The person saved the secret: it is forgotten and the rotation goes on.
    pub fn secret_saved(&self, old: &AccessKeyId) {
        if self.commit(old, vec![Step::SecretSaved]) {
            self.live.dispatch(LiveAction::ForgetSecret(old.clone()));
        }
    }

    /// The secret shown before a reload was not saved: the new key becomes an orphan to delete.
    pub fn secret_lost(&self, old: &AccessKeyId) {
        self.commit(old, vec![Step::SecretLost]);
    }

    /// Deletes the orphan (a key created without its secret seen).
    pub fn delete_orphan(&self, old: AccessKeyId, orphan: AccessKeyId) {
        self.delete(old, orphan, deleted);
    }

    /// The applications were told: the watch begins with a first check of the keys' last use.
    pub fn hand_over(&self, old: &AccessKeyId) {
        if self.commit(old, vec![Step::HandedOver]) {
            self.sync(old.clone());
        }
    }

    /// Checks the old key's last use every `minutes`.
    pub fn watch_every(&self, old: &AccessKeyId, minutes: u32) {
        self.commit(old, vec![Step::WatchEvery { minutes }]);
    }

    /// On to disabling the old key; `early` before the advised week (warned).
    pub fn move_on(&self, old: &AccessKeyId, early: bool) {
        if self.new_key_gone(old) {
            return;
        }
        self.commit(old, vec![Step::MovedOn { early }]);
    }

    /// Disables the old key (confirmed).
    pub fn disable_old(&self, old: AccessKeyId) {
        if self.new_key_gone(&old) || self.signed_in_with(&old) {
            return;
        }
        let access = old.clone();
        self.write(
            old,
            Pending::Disable,
            move |iam| async move { iam.set_key_status(&access, KeyStatus::Inactive).await },
            |_, _| vec![Step::Disabled { request_id: None }],
            |_| None,
        );
    }

    /// Re-enables the old key: back to watching.
    pub fn roll_back(&self, old: AccessKeyId) {
        let access = old.clone();
        self.write(
            old,
            Pending::Enable,
            move |iam| async move { iam.set_key_status(&access, KeyStatus::Active).await },
            |_, _| vec![Step::RolledBack { request_id: None }],
            |_| None,
        );
    }

    /// On to deleting the old key.
    pub fn to_delete(&self, old: &AccessKeyId) {
        if self.new_key_gone(old) {
            return;
        }
        self.commit(old, vec![Step::ToDelete]);
    }

    /// Deletes the old key (typed confirmation asked).
    pub fn delete_old(&self, old: AccessKeyId) {
        if self.new_key_gone(&old) || self.signed_in_with(&old) {
            return;
        }
        self.delete(old.clone(), old, deleted);
    }

    /// A quick rotation's last step: disables or deletes the old key.
    pub fn replace_old(&self, old: AccessKeyId, end: OldKeyEnd) {
        match end {
            OldKeyEnd::Disable => self.disable_old(old),
            OldKeyEnd::Delete => self.delete_old(old),
        }
    }

    /// Deletes `access` for the rotation of `old`; `done` is the step of a success.
    fn delete(&self, old: AccessKeyId, access: AccessKeyId, done: fn(AccessKeyId) -> Step) {
        let pending = Pending::Delete {
            access: access.clone(),
        };
        self.write(
            old,
            pending,
            move |iam| async move { iam.delete_key(&access).await },
            move |(), access| vec![done(access)],
            access_of_pending,
        );
    }

    /// Stops the rotation; its record goes to the history.
    pub fn abandon(&self, old: &AccessKeyId) {
        self.commit(old, vec![Step::Abandoned]);
    }

    /// Saves `pending`, sends it (unless the rotation refuses it: then nothing is sent), and
    /// records the answer: `done` makes the steps of a success (given the pending write's key,
    /// from `key_of`), a clear refusal is recorded, an unclear failure reads the keys again.
    fn write<T, Fut>(
        &self,
        old: AccessKeyId,
        pending: Pending,
        send: impl FnOnce(IamClient) -> Fut,
        done: impl FnOnce(T, AccessKeyId) -> Vec<Step> + 'static,
        key_of: fn(&Pending) -> Option<AccessKeyId>,
    ) where
        Fut: Future<Output = Result<T, Error>> + 'static,
        T: 'static,
    {
        let key = key_of(&pending).unwrap_or_else(|| old.clone());
        if !self.commit(&old, vec![Step::Sent(pending)]) {
            return;
        }
        self.live.dispatch(LiveAction::Error(old.clone(), None));
        self.live.dispatch(LiveAction::Busy(old.clone(), true));
        let answer = send(self.iam.clone().detached());
        let this = self.clone();
        spawn_local(async move {
            match answer.await {
                Ok(value) => {
                    this.commit(&old, done(value, key));
                }
                Err(error) if is_unclear(&error) => this.fail(&old, error),
                Err(error) => {
                    this.commit(
                        &old,
                        vec![Step::Refused {
                            error: error.to_string(),
                        }],
                    );
                    this.fail(&old, error);
                }
            }
            this.synced(old.clone()).await;
            this.live.dispatch(LiveAction::Busy(old, false));
        });
    }
}

/// The step of a confirmed delete of `access`.
fn deleted(access: AccessKeyId) -> Step {
    Step::Deleted {
        access,
        request_id: None,
    }
}

/// The key a delete is about.
fn access_of_pending(pending: &Pending) -> Option<AccessKeyId> {
    match pending {
        Pending::Delete { access } => Some(access.clone()),
        _ => None,
    }
}
