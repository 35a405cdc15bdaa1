//! Every flag can come from a `KEYTURN_PROXY_*` environment variable instead (lists
//! comma-separated), for containers and service managers.

use crate::support::{APP_ORIGIN, Running, Upstream, keyturn_proxy};

#[tokio::test]
async fn the_binary_runs_from_environment_variables_alone() {
    let upstream = Upstream::start().await;
    let mut command = keyturn_proxy([]);
    command
        .env("KEYTURN_PROXY_LISTEN", "127.0.0.1:0")
        .env("KEYTURN_PROXY_ALLOW_UPSTREAM", upstream.origin())
        .env(
            "KEYTURN_PROXY_ALLOW_ORIGIN",
            format!("https://keys.example.com,{APP_ORIGIN}"),
        )
        .env("KEYTURN_PROXY_ALLOW_HOST", "keyproxy.example.com")
        .env("KEYTURN_PROXY_REQUIRE_HEADER", "X-Keyturn-Secret=from-env");
    let mut running = Running::start(command).await;
    let proxy = running.proxy;
    let target = upstream.target("/v3/auth/domains");

    let without_secret = proxy.get_from("https://keys.example.com", &target).await;
    let with_secret = proxy
        .send(
            "GET",
            &target,
            &[
                ("origin", APP_ORIGIN),
                ("host", "keyproxy.example.com"),
                ("x-keyturn-secret", "from-env"),
            ],
            "",
        )
        .await;

    assert_eq!(without_secret.status, 403);
    assert_eq!(without_secret.error_code(), "proxy.secret_required");
    assert_eq!(
        without_secret.allowed_origin(),
        Some("https://keys.example.com")
    );
    assert_eq!(with_secret.status, 200, "{}", with_secret.text());
    assert_eq!(with_secret.allowed_origin(), Some(APP_ORIGIN));
    assert_eq!(upstream.received().len(), 1);
    running.child.kill().await.unwrap();
}
