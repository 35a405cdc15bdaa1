//! Loading a region's keys: pages appended, statuses asked, answered, failed and retried, and
//! confirmed rotation changes.

use std::rc::Rc;

use keyturn_core::error::Error;
use keyturn_core::ids::KmsKeyId;
use keyturn_core::kms::{KeyListing, KmsAction, KmsKeyRow, KmsState, Rotation};
use keyturn_core::model::Model;
use keyturn_core::types::kms::ListKeysResponse;
use serde_json::json;

use crate::fixture::{DEMO, REGION, details, id, id_text, kms_error, listed, loaded, rows, status};

fn started() -> KmsState {
    let mut state = KmsState::default();
    assert!(state.apply(KmsAction::Started {
        region: REGION.into()
    }));
    state
}

fn page(keys: Vec<KmsKeyRow>, next: Option<&str>) -> KmsAction {
    KmsAction::PageListed {
        keys,
        next_marker: next.map(str::to_owned),
    }
}

fn ids(state: &KmsState) -> Vec<String> {
    state.keys.rows().iter().map(|r| r.id.to_string()).collect()
}

#[test]
fn pages_are_appended_until_the_last() {
    let mut state = started();
    assert_eq!(state.listing, KeyListing::Pending { marker: None });
    assert!(state.is_loading());
    let all = rows();
    assert!(state.apply(page(all[..10].to_vec(), Some("10"))));
    assert_eq!(
        state.listing,
        KeyListing::Pending {
            marker: Some("10".into())
        }
    );
    assert!(state.apply(page(all[10..].to_vec(), None)));
    assert_eq!(state.listing, KeyListing::Complete);
    assert_eq!(ids(&state), (1..=15).map(id_text).collect::<Vec<_>>());
    assert_eq!(state.region, REGION);
    // A page after the last is an answer to nothing.
    assert!(!state.apply(page(all[..1].to_vec(), None)));
    assert_eq!(state.keys.len(), 15);
}

#[test]
fn twelve_hundred_keys_over_twelve_pages() {
    let mut state = started();
    for p in 0..12u32 {
        let KeyListing::Pending { marker } = &state.listing else {
            panic!("page {p} not awaited: {:?}", state.listing);
        };
        assert_eq!(marker.clone(), (p > 0).then(|| (p * 100).to_string()));
        let body = json!({
            "keys": [],
            "key_details": (p * 100 + 1..=p * 100 + 100)
                .map(|n| details(n, &DEMO[(n as usize - 1) % 15]))
                .collect::<Vec<_>>(),
            "next_marker": if p < 11 { ((p + 1) * 100).to_string() } else { String::new() },
            "truncated": if p < 11 { "true" } else { "false" },
            "total": 1200
        });
        let response: ListKeysResponse = serde_json::from_value(body).unwrap();
        assert!(state.apply(KmsAction::page_listed(&response).unwrap()));
    }
    assert_eq!(state.listing, KeyListing::Complete);
    assert_eq!(state.keys.len(), 1200);
    assert_eq!(state.keys.rows()[1199].id, id(1200));
    assert_eq!(state.keys.row(&id_text(601)).unwrap().id, id(601));
    // 7 of every 15 demo keys can rotate: 80 whole cycles of 15 keys.
    assert_eq!(state.progress(), (0, 560));
    assert_eq!(state.keys_needing_status().count(), 560);
    assert_eq!(state.keys_needing_status().next(), Some(&id(1)));
}

#[test]
fn a_page_with_a_misshapen_key_id_is_refused_whole() {
    let mut bad = details(1, &DEMO[0]);
    bad.key_id = "NOT-A-KEY".into();
    let response = ListKeysResponse {
        keys: vec![],
        key_details: vec![details(2, &DEMO[1]), bad],
        next_marker: None,
        truncated: false,
        total: 2,
    };
    assert!(KmsAction::page_listed(&response).is_err());
}

#[test]
fn a_failed_page_keeps_earlier_keys_and_can_be_retried() {
    let mut state = started();
    let all = rows();
    state.apply(page(all[..5].to_vec(), Some("5")));
    let error = Error::Network("reset".into());
    assert!(state.apply(KmsAction::ListFailed {
        error: error.clone()
    }));
    assert_eq!(
        state.listing,
        KeyListing::Failed {
            marker: Some("5".into()),
            error
        }
    );
    assert_eq!(state.keys.len(), 5);
    assert!(
        !state.apply(page(all[5..].to_vec(), None)),
        "no page is awaited"
    );
    assert!(state.apply(KmsAction::ListRetried));
    assert_eq!(
        state.listing,
        KeyListing::Pending {
            marker: Some("5".into())
        }
    );
    assert!(!state.apply(KmsAction::ListRetried));
    assert!(state.apply(page(all[5..].to_vec(), None)));
    assert_eq!(state.keys.len(), 15);
}

#[test]
fn a_key_listed_again_keeps_one_row() {
    let mut state = started();
    let all = rows();
    state.apply(page(all[..3].to_vec(), Some("3")));
    state.apply(page(all[2..5].to_vec(), None));
    assert_eq!(ids(&state), (1..=5).map(id_text).collect::<Vec<_>>());
}

