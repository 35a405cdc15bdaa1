//! Messages of the KMS page, in English and Simplified Chinese.

use std::borrow::Cow;

use keyturn_core::error::Error;
use keyturn_core::kms::{
    IntervalProblem, KmsKeyState, KmsNotice, KmsSortKey, NotRotatable, SkipReason,
};

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
    /// Link to the sign-in page.
    ConnectLink,
    /// Button: hide a message.
    Dismiss,
    /// Button: list the keys again from the page that failed.
    RetryList,
    /// The region has no keys.
    NoKeys,
    /// No key matches the filters.
    NoMatchingKeys,
    /// Accessible name of the counts.
    SummaryHeading,
    /// Legend of the filters.
    FiltersHeading,
    /// Filter: interval above (days).
    FilterAbove,
    /// Filter: interval below (days).
    FilterBelow,
    /// Button: clear every filter.
    ClearFilters,
    /// Accessible name of the checkbox selecting every row shown, with their number.
    SelectAllShown(usize),
    /// Accessible name of a row's checkbox, with the alias.
    SelectKey(String),
    /// Column: usage.
    ColumnUsage,
    /// Column: origin of the key material.
    ColumnOrigin,
    /// Column: default master key.
    ColumnDefault,
    /// Whether a key is a default master key.
    DefaultKey(bool),
    /// Accessible name of a row's retry button, with the alias.
    RetryKey(String),
    /// Keys selected.
    Selected(usize),
    /// Button: open the bulk change.
    BulkOpen,
    /// Button: unselect every key.
    ClearSelection,
    /// Rotation was enabled (at 365 days), then the interval wanted was refused.
    EnabledIntervalFailed {
        /// Alias.
        alias: String,
        /// Days asked for.
        wanted: u32,
    },
    /// Enabling rotation failed; nothing changed.
    EnableFailed(String),
    /// Button: save the interval.
    SaveInterval,
    /// What enabling does.
    EnableIntro,
    /// The interval in force.
    CurrentInterval(u32),
    /// Title of the bulk dialog, with the keys selected.
    BulkTitle(usize),
    /// Legend: rotation.
    BulkRotation,
    /// Choice: leave rotation as it is.
    BulkKeep,
    /// Choice: turn rotation on.
    BulkOn,
    /// Choice: turn rotation off.
    BulkOff,
    /// Checkbox: also set the interval.
    BulkSetInterval,
    /// Neither rotation nor interval was chosen.
    BulkNothingChosen,
    /// Button: show the plan.
    BulkPreview,
    /// What the plan does.
    BulkPlanned {
        /// Keys that get writes.
        keys: usize,
        /// Writes in all.
        requests: usize,
        /// Keys left alone.
        skipped: usize,
    },
    /// Accessible name of the plan's table.
    BulkPlannedLabel,
    /// Column: rotation now.
    BulkCurrent,
    /// Column: rotation after.
    BulkNew,
    /// Column: requests.
    BulkWrites,
    /// Why a selected key is left alone.
    Skip(SkipReason),
    /// Heading of the keys left alone.
    BulkSkippedHeading(usize),
    /// Button: run the plan on its keys.
    BulkApply(usize),
    /// Button: back to choosing.
    BulkBack,
    /// Rotation on, at an interval.
    RotatingEvery(u32),
    /// Result: not started.
    ResultPending,
    /// Result: being sent.
    ResultRunning,
    /// Result: every write confirmed; the interval when rotation is on.
    ResultDone(Option<u32>),
    /// Accessible name of the run's progress bar.
    BulkProgressLabel,
    /// The run's progress.
    BulkProgress {
        /// Keys answered.
        done: usize,
        /// Keys in the run.
        total: usize,
        /// Keys failed.
        failed: usize,
    },
    /// Accessible name of the results table.
    BulkResultsLabel,
    /// Column: result.
    BulkResult,
    /// Button: run the failed keys again.
    RetryFailed(usize),
    /// Button: close.
    Close,
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
        T::ConnectLink => "Sign in".into(),
        T::Dismiss => "Dismiss".into(),
        T::RetryList => "Retry listing".into(),
        T::NoKeys => "This region has no KMS keys.".into(),
        T::NoMatchingKeys => "No key matches the filters.".into(),
        T::SummaryHeading => "Rotation at a glance".into(),
        T::FiltersHeading => "Filters".into(),
        T::FilterAbove => "Interval above (days)".into(),
        T::FilterBelow => "Interval below (days)".into(),
        T::ClearFilters => "Clear filters".into(),
        T::SelectAllShown(n) => format!("Select all {n} keys shown").into(),
        T::SelectKey(alias) => format!("Select {alias}").into(),
        T::ColumnUsage => "Usage".into(),
        T::ColumnOrigin => "Origin".into(),
        T::ColumnDefault => "Default key".into(),
        T::DefaultKey(true) => "Yes".into(),
        T::DefaultKey(false) => "No".into(),
        T::RetryKey(alias) => format!("Retry reading the rotation of {alias}").into(),
        T::Selected(1) => "1 key selected".into(),
        T::Selected(n) => format!("{n} keys selected").into(),
        T::BulkOpen => "Change rotation…".into(),
        T::ClearSelection => "Clear selection".into(),
        T::EnabledIntervalFailed { alias, wanted } => format!(
            "Rotation of {alias} was enabled (every 365 days), but setting {wanted} days failed: \
             change the interval again."
        )
        .into(),
        T::EnableFailed(alias) => {
            format!("Rotation of {alias} could not be enabled; nothing changed.").into()
        }
        T::SaveInterval => "Save interval".into(),
        T::EnableIntro => "KMS turns rotation on at 365 days; another interval is set right \
             after, and both answers are shown."
            .into(),
        T::CurrentInterval(days) => format!("It rotates every {days} days now.").into(),
        T::BulkTitle(1) => "Change the rotation of 1 key".into(),
        T::BulkTitle(n) => format!("Change the rotation of {n} keys").into(),
        T::BulkRotation => "Rotation".into(),
        T::BulkKeep => "Leave as it is".into(),
        T::BulkOn => "Turn on".into(),
        T::BulkOff => "Turn off".into(),
        T::BulkSetInterval => "Set the interval".into(),
        T::BulkNothingChosen => "Choose rotation on or off, or an interval.".into(),
        T::BulkPreview => "Preview".into(),
        T::BulkPlanned {
            keys,
            requests,
            skipped,
        } => {
            let keys = plural(*keys, "key changes", "keys change");
            let requests = plural(*requests, "request", "requests");
            let skipped = plural(*skipped, "is", "are");
            format!("{keys} ({requests}); {skipped} left alone.").into()
        }
        T::BulkPlannedLabel => "Keys that change".into(),
        T::BulkCurrent => "Now".into(),
        T::BulkNew => "After".into(),
        T::BulkWrites => "Requests".into(),
        T::Skip(reason) => en_skip(*reason).into(),
        T::BulkSkippedHeading(n) => format!("Left alone ({n})").into(),
        T::BulkApply(1) => "Apply to 1 key".into(),
        T::BulkApply(n) => format!("Apply to {n} keys").into(),
        T::BulkBack => "Back".into(),
        T::RotatingEvery(days) => format!("On, every {days} days").into(),
        T::ResultPending => "Waiting".into(),
        T::ResultRunning => "Sending…".into(),
        T::ResultDone(Some(days)) => format!("Done: on, every {days} days").into(),
        T::ResultDone(None) => "Done: off".into(),
        T::BulkProgressLabel => "Changing rotation".into(),
        T::BulkProgress {
            done,
            total,
            failed,
        } => format!("{done} of {total} keys answered, {failed} failed").into(),
        T::BulkResultsLabel => "Result per key".into(),
        T::BulkResult => "Result".into(),
        T::RetryFailed(n) => format!("Retry failed ({n})").into(),
        T::Close => "Close".into(),
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
        T::ConnectLink => "登录".into(),
        T::Dismiss => "关闭提示".into(),
        T::RetryList => "重新列出".into(),
        T::NoKeys => "该区域没有 KMS 密钥。".into(),
        T::NoMatchingKeys => "没有符合筛选条件的密钥。".into(),
        T::SummaryHeading => "轮换概览".into(),
        T::FiltersHeading => "筛选".into(),
        T::FilterAbove => "周期大于（天）".into(),
        T::FilterBelow => "周期小于（天）".into(),
        T::ClearFilters => "清除筛选".into(),
        T::SelectAllShown(n) => format!("选择显示的全部 {n} 个密钥").into(),
        T::SelectKey(alias) => format!("选择 {alias}").into(),
        T::ColumnUsage => "用途".into(),
        T::ColumnOrigin => "来源".into(),
        T::ColumnDefault => "默认主密钥".into(),
        T::DefaultKey(true) => "是".into(),
        T::DefaultKey(false) => "否".into(),
        T::RetryKey(alias) => format!("重新读取 {alias} 的轮换状态").into(),
        T::Selected(n) => format!("已选择 {n} 个密钥").into(),
        T::BulkOpen => "修改轮换…".into(),
        T::ClearSelection => "取消选择".into(),
        T::EnabledIntervalFailed { alias, wanted } => format!(
            "已开启 {alias} 的轮换（每 365 天），但设置为 {wanted} 天失败：请重新修改轮换周期。"
        )
        .into(),
        T::EnableFailed(alias) => format!("无法开启 {alias} 的轮换，未做任何修改。").into(),
        T::SaveInterval => "保存周期".into(),
        T::EnableIntro => {
            "KMS 开启轮换时周期为 365 天；如选择其他周期，会紧接着再设置一次，两次结果都会显示。"
                .into()
        }
        T::CurrentInterval(days) => format!("当前每 {days} 天轮换一次。").into(),
        T::BulkTitle(n) => format!("修改 {n} 个密钥的轮换").into(),
        T::BulkRotation => "轮换".into(),
        T::BulkKeep => "保持不变".into(),
        T::BulkOn => "开启".into(),
        T::BulkOff => "关闭".into(),
        T::BulkSetInterval => "设置轮换周期".into(),
        T::BulkNothingChosen => "请选择开启或关闭轮换，或设置周期。".into(),
        T::BulkPreview => "预览".into(),
        T::BulkPlanned {
            keys,
            requests,
            skipped,
        } => format!("{keys} 个密钥将被修改（{requests} 个请求）；{skipped} 个保持不变。").into(),
        T::BulkPlannedLabel => "将被修改的密钥".into(),
        T::BulkCurrent => "当前".into(),
        T::BulkNew => "修改后".into(),
        T::BulkWrites => "请求数".into(),
        T::Skip(reason) => zh_skip(*reason).into(),
        T::BulkSkippedHeading(n) => format!("保持不变（{n}）").into(),
        T::BulkApply(n) => format!("应用到 {n} 个密钥").into(),
        T::BulkBack => "返回".into(),
        T::RotatingEvery(days) => format!("已开启，每 {days} 天").into(),
        T::ResultPending => "等待中".into(),
        T::ResultRunning => "发送中…".into(),
        T::ResultDone(Some(days)) => format!("完成：已开启，每 {days} 天").into(),
        T::ResultDone(None) => "完成：已关闭".into(),
        T::BulkProgressLabel => "正在修改轮换".into(),
        T::BulkProgress {
            done,
            total,
            failed,
        } => format!("已完成 {done}/{total} 个密钥，失败 {failed} 个").into(),
        T::BulkResultsLabel => "每个密钥的结果".into(),
        T::BulkResult => "结果".into(),
        T::RetryFailed(n) => format!("重试失败项（{n}）").into(),
        T::Close => "关闭".into(),
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

