//! Every step against every place a rotation can stand: the ones that do not fit are refused
//! and change nothing; a second new key is never created.

use chrono::Duration;
use keyturn_core::rotation::{Elsewhere, Mode, Pending, RotationRecord, Stage, Step};

use crate::fixture::{
    NEW, OLD, ORPHAN, OTHER, ak, apply, at, created, delete, new_key, now, reach, send_create,
    sent, with_orphan,
};

/// Every kind of step, by name.
fn every_step() -> Vec<(&'static str, Step)> {
    vec![
        (
            "slot_freed",
            Step::SlotFreed {
                access: ak(OTHER),
                request_id: None,
            },
        ),
        (
            "slot_freed_old",
            Step::SlotFreed {
                access: ak(OLD),
                request_id: None,
            },
        ),
        ("mode_chosen", Step::ModeChosen(Mode::Quick)),
        ("preflight_passed", Step::PreflightPassed),
        ("sent_create", send_create()),
        ("sent_disable", Step::Sent(Pending::Disable)),
        ("sent_enable", Step::Sent(Pending::Enable)),
        ("sent_delete_old", Step::Sent(delete(OLD))),
        ("sent_delete_other", Step::Sent(delete(OTHER))),
        ("sent_delete_orphan", Step::Sent(delete(ORPHAN))),
        (
            "refused",
            Step::Refused {
                error: "refused".into(),
            },
        ),
        ("not_applied", Step::NotApplied),
        (
            "created",
            Step::Created {
                key: new_key(),
                request_id: None,
            },
        ),
        ("orphan_found", Step::OrphanFound { access: ak(ORPHAN) }),
        ("secret_saved", Step::SecretSaved),
        ("secret_lost", Step::SecretLost),
        ("handed_over", Step::HandedOver),
        (
            "checked",
            Step::Checked {
                old_last_used: Some(now() - Duration::hours(1)),
                new_last_used: None,
            },
        ),
        ("watch_every", Step::WatchEvery { minutes: 30 }),
        ("watch_every_0", Step::WatchEvery { minutes: 0 }),
        ("moved_on", Step::MovedOn { early: true }),
        ("disabled", Step::Disabled { request_id: None }),
        ("rolled_back", Step::RolledBack { request_id: None }),
        ("to_delete", Step::ToDelete),
        (
            "deleted_old",
            Step::Deleted {
                access: ak(OLD),
                request_id: None,
            },
        ),
        (
            "deleted_other",
            Step::Deleted {
                access: ak(OTHER),
                request_id: None,
            },
        ),
        (
            "deleted_orphan",
            Step::Deleted {
                access: ak(ORPHAN),
                request_id: None,
            },
        ),
        ("old_key_gone", Step::OldKeyGone),
        (
            "reconciled",
            Step::Reconciled {
                note: Elsewhere::Disabled,
                stage: Stage::Watch,
            },
        ),
        ("abandoned", Step::Abandoned),
    ]
}

/// Accepted wherever a rotation is not finished.
const ALWAYS: [&str; 3] = ["watch_every", "old_key_gone", "reconciled"];

/// Applies every step to a copy of `rotation`: exactly `accepted` (plus [`ALWAYS`], and
/// `abandoned` when nothing is pending) go through; the others leave the copy as it was.
fn check(label: &str, rotation: &RotationRecord, accepted: &[&str]) {
    let mut expected: Vec<&str> = accepted.to_vec();
    expected.extend(ALWAYS);
    if rotation.pending.is_none() {
        expected.push("abandoned");
    }
    let mut wrong = Vec::new();
    for (name, step) in every_step() {
        let mut copy = rotation.clone();
        let result = copy.apply(step, at(1000));
        let want = expected.contains(&name);
        if result.is_ok() != want {
            wrong.push(format!(
                "{name}: {}",
                if want { "refused" } else { "accepted" }
            ));
        }
        if result.is_err() {
            assert_eq!(
                &copy, rotation,
                "{label}: refused {name} changed the record"
            );
        }
    }
    assert!(wrong.is_empty(), "{label}: {wrong:?}");
}

#[test]
fn at_the_preflight() {
    check(
        "preflight",
        &reach(Mode::Safe, Stage::Preflight),
        &[
            "slot_freed",
            "mode_chosen",
            "preflight_passed",
            "sent_delete_other",
            "sent_delete_orphan",
        ],
    );
    check(
        "preflight, freeing a slot",
        &sent(reach(Mode::Safe, Stage::Preflight), delete(OTHER)),
        &["refused", "not_applied", "slot_freed", "mode_chosen"],
    );
}

#[test]
fn at_the_create_step() {
    for mode in [Mode::Safe, Mode::Quick] {
        check(
            "create",
            &reach(mode, Stage::Create),
            &["sent_create", "created"],
        );
        check(
            "create sent",
            &sent(reach(mode, Stage::Create), send_create_pending()),
            &["refused", "not_applied", "created", "orphan_found"],
        );
        check(
            "created, secret showing",
            &created(mode),
            &["secret_saved", "secret_lost"],
        );
        check(
            "an orphan left",
            &with_orphan(mode),
            &["sent_delete_orphan", "deleted_orphan", "created"],
        );
        check(
            "deleting the orphan",
            &sent(with_orphan(mode), delete(ORPHAN)),
            &["refused", "not_applied", "deleted_orphan", "created"],
        );
    }
}

fn send_create_pending() -> Pending {
    match send_create() {
        Step::Sent(pending) => pending,
        _ => unreachable!(),
    }
}

