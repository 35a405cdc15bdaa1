//! The one harness every proxy test uses: a scripted [`Upstream`] on an ephemeral port, the
//! [`Proxy`] started in-process on another, an HTTP client with `Origin` helpers, a [`Raw`] TCP
//! client for connection-level abuse, the proxy binary, and requests signed as the app signs them.

mod binary;
mod client;
mod raw;
mod signing;
mod upstream;

use keyturn_proxy::Config;

pub use binary::{Running, keyturn_proxy};
pub use client::{APP_ORIGIN, Proxy, Reply, allowing, from_app};
pub use raw::{Outcome, Raw};
pub use signing::{Call, Key};
pub use upstream::{AK, HOSTILE_HEADERS, SK, SUBJECT_TOKEN, UPSTREAM_DATE, Upstream};

/// A scripted upstream and a proxy that may reach it.
pub struct Harness {
    /// The upstream, allowed by the proxy.
    pub upstream: Upstream,
    /// The proxy.
    pub proxy: Proxy,
}

impl Harness {
    /// The default configuration plus the upstream.
    pub async fn start() -> Harness {
        Harness::configured(|config| config).await
    }

    /// The default configuration plus the upstream, then changed by `configure`.
    pub async fn configured(configure: impl FnOnce(Config) -> Config) -> Harness {
        let upstream = Upstream::start().await;
        let proxy = Proxy::start(configure(allowing(&upstream.origin()))).await;
        Harness { upstream, proxy }
    }
}
