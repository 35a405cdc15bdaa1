//! Reading the user's keys again: what an unanswered write did, and what changed elsewhere.

use keyturn_core::access_key::AccessKey;
use keyturn_core::rotation::{
    Elsewhere, EventKind, Mode, Outcome, Pending, Reconciliation, RotationRecord, Stage, Step,
    reconcile,
};

use crate::fixture::{
    NEW, OLD, ORPHAN, OTHER, active, ak, apply_all, at, created, delete, inactive, reach,
    send_create, sent, with_orphan,
};

fn steps(record: &RotationRecord, keys: &[AccessKey]) -> Vec<Step> {
    let found = reconcile(record, keys);
    assert!(!found.new_key_missing, "{found:?}");
    found.steps
}

/// `record` after the steps `reconcile` gives for `keys`, every one accepted.
fn reconciled(mut record: RotationRecord, keys: &[AccessKey]) -> RotationRecord {
    let steps = reconcile(&record, keys).steps;
    apply_all(&mut record, steps);
    record
}

fn create_sent(mode: Mode) -> RotationRecord {
    let mut record = reach(mode, Stage::Create);
    apply_all(&mut record, vec![send_create()]);
    record
}

// An unanswered create.

#[test]
fn a_key_that_appeared_after_an_unanswered_create_is_an_orphan() {
    for mode in [Mode::Safe, Mode::Quick] {
        let record = create_sent(mode);
        let keys = [active(OLD), active(ORPHAN)];
        assert_eq!(
            steps(&record, &keys),
            [Step::OrphanFound { access: ak(ORPHAN) }]
        );
        let record = reconciled(record, &keys);
        assert_eq!(record.orphan, Some(ak(ORPHAN)));
        assert_eq!(record.new, None, "its secret was never seen");
        assert_eq!(record.pending, None);
        assert_eq!(record.stage, Stage::Create);
        assert_eq!(
            record.events.last().unwrap().what,
            EventKind::OrphanFound { access: ak(ORPHAN) }
        );
        let mut again = record.clone();
        assert!(
            again.apply(send_create(), at(200)).is_err(),
            "no second key while the orphan is left"
        );
    }
}

#[test]
fn nothing_created_lets_the_create_be_sent_again() {
    let record = create_sent(Mode::Safe);
    assert_eq!(steps(&record, &[active(OLD)]), [Step::NotApplied]);
    let mut record = reconciled(record, &[active(OLD)]);
    assert_eq!((&record.pending, &record.orphan), (&None, &None));
    apply_all(&mut record, vec![send_create()]);
}

#[test]
fn a_key_listed_before_the_create_is_no_orphan() {
    let mut record = reach(Mode::Safe, Stage::Create);
    apply_all(
        &mut record,
        vec![Step::Sent(Pending::Create {
            keys_before: vec![ak(OLD), ak(OTHER)],
        })],
    );
    assert_eq!(
        steps(&record, &[active(OLD), active(OTHER)]),
        [Step::NotApplied]
    );
}

// The orphan.

#[test]
fn the_orphan_deleted() {
    let record = sent(with_orphan(Mode::Safe), delete(ORPHAN));
    assert_eq!(
        steps(&record, &[active(OLD)]),
        [Step::Deleted {
            access: ak(ORPHAN),
            request_id: None
        }]
    );
    let mut record = reconciled(record, &[active(OLD)]);
    assert_eq!((&record.orphan, &record.pending), (&None, &None));
    assert_eq!(
        record.events.last().unwrap().what,
        EventKind::OrphanDeleted { access: ak(ORPHAN) }
    );
    apply_all(&mut record, vec![send_create()]);
}

#[test]
fn the_orphan_not_deleted() {
    let record = sent(with_orphan(Mode::Safe), delete(ORPHAN));
    let keys = [active(OLD), active(ORPHAN)];
    assert_eq!(steps(&record, &keys), [Step::NotApplied]);
    let record = reconciled(record, &keys);
    assert_eq!(record.orphan, Some(ak(ORPHAN)));
    assert_eq!(record.pending, None);
}

