//! What every request handler shares.

use std::sync::Arc;

use crate::seed::demo::SignIns;
use crate::state::SharedCloud;

/// The account plus the public address the emulator answers on.
#[derive(Clone)]
pub struct AppState {
    pub cloud: SharedCloud,
    /// `http://127.0.0.1:PORT`, used in `links` and the token catalog.
    pub endpoint: Arc<str>,
    /// The demo account's sign-in credentials; `None` unless started with the demo seed.
    pub demo: Option<Arc<SignIns>>,
}
