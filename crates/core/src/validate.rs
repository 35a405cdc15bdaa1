//! Run before a value reaches a URL or a request body. Error messages never echo the rejected
//! text: a secret pasted into the wrong field stays off the screen and out of the logs.

use std::ops::RangeInclusive;

/// Rotation intervals KMS accepts, in days (docs/api.md, "KMS: rotation").
pub const ROTATION_INTERVAL_DAYS: RangeInclusive<u32> = 30..=365;

/// Longest access key id IAM accepts (docs/api.md, "IAM: access keys").
pub const ACCESS_KEY_ID_MAX_LEN: usize = 40;

/// Longest user id Keyturn accepts.
pub const USER_ID_MAX_LEN: usize = 64;

/// Longest access key description Keyturn sends, in characters. The IAM reference gives no
/// limit for it; 255 is the limit IAM documents for its other descriptions (docs/api.md,
/// "IAM: access keys"). The emulator refuses longer ones.
pub const DESCRIPTION_MAX_CHARS: usize = 255;

/// A value that does not have the shape the API requires.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// Not `^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$`.
    #[error(
        "a KMS key id is 36 lower-case letters and digits grouped 8-4-4-4-12, \
         like 0d0466b0-e727-4d9c-b35d-f84bb474a37f"
    )]
    KmsKeyId,
    /// Outside [`ROTATION_INTERVAL_DAYS`].
    #[error("the rotation interval must be 30 to 365 days, not {0}")]
    RotationInterval(u32),
    /// Not 1 to 40 upper-case letters and digits.
    #[error("an access key id is 1 to 40 upper-case letters and digits")]
    AccessKeyId,
    /// Not 1 to 64 letters, digits, `-` or `_`.
    #[error("a user id is 1 to 64 letters, digits, '-' or '_'")]
    UserId,
    /// A rotation policy setting outside its range.
    #[error("{setting} must be {min} to {max} days, not {value}")]
    PolicyDays {
        /// Name of the setting, as persisted.
        setting: &'static str,
        /// Smallest value allowed.
        min: u32,
        /// Largest value allowed.
        max: u32,
        /// The value given.
        value: u32,
    },
    /// The rotation warning would start at creation or earlier.
    #[error(
        "warn_before_days ({warn_before_days}) must be less than rotate_after_days ({rotate_after_days})"
    )]
    WarningNotBeforeRotation {
        /// Days of warning before rotation is due.
        warn_before_days: u32,
        /// Age in days at which rotation is due.
        rotate_after_days: u32,
    },
}

/// Checks a KMS key id against the documented pattern, e.g. `0d0466b0-e727-4d9c-b35d-f84bb474a37f`.
pub fn kms_key_id(id: &str) -> Result<(), ValidationError> {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let groups: Vec<&str> = id.split('-').collect();
    let well_formed = groups.len() == GROUPS.len()
        && groups.iter().zip(GROUPS).all(|(group, len)| {
            group.len() == len
                && group
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        });
    well_formed.then_some(()).ok_or(ValidationError::KmsKeyId)
}

/// Checks a KMS key rotation interval in days.
pub fn rotation_interval(days: u32) -> Result<(), ValidationError> {
    ROTATION_INTERVAL_DAYS
        .contains(&days)
        .then_some(())
        .ok_or(ValidationError::RotationInterval(days))
}

/// Checks an access key id (AK): 1 to 40 upper-case ASCII letters and digits, as IAM issues them.
pub fn access_key_id(ak: &str) -> Result<(), ValidationError> {
    let well_formed = (1..=ACCESS_KEY_ID_MAX_LEN).contains(&ak.len())
        && ak
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    well_formed
        .then_some(())
        .ok_or(ValidationError::AccessKeyId)
}

