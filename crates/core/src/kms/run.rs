//! A bulk rotation change as it runs: each planned key's writes, sent in order, and what KMS
//! answered. A reducer, like the page's models; the app sends the writes (spaced by a
//! [`RateLimiter`](super::RateLimiter)) and dispatches each answer.

use super::{BulkChange, BulkItem, BulkPlan, RotationStatus, Step};
use crate::error::{ApiError, Error};
use crate::ids::KmsKeyId;
use crate::model::Model;

/// `enable-key-rotation` while rotation is already on.
const ROTATION_ALREADY_ON: &str = "KMS.2901";
/// A rotation write that needs rotation on, while it is off.
const ROTATION_NOT_ON: &str = "KMS.0313";

/// Where one key's writes stand.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyRunState {
    /// Not started.
    Pending,
    /// Its writes are being sent.
    Running,
    /// Every write was confirmed.
    Done,
    /// A write failed; the writes after it were not sent.
    Failed {
        /// The write that failed.
        step: Step,
        /// Why.
        error: Error,
    },
}

/// One planned key in a run.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyRun {
    /// The key.
    pub key: KmsKeyId,
    /// Its writes, in order.
    pub steps: Vec<Step>,
    /// How many of them KMS confirmed.
    pub confirmed: usize,
    /// Its rotation as last confirmed: the planned status with each confirmed write applied.
    pub status: RotationStatus,
    /// Where it stands.
    pub state: KeyRunState,
}

impl KeyRun {
    /// The write to send next, while the key is pending or running.
    pub fn next_step(&self) -> Option<Step> {
        match self.state {
            KeyRunState::Pending | KeyRunState::Running => self.steps.get(self.confirmed).copied(),
            KeyRunState::Done | KeyRunState::Failed { .. } => None,
        }
    }

    fn is_settled(&self) -> bool {
        matches!(self.state, KeyRunState::Done | KeyRunState::Failed { .. })
    }
}

/// A bulk change under way: every planned key of a [`BulkPlan`] (skipped keys are not part
/// of it).
#[derive(Debug, Clone, PartialEq)]
pub struct BulkRun {
    change: BulkChange,
    keys: Vec<KeyRun>,
}

impl BulkRun {
    /// A run of `plan`'s planned keys, none started.
    pub fn new(plan: &BulkPlan) -> Self {
        let keys = plan
            .items()
            .iter()
            .filter_map(|item| match item {
                BulkItem::Planned {
                    key,
                    current,
                    steps,
                } => Some(KeyRun {
                    key: key.clone(),
                    steps: steps.clone(),
                    confirmed: 0,
                    status: *current,
                    state: KeyRunState::Pending,
                }),
                BulkItem::Skipped { .. } => None,
            })
            .collect();
        Self {
            change: *plan.change(),
            keys,
        }
    }

    /// Every key of the run, in plan order.
    pub fn keys(&self) -> &[KeyRun] {
        &self.keys
    }

    /// The run of the key `key`.
    pub fn key(&self, key: &str) -> Option<&KeyRun> {
        self.keys.iter().find(|run| run.key == key)
    }

    /// Keys not started yet, in plan order: what to start next.
    pub fn pending_keys(&self) -> impl Iterator<Item = &KmsKeyId> {
        self.keys
            .iter()
            .filter(|run| run.state == KeyRunState::Pending)
            .map(|run| &run.key)
    }

    /// Keys settled (done or failed), and keys in the run.
    pub fn progress(&self) -> (usize, usize) {
        let settled = self.keys.iter().filter(|run| run.is_settled()).count();
        (settled, self.keys.len())
    }

    /// True once every key is done or failed.
    pub fn is_finished(&self) -> bool {
        self.keys.iter().all(KeyRun::is_settled)
    }

    /// Keys whose writes failed, in plan order.
    pub fn failed_keys(&self) -> impl Iterator<Item = &KmsKeyId> {
        self.keys
            .iter()
            .filter(|run| matches!(run.state, KeyRunState::Failed { .. }))
            .map(|run| &run.key)
    }

