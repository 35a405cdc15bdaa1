//! Clients that send slowly cannot take the proxy: a request takes an in-flight slot only once
//! its body has arrived, a body must arrive within `--body-timeout-secs` (else 408), headers
//! within `--header-timeout-secs` (else the connection is closed), and that also ends idle
//! connections.

use std::time::{Duration, Instant};

use keyturn_proxy::Config;

use crate::support::{APP_ORIGIN, Harness, Outcome, Raw};

/// As many slow clients as the default `--max-in-flight`.
const SLOW_CLIENTS: usize = 64;
/// How often a slow client sends its next byte.
const PACE: Duration = Duration::from_millis(100);
/// A normal request must be answered within this while the slow clients dawdle.
const PROMPTLY: Duration = Duration::from_secs(1);

/// Short deadlines, and room for every slow client under the per-client connection cap: in
/// these tests they all come from 127.0.0.1, and the deadlines, not the cap, are under test.
async fn short_deadlines() -> Harness {
    Harness::configured(|config| Config {
        header_timeout: Duration::from_secs(1),
        body_timeout: Duration::from_secs(2),
        max_connections_per_client: 2 * SLOW_CLIENTS,
        ..config
    })
    .await
}

#[tokio::test]
async fn trickling_bodies_hold_no_slot_and_get_408() {
    let Harness { upstream, proxy } = short_deadlines().await;
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nOrigin: {APP_ORIGIN}\r\nContent-Type: application/json\r\n\
         Content-Length: 1000\r\n\r\n",
        upstream.target("/v3/auth/tokens"),
        proxy.addr
    );
    let mut slow = Vec::new();
    for _ in 0..SLOW_CLIENTS {
        let mut client = Raw::connect(&proxy).await;
        client.send(head.as_bytes()).await;
        client.trickle(PACE);
        slow.push(client);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;

    let started = Instant::now();
    let reply = tokio::time::timeout(
        PROMPTLY,
        proxy.get_from_app(&upstream.target("/v3/auth/domains")),
    )
    .await
    .expect("a normal request waited behind the slow ones");

    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(started.elapsed() < PROMPTLY);
    for client in &mut slow {
        assert_eq!(
            client.outcome(Duration::from_secs(5)).await,
            Outcome::Answered(408)
        );
    }
    assert_eq!(upstream.received().len(), 1, "a partial body was forwarded");
}

#[tokio::test]
async fn trickling_headers_are_cut_off() {
    let Harness { upstream, proxy } = short_deadlines().await;
    let head = format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Slow: ", proxy.addr);
    let mut slow = Vec::new();
    for _ in 0..SLOW_CLIENTS {
        let mut client = Raw::connect(&proxy).await;
        client.send(head.as_bytes()).await;
        client.trickle(PACE);
        slow.push(client);
    }

    let reply = tokio::time::timeout(
        PROMPTLY,
        proxy.get_from_app(&upstream.target("/v3/auth/domains")),
    )
    .await
    .expect("a normal request waited behind the slow ones");

    assert_eq!(reply.status, 200);
    for client in &mut slow {
        assert!(client.ended(Duration::from_secs(3)).await);
    }
}

#[tokio::test]
async fn idle_connections_are_closed_after_the_header_timeout() {
    let Harness { upstream, proxy } = short_deadlines().await;
    let mut silent = Raw::connect(&proxy).await;
    let mut finished = Raw::connect(&proxy).await;
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: {}\r\nOrigin: {APP_ORIGIN}\r\n\r\n",
        upstream.target("/v3/auth/domains"),
        proxy.addr
    );
    finished.send(request.as_bytes()).await;
    assert_eq!(
        finished.outcome(Duration::from_secs(2)).await,
        Outcome::Answered(200)
    );

    assert!(silent.ended(Duration::from_secs(3)).await);
    assert!(finished.ended(Duration::from_secs(3)).await);
}