/// Checks that a user id is safe to place in a URL path: 1 to 64 ASCII letters, digits, `-`, `_`.
///
/// IAM issues 32 lower-case hex digits; the looser shape also admits other directories' ids.
pub fn user_id(id: &str) -> Result<(), ValidationError> {
    let well_formed = (1..=USER_ID_MAX_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    well_formed.then_some(()).ok_or(ValidationError::UserId)
}

/// Checks that a project id is safe to place in a URL path: 1 to 64 ASCII letters, digits, `-`
/// or `_` (IAM issues 32 lower-case hex digits). A project id has a user id's shape, so a
/// misshapen one is refused as [`ValidationError::UserId`].
pub fn project_id(id: &str) -> Result<(), ValidationError> {
    user_id(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kms_key_ids_from_the_docs_and_the_recording_pass() {
        for id in [
            "0d0466b0-e727-4d9c-b35d-f84bb474a37f",
            "17368998-bdca-4302-95ee-8925d139a29f",
            "6f1daf0a-cfa2-4468-b4c4-8915d6a01bc3",
            "zzzzzzzz-0000-aaaa-9999-abcdefghijkl",
        ] {
            assert_eq!(kms_key_id(id), Ok(()), "{id}");
        }
    }

    #[test]
    fn kms_key_ids_of_other_shapes_fail() {
        for id in [
            "",
            "0D0466B0-E727-4D9C-B35D-F84BB474A37F",
            "0d0466b0e7274d9cb35df84bb474a37f",
            "0d0466b0-e727-4d9c-b35d-f84bb474a37",
            "0d0466b0-e727-4d9c-b35d-f84bb474a37ff",
            "0d0466b0-e727-4d9c-b35df-84bb474a37f",
            "0d0466b0-e727-4d9c-b35d-f84bb474a37f-",
            "0d0466b0_e727-4d9c-b35d-f84bb474a37f",
            "0d0466b0-e727-4d9c-b35d-f84bb474a3 f",
            "0d0466b0-e727-4d9c-b35d-f84bb474a37é",
            "../../../../../../../../../etc/pass",
        ] {
            assert_eq!(kms_key_id(id), Err(ValidationError::KmsKeyId), "{id}");
        }
    }

    #[test]
    fn rotation_interval_bounds_are_inclusive() {
        for ok in [30, 31, 90, 364, 365] {
            assert_eq!(rotation_interval(ok), Ok(()), "{ok}");
        }
        for bad in [0, 29, 366, u32::MAX] {
            assert_eq!(
                rotation_interval(bad),
                Err(ValidationError::RotationInterval(bad))
            );
        }
        assert_eq!(
            ValidationError::RotationInterval(400).to_string(),
            "the rotation interval must be 30 to 365 days, not 400"
        );
    }

    #[test]
    fn access_key_ids_from_the_docs_and_vectors_pass() {
        for ak in [
            "QTWAOYTTINDUT2QVKYUC",
            "HPUAEXAMPLEAK0000001",
            "ZZZZEXAMPLEAK0000002",
            "TMPEXAMPLEAK00000003",
            "LOSZM4YRVLKOY9E8X",
            "A",
            &"A".repeat(40),
        ] {
            assert_eq!(access_key_id(ak), Ok(()), "{ak}");
        }
    }

    #[test]
    fn access_key_ids_of_other_shapes_fail() {
        for ak in [
            "",
            &"A".repeat(41),
            "AccessKey",
            "P83EVBZJMXCYTMUII...",
            "QTWAOYTTINDUT2QVKYU ",
            "QTWAOYTTINDUT2QVKYU/",
            "ÄTWAOYTTINDUT2QVKYUC",
        ] {
            assert_eq!(access_key_id(ak), Err(ValidationError::AccessKeyId), "{ak}");
        }
    }

    #[test]
    fn user_ids_must_be_path_safe() {
        for id in [
            "07609fb9358010e21f7bc003751c7c32",
            "f0e1d2c3b4a5968778695a4b3c2d1e0f",
            "user-1_a",
            &"a".repeat(64),
        ] {
            assert_eq!(user_id(id), Ok(()), "{id}");
        }
        for id in [
            "",
            &"a".repeat(65),
            "a/b",
            "..",
            "a b",
            "a?b",
            "a%2Fb",
            "用户",
        ] {
            assert_eq!(user_id(id), Err(ValidationError::UserId), "{id}");
        }
    }

    #[test]
    fn messages_never_echo_the_rejected_text() {
        let pasted_secret = "TTqAHPbhWorg9ozx8Dv9MUyzYnOKDppxzHt";
        for err in [
            access_key_id(pasted_secret),
            user_id(&format!("{pasted_secret}/")),
            kms_key_id(pasted_secret),
        ] {
            assert!(!err.unwrap_err().to_string().contains(pasted_secret));
        }
    }
}
