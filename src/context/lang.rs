//! The language context: provider, `use_lang` and `use_text`.

use yew::prelude::*;

use super::storage::{self, LANG_KEY};
use crate::i18n::{self, Lang, Text};

/// The current language and the way to change it.
#[derive(Clone, PartialEq)]
pub struct LangContext {
    /// The language the interface speaks.
    pub lang: Lang,
    /// Switches the language and remembers the choice in localStorage.
    pub set_lang: Callback<Lang>,
}

/// Renders [`Text`] in the current language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Translator {
    /// The language texts are rendered in.
    pub lang: Lang,
}

impl Translator {
    /// `text` in the current language.
    pub fn t(&self, text: Text) -> AttrValue {
        AttrValue::from(i18n::text(self.lang, &text))
    }
}

/// Props of [`LangProvider`].
#[derive(Properties, PartialEq)]
pub struct LangProviderProps {
    /// The part of the app that shows text.
    pub children: Html,
}

/// Provides the language: the stored choice, else the browser's language; keeps
/// `<html lang>` in step.
#[component]
pub fn LangProvider(props: &LangProviderProps) -> Html {
    let lang = use_state(initial_lang);
    use_effect_with(*lang, |lang| set_document_lang(*lang));
    let set_lang = {
        let setter = lang.setter();
        use_callback((), move |new: Lang, ()| {
            // The language still switches for this visit when storage is refused.
            let _ = storage::write(LANG_KEY, new.code());
            setter.set(new);
        })
    };
    let context = LangContext {
        lang: *lang,
        set_lang,
    };
    html! {
        <ContextProvider<LangContext> {context}>
            { props.children.clone() }
        </ContextProvider<LangContext>>
    }
}

fn initial_lang() -> Lang {
    storage::read(LANG_KEY)
        .and_then(|code| Lang::from_code(&code))
        .or_else(|| {
            let tag = web_sys::window()?.navigator().language()?;
            Some(Lang::from_browser_tag(&tag))
        })
        .unwrap_or(Lang::En)
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// The language context; the component must sit inside a [`LangProvider`].
#[hook]
pub fn use_lang() -> LangContext {
    use_context::<LangContext>().expect("use_lang needs a LangProvider above it")
}

/// A [`Translator`] for the current language.
#[hook]
pub fn use_text() -> Translator {
    Translator {
        lang: use_lang().lang,
    }
}
