//! The rotation interval: a checked number of days, and what a typed one can get wrong.

use std::fmt;

use crate::validate::{self, ROTATION_INTERVAL_DAYS, ValidationError};

/// Days between rotations, within [`ROTATION_INTERVAL_DAYS`] (30 to 365).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RotationInterval(u32);

impl RotationInterval {
    /// The interval KMS sets when rotation is enabled: 365 days (docs/api.md, "KMS: rotation",
    /// "Enabling sets the interval to 365 days").
    pub const ON_ENABLE: Self = Self(365);

    /// The interval of `days`, if KMS accepts it.
    pub fn new(days: u32) -> Result<Self, ValidationError> {
        validate::rotation_interval(days)?;
        Ok(Self(days))
    }

    /// The number of days.
    pub fn days(self) -> u32 {
        self.0
    }
}

impl fmt::Display for RotationInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What is wrong with a typed interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntervalProblem {
    /// Nothing was typed.
    Empty,
    /// Not a whole number of days in digits, e.g. `3.5`, `90d` or `-30`.
    NotWholeDays,
    /// Fewer than 30 days.
    BelowMinimum,
    /// More than 365 days.
    AboveMaximum,
}

/// Reads the interval field: decimal digits with optional surrounding spaces (`" 90 "` is 90,
/// `"030"` is 30).
pub fn parse_interval(text: &str) -> Result<RotationInterval, IntervalProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(IntervalProblem::Empty);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IntervalProblem::NotWholeDays);
    }
    // Digits only: a parse failure is an overflow, far above the maximum.
    let days = text.parse::<u32>().unwrap_or(u32::MAX);
    if days < *ROTATION_INTERVAL_DAYS.start() {
        Err(IntervalProblem::BelowMinimum)
    } else if days > *ROTATION_INTERVAL_DAYS.end() {
        Err(IntervalProblem::AboveMaximum)
    } else {
        Ok(RotationInterval(days))
    }
}
