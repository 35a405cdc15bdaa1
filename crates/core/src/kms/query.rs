//! The URL query form of a [`KmsView`], e.g.
//! `region=cn-north-4&rotation=off&state=enabled&q=app&sort=interval&dir=desc`.
//!
//! | parameter | value | default (left out) |
//! |---|---|---|
//! | `region` | a region id of the official list | the settings' region |
//! | `rotation` | `on`, `off` | either |
//! | `above` | whole days: interval more than this | no condition |
//! | `below` | whole days: interval less than this | no condition |
//! | `state` | `enabled`, `disabled`, `pending_activation`, `pending_import`, `pending_deletion`, `unknown` | any state |
//! | `nr` | `1` (`true` also read; `0`, `false` clear): only keys that cannot rotate | all keys |
//! | `q` | search text | no search |
//! | `sort` | `alias`, `id`, `spec`, `state`, `created`, `rotation`, `interval`, `last_rotation`, `rotations` | `alias` |
//! | `dir` | `asc`, `desc` | `asc` |
//! | `page` | page number, from 1 | `1` |
//! | `size` | rows per page: `25`, `50`, `100` or `200` | `50` |

use super::view::KmsView;
use crate::endpoints;
use crate::inventory::Slug;
use crate::paging::{DEFAULT_PAGE_SIZE, PAGE_SIZES};
use crate::query_string;

impl KmsView {
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

    /// The parameters of [`KmsView::to_query`], not encoded, for a router that encodes them.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let filter = &self.filter;
        let mut params = Vec::new();
        if let Some(region) = &self.region {
            params.push(("region", region.clone()));
        }
        if let Some(on) = filter.rotation {
            params.push(("rotation", if on { "on" } else { "off" }.to_owned()));
        }
        if let Some(days) = filter.interval_above {
            params.push(("above", days.to_string()));
        }
        if let Some(days) = filter.interval_below {
            params.push(("below", days.to_string()));
        }
        if let Some(state) = filter.state {
            params.push(("state", state.slug().to_owned()));
        }
        if filter.not_rotatable {
            params.push(("nr", "1".to_owned()));
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
            "region" if endpoints::region(&value).is_some() => self.region = Some(value),
            "rotation" => match value.as_str() {
                "on" => filter.rotation = Some(true),
                "off" => filter.rotation = Some(false),
                _ => {}
            },
            "above" => filter.interval_above = value.parse().ok().or(filter.interval_above),
            "below" => filter.interval_below = value.parse().ok().or(filter.interval_below),
            "state" => filter.state = Slug::from_slug(&value).or(filter.state),
            "nr" => match value.as_str() {
                "1" | "true" => filter.not_rotatable = true,
                "0" | "false" => filter.not_rotatable = false,
                _ => {}
            },
            "q" => filter.search = value,
            "sort" => self.sort.key = Slug::from_slug(&value).unwrap_or(self.sort.key),
            "dir" => self.sort.dir = Slug::from_slug(&value).unwrap_or(self.sort.dir),
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
