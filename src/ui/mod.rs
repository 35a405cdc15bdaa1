//! Shared widgets every feature composes: dialog, form dialog, error notice, form fields and their messages, copy and
//! download, progress, the page controls of long tables, and status messages.

mod copy_button;
mod dialog;
mod download;
mod error_notice;
mod field_messages;
mod form_dialog;
mod input_value;
mod new_secret;
mod pager;
mod progress;
mod query_link;
mod select_field;
mod sort_header;
mod status_message;
mod text_field;

pub use copy_button::CopyButton;
pub use dialog::Dialog;
pub use download::{CLIPBOARD_CLEAR_MS, copy_secret, copy_text, save_text_file};
pub use error_notice::ErrorNotice;
pub use field_messages::{FieldMessages, described_by, error_id};
pub use form_dialog::FormDialog;
pub use input_value::use_input_value;
pub use new_secret::{CREDENTIALS_FILE, NewSecret};
pub use pager::Pager;
pub use progress::Progress;
pub use query_link::QueryLink;
pub use select_field::SelectField;
pub use sort_header::SortHeader;
pub use status_message::{StatusKind, StatusMessage};
pub use text_field::TextField;
