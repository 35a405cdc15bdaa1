//! Internationalisation: every user-visible string in English and Simplified Chinese.

mod connect;
mod en;
mod keys;
mod kms;
mod lang;
mod rotation;
mod text;
mod zh;

use std::borrow::Cow;

pub use connect::ConnectText;
pub use keys::{KeysText, utc_iso};
pub use kms::KmsText;
pub use lang::Lang;
pub use rotation::RotationText;
pub use text::Text;

/// `text` rendered in `lang`.
pub fn text(lang: Lang, text: &Text) -> Cow<'static, str> {
    match lang {
        Lang::En => en::text(text),
        Lang::ZhCn => zh::text(text),
    }
}

#[cfg(test)]
mod tests {
    use keyturn_core::settings::SettingsField;

    use super::*;

    fn is_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_settings_label_is_translated() {
        for field in SettingsField::ALL {
            let en = text(Lang::En, &Text::FieldLabel(field));
            let zh = text(Lang::ZhCn, &Text::FieldLabel(field));
            assert!(!en.is_empty(), "{field:?}");
            assert_ne!(en, zh, "{field:?}");
            assert!(is_chinese(&zh), "{zh}");
        }
    }

    #[test]
    fn counts_take_the_english_plural_they_need() {
        let shown = |total| text(Lang::En, &KeysText::Shown { shown: 1, total }.into());
        assert_eq!(shown(1), "1 of 1 access key shown");
        assert_eq!(shown(2), "1 of 2 access keys shown");
        let progress = text(Lang::En, &KeysText::Progress { done: 0, total: 1 }.into());
        assert_eq!(progress, "Keys of 0 of 1 user loaded");
    }
}
