//! The IAM writes behind the actions on one key. Each is sent without the page's abort signal
//! (a write, once sent, is seen through), updates the table from the server's answer, or
//! reports the error and leaves the table as it was.

use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::ids::AccessKeyId;
use keyturn_core::inventory::UserRef;
use keyturn_core::keys::{ConsoleAction, InventoryAction, KeyNotice};
use keyturn_core::types::credential::KeyStatus;
use wasm_bindgen_futures::spawn_local;

use super::KeysHandle;

impl KeysHandle {
    /// Enables or disables `access` at once.
    pub fn set_status(&self, access: AccessKeyId, status: KeyStatus) {
        let this = self.clone();
        this.console
            .dispatch(ConsoleAction::StatusSent(access.clone()));
        spawn_local(async move {
            let answer = this
                .iam
                .clone()
                .detached()
                .set_key_status(&access, status)
                .await;
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

    /// Creates a key for `user`; on success the secret dialog opens.
    pub fn create(&self, user: UserRef, description: String) {
        let this = self.clone();
        this.console.dispatch(ConsoleAction::Sent);
        spawn_local(async move {
            let iam = this.iam.clone().detached();
            let created = iam.create_key(&user.id, &description).await;
            let checked = created.and_then(|created| {
                let key = AccessKey::try_from(&created).map_err(Error::from)?;
                Ok((key, created))
            });
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
                Err(error) => this.console.dispatch(ConsoleAction::Failed(error)),
            }
        });
    }

    /// Replaces the description of `access`.
    pub fn save_description(&self, access: AccessKeyId, description: String) {
        let this = self.clone();
        this.console.dispatch(ConsoleAction::Sent);
        spawn_local(async move {
            let iam = this.iam.clone().detached();
            match iam.set_key_description(&access, &description).await {
                Ok(key) => {
                    this.changed(key);
                    this.console
                        .dispatch(ConsoleAction::Done(KeyNotice::DescriptionSaved(access)));
                }
                Err(error) => this.console.dispatch(ConsoleAction::Failed(error)),
            }
        });
    }

    /// Deletes `access`.
    pub fn delete(&self, access: AccessKeyId) {
        let this = self.clone();
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
                Err(error) => this.console.dispatch(ConsoleAction::Failed(error)),
            }
        });
    }

    fn changed(&self, key: AccessKey) {
        self.inventory.dispatch(InventoryAction::KeyChanged {
            key,
            now: self.iam.transport().clock().now(),
        });
    }
}
