//! Stable lower-case names of statuses, badges, usages and sort orders, shared by the URL and
//! the exports so that a value reads the same everywhere.

use crate::policy::{Badge, Usage};
use crate::types::credential::KeyStatus;

/// A value with a fixed set of variants, each named by a stable token.
pub trait Token: Sized + Copy + 'static {
    /// Every variant, in display order.
    const ALL: &'static [Self];

    /// The variant's token, e.g. `"due_soon"`.
    fn token(self) -> &'static str;

    /// The variant named exactly `token`, if any.
    fn from_token(token: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.token() == token)
    }
}

impl Token for KeyStatus {
    const ALL: &'static [Self] = &[KeyStatus::Active, KeyStatus::Inactive];

    /// `active` or `inactive`, as IAM spells them.
    fn token(self) -> &'static str {
        match self {
            KeyStatus::Active => "active",
            KeyStatus::Inactive => "inactive",
        }
    }
}

impl Token for Badge {
    const ALL: &'static [Self] = &[Badge::Ok, Badge::DueSoon, Badge::Overdue];

    /// `ok`, `due_soon` or `overdue`.
    fn token(self) -> &'static str {
        match self {
            Badge::Ok => "ok",
            Badge::DueSoon => "due_soon",
            Badge::Overdue => "overdue",
        }
    }
}

/// `recent`, `not_yet_used`, `never_used` or `unused`.
pub fn usage_token(usage: Usage) -> &'static str {
    match usage {
        Usage::Recent { .. } => "recent",
        Usage::NotYetUsed => "not_yet_used",
        Usage::NeverUsed => "never_used",
        Usage::Unused { .. } => "unused",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Token + PartialEq + std::fmt::Debug>() {
        for &value in T::ALL {
            assert_eq!(T::from_token(value.token()), Some(value));
        }
        assert_eq!(T::from_token(""), None);
        assert_eq!(T::from_token("Active"), None);
    }

    #[test]
    fn every_token_names_its_variant() {
        round_trips::<KeyStatus>();
        round_trips::<Badge>();
        assert_eq!(Badge::DueSoon.token(), "due_soon");
        assert_eq!(KeyStatus::Inactive.token(), "inactive");
    }

    #[test]
    fn usages_have_tokens() {
        assert_eq!(usage_token(Usage::Recent { days_since_use: 3 }), "recent");
        assert_eq!(usage_token(Usage::NotYetUsed), "not_yet_used");
        assert_eq!(usage_token(Usage::NeverUsed), "never_used");
        assert_eq!(usage_token(Usage::Unused { days: 100 }), "unused");
    }
}
