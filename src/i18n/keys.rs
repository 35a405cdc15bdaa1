//! Messages of the access key page, in English and Simplified Chinese.

use std::borrow::Cow;

use chrono::{DateTime, SecondsFormat, Utc};

use keyturn_core::error::{ApiError, Error};
use keyturn_core::inventory::SortKey;
use keyturn_core::policy::{Badge, Usage};
use keyturn_core::types::credential::KeyStatus;

use keyturn_core::keys::{DeleteRisk, KeyNotice, RECENT_USE_DAYS, UnclearWrite};

/// One message of the access key page.
#[derive(Clone, Debug, PartialEq)]
pub enum KeysText {
    /// Page title.
    Title,
    /// Shown instead of the table when nobody is signed in.
    SignedOut,
    /// Link to the sign-in page.
    ConnectLink,
    /// Accessible name of the loading progress bar.
    LoadingLabel,
    /// Progress while the user list is awaited.
    ListingUsers,
    /// Progress: users whose keys arrived, of all users.
    Progress {
        /// Users done.
        done: usize,
        /// Users listed.
        total: usize,
    },
    /// Notice when the user list was refused and only one's own keys are shown.
    OwnKeysOnly,
    /// The user list could not be read.
    ListFailed,
    /// Button: load everything again.
    Refresh,
    /// Heading of the summary counts.
    SummaryHeading,
    /// Summary: keys.
    SummaryKeys,
    /// Summary: active keys.
    SummaryActive,
    /// Summary: inactive keys.
    SummaryInactive,
    /// Summary: keys with the OK badge.
    SummaryOk,
    /// Summary: keys due soon.
    SummaryDueSoon,
    /// Summary: overdue keys.
    SummaryOverdue,
    /// Summary: keys never used.
    SummaryNeverUsed,
    /// Summary: users without keys.
    SummaryUsersWithoutKeys,
    /// Accessible name of the age histogram.
    HistogramLabel,
    /// Caption of the age histogram.
    HistogramCaption,
    /// One bar of the age histogram, for screen readers and tooltips.
    HistogramBar {
        /// Bucket label, e.g. `30–60`.
        label: &'static str,
        /// Keys in it.
        count: usize,
    },
    /// Heading of the filters.
    FiltersHeading,
    /// Filter label: status.
    FilterStatus,
    /// Filter label: rotation badge.
    FilterPolicy,
    /// Filter option: no condition.
    FilterAll,
    /// Filter label: only keys never used.
    FilterNeverUsed,
    /// Filter label: idle for at least this many days.
    FilterUnusedDays,
    /// Filter label: search.
    FilterSearch,
    /// Button: remove every filter.
    ClearFilters,
    /// How many keys the filters let through.
    Shown {
        /// Keys shown.
        shown: usize,
        /// Keys known.
        total: usize,
    },
    /// Button: download the shown rows as CSV.
    ExportCsv,
    /// Button: download the shown rows as JSON.
    ExportJson,
    /// Accessible name of the table.
    TableLabel,
    /// Column header.
    Column(SortKey),
    /// Column header of the row actions.
    ColumnActions,
    /// A key's status.
    Status(KeyStatus),
    /// A rotation badge.
    Badge(Badge),
    /// A note on a key's use next to its badge; `None` when it needs no note.
    UsageNote(Usage),
    /// Last-used cell of a key never used.
    NeverUsed,
    /// Marker of a user holding two keys.
    NoFreeSlot,
    /// Marker of a disabled user.
    UserDisabled,
    /// Row of a user without keys.
    NoKeys,
    /// The filters hide every row.
    NoMatchingKeys,
    /// Button: copy a value.
    Copy,
    /// Accessible name of the copy button of a key.
    CopyKey(String),
    /// Link: rotate the key (its AK follows, visually hidden).
    Rotate,
    /// Link: plan the rotation of the overdue keys shown.
    PlanOverdue(usize),
    /// Link: plan the rotation of the selected keys.
    PlanSelected(usize),
    /// Button: unselect every key.
    ClearSelection,
    /// Accessible name of a row's checkbox, with the AK.
    SelectKey(String),
    /// Accessible name of the checkbox selecting every key shown.
    SelectAllShown(usize),
    /// The value was copied.
    Copied,
    /// A secret was copied; the clipboard is emptied a minute later.
    CopiedClearedSoon,
    /// The browser refused to copy.
    CopyFailed,
    /// Button: disable a key.
    Disable,
    /// Button: enable a key.
    Enable,
    /// Button: edit a key's description.
    EditDescription,
    /// Button: delete a key.
    Delete,
    /// Accessible name: disable this key.
    DisableKey(String),
    /// Accessible name: enable this key.
    EnableKey(String),
    /// Accessible name: edit this key's description.
    EditKey(String),
    /// Accessible name: delete this key.
    DeleteKey(String),
    /// Button text: create a key (its accessible name is [`KeysText::CreateFor`]).
    CreateKey,
    /// Accessible name of the create button of this user.
    CreateFor(String),
    /// Why this user cannot get another key.
    TwoKeys(String),
    /// Link to the rotation page.
    RotationWizard,
    /// Button: load a failed user's keys again.
    Retry,
    /// Accessible name of the retry button of this user.
    RetryUser(String),
    /// Accessible name of the user-name button that shows only that user's keys.
    ShowOnlyUser(String),
    /// Above the table while one user is selected.
    ShowingOnlyUser(String),
    /// Button that lifts the user selection.
    ShowAllUsers,
    /// This user's keys could not be loaded.
    UserFailed(String),
    /// Heading of the create dialog.
    CreateTitle,
    /// What the create dialog does, for this user.
    CreateIntro(String),
    /// Label of a description input.
    Description,
    /// Help under a description input.
    DescriptionHint,
    /// Button: create the key.
    CreateSubmit,
    /// Button: close a dialog without acting.
    Cancel,
    /// Shown on a button while its request runs.
    Working,
    /// Heading of the secret dialog.
    SecretTitle,
    /// The secret is shown this once.
    SecretWarning,
    /// Label: access key id.
    AccessKeyId,
    /// Label: secret access key.
    SecretAccessKey,
    /// Button: download credentials.csv.
    DownloadCsv,
    /// Checkbox that unlocks closing the secret dialog.
    SavedConfirm,
    /// Button: close the secret dialog.
    Close,
    /// Heading of the delete dialog.
    DeleteTitle,
    /// What deleting this key of this user means.
    DeleteIntro {
        /// Access key id.
        access: String,
        /// Owner's name.
        user: String,
    },
    /// Label of the confirmation input.
    DeleteConfirmLabel {
        /// How many trailing characters confirm.
        suffix_chars: usize,
    },
    /// Heading of the stronger warning.
    DeleteWarningTitle,
    /// One reason for the stronger warning.
    DeleteRisk(DeleteRisk),
    /// What to do instead of deleting a key in use.
    DeleteAdvice,
    /// Heading of the description dialog.
    EditTitle,
    /// Which key the description dialog edits.
    EditIntro(String),
    /// Button: save the description.
    Save,
    /// Outcome: the key was disabled.
    Disabled(String),
    /// Outcome: the key was enabled.
    Enabled(String),
    /// Outcome: the description was saved.
    DescriptionSaved(String),
    /// Outcome: the key was deleted.
    Deleted(String),
    /// Outcome: a key was created for a user.
    Created {
        /// Access key id.
        access: String,
        /// Owner's name.
        user: String,
    },
    /// Failure: a key could not be disabled.
    DisableFailed(String),
    /// Failure: a key could not be enabled.
    EnableFailed(String),
    /// Failure: the key could not be created.
    CreateFailed,
    /// Failure: the description could not be saved.
    SaveFailed,
    /// Failure: the key could not be deleted.
    DeleteFailed,
    /// Unclear: creating a key for this user got no clear answer; their keys are read again.
    UnclearCreate(String),
    /// Unclear: deleting this key got no clear answer; its owner's keys are read again.
    UnclearDelete(String),
    /// What went wrong: the service's code, message and request id.
    Error(Error),
    /// Button: hide a message.
    Dismiss,
}