    /// "Retry failed": the same change planned again for the failed keys only, each from its
    /// last confirmed status (so a write that was confirmed is not sent again): the status read
    /// after the failure, else what the refusal told, else the plan's with the writes confirmed.
    pub fn retry_plan(&self) -> BulkPlan {
        let failed = self
            .keys
            .iter()
            .filter(|run| matches!(run.state, KeyRunState::Failed { .. }))
            .map(|run| (run.key.clone(), run.status));
        BulkPlan::from_statuses(failed, &self.change)
    }

    fn key_mut(&mut self, key: &str) -> Option<&mut KeyRun> {
        self.keys.iter_mut().find(|run| run.key == key)
    }
}

/// An answer or a start during a bulk run.
#[derive(Debug, Clone, PartialEq)]
pub enum BulkAction {
    /// A pending key's first write is being sent.
    Started {
        /// The key.
        key: KmsKeyId,
    },
    /// KMS confirmed a running key's next write (a 200 answer).
    StepConfirmed {
        /// The key.
        key: KmsKeyId,
        /// The write, its next one.
        step: Step,
    },
    /// A running key's next write failed.
    ///
    /// A refusal that tells the key's rotation is remembered for a retry: `KMS.2901` on
    /// `Enable` means rotation is on (taken at the interval enabling sets), `KMS.0313` on
    /// `Disable` or `SetInterval` means it is off.
    StepFailed {
        /// The key.
        key: KmsKeyId,
        /// The write, its next one.
        step: Step,
        /// Why.
        error: Error,
    },
    /// A failed key's status, read after its failure: the retry plans from it.
    StatusRead {
        /// The key.
        key: KmsKeyId,
        /// Its rotation as KMS reports it now.
        status: RotationStatus,
    },
    /// Answers that arrived together, applied in order.
    Batch(Vec<BulkAction>),
}

impl Model for BulkRun {
    type Action = BulkAction;

    /// Applies `action`; false when it does not fit the key's state (e.g. an answer for a
    /// write that is not the key's next one).
    fn apply(&mut self, action: BulkAction) -> bool {
        match action {
            BulkAction::Started { key } => match self.key_mut(&key) {
                Some(run) if run.state == KeyRunState::Pending => {
                    run.state = KeyRunState::Running;
                    true
                }
                _ => false,
            },
            BulkAction::StepConfirmed { key, step } => match self.key_mut(&key) {
                Some(run) if run.state == KeyRunState::Running && run.next_step() == Some(step) => {
                    run.status = run.status.after(step);
                    run.confirmed += 1;
                    if run.confirmed == run.steps.len() {
                        run.state = KeyRunState::Done;
                    }
                    true
                }
                _ => false,
            },
            BulkAction::StepFailed { key, step, error } => match self.key_mut(&key) {
                Some(run) if run.state == KeyRunState::Running && run.next_step() == Some(step) => {
                    run.status = learned(run.status, step, &error);
                    run.state = KeyRunState::Failed { step, error };
                    true
                }
                _ => false,
            },
            BulkAction::StatusRead { key, status } => match self.key_mut(&key) {
                Some(run) if matches!(run.state, KeyRunState::Failed { .. }) => {
                    let changed = run.status != status;
                    run.status = status;
                    changed
                }
                _ => false,
            },
            BulkAction::Batch(actions) => {
                let mut changed = false;
                for action in actions {
                    changed |= self.apply(action);
                }
                changed
            }
        }
    }
}

/// What a refusal of `step` tells of the key's rotation.
fn learned(status: RotationStatus, step: Step, error: &Error) -> RotationStatus {
    let Error::Api(ApiError { code, .. }) = error else {
        return status;
    };
    match (step, code.as_str()) {
        (Step::Enable, ROTATION_ALREADY_ON) => status.after(Step::Enable),
        (Step::Disable | Step::SetInterval(_), ROTATION_NOT_ON) => RotationStatus {
            enabled: false,
            ..status
        },
        _ => status,
    }
}
