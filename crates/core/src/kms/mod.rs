//! The KMS page without the browser: a region's keys listed page by page with their rotation
//! status, which keys can rotate, the table's filter, order, URL form, counts and exports, the
//! interval field, bulk rotation changes planned and run, and the spacing of KMS calls.
//!
//! The app fills a [`KmsState`](crate::kms::KmsState) as KMS answers arrive, keeps a
//! [`KmsView`](crate::kms::KmsView) in the URL and renders `view.apply(&state.keys)`; a bulk
//! change is a [`BulkPlan`](crate::kms::BulkPlan) of the selected rows, then a
//! [`BulkRun`](crate::kms::BulkRun) of its writes, each sent at a
//! [`RateLimiter`](crate::kms::RateLimiter)'s pace.

mod bulk;
mod console;
pub mod export;
mod filter;
mod interval;
mod key_state;
mod keys;
mod load;
mod not_rotatable;
mod plan;
mod query;
mod rate;
mod rotation;
mod row;
mod run;
mod sort;
mod step;
mod summary;
mod view;

pub use bulk::{BulkStage, BulkState, BulkStateAction};
pub use console::{KmsConsoleAction, KmsConsoleState, KmsDialog, KmsNotice};
pub use filter::KmsFilter;
pub use interval::{IntervalProblem, RotationInterval, parse_interval};
pub use key_state::KmsKeyState;
pub use keys::KmsKeys;
pub use load::{KeyListing, KmsAction, KmsState};
pub use not_rotatable::NotRotatable;
pub use plan::{BulkChange, BulkItem, BulkPlan, SkipReason};
pub use rate::{
    KMS_REQUESTS_PER_SECOND, RateLimiter, THROTTLE_BACKOFF_BASE_MS, THROTTLE_BACKOFF_MAX_MS,
};
pub use rotation::{Rotation, RotationStatus};
pub use row::{KeyOrigin, KmsKeyRow};
pub use run::{BulkAction, BulkRun, KeyRun, KeyRunState};
pub use sort::{KmsSort, KmsSortKey};
pub use step::Step;
pub use summary::KmsSummary;
pub use view::KmsView;
