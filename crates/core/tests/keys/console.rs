//! The page reducer besides the table: the open dialog and its request, keys with a status
//! change in flight, and the last notice.

use keyturn_core::error::Error;
use keyturn_core::keys::{
    ConsoleAction, ConsoleState, DeleteRisk, KeyDialog, KeyNotice, UnclearWrite,
};
use keyturn_core::model::Model;
use keyturn_core::request_state::RequestState;

use crate::fixture::{ALICE, BOB, NEW_SECRET, ak, created, failure, user};

fn run(mut state: ConsoleState, actions: impl IntoIterator<Item = ConsoleAction>) -> ConsoleState {
    for action in actions {
        let shown = format!("{action:?}");
        assert!(state.apply(action), "refused: {shown}");
    }
    state
}

fn create_dialog() -> KeyDialog {
    KeyDialog::Create { user: user("erin") }
}

fn edit_dialog() -> KeyDialog {
    KeyDialog::Edit {
        access: ak(BOB),
        description: "bob key".into(),
    }
}

fn delete_dialog() -> KeyDialog {
    KeyDialog::Delete {
        access: ak(ALICE),
        user_name: "alice".into(),
        risks: vec![DeleteRisk::Active],
    }
}

fn created_action() -> ConsoleAction {
    ConsoleAction::Created {
        access: ak("NEWKEY00000000000042"),
        created: created(),
        user_name: "erin".into(),
    }
}

/// A dialog whose request is in flight.
fn busy(dialog: KeyDialog) -> ConsoleState {
    run(
        ConsoleState::default(),
        [ConsoleAction::Open(dialog), ConsoleAction::Sent],
    )
}

#[test]
fn the_page_starts_quiet() {
    let state = ConsoleState::default();
    assert_eq!(state.dialog, None);
    assert_eq!(state.request, RequestState::Idle);
    assert!(state.busy.is_empty());
    assert_eq!(state.notice, None);
    assert!(!state.dialog_busy());
}

#[test]
fn opening_a_dialog_hides_the_last_notice() {
    let state = run(
        ConsoleState::default(),
        [
            ConsoleAction::Done(KeyNotice::Deleted(ak(BOB))),
            ConsoleAction::Open(edit_dialog()),
        ],
    );
    assert_eq!(state.dialog, Some(edit_dialog()));
    assert_eq!(state.request, RequestState::Idle);
    assert_eq!(state.notice, None);
}

#[test]
fn an_idle_dialog_can_be_replaced_or_closed() {
    let state = run(
        ConsoleState::default(),
        [
            ConsoleAction::Open(edit_dialog()),
            ConsoleAction::Open(delete_dialog()),
        ],
    );
    assert_eq!(state.dialog, Some(delete_dialog()));
    let state = run(state, [ConsoleAction::Close]);
    assert_eq!(state.dialog, None);
    assert_eq!(state.request, RequestState::Idle);
}

#[test]
fn a_sent_request_keeps_its_dialog_open() {
    for dialog in [create_dialog(), edit_dialog(), delete_dialog()] {
        let mut state = busy(dialog.clone());
        assert_eq!(state.request, RequestState::Pending);
        assert!(state.dialog_busy());
        let before = state.clone();
        assert!(!state.apply(ConsoleAction::Close), "{dialog:?}");
        assert!(
            !state.apply(ConsoleAction::Open(edit_dialog())),
            "{dialog:?}"
        );
        assert_eq!(state, before);
    }
}

#[test]
fn a_failed_request_leaves_the_dialog_open_with_the_error() {
    let state = run(
        busy(delete_dialog()),
        [ConsoleAction::Failed(failure("IAM.0003"))],
    );
    assert_eq!(state.dialog, Some(delete_dialog()));
    assert_eq!(state.request, RequestState::Failed(failure("IAM.0003")));
    assert_eq!(state.request.error(), Some(&failure("IAM.0003")));
    assert!(!state.dialog_busy());

    let again = run(state.clone(), [ConsoleAction::Sent]);
    assert!(again.dialog_busy(), "sent again");
    assert_eq!(again.request.error(), None);
    let closed = run(state, [ConsoleAction::Close]);
    assert_eq!(closed.dialog, None);
    assert_eq!(
        closed.request,
        RequestState::Idle,
        "the error goes with the dialog"
    );
}

#[test]
fn a_created_key_shows_its_secret_and_a_notice() {
    let state = run(busy(create_dialog()), [created_action()]);
    assert_eq!(
        state.dialog,
        Some(KeyDialog::Secret {
            created: created(),
            user_name: "erin".into(),
        })
    );
    assert_eq!(state.request, RequestState::Idle);
    assert!(!state.dialog_busy());
    assert_eq!(
        state.notice,
        Some(KeyNotice::Created {
            access: ak("NEWKEY00000000000042"),
            user: "erin".into(),
        })
    );
    let shown = format!("{state:?} {state:#?}");
    assert!(!shown.contains(NEW_SECRET), "{shown}");
    assert!(shown.contains("NEWKEY00000000000042"), "{shown}");

    let closed = run(state, [ConsoleAction::Close]);
    assert_eq!(closed.dialog, None, "the secret is dropped with its dialog");
    assert!(matches!(closed.notice, Some(KeyNotice::Created { .. })));
    assert!(!format!("{closed:?}").contains(NEW_SECRET));
}

