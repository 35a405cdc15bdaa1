//! The KMS page's logic on a demo-like region: which keys can rotate, loading keys and
//! statuses, the table's view, counts and exports, the interval field, bulk changes, pacing and
//! the KMS request builders.

mod bulk;
mod console;
mod export;
mod fixture;
mod interval;
mod load;
mod rate;
mod requests;
mod row;
mod summary;
mod view;
