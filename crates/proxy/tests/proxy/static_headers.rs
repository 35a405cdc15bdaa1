//! Every `--serve-dir` answer (files, `index.html` for the app's routes, refusals) carries
//! `Content-Security-Policy: connect-src 'self' <config.json's proxy> <--connect-src…>;
//! frame-ancestors 'none'`, `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` and
//! `X-Frame-Options: DENY`. Without a usable `config.json` (and no `--connect-src`) the policy
//! only forbids framing. `config.json` is read per answer, so an edit takes effect at once.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use keyturn_proxy::Config;
use keyturn_proxy::origin::Origin;
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::support::{Proxy, Reply, Running, keyturn_proxy};

const INDEX: &str = "<!doctype html><title>Keyturn</title>";
const SCRIPT: &str = "keyturn-2d3dcca7ea29eef9.js";
const ONLY_FRAMING: &str = "frame-ancestors 'none'";

/// A built app in a temporary directory, with `config.json` holding `config` (none when `None`).
fn site(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("index.html"), INDEX).unwrap();
    fs::write(dir.path().join("index.html.br"), "index as brotli").unwrap();
    fs::write(dir.path().join(SCRIPT), "export const app = 1;").unwrap();
    fs::write(dir.path().join(format!("{SCRIPT}.br")), "script as brotli").unwrap();
    if let Some(config) = config {
        fs::write(dir.path().join("config.json"), config).unwrap();
    }
    dir
}

/// The repository's `static/config.json` (what a build ships) with `proxy_url` replaced.
fn shipped_config_with_proxy(proxy_url: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static/config.json");
    let text = fs::read_to_string(&path).unwrap();
    let mut config: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(config.get("proxy_url").is_some(), "{text}");
    config["proxy_url"] = proxy_url.into();
    serde_json::to_string_pretty(&config).unwrap()
}

async fn serving(dir: &Path, connect_src: &[&str]) -> Proxy {
    let connect_src: Vec<Origin> = connect_src.iter().map(|o| o.parse().unwrap()).collect();
    Proxy::start(Config {
        serve_dir: Some(dir.to_path_buf()),
        connect_src,
        ..Config::default()
    })
    .await
}

/// Asserts the four headers, with `policy` as the Content-Security-Policy.
fn assert_secured(reply: &Reply, policy: &str, what: &str) {
    let csp: Vec<_> = reply
        .headers
        .get_all("content-security-policy")
        .iter()
        .collect();
    assert_eq!(csp, [policy], "{what}");
    assert_eq!(
        reply.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        reply.header("referrer-policy"),
        Some("no-referrer"),
        "{what}"
    );
    assert_eq!(reply.header("x-frame-options"), Some("DENY"), "{what}");
}

