//! The URL query form of a [`TableView`], e.g.
//! `status=inactive&badge=overdue&never=1&unused=30&q=ci&sort=age&dir=desc&user=<id>`.
//!
//! | parameter | value | default (left out) |
//! |---|---|---|
//! | `status` | `active`, `inactive` | any status |
//! | `badge` | `ok`, `due_soon`, `overdue` | any badge |
//! | `never` | `1` (`true` also read; `0`, `false` clear) | all keys |
//! | `unused` | whole days, e.g. `30` | no idle condition |
//! | `q` | search text | no search |
//! | `sort` | `user`, `ak`, `status`, `created`, `age`, `last_used`, `description`, `badge` | `user` |
//! | `dir` | `asc`, `desc` | `asc` |
//! | `user` | a user id | no selection |
//! | `page` | page number, from 1 | `1` |
//! | `size` | rows per page: `25`, `50`, `100` or `200` | `50` |

use super::slug::Slug;
use super::table_view::TableView;
use crate::paging::{DEFAULT_PAGE_SIZE, PAGE_SIZES};
use crate::query_string;
use crate::validate;

impl TableView {
    /// Reads a query string (with or without its leading `?`).
    ///
    /// Lenient: unknown parameters, unknown values and malformed encodings are ignored, the
    /// last valid value of a repeated parameter wins, `+` reads as a space.
    pub fn from_query(query: &str) -> Self {
        let mut view = Self::default();
        for (name, value) in query_string::pairs(query) {
            view.set_param(&name, value);
        }
        view
    }

    /// The query string of this view without a leading `?`: only parameters that differ from
    /// the default, in a fixed order, percent-encoded; empty for the default view.
    pub fn to_query(&self) -> String {
        query_string::encode(&self.to_params())
    }

    /// The parameters of [`TableView::to_query`], not encoded, for a router that encodes them.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let filter = &self.filter;
        let mut params = Vec::new();
        if let Some(status) = filter.status {
            params.push(("status", status.slug().to_owned()));
        }
        if let Some(badge) = filter.badge {
            params.push(("badge", badge.slug().to_owned()));
        }
        if filter.never_used {
            params.push(("never", "1".to_owned()));
        }
        if let Some(days) = filter.unused_over_days {
            params.push(("unused", days.to_string()));
        }
        if !filter.search.is_empty() {
            params.push(("q", filter.search.clone()));
        }
        if self.sort.key != Default::default() {
            params.push(("sort", self.sort.key.slug().to_owned()));
        }
        if self.sort.dir != Default::default() {
            params.push(("dir", self.sort.dir.slug().to_owned()));
        }
        if let Some(user) = &self.selected_user {
            params.push(("user", user.clone()));
        }
        if self.paging.page != 0 {
            params.push(("page", (self.paging.page + 1).to_string()));
        }
        if self.paging.size != DEFAULT_PAGE_SIZE {
            params.push(("size", self.paging.size.to_string()));
        }
        params
    }

    fn set_param(&mut self, name: &str, value: String) {
        let filter = &mut self.filter;
        match name {
            "status" => filter.status = Slug::from_slug(&value).or(filter.status),
            "badge" => filter.badge = Slug::from_slug(&value).or(filter.badge),
            "never" => match value.as_str() {
                "1" | "true" => filter.never_used = true,
                "0" | "false" => filter.never_used = false,
                _ => {}
            },
            "unused" => filter.unused_over_days = value.parse().ok().or(filter.unused_over_days),
            "q" => filter.search = value,
            "sort" => self.sort.key = Slug::from_slug(&value).unwrap_or(self.sort.key),
            "dir" => self.sort.dir = Slug::from_slug(&value).unwrap_or(self.sort.dir),
            "user" if validate::user_id(&value).is_ok() => self.selected_user = Some(value),
            "page" => {
                if let Ok(page @ 1..) = value.parse::<usize>() {
                    self.paging.page = page - 1;
                }
            }
            "size" => {
                if let Ok(size) = value.parse::<usize>()
                    && PAGE_SIZES.contains(&size)
                {
                    self.paging.size = size;
                }
            }
            _ => {}
        }
    }
}
