//! `--serve-dir` serves the built app (with `index.html` for the app's routes) while absolute-URL
//! paths are still proxied, or refused, never read from disk.

use std::fs;

use keyturn_proxy::Config;

use crate::support::{Harness, Proxy};

#[tokio::test]
async fn serves_files_spa_routes_and_still_proxies() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("index.html"),
        "<!doctype html><title>Keyturn</title>",
    )
    .unwrap();
    fs::write(dir.path().join("keyturn.js"), "export const app = 1;").unwrap();
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        serve_dir: Some(dir.path().to_path_buf()),
        ..config
    })
    .await;

    let index = proxy.send("GET", "/", &[], "").await;
    assert_eq!(index.status, 200);
    assert_eq!(&index.body[..], b"<!doctype html><title>Keyturn</title>");
    assert!(
        index
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );

    let script = proxy.send("GET", "/keyturn.js", &[], "").await;
    assert_eq!(script.status, 200);
    assert_eq!(&script.body[..], b"export const app = 1;");

    let route = proxy.send("GET", "/keys/AK123?tab=usage", &[], "").await;
    assert_eq!(route.status, 200);
    assert_eq!(&route.body[..], b"<!doctype html><title>Keyturn</title>");

    let proxied = proxy
        .get_from_app(&upstream.target("/v3/auth/domains"))
        .await;
    assert_eq!(proxied.status, 200);
    assert_eq!(upstream.single().target, "/v3/auth/domains");

    let file_url = format!("/file://{}/index.html", dir.path().display());
    let refused = proxy.get_from_app(&file_url).await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.error_code(), "proxy.scheme_not_allowed");
}

#[tokio::test]
async fn without_serve_dir_other_paths_are_a_json_404() {
    let proxy = Proxy::start(Config::default()).await;

    let reply = proxy.send("GET", "/index.html", &[], "").await;

    assert_eq!(reply.status, 404);
    assert_eq!(reply.error_code(), "proxy.not_found");
}
