//! Messages of the KMS page, in English and Simplified Chinese.

use std::borrow::Cow;

use keyturn_core::error::Error;
use keyturn_core::kms::{IntervalProblem, KmsKeyState, KmsSortKey, NotRotatable};

use super::keys::{en_error, zh_error};

/// One message of the KMS page.
#[derive(Clone, Debug, PartialEq)]
pub enum KmsText {
    /// Page title.
    Title,
    /// Shown when nobody is signed in.
    SignedOut,
    /// Label of the region choice.
    Region,
    /// The region has no KMS endpoint.
    NoEndpoint(String),
    /// Button: load the keys again.
    Refresh,
    /// Accessible name of the progress bar.
    LoadingLabel,
    /// Progress while the keys are listed.
    Listing,
    /// Progress: rotation statuses known, of all.
    Progress {
        /// Statuses known.
        done: usize,
        /// Statuses asked for.
        total: usize,
    },
    /// The keys could not be listed.
    ListFailed,
    /// Summary: keys.
    SummaryKeys,
    /// Summary: rotation on.
    SummaryOn,
    /// Summary: rotation off.
    SummaryOff,
    /// Summary: keys that cannot rotate.
    SummaryNotRotatable,
    /// Summary: statuses that could not be read.
    SummaryFailed,
    /// Filter: rotation.
    FilterRotation,
    /// Filter choice: any.
    FilterAll,
    /// Filter choice: rotation on.
    FilterOn,
    /// Filter choice: rotation off.
    FilterOff,
    /// Filter: state.
    FilterState,
    /// Filter: only keys that cannot rotate.
    FilterNotRotatable,
    /// Filter: search.
    FilterSearch,
    /// Rows shown of all.
    Shown {
        /// Rows shown.
        shown: usize,
        /// Keys in all.
        total: usize,
    },
    /// Accessible name of the table.
    TableLabel,
    /// A column header.
    Column(KmsSortKey),
    /// Column: whether rotation is possible.
    ColumnRotatable,
    /// Column: actions.
    ColumnActions,
    /// A key state, by name.
    State(KmsKeyState),
    /// Rotation on or off.
    RotationOn(bool),
    /// Why a key cannot rotate.
    NotRotatable(NotRotatable),
    /// The key can rotate.
    Rotatable,
    /// A status not known yet.
    Loading,
    /// The status could not be read.
    StatusFailed,
    /// Button: ask for one key's status again.
    Retry,
    /// Never rotated.
    NeverRotated,
    /// Button: enable rotation.
    Enable,
    /// Button: change the interval.
    ChangeInterval,
    /// Button: disable rotation.
    Disable,
    /// Accessible names of the row buttons, with the key's alias.
    EnableKey(String),
    /// See [`KmsText::EnableKey`].
    ChangeIntervalKey(String),
    /// See [`KmsText::EnableKey`].
    DisableKey(String),
    /// Dialog title: enable rotation of a key.
    EnableTitle(String),
    /// Dialog title: change a key's interval.
    IntervalTitle(String),
    /// Dialog title: disable a key's rotation.
    DisableTitle(String),
    /// Label of the interval field.
    IntervalLabel,
    /// Hint of the interval field.
    IntervalHint,
    /// Why an interval is refused.
    Interval(IntervalProblem),
    /// What disabling means.
    DisableIntro,
    /// Button: cancel.
    Cancel,
    /// Button label while a request is in flight.
    Working,
    /// Done: rotation enabled at an interval.
    Enabled {
        /// Alias.
        alias: String,
        /// Days.
        days: u32,
    },
    /// Done: interval changed.
    IntervalChanged {
        /// Alias.
        alias: String,
        /// Days.
        days: u32,
    },
    /// Done: rotation disabled.
    Disabled(String),
    /// A write failed; the table is as it was.
    WriteFailed(String),
    /// Button: export CSV.
    ExportCsv,
    /// Button: export JSON.
    ExportJson,
    /// A failed call, in full.
    Error(Error),
}