/// `text` in English.
pub fn en(text: &KeysText) -> Cow<'static, str> {
    use KeysText as T;
    match text {
        T::Title => "Access keys".into(),
        T::SignedOut => "Sign in to see and manage the access keys of your account.".into(),
        T::ConnectLink => "Connect".into(),
        T::LoadingLabel => "Loading access keys".into(),
        T::ListingUsers => "Listing users…".into(),
        T::Progress { done, total } => format!(
            "Keys of {done} of {} loaded",
            count(*total as u64, "user", "users")
        )
        .into(),
        T::OwnKeysOnly => "You may not list the users of this account (not an administrator), \
             so only your own access keys are shown."
            .into(),
        T::ListFailed => "The users of the account could not be listed.".into(),
        T::Refresh => "Refresh".into(),
        T::SummaryHeading => "Summary".into(),
        T::SummaryKeys => "Access keys".into(),
        T::SummaryActive => "Active".into(),
        T::SummaryInactive => "Inactive".into(),
        T::SummaryOk => "OK".into(),
        T::SummaryDueSoon => "Due soon".into(),
        T::SummaryOverdue => "Overdue".into(),
        T::SummaryNeverUsed => "Never used".into(),
        T::SummaryUsersWithoutKeys => "Users without keys".into(),
        T::HistogramLabel => "Key ages".into(),
        T::HistogramCaption => "Ages of the keys shown, in days".into(),
        T::HistogramBar { label, count } => format!("{label} days: {count}").into(),
        T::FiltersHeading => "Filters".into(),
        T::FilterStatus => "Status".into(),
        T::FilterPolicy => "Policy".into(),
        T::FilterAll => "All".into(),
        T::FilterNeverUsed => "Never used only".into(),
        T::FilterUnusedDays => "Unused for more than (days)".into(),
        T::FilterSearch => "Search user or AK".into(),
        T::ClearFilters => "Clear filters".into(),
        T::Shown { shown, total } => format!(
            "{shown} of {} shown",
            count(*total as u64, "access key", "access keys")
        )
        .into(),
        T::ExportCsv => "Export CSV".into(),
        T::ExportJson => "Export JSON".into(),
        T::TableLabel => "Access keys".into(),
        T::Column(key) => en_column(*key).into(),
        T::ColumnActions => "Actions".into(),
        T::Status(KeyStatus::Active) => "Active".into(),
        T::Status(KeyStatus::Inactive) => "Inactive".into(),
        T::Badge(Badge::Ok) => "OK".into(),
        T::Badge(Badge::DueSoon) => "Due soon".into(),
        T::Badge(Badge::Overdue) => "Overdue".into(),
        T::UsageNote(usage) => match usage {
            Usage::Recent { .. } => "".into(),
            Usage::NotYetUsed => "New, not used yet".into(),
            Usage::NeverUsed => "Never used".into(),
            Usage::Unused { days } => format!("Unused {}", count(*days, "day", "days")).into(),
        },
        T::NeverUsed => "Never used".into(),
        T::NoFreeSlot => "No free slot".into(),
        T::UserDisabled => "User disabled".into(),
        T::NoKeys => "No access keys".into(),
        T::NoMatchingKeys => "No access key matches the filters.".into(),
        T::Copy => "Copy".into(),
        T::CopyKey(access) => format!("Copy {access}").into(),
        T::Rotate => "Rotate…".into(),
        T::PlanOverdue(1) => "Plan the rotation of 1 overdue key".into(),
        T::PlanOverdue(n) => format!("Plan the rotation of {n} overdue keys").into(),
        T::PlanSelected(1) => "Plan the rotation of 1 selected key".into(),
        T::PlanSelected(n) => format!("Plan the rotation of {n} selected keys").into(),
        T::ClearSelection => "Clear selection".into(),
        T::SelectKey(access) => format!("Select {access}").into(),
        T::SelectAllShown(1) => "Select the 1 key shown".into(),
        T::SelectAllShown(n) => format!("Select all {n} keys shown").into(),
        T::Copied => "Copied".into(),
        T::CopiedClearedSoon => {
            "Copied. Keyturn empties the clipboard in a minute if this page still has the focus."
                .into()
        }
        T::CopyFailed => "This browser refused to copy; select the text instead.".into(),
        T::Disable => "Disable".into(),
        T::Enable => "Enable".into(),
        T::EditDescription => "Edit description".into(),
        T::Delete => "Delete".into(),
        T::DisableKey(access) => format!("Disable {access}").into(),
        T::EnableKey(access) => format!("Enable {access}").into(),
        T::EditKey(access) => format!("Edit description {access}").into(),
        T::DeleteKey(access) => format!("Delete {access}").into(),
        T::CreateKey => "Create key".into(),
        T::CreateFor(user) => format!("Create key for {user}").into(),
        T::TwoKeys(user) => {
            format!("{user} already has two access keys: rotate one instead").into()
        }
        T::RotationWizard => "Rotation wizard".into(),
        T::Retry => "Retry".into(),
        T::RetryUser(user) => format!("Retry {user}").into(),
        T::ShowOnlyUser(user) => format!("Show only {user}").into(),
        T::ShowingOnlyUser(user) => format!("Showing only the keys of {user}.").into(),
        T::ShowAllUsers => "Show all users".into(),
        T::UserFailed(user) => format!("The keys of {user} could not be loaded.").into(),
        T::CreateTitle => "Create access key".into(),
        T::CreateIntro(user) => format!(
            "A new active access key for {user}. Its secret access key is shown once, right \
             after creation."
        )
        .into(),
        T::Description => "Description".into(),
        T::DescriptionHint => "Optional: what or who uses the key.".into(),
        T::CreateSubmit => "Create access key".into(),
        T::Cancel => "Cancel".into(),
        T::Working => "Working…".into(),
        T::SecretTitle => "Save the new access key".into(),
        T::SecretWarning => "The secret access key is shown only now: it cannot be shown again. \
             Download or copy it and keep it somewhere safe before closing."
            .into(),
        T::AccessKeyId => "Access key ID".into(),
        T::SecretAccessKey => "Secret access key".into(),
        T::DownloadCsv => "Download CSV".into(),
        T::SavedConfirm => "I have saved the secret access key".into(),
        T::Close => "Close".into(),
        T::DeleteTitle => "Delete access key".into(),
        T::DeleteIntro { access, user } => format!(
            "Deleting {access} of {user} cannot be undone: anything that still signs with it \
             stops working."
        )
        .into(),
        T::DeleteConfirmLabel { suffix_chars } => {
            format!("Type the access key ID or its last {suffix_chars} characters to confirm")
                .into()
        }
        T::DeleteWarningTitle => "This key may still be in use:".into(),
        T::DeleteRisk(risk) => match risk {
            DeleteRisk::Active => "it is active;".into(),
            DeleteRisk::RecentlyUsed { last_used } => format!(
                "it was used in the last {RECENT_USE_DAYS} days ({});",
                utc_iso(*last_used)
            )
            .into(),
            DeleteRisk::OnlyActiveKey { user } => {
                format!("it is the only active access key of {user}.").into()
            }
        },
        T::DeleteAdvice => {
            "Safer: disable it first, watch for failures, and delete it later.".into()
        }
        T::EditTitle => "Edit description".into(),
        T::EditIntro(access) => format!("Access key {access}").into(),
        T::Save => "Save".into(),
        T::Disabled(access) => format!("{access} disabled.").into(),
        T::Enabled(access) => format!("{access} enabled.").into(),
        T::DescriptionSaved(access) => format!("Description of {access} saved.").into(),
        T::Deleted(access) => format!("{access} deleted.").into(),
        T::Created { access, user } => format!("{access} created for {user}.").into(),
        T::DisableFailed(access) => format!("{access} could not be disabled.").into(),
        T::EnableFailed(access) => format!("{access} could not be enabled.").into(),
        T::CreateFailed => "The access key could not be created.".into(),
        T::SaveFailed => "The description could not be saved.".into(),
        T::DeleteFailed => "The access key could not be deleted.".into(),
        T::UnclearCreate(user) => format!(
            "No clear answer came to creating a key for {user}: IAM may have created it. Their keys are read again, so the table shows what IAM holds. If a new key appears there, its secret key was never shown: delete it and create another."
        )
        .into(),
        T::UnclearDelete(access) => format!(
            "No clear answer came to deleting {access}: IAM may have deleted it. Its user's keys are read again, so the table shows what IAM holds."
        )
        .into(),
        T::Error(error) => en_error(error).into(),
        T::Dismiss => "Dismiss".into(),
    }
}

