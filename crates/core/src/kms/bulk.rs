//! The bulk change dialog's steps: choose the change, preview its plan, run it (and run the
//! failed keys again).

use super::{BulkAction, BulkPlan, BulkRun};
use crate::model::Model;

/// Where the bulk change dialog stands.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum BulkStage {
    /// The change is being chosen.
    #[default]
    Choosing,
    /// The plan is shown for confirmation: every selected key, current → new, or why skipped.
    Preview(BulkPlan),
    /// The writes are being sent, or have all been answered.
    Running(BulkRun),
}

/// The bulk change dialog's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BulkState {
    /// Its step.
    pub stage: BulkStage,
    /// Runs started in this dialog: 1 for the first, one more for each "Retry failed".
    pub rounds: u32,
}

impl BulkState {
    /// The run, once started.
    pub fn run(&self) -> Option<&BulkRun> {
        match &self.stage {
            BulkStage::Running(run) => Some(run),
            _ => None,
        }
    }

    /// True while a run has keys not yet answered: the dialog cannot close.
    pub fn is_running(&self) -> bool {
        self.run().is_some_and(|run| !run.is_finished())
    }
}

/// A step of the bulk change dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum BulkStateAction {
    /// The change was chosen: show its plan.
    Planned(BulkPlan),
    /// Back from the preview to choosing.
    Back,
    /// The writes of a plan start (the first run after the preview, or a retry of the failed
    /// keys once the run before has finished).
    Started(BulkRun),
    /// An answer of the run in progress.
    Run(BulkAction),
    /// Back to choosing a new change, forgetting the last one (not while a run is under way).
    Reset,
}

impl Model for BulkState {
    type Action = BulkStateAction;

    fn apply(&mut self, action: BulkStateAction) -> bool {
        if action == BulkStateAction::Reset {
            let reset = !self.is_running() && *self != Self::default();
            if reset {
                *self = Self::default();
            }
            return reset;
        }
        match (action, &mut self.stage) {
            (BulkStateAction::Planned(plan), BulkStage::Choosing) => {
                self.stage = BulkStage::Preview(plan);
                true
            }
            (BulkStateAction::Back, BulkStage::Preview(_)) => {
                self.stage = BulkStage::Choosing;
                true
            }
            (BulkStateAction::Started(run), BulkStage::Preview(_)) => {
                self.stage = BulkStage::Running(run);
                self.rounds = 1;
                true
            }
            (BulkStateAction::Started(next), BulkStage::Running(run)) if run.is_finished() => {
                *run = next;
                self.rounds += 1;
                true
            }
            (BulkStateAction::Run(action), BulkStage::Running(run)) => run.apply(action),
            _ => false,
        }
    }
}
