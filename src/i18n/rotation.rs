//! Messages of the Rotation page, in English and Simplified Chinese.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use keyturn_core::error::Error;
use keyturn_core::rotation::{Elsewhere, Outcome, SkipWhy, SlotSuggestion, Stage};
use keyturn_core::types::credential::KeyStatus;

use super::keys::{en_error, zh_error};

/// One message of the Rotation page.
#[derive(Clone, Debug, PartialEq)]
pub enum RotationText {
    /// Page title.
    Title,
    /// Shown when nobody is signed in.
    SignedOut,
    /// Link to the sign-in page.
    ConnectLink,
    /// Starting the rotation of an AK.
    Starting(String),
    /// Starting failed.
    StartFailed,
    /// The key to rotate is the new key of a rotation in progress.
    NewKeyOfRotation {
        /// The key asked for.
        new: String,
        /// The old key of the rotation it belongs to.
        old: String,
    },
    /// This session signs with the old key: sign in with the new key before disabling it.
    OwnKey {
        /// The old key.
        old: String,
        /// The new key.
        new: String,
    },
    /// The new key of the rotation is gone: the wizard goes no further than rolling back.
    NewKeyMissing {
        /// The new key.
        new: String,
        /// The old key.
        old: String,
    },
    /// A step failed.
    StepFailed,
    /// Reading the user's keys failed.
    KeysFailed,
    /// Planning failed.
    PlanFailed,
    /// Creating one key of a plan failed.
    CreateFailed,
    /// A failed call, in full.
    Error(Error),
    /// The wizard's heading.
    WizardTitle {
        /// The user.
        user: String,
        /// The old AK.
        old: String,
    },
    /// A step's name.
    StageName(Stage),
    /// The new key.
    NewKeyIs(String),
    /// A request is in flight.
    Working,
    /// Back to the list.
    BackToList,
    /// How a rotation ended.
    Outcome(Outcome),
    /// What reading the keys again found changed outside the wizard.
    Elsewhere(Elsewhere),
    /// No rotation of this key.
    NoSuchRotation(String),
    /// Reading the keys.
    ReadingKeys,
    /// Button: read the user's keys again (after a failed read).
    ReadAgain,
    /// Button: make the plan again (after a failed read).
    TryAgain,
    /// Heading of the user's keys.
    KeysOf(String),
    /// Column: status.
    Status,
    /// Column: created.
    Created,
    /// Column: last used.
    LastUsed,
    /// Column: role in the rotation.
    Role,
    /// The key rotated.
    RoleOld,
    /// The new key.
    RoleNew,
    /// A key created without its secret seen.
    RoleOrphan,
    /// Another key of the user.
    RoleOther,
    /// A key's status.
    KeyStatus(KeyStatus),
    /// How long ago.
    Ago {
        /// When.
        at: DateTime<Utc>,
        /// Now.
        now: DateTime<Utc>,
    },
    /// Never used.
    NeverUsed,
    /// Label of the typed confirmation.
    TypeToConfirm {
        /// The AK.
        access: String,
        /// How many last characters do.
        suffix: usize,
    },
    /// Button: delete a key.
    DeleteKey(String),
    /// A slot is free.
    SlotFree,
    /// Legend of the mode choice.
    ModeLegend,
    /// The safe wizard.
    ModeSafe,
    /// The quick flow; advised for a key never used.
    ModeQuick {
        /// The old key was never used.
        never_used: bool,
    },
    /// Button: on to creating.
    ContinueToCreate,
    /// Both slots are taken; one can go.
    FreeSlot {
        /// The key suggested.
        suggested: String,
        /// Why it.
        why: SlotSuggestion,
    },
    /// Both slots are taken by keys in use.
    Blocked(String),
    /// The old key is not the user's any more.
    OldKeyMissing(String),
    /// An orphan key was found.
    Orphan(String),
    /// Button: delete the orphan.
    DeleteOrphan(String),
    /// Button: on to the hand-over.
    ContinueToHandOver,
    /// The secret shown before a reload is gone.
    SecretGone(String),
    /// Button: the secret was saved.
    SecretWasSaved,
    /// Button: the secret was not saved.
    SecretWasLost,
    /// What creating does.
    CreateIntro,
    /// Button: create the new key.
    CreateNewKey,
    /// What to change where.
    HandOver {
        /// Old AK.
        old: String,
        /// New AK.
        new: String,
    },
    /// Where the old key is used, from its description.
    UsedWhere(String),
    /// What the watch looks at.
    WatchWillLook,
    /// Button: start watching.
    StartWatching,
    /// The old key was not used since the new key was created.
    QuietSinceNewKey,
    /// The old key was last used minutes ago.
    LastUsedAgo(i64),
    /// Watched for minutes.
    WatchedFor(i64),
    /// The new key's first use.
    NewKeyFirstUsed {
        /// When.
        at: DateTime<Utc>,
        /// Now.
        now: DateTime<Utc>,
    },
    /// The new key is not used yet.
    NewKeyNotUsedYet,
    /// Last use is recorded coarsely.
    Granularity(i64),
    /// Label: check every.
    CheckEvery,
    /// A check interval.
    EveryMinutes(u32),
    /// Button: check now.
    CheckNow,
    /// Moving on before the advised watch.
    EarlyWarning(i64),
    /// Checkbox: move on anyway.
    MoveOnEarly,
    /// Button: on to disabling.
    ToDisable,
    /// What disabling does.
    DisableIntro(String),
    /// Button: disable the old key.
    DisableOld,
    /// The disable confirmation.
    DisableConfirm(String),
    /// Button: confirm disabling.
    ConfirmDisable,
    /// Button: cancel.
    Cancel,
    /// What observing means.
    ObserveIntro(String),
    /// Button: roll back.
    RollBack,
    /// Button: on to deleting.
    ToDelete,
    /// What deleting means.
    DeleteIntro(String),
    /// Legend of the quick flow's last step.
    ReplaceLegend(String),
    /// Choice: disable the old key.
    ReplaceDisable,
    /// Choice: delete the old key.
    ReplaceDelete,
    /// Heading: in progress.
    InProgress,
    /// Nothing in progress.
    NoneInProgress,
    /// Column: user.
    User,
    /// Column: old key.
    OldKey,
    /// Column: new key.
    NewKey,
    /// Column: step.
    Step,
    /// Column: started.
    Started,
    /// Column: actions.
    Actions,
    /// Button: open.
    Open,
    /// Accessible name of the open button.
    OpenRotation(String),
    /// Button: abandon.
    Abandon,
    /// Accessible name of the abandon button.
    AbandonRotation(String),
    /// The abandon confirmation.
    AbandonConfirm(String),
    /// Button: confirm abandoning.
    ConfirmAbandon,
    /// Label: AK to rotate.
    StartLabel,
    /// Not an AK.
    NotAnAk,
    /// Button: start.
    StartRotation,
    /// Heading: history.
    History,
    /// No history.
    NoHistory,
    /// Column: outcome.
    OutcomeColumn,
    /// Column: ended.
    Ended,
    /// Reading the plan's keys.
    Planning,
    /// Heading of the plan.
    PlanTitle(usize),
    /// Column: what happens.
    PlanWhat,
    /// Column: result.
    PlanResult,
    /// Plan: create the new key.
    PlanCreate,
    /// Plan: free a slot first.
    PlanFreeSlot(String),
    /// Plan: skipped.
    PlanSkip(SkipWhy),
    /// Button: run the plan.
    PlanExecute(usize),
    /// Accessible name of the plan's progress.
    PlanProgressLabel,
    /// The plan's progress.
    PlanProgress {
        /// Answered.
        done: usize,
        /// In all.
        total: usize,
        /// Failed.
        failed: usize,
    },
    /// Creating.
    Creating,
    /// Created.
    CreatedKey(String),
    /// The create went unanswered; this key appeared without its secret.
    PlanOrphan(String),
    /// Button: retry the failed keys.
    RetryFailed(usize),
    /// The secrets are shown once.
    PlanSecretsWarning,
    /// Accessible name of the secrets table.
    PlanSecretsLabel,
    /// Button: download the CSV.
    DownloadCsv,
    /// Checkbox: the secrets are saved.
    PlanSecretsSaved,
    /// Button: on to the wizards.
    PlanContinue,
}

