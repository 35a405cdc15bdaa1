//! SIGTERM and SIGINT stop the proxy gracefully: it stops accepting connections at once, lets the
//! request in flight finish, and then exits successfully.

use std::time::Duration;

use tokio::net::TcpStream;

use crate::support::{Running, Upstream, keyturn_proxy};

async fn finishes_the_request_in_flight_on(signal: &str) {
    let upstream = Upstream::start().await;
    let mut running = Running::start(keyturn_proxy([
        "--listen",
        "127.0.0.1:0",
        "--allow-upstream",
        &upstream.origin(),
    ]))
    .await;
    let proxy = running.proxy;
    let held_target = upstream.target("/hold");
    let in_flight = tokio::spawn(async move { proxy.get_from_app(&held_target).await });
    upstream.wait_for_requests(1).await;

    running.signal(signal).await;
    tokio::time::timeout(Duration::from_secs(5), async {
        while TcpStream::connect(proxy.addr).await.is_ok() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("still accepting connections after the signal");
    upstream.release();

    let reply = tokio::time::timeout(Duration::from_secs(5), in_flight)
        .await
        .expect("the request in flight was not finished")
        .unwrap();
    assert_eq!(reply.status, 200);
    let status = tokio::time::timeout(Duration::from_secs(5), running.child.wait())
        .await
        .expect("still running after its last request")
        .unwrap();
    assert!(status.success(), "{status}");
}

#[tokio::test]
async fn sigterm_lets_the_request_in_flight_finish() {
    finishes_the_request_in_flight_on("TERM").await;
}

#[tokio::test]
async fn sigint_lets_the_request_in_flight_finish() {
    finishes_the_request_in_flight_on("INT").await;
}
