//! Bulk rotation changes: planned from each key's confirmed status, run write by write, and
//! only the failed keys retried.

use keyturn_core::error::Error;
use keyturn_core::ids::KmsKeyId;
use keyturn_core::kms::{
    BulkAction, BulkChange, BulkItem, BulkPlan, BulkRun, KeyRunState, KmsAction, KmsKeyRow,
    KmsState, NotRotatable, RotationInterval, SkipReason, Step,
};
use keyturn_core::model::Model;

use crate::fixture::{id, id_text, kms_error, loaded, status};

fn days(days: u32) -> RotationInterval {
    RotationInterval::new(days).unwrap()
}

fn change(rotation: Option<bool>, interval: Option<u32>) -> BulkChange {
    BulkChange {
        rotation,
        interval: interval.map(days),
    }
}

fn selected(state: &KmsState, ns: &[u32]) -> Vec<KmsKeyRow> {
    ns.iter()
        .map(|&n| state.keys.row(&id_text(n)).unwrap().clone())
        .collect()
}

fn plan(ns: &[u32], change: BulkChange) -> BulkPlan {
    BulkPlan::new(&selected(&loaded(), ns), &change)
}

/// Each key's steps, or its skip reason.
fn outline(plan: &BulkPlan) -> Vec<(KmsKeyId, Result<Vec<Step>, SkipReason>)> {
    plan.items()
        .iter()
        .map(|item| match item {
            BulkItem::Planned { key, steps, .. } => (key.clone(), Ok(steps.clone())),
            BulkItem::Skipped { key, reason } => (key.clone(), Err(*reason)),
        })
        .collect()
}

#[test]
fn turning_rotation_on_at_an_interval() {
    let plan = plan(&[1, 2, 5, 6, 7, 15], change(Some(true), Some(90)));
    assert_eq!(
        outline(&plan),
        [
            (id(1), Err(SkipReason::NothingToChange)),
            (id(2), Ok(vec![Step::SetInterval(days(90))])),
            (id(5), Ok(vec![Step::Enable, Step::SetInterval(days(90))])),
            (id(6), Err(SkipReason::StatusUnknown)),
            (
                id(7),
                Err(SkipReason::NotRotatable(NotRotatable::DefaultKey))
            ),
            (id(15), Err(SkipReason::StatusUnknown)),
        ]
    );
    assert_eq!((plan.planned_count(), plan.request_count()), (2, 3));
    assert_eq!(plan.change(), &change(Some(true), Some(90)));
    let BulkItem::Planned { current, .. } = &plan.items()[2] else {
        panic!("app/legacy is planned");
    };
    assert_eq!(*current, status(false, 365, 0, None));
}

#[test]
fn enabling_at_365_days_is_one_write() {
    let plan = plan(&[5, 2, 4], change(Some(true), Some(365)));
    assert_eq!(
        outline(&plan),
        [
            (id(5), Ok(vec![Step::Enable])),
            (id(2), Ok(vec![Step::SetInterval(days(365))])),
            (id(4), Err(SkipReason::NothingToChange)),
        ]
    );
    let plan = self::plan(&[5, 1], change(Some(true), None));
    assert_eq!(
        outline(&plan),
        [
            (id(5), Ok(vec![Step::Enable])),
            (id(1), Err(SkipReason::NothingToChange)),
        ]
    );
}

#[test]
fn turning_rotation_off_never_sets_an_interval() {
    let plan = plan(&[1, 5, 10], change(Some(false), Some(90)));
    assert_eq!(
        outline(&plan),
        [
            (id(1), Ok(vec![Step::Disable])),
            (id(5), Err(SkipReason::NothingToChange)),
            (
                id(10),
                Err(SkipReason::NotRotatable(NotRotatable::Disabled))
            ),
        ]
    );
}

