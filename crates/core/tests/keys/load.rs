//! The loading reducer of the credential table: per-user answers, partial failure, retry,
//! changes from the key actions and a new policy.

use chrono::Duration;
use keyturn_core::access_key::AccessKey;
use keyturn_core::keys::{
    Coverage, InventoryAction, InventoryState, Listing, UserLoad, own_keys_owner,
};
use keyturn_core::model::Model;
use keyturn_core::policy::{Badge, RotationPolicy};
use keyturn_core::types::credential::KeyStatus;

use crate::fixture::{ALICE, BOB, ak, failure, key, now, user, user_id};

/// Applies `action`, checking that the answer says whether anything changed.
fn step(state: &mut InventoryState, action: InventoryAction) -> bool {
    let before = state.clone();
    let changed = state.apply(action);
    if !changed {
        assert_eq!(*state, before, "a refused action changes nothing");
    }
    changed
}

fn run(
    mut state: InventoryState,
    actions: impl IntoIterator<Item = InventoryAction>,
) -> InventoryState {
    for action in actions {
        let shown = format!("{action:?}");
        assert!(step(&mut state, action), "refused: {shown}");
    }
    state
}

fn started() -> InventoryAction {
    InventoryAction::Started {
        policy: RotationPolicy::default(),
    }
}

fn listed_action(names: &[&str], coverage: Coverage) -> InventoryAction {
    InventoryAction::Listed {
        users: names.iter().map(|name| user(name)).collect(),
        coverage,
    }
}

fn listed(names: &[&str]) -> InventoryState {
    run(
        InventoryState::default(),
        [started(), listed_action(names, Coverage::AllUsers)],
    )
}

fn loaded(name: &str, keys: Vec<AccessKey>) -> InventoryAction {
    InventoryAction::UserLoaded {
        user_id: user_id(name),
        keys,
        now: now(),
    }
}

fn failed(name: &str, code: &str) -> InventoryAction {
    InventoryAction::UserFailed {
        user_id: user_id(name),
        error: failure(code),
    }
}

fn retried(name: &str) -> InventoryAction {
    InventoryAction::UserRetried {
        user_id: user_id(name),
    }
}

fn alice_key() -> AccessKey {
    key("alice", ALICE, KeyStatus::Active, 5, Some(12))
}

fn bob_key() -> AccessKey {
    key("bob", BOB, KeyStatus::Inactive, 80, Some(960))
}

#[test]
fn before_anything_arrives_the_user_list_is_awaited() {
    let state = InventoryState::default();
    assert_eq!(state.listing, Listing::Pending);
    assert!(state.is_loading());
    assert_eq!(state.progress(), (0, 0));
    assert!(state.failures().is_empty());
    assert_eq!(state.coverage(), None);
    assert!(state.inventory.rows().is_empty());
    assert_eq!(state.policy, RotationPolicy::default());
}

#[test]
fn rows_fill_in_as_users_answer_and_progress_counts_them() {
    let state = listed(&["alice", "bob", "erin"]);
    assert!(state.is_loading());
    assert_eq!(state.progress(), (0, 3));
    assert_eq!(state.listing, Listing::Listed(Coverage::AllUsers));
    assert_eq!(state.coverage(), Some(Coverage::AllUsers));
    assert!(state.inventory.rows().is_empty());
    assert_eq!(state.inventory.users().count(), 3);
    assert!(
        state
            .loads
            .iter()
            .all(|(_, load)| *load == UserLoad::Loading)
    );

    let state = run(state, [loaded("bob", vec![bob_key()])]);
    assert_eq!(state.progress(), (1, 3));
    assert!(state.is_loading());
    assert_eq!(state.inventory.rows().len(), 1);
    assert_eq!(state.inventory.rows()[0].assessment.badge, Badge::DueSoon);

    let state = run(
        state,
        [loaded("erin", vec![]), loaded("alice", vec![alice_key()])],
    );
    assert_eq!(state.progress(), (3, 3));
    assert!(!state.is_loading());
    assert!(state.failures().is_empty());
    let without: Vec<&str> = state
        .inventory
        .users_without_keys()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(without, ["erin"]);
    let order: Vec<&str> = state.loads.iter().map(|(u, _)| u.name.as_str()).collect();
    assert_eq!(order, ["alice", "bob", "erin"], "in the order listed");
}

#[test]
fn started_forgets_everything_but_the_new_policy() {
    let state = run(
        listed(&["alice", "bob"]),
        [
            loaded("alice", vec![alice_key()]),
            failed("bob", "IAM.0001"),
        ],
    );
    let strict = RotationPolicy {
        rotate_after_days: 5,
        warn_before_days: 1,
        ..RotationPolicy::default()
    };
    let state = run(state, [InventoryAction::Started { policy: strict }]);
    assert_eq!(
        state,
        InventoryState {
            policy: strict,
            ..InventoryState::default()
        }
    );
    assert_eq!(state.progress(), (0, 0));
    assert!(state.is_loading());
}

