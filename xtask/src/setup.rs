//! `cargo xtask setup`: installs the tools the build and the tests need, skipping what is present.
//!
//! Nothing is downloaded from outside the crate registry, npm, PyPI and Debian's apt: trunk runs
//! offline with tools from PATH, Playwright drives Debian's Chromium, wasm-opt comes from npm's binaryen.
//!
//! Versions have one source each: wasm-bindgen is the one in Cargo.lock, binaryen (wasm-opt) the
//! one in end2end/package.json, trunk [`TRUNK_VERSION`]. Trunk.toml repeats the first two (trunk
//! cannot read them elsewhere), so setup checks that it agrees.

use crate::paths;
use crate::run::{Result, cargo, cmd, output, run, step};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// trunk's version; 0.22 needs a newer rustc than the pinned toolchain.
const TRUNK_VERSION: &str = "0.21.14";
/// twiggy's version, which lists the largest functions of the wasm for `cargo xtask bench`.
const TWIGGY_VERSION: &str = "0.8.0";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Something the build or a test level needs installed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tool {
    /// The `wasm32-unknown-unknown` rustup target.
    WasmTarget,
    /// `wasm-bindgen` and `wasm-bindgen-test-runner`.
    WasmBindgen,
    Trunk,
    /// Debian's Chromium and ChromeDriver.
    Chromium,
    /// end2end's npm packages: Playwright, TypeScript, binaryen (wasm-opt).
    Npm,
    /// The official Huawei Cloud SDK in a Python virtualenv.
    SdkVenv,
    /// twiggy, the wasm size profiler.
    Twiggy,
}

impl Tool {
    /// Every tool, in install order.
    pub const ALL: [Tool; 7] = [
        Tool::WasmTarget,
        Tool::WasmBindgen,
        Tool::Trunk,
        Tool::Chromium,
        Tool::Npm,
        Tool::SdkVenv,
        Tool::Twiggy,
    ];
}

/// Installs everything: the browser toolchain and every test level's tools.
pub fn all() -> Result {
    install(&Tool::ALL)
}

