//! The HTTP/1.1 accept loop. It differs from `axum::serve` in one way: an answer marked
//! [`DropAnswer`] is never written; the connection is closed instead, as when a network fails.

use std::convert::Infallible;
use std::fmt;
use std::io;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::response::Response;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::faults::DropAnswer;

/// Why the connection was closed without an answer.
#[derive(Debug)]
struct AnswerDropped;

impl fmt::Display for AnswerDropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("answer dropped by fault injection")
    }
}

impl std::error::Error for AnswerDropped {}

/// Serves `router` on `listener` until the task is stopped.
pub async fn serve(listener: TcpListener, router: Router) -> io::Result<()> {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(error) => {
                tracing::warn!(%error, "accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let router = router.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
                answer(router.clone(), request.map(Body::new))
            });
            if let Err(error) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                tracing::debug!(%error, "connection closed");
            }
        });
    }
}

async fn answer(router: Router, request: hyper::Request<Body>) -> Result<Response, AnswerDropped> {
    let response = router
        .oneshot(request)
        .await
        .unwrap_or_else(|never: Infallible| match never {});
    if response.extensions().get::<DropAnswer>().is_some() {
        return Err(AnswerDropped);
    }
    Ok(response)
}
