//! Switching the interface language, in a real browser.

mod support;

use keyturn::i18n::{Lang, Text, text};
use keyturn::pages::SettingsPage;
use keyturn::state::{Settings, SettingsField};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn html_lang() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_switcher_turns_labels_chinese_and_back() {
    fresh_storage("en");
    let root = mount(Ok(Settings::default()), html! { <SettingsPage /> }).await;
    let switcher: web_sys::HtmlSelectElement = find(&root, "select[aria-label=Language]")
        .expect("language switcher")
        .dyn_into()
        .unwrap();
    assert_eq!(switcher.value(), "en");
    let options: Vec<(String, String)> = (0..switcher.length())
        .map(|i| {
            let option = switcher.item(i).unwrap();
            (
                option.get_attribute("value").unwrap(),
                option.text_content().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        options,
        [
            ("en".to_owned(), "English".to_owned()),
            ("zh-CN".to_owned(), "简体中文".to_owned())
        ]
    );
    assert_eq!(html_lang(), "en");

    choose(&switcher, "zh-CN").await;
    let labels = label_texts(&root);
    assert_eq!(
        labels,
        [
            "代理 URL",
            "区域",
            "IAM 终端节点覆盖",
            "KMS 终端节点覆盖",
            "账号名",
            "轮换周期（天）",
            "提前提醒（天）",
            "新密钥宽限期（天）",
            "闲置判定（天）",
            "并发数"
        ]
    );
    assert_eq!(
        input_by_label(&root, "代理 URL").value(),
        "http://127.0.0.1:8787"
    );
    assert_eq!(text_of(&root, "h1").as_deref(), Some("设置"));
    assert!(text_of(&root, "nav").unwrap().contains("访问密钥"));
    assert_eq!(html_lang(), "zh-CN");
    assert_eq!(
        local_storage().get_item("keyturn.lang").unwrap().as_deref(),
        Some("zh-CN")
    );

    click_button(&root, "保存设置").await;
    assert_eq!(
        text_of(&root, "[role=status]").as_deref(),
        Some("设置已保存。")
    );

    choose(&switcher, "en").await;
    assert_eq!(label_texts(&root)[0], "Proxy URL");
    assert_eq!(
        text_of(&root, "[role=status]").as_deref(),
        Some("Settings saved.")
    );
    assert_eq!(html_lang(), "en");
    assert_eq!(
        local_storage().get_item("keyturn.lang").unwrap().as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
async fn the_stored_language_is_used_at_start() {
    fresh_storage("zh-CN");
    let root = mount(Ok(Settings::default()), html! { <SettingsPage /> }).await;
    assert_eq!(label_texts(&root)[0], "代理 URL");
    let switcher: web_sys::HtmlSelectElement = find(&root, "select[aria-label=Language]")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(switcher.value(), "zh-CN");
}

#[wasm_bindgen_test]
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
    assert_eq!(Lang::from_code("zh-CN"), Some(Lang::ZhCn));
    assert_eq!(Lang::from_code("zh"), None);
}

#[wasm_bindgen_test]
fn every_settings_label_is_translated() {
    for field in SettingsField::ALL {
        let en = text(Lang::En, &Text::FieldLabel(field));
        let zh = text(Lang::ZhCn, &Text::FieldLabel(field));
        assert!(!en.is_empty() && !zh.is_empty());
        assert_ne!(en, zh, "{field:?}");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
    }
}
