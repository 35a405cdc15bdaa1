//! The `Host` check: a DNS-rebinding name is refused on every route, loopback names are not.

use keyturn_emulator::Options;
use keyturn_emulator::control;
use reqwest::Method;
use serde_json::json;

use crate::harness::{Emu, parts, start, start_with};

/// `POST /v3/auth/tokens` as the administrator, with this `Host`.
async fn sign_in_as(emu: &Emu, host: &str) -> u16 {
    let body = json!({ "auth": { "identity": {
        "methods": ["password"],
        "password": { "user": {
            "name": emu.startup.admin.name,
            "password": emu.startup.admin.password,
            "domain": { "name": emu.startup.domain_name },
        }},
    }}});
    emu.http
        .post(emu.url("/v3/auth/tokens"))
        .header("Host", host)
        .json(&body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// `host` with the emulator's port.
fn on_port(emu: &Emu, host: &str) -> String {
    let port = emu.host.rsplit_once(':').unwrap().1;
    format!("{host}:{port}")
}

#[tokio::test]
async fn a_rebinding_host_is_refused_on_every_route() {
    let emu = start().await;
    let rebind = on_port(&emu, "rebind.example");
    assert_eq!(sign_in_as(&emu, &rebind).await, 403);
    for (method, route) in [(Method::GET, "state"), (Method::POST, "tokens/expire")] {
        let response = emu
            .http
            .request(method, emu.url(&format!("/__emulator/{route}")))
            .header("Host", &rebind)
            .header(control::HEADER, "1")
            .send()
            .await
            .unwrap();
        let (status, _, body) = parts(response).await;
        assert_eq!(status, 403, "{route}");
        assert!(body["error"].as_str().unwrap().contains("rebind.example"));
    }
    assert_eq!(emu.state().await["tokens"], 0, "no token was issued");
}

#[tokio::test]
async fn loopback_names_and_allowed_hosts_are_answered() {
    let emu = start().await;
    for host in ["localhost", "127.0.0.1", "[::1]"] {
        assert_eq!(sign_in_as(&emu, &on_port(&emu, host)).await, 201, "{host}");
    }
    let allowing = start_with(Options {
        allowed_hosts: vec!["rebind.example".to_owned()],
        ..Options::default()
    })
    .await;
    let rebind = on_port(&allowing, "rebind.example");
    assert_eq!(sign_in_as(&allowing, &rebind).await, 201);
    assert_eq!(
        sign_in_as(&allowing, &on_port(&allowing, "other.example")).await,
        403
    );
}
