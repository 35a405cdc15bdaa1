//! A KMS key's state by name: the console never shows `key_state`'s code.

use crate::inventory::Slug;
use crate::types::kms::KeyState;

/// The state of a KMS key (docs/api.md, "KMS: keys", `key_state` codes), ordered from usable to
/// going away: enabled, disabled, pending activation, pending import, pending deletion, then
/// states this version does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KmsKeyState {
    /// `"2"`: usable.
    Enabled,
    /// `"3"`: disabled.
    Disabled,
    /// `"1"`: created, not yet active.
    PendingActivation,
    /// `"5"`: waiting for imported key material.
    PendingImport,
    /// `"4"`: scheduled for deletion.
    PendingDeletion,
    /// A code this version does not know.
    Unknown,
}

impl From<&KeyState> for KmsKeyState {
    fn from(state: &KeyState) -> Self {
        match state {
            KeyState::Enabled => KmsKeyState::Enabled,
            KeyState::Disabled => KmsKeyState::Disabled,
            KeyState::PendingActivation => KmsKeyState::PendingActivation,
            KeyState::PendingImport => KmsKeyState::PendingImport,
            KeyState::PendingDeletion => KmsKeyState::PendingDeletion,
            KeyState::Other(_) => KmsKeyState::Unknown,
        }
    }
}

impl Slug for KmsKeyState {
    const ALL: &'static [Self] = &[
        KmsKeyState::Enabled,
        KmsKeyState::Disabled,
        KmsKeyState::PendingActivation,
        KmsKeyState::PendingImport,
        KmsKeyState::PendingDeletion,
        KmsKeyState::Unknown,
    ];

    /// `enabled`, `disabled`, `pending_activation`, `pending_import`, `pending_deletion` or
    /// `unknown`.
    fn slug(self) -> &'static str {
        match self {
            KmsKeyState::Enabled => "enabled",
            KmsKeyState::Disabled => "disabled",
            KmsKeyState::PendingActivation => "pending_activation",
            KmsKeyState::PendingImport => "pending_import",
            KmsKeyState::PendingDeletion => "pending_deletion",
            KmsKeyState::Unknown => "unknown",
        }
    }
}