#[test]
fn the_orphan_deleted_elsewhere_is_forgotten() {
    let record = with_orphan(Mode::Quick);
    assert_eq!(
        steps(&record, &[active(OLD)]),
        [Step::Deleted {
            access: ak(ORPHAN),
            request_id: None
        }]
    );
    assert_eq!(reconciled(record, &[active(OLD)]).orphan, None);
    assert_eq!(
        steps(&with_orphan(Mode::Safe), &[active(OLD), active(ORPHAN)]),
        [],
        "still there: nothing to do"
    );
}

// Freeing a slot.

#[test]
fn the_delete_freeing_a_slot() {
    let record = sent(reach(Mode::Safe, Stage::Preflight), delete(OTHER));
    assert_eq!(
        steps(&record, &[active(OLD)]),
        [Step::SlotFreed {
            access: ak(OTHER),
            request_id: None
        }]
    );
    let record = reconciled(record, &[active(OLD)]);
    assert_eq!((record.stage, &record.pending), (Stage::Preflight, &None));
    assert_eq!(
        record.events.last().unwrap().what,
        EventKind::SlotFreed { access: ak(OTHER) }
    );

    let record = sent(reach(Mode::Safe, Stage::Preflight), delete(OTHER));
    let keys = [active(OLD), inactive(OTHER)];
    assert_eq!(steps(&record, &keys), [Step::NotApplied]);
    assert_eq!(reconciled(record, &keys).pending, None);
}

// Disable, enable, delete of the old key.

#[test]
fn an_unanswered_disable_done() {
    let record = sent(reach(Mode::Safe, Stage::Disable), Pending::Disable);
    let keys = [inactive(OLD), active(NEW)];
    assert_eq!(steps(&record, &keys), [Step::Disabled { request_id: None }]);
    let record = reconciled(record, &keys);
    assert_eq!((record.stage, &record.pending), (Stage::Observe, &None));
    assert_eq!(record.events.last().unwrap().what, EventKind::Disabled);
}

#[test]
fn an_unanswered_disable_not_applied() {
    let record = sent(reach(Mode::Safe, Stage::Disable), Pending::Disable);
    let keys = [active(OLD), active(NEW)];
    assert_eq!(steps(&record, &keys), [Step::NotApplied]);
    let record = reconciled(record, &keys);
    assert_eq!((record.stage, &record.pending), (Stage::Disable, &None));
}

#[test]
fn an_unanswered_quick_disable() {
    let record = sent(reach(Mode::Quick, Stage::Replace), Pending::Disable);
    let done = reconciled(record.clone(), &[inactive(OLD), active(NEW)]);
    assert_eq!(done.outcome, Some(Outcome::Completed));
    let not = reconciled(record, &[active(OLD), active(NEW)]);
    assert_eq!((not.stage, &not.pending), (Stage::Replace, &None));
}

#[test]
fn an_unanswered_enable_done() {
    let record = sent(reach(Mode::Safe, Stage::Observe), Pending::Enable);
    let keys = [active(OLD), active(NEW)];
    assert_eq!(
        steps(&record, &keys),
        [Step::RolledBack { request_id: None }]
    );
    let record = reconciled(record, &keys);
    assert_eq!((record.stage, &record.pending), (Stage::Watch, &None));
    assert_eq!(record.events.last().unwrap().what, EventKind::RolledBack);
}

#[test]
fn an_unanswered_enable_not_applied() {
    let record = sent(reach(Mode::Safe, Stage::Observe), Pending::Enable);
    let keys = [inactive(OLD), active(NEW)];
    assert_eq!(steps(&record, &keys), [Step::NotApplied]);
    let record = reconciled(record, &keys);
    assert_eq!((record.stage, &record.pending), (Stage::Observe, &None));
}

