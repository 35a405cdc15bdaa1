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

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use super::slug::Slug;
use super::table_view::TableView;
use crate::paging::{DEFAULT_PAGE_SIZE, PAGE_SIZES};
use crate::validate;

/// Characters written as they are: RFC 3986 unreserved; everything else is percent-encoded.
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

impl TableView {
    /// Reads a query string (with or without its leading `?`).
    ///
    /// Lenient: unknown parameters, unknown values and malformed encodings are ignored, the
    /// last valid value of a repeated parameter wins, `+` reads as a space.
    pub fn from_query(query: &str) -> Self {
        let mut view = Self::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            view.set_param(&decode(name), decode(value));
        }
        view
    }

    /// The query string of this view without a leading `?`: only parameters that differ from
    /// the default, in a fixed order, percent-encoded; empty for the default view.
    pub fn to_query(&self) -> String {
        self.to_params()
            .iter()
            .map(|(name, value)| format!("{name}={}", utf8_percent_encode(value, ENCODED)))
            .collect::<Vec<_>>()
            .join("&")
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

/// Percent-decodes one name or value, reading `+` as a space and invalid UTF-8 as U+FFFD.
fn decode(raw: &str) -> String {
    percent_decode_str(&raw.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}
