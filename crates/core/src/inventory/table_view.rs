//! What the table shows: filter, order and selected user, kept in the URL (see
//! [`TableView::from_query`]).

use super::Inventory;
use super::filter::Filter;
use super::row::{KeyRow, UserRef};
use super::sort::{Sort, caseless};

/// The state of the credential table that a link reproduces.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct TableView {
    /// Which rows are shown.
    pub filter: Filter,
    /// Their order.
    pub sort: Sort,
    /// Id of the one user whose keys are shown; `None` shows every user.
    pub selected_user: Option<String>,
}

impl TableView {
    /// The rows to show, filtered and sorted.
    pub fn apply<'a>(&self, inventory: &'a Inventory) -> Vec<&'a KeyRow> {
        let mut rows: Vec<&KeyRow> = inventory
            .rows()
            .iter()
            .filter(|row| self.shows_user(&row.user.id) && self.filter.matches(row))
            .collect();
        self.sort.sort(&mut rows);
        rows
    }

    /// The users without keys to show beside the rows, by name: those the search (and the
    /// selected user) lets through, and none when a condition on keys is set.
    pub fn keyless_users<'a>(&self, inventory: &'a Inventory) -> Vec<&'a UserRef> {
        let mut users: Vec<&UserRef> = inventory
            .users_without_keys()
            .filter(|user| self.shows_user(&user.id) && self.filter.matches_keyless_user(user))
            .collect();
        users.sort_by(|a, b| caseless(&a.name, &b.name).then_with(|| a.id.cmp(&b.id)));
        users
    }

    /// Whether rows of `user_id` may show: every user's when none is selected.
    fn shows_user(&self, user_id: &str) -> bool {
        self.selected_user.as_deref().is_none_or(|id| id == user_id)
    }
}
