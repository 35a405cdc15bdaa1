//! keyturn-proxy's integration tests: one test crate, one harness ([`support`]), one module per
//! behaviour.

mod support;

mod body_bytes;
mod body_limit;
mod cache_control;
mod connection_caps;
mod environment;
mod exposed_headers;
mod graceful_shutdown;
mod health;
mod host_header;
mod huawei_hosts;
mod in_flight_limit;
mod logging;
mod origin_policy;
mod precompressed;
mod preflight;
mod query_encoding;
mod redirects;
mod refused_targets;
mod request_headers;
mod response_headers;
mod serve_dir;
mod shared_secret;
mod signed_forwarding;
mod slow_clients;
mod startup_line;
mod static_headers;
mod through_emulator;
mod upstream_failures;
