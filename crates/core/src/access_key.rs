use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{AccessKeyId, UserId};
use crate::types::credential::{CreatedCredential, Credential, KeyStatus};
use crate::validate::ValidationError;

/// An access key (AK) without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessKey {
    /// Owner.
    pub user_id: UserId,
    /// Access key id (AK).
    pub access: AccessKeyId,
    /// Whether the key works.
    pub status: KeyStatus,
    /// Creation time.
    pub created: DateTime<Utc>,
    /// Last use; `None` when never used (IAM then reports `last_use_time == create_time`).
    pub last_used: Option<DateTime<Utc>>,
    /// Description.
    pub description: String,
}

impl AccessKey {
    /// True if the key may sign requests.
    pub fn is_active(&self) -> bool {
        self.status == KeyStatus::Active
    }
}

impl TryFrom<Credential> for AccessKey {
    type Error = ValidationError;

    /// Reads a show, list or update answer; refuses ids of the wrong shape.
    ///
    /// Only show carries `last_use_time`: a key read from a list or update answer has
    /// `last_used: None` until it is shown.
    fn try_from(c: Credential) -> Result<Self, ValidationError> {
        let last_used = c.last_use_time.filter(|used| *used > c.create_time);
        Ok(Self {
            user_id: UserId::try_from(c.user_id)?,
            access: AccessKeyId::try_from(c.access)?,
            status: c.status,
            created: c.create_time,
            last_used,
            description: c.description,
        })
    }
}

impl TryFrom<&CreatedCredential> for AccessKey {
    type Error = ValidationError;

    /// The key just created, never used; the secret is left behind.
    fn try_from(c: &CreatedCredential) -> Result<Self, ValidationError> {
        Ok(Self {
            user_id: UserId::parse(&c.user_id)?,
            access: AccessKeyId::parse(&c.access)?,
            status: c.status,
            created: c.create_time,
            last_used: None,
            description: c.description.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credential(created: &str, last_use: Option<&str>) -> Credential {
        let mut body = serde_json::json!({
            "user_id": "07609fb9358010e21f7bc003751c7c32",
            "access": "LOSZM4YRVLKOY9E8XABC",
            "status": "inactive",
            "create_time": created,
            "description": "ci"
        });
        if let Some(t) = last_use {
            body["last_use_time"] = t.into();
        }
        serde_json::from_value(body).unwrap()
    }

    #[test]
    fn last_use_equal_to_creation_means_never_used() {
        let t = "2020-01-08T06:26:08.123059Z";
        let key = AccessKey::try_from(credential(t, Some(t))).unwrap();
        assert_eq!(key.last_used, None);
        assert_eq!(key.created.to_rfc3339(), "2020-01-08T06:26:08.123059+00:00");
        assert_eq!(key.access, "LOSZM4YRVLKOY9E8XABC");
        assert_eq!(key.user_id, "07609fb9358010e21f7bc003751c7c32");
        assert_eq!(key.description, "ci");
        assert!(!key.is_active());
    }

    #[test]
    fn a_later_last_use_is_kept() {
        let key = AccessKey::try_from(credential(
            "2020-01-08T06:26:08.123059Z",
            Some("2020-01-08T06:26:08.123060Z"),
        ))
        .unwrap();
        assert_eq!(
            key.last_used.map(|t| t.to_rfc3339()),
            Some("2020-01-08T06:26:08.123060+00:00".to_owned())
        );
    }

    #[test]
    fn listed_keys_have_no_last_use() {
        assert_eq!(
            AccessKey::try_from(credential("2020-01-08T06:26:08.123059Z", None))
                .unwrap()
                .last_used,
            None
        );
    }

    #[test]
    fn created_keys_drop_the_secret() {
        let created: CreatedCredential = serde_json::from_str(
            r#"{"access":"P83EVBZJMXCYTMUIIABC","create_time":"2020-01-08T06:25:19.014028Z",
                "user_id":"u1","description":"new","secret":"TTqAHPbhWorg9ozx8Dv9MUyzYnOKDppxzHt","status":"active"}"#,
        )
        .unwrap();
        let key = AccessKey::try_from(&created).unwrap();
        assert!(key.is_active());
        assert_eq!(key.last_used, None);
        let shown = format!("{key:?} {}", serde_json::to_string(&key).unwrap());
        assert!(!shown.contains("TTqAHPbh"));
    }

    #[test]
    fn ids_of_the_wrong_shape_are_refused_where_they_enter() {
        let mut bad = credential("2020-01-08T06:26:08.123059Z", None);
        bad.access = "../OS-USER/users".to_owned();
        assert_eq!(AccessKey::try_from(bad), Err(ValidationError::AccessKeyId));
    }
}
