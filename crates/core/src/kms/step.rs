//! One rotation write: what a bulk change sends for a key, one request each.

use super::RotationInterval;

/// A rotation write KMS confirms with an empty 200 answer (docs/api.md, "KMS: rotation").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// `enable-key-rotation`; the interval becomes 365 days.
    Enable,
    /// `update-key-rotation-interval` (rotation must be on).
    SetInterval(RotationInterval),
    /// `disable-key-rotation` (rotation must be on); KMS keeps the interval.
    Disable,
}
