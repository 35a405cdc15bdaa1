//! `cargo xtask test`: every test level, in order of speed; any failure stops the run.

use crate::bench::{self, Size};
use crate::layers;
use crate::paths;
use crate::run::{Result, cargo, cmd, path_with_node_bin, run, step};
use crate::setup::{self, Tool};
use std::fs;
use std::path::{Path, PathBuf};

/// A test level. `cargo xtask test` runs them all, cheapest first; `cargo xtask test LEVEL...` some.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Level {
    Lint,
    Layers,
    Native,
    Wasm,
    Sdk,
    E2e,
}

impl Level {
    /// Every level, cheapest first.
    pub const ALL: [Level; 6] = [
        Level::Lint,
        Level::Layers,
        Level::Native,
        Level::Wasm,
        Level::Sdk,
        Level::E2e,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Level::Lint => "lint",
            Level::Layers => "layers",
            Level::Native => "native",
            Level::Wasm => "wasm",
            Level::Sdk => "sdk",
            Level::E2e => "e2e",
        }
    }

    /// What the level checks, for the usage text.
    pub fn about(self) -> &'static str {
        match self {
            Level::Lint => "cargo fmt --check, clippy -D warnings (native and wasm32)",
            Level::Layers => "the app's import rule (ARCHITECTURE.md)",
            Level::Native => "cargo test of core, emulator, proxy, xtask",
            Level::Wasm => "wasm-bindgen tests in headless Chromium",
            Level::Sdk => "the official Huawei Cloud Python SDK against the emulator",
            Level::E2e => "tsc, Playwright against trunk's release build, a smoke of the bench",
        }
    }

    fn parse(name: &str) -> Result<Level> {
        Level::ALL
            .into_iter()
            .find(|level| level.name() == name)
            .ok_or_else(|| {
                format!(
                    "unknown test level {name:?}; levels: {}",
                    names(&Level::ALL)
                )
            })
    }

    /// The tools this level needs installed.
    fn needs(self) -> &'static [Tool] {
        match self {
            Level::Lint => &[Tool::WasmTarget],
            Level::Layers | Level::Native => &[],
            Level::Wasm => &[Tool::WasmTarget, Tool::WasmBindgen, Tool::Chromium],
            Level::Sdk => &[Tool::SdkVenv],
            Level::E2e => &[
                Tool::WasmTarget,
                Tool::WasmBindgen,
                Tool::Trunk,
                Tool::Chromium,
                Tool::Npm,
                Tool::Twiggy,
            ],
        }
    }

    fn run(self) -> Result {
        match self {
            Level::Lint => lint(),
            Level::Layers => layers(),
            Level::Native => native(),
            Level::Wasm => wasm(),
            Level::Sdk => official_sdk(),
            Level::E2e => end_to_end(),
        }
    }
}

