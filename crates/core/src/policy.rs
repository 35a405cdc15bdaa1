//! Given a key, the time and a [`RotationPolicy`](crate::policy::RotationPolicy): how old the
//! key is, whether rotation is due, and whether it is used.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::access_key::AccessKey;
use crate::validate::ValidationError;

/// When keys should be rotated and when an idle key is worth a look; persisted by the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RotationPolicy {
    /// Age in days at which a key is overdue for rotation.
    pub rotate_after_days: u32,
    /// Days before `rotate_after_days` from which a key is due soon.
    pub warn_before_days: u32,
    /// A key younger than this many days is never flagged as never used or unused.
    pub new_key_grace_days: u32,
    /// Days without use after which a key is flagged as unused.
    pub unused_after_days: u32,
}

impl Default for RotationPolicy {
    /// Rotate at 90 days, warn 14 days before, 7 days of grace for new keys, unused after 90 days.
    fn default() -> Self {
        Self {
            rotate_after_days: 90,
            warn_before_days: 14,
            new_key_grace_days: 7,
            unused_after_days: 90,
        }
    }
}

/// Longest period any policy setting may span, in days (ten years).
const MAX_POLICY_DAYS: u32 = 3650;

impl RotationPolicy {
    /// Checks that every setting is in range and that the warning starts before rotation is due.
    pub fn validate(&self) -> Result<(), ValidationError> {
        let in_range = |setting, value, min, max| {
            if (min..=max).contains(&value) {
                Ok(())
            } else {
                Err(ValidationError::PolicyDays {
                    setting,
                    min,
                    max,
                    value,
                })
            }
        };
        in_range(
            "rotate_after_days",
            self.rotate_after_days,
            1,
            MAX_POLICY_DAYS,
        )?;
        in_range("new_key_grace_days", self.new_key_grace_days, 0, 365)?;
        in_range(
            "unused_after_days",
            self.unused_after_days,
            1,
            MAX_POLICY_DAYS,
        )?;
        if self.warn_before_days >= self.rotate_after_days {
            return Err(ValidationError::WarningNotBeforeRotation {
                warn_before_days: self.warn_before_days,
                rotate_after_days: self.rotate_after_days,
            });
        }
        Ok(())
    }
}

/// Rotation urgency of a key, ordered from least to most urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Badge {
    /// Younger than the warning period.
    Ok,
    /// Within `warn_before_days` of rotation.
    DueSoon,
    /// At least `rotate_after_days` old.
    Overdue,
}

/// How a key has been used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Usage {
    /// Used within `unused_after_days` (or still within the new-key grace period).
    Recent {
        /// Whole days since the last use.
        days_since_use: i64,
    },
    /// Never used, but younger than `new_key_grace_days`: not flagged.
    NotYetUsed,
    /// Never used and older than the grace period.
    NeverUsed,
    /// Not used for at least `unused_after_days`.
    Unused {
        /// Whole days since the last use.
        days: i64,
    },
}

/// The verdict on one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Whole days since creation (0 for a creation time in the future).
    pub age_days: i64,
    /// Rotation urgency.
    pub badge: Badge,
    /// Use.
    pub usage: Usage,
}

/// Assesses `key` at `now` under `policy`, whatever the key's status.
pub fn assess(key: &AccessKey, now: DateTime<Utc>, policy: &RotationPolicy) -> Assessment {
    let age_days = whole_days(key.created, now);
    let rotate = i64::from(policy.rotate_after_days);
    let badge = if age_days >= rotate {
        Badge::Overdue
    } else if age_days >= rotate - i64::from(policy.warn_before_days) {
        Badge::DueSoon
    } else {
        Badge::Ok
    };
    let in_grace = age_days < i64::from(policy.new_key_grace_days);
    let usage = match key.last_used {
        None if in_grace => Usage::NotYetUsed,
        None => Usage::NeverUsed,
        Some(used) => {
            let days = whole_days(used, now);
            if !in_grace && days >= i64::from(policy.unused_after_days) {
                Usage::Unused { days }
            } else {
                Usage::Recent {
                    days_since_use: days,
                }
            }
        }
    };
    Assessment {
        age_days,
        badge,
        usage,
    }
}

