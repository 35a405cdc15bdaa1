//! The language picker in the header.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::context::use_lang;
use crate::i18n::Lang;

/// `<select aria-label="Language">` listing every language by its own name. The accessible
/// name stays "Language" in every language so the control can be found without reading the
/// current one.
#[component]
pub fn LanguageSwitcher() -> Html {
    let context = use_lang();
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(context.lang, move |lang| {
            if let Some(select) = select.cast::<HtmlSelectElement>() {
                select.set_value(lang.code());
            }
        });
    }
    let onchange = {
        let set_lang = context.set_lang.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(lang) = Lang::from_code(&select.value()) {
                set_lang.emit(lang);
            }
        })
    };
    html! {
        <select ref={select} class="language-switcher" aria-label="Language" {onchange}>
            { for Lang::ALL.into_iter().map(|lang| html! {
                <option value={lang.code()} lang={lang.code()} selected={lang == context.lang}>
                    { lang.native_name() }
                </option>
            }) }
        </select>
    }
}
