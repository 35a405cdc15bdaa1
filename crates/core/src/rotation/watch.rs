//! What the watch says: since when the old key was last used, whether that was before the new
//! key existed, how long it has been watched, and whether the advised week is over.

use chrono::{DateTime, Duration, Utc};

use super::RotationRecord;

/// The watch the console docs advise before disabling the old key: about a week.
pub const ADVISED_WATCH_DAYS: i64 = 7;

/// IAM records a key's last use coarsely (about every 15 minutes): a use in the last quarter
/// hour may not show yet.
pub const LAST_USE_GRANULARITY_MINUTES: i64 = 15;

/// The watch in numbers, for the wizard to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WatchReport {
    /// How long the old key has been watched.
    pub watched: Duration,
    /// How long ago the old key was last used; `None` if never.
    pub old_used_ago: Option<Duration>,
    /// True when the old key was not used since the new key was created.
    pub quiet_since_new_key: bool,
    /// The new key's first use seen.
    pub new_first_used: Option<DateTime<Utc>>,
    /// True once the old key has been quiet for the advised week of watching (counted from the
    /// later of the watch's start and the old key's last use): moving on needs no warning.
    pub advised_watch_over: bool,
    /// When the next check is due.
    pub next_check: DateTime<Utc>,
}

impl RotationRecord {
    /// The watch as of `now`.
    pub fn watch_report(&self, now: DateTime<Utc>) -> WatchReport {
        let since = self.watch.since.unwrap_or(now);
        let watched = (now - since).max(Duration::zero());
        let old_last_used = self.watch.old_last_used;
        let quiet_since_new_key = match (&self.new, old_last_used) {
            (Some(new), Some(used)) => used < new.created,
            (_, None) => true,
            (None, Some(_)) => false,
        };
        let every = Duration::minutes(i64::from(self.watch.every_minutes));
        WatchReport {
            watched,
            old_used_ago: old_last_used.map(|used| (now - used).max(Duration::zero())),
            quiet_since_new_key,
            new_first_used: self.watch.new_first_used,
            advised_watch_over: now - old_last_used.map_or(since, |used| used.max(since))
                >= Duration::days(ADVISED_WATCH_DAYS),
            next_check: self.watch.checked.map_or(now, |checked| checked + every),
        }
    }
}
