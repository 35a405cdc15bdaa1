//! What the table shows: filter, order, selected user and page, kept in the URL (see
//! [`TableView::from_query`]).

use super::Inventory;
use super::filter::Filter;
use super::row::{KeyRow, UserRef, fold};
use super::sort::Sort;
use crate::paging::Paging;

/// The state of the credential table that a link reproduces.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct TableView {
    /// Which rows are shown.
    pub filter: Filter,
    /// Their order.
    pub sort: Sort,
    /// Id of the one user whose keys are shown; `None` shows every user.
    pub selected_user: Option<String>,
    /// The page shown.
    pub paging: Paging,
}

impl TableView {
    /// The rows to show, filtered and sorted.
    pub fn apply<'a>(&self, inventory: &'a Inventory) -> Vec<&'a KeyRow> {
        let needle = fold(self.filter.search.trim());
        let mut rows: Vec<&KeyRow> = inventory
            .rows()
            .iter()
            .map(AsRef::as_ref)
            .filter(|row| self.shows_user(&row.user.id) && self.filter.matches_folded(row, &needle))
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
        users.sort_by_cached_key(|user| (fold(&user.name), user.name.clone(), user.id.clone()));
        users
    }

    /// The same view with another filter, from its first page.
    pub fn with_filter(&self, filter: Filter) -> Self {
        Self {
            filter,
            paging: self.paging.first(),
            ..self.clone()
        }
    }

    /// The same view in another order, from its first page.
    pub fn with_sort(&self, sort: Sort) -> Self {
        Self {
            sort,
            paging: self.paging.first(),
            ..self.clone()
        }
    }

    /// The same view narrowed to one user (or every user with `None`), from its first page.
    pub fn with_selected_user(&self, selected_user: Option<String>) -> Self {
        Self {
            selected_user,
            paging: self.paging.first(),
            ..self.clone()
        }
    }

    /// The same view on another page.
    pub fn with_paging(&self, paging: Paging) -> Self {
        Self {
            paging,
            ..self.clone()
        }
    }

    /// Whether rows of `user_id` may show: every user's when none is selected.
    fn shows_user(&self, user_id: &str) -> bool {
        self.selected_user.as_deref().is_none_or(|id| id == user_id)
    }
}
