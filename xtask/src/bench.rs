//! `cargo xtask bench`: Keyturn's size and speed beside references measured in the same run
//! (absolute times on a shared machine are noise; ratios are not). The figures are measured by
//! Playwright in Debian's Chromium (`end2end/bench/`), written to `bench/results.json` and
//! printed as a Markdown table. `cargo xtask test` runs a smoke of it (tiny sizes, no goals).

use crate::paths;
use crate::run::{Result, cargo, cmd, path_with_node_bin, run, step};
use crate::setup::{self, Tool};
use crate::test::{build_app, build_services};
use std::path::PathBuf;

/// How big a run is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Size {
    /// Every figure at real-account scale (1,000 and about 4,000 keys), 7 runs each, goals checked.
    Full,
    /// Every figure on a dozen keys, once, no goals: proves the bench still runs.
    Smoke,
}

/// The tools the bench needs.
pub const NEEDS: [Tool; 6] = [
    Tool::WasmTarget,
    Tool::WasmBindgen,
    Tool::Trunk,
    Tool::Chromium,
    Tool::Npm,
    Tool::Twiggy,
];

/// `cargo xtask bench`.
pub fn main() -> Result {
    setup::install(&NEEDS)?;
    run_bench(Size::Full)
}

/// Builds what the bench measures and runs it at `size`.
pub fn run_bench(size: Size) -> Result {
    let bins: fn(&str) -> PathBuf = match size {
        Size::Full => {
            step("build keyturn-emulator and keyturn-proxy (release)", || {
                run(&mut cargo(&[
                    "build",
                    "--release",
                    "-p",
                    "keyturn-emulator",
                    "-p",
                    "keyturn-proxy",
                ]))
            })?;
            paths::release_bin
        }
        Size::Smoke => {
            build_services()?;
            paths::debug_bin
        }
    };
    let dist = build_app()?;
    let minimal = build_minimal()?;
    step(
        "largest functions of the wasm (twiggy top)",
        largest_functions,
    )?;
    let (label, out) = match size {
        Size::Full => ("full", paths::root().join("bench").join("results.json")),
        Size::Smoke => ("smoke", paths::target().join("bench").join("smoke.json")),
    };
    step(&format!("Playwright bench ({label})"), || {
        run(cmd(
            paths::node_bin().join("playwright"),
            &["test", "-c", "bench.config.ts"],
        )
        .current_dir(paths::end2end())
        .env("PATH", path_with_node_bin())
        .env("KEYTURN_DIST", &dist)
        .env("KEYTURN_MINIMAL_DIST", &minimal)
        .env("KEYTURN_EMULATOR", bins("keyturn-emulator"))
        .env("KEYTURN_PROXY", bins("keyturn-proxy"))
        .env("KEYTURN_BENCH_SIZE", label)
        .env("KEYTURN_BENCH_OUT", &out))?;
        println!("    results: {}", out.display());
        Ok(())
    })
}

/// Prints the largest functions of the app's wasm as it ships (wasm-bindgen, then wasm-opt
/// -Oz), built again with names kept, so the next cut is visible.
fn largest_functions() -> Result {
    let names = paths::target().join("bench").join("names");
    let wasm = paths::target()
        .join("wasm32-unknown-unknown")
        .join("release")
        .join("keyturn.wasm");
    run(&mut cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--keep-debug",
            "--out-dir",
            &names.to_string_lossy(),
            &wasm.to_string_lossy(),
        ],
    ))?;
    let named = names.join("keyturn_bg.wasm").to_string_lossy().into_owned();
    let optimised = names
        .join("keyturn_opt.wasm")
        .to_string_lossy()
        .into_owned();
    run(&mut cmd(
        paths::node_bin().join("wasm-opt"),
        &[
            "-Oz",
            "-g",
            "--enable-reference-types",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            &named,
            "-o",
            &optimised,
        ],
    ))?;
    run(&mut cmd("twiggy", &["top", "-n", "30", &optimised]))
}

/// Builds the minimal reference app (`bench/minimal`) exactly as the app is built.
fn build_minimal() -> Result<PathBuf> {
    let dist = paths::target().join("bench").join("minimal");
    step(
        "build the minimal reference app (trunk build --release)",
        || {
            run(cmd(
                "trunk",
                &[
                    "build",
                    "bench/minimal/index.html",
                    "--release",
                    "--dist",
                    &dist.to_string_lossy(),
                ],
            )
            .current_dir(paths::root())
            .env("PATH", path_with_node_bin())
            .env("TRUNK_SKIP_VERSION_CHECK", "true"))?;
            Ok(dist.clone())
        },
    )
}