#[test]
fn the_user_list_is_taken_only_while_it_is_awaited() {
    let mut state = listed(&["alice"]);
    assert!(!step(
        &mut state,
        listed_action(&["alice", "bob"], Coverage::AllUsers)
    ));
    assert_eq!(state.progress(), (0, 1));

    let mut failed_list = run(
        InventoryState::default(),
        [InventoryAction::ListFailed {
            error: failure("IAM.0001"),
        }],
    );
    assert!(!step(
        &mut failed_list,
        listed_action(&["alice"], Coverage::AllUsers)
    ));
}

#[test]
fn a_failed_user_list_stops_the_loading() {
    let state = run(
        InventoryState::default(),
        [
            started(),
            InventoryAction::ListFailed {
                error: failure("IAM.0001"),
            },
        ],
    );
    assert_eq!(state.listing, Listing::Failed(failure("IAM.0001")));
    assert!(!state.is_loading());
    assert_eq!(state.coverage(), None);
    assert_eq!(state.progress(), (0, 0));
    assert!(state.failures().is_empty(), "no user failed: the list did");
}

#[test]
fn a_failed_user_keeps_the_others_and_only_that_user_is_retried() {
    let state = run(
        listed(&["alice", "dave"]),
        [
            loaded("alice", vec![alice_key()]),
            failed("dave", "APIGW.0103"),
        ],
    );
    assert_eq!(state.progress(), (2, 2), "a failure settles the user");
    assert!(!state.is_loading());
    assert_eq!(state.failures(), [(user("dave"), failure("APIGW.0103"))]);
    assert_eq!(state.inventory.rows().len(), 1, "alice's row stays");

    let mut retried_state = run(state, [retried("dave")]);
    assert_eq!(retried_state.progress(), (1, 2));
    assert!(retried_state.is_loading());
    assert!(retried_state.failures().is_empty());
    assert_eq!(retried_state.inventory.rows().len(), 1);
    assert!(
        !step(&mut retried_state, retried("alice")),
        "a loaded user is not retried"
    );
    assert!(
        !step(&mut retried_state, retried("dave")),
        "a loading user is not retried"
    );
    assert!(
        !step(&mut retried_state, retried("nobody")),
        "an unknown user is not retried"
    );

    let done = run(
        retried_state,
        [loaded(
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

#[test]
fn answers_about_users_not_listed_are_ignored() {
    let mut state = listed(&["alice"]);
    assert!(!step(&mut state, loaded("mallory", vec![alice_key()])));
    assert!(!step(&mut state, failed("mallory", "x")));
    let mut pending = InventoryState::default();
    assert!(!step(&mut pending, loaded("alice", vec![alice_key()])));
    assert!(!step(&mut pending, failed("alice", "x")));
    assert!(!step(&mut pending, retried("alice")));
}

#[test]
fn a_later_answer_replaces_a_users_rows_and_settles_them() {
    let state = run(
        listed(&["bob"]),
        [
            loaded("bob", vec![bob_key()]),
            loaded(
                "bob",
                vec![key(
                    "bob",
                    "BOBNEW00000000000002",
                    KeyStatus::Active,
                    0,
                    None,
                )],
            ),
        ],
    );
    assert_eq!(state.inventory.key_count("u-bob"), 1);
    assert!(state.inventory.row(BOB).is_none());
    let failed_after = run(state, [failed("bob", "IAM.0002")]);
    assert_eq!(failed_after.failures().len(), 1);
}

#[test]
fn a_refused_user_list_means_own_keys() {
    let state = run(
        InventoryState::default(),
        [
            started(),
            listed_action(&["alice"], Coverage::OwnKeys),
            loaded("alice", vec![alice_key()]),
        ],
    );
    assert_eq!(state.coverage(), Some(Coverage::OwnKeys));
    assert_eq!(state.listing, Listing::Listed(Coverage::OwnKeys));
    assert_eq!(state.inventory.rows().len(), 1);
    assert!(!state.is_loading());
}

#[test]
fn actions_update_rows_from_the_server_answer() {
    let state = run(listed(&["bob"]), [loaded("bob", vec![bob_key()])]);
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
    let mut state = run(
        state,
        [InventoryAction::KeyChanged {
            key: created,
            now: now(),
        }],
    );
    assert_eq!(state.inventory.key_count("u-bob"), 2);
    assert!(!state.inventory.has_free_slot("u-bob"));

    let stranger = key(
        "mallory",
        "MALLORY0000000000001",
        KeyStatus::Active,
        0,
        None,
    );
    assert!(
        !step(
            &mut state,
            InventoryAction::KeyChanged {
                key: stranger,
                now: now(),
            }
        ),
        "a key of an unknown user is not shown"
    );

    let mut state = run(state, [InventoryAction::KeyDeleted { access: ak(BOB) }]);
    assert_eq!(state.inventory.key_count("u-bob"), 1);
    assert!(state.inventory.has_free_slot("u-bob"));
    assert!(
        !step(&mut state, InventoryAction::KeyDeleted { access: ak(BOB) }),
        "a key deleted twice"
    );
}

#[test]
fn a_new_policy_reassesses_every_row() {
    let state = run(listed(&["alice"]), [loaded("alice", vec![alice_key()])]);
    assert_eq!(state.inventory.rows()[0].assessment.badge, Badge::Ok);
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

    let later = run(
        state,
        [InventoryAction::KeyChanged {
            key: key("alice", "ALICENEW000000000002", KeyStatus::Active, 4, None),
            now: now(),
        }],
    );
    assert_eq!(
        later
            .inventory
            .row("ALICENEW000000000002")
            .unwrap()
            .assessment
            .badge,
        Badge::DueSoon,
        "later rows are assessed under the new policy"
    );
}

#[test]
fn keys_arriving_after_a_policy_change_are_assessed_under_it() {
    let strict = RotationPolicy {
        rotate_after_days: 5,
        warn_before_days: 1,
        ..RotationPolicy::default()
    };
    let state = run(
        InventoryState::default(),
        [
            InventoryAction::Started { policy: strict },
            listed_action(&["alice"], Coverage::AllUsers),
            loaded("alice", vec![alice_key()]),
        ],
    );
    assert_eq!(state.inventory.rows()[0].assessment.badge, Badge::Overdue);
}

#[test]
fn the_signed_in_user_owns_their_listed_keys() {
    let keys = [key("alice", ALICE, KeyStatus::Active, 5, None)];
    assert_eq!(
        own_keys_owner(Some(user("alice")), &keys),
        Some(user("alice"))
    );
    assert_eq!(
        own_keys_owner(Some(user("alice")), &[]),
        Some(user("alice"))
    );
}

#[test]
fn a_pasted_tokens_user_is_learned_from_the_keys() {
    let keys = [
        key("carol", "CAROLKEY000000000001", KeyStatus::Active, 5, None),
        key(
            "carol",
            "CAROLKEY000000000002",
            KeyStatus::Inactive,
            50,
            None,
        ),
    ];
    let owner = own_keys_owner(None, &keys).unwrap();
    assert_eq!(owner.id, user_id("carol"));
    assert_eq!(
        owner.name, "u-carol",
        "the id stands in for the unknown name"
    );
    assert!(owner.enabled);
    assert_eq!(own_keys_owner(None, &[]), None);
}

#[test]
fn a_batch_applies_its_answers_in_order_as_one_change() {
    let answers = vec![
        loaded("alice", Vec::new()),
        InventoryAction::UserFailed {
            user_id: user_id("bob"),
            error: failure("IAM.0001"),
        },
        InventoryAction::UserRetried {
            user_id: user_id("bob"),
        },
    ];
    let mut one_by_one = listed(&["alice", "bob"]);
    for action in answers.clone() {
        one_by_one.apply(action);
    }
    let mut batched = listed(&["alice", "bob"]);
    assert!(batched.apply(InventoryAction::Batch(answers)));
    assert_eq!(batched, one_by_one);
    assert!(!batched.apply(InventoryAction::Batch(Vec::new())));
}

#[test]
fn a_user_read_again_keeps_their_rows_but_offers_no_slot_until_the_answer() {
    let erin_key = key("erin", "ERINKEY0000000000001", KeyStatus::Active, 0, None);
    let mut state = run(
        listed(&["alice", "erin"]),
        [
            loaded("alice", vec![alice_key()]),
            loaded("erin", Vec::new()),
        ],
    );
    assert!(state.inventory.has_free_slot(&user_id("erin")));

    // A create for erin got no clear answer: her keys are read again.
    state = run(
        state,
        [InventoryAction::UserReread {
            user_id: user_id("erin"),
        }],
    );
    assert!(state.is_loading());
    assert_eq!(state.progress(), (1, 2));
    assert!(!state.inventory.keys_known(&user_id("erin")));
    assert!(
        !state.inventory.has_free_slot(&user_id("erin")),
        "no create on a guess"
    );
    assert!(state.inventory.has_free_slot(&user_id("alice")));
    assert_eq!(state.inventory.users_without_keys().count(), 0);

    // IAM had created it: the table shows it.
    state = run(state, [loaded("erin", vec![erin_key.clone()])]);
    assert!(!state.is_loading());
    assert!(state.inventory.keys_known(&user_id("erin")));
    assert_eq!(state.inventory.key_count(&user_id("erin")), 1);
    assert!(state.inventory.row("ERINKEY0000000000001").is_some());

    // Read again, and that read fails: her rows stay, with the failure and its Retry.
    state = run(
        state,
        [
            InventoryAction::UserReread {
                user_id: user_id("alice"),
            },
            failed("alice", "APIGW.0202"),
        ],
    );
    assert_eq!(state.failures().len(), 1);
    assert!(state.inventory.row(ALICE).is_some());
    assert!(!state.inventory.has_free_slot(&user_id("alice")));
    state = run(
        state,
        [retried("alice"), loaded("alice", vec![alice_key()])],
    );
    assert!(state.failures().is_empty());
    assert!(state.inventory.has_free_slot(&user_id("alice")));

    let before = state.clone();
    assert!(!state.apply(InventoryAction::UserReread {
        user_id: user_id("nobody"),
    }));
    assert_eq!(state, before);
}