/// `text` in English.
pub fn en(text: &KmsText) -> Cow<'static, str> {
    use KmsText as T;
    match text {
        T::Title => "KMS keys".into(),
        T::SignedOut => "Sign in to see the KMS keys of a region and their rotation.".into(),
        T::Region => "Region".into(),
        T::NoEndpoint(region) => {
            format!("{region} has no KMS endpoint: set a KMS endpoint override in Settings.").into()
        }
        T::Refresh => "Refresh".into(),
        T::LoadingLabel => "Loading KMS keys".into(),
        T::Listing => "Listing keys…".into(),
        T::Progress { done, total } => format!("Rotation of {done} of {total} keys read").into(),
        T::ListFailed => "The keys of the region could not be listed.".into(),
        T::SummaryKeys => "Keys".into(),
        T::SummaryOn => "Rotation on".into(),
        T::SummaryOff => "Rotation off".into(),
        T::SummaryNotRotatable => "Cannot rotate".into(),
        T::SummaryFailed => "Status unread".into(),
        T::FilterRotation => "Rotation".into(),
        T::FilterAll => "All".into(),
        T::FilterOn => "On".into(),
        T::FilterOff => "Off".into(),
        T::FilterState => "State".into(),
        T::FilterNotRotatable => "Only keys that cannot rotate".into(),
        T::FilterSearch => "Search alias or key ID".into(),
        T::Shown { shown, total } => format!("{shown} of {total} keys shown").into(),
        T::TableLabel => "KMS keys".into(),
        T::Column(key) => en_column(*key).into(),
        T::ColumnRotatable => "Can rotate".into(),
        T::ColumnActions => "Actions".into(),
        T::State(state) => en_state(*state).into(),
        T::RotationOn(true) => "On".into(),
        T::RotationOn(false) => "Off".into(),
        T::NotRotatable(reason) => en_reason(*reason).into(),
        T::Rotatable => "Yes".into(),
        T::Loading => "…".into(),
        T::StatusFailed => "Status could not be read".into(),
        T::Retry => "Retry".into(),
        T::NeverRotated => "Never".into(),
        T::Enable => "Enable rotation".into(),
        T::ChangeInterval => "Change interval".into(),
        T::Disable => "Disable rotation".into(),
        T::EnableKey(alias) => format!("Enable rotation of {alias}").into(),
        T::ChangeIntervalKey(alias) => format!("Change the rotation interval of {alias}").into(),
        T::DisableKey(alias) => format!("Disable rotation of {alias}").into(),
        T::EnableTitle(alias) => format!("Enable rotation of {alias}").into(),
        T::IntervalTitle(alias) => format!("Rotation interval of {alias}").into(),
        T::DisableTitle(alias) => format!("Disable rotation of {alias}").into(),
        T::IntervalLabel => "Rotation interval (days)".into(),
        T::IntervalHint => "Whole days from 30 to 365.".into(),
        T::Interval(problem) => match problem {
            IntervalProblem::Empty => "Enter the number of days.",
            IntervalProblem::NotWholeDays => "Enter whole days in digits, e.g. 90.",
            IntervalProblem::BelowMinimum => "The interval is at least 30 days.",
            IntervalProblem::AboveMaximum => "The interval is at most 365 days.",
        }
        .into(),
        T::DisableIntro => "KMS stops rotating this key's material. Material already rotated \
             stays usable; you can enable rotation again later."
            .into(),
        T::Cancel => "Cancel".into(),
        T::Working => "Working…".into(),
        T::Enabled { alias, days } => {
            format!("Rotation of {alias} enabled, every {days} days.").into()
        }
        T::IntervalChanged { alias, days } => {
            format!("{alias} now rotates every {days} days.").into()
        }
        T::Disabled(alias) => format!("Rotation of {alias} disabled.").into(),
        T::WriteFailed(alias) => format!("The rotation of {alias} could not be changed.").into(),
        T::ExportCsv => "Export CSV".into(),
        T::ExportJson => "Export JSON".into(),
        T::Error(error) => en_error(error).into(),
    }
}

/// `text` in Simplified Chinese.
pub fn zh(text: &KmsText) -> Cow<'static, str> {
    use KmsText as T;
    match text {
        T::Title => "KMS 密钥".into(),
        T::SignedOut => "登录后即可查看区域内的 KMS 密钥及其轮换。".into(),
        T::Region => "区域".into(),
        T::NoEndpoint(region) => {
            format!("{region} 没有 KMS 终端节点：请在设置中填写 KMS 终端节点。").into()
        }
        T::Refresh => "刷新".into(),
        T::LoadingLabel => "正在加载 KMS 密钥".into(),
        T::Listing => "正在列出密钥…".into(),
        T::Progress { done, total } => format!("已读取 {done}/{total} 个密钥的轮换状态").into(),
        T::ListFailed => "无法列出该区域的密钥。".into(),
        T::SummaryKeys => "密钥".into(),
        T::SummaryOn => "已开启轮换".into(),
        T::SummaryOff => "未开启轮换".into(),
        T::SummaryNotRotatable => "不可轮换".into(),
        T::SummaryFailed => "状态未读取".into(),
        T::FilterRotation => "轮换".into(),
        T::FilterAll => "全部".into(),
        T::FilterOn => "已开启".into(),
        T::FilterOff => "未开启".into(),
        T::FilterState => "状态".into(),
        T::FilterNotRotatable => "仅显示不可轮换的密钥".into(),
        T::FilterSearch => "搜索别名或密钥 ID".into(),
        T::Shown { shown, total } => format!("显示 {shown}/{total} 个密钥").into(),
        T::TableLabel => "KMS 密钥".into(),
        T::Column(key) => zh_column(*key).into(),
        T::ColumnRotatable => "可否轮换".into(),
        T::ColumnActions => "操作".into(),
        T::State(state) => zh_state(*state).into(),
        T::RotationOn(true) => "已开启".into(),
        T::RotationOn(false) => "未开启".into(),
        T::NotRotatable(reason) => zh_reason(*reason).into(),
        T::Rotatable => "可以".into(),
        T::Loading => "…".into(),
        T::StatusFailed => "无法读取状态".into(),
        T::Retry => "重试".into(),
        T::NeverRotated => "从未轮换".into(),
        T::Enable => "开启轮换".into(),
        T::ChangeInterval => "修改轮换周期".into(),
        T::Disable => "关闭轮换".into(),
        T::EnableKey(alias) => format!("开启 {alias} 的轮换").into(),
        T::ChangeIntervalKey(alias) => format!("修改 {alias} 的轮换周期").into(),
        T::DisableKey(alias) => format!("关闭 {alias} 的轮换").into(),
        T::EnableTitle(alias) => format!("开启 {alias} 的轮换").into(),
        T::IntervalTitle(alias) => format!("{alias} 的轮换周期").into(),
        T::DisableTitle(alias) => format!("关闭 {alias} 的轮换").into(),
        T::IntervalLabel => "轮换周期（天）".into(),
        T::IntervalHint => "30 到 365 之间的整数天。".into(),
        T::Interval(problem) => match problem {
            IntervalProblem::Empty => "请输入天数。",
            IntervalProblem::NotWholeDays => "请输入整数天，例如 90。",
            IntervalProblem::BelowMinimum => "轮换周期至少为 30 天。",
            IntervalProblem::AboveMaximum => "轮换周期最多为 365 天。",
        }
        .into(),
        T::DisableIntro => {
            "KMS 将不再轮换该密钥的密钥材料。已轮换的材料仍可使用；之后可以重新开启轮换。".into()
        }
        T::Cancel => "取消".into(),
        T::Working => "处理中…".into(),
        T::Enabled { alias, days } => format!("已开启 {alias} 的轮换，每 {days} 天一次。").into(),
        T::IntervalChanged { alias, days } => format!("{alias} 现在每 {days} 天轮换一次。").into(),
        T::Disabled(alias) => format!("已关闭 {alias} 的轮换。").into(),
        T::WriteFailed(alias) => format!("无法修改 {alias} 的轮换。").into(),
        T::ExportCsv => "导出 CSV".into(),
        T::ExportJson => "导出 JSON".into(),
        T::Error(error) => zh_error(error).into(),
    }
}

