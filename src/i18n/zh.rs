//! 简体中文 messages.

use std::borrow::Cow;

use super::Text;
use keyturn_core::settings::{ConfigError, FieldError, SettingsField};

/// `text` in Simplified Chinese.
pub(super) fn text(text: &Text) -> Cow<'static, str> {
    match text {
        Text::SkipToContent => "跳到正文".into(),
        Text::Pages => "分页".into(),
        Text::RowsPerPage => "每页行数".into(),
        Text::FirstPage => "第一页".into(),
        Text::PreviousPage => "上一页".into(),
        Text::NextPage => "下一页".into(),
        Text::LastPage => "最后一页".into(),
        Text::PageStatus {
            from,
            to,
            total,
            page,
            pages,
        } => format!("第 {from}–{to} 行，共 {total} 行；第 {page} 页，共 {pages} 页").into(),
        Text::MainNavigation => "主导航".into(),
        Text::NavConnect => "连接".into(),
        Text::NavCredentials => "访问密钥".into(),
        Text::NavRotation => "轮换".into(),
        Text::NavKms => "KMS 密钥".into(),
        Text::NavSettings => "设置".into(),
        Text::Tagline => "华为云访问密钥与 KMS 密钥轮换".into(),
        Text::LoadingConfig => "正在加载配置…".into(),
        Text::ConnectPlaceholder => {
            "在此登录华为云账号：使用访问密钥（AK/SK，请求在本浏览器中签名）、\
             IAM 用户名和密码，或粘贴的令牌。密钥等机密信息只保存在内存中，刷新页面后需要重新输入。"
                .into()
        }
        Text::PanicTitle => "Keyturn 因意外错误而停止".into(),
        Text::PanicBody => {
            "此页面已无法继续使用。请重新加载页面以重新开始：机密信息只保存在此页面的内存中，\
             因此需要重新登录。云服务已确认的更改会保留，重新加载后请核对。"
                .into()
        }
        Text::PanicReload => "重新加载 Keyturn".into(),
        Text::PanicDetails => "技术细节".into(),
        Text::NotFoundTitle => "页面不存在".into(),
        Text::NotFoundBody => "此地址没有对应的页面。".into(),
        Text::BackToStart => "返回首页".into(),
        Text::ConfigErrorTitle => "配置无法使用".into(),
        Text::Config(error) => config_error(error),
        Text::ConfigErrorHelp => "请修正 Web 服务器上与 index.html 同目录的 config.json \
             后刷新页面，或在设置页为本浏览器保存设置。"
            .into(),
        Text::ConfigFailedUsingStored => {
            "config.json 无法使用，当前使用本浏览器中保存的设置。".into()
        }
        Text::OpenSettings => "打开设置".into(),
        Text::SettingsIntro => "以下设置不含机密信息，保存在本浏览器中，初始值来自站点的 \
             config.json。密码、私有访问密钥（SK）和令牌从不保存。"
            .into(),
        Text::SettingsUsingBuiltInDefaults => {
            "config.json 无法使用，因此下面的默认值是 Keyturn 内置的默认值。".into()
        }
        Text::SettingsStoredIgnored => "本浏览器中保存的设置无效，已被忽略。".into(),
        Text::FieldLabel(field) => field_label(*field).into(),
        Text::FieldHint(field) => field_hint(*field).into(),
        Text::Field(error) => field_error(error),
        Text::SettingsConnectionGroup => "连接".into(),
        Text::SettingsPolicyGroup => "轮换策略与性能".into(),
        Text::ResolvedEndpoints => "当前使用的终端节点".into(),
        Text::ResolvedIam(url) => format!("IAM：{url}").into(),
        Text::ResolvedKms(url) => format!("KMS：{url}").into(),
        Text::ResolvedKmsNone => "KMS：此区域没有 KMS 终端节点，请设置覆盖地址。".into(),
        Text::SaveSettings => "保存设置".into(),
        Text::ResetToDefaults => "恢复默认值".into(),
        Text::SettingsSaved => "设置已保存。".into(),
        Text::SettingsResetDone => "已恢复默认设置。".into(),
        Text::SettingsNotSaved => "设置未保存：请修正标出的字段。".into(),
        Text::StorageFailed(detail) => format!("本浏览器拒绝保存设置：{detail}").into(),
        Text::Connect(text) => super::connect::zh(text),
        Text::Keys(keys) => super::keys::zh(keys),
        Text::Kms(kms) => super::kms::zh(kms),
        Text::Rotation(text) => super::rotation::zh(text),
    }
}