#[test]
fn through_the_safe_wizard() {
    check(
        "hand over",
        &reach(Mode::Safe, Stage::HandOver),
        &["handed_over"],
    );
    check(
        "watch",
        &reach(Mode::Safe, Stage::Watch),
        &["checked", "moved_on"],
    );
    check(
        "disable",
        &reach(Mode::Safe, Stage::Disable),
        &["sent_disable", "disabled"],
    );
    check(
        "disable sent",
        &sent(reach(Mode::Safe, Stage::Disable), Pending::Disable),
        &["refused", "not_applied", "disabled"],
    );
    check(
        "observe",
        &reach(Mode::Safe, Stage::Observe),
        &["sent_enable", "checked", "rolled_back", "to_delete"],
    );
    check(
        "roll back sent",
        &sent(reach(Mode::Safe, Stage::Observe), Pending::Enable),
        &["refused", "not_applied", "checked", "rolled_back"],
    );
    check(
        "delete",
        &reach(Mode::Safe, Stage::Delete),
        &["sent_delete_old", "deleted_old"],
    );
    check(
        "delete sent",
        &sent(reach(Mode::Safe, Stage::Delete), delete(OLD)),
        &["refused", "not_applied", "deleted_old"],
    );
}

#[test]
fn through_the_quick_rotation() {
    check(
        "replace",
        &reach(Mode::Quick, Stage::Replace),
        &["sent_disable", "sent_delete_old", "disabled", "deleted_old"],
    );
    for pending in [Pending::Disable, delete(OLD)] {
        check(
            "replace sent",
            &sent(reach(Mode::Quick, Stage::Replace), pending),
            &["refused", "not_applied", "disabled", "deleted_old"],
        );
    }
}

#[test]
fn nothing_moves_a_finished_rotation() {
    let mut abandoned = reach(Mode::Safe, Stage::Watch);
    apply(&mut abandoned, Step::Abandoned);
    let mut gone = reach(Mode::Safe, Stage::Observe);
    apply(&mut gone, Step::OldKeyGone);
    for (label, rotation) in [
        ("safe, completed", reach(Mode::Safe, Stage::Finished)),
        ("quick, completed", reach(Mode::Quick, Stage::Finished)),
        ("abandoned", abandoned),
        ("old key gone", gone),
    ] {
        for (name, step) in every_step() {
            let mut copy = rotation.clone();
            assert!(copy.apply(step, at(1000)).is_err(), "{label}: {name}");
            assert_eq!(copy, rotation, "{label}: {name}");
        }
    }
}

#[test]
fn the_quick_rotation_never_hands_over_or_watches() {
    let replace = reach(Mode::Quick, Stage::Replace);
    for step in [
        Step::HandedOver,
        Step::MovedOn { early: false },
        Step::ToDelete,
        Step::Sent(Pending::Enable),
    ] {
        let mut copy = replace.clone();
        assert!(copy.apply(step, at(10)).is_err());
        assert_eq!(copy, replace);
    }
}

#[test]
fn a_second_create_is_refused_once_a_key_was_created() {
    let mut rotation = created(Mode::Safe);
    let before = rotation.clone();
    assert!(rotation.apply(send_create(), at(5)).is_err());
    assert!(
        rotation
            .apply(
                Step::Created {
                    key: new_key(),
                    request_id: None
                },
                at(5)
            )
            .is_err(),
        "a second answer does not replace the key"
    );
    assert_eq!(rotation, before);
    assert_eq!(
        rotation.new.as_ref().map(|k| k.access.clone()),
        Some(ak(NEW))
    );
}

#[test]
fn a_second_create_is_refused_while_an_orphan_is_left() {
    for mode in [Mode::Safe, Mode::Quick] {
        let mut rotation = with_orphan(mode);
        let before = rotation.clone();
        assert!(rotation.apply(send_create(), at(5)).is_err());
        assert_eq!(rotation, before);
    }
}

#[test]
fn a_second_create_is_refused_while_the_first_is_unanswered() {
    let mut rotation = sent(reach(Mode::Safe, Stage::Create), send_create_pending());
    let before = rotation.clone();
    assert!(rotation.apply(send_create(), at(5)).is_err());
    assert_eq!(rotation, before);
}

#[test]
fn a_create_is_sent_again_only_when_nothing_was_created() {
    let mut rotation = sent(reach(Mode::Safe, Stage::Create), send_create_pending());
    apply(&mut rotation, Step::NotApplied);
    assert_eq!(rotation.pending, None);
    apply(&mut rotation, send_create());
}

#[test]
fn the_old_key_is_never_deleted_to_free_a_slot() {
    let mut rotation = reach(Mode::Safe, Stage::Preflight);
    let before = rotation.clone();
    assert!(rotation.apply(Step::Sent(delete(OLD)), at(1)).is_err());
    assert!(
        rotation
            .apply(
                Step::SlotFreed {
                    access: ak(OLD),
                    request_id: None
                },
                at(1)
            )
            .is_err()
    );
    assert_eq!(rotation, before);
}

#[test]
fn leaving_the_observe_step_waits_for_an_unanswered_roll_back() {
    let mut rotation = sent(reach(Mode::Safe, Stage::Observe), Pending::Enable);
    let before = rotation.clone();
    assert!(rotation.apply(Step::ToDelete, at(5)).is_err());
    assert_eq!(rotation, before);
    apply(&mut rotation, Step::RolledBack { request_id: None });
    assert_eq!(rotation.stage, Stage::Watch);
}

#[test]
fn the_watch_interval_has_a_floor() {
    let mut rotation = reach(Mode::Safe, Stage::Watch);
    apply(&mut rotation, Step::WatchEvery { minutes: 1 });
    assert_eq!(rotation.watch.every_minutes, 1);
    assert!(
        rotation
            .apply(Step::WatchEvery { minutes: 0 }, at(5))
            .is_err()
    );
    assert_eq!(rotation.watch.every_minutes, 1);
}
