//! Temporary stand-in for `keyturn_core::policy::RotationPolicy` until that module lands.

use serde::{Deserialize, Serialize};

/// When an access key is due for rotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RotationPolicy {
    /// Age in days at which a key is overdue.
    pub rotate_after_days: u32,
    /// Days before that age at which a key is due soon.
    pub warn_before_days: u32,
}

impl Default for RotationPolicy {
    fn default() -> Self {
        Self {
            rotate_after_days: 90,
            warn_before_days: 14,
        }
    }
}
