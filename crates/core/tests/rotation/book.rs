//! The rotations in progress and ended, as saved in localStorage: never a secret.

use keyturn_core::model::Model;
use keyturn_core::rotation::{
    BookAction, HISTORY_LIMIT, Mode, Outcome, Pending, ROTATIONS_KEY, RotationBook, RotationRecord,
    Stage, StartRefused, Step,
};
use serde_json::Value;

use crate::fixture::{
    NEW, NEW_SECRET, OLD, ORPHAN, USER, ak, at, created, created_credential, days_later, delete,
    reach, record, safe_path, send_create, sent, user_id, with_orphan,
};

fn book_with(records: Vec<RotationRecord>) -> RotationBook {
    let mut book = RotationBook::default();
    for record in records {
        assert!(book.apply(BookAction::Start(record)));
    }
    book
}

/// A fresh rotation of `old`.
fn rotation_of(old: &str, mode: Mode) -> RotationRecord {
    RotationRecord::new(user_id(USER), USER.into(), ak(old), mode, at(0))
}

#[test]
fn the_storage_key() {
    assert_eq!(ROTATIONS_KEY, "keyturn.rotations");
    assert_eq!(HISTORY_LIMIT, 200);
}

#[test]
fn a_rotation_starts() {
    let mut book = RotationBook::default();
    assert_eq!(book.can_start(&ak(OLD)), Ok(()));
    assert!(book.apply(BookAction::Start(record(Mode::Safe))));
    assert_eq!(book.active, [record(Mode::Safe)]);
    assert_eq!(book.history, []);
    assert_eq!(book.active(OLD), Some(&record(Mode::Safe)));
    assert_eq!(book.active(NEW), None);
}

#[test]
fn a_second_rotation_of_the_same_key_is_refused() {
    let mut book = book_with(vec![record(Mode::Safe)]);
    assert_eq!(
        book.can_start(&ak(OLD)),
        Err(StartRefused::AlreadyRotating(ak(OLD)))
    );
    let before = book.clone();
    assert!(!book.apply(BookAction::Start(record(Mode::Quick))));
    assert_eq!(book, before);
    assert_eq!(
        StartRefused::AlreadyRotating(ak(OLD)).to_string(),
        format!("{OLD} is already being rotated")
    );
}

#[test]
fn the_new_key_of_a_rotation_cannot_be_rotated() {
    let mut book = book_with(vec![created(Mode::Safe)]);
    assert_eq!(
        book.can_start(&ak(NEW)),
        Err(StartRefused::NewKeyOfRotation(ak(NEW)))
    );
    let before = book.clone();
    assert!(!book.apply(BookAction::Start(rotation_of(NEW, Mode::Safe))));
    assert_eq!(book, before);
    assert_eq!(
        StartRefused::NewKeyOfRotation(ak(NEW)).to_string(),
        format!("{NEW} is the new key of a rotation in progress")
    );
}

#[test]
fn rotations_of_different_keys_run_side_by_side() {
    let book = book_with(vec![
        rotation_of("AAAA0000000000000001", Mode::Safe),
        rotation_of("BBBB0000000000000002", Mode::Quick),
    ]);
    assert_eq!(book.active.len(), 2);
    assert_eq!(
        book.active("BBBB0000000000000002").map(|r| r.mode),
        Some(Mode::Quick)
    );
}

#[test]
fn steps_move_a_rotation() {
    let mut book = book_with(vec![record(Mode::Safe)]);
    assert!(book.apply(BookAction::Steps {
        old: ak(OLD),
        steps: vec![Step::PreflightPassed, send_create()],
        at: at(1),
    }));
    let active = book.active(OLD).unwrap();
    assert_eq!(active.stage, Stage::Create);
    assert!(active.pending.is_some());
}

#[test]
fn refused_steps_are_skipped() {
    let mut book = book_with(vec![record(Mode::Safe)]);
    let before = book.clone();
    assert!(
        !book.apply(BookAction::Steps {
            old: ak(OLD),
            steps: vec![Step::SecretSaved, Step::ToDelete],
            at: at(1),
        }),
        "nothing fits the preflight"
    );
    assert_eq!(book, before);
    assert!(book.apply(BookAction::Steps {
        old: ak(OLD),
        steps: vec![Step::SecretSaved, Step::PreflightPassed, Step::HandedOver],
        at: at(1),
    }));
    assert_eq!(book.active(OLD).unwrap().stage, Stage::Create);
}

#[test]
fn steps_of_an_unknown_rotation_change_nothing() {
    let mut book = book_with(vec![record(Mode::Safe)]);
    let before = book.clone();
    assert!(!book.apply(BookAction::Steps {
        old: ak(NEW),
        steps: vec![Step::PreflightPassed],
        at: at(1),
    }));
    assert!(!book.apply(BookAction::Steps {
        old: ak(OLD),
        steps: vec![],
        at: at(1),
    }));
    assert_eq!(book, before);
}

#[test]
fn a_finished_rotation_moves_to_the_history() {
    let mut book = book_with(vec![record(Mode::Safe)]);
    for (at, step) in safe_path() {
        assert!(book.apply(BookAction::Steps {
            old: ak(OLD),
            steps: vec![step],
            at,
        }));
    }
    assert_eq!(book.active, []);
    assert_eq!(book.history.len(), 1);
    assert_eq!(book.history[0].outcome, Some(Outcome::Completed));
    assert_eq!(book.history[0], reach(Mode::Safe, Stage::Finished));
    assert!(
        !book.apply(BookAction::Steps {
            old: ak(OLD),
            steps: vec![Step::Abandoned],
            at: days_later(10),
        }),
        "an ended rotation takes no more steps"
    );
    assert_eq!(
        book.can_start(&ak(OLD)),
        Ok(()),
        "the key may be rotated again"
    );
    assert!(book.apply(BookAction::Start(record(Mode::Quick))));
    assert_eq!(book.active.len(), 1);
    assert_eq!(book.history.len(), 1);
}