/// `count` and the singular or plural words after it.
fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn en_skip(reason: SkipReason) -> String {
    match reason {
        SkipReason::NotRotatable(why) => format!("cannot rotate ({})", en_reason(why)),
        SkipReason::StatusUnknown => "its rotation status is not known".into(),
        SkipReason::NothingToChange => "already as asked".into(),
        SkipReason::RotationOff => "rotation is off, and turning it on was not asked".into(),
    }
}

fn zh_skip(reason: SkipReason) -> String {
    match reason {
        SkipReason::NotRotatable(why) => format!("不可轮换（{}）", zh_reason(why)),
        SkipReason::StatusUnknown => "轮换状态未知".into(),
        SkipReason::NothingToChange => "已符合要求".into(),
        SkipReason::RotationOff => "轮换未开启，且未要求开启".into(),
    }
}

impl From<&KmsNotice> for KmsText {
    fn from(notice: &KmsNotice) -> Self {
        match notice {
            KmsNotice::Enabled { alias, days } => KmsText::Enabled {
                alias: alias.clone(),
                days: *days,
            },
            KmsNotice::EnabledIntervalFailed { alias, wanted, .. } => {
                KmsText::EnabledIntervalFailed {
                    alias: alias.clone(),
                    wanted: wanted.days(),
                }
            }
            KmsNotice::IntervalChanged { alias, days } => KmsText::IntervalChanged {
                alias: alias.clone(),
                days: *days,
            },
            KmsNotice::Disabled { alias } => KmsText::Disabled(alias.clone()),
        }
    }
}

impl From<KmsText> for super::Text {
    fn from(text: KmsText) -> Self {
        super::Text::Kms(text)
    }
}
