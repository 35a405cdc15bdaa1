//! The credential table's logic on a hand-built account: inventory, filters, sorting, URL
//! form, counts, histogram and exports.

mod export;
mod filter;
mod fixture;
mod histogram;
mod inventory_rows;
mod query;
mod sort;
mod summary;
