//! One row of the credential table: a key, its owner and the policy's verdict on it.

use chrono::{DateTime, Utc};

use crate::access_key::AccessKey;
use crate::ids::UserId;
use crate::policy::{Assessment, RotationPolicy, Usage, assess};
use crate::types::directory::{User, UserDetail};
use crate::validate::ValidationError;

/// The owner of a key, as much of an IAM user as the table shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UserRef {
    /// User id.
    pub id: UserId,
    /// User name.
    pub name: String,
    /// Whether the user is enabled.
    pub enabled: bool,
}

impl TryFrom<&User> for UserRef {
    type Error = ValidationError;

    /// A listed user; refuses an id of the wrong shape.
    fn try_from(user: &User) -> Result<Self, ValidationError> {
        Ok(Self {
            id: UserId::parse(&user.id)?,
            name: user.name.clone(),
            enabled: user.enabled,
        })
    }
}

impl TryFrom<&UserDetail> for UserRef {
    type Error = ValidationError;

    /// The signed-in user, for a table of one's own keys.
    fn try_from(user: &UserDetail) -> Result<Self, ValidationError> {
        Ok(Self {
            id: UserId::parse(&user.id)?,
            name: user.name.clone(),
            enabled: user.enabled,
        })
    }
}

/// An access key with its owner and its assessment at the time the row was built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRow {
    /// Owner.
    pub user: UserRef,
    /// The key (never its secret).
    pub key: AccessKey,
    /// Age, badge and usage under the policy.
    pub assessment: Assessment,
    /// Texts folded to lower case once, so that sorting and searching allocate nothing.
    folded: Folded,
}

/// The lower-case forms a row is sorted and searched by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Folded {
    /// The user name.
    pub(super) user_name: String,
    /// The description.
    pub(super) description: String,
    /// User name, user id and access key id, one per line: what the search looks in.
    pub(super) search: String,
}

impl Folded {
    fn of(user: &UserRef, key: &AccessKey) -> Self {
        Self {
            user_name: fold(&user.name),
            description: fold(&key.description),
            search: fold(&format!("{}\n{}\n{}", user.name, user.id, key.access)),
        }
    }
}

/// `text` in lower case, character by character (as [`char::to_lowercase`] folds them).
pub(super) fn fold(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

impl KeyRow {
    /// Assesses `key` of `user` at `now` under `policy`.
    pub fn new(user: UserRef, key: AccessKey, now: DateTime<Utc>, policy: &RotationPolicy) -> Self {
        let assessment = assess(&key, now, policy);
        let folded = Folded::of(&user, &key);
        Self {
            user,
            key,
            assessment,
            folded,
        }
    }

    /// The row with its owner renamed or re-enabled.
    pub fn set_user(&mut self, user: UserRef) {
        self.folded = Folded::of(&user, &self.key);
        self.user = user;
    }

    /// The lower-case forms the row is sorted and searched by.
    pub(super) fn folded(&self) -> &Folded {
        &self.folded
    }

    /// Assesses the key again, after time passed or the policy changed.
    pub fn reassess(&mut self, now: DateTime<Utc>, policy: &RotationPolicy) {
        self.assessment = assess(&self.key, now, policy);
    }

    /// True when the key has never been used, whatever its age.
    pub fn never_used(&self) -> bool {
        self.key.last_used.is_none()
    }

    /// Whole days without use: since the last use, or since creation for a key never used.
    pub fn idle_days(&self) -> i64 {
        match self.assessment.usage {
            Usage::Recent { days_since_use } => days_since_use,
            Usage::Unused { days } => days,
            Usage::NeverUsed | Usage::NotYetUsed => self.assessment.age_days,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::policy::Badge;
    use crate::types::credential::KeyStatus;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
    }

    fn row(age_days: i64, last_used_days_ago: Option<i64>) -> KeyRow {
        let key = AccessKey {
            user_id: crate::ids::UserId::parse("u1").unwrap(),
            access: crate::ids::AccessKeyId::parse("HPUAEXAMPLEAK0000001").unwrap(),
            status: KeyStatus::Active,
            created: now() - Duration::days(age_days),
            last_used: last_used_days_ago.map(|d| now() - Duration::days(d)),
            description: String::new(),
        };
        let user = UserRef {
            id: crate::ids::UserId::parse("u1").unwrap(),
            name: "alice".into(),
            enabled: true,
        };
        KeyRow::new(user, key, now(), &RotationPolicy::default())
    }

    #[test]
    fn idle_days_count_from_last_use_or_creation() {
        assert_eq!(row(120, Some(3)).idle_days(), 3);
        assert_eq!(row(120, Some(100)).idle_days(), 100);
        assert_eq!(row(120, None).idle_days(), 120);
        assert_eq!(row(2, None).idle_days(), 2);
        assert!(row(2, None).never_used());
        assert!(!row(120, Some(3)).never_used());
    }

    #[test]
    fn reassessing_moves_the_row_in_time() {
        let mut r = row(80, Some(1));
        assert_eq!(r.assessment.badge, Badge::DueSoon);
        r.reassess(now() + Duration::days(10), &RotationPolicy::default());
        assert_eq!(r.assessment.age_days, 90);
        assert_eq!(r.assessment.badge, Badge::Overdue);
        assert_eq!(r.idle_days(), 11);
    }

    #[test]
    fn users_come_from_the_directory() {
        let user: User = serde_json::from_value(serde_json::json!({
            "id": "07609fb9358010e21f7bc003751c7c32",
            "name": "ci-bot",
            "enabled": false
        }))
        .unwrap();
        assert_eq!(
            UserRef::try_from(&user).unwrap(),
            UserRef {
                id: crate::ids::UserId::parse("07609fb9358010e21f7bc003751c7c32").unwrap(),
                name: "ci-bot".into(),
                enabled: false
            }
        );
    }
}