/// Whole days from `from` to `to`, never negative.
fn whole_days(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    (to - from).num_days().max(0)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::types::credential::KeyStatus;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
    }

    fn key(age_days: i64, last_used_days_ago: Option<i64>) -> AccessKey {
        AccessKey {
            user_id: crate::ids::UserId::parse("u1").unwrap(),
            access: crate::ids::AccessKeyId::parse("HPUAEXAMPLEAK0000001").unwrap(),
            status: KeyStatus::Active,
            created: now() - Duration::days(age_days),
            last_used: last_used_days_ago.map(|d| now() - Duration::days(d)),
            description: String::new(),
        }
    }

    #[test]
    fn badges_at_the_boundaries() {
        let policy = RotationPolicy::default();
        for (age, badge) in [
            (0, Badge::Ok),
            (75, Badge::Ok),
            (76, Badge::DueSoon),
            (89, Badge::DueSoon),
            (90, Badge::Overdue),
            (91, Badge::Overdue),
            (400, Badge::Overdue),
        ] {
            let a = assess(&key(age, Some(0)), now(), &policy);
            assert_eq!((a.age_days, a.badge), (age, badge), "age {age}");
        }
    }

    #[test]
    fn age_counts_whole_days() {
        let policy = RotationPolicy::default();
        let mut k = key(90, Some(0));
        k.created += Duration::seconds(1);
        let a = assess(&k, now(), &policy);
        assert_eq!((a.age_days, a.badge), (89, Badge::DueSoon));
    }

    #[test]
    fn usage_at_the_boundaries() {
        let policy = RotationPolicy::default();
        for (age, last_used, usage) in [
            (0, None, Usage::NotYetUsed),
            (6, None, Usage::NotYetUsed),
            (7, None, Usage::NeverUsed),
            (400, None, Usage::NeverUsed),
            (120, Some(89), Usage::Recent { days_since_use: 89 }),
            (120, Some(90), Usage::Unused { days: 90 }),
            (400, Some(300), Usage::Unused { days: 300 }),
            (3, Some(1), Usage::Recent { days_since_use: 1 }),
        ] {
            assert_eq!(
                assess(&key(age, last_used), now(), &policy).usage,
                usage,
                "age {age}, last used {last_used:?}"
            );
        }
    }

    #[test]
    fn a_fresh_key_is_never_flagged_even_with_a_tiny_unused_threshold() {
        let policy = RotationPolicy {
            unused_after_days: 1,
            ..RotationPolicy::default()
        };
        assert_eq!(
            assess(&key(5, Some(4)), now(), &policy).usage,
            Usage::Recent { days_since_use: 4 }
        );
        assert_eq!(
            assess(&key(7, Some(4)), now(), &policy).usage,
            Usage::Unused { days: 4 }
        );
    }

    #[test]
    fn a_400_day_key_never_used() {
        let a = assess(&key(400, None), now(), &RotationPolicy::default());
        assert_eq!(
            a,
            Assessment {
                age_days: 400,
                badge: Badge::Overdue,
                usage: Usage::NeverUsed
            }
        );
    }

    #[test]
    fn times_in_the_future_count_as_zero_days() {
        let a = assess(&key(-2, Some(-1)), now(), &RotationPolicy::default());
        assert_eq!(a.age_days, 0);
        assert_eq!(a.usage, Usage::Recent { days_since_use: 0 });
    }

    #[test]
    fn custom_policy_moves_the_boundaries() {
        let policy = RotationPolicy {
            rotate_after_days: 30,
            warn_before_days: 0,
            new_key_grace_days: 0,
            unused_after_days: 10,
        };
        assert_eq!(assess(&key(29, None), now(), &policy).badge, Badge::Ok);
        assert_eq!(assess(&key(30, None), now(), &policy).badge, Badge::Overdue);
        assert_eq!(
            assess(&key(0, None), now(), &policy).usage,
            Usage::NeverUsed
        );
    }

    #[test]
    fn badges_sort_by_urgency() {
        let mut badges = [Badge::Overdue, Badge::Ok, Badge::DueSoon];
        badges.sort();
        assert_eq!(badges, [Badge::Ok, Badge::DueSoon, Badge::Overdue]);
    }

    #[test]
    fn default_policy_is_valid_and_persists() {
        let policy = RotationPolicy::default();
        assert_eq!(policy.validate(), Ok(()));
        let json = serde_json::to_string(&policy).unwrap();
        assert_eq!(
            json,
            r#"{"rotate_after_days":90,"warn_before_days":14,"new_key_grace_days":7,"unused_after_days":90}"#
        );
        assert_eq!(
            serde_json::from_str::<RotationPolicy>(&json).unwrap(),
            policy
        );
        let partial: RotationPolicy = serde_json::from_str(r#"{"rotate_after_days":60}"#).unwrap();
        assert_eq!(
            partial,
            RotationPolicy {
                rotate_after_days: 60,
                ..policy
            }
        );
    }

    #[test]
    fn invalid_policies_are_explained() {
        let base = RotationPolicy::default();
        let cases = [
            (
                RotationPolicy {
                    rotate_after_days: 0,
                    warn_before_days: 0,
                    ..base
                },
                "rotate_after_days must be 1 to 3650 days, not 0",
            ),
            (
                RotationPolicy {
                    rotate_after_days: 3651,
                    ..base
                },
                "rotate_after_days must be 1 to 3650 days, not 3651",
            ),
            (
                RotationPolicy {
                    new_key_grace_days: 366,
                    ..base
                },
                "new_key_grace_days must be 0 to 365 days, not 366",
            ),
            (
                RotationPolicy {
                    unused_after_days: 0,
                    ..base
                },
                "unused_after_days must be 1 to 3650 days, not 0",
            ),
            (
                RotationPolicy {
                    warn_before_days: 90,
                    ..base
                },
                "warn_before_days (90) must be less than rotate_after_days (90)",
            ),
        ];
        for (policy, message) in cases {
            assert_eq!(policy.validate().unwrap_err().to_string(), message);
        }
        assert_eq!(
            RotationPolicy {
                warn_before_days: 89,
                new_key_grace_days: 0,
                ..base
            }
            .validate(),
            Ok(())
        );
    }
}