fn en_column(key: KmsSortKey) -> &'static str {
    match key {
        KmsSortKey::Alias => "Alias",
        KmsSortKey::Id => "Key ID",
        KmsSortKey::Spec => "Spec",
        KmsSortKey::State => "State",
        KmsSortKey::Created => "Created",
        KmsSortKey::Rotation => "Rotation",
        KmsSortKey::Interval => "Interval (days)",
        KmsSortKey::LastRotation => "Last rotation",
        KmsSortKey::Rotations => "Rotations",
    }
}

fn zh_column(key: KmsSortKey) -> &'static str {
    match key {
        KmsSortKey::Alias => "别名",
        KmsSortKey::Id => "密钥 ID",
        KmsSortKey::Spec => "规格",
        KmsSortKey::State => "状态",
        KmsSortKey::Created => "创建时间",
        KmsSortKey::Rotation => "轮换",
        KmsSortKey::Interval => "周期（天）",
        KmsSortKey::LastRotation => "上次轮换",
        KmsSortKey::Rotations => "轮换次数",
    }
}

fn en_state(state: KmsKeyState) -> &'static str {
    match state {
        KmsKeyState::Enabled => "Enabled",
        KmsKeyState::Disabled => "Disabled",
        KmsKeyState::PendingActivation => "Pending activation",
        KmsKeyState::PendingImport => "Pending import",
        KmsKeyState::PendingDeletion => "Pending deletion",
        KmsKeyState::Unknown => "Unknown state",
    }
}

fn zh_state(state: KmsKeyState) -> &'static str {
    match state {
        KmsKeyState::Enabled => "启用",
        KmsKeyState::Disabled => "禁用",
        KmsKeyState::PendingActivation => "待激活",
        KmsKeyState::PendingImport => "等待导入",
        KmsKeyState::PendingDeletion => "计划删除",
        KmsKeyState::Unknown => "未知状态",
    }
}

fn en_reason(reason: NotRotatable) -> &'static str {
    match reason {
        NotRotatable::DefaultKey => "No: default master key",
        NotRotatable::External => "No: imported key material",
        NotRotatable::Asymmetric => "No: asymmetric key",
        NotRotatable::Disabled => "No: key disabled",
        NotRotatable::PendingDeletion => "No: pending deletion",
        NotRotatable::PendingImport => "No: pending import",
        NotRotatable::PendingActivation => "No: pending activation",
    }
}

fn zh_reason(reason: NotRotatable) -> &'static str {
    match reason {
        NotRotatable::DefaultKey => "否：默认主密钥",
        NotRotatable::External => "否：外部导入的密钥材料",
        NotRotatable::Asymmetric => "否：非对称密钥",
        NotRotatable::Disabled => "否：密钥已禁用",
        NotRotatable::PendingDeletion => "否：计划删除",
        NotRotatable::PendingImport => "否：等待导入",
        NotRotatable::PendingActivation => "否：待激活",
    }
}

impl From<KmsText> for super::Text {
    fn from(text: KmsText) -> Self {
        super::Text::Kms(text)
    }
}
