//! Open connections are capped per client address (a further one is closed at once) and in
//! total (a further client waits to be accepted until one closes); `--allow-client` closes
//! connections from elsewhere before reading a byte.

use std::time::Duration;

use keyturn_proxy::Config;

use crate::support::{Harness, Outcome, Raw};

#[tokio::test]
async fn a_connection_over_the_per_client_cap_is_closed_at_once() {
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        max_connections_per_client: 4,
        ..config
    })
    .await;
    let mut idle = Vec::new();
    for _ in 0..4 {
        idle.push(Raw::connect(&proxy).await);
    }

    let mut extra = Raw::connect(&proxy).await;
    assert_eq!(extra.outcome(Duration::from_secs(2)).await, Outcome::Closed);

    drop(idle.pop());
    tokio::time::sleep(Duration::from_millis(100)).await;
    let reply = proxy
        .get_from_app(&upstream.target("/v3/auth/domains"))
        .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn beyond_the_total_cap_a_client_waits_for_room() {
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        max_connections: 2,
        ..config
    })
    .await;
    let mut idle = vec![Raw::connect(&proxy).await, Raw::connect(&proxy).await];
    let target = upstream.target("/v3/auth/domains");
    let mut waiting = tokio::spawn(async move { proxy.get_from_app(&target).await });

    let early = tokio::time::timeout(Duration::from_millis(300), &mut waiting).await;
    assert!(early.is_err(), "a third connection was served");

    drop(idle.pop());
    let reply = tokio::time::timeout(Duration::from_secs(2), waiting)
        .await
        .expect("the waiting client was not accepted once room was made")
        .unwrap();
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn clients_outside_the_allowlist_are_closed_before_a_byte() {
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        allowed_clients: vec!["10.0.0.0/8".parse().unwrap()],
        ..config
    })
    .await;
    let mut client = Raw::connect(&proxy).await;
    client
        .send(format!("GET / HTTP/1.1\r\nHost: {}\r\n\r\n", proxy.addr).as_bytes())
        .await;

    assert_eq!(
        client.outcome(Duration::from_secs(2)).await,
        Outcome::Closed
    );
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn allowed_clients_are_served() {
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        allowed_clients: vec![
            "10.0.0.0/8".parse().unwrap(),
            "127.0.0.1/32".parse().unwrap(),
        ],
        ..config
    })
    .await;

    let reply = proxy
        .get_from_app(&upstream.target("/v3/auth/domains"))
        .await;

    assert_eq!(reply.status, 200);
}
