//! App-wide state every feature reads: the route table, the session (with the shared clock
//! offset), the settings, the language, localStorage (`storage`), the adapter from core models to Yew
//! reducers, and the hook that owns request cancellation.

mod abort;
mod batch;
mod iam;
mod lang;
mod reduced;
mod return_to;
mod route;
mod session;
mod settings;
pub mod storage;

pub use abort::{AbortScope, use_abort_scope};
pub use batch::BatchSink;
pub use iam::use_iam;
pub use keyturn_core::settings::CONFIG_URL;
pub use lang::{LangContext, LangProvider, Translator, use_lang, use_text};
pub use reduced::{Reduced, use_model};
pub use return_to::ReturnTo;
pub use route::Route;
pub use session::{SessionHandle, SessionProvider, use_session, use_session_handle};
pub use settings::{ConfigSource, SaveError, SettingsHandle, SettingsProvider, use_settings};
pub use storage::{LANG_KEY, SETTINGS_KEY};