/// Installs each tool in `tools` once, in [`Tool::ALL`] order.
pub fn install(tools: &[Tool]) -> Result {
    if tools.contains(&Tool::Trunk) {
        step(
            "Trunk.toml [tools] agrees with Cargo.lock and package.json",
            trunk_toml_agrees,
        )?;
    }
    for tool in Tool::ALL.into_iter().filter(|t| tools.contains(t)) {
        match tool {
            Tool::WasmTarget => wasm_target(),
            Tool::WasmBindgen => wasm_bindgen_cli(),
            Tool::Trunk => trunk(),
            Tool::Chromium => chromium(),
            Tool::Npm => npm_packages(),
            Tool::SdkVenv => sdk_venv(),
            Tool::Twiggy => twiggy(),
        }?;
    }
    Ok(())
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

/// wasm-bindgen-cli at the `wasm-bindgen` crate's version in Cargo.lock.
fn wasm_bindgen_cli() -> Result {
    step("wasm-bindgen-cli", || {
        let version = wasm_bindgen_version()?;
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
        let install = |flag| cargo(&["install", flag, "wasm-bindgen-cli", "--version", &version]);
        if install("--locked").status().is_ok_and(|s| s.success()) {
            return Ok(());
        }
        run(&mut install("--force"))
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
        run(&mut cargo(&[
            "install",
            "--locked",
            "trunk",
            "--version",
            TRUNK_VERSION,
        ]))
    })
}

fn twiggy() -> Result {
    step("twiggy", || {
        let want = format!("twiggy {TWIGGY_VERSION}");
        if output(&mut cmd("twiggy", &["--version"])).is_some_and(|v| v == want) {
            println!("    {want} present");
            return Ok(());
        }
        run(&mut cargo(&[
            "install",
            "--locked",
            "twiggy",
            "--version",
            TWIGGY_VERSION,
        ]))
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

/// end2end's npm packages, reinstalled when package-lock.json changes; wasm-opt must be binaryen's.
fn npm_packages() -> Result {
    step(
        "npm packages (Playwright, TypeScript, binaryen wasm-opt)",
        || {
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
            let want = wasm_opt_version()?;
            let wasm_opt = paths::node_bin().join("wasm-opt");
            let version = output(&mut cmd(&wasm_opt, &["--version"])).unwrap_or_default();
            if !version.contains(&format!("({want})")) {
                return Err(format!(
                    "{} reports {version:?}, expected {want}",
                    wasm_opt.display()
                ));
            }
            Ok(())
        },
    )
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
        if output(&mut cmd("python3", &["--version"])).is_none() {
            apt_install(&["python3", "python3-venv"])?;
        }
        if run(&mut cmd(
            "python3",
            &["-m", "venv", &venv.to_string_lossy()],
        ))
        .is_err()
        {
            apt_install(&["python3-venv"])?;
            run(&mut cmd(
                "python3",
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

/// Trunk.toml's `[tools]` must name the versions pinned in Cargo.lock and end2end/package.json.
fn trunk_toml_agrees() -> Result {
    let trunk_toml = read(&paths::root().join("Trunk.toml"))?;
    let pinned = [
        (
            "wasm_bindgen",
            wasm_bindgen_version()?,
            "Cargo.lock's wasm-bindgen",
        ),
        (
            "wasm_opt",
            wasm_opt_version()?,
            "end2end/package.json's binaryen",
        ),
    ];
    for (key, want, source) in pinned {
        let have = toml_string(&trunk_toml, "tools", key).unwrap_or_default();
        if have != want {
            return Err(format!(
                "Trunk.toml [tools] {key} is {have:?}, but {source} says {want:?}: \
                 set `{key} = \"{want}\"` in Trunk.toml"
            ));
        }
    }
    println!("    wasm-bindgen and wasm-opt versions agree");
    Ok(())
}

/// The `wasm-bindgen` version Cargo.lock records (Cargo.toml pins it with `=`).
fn wasm_bindgen_version() -> Result<String> {
    let lock = read(&paths::root().join("Cargo.lock"))?;
    locked_version(&lock, "wasm-bindgen").ok_or_else(|| "wasm-bindgen is not in Cargo.lock".into())
}

/// wasm-opt's version (`version_132`) from binaryen's in end2end/package.json (`132.0.0`).
fn wasm_opt_version() -> Result<String> {
    let package: Value = serde_json::from_str(&read(&paths::end2end().join("package.json"))?)
        .map_err(|e| format!("end2end/package.json: {e}"))?;
    let binaryen = package["devDependencies"]["binaryen"]
        .as_str()
        .unwrap_or("");
    binaryen_to_wasm_opt(binaryen).ok_or_else(|| {
        format!(
            "end2end/package.json must pin binaryen exactly (like \"132.0.0\"), not {binaryen:?}"
        )
    })
}

/// npm binaryen `132.0.0` ships wasm-opt `version_132`.
fn binaryen_to_wasm_opt(binaryen: &str) -> Option<String> {
    let major = binaryen.strip_suffix(".0.0")?;
    (!major.is_empty() && major.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("version_{major}"))
}

/// The version a Cargo.lock records for a package.
fn locked_version(lock: &str, package: &str) -> Option<String> {
    let name = format!("name = \"{package}\"");
    lock.split("[[package]]")
        .find(|entry| entry.lines().any(|l| l == name))
        .and_then(|entry| entry.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_string())
}

/// A `key = "value"` string in a TOML `[section]` (enough for Trunk.toml).
fn toml_string(toml: &str, section: &str, key: &str) -> Option<String> {
    let header = format!("[{section}]");
    toml.lines()
        .map(str::trim)
        .skip_while(|l| *l != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .find_map(|l| {
            let (k, v) = l.split_once('=')?;
            let v = v.split('#').next()?.trim();
            (k.trim() == key).then(|| v.trim_matches('"').to_string())
        })
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_pins() {
        let lock = "[[package]]\nname = \"wasm-bindgen-futures\"\nversion = \"0.4.1\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            binaryen_to_wasm_opt("132.0.0").as_deref(),
            Some("version_132")
        );
        assert_eq!(binaryen_to_wasm_opt("^132.0.0"), None);
        let trunk =
            "[build]\nwasm_opt = \"no\"\n[tools]\n# comment\nwasm_opt = \"version_132\" # x\n";
        assert_eq!(
            toml_string(trunk, "tools", "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(toml_string(trunk, "tools", "wasm_bindgen"), None);
    }
}
