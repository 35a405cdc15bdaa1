//! The counts at the top of the KMS table.

use super::Rotation;
use super::row::KmsKeyRow;

/// Counts of keys by rotation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct KmsSummary {
    /// Keys.
    pub keys: usize,
    /// Keys whose rotation is on (see [`KmsKeyRow::rotation_enabled`]).
    pub rotation_on: usize,
    /// Keys that can rotate and whose rotation is off.
    pub rotation_off: usize,
    /// Keys that cannot rotate.
    pub not_rotatable: usize,
    /// Keys whose rotation status could not be read.
    pub failed: usize,
}

impl KmsSummary {
    /// Counts the given rows, e.g. all rows or only the visible ones.
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a KmsKeyRow>) -> Self {
        let mut summary = Self::default();
        for row in rows {
            summary.keys += 1;
            match row.rotation_enabled() {
                Some(true) => summary.rotation_on += 1,
                Some(false) => summary.rotation_off += 1,
                None => summary.not_rotatable += 1,
            }
            summary.failed += usize::from(matches!(row.rotation, Rotation::Failed(_)));
        }
        summary
    }
}
