//! What the KMS table shows: region, filter, order and page, kept in the URL (see
//! [`KmsView::from_query`]).

use super::KmsKeys;
use super::filter::KmsFilter;
use super::row::{KmsKeyRow, fold};
use super::sort::KmsSort;
use crate::paging::Paging;

/// The state of the KMS table that a link reproduces.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct KmsView {
    /// Region id whose keys are shown; `None` for the region of the settings.
    pub region: Option<String>,
    /// Which rows are shown.
    pub filter: KmsFilter,
    /// Their order.
    pub sort: KmsSort,
    /// The page shown: the table renders `rows[paging.range(rows.len())]` of [`KmsView::apply`].
    pub paging: Paging,
}

impl KmsView {
    /// The rows the filter lets through, sorted.
    pub fn apply<'a>(&self, keys: &'a KmsKeys) -> Vec<&'a KmsKeyRow> {
        let needle = fold(self.filter.search.trim());
        let mut rows: Vec<&KmsKeyRow> = keys
            .rows()
            .iter()
            .map(AsRef::as_ref)
            .filter(|row| self.filter.matches_folded(row, &needle))
            .collect();
        self.sort.sort(&mut rows);
        rows
    }

    /// The same view of another region (with every filter and order kept), from its first
    /// page.
    pub fn with_region(&self, region: Option<String>) -> Self {
        Self {
            region,
            paging: self.paging.first(),
            ..self.clone()
        }
    }

    /// The same view with another filter, from its first page.
    pub fn with_filter(&self, filter: KmsFilter) -> Self {
        Self {
            filter,
            paging: self.paging.first(),
            ..self.clone()
        }
    }

    /// The same view in another order, from its first page.
    pub fn with_sort(&self, sort: KmsSort) -> Self {
        Self {
            sort,
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
}