#[test]
fn an_interval_alone_skips_keys_whose_rotation_is_off() {
    let plan = plan(&[1, 3, 5], change(None, Some(180)));
    assert_eq!(
        outline(&plan),
        [
            (id(1), Ok(vec![Step::SetInterval(days(180))])),
            (id(3), Err(SkipReason::NothingToChange)),
            (id(5), Err(SkipReason::RotationOff)),
        ]
    );
    let nothing = self::plan(&[1, 5], change(None, None));
    assert_eq!(nothing.request_count(), 0);
    assert!(nothing.items().iter().all(|item| matches!(
        item,
        BulkItem::Skipped {
            reason: SkipReason::NothingToChange,
            ..
        }
    )));
}

#[test]
fn a_run_sends_each_key_s_writes_in_order() {
    let plan = plan(&[2, 5, 4], change(Some(true), Some(90)));
    let mut run = BulkRun::new(&plan);
    assert_eq!(run.progress(), (0, 3));
    assert_eq!(
        run.pending_keys().collect::<Vec<_>>(),
        [&id(2), &id(5), &id(4)]
    );
    assert!(!run.is_finished());

    // An answer before the key started, or for another write than its next, is ignored.
    let early = BulkAction::StepConfirmed {
        key: id(2),
        step: Step::SetInterval(days(90)),
    };
    assert!(!run.apply(early.clone()));
    assert!(run.apply(BulkAction::Started { key: id(2) }));
    assert!(!run.apply(BulkAction::Started { key: id(2) }));
    assert_eq!(run.key(&id_text(2)).unwrap().state, KeyRunState::Running);
    assert!(run.apply(early));
    let payments = run.key(&id_text(2)).unwrap();
    assert_eq!(payments.state, KeyRunState::Done);
    assert_eq!(payments.status, status(true, 90, 6, Some(5)));

    run.apply(BulkAction::Started { key: id(5) });
    assert_eq!(
        run.key(&id_text(5)).unwrap().next_step(),
        Some(Step::Enable)
    );
    assert!(!run.apply(BulkAction::StepConfirmed {
        key: id(5),
        step: Step::SetInterval(days(90))
    }));
    assert!(run.apply(BulkAction::StepConfirmed {
        key: id(5),
        step: Step::Enable
    }));
    let legacy = run.key(&id_text(5)).unwrap();
    assert_eq!(legacy.state, KeyRunState::Running);
    assert_eq!(
        (legacy.confirmed, legacy.status),
        (1, status(true, 365, 0, None))
    );
    assert_eq!(legacy.next_step(), Some(Step::SetInterval(days(90))));
    let refused = kms_error("KMS.3001");
    assert!(run.apply(BulkAction::StepFailed {
        key: id(5),
        step: Step::SetInterval(days(90)),
        error: refused.clone()
    }));
    assert_eq!(
        run.key(&id_text(5)).unwrap().state,
        KeyRunState::Failed {
            step: Step::SetInterval(days(90)),
            error: refused
        }
    );
    assert_eq!(run.key(&id_text(5)).unwrap().next_step(), None);

    assert!(run.apply(BulkAction::Batch(vec![
        BulkAction::Started { key: id(4) },
        BulkAction::StepFailed {
            key: id(4),
            step: Step::SetInterval(days(90)),
            error: Error::Network("reset".into()),
        },
    ])));
    assert_eq!(run.progress(), (3, 3));
    assert!(run.is_finished());
    assert_eq!(run.failed_keys().collect::<Vec<_>>(), [&id(5), &id(4)]);
}