impl RotationText {
    /// The `data-stage` of a step.
    pub fn stage_slug(stage: Stage) -> &'static str {
        match stage {
            Stage::Preflight => "preflight",
            Stage::Create => "create",
            Stage::HandOver => "hand_over",
            Stage::Watch => "watch",
            Stage::Disable => "disable",
            Stage::Observe => "observe",
            Stage::Delete => "delete",
            Stage::Replace => "replace",
            Stage::Finished => "finished",
        }
    }

    /// The `data-outcome` of an ended rotation.
    pub fn outcome_slug(outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Completed => "completed",
            Outcome::OldKeyGone => "old_key_gone",
            Outcome::Abandoned => "abandoned",
        }
    }
}

/// `at` as "N minutes/hours/days ago".
fn en_ago(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    match (now - at).num_minutes().max(0) {
        0 => "just now".into(),
        minutes => format!("{} ago", en_span(minutes)),
    }
}

/// A span of `minutes` as "less than a minute", "1 minute", "N minutes", "N hours" (from two
/// hours) or "N days" (from two days).
fn en_span(minutes: i64) -> String {
    match minutes.max(0) {
        0 => "less than a minute".into(),
        1 => "1 minute".into(),
        m if m < 120 => format!("{m} minutes"),
        m if m < 48 * 60 => format!("{} hours", m / 60),
        m => format!("{} days", m / (24 * 60)),
    }
}

