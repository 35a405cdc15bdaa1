//! The binary prints exactly `keyturn-proxy listening on http://ADDR` (the real port when 0 was
//! asked) as its first stdout line, then proxies on that address.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

use crate::support::{Proxy, Upstream};

/// The `keyturn-proxy` binary with `args`.
fn keyturn_proxy<'a>(args: impl IntoIterator<Item = &'a str>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_keyturn-proxy"));
    command.args(args);
    command
}

#[tokio::test]
async fn prints_the_real_address_and_serves_on_it() {
    let upstream = Upstream::start().await;
    let mut child = keyturn_proxy([
        "--listen",
        "127.0.0.1:0",
        "--allow-upstream",
        &upstream.origin(),
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::null())
    .kill_on_drop(true)
    .spawn()
    .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();

    let line = tokio::time::timeout(Duration::from_secs(10), lines.next_line())
        .await
        .expect("no startup line")
        .unwrap()
        .unwrap();

    let address = line
        .strip_prefix("keyturn-proxy listening on http://")
        .unwrap_or_else(|| panic!("unexpected startup line {line:?}"));
    let address: std::net::SocketAddr = address.parse().unwrap();
    assert_eq!(address.ip().to_string(), "127.0.0.1");
    assert_ne!(address.port(), 0);
    let proxy = Proxy { addr: address };
    let reply = proxy
        .get_from_app(&upstream.target("/v3/auth/domains"))
        .await;
    assert_eq!(reply.status, 200);
    child.kill().await.unwrap();
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
