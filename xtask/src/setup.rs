//! `cargo xtask setup`: installs every tool the build and the tests need, skipping what is present.
//!
//! Nothing is downloaded from outside the crate registry, npm, PyPI and Debian's apt: trunk runs
//! offline with tools from PATH, Playwright drives Debian's Chromium, wasm-opt comes from npm's binaryen.

use crate::paths;
use crate::run::{Result, cmd, output, run, step};
use std::fs;
use std::path::Path;

/// trunk's version; 0.22 needs a newer rustc than the pinned toolchain.
const TRUNK_VERSION: &str = "0.21.14";
/// The wasm-opt version npm's `binaryen` must report (Trunk.toml `wasm_opt`).
const WASM_OPT_VERSION: &str = "version 132";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Installs everything: the browser toolchain and every test level's tools.
pub fn all() -> Result {
    wasm_target()?;
    wasm_bindgen_cli()?;
    trunk()?;
    chromium()?;
    npm_packages()?;
    sdk_venv()
}

fn wasm_target() -> Result {
    step("wasm32 target", || {
        let installed = output(&mut cmd("rustup", &["target", "list", "--installed"]))
            .ok_or("rustup is needed to add the wasm32 target")?;
        if installed.lines().any(|t| t == "wasm32-unknown-unknown") {
            println!("    present");
            return Ok(());
        }
        run(&mut cmd(
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
        ))
    })
}

/// wasm-bindgen-cli must equal the `wasm-bindgen` crate version in Cargo.lock and Trunk.toml.
fn wasm_bindgen_cli() -> Result {
    step("wasm-bindgen-cli", || {
        let version = locked_version("wasm-bindgen")?;
        let trunk_toml = fs::read_to_string(paths::root().join("Trunk.toml"))
            .map_err(|e| format!("Trunk.toml: {e}"))?;
        if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
            return Err(format!(
                "Trunk.toml [tools] wasm_bindgen must be \"{version}\" (the version in Cargo.lock)"
            ));
        }
        // Each tool answers `--version` with its own name and the version.
        let have = |tool: &str| {
            output(&mut cmd(tool, &["--version"])).is_some_and(|v| v == format!("{tool} {version}"))
        };
        if have("wasm-bindgen") && have("wasm-bindgen-test-runner") {
            println!("    wasm-bindgen-cli {version} present");
            return Ok(());
        }
        println!("    installing wasm-bindgen-cli {version} (a few minutes on 2 cores)");
        // The crate's own lockfile may pin versions the registry index lacks; fall back to resolving.
        let locked = cmd(
            "cargo",
            &[
                "install",
                "--locked",
                "wasm-bindgen-cli",
                "--version",
                &version,
            ],
        )
        .status()
        .is_ok_and(|s| s.success());
        if locked {
            return Ok(());
        }
        run(&mut cmd(
            "cargo",
            &[
                "install",
                "--force",
                "wasm-bindgen-cli",
                "--version",
                &version,
            ],
        ))
    })
}

fn trunk() -> Result {
    step("trunk", || {
        let want = format!("trunk {TRUNK_VERSION}");
        if output(&mut cmd("trunk", &["--version"])).is_some_and(|v| v == want) {
            println!("    {want} present");
            return Ok(());
        }
        println!("    installing {want} (about 10 minutes on 2 cores)");
        run(&mut cmd(
            "cargo",
            &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
        ))
    })
}

/// Debian's Chromium and ChromeDriver drive the browser tests and Playwright.
fn chromium() -> Result {
    step("Chromium and ChromeDriver", || {
        if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
            println!("    present");
            return Ok(());
        }
        apt_install(&["chromium", "chromium-driver"])
    })
}

/// Playwright and binaryen (wasm-opt) from npm, reinstalled when package-lock.json changes.
fn npm_packages() -> Result {
    step("npm packages (Playwright, binaryen wasm-opt)", || {
        output(&mut cmd("npm", &["--version"]))
            .ok_or("Node.js and npm are needed: apt-get install nodejs npm")?;
        let dir = paths::end2end();
        let lock = fs::read(dir.join("package-lock.json"))
            .map_err(|e| format!("end2end/package-lock.json: {e}"))?;
        let stamp = dir.join("node_modules").join(".keyturn-installed-lock");
        if fs::read(&stamp).is_ok_and(|s| s == lock) {
            println!("    up to date");
        } else {
            run(cmd("npm", &["ci", "--no-audit", "--no-fund"])
                .current_dir(&dir)
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
            fs::write(&stamp, &lock).map_err(|e| format!("{}: {e}", stamp.display()))?;
        }
        let wasm_opt = paths::node_bin().join("wasm-opt");
        let version = output(&mut cmd(&wasm_opt, &["--version"])).unwrap_or_default();
        if !version.contains(WASM_OPT_VERSION) {
            return Err(format!(
                "{} reports {version:?}, expected {WASM_OPT_VERSION}",
                wasm_opt.display()
            ));
        }
        Ok(())
    })
}

/// A virtualenv with the official Huawei Cloud SDK, for the emulator's protocol check.
fn sdk_venv() -> Result {
    step("official Huawei Cloud SDK (Python virtualenv)", || {
        let requirements =
            paths::root().join("crates/emulator/tests/official_sdk/requirements.txt");
        let wanted =
            fs::read(&requirements).map_err(|e| format!("{}: {e}", requirements.display()))?;
        let venv = paths::sdk_venv();
        let stamp = venv.join("keyturn-requirements.txt");
        if fs::read(&stamp).is_ok_and(|s| s == wanted) {
            println!("    up to date");
            return Ok(());
        }
        let python = if output(&mut cmd("python3", &["--version"])).is_some() {
            "python3"
        } else {
            apt_install(&["python3", "python3-venv"])?;
            "python3"
        };
        if run(&mut cmd(python, &["-m", "venv", &venv.to_string_lossy()])).is_err() {
            apt_install(&["python3-venv"])?;
            run(&mut cmd(
                python,
                &["-m", "venv", "--clear", &venv.to_string_lossy()],
            ))?;
        }
        let pip = venv.join("bin").join("pip");
        run(cmd(
            &pip,
            &["install", "--quiet", "--disable-pip-version-check", "-r"],
        )
        .arg(&requirements))?;
        fs::write(&stamp, &wanted).map_err(|e| format!("{}: {e}", stamp.display()))
    })
}

/// The version Cargo.lock records for a package.
fn locked_version(package: &str) -> Result<String> {
    let lock = fs::read_to_string(paths::root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e} (run `cargo generate-lockfile`)"))?;
    let header = format!("name = \"{package}\"\n");
    lock.split("[[package]]")
        .find(|entry| entry.trim_start().starts_with(header.trim_start()))
        .and_then(|entry| entry.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_string())
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))
}

/// Installs Debian packages, with sudo when not root.
fn apt_install(packages: &[&str]) -> Result {
    let root = output(&mut cmd("id", &["-u"])).is_some_and(|uid| uid == "0");
    let apt = |args: &[&str]| {
        let mut c = if root {
            cmd("apt-get", args)
        } else {
            cmd("sudo", &[&["apt-get"], args].concat())
        };
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-qq"]))?;
    run(&mut apt(&[&["install", "-y", "-qq"], packages].concat()))
}