async fn policy_of(proxy: &Proxy, path: &str) -> String {
    let reply = proxy.send("GET", path, &[], "").await;
    assert_eq!(reply.status, 200, "{path}");
    reply
        .header("content-security-policy")
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn every_static_answer_carries_the_security_headers() {
    let dir = site(Some(&shipped_config_with_proxy(
        "https://keyproxy.example.com",
    )));
    let proxy = serving(dir.path(), &[]).await;
    let policy = "connect-src 'self' https://keyproxy.example.com; frame-ancestors 'none'";

    for (path, accept, status) in [
        ("/", "identity", 200),
        ("/", "br", 200),
        ("/index.html", "identity", 200),
        (&format!("/{SCRIPT}"), "identity", 200),
        (&format!("/{SCRIPT}"), "br", 200),
        ("/config.json", "identity", 200),
        ("/keys/AK123?tab=usage", "identity", 200),
        ("/keys/AK123?tab=usage", "br", 200),
        ("/keyturn-0123456789abcdef.js", "identity", 200),
        ("/..%2fsecret.txt", "identity", 400),
    ] {
        let what = format!("GET {path} ({accept})");
        let reply = proxy
            .send("GET", path, &[("accept-encoding", accept)], "")
            .await;
        assert_eq!(reply.status, status, "{what}");
        assert_secured(&reply, policy, &what);
    }

    let fallback = proxy.send("GET", "/keys/AK123", &[], "").await;
    assert_eq!(&fallback.body[..], INDEX.as_bytes());
    let head = proxy.send("HEAD", "/keys", &[], "").await;
    assert_eq!(head.status, 200);
    assert_secured(&head, policy, "HEAD /keys");
    let modified = fallback.header("last-modified").unwrap();
    let revalidated = proxy
        .send("GET", "/", &[("if-modified-since", modified)], "")
        .await;
    assert_eq!(revalidated.status, 304);
    assert_secured(&revalidated, policy, "GET / revalidated");
    let posted = proxy.send("POST", "/", &[], "x").await;
    assert!(posted.status.is_client_error(), "{}", posted.status);
    assert_secured(&posted, policy, "POST /");
}

#[tokio::test]
async fn the_policy_names_the_origin_of_config_jsons_proxy() {
    for (proxy_url, origin) in [
        ("http://127.0.0.1:8787", "http://127.0.0.1:8787"),
        (
            "https://keyproxy.example.com/",
            "https://keyproxy.example.com",
        ),
        (
            "https://KeyProxy.Example.com:443/cors/",
            "https://keyproxy.example.com",
        ),
        (
            "https://keyproxy.example.com:8443",
            "https://keyproxy.example.com:8443",
        ),
    ] {
        let dir = site(Some(&shipped_config_with_proxy(proxy_url)));
        let proxy = serving(dir.path(), &[]).await;

        for path in ["/", "/credentials", &format!("/{SCRIPT}")] {
            assert_eq!(
                policy_of(&proxy, path).await,
                format!("connect-src 'self' {origin}; frame-ancestors 'none'"),
                "{proxy_url} {path}"
            );
        }
    }
}

#[tokio::test]
async fn an_edited_config_json_takes_effect_with_the_next_answer() {
    let dir = site(Some(&shipped_config_with_proxy(
        "https://keyproxy.example.com",
    )));
    let proxy = serving(dir.path(), &[]).await;
    assert_eq!(
        policy_of(&proxy, "/").await,
        "connect-src 'self' https://keyproxy.example.com; frame-ancestors 'none'"
    );

    let config = dir.path().join("config.json");
    fs::write(
        &config,
        shipped_config_with_proxy("https://new.example.com"),
    )
    .unwrap();
    assert_eq!(
        policy_of(&proxy, "/").await,
        "connect-src 'self' https://new.example.com; frame-ancestors 'none'"
    );

    fs::remove_file(&config).unwrap();
    assert_eq!(policy_of(&proxy, "/").await, ONLY_FRAMING);
}

#[tokio::test]
async fn connect_src_adds_origins_after_the_configured_proxy() {
    let dir = site(Some(&shipped_config_with_proxy(
        "https://keyproxy.example.com/cors",
    )));
    let proxy = serving(
        dir.path(),
        &[
            "https://other-proxy.example.com",
            "https://keyproxy.example.com",
            "http://localhost:8787",
        ],
    )
    .await;

    for path in ["/", "/keys/AK123", &format!("/{SCRIPT}")] {
        let reply = proxy.send("GET", path, &[], "").await;
        assert_secured(
            &reply,
            "connect-src 'self' https://keyproxy.example.com https://other-proxy.example.com \
             http://localhost:8787; frame-ancestors 'none'",
            path,
        );
    }
}

#[tokio::test]
async fn without_a_usable_config_json_the_policy_only_forbids_framing() {
    for config in [
        None,
        Some("not json"),
        Some(r#"{"region":"cn-north-4"}"#),
        Some(r#"{"proxy_url":null}"#),
        Some(r#"{"proxy_url":"ftp://keyproxy.example.com"}"#),
    ] {
        let dir = site(config);
        let proxy = serving(dir.path(), &[]).await;
        for path in ["/", "/keys/AK123", &format!("/{SCRIPT}")] {
            let reply = proxy.send("GET", path, &[], "").await;
            assert_eq!(reply.status, 200, "{config:?} {path}");
            assert_secured(&reply, ONLY_FRAMING, &format!("{config:?} {path}"));
        }

        // --connect-src still narrows connect-src on its own.
        let flagged = serving(dir.path(), &["https://keyproxy.example.com"]).await;
        let reply = flagged.send("GET", "/", &[], "").await;
        assert_secured(
            &reply,
            "connect-src 'self' https://keyproxy.example.com; frame-ancestors 'none'",
            &format!("{config:?} with --connect-src"),
        );
    }
}

#[tokio::test]
async fn the_binary_takes_connect_src_from_its_environment_and_warns_without_config_json() {
    let dir = site(None);
    let mut command = keyturn_proxy(["--listen", "127.0.0.1:0", "--serve-dir"]);
    command
        .arg(dir.path())
        .env(
            "KEYTURN_PROXY_CONNECT_SRC",
            "https://a.example.com,https://b.example.com:8443",
        )
        .env("RUST_LOG", "warn")
        .stderr(Stdio::piped());
    let mut running = Running::start(command).await;
    let mut stderr = BufReader::new(running.child.stderr.take().unwrap()).lines();

    let warning = tokio::time::timeout(Duration::from_secs(10), stderr.next_line())
        .await
        .expect("no warning")
        .unwrap()
        .unwrap();
    let reply = running.proxy.send("GET", "/", &[], "").await;

    assert!(warning.contains("WARN"), "{warning}");
    assert!(warning.contains("config.json"), "{warning}");
    assert!(warning.contains("--connect-src"), "{warning}");
    assert_eq!(reply.status, 200);
    assert_secured(
        &reply,
        "connect-src 'self' https://a.example.com https://b.example.com:8443; \
         frame-ancestors 'none'",
        "GET / from the binary",
    );
    running.child.kill().await.unwrap();
}