#[test]
fn an_unanswered_delete_of_the_old_key_completes() {
    for (mode, stage) in [(Mode::Safe, Stage::Delete), (Mode::Quick, Stage::Replace)] {
        let record = sent(reach(mode, stage), delete(OLD));
        let found = reconcile(&record, &[active(NEW)]);
        assert_eq!(
            found,
            Reconciliation {
                steps: vec![Step::Deleted {
                    access: ak(OLD),
                    request_id: None
                }],
                new_key_missing: false
            }
        );
        let record = reconciled(record, &[active(NEW)]);
        assert_eq!(record.outcome, Some(Outcome::Completed), "{mode:?}");
        assert_eq!(record.events.last().unwrap().what, EventKind::Deleted);
    }
}

#[test]
fn an_unanswered_delete_of_the_old_key_not_applied() {
    let record = sent(reach(Mode::Safe, Stage::Delete), delete(OLD));
    let keys = [inactive(OLD), active(NEW)];
    assert_eq!(steps(&record, &keys), [Step::NotApplied]);
    let record = reconciled(record, &keys);
    assert_eq!((record.stage, &record.pending), (Stage::Delete, &None));

    let record = sent(reach(Mode::Quick, Stage::Replace), delete(OLD));
    let keys = [active(OLD), active(NEW)];
    assert_eq!(steps(&record, &keys), [Step::NotApplied]);
}

// The server's state, whatever the rotation expected.

#[test]
fn the_old_key_gone_ends_the_rotation_at_any_stage() {
    let mut places = Vec::new();
    for stage in [
        Stage::Preflight,
        Stage::Create,
        Stage::HandOver,
        Stage::Watch,
        Stage::Disable,
        Stage::Observe,
        Stage::Delete,
    ] {
        places.push((format!("safe {stage:?}"), reach(Mode::Safe, stage)));
    }
    for stage in [Stage::Preflight, Stage::Create, Stage::Replace] {
        places.push((format!("quick {stage:?}"), reach(Mode::Quick, stage)));
    }
    places.push(("created".into(), created(Mode::Safe)));
    places.push(("orphan".into(), with_orphan(Mode::Safe)));
    places.push((
        "create sent".into(),
        sent(reach(Mode::Safe, Stage::Create), pending_create()),
    ));
    places.push((
        "freeing a slot".into(),
        sent(reach(Mode::Safe, Stage::Preflight), delete(OTHER)),
    ));
    places.push((
        "disable sent".into(),
        sent(reach(Mode::Safe, Stage::Disable), Pending::Disable),
    ));
    places.push((
        "enable sent".into(),
        sent(reach(Mode::Safe, Stage::Observe), Pending::Enable),
    ));
    places.push((
        "quick disable sent".into(),
        sent(reach(Mode::Quick, Stage::Replace), Pending::Disable),
    ));
    for (label, record) in places {
        let keys = [active(NEW)];
        assert_eq!(
            reconcile(&record, &keys),
            Reconciliation {
                steps: vec![Step::OldKeyGone],
                new_key_missing: false
            },
            "{label}"
        );
        let record = reconciled(record, &keys);
        assert_eq!(record.stage, Stage::Finished, "{label}");
        assert_eq!(record.outcome, Some(Outcome::OldKeyGone), "{label}");
        assert_eq!(record.pending, None, "{label}");
        assert!(
            matches!(
                record.events.last().unwrap().what,
                EventKind::Reconciled { .. }
            ),
            "{label}"
        );
    }
}

fn pending_create() -> Pending {
    Pending::Create {
        keys_before: vec![ak(OLD)],
    }
}

