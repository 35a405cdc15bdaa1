//! keyturn-proxy's integration tests: one test crate, one harness ([`support`]), one module per
//! behaviour.

mod support;

mod body_bytes;
mod body_limit;
mod cache_control;
mod dropped_headers;
mod exposed_headers;
mod huawei_hosts;
mod in_flight_limit;
mod logging;
mod origin_policy;
mod precompressed;
mod preflight;
mod query_encoding;
mod redirects;
mod refused_targets;
mod serve_dir;
mod signed_forwarding;
mod startup_line;
mod through_emulator;
mod upstream_failures;
