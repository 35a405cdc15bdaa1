//! The loading reducer of the credential table (pure), the delete risks and the delete
//! confirmation rule.

mod key_support;
mod support;

use std::rc::Rc;

use chrono::Duration;
use key_support::*;
use keyturn::state::{
    DeleteRisk, InventoryAction, InventoryState, Listing, Scope, UserLoad, confirms_delete,
    delete_risks,
};
use keyturn_core::error::{ApiError, Error};
use keyturn_core::policy::{Badge, RotationPolicy};
use keyturn_core::types::credential::KeyStatus;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn failure(code: &str) -> Error {
    Error::Api(ApiError {
        status: 500,
        code: code.into(),
        message: "backend failed".into(),
        request_id: Some("req-1".into()),
    })
}

fn run(
    state: Rc<InventoryState>,
    actions: impl IntoIterator<Item = InventoryAction>,
) -> Rc<InventoryState> {
    actions.into_iter().fold(state, Reducible::reduce)
}

fn listed(generation: u64, names: &[&str]) -> Rc<InventoryState> {
    run(
        Rc::default(),
        [
            InventoryAction::Started {
                generation,
                policy: RotationPolicy::default(),
            },
            InventoryAction::Listed {
                generation,
                users: names.iter().map(|name| user(name)).collect(),
                scope: Scope::AllUsers,
            },
        ],
    )
}

fn loaded(
    generation: u64,
    name: &str,
    keys: Vec<keyturn_core::access_key::AccessKey>,
) -> InventoryAction {
    InventoryAction::UserLoaded {
        generation,
        user_id: format!("u-{name}"),
        keys,
        now: now(),
    }
}

#[wasm_bindgen_test]
fn rows_fill_in_as_users_answer_and_progress_counts_them() {
    let state = listed(1, &["alice", "bob", "erin"]);
    assert!(state.is_loading());
    assert_eq!(state.progress(), (0, 3));
    assert_eq!(state.listing, Listing::Listed(Scope::AllUsers));
    assert!(state.inventory.rows().is_empty());

    let state = run(
        state,
        [loaded(
            1,
            "bob",
            vec![key("bob", BOB, KeyStatus::Inactive, 80, Some(960))],
        )],
    );
    assert_eq!(state.progress(), (1, 3));
    assert_eq!(state.inventory.rows().len(), 1);
    assert_eq!(state.inventory.rows()[0].assessment.badge, Badge::DueSoon);

    let state = run(
        state,
        [
            loaded(1, "erin", vec![]),
            loaded(
                1,
                "alice",
                vec![key("alice", ALICE, KeyStatus::Active, 5, Some(12))],
            ),
        ],
    );
    assert_eq!(state.progress(), (3, 3));
    assert!(!state.is_loading());
    assert_eq!(
        state
            .inventory
            .users_without_keys()
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>(),
        ["erin"]
    );
}

#[wasm_bindgen_test]
fn a_failed_user_keeps_the_others_and_only_that_user_is_retried() {
    let state = listed(4, &["alice", "dave"]);
    let state = run(
        state,
        [
            loaded(
                4,
                "alice",
                vec![key("alice", ALICE, KeyStatus::Active, 5, Some(12))],
            ),
            InventoryAction::UserFailed {
                generation: 4,
                user_id: "u-dave".into(),
                error: failure("APIGW.0103"),
            },
        ],
    );
    assert_eq!(state.progress(), (2, 2), "a failure settles the user");
    assert!(!state.is_loading());
    assert_eq!(state.failures(), [(user("dave"), failure("APIGW.0103"))]);
    assert_eq!(state.inventory.rows().len(), 1, "alice's row stays");

    let retried = run(
        state.clone(),
        [InventoryAction::UserRetried {
            generation: 4,
            user_id: "u-dave".into(),
        }],
    );
    assert_eq!(retried.progress(), (1, 2));
    assert!(retried.failures().is_empty());
    assert_eq!(retried.inventory.rows().len(), 1);
    let again = run(
        retried.clone(),
        [InventoryAction::UserRetried {
            generation: 4,
            user_id: "u-alice".into(),
        }],
    );
    assert!(Rc::ptr_eq(&again, &retried), "a loaded user is not retried");

    let done = run(
        retried,
        [loaded(
            4,
            "dave",
            vec![key(
                "dave",
                "DAVEKEY0000000000001",
                KeyStatus::Active,
                400,
                None,
            )],
        )],
    );
    assert!(done.failures().is_empty());
    assert_eq!(
        done.loads
            .iter()
            .filter(|(_, l)| *l == UserLoad::Loaded)
            .count(),
        2
    );
    assert_eq!(done.inventory.rows().len(), 2);
}