#[test]
fn the_old_key_disabled_elsewhere_while_watching() {
    for stage in [Stage::Watch, Stage::Disable] {
        let record = reach(Mode::Safe, stage);
        let keys = [inactive(OLD), active(NEW)];
        assert_eq!(
            steps(&record, &keys),
            [Step::Reconciled {
                note: Elsewhere::Disabled,
                stage: Stage::Observe
            }],
            "{stage:?}"
        );
        let record = reconciled(record, &keys);
        assert_eq!(record.stage, Stage::Observe);
        assert_eq!(
            record.events.last().unwrap().what,
            EventKind::Reconciled {
                note: Elsewhere::Disabled
            }
        );
    }
}

#[test]
fn the_old_key_enabled_elsewhere_while_observing() {
    for stage in [Stage::Observe, Stage::Delete] {
        let record = reach(Mode::Safe, stage);
        let keys = [active(OLD), active(NEW)];
        assert_eq!(
            steps(&record, &keys),
            [Step::Reconciled {
                note: Elsewhere::Enabled,
                stage: Stage::Watch
            }],
            "{stage:?}"
        );
        assert_eq!(reconciled(record, &keys).stage, Stage::Watch);
    }
}

#[test]
fn an_unapplied_delete_of_a_re_enabled_old_key_returns_to_the_watch() {
    let record = sent(reach(Mode::Safe, Stage::Delete), delete(OLD));
    let keys = [active(OLD), active(NEW)];
    assert_eq!(
        steps(&record, &keys),
        [
            Step::NotApplied,
            Step::Reconciled {
                note: Elsewhere::Enabled,
                stage: Stage::Watch
            }
        ]
    );
    let record = reconciled(record, &keys);
    assert_eq!((record.stage, &record.pending), (Stage::Watch, &None));
}

#[test]
fn keys_as_expected_change_nothing() {
    let places = [
        (reach(Mode::Safe, Stage::Preflight), vec![active(OLD)]),
        (reach(Mode::Safe, Stage::Create), vec![active(OLD)]),
        (created(Mode::Safe), vec![active(OLD), active(NEW)]),
        (
            reach(Mode::Safe, Stage::HandOver),
            vec![active(OLD), active(NEW)],
        ),
        (
            reach(Mode::Safe, Stage::Watch),
            vec![active(OLD), active(NEW)],
        ),
        (
            reach(Mode::Safe, Stage::Disable),
            vec![active(OLD), active(NEW)],
        ),
        (
            reach(Mode::Safe, Stage::Observe),
            vec![inactive(OLD), active(NEW)],
        ),
        (
            reach(Mode::Safe, Stage::Delete),
            vec![inactive(OLD), active(NEW)],
        ),
        (
            reach(Mode::Quick, Stage::Replace),
            vec![active(OLD), active(NEW)],
        ),
    ];
    for (record, keys) in places {
        assert_eq!(
            reconcile(&record, &keys),
            Reconciliation {
                steps: vec![],
                new_key_missing: false
            },
            "{:?}",
            record.stage
        );
    }
}

#[test]
fn the_old_key_disabled_before_the_hand_over_is_left_to_the_person() {
    let record = reach(Mode::Safe, Stage::HandOver);
    assert_eq!(steps(&record, &[inactive(OLD), active(NEW)]), []);
}

#[test]
fn the_new_key_missing_is_flagged() {
    for record in [
        created(Mode::Safe),
        reach(Mode::Safe, Stage::HandOver),
        reach(Mode::Safe, Stage::Watch),
        reach(Mode::Quick, Stage::Replace),
    ] {
        let found = reconcile(&record, &[active(OLD)]);
        assert!(found.new_key_missing, "{:?}", record.stage);
        assert_eq!(found.steps, [], "{:?}", record.stage);
    }
    let found = reconcile(&reach(Mode::Safe, Stage::Observe), &[active(OLD)]);
    assert!(found.new_key_missing);
    assert_eq!(
        found.steps,
        [Step::Reconciled {
            note: Elsewhere::Enabled,
            stage: Stage::Watch
        }]
    );
    assert!(
        !reconcile(&reach(Mode::Safe, Stage::Create), &[active(OLD)]).new_key_missing,
        "no new key yet"
    );
}
