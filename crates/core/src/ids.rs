//! Identifiers checked once, where they enter (a form or a server answer), so that every
//! request built from them is well formed by construction.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

use crate::validate::{self, ValidationError};

macro_rules! checked_id {
    ($(#[$doc:meta])* $name:ident, $check:path) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The id, if `text` has the documented shape.
            pub fn parse(text: &str) -> Result<Self, ValidationError> {
                $check(text)?;
                Ok(Self(text.to_owned()))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = ValidationError;

            fn try_from(text: String) -> Result<Self, ValidationError> {
                $check(&text)?;
                Ok(Self(text))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

checked_id!(
    /// An access key id (AK): 1 to 40 upper-case letters and digits.
    AccessKeyId,
    validate::access_key_id
);

checked_id!(
    /// An IAM user id, safe in a URL path: 1 to 64 letters, digits, `-` or `_`.
    UserId,
    validate::user_id
);

checked_id!(
    /// A KMS key id: 36 lower-case letters and digits grouped 8-4-4-4-12.
    KmsKeyId,
    validate::kms_key_id
);

checked_id!(
    /// An IAM project id, safe in a KMS path: 1 to 64 letters, digits, `-` or `_`.
    ProjectId,
    validate::project_id
);
