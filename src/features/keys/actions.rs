//! The IAM writes behind the actions on one key. Each is sent without the page's abort signal
//! (a write, once sent, is seen through) and never sent again by the app, updates the table
//! from the server's answer, or reports the error. A clear refusal leaves the table as it was;
//! after an unclear failure (no answer, a gateway's 5xx, an unreadable answer: IAM may have
//! done it) the owner's keys are read again, so the table shows what IAM holds, and a create or
//! delete dialog closes rather than offer to send its write again on a guess.

use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::ids::{AccessKeyId, UserId};
use keyturn_core::inventory::UserRef;
use keyturn_core::keys::{ConsoleAction, InventoryAction, KeyNotice, UnclearWrite};
use keyturn_core::rotation::is_unclear;
use keyturn_core::types::credential::KeyStatus;
use wasm_bindgen_futures::spawn_local;

use super::KeysHandle;

impl KeysHandle {
    /// Enables or disables `access` at once.
    pub fn set_status(&self, access: AccessKeyId, status: KeyStatus) {
        let this = self.clone();
        let owner = self.owner_of(&access);
        this.console
            .dispatch(ConsoleAction::StatusSent(access.clone()));
        spawn_local(async move {
            let answer = this
                .iam
                .clone()
                .detached()
                .set_key_status(&access, status)
                .await;
            if let Some(owner) = owner.filter(|_| answer.as_ref().is_err_and(is_unclear)) {
                this.reread(owner);
            }
            let notice = match (answer, status) {
                (Ok(key), KeyStatus::Active) => {
                    this.changed(key);
                    KeyNotice::Enabled(access.clone())
                }
                (Ok(key), KeyStatus::Inactive) => {
                    this.changed(key);
                    KeyNotice::Disabled(access.clone())
                }
                (Err(error), KeyStatus::Active) => KeyNotice::EnableFailed(access.clone(), error),
                (Err(error), KeyStatus::Inactive) => {
                    KeyNotice::DisableFailed(access.clone(), error)
                }
            };
            this.console
                .dispatch(ConsoleAction::StatusEnded(access, notice));
        });
    }

    /// Creates a key for `user`, sent once; on success the secret dialog opens. When the answer
    /// is unclear (or a 2xx that cannot be read: the key exists) the dialog closes with a notice
    /// and the user's keys are read again.
    pub fn create(&self, user: UserRef, description: String) {
        let this = self.clone();
        this.console.dispatch(ConsoleAction::Sent);
        spawn_local(async move {
            let iam = this.iam.clone().detached();
            let checked = match iam.create_key(&user.id, &description).await {
                Ok(created) => match AccessKey::try_from(&created) {
                    Ok(key) => Ok((key, created)),
                    // IAM answered 2xx: the key exists, whatever was wrong with the answer.
                    Err(invalid) => Err((Error::from(invalid), true)),
                },
                Err(error) => {
                    let unclear = is_unclear(&error);
                    Err((error, unclear))
                }
            };
            match checked {
                Ok((key, created)) => {
                    let access = key.access.clone();
                    this.changed(key);
                    this.console.dispatch(ConsoleAction::Created {
                        access,
                        created,
                        user_name: user.name,
                    });
                }
                Err((error, true)) => {
                    let write = UnclearWrite::Create {
                        user: user.name.clone(),
                    };
                    this.console.dispatch(ConsoleAction::Unclear(write, error));
                    this.reread(user.id);
                }
                Err((error, false)) => this.console.dispatch(ConsoleAction::Failed(error)),
            }
        });
    }

    /// Replaces the description of `access`.
    pub fn save_description(&self, access: AccessKeyId, description: String) {
        let this = self.clone();
        let owner = self.owner_of(&access);
        this.console.dispatch(ConsoleAction::Sent);
        spawn_local(async move {
            let iam = this.iam.clone().detached();
            match iam.set_key_description(&access, &description).await {
                Ok(key) => {
                    this.changed(key);
                    this.console
                        .dispatch(ConsoleAction::Done(KeyNotice::DescriptionSaved(access)));
                }
                Err(error) => {
                    // Sending the same description again is safe: the dialog stays open.
                    if let Some(owner) = owner.filter(|_| is_unclear(&error)) {
                        this.reread(owner);
                    }
                    this.console.dispatch(ConsoleAction::Failed(error));
                }
            }
        });
    }

    /// Deletes `access`, sent once. When the answer is unclear the dialog closes with a notice and
    /// the owner's keys are read again; when IAM no longer knows the key (404: deleted already,
    /// e.g. by a send whose answer was lost) they are read again too.
    pub fn delete(&self, access: AccessKeyId) {
        let this = self.clone();
        let owner = self.owner_of(&access);
        this.console.dispatch(ConsoleAction::Sent);
        spawn_local(async move {
            match this.iam.clone().detached().delete_key(&access).await {
                Ok(()) => {
                    this.inventory.dispatch(InventoryAction::KeyDeleted {
                        access: access.clone(),
                    });
                    this.console
                        .dispatch(ConsoleAction::Done(KeyNotice::Deleted(access)));
                }
                Err(error) if is_unclear(&error) => {
                    this.console.dispatch(ConsoleAction::Unclear(
                        UnclearWrite::Delete { access },
                        error,
                    ));
                    if let Some(owner) = owner {
                        this.reread(owner);
                    }
                }
                Err(error) => {
                    let gone = matches!(&error, Error::Api(refusal) if refusal.status == 404);
                    if let Some(owner) = owner.filter(|_| gone) {
                        this.reread(owner);
                    }
                    this.console.dispatch(ConsoleAction::Failed(error));
                }
            }
        });
    }

    /// The owner of `access` as the table knows it.
    fn owner_of(&self, access: &AccessKeyId) -> Option<UserId> {
        self.inventory
            .inventory
            .row(access)
            .map(|row| row.user.id.clone())
    }

    fn changed(&self, key: AccessKey) {
        self.inventory.dispatch(InventoryAction::KeyChanged {
            key,
            now: self.iam.transport().clock().now(),
        });
    }
}