/// `text` in Simplified Chinese.
pub fn zh(text: &KeysText) -> Cow<'static, str> {
    use KeysText as T;
    match text {
        T::Title => "访问密钥".into(),
        T::SignedOut => "登录后即可查看和管理账号下的访问密钥。".into(),
        T::ConnectLink => "连接".into(),
        T::LoadingLabel => "正在加载访问密钥".into(),
        T::ListingUsers => "正在列出用户…".into(),
        T::Progress { done, total } => {
            format!("已加载 {total} 个用户中 {done} 个用户的密钥").into()
        }
        T::OwnKeysOnly => {
            "您无权列出本账号的用户（不是管理员），因此只显示您自己的访问密钥。".into()
        }
        T::ListFailed => "无法列出账号下的用户。".into(),
        T::Refresh => "刷新".into(),
        T::SummaryHeading => "概览".into(),
        T::SummaryKeys => "访问密钥".into(),
        T::SummaryActive => "已启用".into(),
        T::SummaryInactive => "已停用".into(),
        T::SummaryOk => "正常".into(),
        T::SummaryDueSoon => "即将到期".into(),
        T::SummaryOverdue => "已超期".into(),
        T::SummaryNeverUsed => "从未使用".into(),
        T::SummaryUsersWithoutKeys => "无密钥的用户".into(),
        T::HistogramLabel => "密钥年龄".into(),
        T::HistogramCaption => "所显示密钥的年龄（天）".into(),
        T::HistogramBar { label, count } => format!("{label} 天：{count}").into(),
        T::FiltersHeading => "筛选".into(),
        T::FilterStatus => "状态".into(),
        T::FilterPolicy => "轮换策略".into(),
        T::FilterAll => "全部".into(),
        T::FilterNeverUsed => "仅显示从未使用的".into(),
        T::FilterUnusedDays => "未使用超过（天）".into(),
        T::FilterSearch => "搜索用户或 AK".into(),
        T::ClearFilters => "清除筛选".into(),
        T::Shown { shown, total } => format!("显示 {total} 个访问密钥中的 {shown} 个").into(),
        T::ExportCsv => "导出 CSV".into(),
        T::ExportJson => "导出 JSON".into(),
        T::TableLabel => "访问密钥".into(),
        T::Column(key) => zh_column(*key).into(),
        T::ColumnActions => "操作".into(),
        T::Status(KeyStatus::Active) => "已启用".into(),
        T::Status(KeyStatus::Inactive) => "已停用".into(),
        T::Badge(Badge::Ok) => "正常".into(),
        T::Badge(Badge::DueSoon) => "即将到期".into(),
        T::Badge(Badge::Overdue) => "已超期".into(),
        T::UsageNote(usage) => match usage {
            Usage::Recent { .. } => "".into(),
            Usage::NotYetUsed => "新密钥，尚未使用".into(),
            Usage::NeverUsed => "从未使用".into(),
            Usage::Unused { days } => format!("{days} 天未使用").into(),
        },
        T::NeverUsed => "从未使用".into(),
        T::NoFreeSlot => "无空余名额".into(),
        T::UserDisabled => "用户已禁用".into(),
        T::NoKeys => "没有访问密钥".into(),
        T::NoMatchingKeys => "没有符合筛选条件的访问密钥。".into(),
        T::Copy => "复制".into(),
        T::CopyKey(access) => format!("复制 {access}").into(),
        T::Rotate => "轮换…".into(),
        T::PlanOverdue(n) => format!("为 {n} 个已过期的密钥制定轮换计划").into(),
        T::PlanSelected(n) => format!("为选中的 {n} 个密钥制定轮换计划").into(),
        T::ClearSelection => "取消选择".into(),
        T::SelectKey(access) => format!("选择 {access}").into(),
        T::SelectAllShown(n) => format!("选择显示的全部 {n} 个密钥").into(),
        T::Copied => "已复制".into(),
        T::CopiedClearedSoon => {
            "已复制。如果此页面仍处于焦点，Keyturn 将在一分钟后清空剪贴板。".into()
        }
        T::CopyFailed => "浏览器拒绝复制，请手动选中文本。".into(),
        T::Disable => "停用".into(),
        T::Enable => "启用".into(),
        T::EditDescription => "编辑描述".into(),
        T::Delete => "删除".into(),
        T::DisableKey(access) => format!("停用 {access}").into(),
        T::EnableKey(access) => format!("启用 {access}").into(),
        T::EditKey(access) => format!("编辑描述 {access}").into(),
        T::DeleteKey(access) => format!("删除 {access}").into(),
        T::CreateKey => "创建密钥".into(),
        T::CreateFor(user) => format!("为 {user} 创建密钥").into(),
        T::TwoKeys(user) => format!("{user} 已有两个访问密钥：请改为轮换其中一个").into(),
        T::RotationWizard => "轮换向导".into(),
        T::Retry => "重试".into(),
        T::RetryUser(user) => format!("重试 {user}").into(),
        T::ShowOnlyUser(user) => format!("仅显示 {user}").into(),
        T::ShowingOnlyUser(user) => format!("仅显示 {user} 的访问密钥。").into(),
        T::ShowAllUsers => "显示所有用户".into(),
        T::UserFailed(user) => format!("无法加载 {user} 的密钥。").into(),
        T::CreateTitle => "创建访问密钥".into(),
        T::CreateIntro(user) => {
            format!("为 {user} 创建一个新的已启用访问密钥。其秘密访问密钥只在创建后显示一次。")
                .into()
        }
        T::Description => "描述".into(),
        T::DescriptionHint => "可选：说明由什么或由谁使用此密钥。".into(),
        T::CreateSubmit => "创建访问密钥".into(),
        T::Cancel => "取消".into(),
        T::Working => "处理中…".into(),
        T::SecretTitle => "保存新的访问密钥".into(),
        T::SecretWarning => "秘密访问密钥只在此时显示，之后无法再次查看。\
             请在关闭前下载或复制，并妥善保存。"
            .into(),
        T::AccessKeyId => "访问密钥 ID".into(),
        T::SecretAccessKey => "秘密访问密钥".into(),
        T::DownloadCsv => "下载 CSV".into(),
        T::SavedConfirm => "我已保存秘密访问密钥".into(),
        T::Close => "关闭".into(),
        T::DeleteTitle => "删除访问密钥".into(),
        T::DeleteIntro { access, user } => {
            format!("删除 {user} 的 {access} 后无法恢复：仍在使用它签名的程序将无法工作。").into()
        }
        T::DeleteConfirmLabel { suffix_chars } => {
            format!("输入访问密钥 ID 或其最后 {suffix_chars} 个字符以确认").into()
        }
        T::DeleteWarningTitle => "此密钥可能仍在使用：".into(),
        T::DeleteRisk(risk) => match risk {
            DeleteRisk::Active => "它处于启用状态；".into(),
            DeleteRisk::RecentlyUsed { last_used } => format!(
                "它在最近 {RECENT_USE_DAYS} 天内被使用过（{}）；",
                utc_iso(*last_used)
            )
            .into(),
            DeleteRisk::OnlyActiveKey { user } => {
                format!("它是 {user} 唯一已启用的访问密钥。").into()
            }
        },
        T::DeleteAdvice => "更安全的做法：先停用，观察是否有程序出错，稍后再删除。".into(),
        T::EditTitle => "编辑描述".into(),
        T::EditIntro(access) => format!("访问密钥 {access}").into(),
        T::Save => "保存".into(),
        T::Disabled(access) => format!("已停用 {access}。").into(),
        T::Enabled(access) => format!("已启用 {access}。").into(),
        T::DescriptionSaved(access) => format!("已保存 {access} 的描述。").into(),
        T::Deleted(access) => format!("已删除 {access}。").into(),
        T::Created { access, user } => format!("已为 {user} 创建 {access}。").into(),
        T::DisableFailed(access) => format!("无法停用 {access}。").into(),
        T::EnableFailed(access) => format!("无法启用 {access}。").into(),
        T::CreateFailed => "无法创建访问密钥。".into(),
        T::SaveFailed => "无法保存描述。".into(),
        T::DeleteFailed => "无法删除访问密钥。".into(),
        T::UnclearCreate(user) => format!(
            "为 {user} 创建密钥未得到明确应答：IAM 可能已经创建了它。正在重新读取其密钥，表格将显示 IAM 中的实际情况。若表格中出现新密钥，其秘密访问密钥从未显示：请删除它并重新创建。"
        )
        .into(),
        T::UnclearDelete(access) => format!(
            "删除 {access} 未得到明确应答：IAM 可能已经删除了它。正在重新读取其所属用户的密钥，表格将显示 IAM 中的实际情况。"
        )
        .into(),
        T::Error(error) => zh_error(error).into(),
        T::Dismiss => "关闭提示".into(),
    }
}

