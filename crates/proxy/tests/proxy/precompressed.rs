//! `--serve-dir` serves the `.br` / `.gz` written beside a file at build time when the request's
//! `Accept-Encoding` allows it (brotli first), the file itself otherwise, always with
//! `Vary: Accept-Encoding`; the SPA fallback to `index.html` does the same.

use std::fs;
use std::path::Path;

use keyturn_proxy::Config;

use crate::support::Proxy;

const SCRIPT: &str = "/keyturn-0123456789abcdef.js";
const INDEX: &[u8] = b"<!doctype html><title>Keyturn</title>";
const SCRIPT_BODY: &[u8] = b"export const app = 1;";
// Stand-ins for compressed bytes: the proxy serves the variants as they are on disk.
const INDEX_BR: &[u8] = b"\x0b\x12index-as-brotli";
const INDEX_GZ: &[u8] = b"\x1f\x8bindex-as-gzip";
const SCRIPT_BR: &[u8] = b"\x0b\x12script-as-brotli";
const SCRIPT_GZ: &[u8] = b"\x1f\x8bscript-as-gzip";
const STYLE_GZ: &[u8] = b"\x1f\x8bstyle-as-gzip";

/// A built app with both variants of `index.html` and the script, and only a `.gz` of the style.
fn built_app(dir: &Path) {
    let files: [(&str, &[u8]); 8] = [
        ("index.html", INDEX),
        ("index.html.br", INDEX_BR),
        ("index.html.gz", INDEX_GZ),
        ("keyturn-0123456789abcdef.js", SCRIPT_BODY),
        ("keyturn-0123456789abcdef.js.br", SCRIPT_BR),
        ("keyturn-0123456789abcdef.js.gz", SCRIPT_GZ),
        ("style-fedcba9876543210.css", b"body { margin: 0 }"),
        ("style-fedcba9876543210.css.gz", STYLE_GZ),
    ];
    for (name, bytes) in files {
        fs::write(dir.join(name), bytes).unwrap();
    }
}

async fn serving_built_app() -> (tempfile::TempDir, Proxy) {
    let dir = tempfile::tempdir().unwrap();
    built_app(dir.path());
    let proxy = Proxy::start(Config {
        serve_dir: Some(dir.path().to_path_buf()),
        ..Config::default()
    })
    .await;
    (dir, proxy)
}

#[tokio::test]
async fn brotli_when_accepted_then_gzip_then_the_file_itself() {
    let (_dir, proxy) = serving_built_app().await;
    let cases: [(Option<&str>, Option<&str>, &[u8]); 6] = [
        (Some("br"), Some("br"), SCRIPT_BR),
        (Some("gzip, deflate, br, zstd"), Some("br"), SCRIPT_BR),
        (Some("gzip"), Some("gzip"), SCRIPT_GZ),
        (Some("br;q=0, gzip"), Some("gzip"), SCRIPT_GZ),
        (Some("identity"), None, SCRIPT_BODY),
        (None, None, SCRIPT_BODY),
    ];
    for (accept, encoding, body) in cases {
        let headers: Vec<_> = accept.map(|a| ("accept-encoding", a)).into_iter().collect();
        let reply = proxy.send("GET", SCRIPT, &headers, "").await;
        assert_eq!(reply.status, 200, "{accept:?}");
        assert_eq!(reply.header("content-encoding"), encoding, "{accept:?}");
        assert_eq!(&reply.body[..], body, "{accept:?}");
        assert_eq!(
            reply.header("content-length"),
            Some(body.len().to_string().as_str()),
            "{accept:?}"
        );
        assert!(
            reply.header("content-type").unwrap().contains("javascript"),
            "{accept:?}: the type is the original file's"
        );
        assert_eq!(reply.header("vary"), Some("accept-encoding"), "{accept:?}");
    }
}

#[tokio::test]
async fn a_missing_variant_falls_back_to_the_next_accepted_one() {
    let (_dir, proxy) = serving_built_app().await;

    let reply = proxy
        .send(
            "GET",
            "/style-fedcba9876543210.css",
            &[("accept-encoding", "gzip, br")],
            "",
        )
        .await;

    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-encoding"), Some("gzip"));
    assert_eq!(&reply.body[..], STYLE_GZ);
}

#[tokio::test]
async fn index_and_the_spa_fallback_are_served_compressed_too() {
    let (_dir, proxy) = serving_built_app().await;

    for path in ["/", "/index.html", "/credentials", "/keys/AK123?tab=usage"] {
        let brotli = proxy
            .send("GET", path, &[("accept-encoding", "gzip, br")], "")
            .await;
        assert_eq!(brotli.status, 200, "{path}");
        assert_eq!(brotli.header("content-encoding"), Some("br"), "{path}");
        assert_eq!(&brotli.body[..], INDEX_BR, "{path}");
        assert!(
            brotli
                .header("content-type")
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        assert_eq!(brotli.header("vary"), Some("accept-encoding"), "{path}");

        let gzip = proxy
            .send("GET", path, &[("accept-encoding", "gzip")], "")
            .await;
        assert_eq!(gzip.header("content-encoding"), Some("gzip"), "{path}");
        assert_eq!(&gzip.body[..], INDEX_GZ, "{path}");

        let plain = proxy.send("GET", path, &[], "").await;
        assert_eq!(plain.header("content-encoding"), None, "{path}");
        assert_eq!(&plain.body[..], INDEX, "{path}");
        assert_eq!(plain.header("vary"), Some("accept-encoding"), "{path}");
    }
}

#[tokio::test]
async fn head_announces_the_variant_without_a_body() {
    let (_dir, proxy) = serving_built_app().await;

    let reply = proxy
        .send("HEAD", SCRIPT, &[("accept-encoding", "br")], "")
        .await;

    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-encoding"), Some("br"));
    assert_eq!(
        reply.header("content-length"),
        Some(SCRIPT_BR.len().to_string().as_str())
    );
    assert!(reply.body.is_empty());
}
