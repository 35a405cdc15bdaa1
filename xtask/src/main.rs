//! `cargo xtask`: Keyturn's developer tasks as code.
//!
//! - `setup`: install whatever is missing (idempotent).
//! - `demo`: setup, build, start emulator + proxy + app, print the URL.
//! - `test`: setup, fmt check, clippy, native tests, browser tests, official-SDK check, Playwright.

mod demo;
mod paths;
mod run;
mod setup;
mod stack;
mod test;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <setup|demo|test>

  setup   install missing tools: wasm target, trunk, wasm-bindgen-cli, Chromium,
          npm packages (Playwright, wasm-opt), the official SDK virtualenv
  demo    build and start emulator + proxy + app on http://127.0.0.1:8080
  test    run every check: fmt, clippy, native, browser (wasm), official SDK, Playwright";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("demo") => demo::main(),
        Some("test") => test::main(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
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
