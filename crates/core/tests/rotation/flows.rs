//! Both flows step by step: the safe wizard (seed 001) and the quick rotation (seed 000).

use chrono::Duration;
use keyturn_core::rotation::{
    Event, EventKind, Mode, OldKeyEnd, Outcome, Pending, RotationRecord, Stage, Step,
};

use crate::fixture::{
    NEW, OLD, OTHER, USER, ak, at, days_later, delete, new_key, now, quick_path, reach, record,
    safe_path, send_create, user_id,
};

fn kinds(rotation: &RotationRecord) -> Vec<EventKind> {
    rotation.events.iter().map(|e| e.what.clone()).collect()
}

#[test]
fn a_rotation_starts_at_the_preflight() {
    let rotation = record(Mode::Safe);
    assert_eq!(rotation.user_id, user_id(USER));
    assert_eq!(rotation.user_name, USER);
    assert_eq!(rotation.old, OLD);
    assert_eq!(rotation.stage, Stage::Preflight);
    assert_eq!(rotation.mode, Mode::Safe);
    assert_eq!(
        (&rotation.new, &rotation.orphan, &rotation.pending),
        (&None, &None, &None)
    );
    assert_eq!(rotation.started, now());
    assert_eq!(rotation.outcome, None);
    assert!(!rotation.is_finished());
    assert_eq!(
        rotation.events,
        [Event {
            at: now(),
            what: EventKind::Started,
            request_id: None
        }]
    );
}

#[test]
fn the_safe_wizard_in_order() {
    let mut rotation = record(Mode::Safe);
    let mut path = safe_path().into_iter();
    let mut next = |rotation: &mut RotationRecord| {
        let (at, step) = path.next().unwrap();
        rotation.apply(step, at).unwrap();
    };

    next(&mut rotation); // preflight passed
    assert_eq!((rotation.stage, &rotation.pending), (Stage::Create, &None));

    next(&mut rotation); // create sent: saved before it goes
    assert_eq!(rotation.stage, Stage::Create);
    assert_eq!(
        rotation.pending,
        Some(Pending::Create {
            keys_before: vec![ak(OLD)]
        })
    );

    next(&mut rotation); // created: the secret shows until it is saved
    assert_eq!(rotation.stage, Stage::Create);
    assert_eq!(rotation.new, Some(new_key()));
    assert_eq!(rotation.pending, None);
    assert_eq!(
        rotation.events.last(),
        Some(&Event {
            at: at(2),
            what: EventKind::Created { access: ak(NEW) },
            request_id: Some("req-create".into())
        })
    );

    next(&mut rotation); // secret saved
    assert_eq!(rotation.stage, Stage::HandOver);

    next(&mut rotation); // handed over: the watch begins
    assert_eq!(rotation.stage, Stage::Watch);
    assert_eq!(rotation.watch.since, Some(at(10)));

    next(&mut rotation); // checked
    assert_eq!(rotation.stage, Stage::Watch);
    assert_eq!(rotation.watch.checked, Some(at(60)));
    assert_eq!(
        rotation.watch.old_last_used,
        Some(now() - Duration::hours(2))
    );
    assert_eq!(rotation.watch.new_first_used, Some(at(30)));

    next(&mut rotation); // moved on after the week: no warning logged
    assert_eq!(rotation.stage, Stage::Disable);
    assert!(!kinds(&rotation).contains(&EventKind::MovedOnEarly));

    next(&mut rotation); // disable sent
    assert_eq!(
        (rotation.stage, &rotation.pending),
        (Stage::Disable, &Some(Pending::Disable))
    );

    next(&mut rotation); // disabled: observe, roll back possible
    assert_eq!((rotation.stage, &rotation.pending), (Stage::Observe, &None));

    next(&mut rotation); // on to deleting
    assert_eq!(rotation.stage, Stage::Delete);

    next(&mut rotation); // delete sent (typed confirmation given)
    assert_eq!(rotation.pending, Some(delete(OLD)));

    next(&mut rotation); // deleted: finished
    assert_eq!(rotation.stage, Stage::Finished);
    assert!(rotation.is_finished());
    assert_eq!(rotation.outcome, Some(Outcome::Completed));
    assert_eq!(rotation.pending, None);
    assert!(path.next().is_none());

    assert_eq!(
        kinds(&rotation),
        [
            EventKind::Started,
            EventKind::Created { access: ak(NEW) },
            EventKind::SecretSaved,
            EventKind::HandedOver,
            EventKind::Disabled,
            EventKind::Deleted,
        ]
    );
    let request_ids: Vec<_> = rotation
        .events
        .iter()
        .filter_map(|e| e.request_id.as_deref())
        .collect();
    assert_eq!(request_ids, ["req-create", "req-disable", "req-delete"]);
    assert_eq!(rotation.events.last().unwrap().at, days_later(9));
}