/// A time as the page shows it, in every language: UTC, ISO 8601, whole seconds
/// (`2025-03-01T12:00:00Z`).
pub fn utc_iso(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn en_column(key: SortKey) -> &'static str {
    match key {
        SortKey::User => "User",
        SortKey::AccessKey => "Access key",
        SortKey::Status => "Status",
        SortKey::Created => "Created",
        SortKey::Age => "Age (days)",
        SortKey::LastUsed => "Last used",
        SortKey::Description => "Description",
        SortKey::Badge => "Policy",
    }
}

fn zh_column(key: SortKey) -> &'static str {
    match key {
        SortKey::User => "用户",
        SortKey::AccessKey => "访问密钥",
        SortKey::Status => "状态",
        SortKey::Created => "创建时间",
        SortKey::Age => "年龄（天）",
        SortKey::LastUsed => "最近使用",
        SortKey::Description => "描述",
        SortKey::Badge => "轮换策略",
    }
}

/// `n` followed by the English noun for `n`: "1 access key", "2 access keys".
fn count<N: Into<i128> + Copy + std::fmt::Display>(n: N, one: &str, many: &str) -> String {
    format!("{n} {}", if n.into() == 1 { one } else { many })
}

pub(super) fn en_error(error: &Error) -> String {
    match error {
        Error::Api(api) => format!(
            "{}: {} (HTTP {}, request id {})",
            api.code,
            api.message,
            api.status,
            request_id(api, "none")
        ),
        Error::Network(detail) => format!("No answer through the proxy: {detail}"),
        Error::Cancelled => "The request was cancelled.".to_owned(),
        Error::NoProjectToken(region) => format!(
            "This session has no token for the project of {region}, and IAM would not scope its \
             token to it: sign in again, or with an access key."
        ),
        Error::NoProject(region) => format!("IAM names no single project for region {region}."),
        Error::Decode(detail) => format!("The answer could not be read: {detail}"),
        Error::Invalid(invalid) => format!("Refused before sending: {invalid}"),
        Error::Sign(sign) => format!("The request could not be signed: {sign}"),
    }
}

