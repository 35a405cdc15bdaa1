//! The counts above the table.

use keyturn_core::kms::{KmsFilter, KmsSummary, KmsView};

use crate::fixture::{listed, loaded};

#[test]
fn counts_by_rotation() {
    let state = loaded();
    let all = KmsSummary::of(state.keys.rows().iter().map(AsRef::as_ref));
    assert_eq!(
        all,
        KmsSummary {
            keys: 15,
            rotation_on: 4,
            rotation_off: 3,
            not_rotatable: 8,
            failed: 1,
        }
    );
    assert_eq!(
        all.rotation_on + all.rotation_off + all.not_rotatable,
        all.keys
    );
}

#[test]
fn counts_of_the_visible_rows_and_before_statuses_arrive() {
    let state = loaded();
    let view = KmsView::default().with_filter(KmsFilter {
        search: "app/".into(),
        ..KmsFilter::default()
    });
    assert_eq!(
        KmsSummary::of(view.apply(&state.keys)),
        KmsSummary {
            keys: 9,
            rotation_on: 4,
            rotation_off: 2,
            not_rotatable: 3,
            failed: 0,
        }
    );
    // Before any status, the list's flags count.
    let state = listed();
    let summary = KmsSummary::of(state.keys.rows().iter().map(AsRef::as_ref));
    assert_eq!((summary.rotation_on, summary.rotation_off), (4, 3));
    assert_eq!(KmsSummary::of([]), KmsSummary::default());
}