/// The levels' names, comma-separated.
fn names(levels: &[Level]) -> String {
    levels
        .iter()
        .map(|l| l.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Installs what the requested levels (all by default) need, then runs them.
pub fn main(args: &[String]) -> Result {
    let levels = if args.is_empty() {
        Level::ALL.to_vec()
    } else {
        args.iter()
            .map(|a| Level::parse(a))
            .collect::<Result<Vec<_>>>()?
    };
    let tools: Vec<Tool> = levels.iter().flat_map(|l| l.needs()).copied().collect();
    setup::install(&tools)?;
    for level in &levels {
        level.run()?;
    }
    println!("\nxtask: test levels passed: {}", names(&levels));
    Ok(())
}

/// Formatting and clippy with warnings denied, native crates and the wasm app.
fn lint() -> Result {
    step("cargo fmt --check", || {
        run(&mut cargo(&["fmt", "--all", "--", "--check"]))
    })?;
    step(
        "clippy (native crates: the workspace's default-members)",
        || {
            run(&mut cargo(&[
                "clippy",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]))
        },
    )?;
    step("clippy (wasm32: app and core)", || {
        run(&mut cargo(&[
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
        ]))
    })
}

/// Every `crate::` path in `src/` against the layer table of ARCHITECTURE.md.
fn layers() -> Result {
    step("layers (ARCHITECTURE.md import rule)", || {
        let root = paths::root();
        let mut files = Vec::new();
        rust_files(&root.join("src"), &mut files)?;
        let mut violations = Vec::new();
        for file in &files {
            let source =
                fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
            let name = file.strip_prefix(&root).expect("under the root");
            violations.extend(layers::check(&name.to_string_lossy(), &source));
        }
        for violation in &violations {
            println!("    {violation}");
        }
        match violations.len() {
            0 => {
                println!("    {} files, no upward import", files.len());
                Ok(())
            }
            n => Err(format!(
                "{n} layer violations (the table is in ARCHITECTURE.md)"
            )),
        }
    })
}

/// The `.rs` files under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

/// Unit and integration tests of the native crates (the workspace's default-members).
fn native() -> Result {
    step("native tests (core, emulator, proxy, xtask)", || {
        run(&mut cargo(&["test"]))
    })
}

/// wasm-bindgen tests in headless Chromium: the signer vectors and the app's components.
fn wasm() -> Result {
    step(
        "browser tests (wasm-bindgen-test in headless Chromium)",
        || {
            run(&mut cargo(&[
                "test",
                "-p",
                "keyturn-core",
                "-p",
                "keyturn",
                "--target",
                "wasm32-unknown-unknown",
            ]))
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

/// The TypeScript type check of end2end, then the Playwright journeys in Debian's Chromium
/// against the release build, emulator and proxy.
fn end_to_end() -> Result {
    step("TypeScript type check (tsc --noEmit -p end2end)", || {
        let tsc = paths::node_bin().join("tsc");
        if !tsc.exists() {
            return Err(format!(
                "{} is missing: end2end/package.json needs `typescript` in devDependencies",
                tsc.display()
            ));
        }
        run(cmd(tsc, &["--noEmit", "-p", "end2end"]).current_dir(paths::root()))
    })?;
    build_services()?;
    let dist = build_app()?;
    step("Playwright end-to-end (headless Chromium)", || {
        run(cmd(paths::node_bin().join("playwright"), &["test"])
            .current_dir(paths::end2end())
            .env("PATH", path_with_node_bin())
            .env("KEYTURN_DIST", &dist)
            .env("KEYTURN_EMULATOR", paths::debug_bin("keyturn-emulator"))
            .env("KEYTURN_PROXY", paths::debug_bin("keyturn-proxy")))
    })?;
    bench::run_bench(Size::Smoke)
}

/// Builds the emulator and proxy binaries (debug: fast to build, plenty fast to run).
pub fn build_services() -> Result {
    step("build keyturn-emulator and keyturn-proxy", || {
        run(&mut cargo(&[
            "build",
            "-p",
            "keyturn-emulator",
            "-p",
            "keyturn-proxy",
        ]))
    })
}

/// Builds the app as it ships (`trunk build --release`: wasm-opt, minified) and returns `dist/`.
pub fn build_app() -> Result<PathBuf> {
    step("build the app (trunk build --release)", || {
        run(cmd("trunk", &["build", "index.html", "--release"])
            .current_dir(paths::root())
            .env("PATH", path_with_node_bin())
            .env("TRUNK_SKIP_VERSION_CHECK", "true"))?;
        Ok(paths::root().join("dist"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_by_name_and_unknown_ones_list_the_valid() {
        for level in Level::ALL {
            assert_eq!(Level::parse(level.name()), Ok(level));
        }
        assert_eq!(
            Level::parse("unit"),
            Err("unknown test level \"unit\"; levels: lint, layers, native, wasm, sdk, e2e".into())
        );
        assert!(Level::Native.needs().is_empty());
    }
}
