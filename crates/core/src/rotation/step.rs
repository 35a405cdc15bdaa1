//! What moves a rotation: the person's choices and the server's answers, applied to its
//! record. A step that does not fit where the rotation stands is refused and changes nothing.

use chrono::{DateTime, Utc};

use super::record::{Elsewhere, EventKind, MIN_WATCH_MINUTES};
use super::{Mode, NewKey, Outcome, Pending, RotationRecord, Stage};
use crate::ids::AccessKeyId;

/// One step of a rotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A key other than the one rotated was deleted to free a slot (server confirmed).
    SlotFreed {
        /// The key.
        access: AccessKeyId,
        /// The answer's request id.
        request_id: Option<String>,
    },
    /// The person chose how the rotation goes (at the preflight only).
    ModeChosen(Mode),
    /// The preflight found a free slot: on to creating the new key.
    PreflightPassed,
    /// A write is about to be sent: saved first, so that a reload knows to check it.
    Sent(Pending),
    /// The write sent failed with a clear answer (nothing changed on the server).
    Refused {
        /// What the server said.
        error: String,
    },
    /// IAM created the new key.
    Created {
        /// The key (its secret is shown, never kept).
        key: NewKey,
        /// The answer's request id.
        request_id: Option<String>,
    },
    /// The user ticked "I have saved the secret access key".
    SecretSaved,
    /// The new key's secret is gone unsaved (the page was closed while it showed, and the
    /// person did not keep it): the key is useless, an orphan to delete before creating again.
    SecretLost,
    /// The applications were told: the watch begins.
    HandedOver,
    /// The old and new keys' last use, as read now.
    Checked {
        /// The old key's last use (`None`: never used).
        old_last_used: Option<DateTime<Utc>>,
        /// The new key's last use (`None`: never used).
        new_last_used: Option<DateTime<Utc>>,
    },
    /// Check every `minutes` (at least [`MIN_WATCH_MINUTES`]).
    WatchEvery {
        /// Minutes.
        minutes: u32,
    },
    /// On to disabling the old key; `early` when before the advised week, after a warning.
    MovedOn {
        /// Before the advised watch.
        early: bool,
    },
    /// IAM disabled the old key.
    Disabled {
        /// The answer's request id.
        request_id: Option<String>,
    },
    /// IAM enabled the old key again.
    RolledBack {
        /// The answer's request id.
        request_id: Option<String>,
    },
    /// On to deleting the old key.
    ToDelete,
    /// IAM deleted a key: the old one, or the orphan.
    Deleted {
        /// The key.
        access: AccessKeyId,
        /// The answer's request id.
        request_id: Option<String>,
    },
    /// Reading the keys again showed the old key is gone: the rotation ends.
    OldKeyGone,
    /// Reading the keys again showed a key created without its secret being seen.
    OrphanFound {
        /// The key.
        access: AccessKeyId,
    },
    /// Reading the keys again showed the write sent did not happen.
    NotApplied,
    /// Reading the keys again explained a difference (e.g. the old key was disabled elsewhere).
    Reconciled {
        /// What changed outside the wizard.
        note: Elsewhere,
        /// Where the rotation now stands.
        stage: Stage,
    },
    /// The user stopped the rotation.
    Abandoned,
}

/// Why a step was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepRefused;

