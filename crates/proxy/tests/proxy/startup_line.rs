//! The binary prints exactly `keyturn-proxy listening on http://ADDR` (the real port when 0 was
//! asked) as its first stdout line, then proxies on that address. Listening beyond loopback with
//! only the development origins allowed is warned about on stderr.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};

use crate::support::{Running, Upstream, keyturn_proxy};

#[tokio::test]
async fn prints_the_real_address_and_serves_on_it() {
    let upstream = Upstream::start().await;
    let mut running = Running::start(keyturn_proxy([
        "--listen",
        "127.0.0.1:0",
        "--allow-upstream",
        &upstream.origin(),
    ]))
    .await;

    let address = running.proxy.addr;
    assert_eq!(address.ip().to_string(), "127.0.0.1");
    assert_ne!(address.port(), 0);
    let reply = running
        .proxy
        .get_from_app(&upstream.target("/v3/auth/domains"))
        .await;
    assert_eq!(reply.status, 200);
    running.child.kill().await.unwrap();
}

#[tokio::test]
async fn warns_when_listening_beyond_loopback_without_an_origin_allowlist() {
    let mut command = keyturn_proxy(["--listen", "0.0.0.0:0"]);
    command.env("RUST_LOG", "warn").stderr(Stdio::piped());
    let mut running = Running::start(command).await;
    let mut stderr = BufReader::new(running.child.stderr.take().unwrap()).lines();

    let warning = tokio::time::timeout(Duration::from_secs(10), stderr.next_line())
        .await
        .expect("no warning")
        .unwrap()
        .unwrap();

    assert!(warning.contains("WARN"), "{warning}");
    assert!(warning.contains("beyond loopback"), "{warning}");
    assert!(warning.contains("--allow-origin"), "{warning}");
    running.child.kill().await.unwrap();
}

#[tokio::test]
async fn refuses_a_serve_dir_without_index_html() {
    let dir = tempfile::tempdir().unwrap();

    let output = keyturn_proxy(["--listen", "127.0.0.1:0", "--serve-dir"])
        .arg(dir.path())
        .output()
        .await
        .unwrap();

    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("index.html"));
}

#[tokio::test]
async fn refuses_a_wildcard_origin() {
    let output = keyturn_proxy(["--allow-origin", "*"])
        .output()
        .await
        .unwrap();

    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}
