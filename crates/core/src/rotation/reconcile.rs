//! After a reload or an unclear answer, the user's keys are read again and the rotation is
//! brought in line with them: what the unanswered write did, and what changed elsewhere.

use super::{Elsewhere, Pending, RotationRecord, Stage, Step};
use crate::access_key::AccessKey;

/// What reading the user's keys again means for a rotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconciliation {
    /// The steps that bring the record in line, in order.
    pub steps: Vec<Step>,
    /// The new key the rotation created is gone (deleted elsewhere): the wizard cannot go on
    /// with it, and says so.
    pub new_key_missing: bool,
}

/// Compares `record` with the user's keys as IAM lists them now.
///
/// - The old key gone: the rotation ends (completed when its own delete was unanswered).
/// - An unanswered create: a key that appeared since is an orphan (its secret was never
///   seen), else nothing was created and the step may be sent again.
/// - An unanswered disable, enable or delete: done if the key shows it, else not applied.
/// - The old key disabled elsewhere while watching: on to observing; enabled again elsewhere
///   while observing or deleting: back to watching. An orphan deleted elsewhere is forgotten.
pub fn reconcile(record: &RotationRecord, keys: &[AccessKey]) -> Reconciliation {
    let find = |access: &str| keys.iter().find(|key| key.access == access);
    let Some(old) = find(&record.old) else {
        let own_delete =
            matches!(&record.pending, Some(Pending::Delete { access }) if *access == record.old);
        let step = if own_delete && matches!(record.stage, Stage::Delete | Stage::Replace) {
            Step::Deleted {
                access: record.old.clone(),
                request_id: None,
            }
        } else {
            Step::OldKeyGone
        };
        return Reconciliation {
            steps: vec![step],
            new_key_missing: false,
        };
    };
    let mut steps = Vec::new();
    match &record.pending {
        Some(Pending::Create { keys_before }) => {
            let appeared = keys
                .iter()
                .find(|key| !keys_before.contains(&key.access) && key.access != record.old);
            steps.push(match appeared {
                Some(key) => Step::OrphanFound {
                    access: key.access.clone(),
                },
                None => Step::NotApplied,
            });
        }
        Some(Pending::Disable) if !old.is_active() => {
            steps.push(Step::Disabled { request_id: None })
        }
        Some(Pending::Enable) if old.is_active() => {
            steps.push(Step::RolledBack { request_id: None })
        }
        Some(Pending::Delete { access }) if find(access).is_none() => {
            steps.push(if record.orphan.as_ref() == Some(access) {
                Step::Deleted {
                    access: access.clone(),
                    request_id: None,
                }
            } else {
                Step::SlotFreed {
                    access: access.clone(),
                    request_id: None,
                }
            });
        }
        Some(_) => steps.push(Step::NotApplied),
        None => {}
    }
    if record.pending.is_none()
        && let Some(orphan) = &record.orphan
        && find(orphan).is_none()
    {
        steps.push(Step::Deleted {
            access: orphan.clone(),
            request_id: None,
        });
    }
    let stage = match steps.last() {
        Some(Step::Disabled { .. }) => Stage::Observe,
        Some(Step::RolledBack { .. }) => Stage::Watch,
        _ => record.stage,
    };
    match (stage, old.is_active()) {
        (Stage::Watch | Stage::Disable, false) => steps.push(Step::Reconciled {
            note: Elsewhere::Disabled,
            stage: Stage::Observe,
        }),
        (Stage::Observe | Stage::Delete, true) => steps.push(Step::Reconciled {
            note: Elsewhere::Enabled,
            stage: Stage::Watch,
        }),
        _ => {}
    }
    let new_key_missing = record
        .new
        .as_ref()
        .is_some_and(|new| find(&new.access).is_none());
    Reconciliation {
        steps,
        new_key_missing,
    }
}