impl RotationRecord {
    /// Applies `step` at `at`; refused (nothing changed) when it does not fit the stage, when a
    /// write is still unaccounted for, or when the rotation is finished.
    pub fn apply(&mut self, step: Step, at: DateTime<Utc>) -> Result<(), StepRefused> {
        if self.is_finished() {
            return Err(StepRefused);
        }
        let stage = self.stage;
        let sent = self.pending.is_some();
        let quick = self.mode == Mode::Quick;
        match step {
            Step::Sent(pending) if !sent && self.may_send(&pending) => self.pending = Some(pending),
            Step::Refused { error } if sent => {
                self.pending = None;
                self.log(at, EventKind::Failed { error }, None);
            }
            Step::NotApplied if sent => self.pending = None,
            Step::SlotFreed { access, request_id }
                if stage == Stage::Preflight && access != self.old =>
            {
                self.pending = None;
                self.log(at, EventKind::SlotFreed { access }, request_id);
            }
            Step::ModeChosen(mode) if stage == Stage::Preflight => self.mode = mode,
            Step::PreflightPassed if stage == Stage::Preflight && !sent => {
                self.stage = Stage::Create;
            }
            Step::Created { key, request_id } if stage == Stage::Create && self.new.is_none() => {
                self.pending = None;
                let access = key.access.clone();
                self.new = Some(key);
                self.log(at, EventKind::Created { access }, request_id);
            }
            Step::OrphanFound { access }
                if stage == Stage::Create
                    && matches!(self.pending, Some(Pending::Create { .. })) =>
            {
                self.pending = None;
                self.orphan = Some(access.clone());
                self.log(at, EventKind::OrphanFound { access }, None);
            }
            Step::SecretSaved if stage == Stage::Create && self.new.is_some() && !sent => {
                self.stage = if quick {
                    Stage::Replace
                } else {
                    Stage::HandOver
                };
                self.log(at, EventKind::SecretSaved, None);
            }
            Step::SecretLost if stage == Stage::Create && self.orphan.is_none() => {
                if let Some(lost) = self.new.take() {
                    self.orphan = Some(lost.access.clone());
                    self.log(
                        at,
                        EventKind::OrphanFound {
                            access: lost.access,
                        },
                        None,
                    );
                } else {
                    return Err(StepRefused);
                }
            }
            Step::HandedOver if stage == Stage::HandOver && !sent => {
                self.stage = Stage::Watch;
                self.watch.since = Some(at);
                self.log(at, EventKind::HandedOver, None);
            }
            Step::Checked {
                old_last_used,
                new_last_used,
            } if matches!(stage, Stage::Watch | Stage::Observe) => {
                self.watch.checked = Some(at);
                self.watch.old_last_used = old_last_used;
                if self.watch.new_first_used.is_none() {
                    self.watch.new_first_used = new_last_used;
                }
            }
            Step::WatchEvery { minutes } if minutes >= MIN_WATCH_MINUTES => {
                self.watch.every_minutes = minutes;
            }
            Step::MovedOn { early } if stage == Stage::Watch && !sent => {
                self.stage = Stage::Disable;
                if early {
                    self.log(at, EventKind::MovedOnEarly, None);
                }
            }
            Step::Disabled { request_id } if matches!(stage, Stage::Disable | Stage::Replace) => {
                self.pending = None;
                self.log(at, EventKind::Disabled, request_id);
                if stage == Stage::Replace {
                    self.finish(Outcome::Completed);
                } else {
                    self.stage = Stage::Observe;
                }
            }
            Step::RolledBack { request_id } if stage == Stage::Observe => {
                self.pending = None;
                self.stage = Stage::Watch;
                self.watch.since = Some(at);
                self.log(at, EventKind::RolledBack, request_id);
            }
            Step::ToDelete if stage == Stage::Observe && !sent => self.stage = Stage::Delete,
            Step::Deleted { access, request_id } if self.orphan.as_ref() == Some(&access) => {
                self.pending = None;
                self.orphan = None;
                self.log(at, EventKind::OrphanDeleted { access }, request_id);
            }
            Step::Deleted { access, request_id }
                if access == self.old && matches!(stage, Stage::Delete | Stage::Replace) =>
            {
                self.pending = None;
                self.log(at, EventKind::Deleted, request_id);
                self.finish(Outcome::Completed);
            }
            Step::OldKeyGone => {
                self.pending = None;
                let note = Elsewhere::Deleted;
                self.log(at, EventKind::Reconciled { note }, None);
                self.finish(Outcome::OldKeyGone);
            }
            Step::Reconciled { note, stage } => {
                self.pending = None;
                self.stage = stage;
                self.log(at, EventKind::Reconciled { note }, None);
            }
            Step::Abandoned if !sent => {
                self.log(at, EventKind::Abandoned, None);
                self.finish(Outcome::Abandoned);
            }
            _ => return Err(StepRefused),
        }
        Ok(())
    }

    /// Whether the write `pending` fits the stage: creating only once and with no orphan left,
    /// disabling and deleting the old key only at their steps, and never the old key when
    /// freeing a slot.
    fn may_send(&self, pending: &Pending) -> bool {
        match pending {
            Pending::Create { .. } => {
                self.stage == Stage::Create && self.new.is_none() && self.orphan.is_none()
            }
            Pending::Disable => matches!(self.stage, Stage::Disable | Stage::Replace),
            Pending::Enable => self.stage == Stage::Observe,
            Pending::Delete { access } if Some(access) == self.orphan.as_ref() => true,
            Pending::Delete { access } if *access == self.old => {
                matches!(self.stage, Stage::Delete | Stage::Replace)
            }
            Pending::Delete { .. } => self.stage == Stage::Preflight,
        }
    }

    fn finish(&mut self, outcome: Outcome) {
        self.stage = Stage::Finished;
        self.outcome = Some(outcome);
    }
}
