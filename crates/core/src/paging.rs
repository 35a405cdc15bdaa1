//! Paging a long table: which slice of its rows one page shows. The table renders only that
//! slice, so it costs the same at 40 rows or 40,000.

use std::ops::Range;

/// Page sizes a person can pick.
pub const PAGE_SIZES: [usize; 4] = [25, 50, 100, 200];

/// The page size until a person picks another.
pub const DEFAULT_PAGE_SIZE: usize = 50;

/// A page of a table: its number (from 0) and how many rows a page holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Paging {
    /// The page shown, from 0.
    pub page: usize,
    /// Rows per page, one of [`PAGE_SIZES`].
    pub size: usize,
}

impl Default for Paging {
    fn default() -> Self {
        Self {
            page: 0,
            size: DEFAULT_PAGE_SIZE,
        }
    }
}

impl Paging {
    /// How many pages `total` rows fill; at least one, so an empty table has a page.
    pub fn pages(&self, total: usize) -> usize {
        total.div_ceil(self.size.max(1)).max(1)
    }

    /// The same paging on a page that exists for `total` rows (the last one if it was past it).
    pub fn within(self, total: usize) -> Self {
        Self {
            page: self.page.min(self.pages(total) - 1),
            ..self
        }
    }

    /// The rows of `total` that the page shows.
    pub fn range(&self, total: usize) -> Range<usize> {
        let paging = self.within(total);
        let start = paging.page * paging.size.max(1);
        start.min(total)..(start + paging.size.max(1)).min(total)
    }

    /// The first page, with the same size: where a new filter or order starts.
    pub fn first(self) -> Self {
        Self { page: 0, ..self }
    }

    /// Page `page` (from 0), with the same size.
    pub fn to(self, page: usize) -> Self {
        Self { page, ..self }
    }

    /// The first page at `size` rows per page.
    pub fn sized(self, size: usize) -> Self {
        Self { page: 0, size }
    }
}