#[test]
fn a_finished_request_closes_its_dialog_with_a_notice() {
    for (dialog, notice) in [
        (edit_dialog(), KeyNotice::DescriptionSaved(ak(BOB))),
        (delete_dialog(), KeyNotice::Deleted(ak(ALICE))),
    ] {
        let state = run(busy(dialog), [ConsoleAction::Done(notice.clone())]);
        assert_eq!(state.dialog, None);
        assert_eq!(state.request, RequestState::Idle);
        assert_eq!(state.notice, Some(notice));
    }
}

#[test]
fn an_unclear_answer_closes_its_dialog_so_the_write_is_not_offered_again() {
    let lost = Error::Network("proxy unreachable".into());
    for (dialog, write) in [
        (
            create_dialog(),
            UnclearWrite::Create {
                user: "erin".into(),
            },
        ),
        (delete_dialog(), UnclearWrite::Delete { access: ak(ALICE) }),
    ] {
        let state = run(
            busy(dialog),
            [ConsoleAction::Unclear(write.clone(), lost.clone())],
        );
        assert_eq!(state.dialog, None, "{write:?}");
        assert_eq!(state.request, RequestState::Idle);
        assert!(!state.dialog_busy());
        assert_eq!(state.notice, Some(KeyNotice::Unclear(write, lost.clone())));
        let dismissed = run(state, [ConsoleAction::Dismiss]);
        assert_eq!(dismissed.notice, None);
    }
}

#[test]
fn status_changes_run_beside_the_dialogs_and_each_ends_on_its_own() {
    let state = run(
        ConsoleState::default(),
        [
            ConsoleAction::Done(KeyNotice::Deleted(ak(BOB))),
            ConsoleAction::StatusSent(ak(ALICE)),
        ],
    );
    assert_eq!(state.busy, [ak(ALICE)]);
    assert_eq!(state.notice, None, "a new action hides the last notice");

    let state = run(
        state,
        [
            ConsoleAction::StatusSent(ak(BOB)),
            ConsoleAction::Open(edit_dialog()),
        ],
    );
    assert_eq!(state.busy, [ak(ALICE), ak(BOB)]);
    assert!(
        !state.dialog_busy(),
        "a status change is not the dialog's request"
    );

    let state = run(
        state,
        [ConsoleAction::StatusEnded(
            ak(BOB),
            KeyNotice::EnableFailed(ak(BOB), failure("IAM.0003")),
        )],
    );
    assert_eq!(state.busy, [ak(ALICE)]);
    assert_eq!(
        state.notice,
        Some(KeyNotice::EnableFailed(ak(BOB), failure("IAM.0003")))
    );
    assert_eq!(state.dialog, Some(edit_dialog()), "the dialog stays");

    let state = run(
        state,
        [ConsoleAction::StatusEnded(
            ak(ALICE),
            KeyNotice::Disabled(ak(ALICE)),
        )],
    );
    assert!(state.busy.is_empty());
    assert_eq!(state.notice, Some(KeyNotice::Disabled(ak(ALICE))));
}

#[test]
fn a_status_change_may_end_while_a_dialog_works() {
    let state = run(
        busy(delete_dialog()),
        [
            ConsoleAction::StatusSent(ak(BOB)),
            ConsoleAction::StatusEnded(ak(BOB), KeyNotice::Enabled(ak(BOB))),
        ],
    );
    assert!(state.dialog_busy());
    assert!(state.busy.is_empty());
    assert_eq!(state.notice, Some(KeyNotice::Enabled(ak(BOB))));
}

#[test]
fn dismiss_hides_the_notice_only() {
    let state = run(
        busy(edit_dialog()),
        [
            ConsoleAction::StatusSent(ak(ALICE)),
            ConsoleAction::StatusEnded(
                ak(ALICE),
                KeyNotice::DisableFailed(ak(ALICE), failure("x")),
            ),
            ConsoleAction::Dismiss,
        ],
    );
    assert_eq!(state.notice, None);
    assert!(state.dialog_busy());
}

#[test]
fn actions_that_change_nothing_are_refused_so_the_page_does_not_re_render() {
    let mut state = ConsoleState::default();
    assert!(!state.apply(ConsoleAction::Dismiss));
    assert!(!state.apply(ConsoleAction::Close));
    assert!(state.apply(ConsoleAction::StatusSent(ak(ALICE))));
    assert!(!state.apply(ConsoleAction::StatusSent(ak(ALICE))));
    assert_eq!(state.busy, vec![ak(ALICE)]);
}