pub(super) fn zh_error(error: &Error) -> String {
    match error {
        Error::Api(api) => format!(
            "{}：{}（HTTP {}，请求 ID {}）",
            api.code,
            api.message,
            api.status,
            request_id(api, "无")
        ),
        Error::Network(detail) => format!("经代理未收到应答：{detail}"),
        Error::Cancelled => "请求已取消。".to_owned(),
        Error::NoProjectToken(region) => format!(
            "本会话没有 {region} 项目的令牌，IAM 也未能将其令牌限定到该项目：请重新登录，或使用访问密钥登录。"
        ),
        Error::NoProject(region) => format!("IAM 未给出区域 {region} 的唯一项目。"),
        Error::Decode(detail) => format!("无法读取应答：{detail}"),
        Error::Invalid(invalid) => format!("发送前被拒绝：{invalid}"),
        Error::Sign(sign) => format!("无法签名请求：{sign}"),
    }
}

fn request_id<'a>(api: &'a ApiError, none: &'a str) -> &'a str {
    api.request_id.as_deref().unwrap_or(none)
}

impl From<&KeyNotice> for KeysText {
    fn from(notice: &KeyNotice) -> Self {
        match notice {
            KeyNotice::Created { access, user } => KeysText::Created {
                access: access.to_string(),
                user: user.clone(),
            },
            KeyNotice::Enabled(access) => KeysText::Enabled(access.to_string()),
            KeyNotice::Disabled(access) => KeysText::Disabled(access.to_string()),
            KeyNotice::DescriptionSaved(access) => KeysText::DescriptionSaved(access.to_string()),
            KeyNotice::Deleted(access) => KeysText::Deleted(access.to_string()),
            KeyNotice::EnableFailed(access, _) => KeysText::EnableFailed(access.to_string()),
            KeyNotice::DisableFailed(access, _) => KeysText::DisableFailed(access.to_string()),
            KeyNotice::Unclear(UnclearWrite::Create { user }, _) => {
                KeysText::UnclearCreate(user.clone())
            }
            KeyNotice::Unclear(UnclearWrite::Delete { access }, _) => {
                KeysText::UnclearDelete(access.to_string())
            }
        }
    }
}

impl From<KeysText> for super::Text {
    fn from(text: KeysText) -> Self {
        super::Text::Keys(text)
    }
}
