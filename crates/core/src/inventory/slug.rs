//! Stable lower-case names of statuses, badges, usages and sort orders, shared by the URL and
//! the exports so that a value reads the same everywhere.

use crate::policy::{Badge, Usage};
use crate::types::credential::KeyStatus;

/// A value with a fixed set of variants, each named by a stable slug (its name in URLs and exports).
pub trait Slug: Sized + Copy + 'static {
    /// Every variant, in display order.
    const ALL: &'static [Self];

    /// The variant's slug, e.g. `"due_soon"`.
    fn slug(self) -> &'static str;

    /// The variant named exactly `slug`, if any.
    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.slug() == slug)
    }
}

impl Slug for KeyStatus {
    const ALL: &'static [Self] = &[KeyStatus::Active, KeyStatus::Inactive];

    /// `active` or `inactive`, as IAM spells them.
    fn slug(self) -> &'static str {
        match self {
            KeyStatus::Active => "active",
            KeyStatus::Inactive => "inactive",
        }
    }
}

impl Slug for Badge {
    const ALL: &'static [Self] = &[Badge::Ok, Badge::DueSoon, Badge::Overdue];

    /// `ok`, `due_soon` or `overdue`.
    fn slug(self) -> &'static str {
        match self {
            Badge::Ok => "ok",
            Badge::DueSoon => "due_soon",
            Badge::Overdue => "overdue",
        }
    }
}

/// `recent`, `not_yet_used`, `never_used` or `unused`.
pub fn usage_slug(usage: Usage) -> &'static str {
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

    fn round_trips<T: Slug + PartialEq + std::fmt::Debug>() {
        for &value in T::ALL {
            assert_eq!(T::from_slug(value.slug()), Some(value));
        }
        assert_eq!(T::from_slug(""), None);
        assert_eq!(T::from_slug("Active"), None);
    }

    #[test]
    fn every_slug_names_its_variant() {
        round_trips::<KeyStatus>();
        round_trips::<Badge>();
        assert_eq!(Badge::DueSoon.slug(), "due_soon");
        assert_eq!(KeyStatus::Inactive.slug(), "inactive");
    }

    #[test]
    fn usages_have_slugs() {
        assert_eq!(usage_slug(Usage::Recent { days_since_use: 3 }), "recent");
        assert_eq!(usage_slug(Usage::NotYetUsed), "not_yet_used");
        assert_eq!(usage_slug(Usage::NeverUsed), "never_used");
        assert_eq!(usage_slug(Usage::Unused { days: 100 }), "unused");
    }
}
