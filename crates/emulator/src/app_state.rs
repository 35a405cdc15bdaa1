//! What every request handler shares.

use std::sync::Arc;

use crate::state::SharedCloud;

/// The account plus the public address the emulator answers on.
#[derive(Clone)]
pub struct AppState {
    pub cloud: SharedCloud,
    /// `http://127.0.0.1:PORT`, used in `links` and the token catalog.
    pub endpoint: Arc<str>,
}
