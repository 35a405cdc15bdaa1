//! `cargo xtask test`: every test level, in order of speed; any failure stops the run.

use crate::paths;
use crate::run::{Result, cmd, path_with_node_bin, run, step};
use crate::setup;
use std::path::PathBuf;

/// The test levels, cheapest first. `cargo xtask test LEVEL...` runs a subset.
const LEVELS: [&str; 5] = ["lint", "native", "wasm", "sdk", "e2e"];

/// Runs setup, then the requested levels (all by default).
pub fn main(args: &[String]) -> Result {
    let wanted: Vec<&str> = if args.is_empty() {
        LEVELS.to_vec()
    } else {
        args.iter().map(String::as_str).collect()
    };
    if let Some(unknown) = wanted.iter().find(|l| !LEVELS.contains(l)) {
        return Err(format!(
            "unknown test level {unknown:?}; levels: {}",
            LEVELS.join(", ")
        ));
    }
    setup::all()?;
    for level in &wanted {
        match *level {
            "lint" => lint()?,
            "native" => native()?,
            "wasm" => wasm()?,
            "sdk" => official_sdk()?,
            _ => end_to_end()?,
        }
    }
    println!(
        "\nxtask: all requested test levels passed: {}",
        wanted.join(", ")
    );
    Ok(())
}

/// Formatting and clippy with warnings denied, native crates and the wasm app.
fn lint() -> Result {
    step("cargo fmt --check", || {
        run(&mut cmd("cargo", &["fmt", "--all", "--", "--check"]))
    })?;
    step("clippy (native crates)", || {
        run(&mut cmd(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--exclude",
                "keyturn",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ))
    })?;
    step("clippy (wasm32: app and core)", || {
        run(&mut cmd(
            "cargo",
            &[
                "clippy",
                "-p",
                "keyturn",
                "-p",
                "keyturn-core",
                "--target",
                "wasm32-unknown-unknown",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ))
    })
}

/// Unit and integration tests of core, emulator, proxy and xtask.
fn native() -> Result {
    step("native tests (core, emulator, proxy)", || {
        run(&mut cmd(
            "cargo",
            &["test", "--workspace", "--exclude", "keyturn"],
        ))
    })
}

/// wasm-bindgen tests in headless Chromium: the signer vectors and the app's components.
fn wasm() -> Result {
    step(
        "browser tests (wasm-bindgen-test in headless Chromium)",
        || {
            run(&mut cmd(
                "cargo",
                &[
                    "test",
                    "-p",
                    "keyturn-core",
                    "-p",
                    "keyturn",
                    "--target",
                    "wasm32-unknown-unknown",
                ],
            ))
        },
    )
}

/// The official Huawei Cloud Python SDK, unchanged, against the emulator.
fn official_sdk() -> Result {
    build_services()?;
    step("official Huawei Cloud SDK against keyturn-emulator", || {
        let script = paths::root().join("crates/emulator/tests/official_sdk/check.py");
        run(cmd(paths::sdk_venv().join("bin").join("python"), &[])
            .arg(script)
            .arg(paths::debug_bin("keyturn-emulator")))
    })
}

/// Playwright journeys in Debian's Chromium against the release build, emulator and proxy.
fn end_to_end() -> Result {
    build_services()?;
    let dist = build_app()?;
    step("Playwright end-to-end (headless Chromium)", || {
        run(cmd(paths::node_bin().join("playwright"), &["test"])
            .current_dir(paths::end2end())
            .env("PATH", path_with_node_bin())
            .env("KEYTURN_DIST", &dist)
            .env("KEYTURN_EMULATOR", paths::debug_bin("keyturn-emulator"))
            .env("KEYTURN_PROXY", paths::debug_bin("keyturn-proxy")))
    })
}

/// Builds the emulator and proxy binaries (debug: fast to build, plenty fast to run).
pub fn build_services() -> Result {
    step("build keyturn-emulator and keyturn-proxy", || {
        run(&mut cmd(
            "cargo",
            &["build", "-p", "keyturn-emulator", "-p", "keyturn-proxy"],
        ))
    })
}

/// Builds the app as it ships (`trunk build --release`, wasm-opt) and returns `dist/`.
pub fn build_app() -> Result<PathBuf> {
    step("build the app (trunk build --release)", || {
        run(cmd("trunk", &["build", "index.html", "--release"])
            .current_dir(paths::root())
            .env("PATH", path_with_node_bin())
            .env("TRUNK_SKIP_VERSION_CHECK", "true"))?;
        Ok(paths::root().join("dist"))
    })
}