#[test]
fn the_quick_rotation_disables_the_old_key_by_default() {
    let mut rotation = record(Mode::Quick);
    let path = quick_path(OldKeyEnd::Disable);
    for (at, step) in &path[..4] {
        rotation.apply(step.clone(), *at).unwrap();
    }
    assert_eq!(rotation.stage, Stage::Replace, "no hand-over, no watch");
    assert_eq!(rotation.new, Some(new_key()));

    rotation.apply(path[4].1.clone(), path[4].0).unwrap();
    assert_eq!(rotation.pending, Some(Pending::Disable));
    assert_eq!(rotation.stage, Stage::Replace);

    rotation.apply(path[5].1.clone(), path[5].0).unwrap();
    assert_eq!(rotation.stage, Stage::Finished);
    assert_eq!(rotation.outcome, Some(Outcome::Completed));
    assert_eq!(rotation.pending, None);
    assert_eq!(
        kinds(&rotation),
        [
            EventKind::Started,
            EventKind::Created { access: ak(NEW) },
            EventKind::SecretSaved,
            EventKind::Disabled,
        ]
    );
}

#[test]
fn the_quick_rotation_may_delete_the_old_key_instead() {
    let mut rotation = record(Mode::Quick);
    for (at, step) in quick_path(OldKeyEnd::Delete) {
        if matches!(step, Step::Deleted { .. }) {
            assert_eq!(rotation.pending, Some(delete(OLD)));
            assert_eq!(rotation.stage, Stage::Replace);
        }
        rotation.apply(step, at).unwrap();
    }
    assert_eq!(rotation.outcome, Some(Outcome::Completed));
    assert_eq!(
        kinds(&rotation),
        [
            EventKind::Started,
            EventKind::Created { access: ak(NEW) },
            EventKind::SecretSaved,
            EventKind::Deleted,
        ]
    );
}

#[test]
fn the_mode_is_chosen_at_the_preflight() {
    let mut rotation = record(Mode::Safe);
    rotation
        .apply(Step::ModeChosen(Mode::Quick), at(1))
        .unwrap();
    assert_eq!(rotation.mode, Mode::Quick);
    for (at, step) in quick_path(OldKeyEnd::Disable) {
        rotation.apply(step, at).unwrap();
    }
    assert_eq!(rotation.outcome, Some(Outcome::Completed));

    let mut rotation = reach(Mode::Safe, Stage::Create);
    let before = rotation.clone();
    assert!(
        rotation
            .apply(Step::ModeChosen(Mode::Quick), at(2))
            .is_err()
    );
    assert_eq!(rotation, before);
}

#[test]
fn a_slot_is_freed_before_the_preflight_passes() {
    let mut rotation = record(Mode::Safe);
    rotation.apply(Step::Sent(delete(OTHER)), at(1)).unwrap();
    assert_eq!(rotation.pending, Some(delete(OTHER)));
    assert!(
        rotation.apply(Step::PreflightPassed, at(1)).is_err(),
        "not while the delete is unanswered"
    );
    rotation
        .apply(
            Step::SlotFreed {
                access: ak(OTHER),
                request_id: Some("req-free".into()),
            },
            at(2),
        )
        .unwrap();
    assert_eq!(
        (rotation.stage, &rotation.pending),
        (Stage::Preflight, &None)
    );
    assert_eq!(
        rotation.events.last(),
        Some(&Event {
            at: at(2),
            what: EventKind::SlotFreed { access: ak(OTHER) },
            request_id: Some("req-free".into())
        })
    );
    rotation.apply(Step::PreflightPassed, at(3)).unwrap();
    assert_eq!(rotation.stage, Stage::Create);
}

#[test]
fn moving_on_early_is_logged() {
    let mut rotation = reach(Mode::Safe, Stage::Watch);
    rotation
        .apply(Step::MovedOn { early: true }, at(20))
        .unwrap();
    assert_eq!(rotation.stage, Stage::Disable);
    assert_eq!(
        rotation.events.last(),
        Some(&Event {
            at: at(20),
            what: EventKind::MovedOnEarly,
            request_id: None
        })
    );
}

