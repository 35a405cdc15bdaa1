//! Why config.json could not be used.

use super::{FieldError, SettingsField};

/// A problem with the runtime configuration file.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigError {
    /// The request for config.json got no answer.
    Unreachable(String),
    /// The server has no config.json (404, or an HTML page instead of JSON).
    NotFound,
    /// The server answered with another error status.
    Status(u16),
    /// The file is not JSON, or not a JSON object.
    NotJson(String),
    /// A field has the wrong type or is not a known field.
    WrongField {
        /// Path of the field, e.g. `concurrency`.
        field: String,
        /// What the JSON reader said about it.
        detail: String,
    },
    /// A field has the right type but a value Keyturn refuses.
    InvalidField {
        /// The refused field.
        field: SettingsField,
        /// Why it is refused.
        error: FieldError,
    },
}
