//! What a person asked to do from the key table.

use keyturn_core::inventory::UserRef;
use keyturn_core::types::credential::KeyStatus;

/// An action on one key, or the creation of a key for one user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyIntent {
    /// Enable or disable the key `access`.
    SetStatus {
        /// Access key id.
        access: String,
        /// The status wanted.
        status: KeyStatus,
    },
    /// Open the description dialog of the key `access`.
    EditDescription(String),
    /// Open the delete dialog of the key `access`.
    Delete(String),
    /// Open the create dialog for this user.
    Create(UserRef),
}