#[test]
fn statuses_load_in_list_order_with_progress() {
    let mut state = listed();
    let needing: Vec<&KmsKeyId> = state.keys_needing_status().collect();
    assert_eq!(
        needing,
        [&id(1), &id(2), &id(3), &id(4), &id(5), &id(6), &id(15)]
    );
    assert_eq!(state.progress(), (0, 7));
    assert!(state.is_loading());

    assert!(state.apply(KmsAction::StatusSent { key_id: id(1) }));
    assert_eq!(
        state.keys.row(&id_text(1)).unwrap().rotation,
        Rotation::Loading
    );
    assert!(
        !state.apply(KmsAction::StatusSent { key_id: id(1) }),
        "already asked"
    );
    assert_eq!(state.keys_needing_status().next(), Some(&id(2)));
    assert_eq!(state.progress(), (0, 7));

    let orders = status(true, 90, 4, Some(20));
    assert!(state.apply(KmsAction::StatusLoaded {
        key_id: id(1),
        status: orders
    }));
    assert_eq!(state.keys.row(&id_text(1)).unwrap().status(), Some(&orders));
    assert_eq!(state.progress(), (1, 7));
    // A second answer for a settled key is stale.
    assert!(!state.apply(KmsAction::StatusLoaded {
        key_id: id(1),
        status: status(false, 90, 4, None)
    }));
    assert_eq!(state.keys.row(&id_text(1)).unwrap().status(), Some(&orders));
}

#[test]
fn keys_that_cannot_rotate_take_no_status() {
    let mut state = listed();
    for n in [7, 10, 13] {
        assert!(!state.apply(KmsAction::StatusSent { key_id: id(n) }));
        assert!(!state.apply(KmsAction::StatusLoaded {
            key_id: id(n),
            status: status(true, 90, 0, None)
        }));
        assert_eq!(
            state.keys.row(&id_text(n)).unwrap().rotation,
            Rotation::NotApplicable
        );
    }
    let unlisted = KmsKeyId::parse("ffffffff-0000-4000-8000-ffffffffffff").unwrap();
    assert!(!state.apply(KmsAction::StatusSent { key_id: unlisted }));
}

#[test]
fn a_failed_status_is_retried_through_the_queue() {
    let mut state = loaded();
    let error = Error::Network("proxy unreachable".into());
    assert_eq!(
        state.keys.row(&id_text(15)).unwrap().rotation,
        Rotation::Failed(error.clone())
    );
    assert_eq!(state.progress(), (6, 7));
    assert_eq!(state.keys_needing_status().collect::<Vec<_>>(), [&id(6)]);
    // A failure for a key not awaited changes nothing.
    assert!(!state.apply(KmsAction::StatusFailed {
        key_id: id(1),
        error: error.clone()
    }));
    assert!(!state.apply(KmsAction::StatusRetried { key_id: id(1) }));

    assert!(state.apply(KmsAction::StatusRetried { key_id: id(15) }));
    assert_eq!(
        state.keys.row(&id_text(15)).unwrap().rotation,
        Rotation::Unknown
    );
    assert_eq!(
        state.keys_needing_status().collect::<Vec<_>>(),
        [&id(6), &id(15)]
    );
    assert_eq!(state.progress(), (5, 7));
    state.apply(KmsAction::StatusSent { key_id: id(15) });
    assert!(state.apply(KmsAction::StatusLoaded {
        key_id: id(15),
        status: status(false, 365, 0, None)
    }));
    state.apply(KmsAction::StatusLoaded {
        key_id: id(6),
        status: status(false, 365, 0, None),
    });
    assert_eq!(state.progress(), (7, 7));
    assert!(!state.is_loading());
}

#[test]
fn a_confirmed_change_touches_only_its_key() {
    let before = loaded();
    let mut state = before.clone();
    let now_on = status(true, 365, 0, None);
    assert!(state.apply(KmsAction::RotationChanged {
        key_id: id(5),
        status: now_on
    }));
    for (a, b) in before.keys.rows().iter().zip(state.keys.rows()) {
        if a.id == id(5) {
            assert_eq!(b.status(), Some(&now_on));
            assert_eq!(b.rotation_enabled(), Some(true));
        } else {
            assert!(Rc::ptr_eq(a, b), "{} was rebuilt", a.alias);
        }
    }
    assert!(!state.apply(KmsAction::RotationChanged {
        key_id: id(5),
        status: now_on
    }));
    // It also settles a key whose read failed, but never one that cannot rotate.
    assert!(state.apply(KmsAction::RotationChanged {
        key_id: id(15),
        status: now_on
    }));
    assert!(!state.apply(KmsAction::RotationChanged {
        key_id: id(7),
        status: now_on
    }));
}

#[test]
fn a_new_load_forgets_everything() {
    let mut state = loaded();
    assert!(state.apply(KmsAction::Started {
        region: "ap-southeast-1".into()
    }));
    assert_eq!(state.region, "ap-southeast-1");
    assert!(state.keys.is_empty());
    assert_eq!(state.listing, KeyListing::Pending { marker: None });
    assert_eq!(state.progress(), (0, 0));
}

#[test]
fn a_batch_is_one_change() {
    let mut state = listed();
    assert!(state.apply(KmsAction::Batch(vec![
        KmsAction::StatusSent { key_id: id(7) },
        KmsAction::StatusSent { key_id: id(2) },
    ])));
    assert!(!state.apply(KmsAction::Batch(vec![KmsAction::StatusSent {
        key_id: id(2)
    }])));
    assert!(state.apply(KmsAction::StatusFailed {
        key_id: id(2),
        error: kms_error("KMS.0207")
    }));
}
