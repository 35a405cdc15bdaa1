//! Before the new key is created: a free slot, a key to delete first, or a blocked rotation.

use chrono::Duration;
use keyturn_core::access_key::AccessKey;
use keyturn_core::policy::RotationPolicy;
use keyturn_core::rotation::{Preflight, SlotSuggestion, preflight};
use keyturn_core::types::credential::KeyStatus;

use crate::fixture::{NEW, OLD, OTHER, ak, key, now};

fn check(keys: &[AccessKey]) -> Preflight {
    preflight(keys, &ak(OLD), now(), &RotationPolicy::default())
}

fn old() -> AccessKey {
    key(OLD, KeyStatus::Active, 120, Some(0))
}

#[test]
fn a_free_slot_is_ready() {
    assert_eq!(check(&[old()]), Preflight::Ready);
}

#[test]
fn the_key_to_rotate_must_be_listed() {
    assert_eq!(check(&[]), Preflight::OldKeyMissing);
    assert_eq!(
        check(&[key(NEW, KeyStatus::Active, 1, None)]),
        Preflight::OldKeyMissing
    );
    assert_eq!(
        check(&[
            key(NEW, KeyStatus::Active, 1, None),
            key(OTHER, KeyStatus::Inactive, 1, None)
        ]),
        Preflight::OldKeyMissing
    );
}

#[test]
fn an_inactive_other_key_goes_first() {
    for used in [None, Some(1), Some(200)] {
        assert_eq!(
            check(&[old(), key(OTHER, KeyStatus::Inactive, 30, used)]),
            Preflight::FreeSlotFirst {
                suggested: ak(OTHER),
                why: SlotSuggestion::Inactive
            },
            "last used {used:?} days ago"
        );
    }
}

#[test]
fn a_never_used_other_key_goes_first() {
    for age in [0, 3, 400] {
        assert_eq!(
            check(&[key(OTHER, KeyStatus::Active, age, None), old()]),
            Preflight::FreeSlotFirst {
                suggested: ak(OTHER),
                why: SlotSuggestion::NeverUsed
            },
            "{age} days old"
        );
    }
}

#[test]
fn a_long_unused_other_key_goes_first() {
    let suggested = Preflight::FreeSlotFirst {
        suggested: ak(OTHER),
        why: SlotSuggestion::Unused,
    };
    let blocked = Preflight::Blocked { other: ak(OTHER) };
    for (days, expected) in [
        (100, &suggested),
        (90, &suggested),
        (89, &blocked),
        (0, &blocked),
    ] {
        assert_eq!(
            &check(&[old(), key(OTHER, KeyStatus::Active, 200, Some(days))]),
            expected,
            "last used {days} days ago"
        );
    }
}

#[test]
fn unused_follows_the_policy() {
    let policy = RotationPolicy {
        unused_after_days: 30,
        ..RotationPolicy::default()
    };
    let keys = |days| [old(), key(OTHER, KeyStatus::Active, 200, Some(days))];
    assert_eq!(
        preflight(&keys(30), &ak(OLD), now(), &policy),
        Preflight::FreeSlotFirst {
            suggested: ak(OTHER),
            why: SlotSuggestion::Unused
        }
    );
    assert_eq!(
        preflight(&keys(29), &ak(OLD), now(), &policy),
        Preflight::Blocked { other: ak(OTHER) }
    );
    // a day short of 30, counted in whole days
    let mut almost = keys(30);
    almost[1].last_used = almost[1].last_used.map(|t| t + Duration::seconds(1));
    assert_eq!(
        preflight(&almost, &ak(OLD), now(), &policy),
        Preflight::Blocked { other: ak(OTHER) }
    );
}

#[test]
fn two_keys_in_use_block_the_rotation() {
    assert_eq!(
        check(&[old(), key(OTHER, KeyStatus::Active, 10, Some(1))]),
        Preflight::Blocked { other: ak(OTHER) }
    );
}

#[test]
fn the_rotated_key_is_never_suggested() {
    // the key rotated is itself inactive and never used: the other, in use, still blocks
    let idle_old = key(OLD, KeyStatus::Inactive, 120, None);
    assert_eq!(
        check(&[idle_old.clone(), key(OTHER, KeyStatus::Active, 10, Some(1))]),
        Preflight::Blocked { other: ak(OTHER) }
    );
    assert_eq!(
        check(&[key(OTHER, KeyStatus::Active, 10, Some(1)), idle_old.clone()]),
        Preflight::Blocked { other: ak(OTHER) }
    );
    // both idle: the other one is suggested
    assert_eq!(
        check(&[idle_old, key(OTHER, KeyStatus::Inactive, 10, None)]),
        Preflight::FreeSlotFirst {
            suggested: ak(OTHER),
            why: SlotSuggestion::Inactive
        }
    );
}
