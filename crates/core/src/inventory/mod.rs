//! The credential table without the browser: one row per access key, the users who hold them,
//! filters, sorting, the URL form of a view, summary counts, the age histogram and exports.
//!
//! The app fills an [`Inventory`](crate::inventory::Inventory) as IAM answers arrive, keeps a
//! [`TableView`](crate::inventory::TableView) in the URL and renders `view.apply(&inventory)`;
//! everything shown is computed here.

mod collection;
pub mod export;
mod filter;
pub mod histogram;
mod query;
mod row;
mod slug;
mod sort;
mod summary;
mod table_view;

pub use collection::{Inventory, MAX_KEYS_PER_USER};
pub use filter::Filter;
pub use row::{KeyRow, UserRef};
pub use slug::{Slug, usage_slug};
pub use sort::{Sort, SortDir, SortKey};
pub use summary::{KeyCounts, Summary};
pub use table_view::TableView;