#[test]
fn rolling_back_returns_to_the_watch() {
    let mut rotation = reach(Mode::Safe, Stage::Observe);
    rotation.apply(Step::Sent(Pending::Enable), at(20)).unwrap();
    assert_eq!(rotation.pending, Some(Pending::Enable));
    rotation
        .apply(
            Step::RolledBack {
                request_id: Some("req-enable".into()),
            },
            at(21),
        )
        .unwrap();
    assert_eq!((rotation.stage, &rotation.pending), (Stage::Watch, &None));
    assert_eq!(rotation.watch.since, Some(at(21)), "the watch starts again");
    assert_eq!(
        rotation.events.last(),
        Some(&Event {
            at: at(21),
            what: EventKind::RolledBack,
            request_id: Some("req-enable".into())
        })
    );
    // and round again
    rotation
        .apply(Step::MovedOn { early: true }, at(22))
        .unwrap();
    rotation
        .apply(Step::Sent(Pending::Disable), at(22))
        .unwrap();
    rotation
        .apply(Step::Disabled { request_id: None }, at(23))
        .unwrap();
    assert_eq!(rotation.stage, Stage::Observe);
}

#[test]
fn a_clear_refusal_is_logged_and_the_step_may_be_sent_again() {
    let mut rotation = reach(Mode::Safe, Stage::Disable);
    rotation
        .apply(Step::Sent(Pending::Disable), at(20))
        .unwrap();
    rotation
        .apply(
            Step::Refused {
                error: "IAM.0006: forbidden (HTTP 403)".into(),
            },
            at(21),
        )
        .unwrap();
    assert_eq!((rotation.stage, &rotation.pending), (Stage::Disable, &None));
    assert_eq!(
        rotation.events.last().unwrap().what,
        EventKind::Failed {
            error: "IAM.0006: forbidden (HTTP 403)".into()
        }
    );
    rotation
        .apply(Step::Sent(Pending::Disable), at(22))
        .unwrap();
    assert_eq!(rotation.pending, Some(Pending::Disable));
}

#[test]
fn a_refused_create_may_be_sent_again() {
    let mut rotation = reach(Mode::Safe, Stage::Create);
    rotation.apply(send_create(), at(1)).unwrap();
    rotation
        .apply(
            Step::Refused {
                error: "akSkNumExceed".into(),
            },
            at(2),
        )
        .unwrap();
    assert_eq!((rotation.stage, &rotation.new), (Stage::Create, &None));
    rotation.apply(send_create(), at(3)).unwrap();
}

#[test]
fn the_user_may_abandon_at_any_stage_with_nothing_pending() {
    for mode in [Mode::Safe, Mode::Quick] {
        let stages: &[Stage] = match mode {
            Mode::Safe => &[
                Stage::Preflight,
                Stage::Create,
                Stage::HandOver,
                Stage::Watch,
                Stage::Disable,
                Stage::Observe,
                Stage::Delete,
            ],
            Mode::Quick => &[Stage::Preflight, Stage::Create, Stage::Replace],
        };
        for &stage in stages {
            let mut rotation = reach(mode, stage);
            rotation.apply(Step::Abandoned, at(500)).unwrap();
            assert_eq!(rotation.stage, Stage::Finished, "{mode:?} {stage:?}");
            assert_eq!(rotation.outcome, Some(Outcome::Abandoned));
            assert_eq!(rotation.events.last().unwrap().what, EventKind::Abandoned);
        }
    }
}

#[test]
fn the_secret_lost_makes_the_new_key_an_orphan() {
    let mut rotation = reach(Mode::Safe, Stage::Create);
    rotation.apply(send_create(), at(1)).unwrap();
    rotation
        .apply(
            Step::Created {
                key: new_key(),
                request_id: None,
            },
            at(2),
        )
        .unwrap();
    rotation.apply(Step::SecretLost, at(3)).unwrap();
    assert_eq!(rotation.new, None);
    assert_eq!(rotation.orphan, Some(ak(NEW)));
    assert_eq!(rotation.stage, Stage::Create);
    assert_eq!(
        rotation.events.last().unwrap().what,
        EventKind::OrphanFound { access: ak(NEW) }
    );
    assert!(rotation.apply(send_create(), at(4)).is_err());
    rotation.apply(Step::Sent(delete(NEW)), at(4)).unwrap();
    rotation
        .apply(
            Step::Deleted {
                access: ak(NEW),
                request_id: None,
            },
            at(5),
        )
        .unwrap();
    assert_eq!(rotation.orphan, None);
    rotation
        .apply(
            Step::Sent(Pending::Create {
                keys_before: vec![ak(OLD)],
            }),
            at(6),
        )
        .unwrap();
}
