//! DNS rebinding: a page on `rebind.example:PORT`, whose name an attacker points at the proxy's
//! address, is same-origin with itself and would reach the proxy with `Host: rebind.example:PORT`.
//! Only the proxy's own names are answered; any other `Host` gets 421 before anything else.

use std::fs;

use keyturn_proxy::Config;

use crate::support::{APP_ORIGIN, Harness};

#[tokio::test]
async fn a_rebound_name_is_refused_before_any_connection() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("index.html"), "<!doctype html>").unwrap();
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        serve_dir: Some(dir.path().to_path_buf()),
        ..config
    })
    .await;
    let rebound = format!("rebind.example:{}", proxy.addr.port());
    let target = upstream.target("/v3/auth/tokens");

    for (method, path, origin) in [
        ("GET", target.as_str(), format!("http://{rebound}")),
        ("POST", target.as_str(), APP_ORIGIN.to_owned()),
        ("GET", "/", format!("http://{rebound}")),
        ("GET", "/config.json", format!("http://{rebound}")),
    ] {
        let reply = proxy
            .send(
                method,
                path,
                &[("host", rebound.as_str()), ("origin", origin.as_str())],
                "{}",
            )
            .await;
        assert_eq!(reply.status, 421, "{method} {path}");
        assert_eq!(reply.error_code(), "proxy.host_not_served");
        assert_eq!(reply.allowed_origin(), None);
    }
    assert_eq!(upstream.connections(), 0);
}

#[tokio::test]
async fn loopback_names_on_the_listen_port_are_answered() {
    let Harness { upstream, proxy } = Harness::start().await;
    let port = proxy.addr.port();

    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let reply = proxy
            .send(
                "GET",
                &upstream.target("/v3"),
                &[("host", host.as_str()), ("origin", APP_ORIGIN)],
                "",
            )
            .await;
        assert_eq!(reply.status, 200, "{host}");
    }
    let other_port = proxy
        .send(
            "GET",
            &upstream.target("/v3"),
            &[("host", "localhost:1"), ("origin", APP_ORIGIN)],
            "",
        )
        .await;
    assert_eq!(other_port.status, 421);
}

#[tokio::test]
async fn hosts_named_with_allow_host_are_answered() {
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        allowed_hosts: vec!["keyproxy.example.com".parse().unwrap()],
        ..config
    })
    .await;

    let reply = proxy
        .send(
            "GET",
            &upstream.target("/v3"),
            &[("host", "keyproxy.example.com"), ("origin", APP_ORIGIN)],
            "",
        )
        .await;

    assert_eq!(reply.status, 200);
}
