//! A key's rotation as `get-key-rotation-status` reports it, and where loading it stands.

use chrono::{DateTime, Utc};

use super::{RotationInterval, Step};
use crate::error::Error;
use crate::types::kms::KeyRotationStatus;

/// A key's rotation, as KMS confirmed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RotationStatus {
    /// Whether rotation is on.
    pub enabled: bool,
    /// Days between rotations (KMS keeps it while rotation is off).
    pub interval_days: u32,
    /// The last rotation; `None` if never rotated.
    pub last_rotation: Option<DateTime<Utc>>,
    /// Rotations so far.
    pub rotations: u32,
}

impl From<&KeyRotationStatus> for RotationStatus {
    fn from(status: &KeyRotationStatus) -> Self {
        Self {
            enabled: status.key_rotation_enabled,
            interval_days: status.rotation_interval,
            last_rotation: status.last_rotation_time,
            rotations: status.number_of_rotations,
        }
    }
}

impl RotationStatus {
    /// The status once KMS confirmed `step`: enabling turns rotation on at 365 days, setting
    /// the interval changes only the interval, disabling keeps it.
    pub fn after(self, step: Step) -> Self {
        match step {
            Step::Enable => Self {
                enabled: true,
                interval_days: RotationInterval::ON_ENABLE.days(),
                ..self
            },
            Step::SetInterval(interval) => Self {
                interval_days: interval.days(),
                ..self
            },
            Step::Disable => Self {
                enabled: false,
                ..self
            },
        }
    }
}

/// Where a key's rotation status stands on the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Rotation {
    /// A rotatable key whose status has not been asked for yet.
    Unknown,
    /// Its status has been asked for.
    Loading,
    /// The key cannot rotate (see [`KmsKeyRow::rotatable`](super::KmsKeyRow::rotatable)); no
    /// status is asked for.
    NotApplicable,
    /// KMS answered.
    Known(RotationStatus),
    /// Asking failed.
    Failed(Error),
}

impl Rotation {
    /// The confirmed status, once known.
    pub fn status(&self) -> Option<&RotationStatus> {
        match self {
            Rotation::Known(status) => Some(status),
            _ => None,
        }
    }

    /// True for a rotatable key whose status is still to be asked for or answered.
    pub fn is_awaited(&self) -> bool {
        matches!(self, Rotation::Unknown | Rotation::Loading)
    }
}
