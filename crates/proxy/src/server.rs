//! Accepting connections and serving HTTP/1.1 on them: who may connect (`--allow-client`), how
//! many at once (in total and per client), how long a request's headers may take (which also
//! ends idle connections), and a graceful shutdown that lets the requests in flight finish.

use std::future::Future;
use std::io;
use std::pin::pin;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};

use crate::client_allowlist::ClientAllowlist;
use crate::config::Config;
use crate::connection_limits::{ConnectionLimits, ConnectionSlot};

/// Who may connect, and how many at once.
struct Gate {
    clients: ClientAllowlist,
    limits: ConnectionLimits,
}

/// Serves `router` on `listener` until `shutdown` completes; then stops accepting, lets open
/// requests finish (closing idle connections at once) and returns when all connections are
/// closed or `--shutdown-timeout-secs` has passed.
pub async fn run(
    listener: TcpListener,
    router: Router,
    config: &Config,
    shutdown: impl Future<Output = ()>,
) {
    let gate = Gate {
        clients: ClientAllowlist::new(config.allowed_clients.clone()),
        limits: ConnectionLimits::new(config.max_connections, config.max_connections_per_client),
    };
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(config.header_timeout);
    let graceful = GracefulShutdown::new();
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, slot) = tokio::select! {
            admitted = gate.next(&listener) => admitted,
            () = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(router.clone());
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A failed connection (the client left, or sent its headers too slowly) concerns
            // only that client.
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    if tokio::time::timeout(config.shutdown_timeout, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            "shutdown: requests still in flight after {:?}; closing their connections",
            config.shutdown_timeout
        );
    }
}

impl Gate {
    /// The next connection from an allowed client with room under both caps; the others are
    /// closed as soon as they are accepted.
    async fn next(&self, listener: &TcpListener) -> (TcpStream, ConnectionSlot) {
        loop {
            let room = self.limits.room().await;
            let (stream, peer) = match listener.accept().await {
                Ok(accepted) => accepted,
                Err(error) => {
                    pause_after(&error).await;
                    continue;
                }
            };
            let client = peer.ip();
            if !self.clients.admits(client) {
                tracing::debug!(%client, "connection closed: client not allowed");
                continue;
            }
            match self.limits.admit(client, room) {
                Some(slot) => return (stream, slot),
                None => tracing::debug!(%client, "connection closed: too many from this client"),
            }
        }
    }
}

/// After a failed `accept`: a connection that failed on its own way in is no reason to wait,
/// anything else (such as running out of file descriptors) is given a second to clear.
async fn pause_after(error: &io::Error) {
    let connection_failed = matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    );
    if !connection_failed {
        tracing::error!("accept failed: {error}");
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
