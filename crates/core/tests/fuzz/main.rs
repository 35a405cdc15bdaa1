//! Property tests ("fuzzing") of what reads hostile input: the API body parsers, the error
//! envelope reader, the clock learned from `Date`, the signer's canonicalisation, request
//! preparation and the CSV exports. None may panic, whatever arrives; each keeps its promise
//! (signatures verify, the clock stays within a day, no exported cell becomes a formula, error
//! messages stay short and never quote a secret).
//!
//! `cargo test -p keyturn-core --test fuzz` runs each property 256 times (proptest's default);
//! a longer run: `PROPTEST_CASES=20000 cargo test --release -p keyturn-core --test fuzz`.
//! A failure prints the minimal input and proptest stores its seed under
//! `crates/core/tests/proptest-regressions/` so that every later run tries it first (keep those
//! files: `clock.txt` holds the date that broke the clock before the offset was capped).

#![cfg(not(target_arch = "wasm32"))]

mod clock;
mod csv;
mod parsers;
mod signer;
mod strategies;
