//! Why a KMS key cannot rotate (docs/api.md, "KMS: rotation", "Keys that cannot rotate" and
//! "Refusals and their codes").

use crate::inventory::Slug;

/// A reason KMS refuses to rotate a key, decided from the listed details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NotRotatable {
    /// A Default Master Key such as `evs/default` (`KMS.0211`).
    DefaultKey,
    /// Imported key material, `origin` `external` (`KMS.0312`).
    External,
    /// An asymmetric key: RSA (`KMS.0324`), EC or SM2.
    Asymmetric,
    /// A disabled key (`KMS.0209`).
    Disabled,
    /// A key scheduled for deletion (`KMS.0210`).
    PendingDeletion,
    /// A key waiting for imported material (`KMS.1301`, key not enabled).
    PendingImport,
    /// A key not yet activated (`KMS.1301`, key not enabled).
    PendingActivation,
}

impl Slug for NotRotatable {
    const ALL: &'static [Self] = &[
        NotRotatable::DefaultKey,
        NotRotatable::External,
        NotRotatable::Asymmetric,
        NotRotatable::Disabled,
        NotRotatable::PendingDeletion,
        NotRotatable::PendingImport,
        NotRotatable::PendingActivation,
    ];

    /// `default_key`, `external`, `asymmetric`, `disabled`, `pending_deletion`,
    /// `pending_import` or `pending_activation`.
    fn slug(self) -> &'static str {
        match self {
            NotRotatable::DefaultKey => "default_key",
            NotRotatable::External => "external",
            NotRotatable::Asymmetric => "asymmetric",
            NotRotatable::Disabled => "disabled",
            NotRotatable::PendingDeletion => "pending_deletion",
            NotRotatable::PendingImport => "pending_import",
            NotRotatable::PendingActivation => "pending_activation",
        }
    }
}

/// True for the asymmetric specs of docs/api.md ("KMS: keys", `key_spec`): `RSA_*`, `EC_*` and
/// `SM2`. Any other spec counts as symmetric and is left for KMS to judge.
pub(super) fn is_asymmetric(spec: &str) -> bool {
    spec.starts_with("RSA_") || spec.starts_with("EC_") || spec == "SM2"
}
