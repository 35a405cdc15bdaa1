//! The IAM calls behind the actions on one key. Each updates the table from the server's
//! answer, or reports the error and leaves the table as it was.

use keyturn_core::access_key::AccessKey;
use keyturn_core::inventory::UserRef;
use keyturn_core::types::credential::KeyStatus;
use wasm_bindgen_futures::spawn_local;
use yew::UseReducerDispatcher;

use super::console_state::{ConsoleAction, ConsoleState, Outcome};
use crate::api::IamClient;
use crate::i18n::KeysText;
use crate::state::{InventoryAction, InventoryState};

/// Sends key actions and dispatches their outcomes to the inventory and the page.
#[derive(Clone)]
pub struct KeyActions {
    /// The signed-in user's IAM client (never aborted: a write, once sent, is seen through).
    pub iam: IamClient,
    /// The table's data.
    pub inventory: UseReducerDispatcher<InventoryState>,
    /// The page's dialogs and messages.
    pub console: UseReducerDispatcher<ConsoleState>,
}

impl KeyActions {
    /// Enables or disables `access` at once.
    pub fn set_status(&self, access: String, status: KeyStatus) {
        let this = self.clone();
        this.console
            .dispatch(ConsoleAction::StatusSent(access.clone()));
        spawn_local(async move {
            let outcome = match this.iam.set_key_status(&access, status).await {
                Ok(key) => {
                    this.changed(key);
                    Outcome::Done(match status {
                        KeyStatus::Active => KeysText::Enabled(access.clone()),
                        KeyStatus::Inactive => KeysText::Disabled(access.clone()),
                    })
                }
                Err(error) => {
                    let failed = match status {
                        KeyStatus::Active => KeysText::EnableFailed(access.clone()),
                        KeyStatus::Inactive => KeysText::DisableFailed(access.clone()),
                    };
                    Outcome::Failed(failed, error)
                }
            };
            this.console
                .dispatch(ConsoleAction::StatusEnded(access, outcome));
        });
    }

    /// Creates a key for `user`; on success the secret dialog opens.
    pub fn create(&self, user: UserRef, description: String) {
        let this = self.clone();
        this.console.dispatch(ConsoleAction::DialogBusy);
        spawn_local(async move {
            match this.iam.create_key(&user.id, &description).await {
                Ok(created) => {
                    this.changed(AccessKey::from(&created));
                    this.console.dispatch(ConsoleAction::Created {
                        created,
                        user_name: user.name,
                    });
                }
                Err(error) => this.console.dispatch(ConsoleAction::DialogFailed(error)),
            }
        });
    }

    /// Replaces the description of `access`.
    pub fn save_description(&self, access: String, description: String) {
        let this = self.clone();
        this.console.dispatch(ConsoleAction::DialogBusy);
        spawn_local(async move {
            match this.iam.set_key_description(&access, &description).await {
                Ok(key) => {
                    this.changed(key);
                    this.console
                        .dispatch(ConsoleAction::DialogDone(KeysText::DescriptionSaved(
                            access,
                        )));
                }
                Err(error) => this.console.dispatch(ConsoleAction::DialogFailed(error)),
            }
        });
    }

    /// Deletes `access`.
    pub fn delete(&self, access: String) {
        let this = self.clone();
        this.console.dispatch(ConsoleAction::DialogBusy);
        spawn_local(async move {
            match this.iam.delete_key(&access).await {
                Ok(()) => {
                    this.inventory.dispatch(InventoryAction::KeyDeleted {
                        access: access.clone(),
                    });
                    this.console
                        .dispatch(ConsoleAction::DialogDone(KeysText::Deleted(access)));
                }
                Err(error) => this.console.dispatch(ConsoleAction::DialogFailed(error)),
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
