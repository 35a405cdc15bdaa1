//! A rotation plan for many selected keys: create now, free a slot first, or skip and why.

use keyturn_core::access_key::AccessKey;
use keyturn_core::inventory::UserRef;
use keyturn_core::model::Model;
use keyturn_core::rotation::{
    BookAction, Mode, PlanAction, PlanInput, PlanItem, RotationBook, SkipWhy, plan_rotations,
};
use keyturn_core::types::credential::KeyStatus;

use crate::fixture::{NEW, OLD, ak, created, key_of, now, user, user_id};

fn k(owner: &str, access: &str, status: KeyStatus, used: bool) -> AccessKey {
    key_of(owner, access, status, now(), used.then(now))
}

const A1: &str = "ALPHA000000000000001";
const A2: &str = "ALPHA000000000000002";
const B1: &str = "BRAVO000000000000001";
const B2: &str = "BRAVO000000000000002";
const C1: &str = "CHARLIE0000000000001";
const C2: &str = "CHARLIE0000000000002";
const D1: &str = "DELTA000000000000001";

struct Holding {
    user: UserRef,
    keys: Vec<AccessKey>,
}

fn holding(name: &str, keys: Vec<AccessKey>) -> Holding {
    Holding {
        user: user(name),
        keys,
    }
}

fn plan(selected: &[(&str, &Holding)], book: &RotationBook) -> Vec<(String, PlanAction)> {
    let ids: Vec<_> = selected.iter().map(|(access, _)| ak(access)).collect();
    let items = plan_rotations(
        ids.iter()
            .zip(selected)
            .map(|(access, (_, holding))| PlanInput {
                access,
                user: &holding.user,
                keys: &holding.keys,
            }),
        book,
    );
    items
        .into_iter()
        .map(|item| (item.access.to_string(), item.action))
        .collect()
}

#[test]
fn a_free_slot_is_created_now() {
    let alpha = holding("alpha", vec![k("alpha", A1, KeyStatus::Active, true)]);
    let ids = [ak(A1)];
    let items = plan_rotations(
        [PlanInput {
            access: &ids[0],
            user: &alpha.user,
            keys: &alpha.keys,
        }],
        &RotationBook::default(),
    );
    assert_eq!(
        items,
        [PlanItem {
            access: ak(A1),
            user_id: user_id("alpha"),
            user_name: "alpha".into(),
            action: PlanAction::Create,
        }]
    );
}

#[test]
fn an_idle_other_key_frees_the_slot_first() {
    let inactive = holding(
        "bravo",
        vec![
            k("bravo", B1, KeyStatus::Active, true),
            k("bravo", B2, KeyStatus::Inactive, true),
        ],
    );
    let never_used = holding(
        "charlie",
        vec![
            k("charlie", C1, KeyStatus::Active, false),
            k("charlie", C2, KeyStatus::Active, true),
        ],
    );
    assert_eq!(
        plan(
            &[(B1, &inactive), (C2, &never_used)],
            &RotationBook::default()
        ),
        [
            (B1.to_owned(), PlanAction::FreeSlotFirst { other: ak(B2) }),
            (C2.to_owned(), PlanAction::FreeSlotFirst { other: ak(C1) }),
        ]
    );
}

#[test]
fn two_keys_in_use_are_skipped() {
    let busy = holding(
        "bravo",
        vec![
            k("bravo", B1, KeyStatus::Active, true),
            k("bravo", B2, KeyStatus::Active, true),
        ],
    );
    assert_eq!(
        plan(&[(B1, &busy)], &RotationBook::default()),
        [(B1.to_owned(), PlanAction::Skip(SkipWhy::TwoActiveKeysInUse))]
    );
}

#[test]
fn an_inactive_key_is_skipped_and_leaves_its_user_free() {
    let bravo = holding(
        "bravo",
        vec![
            k("bravo", B1, KeyStatus::Inactive, false),
            k("bravo", B2, KeyStatus::Active, true),
        ],
    );
    assert_eq!(
        plan(&[(B1, &bravo), (B2, &bravo)], &RotationBook::default()),
        [
            (B1.to_owned(), PlanAction::Skip(SkipWhy::KeyInactive)),
            (B2.to_owned(), PlanAction::FreeSlotFirst { other: ak(B1) }),
        ],
        "not \"both keys active and in use\": the inactive key itself is what to retire"
    );
}

#[test]
fn a_disabled_user_is_skipped() {
    let mut delta = holding("delta", vec![k("delta", D1, KeyStatus::Active, true)]);
    delta.user.enabled = false;
    assert_eq!(
        plan(&[(D1, &delta)], &RotationBook::default()),
        [(D1.to_owned(), PlanAction::Skip(SkipWhy::UserDisabled))]
    );
}

#[test]
fn a_key_already_rotating_is_skipped() {
    let mut book = RotationBook::default();
    assert!(book.apply(BookAction::Start(created(Mode::Safe))));
    let deploy = holding(
        "ci-deploy",
        vec![
            k("ci-deploy", OLD, KeyStatus::Active, true),
            k("ci-deploy", NEW, KeyStatus::Active, false),
        ],
    );
    assert_eq!(
        plan(&[(OLD, &deploy), (NEW, &deploy)], &book),
        [
            (OLD.to_owned(), PlanAction::Skip(SkipWhy::AlreadyRotating)),
            (NEW.to_owned(), PlanAction::Skip(SkipWhy::AlreadyRotating)),
        ],
        "the key rotated, and the new key of its rotation"
    );
}

#[test]
fn one_rotation_per_user() {
    let alpha = holding(
        "alpha",
        vec![
            k("alpha", A1, KeyStatus::Active, true),
            k("alpha", A2, KeyStatus::Inactive, true),
        ],
    );
    let charlie = holding("charlie", vec![k("charlie", C1, KeyStatus::Active, true)]);
    assert_eq!(
        plan(
            &[(A1, &alpha), (C1, &charlie), (A2, &alpha)],
            &RotationBook::default()
        ),
        [
            (A1.to_owned(), PlanAction::FreeSlotFirst { other: ak(A2) }),
            (C1.to_owned(), PlanAction::Create),
            (A2.to_owned(), PlanAction::Skip(SkipWhy::UserAlreadyPlanned)),
        ],
        "in the order selected"
    );
}

#[test]
fn a_disabled_user_is_skipped_before_anything_else() {
    let mut book = RotationBook::default();
    assert!(book.apply(BookAction::Start(created(Mode::Safe))));
    let mut deploy = holding(
        "ci-deploy",
        vec![k("ci-deploy", OLD, KeyStatus::Active, true)],
    );
    deploy.user.enabled = false;
    assert_eq!(
        plan(&[(OLD, &deploy)], &book),
        [(OLD.to_owned(), PlanAction::Skip(SkipWhy::UserDisabled))]
    );
}

#[test]
fn nothing_selected_plans_nothing() {
    assert_eq!(plan(&[], &RotationBook::default()), []);
}
