//! Access key rotation without the browser: one rotation's record and the steps that move it
//! (the safe wizard of seed 001 and the quick flow of seed 000), the preflight for a free slot,
//! the watch of the old key's last use, reconciliation with the keys as IAM lists them after a
//! reload or an unclear answer, the book saved in localStorage, and plans for many keys.

mod answer;
mod book;
mod plan;
mod preflight;
mod reconcile;
mod record;
mod stage;
mod step;
mod view;
mod watch;

pub use answer::is_unclear;
pub use book::{BookAction, HISTORY_LIMIT, ROTATIONS_KEY, RotationBook, StartRefused};
pub use plan::{PlanAction, PlanInput, PlanItem, SkipWhy, plan_rotations};
pub use preflight::{Preflight, SlotSuggestion, preflight};
pub use reconcile::{Reconciliation, reconcile};
pub use record::{
    DEFAULT_WATCH_MINUTES, Elsewhere, Event, EventKind, MIN_WATCH_MINUTES, NewKey, Outcome,
    Pending, RotationRecord, Watch,
};
pub use stage::{Mode, OldKeyEnd, Stage};
pub use step::{Step, StepRefused};
pub use view::RotationView;
pub use watch::{ADVISED_WATCH_DAYS, LAST_USE_GRANULARITY_MINUTES, WatchReport};
