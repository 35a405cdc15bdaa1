//! `--serve-dir` caching: trunk's content-hashed assets (`name-<16 hex digits>[_bg].ext`) are
//! `immutable` for a year; everything else, and anything answered by the SPA fallback, is
//! `no-cache` (revalidated before each use) so a new build is picked up at once. Proxied answers
//! are never stored.

use std::fs;

use keyturn_proxy::Config;

use crate::support::{Harness, Proxy};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

async fn serving(files: &[(&str, &str)]) -> (tempfile::TempDir, Proxy) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let proxy = Proxy::start(Config {
        serve_dir: Some(dir.path().to_path_buf()),
        ..Config::default()
    })
    .await;
    (dir, proxy)
}

const BUILT_APP: [(&str, &str); 8] = [
    ("index.html", "<!doctype html><title>Keyturn</title>"),
    ("index.html.br", "index as brotli"),
    ("config.json", r#"{"region":"cn-north-4"}"#),
    ("keyturn-2d3dcca7ea29eef9.js", "export const app = 1;"),
    ("keyturn-2d3dcca7ea29eef9.js.br", "script as brotli"),
    ("keyturn-2d3dcca7ea29eef9_bg.wasm", "\0asm"),
    ("style-4b7c8a2fc952ed4b.css", "body { margin: 0 }"),
    ("favicon-a988ddcbbc21c251.svg", "<svg/>"),
];

#[tokio::test]
async fn hashed_assets_are_immutable_in_every_encoding() {
    let (_dir, proxy) = serving(&BUILT_APP).await;

    for path in [
        "/keyturn-2d3dcca7ea29eef9.js",
        "/keyturn-2d3dcca7ea29eef9_bg.wasm",
        "/style-4b7c8a2fc952ed4b.css",
        "/favicon-a988ddcbbc21c251.svg",
    ] {
        for accept in ["br", "identity"] {
            let reply = proxy
                .send("GET", path, &[("accept-encoding", accept)], "")
                .await;
            assert_eq!(reply.status, 200, "{path} {accept}");
            assert_eq!(
                reply.header("cache-control"),
                Some(IMMUTABLE),
                "{path} {accept}"
            );
        }
    }
}

#[tokio::test]
async fn index_config_and_app_routes_are_no_cache() {
    let (_dir, proxy) = serving(&BUILT_APP).await;

    for path in [
        "/",
        "/index.html",
        "/config.json",
        "/credentials",
        "/keys/AK123",
    ] {
        for accept in ["br", "identity"] {
            let reply = proxy
                .send("GET", path, &[("accept-encoding", accept)], "")
                .await;
            assert_eq!(reply.status, 200, "{path} {accept}");
            assert_eq!(
                reply.header("cache-control"),
                Some("no-cache"),
                "{path} {accept}"
            );
        }
    }
    let config = proxy.send("GET", "/config.json", &[], "").await;
    assert_eq!(&config.body[..], br#"{"region":"cn-north-4"}"#);
}

#[tokio::test]
async fn the_spa_fallback_is_no_cache_even_under_a_hashed_name() {
    let (_dir, proxy) = serving(&BUILT_APP).await;

    // A favicon without a hash, and an asset of an older build: neither exists, so both get
    // index.html, which must not be cached for a year under that name.
    for path in ["/favicon.ico", "/keyturn-ffffffffffffffff.js"] {
        let reply = proxy.send("GET", path, &[], "").await;
        assert_eq!(reply.status, 200, "{path}");
        assert!(
            reply
                .header("content-type")
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        assert_eq!(reply.header("cache-control"), Some("no-cache"), "{path}");
    }
}

#[tokio::test]
async fn revalidation_keeps_the_policy() {
    let (_dir, proxy) = serving(&BUILT_APP).await;
    let first = proxy.send("GET", "/index.html", &[], "").await;
    let last_modified = first.header("last-modified").unwrap().to_owned();

    let again = proxy
        .send(
            "GET",
            "/index.html",
            &[("if-modified-since", &last_modified)],
            "",
        )
        .await;

    assert_eq!(again.status, 304);
    assert_eq!(again.header("cache-control"), Some("no-cache"));
}

#[tokio::test]
async fn proxied_answers_are_never_stored_nor_varied_by_encoding() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("index.html"), "<!doctype html>").unwrap();
    let Harness { upstream, proxy } = Harness::configured(|config| Config {
        serve_dir: Some(dir.path().to_path_buf()),
        ..config
    })
    .await;

    let proxied = proxy
        .send(
            "GET",
            &upstream.target("/v3/auth/domains"),
            &[
                ("origin", crate::support::APP_ORIGIN),
                ("accept-encoding", "br"),
            ],
            "",
        )
        .await;

    assert_eq!(proxied.status, 200);
    assert_eq!(proxied.header("cache-control"), Some("no-store"));
    assert!(proxied.headers.get_all("vary").iter().all(|v| {
        !v.to_str()
            .unwrap()
            .to_ascii_lowercase()
            .contains("accept-encoding")
    }));
}