fn field_label(field: SettingsField) -> &'static str {
    match field {
        SettingsField::ProxyUrl => "代理 URL",
        SettingsField::Region => "区域",
        SettingsField::IamEndpoint => "IAM 终端节点覆盖",
        SettingsField::KmsEndpoint => "KMS 终端节点覆盖",
        SettingsField::AccountName => "账号名",
        SettingsField::RotateAfterDays => "轮换周期（天）",
        SettingsField::WarnBeforeDays => "提前提醒（天）",
        SettingsField::NewKeyGraceDays => "新密钥宽限期（天）",
        SettingsField::UnusedAfterDays => "闲置判定（天）",
        SettingsField::Concurrency => "并发数",
        SettingsField::KmsRequestsPerSecond => "KMS 每秒请求数",
    }
}

fn field_hint(field: SettingsField) -> &'static str {
    match field {
        SettingsField::ProxyUrl => {
            "所有请求发往 {代理 URL}/{华为云 URL}，例如 http://127.0.0.1:8787。"
        }
        SettingsField::Region => "使用该区域的 IAM 和 KMS 终端节点。",
        SettingsField::IamEndpoint => "可选：替换该区域的 IAM 终端节点，例如本地模拟器。",
        SettingsField::KmsEndpoint => "可选：替换该区域的 KMS 终端节点，例如本地模拟器。",
        SettingsField::AccountName => "可选：密码登录时预填的账号名（租户名）。",
        SettingsField::RotateAfterDays => "访问密钥超过此天数即为逾期。",
        SettingsField::WarnBeforeDays => "在逾期前多少天将密钥标记为即将到期。",
        SettingsField::NewKeyGraceDays => "创建未满此天数的密钥不会被标记为从未使用或闲置。",
        SettingsField::UnusedAfterDays => "超过此天数未使用的密钥会被标记为闲置。",
        SettingsField::Concurrency => "同时进行的最大请求数。",
        SettingsField::KmsRequestsPerSecond => {
            "每秒调用 KMS 的次数，最多 20（KMS 允许的速率）。状态查询和批量修改会按此间隔发送，不超过该速率。"
        }
    }
}

fn field_error(error: &FieldError) -> Cow<'static, str> {
    match error {
        FieldError::Required => "请输入一个值。".into(),
        FieldError::UrlNotAbsolute => "请输入完整的 URL，例如 https://example.com。".into(),
        FieldError::UrlScheme => "URL 必须以 http:// 或 https:// 开头。".into(),
        FieldError::ProxyNotHttps => {
            "代理 URL 必须以 https:// 开头：密码、令牌和私有访问密钥都会经过代理。\
             只有本机上的代理（127.0.0.1 或 localhost）才可以使用 http://。"
                .into()
        }
        FieldError::UrlHasCredentials => "URL 中不能包含用户名或密码。".into(),
        FieldError::UrlHasQueryOrFragment => "URL 中不能包含 ? 或 #。".into(),
        FieldError::UnknownRegion => "请从列表中选择区域。".into(),
        FieldError::NotAWholeNumber => "请输入整数。".into(),
        FieldError::OutOfRange { min, max } => format!("请输入 {min} 到 {max} 之间的数字。").into(),
        FieldError::WarnNotBeforeRotate => "提醒天数必须小于轮换周期。".into(),
    }
}

fn config_error(error: &ConfigError) -> Cow<'static, str> {
    match error {
        ConfigError::Unreachable(detail) => format!("无法获取 config.json：{detail}").into(),
        ConfigError::NotFound => "Web 服务器上找不到 config.json。".into(),
        ConfigError::Status(status) => {
            format!("Web 服务器对 config.json 返回了 HTTP {status}。").into()
        }
        ConfigError::NotJson(detail) => {
            format!("config.json 不是有效的 JSON 对象：{detail}").into()
        }
        ConfigError::WrongField { field, detail } => {
            format!("config.json 的字段 \"{field}\"：{detail}").into()
        }
        ConfigError::InvalidField { field, error } => format!(
            "config.json 的字段 \"{}\"：{}",
            field.config_path(),
            field_error(error)
        )
        .into(),
    }
}
