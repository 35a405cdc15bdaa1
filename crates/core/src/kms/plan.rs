//! A bulk rotation change planned key by key: the writes each selected key needs, and why the
//! others are left alone. Only writes KMS accepts in the key's confirmed state are planned:
//! enabling while rotation is on would be refused with `KMS.2901`, disabling or setting the
//! interval while it is off with `KMS.0313` (docs/api.md, "KMS: rotation").

use super::{KmsKeyRow, NotRotatable, RotationInterval, RotationStatus, Step};
use crate::ids::KmsKeyId;

/// What a bulk change asks of every selected key; `None` leaves that part as it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct BulkChange {
    /// Rotation on (`true`) or off (`false`).
    pub rotation: Option<bool>,
    /// The interval of keys whose rotation is or becomes on; ignored when turning rotation off.
    pub interval: Option<RotationInterval>,
}

/// Why a selected key gets no write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// The key cannot rotate.
    NotRotatable(NotRotatable),
    /// Its rotation status is not known (not loaded yet, or the read failed).
    StatusUnknown,
    /// It already is as asked.
    NothingToChange,
    /// Only an interval was asked and the key's rotation is off: setting it would be refused
    /// (`KMS.0313`), and turning rotation on was not asked for.
    RotationOff,
}

/// One selected key in a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkItem {
    /// The key gets these writes, in order.
    Planned {
        /// The key.
        key: KmsKeyId,
        /// Its confirmed status before the first write.
        current: RotationStatus,
        /// The writes: `Enable` first when rotation is turned on, then `SetInterval` when the
        /// interval wanted differs from the one it will have; or `Disable` alone.
        steps: Vec<Step>,
    },
    /// The key is left alone.
    Skipped {
        /// The key.
        key: KmsKeyId,
        /// Why.
        reason: SkipReason,
    },
}

/// The plan of a bulk change over the selected keys, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkPlan {
    change: BulkChange,
    items: Vec<BulkItem>,
}

impl BulkPlan {
    /// Plans `change` for each of `rows` from its confirmed rotation status.
    pub fn new<'a>(rows: impl IntoIterator<Item = &'a KmsKeyRow>, change: &BulkChange) -> Self {
        let items = rows
            .into_iter()
            .map(|row| {
                let planned = match (row.rotatable(), row.status()) {
                    (Err(reason), _) => Err(SkipReason::NotRotatable(reason)),
                    (Ok(()), None) => Err(SkipReason::StatusUnknown),
                    (Ok(()), Some(current)) => steps(*current, change).map(|s| (*current, s)),
                };
                Self::item(row.id.clone(), planned)
            })
            .collect();
        Self {
            change: *change,
            items,
        }
    }

    /// Plans `change` for keys whose confirmed statuses are given, e.g. the failed keys of a
    /// run (which could all rotate when first planned).
    pub(super) fn from_statuses(
        statuses: impl IntoIterator<Item = (KmsKeyId, RotationStatus)>,
        change: &BulkChange,
    ) -> Self {
        let items = statuses
            .into_iter()
            .map(|(key, current)| {
                let planned = steps(current, change).map(|s| (current, s));
                Self::item(key, planned)
            })
            .collect();
        Self {
            change: *change,
            items,
        }
    }

    /// The change planned.
    pub fn change(&self) -> &BulkChange {
        &self.change
    }

    /// Every selected key, in the order given.
    pub fn items(&self) -> &[BulkItem] {
        &self.items
    }

    /// How many keys get writes.
    pub fn planned_count(&self) -> usize {
        self.items
            .iter()
            .filter(|item| matches!(item, BulkItem::Planned { .. }))
            .count()
    }

    /// How many writes the plan sends in all.
    pub fn request_count(&self) -> usize {
        self.items
            .iter()
            .map(|item| match item {
                BulkItem::Planned { steps, .. } => steps.len(),
                BulkItem::Skipped { .. } => 0,
            })
            .sum()
    }

    fn item(key: KmsKeyId, planned: Result<(RotationStatus, Vec<Step>), SkipReason>) -> BulkItem {
        match planned {
            Ok((current, steps)) => BulkItem::Planned {
                key,
                current,
                steps,
            },
            Err(reason) => BulkItem::Skipped { key, reason },
        }
    }
}

/// The writes that take a key from `current` to what `change` asks.
fn steps(current: RotationStatus, change: &BulkChange) -> Result<Vec<Step>, SkipReason> {
    let interval_step = |from_days: u32| {
        change
            .interval
            .filter(|wanted| wanted.days() != from_days)
            .map(Step::SetInterval)
    };
    let steps: Vec<Step> = match (change.rotation, current.enabled) {
        (Some(false), true) => vec![Step::Disable],
        (Some(false), false) => Vec::new(),
        (Some(true), false) => std::iter::once(Step::Enable)
            .chain(interval_step(RotationInterval::ON_ENABLE.days()))
            .collect(),
        (Some(true) | None, true) => interval_step(current.interval_days).into_iter().collect(),
        (None, false) if change.interval.is_some() => return Err(SkipReason::RotationOff),
        (None, false) => Vec::new(),
    };
    if steps.is_empty() {
        Err(SkipReason::NothingToChange)
    } else {
        Ok(steps)
    }
}
