//! Well-known locations in the repository.

use std::path::PathBuf;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Cargo's target directory (honours `CARGO_TARGET_DIR`).
pub fn target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// The Playwright project, which also carries the npm `binaryen` (wasm-opt).
pub fn end2end() -> PathBuf {
    root().join("end2end")
}

/// npm-installed executables (wasm-opt, playwright).
pub fn node_bin() -> PathBuf {
    end2end().join("node_modules").join(".bin")
}

/// The virtualenv holding the official Huawei Cloud Python SDK.
pub fn sdk_venv() -> PathBuf {
    target().join("sdk-venv")
}

/// A debug binary built by `cargo build`.
pub fn debug_bin(name: &str) -> PathBuf {
    target().join("debug").join(name)
}

/// A release binary built by `cargo build --release`.
pub fn release_bin(name: &str) -> PathBuf {
    target().join("release").join(name)
}