#[test]
fn an_abandoned_or_gone_rotation_ends_too() {
    let mut book = book_with(vec![
        rotation_of("AAAA0000000000000001", Mode::Safe),
        rotation_of("BBBB0000000000000002", Mode::Safe),
    ]);
    assert!(book.apply(BookAction::Steps {
        old: ak("AAAA0000000000000001"),
        steps: vec![Step::Abandoned],
        at: at(5),
    }));
    assert!(book.apply(BookAction::Steps {
        old: ak("BBBB0000000000000002"),
        steps: vec![Step::OldKeyGone],
        at: at(6),
    }));
    assert_eq!(book.active, []);
    let ended: Vec<_> = book
        .history
        .iter()
        .map(|r| (r.old.to_string(), r.outcome))
        .collect();
    assert_eq!(
        ended,
        [
            ("BBBB0000000000000002".to_owned(), Some(Outcome::OldKeyGone)),
            ("AAAA0000000000000001".to_owned(), Some(Outcome::Abandoned)),
        ],
        "newest first"
    );
}

#[test]
fn the_history_keeps_the_newest() {
    let mut book = RotationBook::default();
    let count = HISTORY_LIMIT + 5;
    for n in 0..count {
        let old = format!("KEY{n:017}");
        assert!(book.apply(BookAction::Start(rotation_of(&old, Mode::Safe))));
        assert!(book.apply(BookAction::Steps {
            old: ak(&old),
            steps: vec![Step::Abandoned],
            at: at(n as i64),
        }));
    }
    assert_eq!(book.active, []);
    assert_eq!(book.history.len(), HISTORY_LIMIT);
    assert_eq!(book.history[0].old, ak(&format!("KEY{:017}", count - 1)));
    assert_eq!(
        book.history[HISTORY_LIMIT - 1].old,
        ak(&format!("KEY{:017}", count - HISTORY_LIMIT))
    );
}

#[test]
fn another_tab_replaces_the_book() {
    let mut book = book_with(vec![record(Mode::Safe)]);
    assert!(!book.apply(BookAction::Replaced(book.clone())));
    let theirs = book_with(vec![created(Mode::Quick)]);
    assert!(book.apply(BookAction::Replaced(theirs.clone())));
    assert_eq!(book, theirs);
}

/// A book with one of everything: rotations at every kind of place, and ended ones.
fn full_book() -> RotationBook {
    let mut gone = reach(Mode::Safe, Stage::Observe);
    gone.apply(Step::OldKeyGone, at(50)).unwrap();
    let mut watching = created(Mode::Safe);
    watching.old = ak("WATCHED0000000000001");
    watching.apply(Step::SecretSaved, at(5)).unwrap();
    watching.apply(Step::HandedOver, at(6)).unwrap();
    watching
        .apply(
            Step::Checked {
                old_last_used: Some(at(3)),
                new_last_used: Some(at(7)),
            },
            at(8),
        )
        .unwrap();
    let mut orphaned = sent(with_orphan(Mode::Quick), delete(ORPHAN));
    orphaned.old = ak("ORPHANED000000000001");
    let mut refused = sent(reach(Mode::Safe, Stage::Disable), Pending::Disable);
    refused.old = ak("REFUSED0000000000001");
    refused
        .apply(
            Step::Refused {
                error: "forbidden".into(),
            },
            at(9),
        )
        .unwrap();
    RotationBook {
        active: vec![watching, orphaned, refused],
        history: vec![gone, reach(Mode::Quick, Stage::Finished)],
    }
}

#[test]
fn the_book_survives_a_round_trip() {
    for book in [RotationBook::default(), full_book()] {
        assert_eq!(RotationBook::from_json(&book.to_json()), book);
    }
}

#[test]
fn an_unreadable_book_starts_empty() {
    for text in [
        "",
        "null",
        "not json",
        "{\"active\": 3}",
        "[]",
        // an access key id of the wrong shape
        &full_book().to_json().replace(OLD, "not-an-ak"),
    ] {
        assert_eq!(
            RotationBook::from_json(text),
            RotationBook::default(),
            "{text}"
        );
    }
}

/// Every object key in `value`, at any depth.
fn field_names(value: &Value, names: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (name, inner) in map {
                names.push(name.clone());
                field_names(inner, names);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| field_names(item, names)),
        _ => {}
    }
}

#[test]
fn no_secret_is_ever_saved() {
    let book = full_book();
    let json = book.to_json();
    let mut names = Vec::new();
    field_names(&serde_json::from_str(&json).unwrap(), &mut names);
    assert!(names.contains(&"old".to_owned()), "{names:?}");
    for name in &names {
        let name = name.to_lowercase();
        assert!(
            !name.contains("secret") && name != "sk" && !name.ends_with("_sk"),
            "field {name} in {json}"
        );
    }
    // the app keeps only the AK and time of the create answer
    assert_eq!(created_credential().access, NEW);
    assert!(!json.contains(NEW_SECRET));
    assert!(json.contains(NEW));
}

#[test]
fn a_record_saved_alone_has_no_secret_field() {
    let record = created(Mode::Safe);
    let value = serde_json::to_value(&record).unwrap();
    let mut names = Vec::new();
    field_names(&value, &mut names);
    for name in names {
        let name = name.to_lowercase();
        assert!(!name.contains("secret") && name != "sk", "{name}");
    }
    assert!(!value.to_string().contains(NEW_SECRET));
}