fn zh_ago(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    match (now - at).num_minutes().max(0) {
        0 => "刚刚".into(),
        minutes => format!("{}前", zh_span(minutes)),
    }
}

fn zh_span(minutes: i64) -> String {
    match minutes.max(0) {
        0 => "不到 1 分钟".into(),
        m if m < 120 => format!("{m} 分钟"),
        m if m < 48 * 60 => format!("{} 小时", m / 60),
        m => format!("{} 天", m / (24 * 60)),
    }
}

/// `text` in English.
pub fn en(text: &RotationText) -> Cow<'static, str> {
    use RotationText as T;
    match text {
        T::Title => "Rotation".into(),
        T::SignedOut => "Sign in to rotate access keys without downtime.".into(),
        T::ConnectLink => "Sign in".into(),
        T::Starting(ak) => format!("Starting the rotation of {ak}…").into(),
        T::StartFailed => "The rotation could not start.".into(),
        T::NewKeyOfRotation { new, old } => format!(
            "{new} is the new key of the rotation of {old}: it can be rotated once that rotation \
             has ended."
        )
        .into(),
        T::OwnKey { old, new } => format!(
            "Keyturn is signed in with {old}: disabling or deleting it would end this session \
             before the wizard could observe the result or roll back. Sign out, sign in with the \
             new key {new}, and open this rotation again."
        )
        .into(),
        T::NewKeyMissing { new, old } => format!(
            "The new key {new} is gone: it was deleted outside the wizard. Applications cannot \
             move to it, so the wizard will not disable or delete {old} (roll back if it is \
             disabled). Abandon this rotation and start a new one."
        )
        .into(),
        T::StepFailed => "The last step failed.".into(),
        T::KeysFailed => "The user's keys could not be read.".into(),
        T::PlanFailed => "The plan could not be made.".into(),
        T::CreateFailed => "The new key could not be created.".into(),
        T::Error(error) => en_error(error).into(),
        T::WizardTitle { user, old } => format!("Rotating {old} of {user}").into(),
        T::StageName(stage) => match stage {
            Stage::Preflight => "Preflight",
            Stage::Create => "Create the new key",
            Stage::HandOver => "Hand over",
            Stage::Watch => "Watch the old key",
            Stage::Disable => "Disable the old key",
            Stage::Observe => "Observe",
            Stage::Delete => "Delete the old key",
            Stage::Replace => "Disable or delete the old key",
            Stage::Finished => "Finished",
        }
        .into(),
        T::NewKeyIs(ak) => format!("New key: {ak}").into(),
        T::Working => "Working…".into(),
        T::BackToList => "Back to the rotations".into(),
        T::Outcome(outcome) => match outcome {
            Outcome::Completed => "Completed: the old key is retired.",
            Outcome::OldKeyGone => "Ended: the old key was deleted outside the wizard.",
            Outcome::Abandoned => "Abandoned: the keys were left as they were.",
        }
        .into(),
        T::Elsewhere(Elsewhere::Disabled) => "The old key was disabled outside the wizard: the \
             rotation goes on from observing, with Roll back at hand."
            .into(),
        T::Elsewhere(Elsewhere::Enabled) => "The old key was enabled again outside the wizard: \
             the rotation goes back to watching it."
            .into(),
        T::Elsewhere(Elsewhere::Deleted) => {
            "The old key was deleted outside the wizard: the rotation ends.".into()
        }
        T::NoSuchRotation(ak) => format!("No rotation of {ak}.").into(),
        T::ReadingKeys => "Reading the user's keys…".into(),
        T::ReadAgain => "Read the keys again".into(),
        T::TryAgain => "Try again".into(),
        T::KeysOf(user) => format!("Keys of {user}").into(),
        T::Status => "Status".into(),
        T::Created => "Created".into(),
        T::LastUsed => "Last used".into(),
        T::Role => "In this rotation".into(),
        T::RoleOld => "old key".into(),
        T::RoleNew => "new key".into(),
        T::RoleOrphan => "orphan (secret never seen)".into(),
        T::RoleOther => "other key".into(),
        T::KeyStatus(KeyStatus::Active) => "Active".into(),
        T::KeyStatus(KeyStatus::Inactive) => "Inactive".into(),
        T::Ago { at, now } => en_ago(*at, *now).into(),
        T::NeverUsed => "Never used".into(),
        T::TypeToConfirm { access, suffix } => {
            format!("Type {access} (or its last {suffix} characters) to confirm").into()
        }
        T::DeleteKey(ak) => format!("Delete {ak}").into(),
        T::SlotFree => "The user has a free slot for the new key.".into(),
        T::ModeLegend => "How to rotate".into(),
        T::ModeSafe => "Safe: hand over, watch the old key, disable, then delete".into(),
        T::ModeQuick { never_used: true } => {
            "Quick: create the new key, then disable or delete the old one at once (the old key \
             was never used)"
                .into()
        }
        T::ModeQuick { never_used: false } => {
            "Quick: create the new key, then disable or delete the old one at once".into()
        }
        T::ContinueToCreate => "Continue".into(),
        T::FreeSlot { suggested, why } => {
            let why = match why {
                SlotSuggestion::Inactive => "it is disabled",
                SlotSuggestion::NeverUsed => "it was never used",
                SlotSuggestion::Unused => "it has not been used for a long time",
            };
            format!(
                "The user holds two keys, the most IAM allows. {suggested} can go first: {why}."
            )
            .into()
        }
        T::Blocked(other) => format!(
            "The user holds two keys and the other one, {other}, is active and in use: retire it \
             first (or rotate it), then come back."
        )
        .into(),
        T::OldKeyMissing(ak) => format!("{ak} is not among the user's keys any more.").into(),
        T::Orphan(ak) => format!(
            "{ak} was created but its secret was never seen (the answer was lost): it is useless. \
             Delete it, then create the new key again."
        )
        .into(),
        T::DeleteOrphan(ak) => format!("Delete orphan {ak}").into(),
        T::ContinueToHandOver => "Continue".into(),
        T::SecretGone(ak) => format!(
            "The secret of {ak} was shown before the page was closed and cannot be shown again. \
             If you saved it, continue; if not, the key is useless: delete it and create another."
        )
        .into(),
        T::SecretWasSaved => "I saved it: continue".into(),
        T::SecretWasLost => "I did not save it".into(),
        T::CreateIntro => "IAM creates the new key; its secret is shown once, here.".into(),
        T::CreateNewKey => "Create the new key".into(),
        T::HandOver { old, new } => format!(
            "Replace {old} with {new} (and its secret) wherever applications use it: \
             configuration files, CI secrets, SDK profiles."
        )
        .into(),
        T::UsedWhere(description) => format!("The old key's description: {description}").into(),
        T::WatchWillLook => "Next, Keyturn watches the old key's last use: once applications \
             moved, it stops changing."
            .into(),
        T::StartWatching => "Applications updated: start watching".into(),
        T::QuietSinceNewKey => "Not used since the new key was created".into(),
        T::LastUsedAgo(minutes) => format!("Last used {} ago", en_span(*minutes)).into(),
        T::WatchedFor(minutes) => format!("Watched for {}", en_span(*minutes)).into(),
        T::NewKeyFirstUsed { at, now } => {
            format!("The new key was first seen in use {}", en_ago(*at, *now)).into()
        }
        T::NewKeyNotUsedYet => "The new key has not been used yet".into(),
        T::Granularity(minutes) => format!(
            "IAM records last use coarsely (about every {minutes} minutes), and reports the \
             creation time for a key never used."
        )
        .into(),
        T::CheckEvery => "Check every".into(),
        T::EveryMinutes(1) => "1 minute".into(),
        T::EveryMinutes(60) => "1 hour".into(),
        T::EveryMinutes(m) if m % 60 == 0 => format!("{} hours", m / 60).into(),
        T::EveryMinutes(m) => format!("{m} minutes").into(),
        T::CheckNow => "Check now".into(),
        T::EarlyWarning(days) => format!(
            "The console docs advise watching for about {days} days: a job that runs weekly \
             would break after you disable the old key."
        )
        .into(),
        T::MoveOnEarly => "I understand: move on now".into(),
        T::ToDisable => "Move on to disabling the old key".into(),
        T::DisableIntro(ak) => format!(
            "Disable {ak}: requests signed with it are refused; you can roll back by enabling it."
        )
        .into(),
        T::DisableOld => "Disable the old key".into(),
        T::DisableConfirm(ak) => format!("Disable {ak} now?").into(),
        T::ConfirmDisable => "Disable the old key".into(),
        T::Cancel => "Cancel".into(),
        T::ObserveIntro(ak) => {
            format!("{ak} is disabled. If anything breaks, roll back: it is enabled again at once.")
                .into()
        }
        T::RollBack => "Roll back".into(),
        T::ToDelete => "Everything works: delete the old key".into(),
        T::DeleteIntro(ak) => format!("Delete {ak} for good. This cannot be undone.").into(),
        T::ReplaceLegend(ak) => format!("Then, for the old key {ak}").into(),
        T::ReplaceDisable => "Disable it (it can be enabled again)".into(),
        T::ReplaceDelete => "Delete it".into(),
        T::InProgress => "Rotations in progress".into(),
        T::NoneInProgress => "No rotation in progress.".into(),
        T::User => "User".into(),
        T::OldKey => "Old key".into(),
        T::NewKey => "New key".into(),
        T::Step => "Step".into(),
        T::Started => "Started".into(),
        T::Actions => "Actions".into(),
        T::Open => "Open".into(),
        T::OpenRotation(ak) => format!("Open the rotation of {ak}").into(),
        T::Abandon => "Abandon".into(),
        T::AbandonRotation(ak) => format!("Abandon the rotation of {ak}").into(),
        T::AbandonConfirm(ak) => {
            format!("Abandon the rotation of {ak}? Its keys stay as they are.").into()
        }
        T::ConfirmAbandon => "Abandon".into(),
        T::StartLabel => "Access key to rotate (AK)".into(),
        T::NotAnAk => "Not an access key ID.".into(),
        T::StartRotation => "Start rotation".into(),
        T::History => "History".into(),
        T::NoHistory => "No rotation has ended yet.".into(),
        T::OutcomeColumn => "Outcome".into(),
        T::Ended => "Ended".into(),
        T::Planning => "Reading the keys and their users…".into(),
        T::PlanTitle(1) => "Rotation plan for 1 key".into(),
        T::PlanTitle(n) => format!("Rotation plan for {n} keys").into(),
        T::PlanWhat => "What happens".into(),
        T::PlanResult => "Result".into(),
        T::PlanCreate => "Create the new key now".into(),
        T::PlanFreeSlot(ak) => format!("Free a slot first: {ak} (asked in its wizard)").into(),
        T::PlanSkip(why) => match why {
            SkipWhy::UserDisabled => "Skipped: the user is disabled",
            SkipWhy::AlreadyRotating => "Skipped: already rotating",
            SkipWhy::KeyInactive => {
                "Skipped: the key is inactive, nothing signs with it (delete it rather than rotate it)"
            }
            SkipWhy::TwoActiveKeysInUse => "Skipped: both of the user's keys are active and in use",
            SkipWhy::UserAlreadyPlanned => "Skipped: another key of this user is in the plan",
        }
        .into(),
        T::PlanExecute(1) => "Create 1 new key".into(),
        T::PlanExecute(n) => format!("Create {n} new keys").into(),
        T::PlanProgressLabel => "Creating new keys".into(),
        T::PlanProgress {
            done,
            total,
            failed,
        } => format!("{done} of {total} keys answered, {failed} failed").into(),
        T::Creating => "Creating…".into(),
        T::CreatedKey(ak) => format!("Created {ak}").into(),
        T::PlanOrphan(ak) => format!(
            "No answer: {ak} was created but its secret was never seen. Delete it in this key's \
             wizard, then create the new key there."
        )
        .into(),
        T::RetryFailed(n) => format!("Retry failed ({n})").into(),
        T::PlanSecretsWarning => "These secret access keys are shown only now. Download or copy \
             them before going on."
            .into(),
        T::PlanSecretsLabel => "New keys and their secrets".into(),
        T::DownloadCsv => "Download CSV".into(),
        T::PlanSecretsSaved => "I have saved the secret access keys".into(),
        T::PlanContinue => "Continue: each key goes on in its own wizard".into(),
    }
}

