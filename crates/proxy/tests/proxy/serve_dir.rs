//! `--serve-dir` serves the built app (with `index.html` for the app's routes) while absolute-URL
//! paths are still proxied, or refused, never read from disk. Navigations load the app without
//! `Origin`, from anywhere; a path that tries to leave the directory, in any spelling, gets 400.

use std::fs;
use std::time::Duration;

use keyturn_proxy::Config;

use crate::support::{Harness, Outcome, Proxy, Raw};

/// A served directory `site/` beside a file that must stay out of reach.
fn site_beside_a_secret() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("site")).unwrap();
    fs::write(
        dir.path().join("site/index.html"),
        "<!doctype html><title>Keyturn</title>",
    )
    .unwrap();
    fs::write(dir.path().join("secret.txt"), "SECRET").unwrap();
    dir
}

async fn serving(dir: &std::path::Path) -> Proxy {
    Proxy::start(Config {
        serve_dir: Some(dir.to_path_buf()),
        ..Config::default()
    })
    .await
}

#[tokio::test]
async fn navigations_load_the_app_without_origin_from_anywhere() {
    let dir = site_beside_a_secret();
    let proxy = serving(&dir.path().join("site")).await;

    for site in ["none", "same-origin", "cross-site"] {
        for path in ["/", "/keys?tab=usage"] {
            let headers = [
                ("sec-fetch-site", site),
                ("sec-fetch-mode", "navigate"),
                ("sec-fetch-dest", "document"),
            ];
            let reply = proxy.send("GET", path, &headers, "").await;
            assert_eq!(reply.status, 200, "{site} {path}");
            assert_eq!(&reply.body[..], b"<!doctype html><title>Keyturn</title>");
        }
    }
}

#[tokio::test]
async fn encoded_traversal_is_refused() {
    let dir = site_beside_a_secret();
    let proxy = serving(&dir.path().join("site")).await;

    for path in [
        "/..%2fsecret.txt",
        "/..%2f..%2fCargo.toml",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/%5c..%5csecret.txt",
        "/.%2e/secret.txt",
    ] {
        let reply = proxy.send("GET", path, &[], "").await;
        assert_eq!(reply.status, 400, "{path}");
        assert_eq!(reply.error_code(), "proxy.bad_path", "{path}");
    }
    // A raw backslash cannot even be written with an HTTP library.
    let mut raw = Raw::connect(&proxy).await;
    raw.send(
        format!(
            "GET /..\\secret.txt HTTP/1.1\r\nHost: {}\r\n\r\n",
            proxy.addr
        )
        .as_bytes(),
    )
    .await;
    assert_eq!(
        raw.outcome(Duration::from_secs(2)).await,
        Outcome::Answered(400)
    );
}

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