#[wasm_bindgen_test]
fn answers_to_a_replaced_load_are_ignored() {
    let state = listed(1, &["alice"]);
    let state = run(
        state,
        [InventoryAction::Started {
            generation: 2,
            policy: RotationPolicy::default(),
        }],
    );
    assert_eq!(state.listing, Listing::Pending);
    assert_eq!(state.progress(), (0, 0));
    let after = run(
        state.clone(),
        [
            InventoryAction::Listed {
                generation: 1,
                users: vec![user("alice")],
                scope: Scope::AllUsers,
            },
            loaded(
                1,
                "alice",
                vec![key("alice", ALICE, KeyStatus::Active, 5, Some(12))],
            ),
            InventoryAction::ListFailed {
                generation: 1,
                error: failure("x"),
            },
        ],
    );
    assert!(Rc::ptr_eq(&after, &state), "nothing changed");
    let failed = run(
        state,
        [InventoryAction::ListFailed {
            generation: 2,
            error: failure("IAM.0001"),
        }],
    );
    assert_eq!(failed.listing, Listing::Failed(failure("IAM.0001")));
    assert!(!failed.is_loading());
}

#[wasm_bindgen_test]
fn a_refused_user_list_means_own_keys() {
    let state = run(
        Rc::default(),
        [
            InventoryAction::Started {
                generation: 1,
                policy: RotationPolicy::default(),
            },
            InventoryAction::Listed {
                generation: 1,
                users: vec![user("alice")],
                scope: Scope::OwnKeys,
            },
            loaded(
                1,
                "alice",
                vec![key("alice", ALICE, KeyStatus::Active, 5, Some(12))],
            ),
        ],
    );
    assert_eq!(state.scope(), Some(Scope::OwnKeys));
    assert_eq!(state.inventory.rows().len(), 1);
}

#[wasm_bindgen_test]
fn actions_update_rows_from_the_server_answer() {
    let state = listed(1, &["bob"]);
    let state = run(
        state,
        [loaded(
            1,
            "bob",
            vec![key("bob", BOB, KeyStatus::Inactive, 80, Some(960))],
        )],
    );
    let mut enabled = key("bob", BOB, KeyStatus::Active, 80, None);
    enabled.description = "re-enabled".into();
    let state = run(
        state,
        [InventoryAction::KeyChanged {
            key: enabled,
            now: now(),
        }],
    );
    let row = state.inventory.row(BOB).unwrap();
    assert_eq!(row.key.status, KeyStatus::Active);
    assert_eq!(row.key.description, "re-enabled");
    assert_eq!(
        row.key.last_used,
        Some(now() - Duration::hours(960)),
        "an update answer keeps the known last use"
    );

    let created = key("bob", "BOBNEW00000000000002", KeyStatus::Active, 0, None);
    let state = run(
        state,
        [InventoryAction::KeyChanged {
            key: created,
            now: now(),
        }],
    );
    assert_eq!(state.inventory.key_count("u-bob"), 2);
    let state = run(state, [InventoryAction::KeyDeleted { access: BOB.into() }]);
    assert_eq!(state.inventory.key_count("u-bob"), 1);
    let unchanged = run(
        state.clone(),
        [InventoryAction::KeyDeleted { access: BOB.into() }],
    );
    assert!(Rc::ptr_eq(&unchanged, &state));
}

#[wasm_bindgen_test]
fn a_new_policy_reassesses_every_row() {
    let state = listed(1, &["alice"]);
    let state = run(
        state,
        [loaded(
            1,
            "alice",
            vec![key("alice", ALICE, KeyStatus::Active, 5, Some(12))],
        )],
    );
    let strict = RotationPolicy {
        rotate_after_days: 5,
        warn_before_days: 1,
        ..RotationPolicy::default()
    };
    let state = run(
        state,
        [InventoryAction::PolicyChanged {
            policy: strict,
            now: now(),
        }],
    );
    assert_eq!(state.inventory.rows()[0].assessment.badge, Badge::Overdue);
    assert_eq!(state.policy, strict);
}

#[wasm_bindgen_test]
fn deleting_a_key_in_use_is_flagged() {
    let inventory = demo_inventory();
    assert_eq!(
        delete_risks(&inventory, ALICE, now()),
        [
            DeleteRisk::Active,
            DeleteRisk::RecentlyUsed {
                last_used: now() - Duration::hours(12)
            },
            DeleteRisk::OnlyActiveKey {
                user: "alice".into()
            },
        ]
    );
    assert_eq!(
        delete_risks(&inventory, BACKUP_NEW, now()),
        [DeleteRisk::Active],
        "ci-backup has another active key"
    );
    assert_eq!(
        delete_risks(&inventory, BOB, now()),
        [],
        "inactive, last used 40 days ago"
    );
    assert_eq!(
        delete_risks(&inventory, BOB, now() - Duration::days(34)),
        [DeleteRisk::RecentlyUsed {
            last_used: now() - Duration::days(40)
        }],
        "a use 6 days before counts"
    );
    assert_eq!(delete_risks(&inventory, "UNKNOWN", now()), []);
}

#[wasm_bindgen_test]
fn deletion_is_confirmed_by_the_whole_id_or_its_last_six_characters() {
    for (typed, ok) in [
        (TERRAFORM, true),
        ("000001", true),
        ("  000001 ", true),
        ("00001", false),
        ("0000001", false),
        ("", false),
        ("terraform00000000001", false),
        ("TERRAFORM0000000000", false),
    ] {
        assert_eq!(confirms_delete(TERRAFORM, typed), ok, "{typed:?}");
    }
    assert!(confirms_delete("AB12", "AB12"));
    assert!(!confirms_delete("AB12", ""));
}
