//! keyturn-emulator: a local Huawei Cloud IAM + KMS that speaks the real protocol closely enough
//! for the official SDK, for Keyturn's demo and tests.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let running = keyturn_emulator::spawn("127.0.0.1:0".parse().unwrap(), Default::default()).await?;
//! println!("{}", running.startup.endpoint);
//! # Ok(()) }
//! ```

mod app_state;
pub mod auth;
pub mod cli;
mod clock;
pub mod control;
pub mod errors;
pub mod faults;
pub mod gateway;
mod host;
mod iam;
pub mod ids;
mod kms;
pub mod secret;
pub mod seed;
mod server;
mod startup;
pub mod state;
mod throttle;

use std::io;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use chrono::Utc;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use app_state::AppState;
pub use faults::FaultConfig;
pub use seed::{SeedKind, SeedOptions};
pub use startup::{Startup, StartupAdmin};

use faults::Faults;
use host::HostPolicy;
use seed::demo::SignIns;
use state::SharedCloud;
use throttle::RateLimiter;

/// Everything that shapes an emulator run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub seed: SeedOptions,
    pub faults: FaultConfig,
    /// KMS requests each user may make per second; `None` (the default) sets no limit
    /// (`--kms-rate-limit`).
    pub kms_rate_limit: Option<NonZeroU32>,
    /// Hosts (`name` or IP address) accepted in `Host` besides the endpoint's and loopback's
    /// (`--allow-host`).
    pub allowed_hosts: Vec<String>,
}

/// A built emulator: the seeded account, its fault injector and its startup line.
pub struct Emulator {
    state: AppState,
    faults: Arc<Faults>,
    kms_limiter: Option<Arc<RateLimiter>>,
    hosts: Arc<HostPolicy>,
    startup: Startup,
}

impl Emulator {
    /// Seeds the account; `endpoint` is the address clients use, e.g. `http://127.0.0.1:8780`,
    /// and its host one a request's `Host` may name.
    pub fn new(options: &Options, endpoint: &str) -> Self {
        let cloud = seed::build(&options.seed, Utc::now());
        let startup = Startup::of(&cloud, endpoint);
        let demo = (options.seed.kind == SeedKind::Demo)
            .then(|| SignIns::of(&cloud, &startup))
            .flatten()
            .map(Arc::new);
        let state = AppState {
            cloud: SharedCloud::new(cloud),
            endpoint: Arc::from(endpoint),
            demo,
        };
        Self {
            state,
            faults: Faults::new(options.faults, options.seed.rng_seed),
            kms_limiter: options.kms_rate_limit.map(RateLimiter::new),
            hosts: HostPolicy::new(endpoint, &options.allowed_hosts),
            startup,
        }
    }

    /// What the startup line says: endpoint, account ids and the administrator's credentials.
    pub fn startup(&self) -> &Startup {
        &self.startup
    }

    /// All routes: IAM, KMS (rate-limited when asked), control, behind the gateway layer, the
    /// `Host` check, the control routes' header check and fault injection.
    pub fn router(&self) -> Router {
        Router::new()
            .merge(iam::router(&self.state))
            .merge(kms::router(&self.state, self.kms_limiter.clone()))
            .merge(control::router())
            .fallback(gateway::api_not_found)
            .method_not_allowed_fallback(gateway::api_not_found)
            .with_state(self.state.clone())
            .layer(from_fn_with_state(self.faults.clone(), faults::inject))
            .layer(from_fn(control::guard))
            .layer(from_fn_with_state(self.hosts.clone(), host::check))
            .layer(from_fn(gateway::front))
    }

    /// Serves on `listener` until the task is stopped.
    pub async fn serve(self, listener: TcpListener) -> io::Result<()> {
        server::serve(listener, self.router()).await
    }
}

/// The `http://host:port` a listener is reached at.
pub fn endpoint_of(listener: &TcpListener) -> io::Result<String> {
    Ok(format!("http://{}", listener.local_addr()?))
}

/// An emulator serving in a background task; it stops when dropped.
pub struct Running {
    pub startup: Startup,
    task: JoinHandle<io::Result<()>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Binds `addr` (port 0 picks a free port) and serves a new emulator in a background task.
pub async fn spawn(addr: SocketAddr, options: Options) -> io::Result<Running> {
    let listener = TcpListener::bind(addr).await?;
    let emulator = Emulator::new(&options, &endpoint_of(&listener)?);
    let startup = emulator.startup().clone();
    let task = tokio::spawn(emulator.serve(listener));
    Ok(Running { startup, task })
}
