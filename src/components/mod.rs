//! Reusable pieces of the interface.

mod config_gate;
mod field_messages;
mod header;
mod language_switcher;
mod nav_link;
mod placeholder_page;
mod select_field;
mod status_message;
mod text_field;

pub use config_gate::ConfigGate;
pub use header::Header;
pub use language_switcher::LanguageSwitcher;
pub use nav_link::NavLink;
pub use placeholder_page::PlaceholderPage;
pub use select_field::SelectField;
pub use status_message::{StatusKind, StatusMessage};
pub use text_field::TextField;
