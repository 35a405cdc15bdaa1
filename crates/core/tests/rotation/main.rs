//! Access key rotation without a browser: both flows step by step, every step out of order,
//! reconciliation after an unclear answer or a reload, the book saved in localStorage (never a
//! secret), the preflight for a free slot, the watch in numbers, plans for many keys, and which
//! failures leave a write unclear.

mod answer;
mod book;
mod fixture;
mod flows;
mod order;
mod plan;
mod preflight;
mod reconcile;
mod view;
mod watch;
