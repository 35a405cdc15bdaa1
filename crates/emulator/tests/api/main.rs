//! The emulator over HTTP, one module per area. Each test starts its own emulator on 127.0.0.1:0.

mod control;
mod core_cross_check;
mod credentials;
mod discovery;
mod faults;
mod gateway;
mod harness;
mod host;
mod kms;
mod rate_limit;
mod scoping;
mod signature;
mod startup;
mod token_exchange;
mod token_validation;
mod tokens;
mod users;
