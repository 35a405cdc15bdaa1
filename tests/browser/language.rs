//! Switching the interface language, and the language a visit starts in.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlSelectElement;

use crate::support::*;

fn html_lang() -> String {
    document()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

fn switcher(page: &Mounted) -> HtmlSelectElement {
    find(page, "select[aria-label=Language]")
        .expect("language switcher")
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_switcher_turns_labels_chinese_and_back() {
    let page = Page::new().at("/settings").mount_app().await;
    let switcher = switcher(&page);
    assert_eq!(switcher.value(), "en");
    let options: Vec<(String, String)> = (0..switcher.length())
        .map(|i| {
            let option = switcher.item(i).unwrap();
            (option.get_attribute("value").unwrap(), text(&option))
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
    assert_eq!(
        label_texts(&page),
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
            "并发数",
            "KMS 每秒请求数"
        ]
    );
    assert_eq!(
        input_by_label(&page, "代理 URL").value(),
        "http://127.0.0.1:8787"
    );
    assert_eq!(text_of(&page, "h1").as_deref(), Some("设置"));
    assert!(text_of(&page, "nav").unwrap().contains("访问密钥"));
    assert_eq!(html_lang(), "zh-CN");
    assert_eq!(
        local_storage().get_item("keyturn.lang").unwrap().as_deref(),
        Some("zh-CN")
    );

    click_button(&page, "保存设置").await;
    assert_eq!(
        text_of(&page, "[role=status]").as_deref(),
        Some("设置已保存。")
    );

    choose(&switcher, "en").await;
    assert_eq!(label_texts(&page)[0], "Proxy URL");
    assert_eq!(
        text_of(&page, "[role=status]").as_deref(),
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
    let page = Page::new().lang("zh-CN").at("/settings").mount_app().await;
    assert_eq!(label_texts(&page)[0], "代理 URL");
    assert_eq!(switcher(&page).value(), "zh-CN");
    assert_eq!(html_lang(), "zh-CN");
}
