//! Running commands loudly: every step and command is printed, every failure stops the task.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

/// A task result whose error is a sentence for the person at the terminal.
pub type Result<T = ()> = std::result::Result<T, String>;

/// Prints a step header and runs `body`, reporting how long it took.
pub fn step<T>(title: &str, body: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("\n==> {title}");
    let started = Instant::now();
    let out = body()?;
    println!(
        "    done: {title} ({:.1}s)",
        started.elapsed().as_secs_f64()
    );
    Ok(out)
}

/// Builds a command from a program and arguments.
pub fn cmd(program: impl Into<PathBuf>, args: &[&str]) -> Command {
    let mut command = Command::new(program.into());
    command.args(args);
    command
}

/// `cargo` as the one that runs xtask (`CARGO`, set by `cargo xtask`), else `cargo` from PATH.
pub fn cargo(args: &[&str]) -> Command {
    cmd(
        std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()),
        args,
    )
}

/// Runs a command with inherited output; a non-zero exit is an error.
pub fn run(command: &mut Command) -> Result {
    println!("    $ {}", describe(command));
    let status = command
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` exited with {status}", describe(command)))
    }
}

/// Runs a command quietly and returns its trimmed stdout, or `None` when it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The command line as a person would type it.
fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `PATH` with the npm tools (binaryen's wasm-opt, playwright) first, so trunk finds wasm-opt 132.
pub fn path_with_node_bin() -> std::ffi::OsString {
    let mut dirs = vec![crate::paths::node_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("PATH entries contain no separator")
}