/// `text` in Simplified Chinese.
pub fn zh(text: &RotationText) -> Cow<'static, str> {
    use RotationText as T;
    match text {
        T::Title => "轮换".into(),
        T::SignedOut => "登录后即可无中断地轮换访问密钥。".into(),
        T::ConnectLink => "登录".into(),
        T::Starting(ak) => format!("正在开始轮换 {ak}…").into(),
        T::StartFailed => "无法开始轮换。".into(),
        T::NewKeyOfRotation { new, old } => {
            format!("{new} 是 {old} 轮换中的新密钥：该轮换结束后才能轮换它。").into()
        }
        T::OwnKey { old, new } => format!(
            "Keyturn 当前使用 {old} 登录：停用或删除它会在向导观察结果或回滚之前结束本次会话。请退出登录，用新密钥 {new} 登录，再打开本次轮换。"
        )
        .into(),
        T::NewKeyMissing { new, old } => format!(
            "新密钥 {new} 已不存在：它在向导之外被删除。应用无法切换到它，因此向导不会停用或删除 {old}（如已停用请回滚）。请放弃本次轮换并重新开始。"
        )
        .into(),
        T::StepFailed => "上一步失败。".into(),
        T::KeysFailed => "无法读取该用户的密钥。".into(),
        T::PlanFailed => "无法生成计划。".into(),
        T::CreateFailed => "无法创建新密钥。".into(),
        T::Error(error) => zh_error(error).into(),
        T::WizardTitle { user, old } => format!("正在轮换 {user} 的 {old}").into(),
        T::StageName(stage) => match stage {
            Stage::Preflight => "预检",
            Stage::Create => "创建新密钥",
            Stage::HandOver => "交接",
            Stage::Watch => "观察旧密钥",
            Stage::Disable => "停用旧密钥",
            Stage::Observe => "观察期",
            Stage::Delete => "删除旧密钥",
            Stage::Replace => "停用或删除旧密钥",
            Stage::Finished => "已完成",
        }
        .into(),
        T::NewKeyIs(ak) => format!("新密钥：{ak}").into(),
        T::Working => "处理中…".into(),
        T::BackToList => "返回轮换列表".into(),
        T::Outcome(outcome) => match outcome {
            Outcome::Completed => "已完成：旧密钥已退役。",
            Outcome::OldKeyGone => "已结束：旧密钥在向导之外被删除。",
            Outcome::Abandoned => "已放弃：密钥保持原状。",
        }
        .into(),
        T::Elsewhere(Elsewhere::Disabled) => {
            "旧密钥在向导之外被停用：轮换从观察期继续，可随时回滚。".into()
        }
        T::Elsewhere(Elsewhere::Enabled) => {
            "旧密钥在向导之外被重新启用：轮换回到观察旧密钥。".into()
        }
        T::Elsewhere(Elsewhere::Deleted) => "旧密钥在向导之外被删除：轮换结束。".into(),
        T::NoSuchRotation(ak) => format!("没有 {ak} 的轮换。").into(),
        T::ReadingKeys => "正在读取该用户的密钥…".into(),
        T::ReadAgain => "重新读取密钥".into(),
        T::TryAgain => "重试".into(),
        T::KeysOf(user) => format!("{user} 的密钥").into(),
        T::Status => "状态".into(),
        T::Created => "创建时间".into(),
        T::LastUsed => "最近使用".into(),
        T::Role => "在本次轮换中".into(),
        T::RoleOld => "旧密钥".into(),
        T::RoleNew => "新密钥".into(),
        T::RoleOrphan => "孤立密钥（从未见到其 SK）".into(),
        T::RoleOther => "其他密钥".into(),
        T::KeyStatus(KeyStatus::Active) => "已启用".into(),
        T::KeyStatus(KeyStatus::Inactive) => "已停用".into(),
        T::Ago { at, now } => zh_ago(*at, *now).into(),
        T::NeverUsed => "从未使用".into(),
        T::TypeToConfirm { access, suffix } => {
            format!("输入 {access}（或其最后 {suffix} 个字符）以确认").into()
        }
        T::DeleteKey(ak) => format!("删除 {ak}").into(),
        T::SlotFree => "该用户还有空位可创建新密钥。".into(),
        T::ModeLegend => "轮换方式".into(),
        T::ModeSafe => "安全：交接、观察旧密钥、停用，再删除".into(),
        T::ModeQuick { never_used: true } => {
            "快速：创建新密钥后立即停用或删除旧密钥（旧密钥从未使用）".into()
        }
        T::ModeQuick { never_used: false } => "快速：创建新密钥后立即停用或删除旧密钥".into(),
        T::ContinueToCreate => "继续".into(),
        T::FreeSlot { suggested, why } => {
            let why = match why {
                SlotSuggestion::Inactive => "它已停用",
                SlotSuggestion::NeverUsed => "它从未使用",
                SlotSuggestion::Unused => "它已很久未使用",
            };
            format!("该用户已有两个密钥（IAM 上限）。可以先删除 {suggested}：{why}。").into()
        }
        T::Blocked(other) => format!(
            "该用户已有两个密钥，另一个 {other} 已启用且在使用中：请先让它退役（或先轮换它），再回来。"
        )
        .into(),
        T::OldKeyMissing(ak) => format!("{ak} 已不在该用户的密钥中。").into(),
        T::Orphan(ak) => format!(
            "{ak} 已创建，但应答丢失、从未见到其 SK：它无法使用。请删除它，然后重新创建新密钥。"
        )
        .into(),
        T::DeleteOrphan(ak) => format!("删除孤立密钥 {ak}").into(),
        T::ContinueToHandOver => "继续".into(),
        T::SecretGone(ak) => format!(
            "{ak} 的 SK 已在页面关闭前显示过，无法再次显示。如已保存请继续；如未保存，该密钥无法使用：请删除后重新创建。"
        )
        .into(),
        T::SecretWasSaved => "我已保存：继续".into(),
        T::SecretWasLost => "我没有保存".into(),
        T::CreateIntro => "IAM 将创建新密钥；其 SK 只在这里显示一次。".into(),
        T::CreateNewKey => "创建新密钥".into(),
        T::HandOver { old, new } => format!(
            "在应用使用 {old} 的所有地方换成 {new}（及其 SK）：配置文件、CI 密钥、SDK 配置。"
        )
        .into(),
        T::UsedWhere(description) => format!("旧密钥的描述：{description}").into(),
        T::WatchWillLook => "接下来 Keyturn 会观察旧密钥的最近使用时间：应用切换后它将不再变化。".into(),
        T::StartWatching => "应用已更新：开始观察".into(),
        T::QuietSinceNewKey => "自新密钥创建以来未被使用".into(),
        T::LastUsedAgo(minutes) => format!("{}前使用过", zh_span(*minutes)).into(),
        T::WatchedFor(minutes) => format!("已观察 {}", zh_span(*minutes)).into(),
        T::NewKeyFirstUsed { at, now } => {
            format!("新密钥首次被使用于{}", zh_ago(*at, *now)).into()
        }
        T::NewKeyNotUsedYet => "新密钥尚未被使用".into(),
        T::Granularity(minutes) => format!(
            "IAM 记录最近使用时间的粒度较粗（约 {minutes} 分钟），从未使用的密钥报告的是创建时间。"
        )
        .into(),
        T::CheckEvery => "检查间隔".into(),
        T::EveryMinutes(m) if m % 60 == 0 => format!("{} 小时", m / 60).into(),
        T::EveryMinutes(m) => format!("{m} 分钟").into(),
        T::CheckNow => "立即检查".into(),
        T::EarlyWarning(days) => format!(
            "控制台文档建议观察约 {days} 天：每周运行一次的任务会在停用旧密钥后失败。"
        )
        .into(),
        T::MoveOnEarly => "我已了解：现在继续".into(),
        T::ToDisable => "继续停用旧密钥".into(),
        T::DisableIntro(ak) => {
            format!("停用 {ak}：用它签名的请求将被拒绝；可以通过重新启用来回滚。").into()
        }
        T::DisableOld => "停用旧密钥".into(),
        T::DisableConfirm(ak) => format!("现在停用 {ak}？").into(),
        T::ConfirmDisable => "停用旧密钥".into(),
        T::Cancel => "取消".into(),
        T::ObserveIntro(ak) => format!("{ak} 已停用。如有任何故障，请回滚：它会立即重新启用。").into(),
        T::RollBack => "回滚".into(),
        T::ToDelete => "一切正常：删除旧密钥".into(),
        T::DeleteIntro(ak) => format!("永久删除 {ak}。此操作无法撤销。").into(),
        T::ReplaceLegend(ak) => format!("然后，对旧密钥 {ak}").into(),
        T::ReplaceDisable => "停用（之后可重新启用）".into(),
        T::ReplaceDelete => "删除".into(),
        T::InProgress => "进行中的轮换".into(),
        T::NoneInProgress => "没有进行中的轮换。".into(),
        T::User => "用户".into(),
        T::OldKey => "旧密钥".into(),
        T::NewKey => "新密钥".into(),
        T::Step => "步骤".into(),
        T::Started => "开始时间".into(),
        T::Actions => "操作".into(),
        T::Open => "打开".into(),
        T::OpenRotation(ak) => format!("打开 {ak} 的轮换").into(),
        T::Abandon => "放弃".into(),
        T::AbandonRotation(ak) => format!("放弃 {ak} 的轮换").into(),
        T::AbandonConfirm(ak) => format!("放弃 {ak} 的轮换？其密钥保持原状。").into(),
        T::ConfirmAbandon => "放弃".into(),
        T::StartLabel => "要轮换的访问密钥（AK）".into(),
        T::NotAnAk => "这不是访问密钥 ID。".into(),
        T::StartRotation => "开始轮换".into(),
        T::History => "历史".into(),
        T::NoHistory => "尚无已结束的轮换。".into(),
        T::OutcomeColumn => "结果".into(),
        T::Ended => "结束时间".into(),
        T::Planning => "正在读取密钥及其用户…".into(),
        T::PlanTitle(n) => format!("{n} 个密钥的轮换计划").into(),
        T::PlanWhat => "将执行".into(),
        T::PlanResult => "结果".into(),
        T::PlanCreate => "立即创建新密钥".into(),
        T::PlanFreeSlot(ak) => format!("需先腾出空位：{ak}（在其向导中确认）").into(),
        T::PlanSkip(why) => match why {
            SkipWhy::UserDisabled => "跳过：用户已停用",
            SkipWhy::AlreadyRotating => "跳过：已在轮换中",
            SkipWhy::KeyInactive => "跳过：该密钥已停用，没有请求使用它（请直接删除，无需轮换）",
            SkipWhy::TwoActiveKeysInUse => "跳过：该用户的两个密钥都已启用且在使用中",
            SkipWhy::UserAlreadyPlanned => "跳过：该用户的另一个密钥已在计划中",
        }
        .into(),
        T::PlanExecute(n) => format!("创建 {n} 个新密钥").into(),
        T::PlanProgressLabel => "正在创建新密钥".into(),
        T::PlanProgress {
            done,
            total,
            failed,
        } => format!("已完成 {done}/{total} 个，失败 {failed} 个").into(),
        T::Creating => "创建中…".into(),
        T::CreatedKey(ak) => format!("已创建 {ak}").into(),
        T::PlanOrphan(ak) => format!(
            "没有应答：{ak} 已创建，但从未见到其 SK。请在该密钥的向导中删除它，然后在那里创建新密钥。"
        )
        .into(),
        T::RetryFailed(n) => format!("重试失败项（{n}）").into(),
        T::PlanSecretsWarning => "这些 SK 只在此显示一次。继续前请下载或复制。".into(),
        T::PlanSecretsLabel => "新密钥及其 SK".into(),
        T::DownloadCsv => "下载 CSV".into(),
        T::PlanSecretsSaved => "我已保存这些 SK".into(),
        T::PlanContinue => "继续：每个密钥在各自的向导中继续".into(),
    }
}

impl From<RotationText> for super::Text {
    fn from(text: RotationText) -> Self {
        super::Text::Rotation(text)
    }
}