#[test]
fn a_retry_replans_only_failed_keys_from_what_was_confirmed() {
    let plan = plan(&[2, 5, 4], change(Some(true), Some(90)));
    let mut run = BulkRun::new(&plan);
    let network = || Error::Network("reset".into());
    run.apply(BulkAction::Batch(vec![
        BulkAction::Started { key: id(2) },
        BulkAction::StepConfirmed {
            key: id(2),
            step: Step::SetInterval(days(90)),
        },
        BulkAction::Started { key: id(5) },
        BulkAction::StepConfirmed {
            key: id(5),
            step: Step::Enable,
        },
        BulkAction::StepFailed {
            key: id(5),
            step: Step::SetInterval(days(90)),
            error: network(),
        },
        BulkAction::Started { key: id(4) },
        BulkAction::StepFailed {
            key: id(4),
            step: Step::SetInterval(days(90)),
            error: network(),
        },
    ]));
    let retry = run.retry_plan();
    assert_eq!(retry.change(), plan.change());
    assert_eq!(
        outline(&retry),
        [
            (id(5), Ok(vec![Step::SetInterval(days(90))])),
            (id(4), Ok(vec![Step::SetInterval(days(90))])),
        ]
    );
    let retry_run = BulkRun::new(&retry);
    assert_eq!(retry_run.progress(), (0, 2));
}

#[test]
fn a_refusal_that_tells_the_rotation_is_remembered_for_the_retry() {
    // The enable was sent before, its answer lost: KMS says rotation is already on.
    let mut run = BulkRun::new(&plan(&[5], change(Some(true), None)));
    run.apply(BulkAction::Started { key: id(5) });
    run.apply(BulkAction::StepFailed {
        key: id(5),
        step: Step::Enable,
        error: kms_error("KMS.2901"),
    });
    assert!(run.key(&id_text(5)).unwrap().status.enabled);
    assert_eq!(
        outline(&run.retry_plan()),
        [(id(5), Err(SkipReason::NothingToChange))]
    );

    // Someone turned rotation off meanwhile: the disable and the interval are refused.
    let mut run = BulkRun::new(&plan(&[1, 3], change(Some(false), None)));
    for key in [1, 3] {
        run.apply(BulkAction::Started { key: id(key) });
    }
    run.apply(BulkAction::StepFailed {
        key: id(1),
        step: Step::Disable,
        error: kms_error("KMS.0313"),
    });
    run.apply(BulkAction::StepFailed {
        key: id(3),
        step: Step::Disable,
        error: kms_error("KMS.0209"),
    });
    assert_eq!(
        outline(&run.retry_plan()),
        [
            (id(1), Err(SkipReason::NothingToChange)),
            (id(3), Ok(vec![Step::Disable])),
        ]
    );
}

#[test]
fn confirmed_writes_update_the_table() {
    let mut state = loaded();
    let mut run = BulkRun::new(&BulkPlan::new(
        &selected(&state, &[5]),
        &change(Some(true), Some(30)),
    ));
    run.apply(BulkAction::Started { key: id(5) });
    for step in [Step::Enable, Step::SetInterval(days(30))] {
        assert!(run.apply(BulkAction::StepConfirmed { key: id(5), step }));
        let status = run.key(&id_text(5)).unwrap().status;
        assert!(state.apply(KmsAction::RotationChanged {
            key_id: id(5),
            status
        }));
    }
    let legacy = state.keys.row(&id_text(5)).unwrap();
    assert_eq!(legacy.interval_days(), Some(30));
    assert_eq!(legacy.rotation_enabled(), Some(true));
}

#[test]
fn a_status_read_after_a_failure_is_what_the_retry_plans_from() {
    // The enable's answer was lost after KMS applied it: the status read says rotation is on.
    let mut run = BulkRun::new(&plan(&[5], change(Some(true), Some(90))));
    run.apply(BulkAction::Started { key: id(5) });
    let on = status(true, 365, 0, None);
    assert!(!run.apply(BulkAction::StatusRead {
        key: id(5),
        status: on
    }));
    run.apply(BulkAction::StepFailed {
        key: id(5),
        step: Step::Enable,
        error: Error::Network("reset".into()),
    });
    assert!(run.apply(BulkAction::StatusRead {
        key: id(5),
        status: on
    }));
    assert_eq!(
        outline(&run.retry_plan()),
        [(id(5), Ok(vec![Step::SetInterval(days(90))]))]
    );
}
