//! `cargo xtask`: Keyturn's developer tasks as code.
//!
//! - `setup`: install whatever is missing (idempotent).
//! - `demo`: install what the build needs, build, start emulator + proxy + app, print the URL.
//! - `test [LEVEL...]`: install what the levels need, then run them (see [`test::Level`]).
//! - `bench`: size and speed beside their references (see [`bench`]).

mod bench;
mod demo;
mod layers;
mod paths;
mod run;
mod setup;
mod stack;
mod test;

use std::process::ExitCode;
use test::Level;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("demo") => demo::main(),
        Some("test") => test::main(&args[1..]),
        Some("bench") => bench::main(),
        _ => {
            eprintln!("{}", usage());
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("\nxtask: FAILED: {err}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> String {
    let levels: String = Level::ALL
        .iter()
        .map(|l| format!("\n            {:<7} {}", l.name(), l.about()))
        .collect();
    format!(
        "usage: cargo xtask <setup|demo|test [LEVEL...]|bench>

  setup   install missing tools: wasm target, trunk, wasm-bindgen-cli, Chromium,
          npm packages (Playwright, TypeScript, wasm-opt), the official SDK virtualenv
  demo    build and start emulator + proxy + app on http://127.0.0.1:8080
  test    install what the levels need, then run them (all by default), in order:{levels}
  bench   first-load size, start-up, account audit and table speed beside their
          references (bench/results.json, a Markdown table)"
    )
}
