//! Internationalisation: every user-visible string in English and Simplified Chinese.

mod connect;
mod en;
mod keys;
mod lang;
mod text;
mod zh;

use std::borrow::Cow;

pub use connect::ConnectText;
pub use keys::{KeysText, utc_iso};
pub use lang::Lang;
pub use text::Text;

/// `text` rendered in `lang`.
pub fn text(lang: Lang, text: &Text) -> Cow<'static, str> {
    match lang {
        Lang::En => en::text(text),
        Lang::ZhCn => zh::text(text),
    }
}
