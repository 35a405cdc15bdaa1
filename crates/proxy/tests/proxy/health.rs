//! `GET /healthz` answers `{"status":"ok"}` to anyone allowed to connect, whatever `Host` or
//! `Origin` (a load balancer's probe sends neither the proxy's name nor an origin), and is never
//! taken for an app route.

use std::fs;

use keyturn_proxy::Config;

use crate::support::Harness;

#[tokio::test]
async fn healthz_answers_ok_to_a_probe() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("index.html"), "<!doctype html>").unwrap();
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        serve_dir: Some(dir.path().to_path_buf()),
        ..config
    })
    .await;

    for headers in [&[][..], &[("host", "10.1.2.3:8787")]] {
        let reply = proxy.send("GET", "/healthz", headers, "").await;
        assert_eq!(reply.status, 200, "{headers:?}");
        assert_eq!(reply.json(), serde_json::json!({ "status": "ok" }));
        assert_eq!(reply.header("cache-control"), Some("no-store"));
    }
    assert_eq!(upstream.connections(), 0);
}
