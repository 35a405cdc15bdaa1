//! [`BookStore`]: the rotation book, saved to localStorage before anything it records is sent,
//! so that a write in flight is known after a reload, and shown through a reducer.

use std::cell::RefCell;
use std::rc::Rc;

use keyturn_core::model::Model;
use keyturn_core::rotation::{BookAction, ROTATIONS_KEY, RotationBook};
use yew::prelude::*;

use crate::context::{Reduced, storage};

/// The book as saved (the one truth, applied to synchronously) and its rendered copy.
#[derive(Clone, PartialEq)]
pub struct BookStore {
    saved: Rc<RefCell<RotationBook>>,
    shown: UseReducerHandle<Reduced<RotationBook>>,
}

impl BookStore {
    /// The book as last saved.
    pub fn book(&self) -> &RotationBook {
        &self.shown
    }

    /// Applies `action` and saves the book; false when the action changes nothing or the book
    /// cannot be saved (then nothing changes, and nothing it records may be sent).
    pub fn commit(&self, action: BookAction) -> bool {
        let mut next = self.saved.borrow().clone();
        if !next.apply(action) || storage::write(ROTATIONS_KEY, &next.to_json()).is_err() {
            return false;
        }
        self.saved.replace(next.clone());
        self.shown.dispatch(BookAction::Replaced(next));
        true
    }
}

/// The saved book (empty when nothing or something unreadable is saved).
#[hook]
pub fn use_book_store() -> BookStore {
    let saved = use_memo((), |()| {
        let book = storage::read(ROTATIONS_KEY)
            .map(|text| RotationBook::from_json(&text))
            .unwrap_or_default();
        RefCell::new(book)
    });
    let initial = saved.borrow().clone();
    let shown = use_reducer(move || Reduced(initial));
    BookStore { saved, shown }
}
