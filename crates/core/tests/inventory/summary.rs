use keyturn_core::inventory::{Filter, KeyCounts, Summary, TableView};
use keyturn_core::types::credential::KeyStatus;

use crate::fixture::account;

#[test]
fn the_account_is_counted() {
    assert_eq!(
        Summary::of(&account()),
        Summary {
            keys: KeyCounts {
                total: 5,
                active: 4,
                inactive: 1,
                ok: 2,
                due_soon: 1,
                overdue: 2,
                never_used: 2,
                unused: 1,
            },
            users: 6,
            users_without_keys: 1,
            users_without_free_slot: 1,
        }
    );
}

#[test]
fn visible_rows_can_be_counted_alone() {
    let inventory = account();
    let view = TableView {
        filter: Filter {
            status: Some(KeyStatus::Active),
            ..Filter::default()
        },
        ..TableView::default()
    };
    let counts = KeyCounts::of(view.apply(&inventory));
    assert_eq!(
        counts,
        KeyCounts {
            total: 4,
            active: 4,
            inactive: 0,
            ok: 2,
            due_soon: 1,
            overdue: 1,
            never_used: 1,
            unused: 1,
        }
    );
}

#[test]
fn an_empty_account_counts_nothing() {
    assert_eq!(Summary::of(&Default::default()), Summary::default());
    assert_eq!(KeyCounts::of([]), KeyCounts::default());
}
