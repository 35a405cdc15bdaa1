//! The KMS page's dialogs: one request at a time, failures kept in the dialog, outcomes as
//! notices; and the bulk dialog's steps (choose, preview, run, retry the failed keys).

use keyturn_core::error::Error;
use keyturn_core::kms::{
    BulkAction, BulkChange, BulkPlan, BulkRun, BulkStage, BulkState, BulkStateAction, KeyRunState,
    KmsConsoleAction, KmsConsoleState, KmsDialog, KmsNotice, Step,
};
use keyturn_core::model::Model;
use keyturn_core::request_state::RequestState;

use crate::fixture::{id, loaded};

fn disable() -> KmsDialog {
    KmsDialog::Disable {
        key: id(1),
        alias: "app/orders".into(),
    }
}

fn failure() -> Error {
    Error::Network("reset".into())
}

fn done() -> KmsNotice {
    KmsNotice::Disabled {
        alias: "app/orders".into(),
    }
}

#[test]
fn a_dialog_opens_sends_and_closes_with_its_notice() {
    let mut state = KmsConsoleState::default();
    assert!(state.apply(KmsConsoleAction::Open(disable())));
    assert_eq!(state.dialog.as_ref().and_then(KmsDialog::key), Some(&id(1)));
    assert!(state.apply(KmsConsoleAction::Sent));
    assert!(state.request.is_pending());
    assert!(state.apply(KmsConsoleAction::Done(done())));
    assert_eq!(state.dialog, None);
    assert_eq!(state.request, RequestState::Idle);
    assert_eq!(state.notice, Some(done()));
    assert!(state.apply(KmsConsoleAction::Dismiss));
    assert_eq!(state.notice, None);
}

#[test]
fn a_failure_keeps_the_dialog_open_with_the_error() {
    let mut state = KmsConsoleState::default();
    state.apply(KmsConsoleAction::Open(disable()));
    state.apply(KmsConsoleAction::Sent);
    assert!(state.apply(KmsConsoleAction::Failed(failure())));
    assert_eq!(state.dialog, Some(disable()));
    assert_eq!(state.request.error(), Some(&failure()));
    assert!(state.apply(KmsConsoleAction::Sent));
    assert!(state.request.is_pending());
}

#[test]
fn nothing_closes_or_replaces_a_dialog_while_its_request_is_in_flight() {
    let mut state = KmsConsoleState::default();
    state.apply(KmsConsoleAction::Open(disable()));
    state.apply(KmsConsoleAction::Sent);
    let before = state.clone();
    assert!(!state.apply(KmsConsoleAction::Close));
    assert!(!state.apply(KmsConsoleAction::Open(KmsDialog::Bulk)));
    assert!(!state.apply(KmsConsoleAction::Sent));
    assert_eq!(state, before);
}

#[test]
fn answers_without_a_request_in_flight_change_nothing() {
    let mut state = KmsConsoleState::default();
    assert!(!state.apply(KmsConsoleAction::Done(done())));
    assert!(!state.apply(KmsConsoleAction::Failed(failure())));
    assert!(!state.apply(KmsConsoleAction::Sent));
    assert!(!state.apply(KmsConsoleAction::Close));
    assert!(!state.apply(KmsConsoleAction::Dismiss));
    assert_eq!(state, KmsConsoleState::default());
}

#[test]
fn opening_a_dialog_hides_the_last_notice() {
    let mut state = KmsConsoleState {
        notice: Some(done()),
        ..KmsConsoleState::default()
    };
    state.apply(KmsConsoleAction::Open(KmsDialog::Bulk));
    assert_eq!(state.notice, None);
    assert_eq!(state.dialog.as_ref().and_then(KmsDialog::key), None);
}

/// Turning rotation on for app/legacy (demo key 5, rotation off): one `Enable`.
fn plan() -> BulkPlan {
    let state = loaded();
    let change = BulkChange {
        rotation: Some(true),
        interval: None,
    };
    BulkPlan::new([state.keys.row(&id(5)).unwrap()], &change)
}

fn ran(state: &mut BulkState, outcome: BulkAction) {
    state.apply(BulkStateAction::Run(BulkAction::Started { key: id(5) }));
    state.apply(BulkStateAction::Run(outcome));
}

#[test]
fn a_bulk_change_is_previewed_then_run_to_the_end() {
    let mut state = BulkState::default();
    assert!(state.apply(BulkStateAction::Planned(plan())));
    assert!(state.apply(BulkStateAction::Back));
    assert_eq!(state.stage, BulkStage::Choosing);
    state.apply(BulkStateAction::Planned(plan()));
    assert!(state.apply(BulkStateAction::Started(BulkRun::new(&plan()))));
    assert!(state.is_running());
    assert_eq!(state.rounds, 1);
    ran(
        &mut state,
        BulkAction::StepConfirmed {
            key: id(5),
            step: Step::Enable,
        },
    );
    assert!(!state.is_running());
    assert_eq!(state.run().unwrap().keys()[0].state, KeyRunState::Done);
}

#[test]
fn failed_keys_run_again_only_once_the_run_has_finished() {
    let mut state = BulkState::default();
    state.apply(BulkStateAction::Planned(plan()));
    state.apply(BulkStateAction::Started(BulkRun::new(&plan())));
    assert!(!state.apply(BulkStateAction::Started(BulkRun::new(&plan()))));
    ran(
        &mut state,
        BulkAction::StepFailed {
            key: id(5),
            step: Step::Enable,
            error: failure(),
        },
    );
    assert!(state.apply(BulkStateAction::Started(BulkRun::new(&plan()))));
    assert_eq!(state.rounds, 2);
    assert_eq!(state.run().unwrap().keys()[0].state, KeyRunState::Pending);
}

#[test]
fn bulk_steps_out_of_order_change_nothing() {
    let mut state = BulkState::default();
    assert!(!state.apply(BulkStateAction::Back));
    assert!(!state.apply(BulkStateAction::Started(BulkRun::new(&plan()))));
    assert!(!state.apply(BulkStateAction::Run(BulkAction::Started { key: id(5) })));
    state.apply(BulkStateAction::Planned(plan()));
    assert!(!state.apply(BulkStateAction::Planned(plan())));
    assert_eq!(state.stage, BulkStage::Preview(plan()));
}

#[test]
fn a_reset_forgets_the_last_change_but_never_a_run_under_way() {
    let mut state = BulkState::default();
    assert!(!state.apply(BulkStateAction::Reset));
    state.apply(BulkStateAction::Planned(plan()));
    state.apply(BulkStateAction::Started(BulkRun::new(&plan())));
    assert!(!state.apply(BulkStateAction::Reset));
    ran(
        &mut state,
        BulkAction::StepConfirmed {
            key: id(5),
            step: Step::Enable,
        },
    );
    assert!(state.apply(BulkStateAction::Reset));
    assert_eq!(state, BulkState::default());
}
