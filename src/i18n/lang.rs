//! The languages Keyturn speaks.

/// A user-interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Lang {
    /// Every language, in the order the switcher lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// BCP 47 tag, used for `<html lang>`, the switcher's option values and localStorage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's name in itself, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// The language with exactly this code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The best match for a browser language tag such as `zh-CN`, `zh-Hans` or `en-GB`;
    /// English for anything that is not Chinese.
    pub fn from_browser_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("zh") {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_tags_map_to_a_language() {
        for (tag, lang) in [
            ("zh-CN", Lang::ZhCn),
            ("zh", Lang::ZhCn),
            ("zh-Hans-CN", Lang::ZhCn),
            ("ZH_cn", Lang::ZhCn),
            ("en-US", Lang::En),
            ("fr", Lang::En),
            ("", Lang::En),
        ] {
            assert_eq!(Lang::from_browser_tag(tag), lang, "{tag}");
        }
    }

    #[test]
    fn codes_name_exactly_one_language() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("zh"), None);
    }
}
