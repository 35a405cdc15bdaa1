//! `cargo xtask demo`: the emulator's demo account behind the proxy, with the app, on one origin.

use crate::paths;
use crate::run::{Result, cmd, run, step};
use crate::setup::{self, Tool};
use crate::stack::{self, Service};
use crate::test;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

const APP_ADDR: &str = "127.0.0.1:8080";
const EMULATOR_ADDR: &str = "127.0.0.1:8780";

/// What the demo builds with: trunk, wasm-bindgen and binaryen's wasm-opt (no browser, no SDK).
const TOOLS: [Tool; 4] = [Tool::WasmTarget, Tool::WasmBindgen, Tool::Trunk, Tool::Npm];

/// Runs the demo until Ctrl-C, which ends it quietly, even mid-build.
pub fn main() -> Result {
    let (tx, interrupted) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = tx.send(());
    })
    .map_err(|e| format!("cannot handle Ctrl-C: {e}"))?;
    match serve(&interrupted) {
        // A step that Ctrl-C cut short fails too; that is the person stopping it, not a failure.
        Err(_) if interrupted.recv_timeout(Duration::from_millis(300)).is_ok() => {}
        result => result?,
    }
    println!("\nxtask: demo stopped");
    Ok(())
}

/// Builds, starts emulator + proxy (which also serves the app) and serves until Ctrl-C.
fn serve(interrupted: &Receiver<()>) -> Result {
    setup::install(&TOOLS)?;
    test::build_services()?;
    let dist = test::build_app()?;
    let site = paths::target().join("demo-site");
    let emulator = step("start keyturn-emulator (demo account)", || {
        Service::start(
            "keyturn-emulator",
            &paths::debug_bin("keyturn-emulator"),
            &["--listen", EMULATOR_ADDR, "--seed", "demo"],
        )
    })?;
    let account: Value = serde_json::from_str(&emulator.ready_line)
        .map_err(|e| format!("emulator startup line is not JSON: {e}"))?;
    step("write the demo site's config.json", || {
        copy_dir(&dist, &site)?;
        write_demo_config(&site, &account)
    })?;
    let app_origin = format!("http://{APP_ADDR}");
    let emulator_origin = format!("http://{EMULATOR_ADDR}");
    let proxy = step("start keyturn-proxy (serving the app)", || {
        Service::start(
            "keyturn-proxy",
            &paths::debug_bin("keyturn-proxy"),
            &[
                "--listen",
                APP_ADDR,
                "--serve-dir",
                &site.to_string_lossy(),
                "--allow-upstream",
                &emulator_origin,
                "--allow-origin",
                &app_origin,
                "--allow-origin",
                "http://localhost:8080",
            ],
        )
    })?;
    print_welcome(&app_origin, &account);
    stack::serve_until_interrupted(vec![proxy, emulator], interrupted)
}

/// Points the app at the emulator through the proxy that serves it.
fn write_demo_config(site: &Path, account: &Value) -> Result {
    let path = site.join("config.json");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut config: Value = serde_json::from_str(&text).map_err(|e| format!("config.json: {e}"))?;
    let endpoint = account["endpoint"].clone();
    config["proxy_url"] = Value::String(format!("http://{APP_ADDR}"));
    config["iam_endpoint"] = endpoint.clone();
    config["kms_endpoint"] = endpoint;
    config["region"] = account["region"].clone();
    config["account_name"] = account["domain_name"].clone();
    let pretty = serde_json::to_string_pretty(&config).expect("JSON values serialise");
    fs::write(&path, pretty).map_err(|e| format!("{}: {e}", path.display()))
}

fn print_welcome(url: &str, account: &Value) {
    let admin = &account["admin"];
    println!(
        "\nKeyturn demo is running: {url}\n\n\
         Demo account {domain} (region {region}), administrator {name}:\n  \
         password  {password}\n  AK        {ak}\n  SK        {sk}\n\n\
         Everything runs locally against keyturn-emulator; press Ctrl-C to stop.",
        domain = account["domain_name"].as_str().unwrap_or("?"),
        region = account["region"].as_str().unwrap_or("?"),
        name = admin["name"].as_str().unwrap_or("?"),
        password = admin["password"].as_str().unwrap_or("?"),
        ak = admin["ak"].as_str().unwrap_or("?"),
        sk = admin["sk"].as_str().unwrap_or("?"),
    );
}

/// Replaces `to` with a copy of `from`.
pub fn copy_dir(from: &Path, to: &Path) -> Result {
    let _ = fs::remove_dir_all(to);
    run(cmd("cp", &["-r"]).arg(from).arg(to))
}
