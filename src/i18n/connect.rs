//! The Connect page's and the session indicator's messages, in English and Simplified Chinese.

use std::borrow::Cow;

use keyturn_core::connect::{AdminStatus, ConnectField, Diagnosis, FieldProblem, SignInMethod};

/// One message of the Connect area; [`en`] and [`zh`] match on every variant.
#[derive(Clone, Debug, PartialEq)]
pub enum ConnectText {
    /// Name of the radio group choosing the way in.
    MethodGroup,
    /// Name of one way in.
    Method(SignInMethod),
    /// What one way in does with what is typed.
    MethodHint(SignInMethod),
    /// Label of one input.
    FieldLabel(ConnectField),
    /// Help under an input, for the inputs that have some.
    FieldHint(ConnectField),
    /// Why a value is refused.
    Problem(FieldProblem),
    /// Button: sign in.
    SignIn,
    /// Button: check the credentials without signing in.
    TestConnection,
    /// Header button: sign out.
    SignOut,
    /// Accessible name of the header's signed-in indicator.
    SignedInLabel,
    /// The header's indicator: `<user> @ <account>`.
    SignedInAs {
        /// IAM user name.
        user: String,
        /// Account name or id.
        account: String,
    },
    /// Connect page note while a session is in force.
    AlreadySignedIn {
        /// IAM user name.
        user: String,
        /// Account name or id.
        account: String,
    },
    /// While signing in.
    SigningIn,
    /// While testing.
    Testing,
    /// Validation refused the form; nothing was sent.
    FormInvalid,
    /// The credentials work.
    ConnectedAs {
        /// IAM user name.
        user: String,
        /// Account name or id.
        account: String,
    },
    /// Whether the user administers the account.
    Admin(AdminStatus),
    /// The browser's clock is off; requests are corrected for it.
    ClockOffset {
        /// Server time minus browser time, in milliseconds.
        offset_ms: i64,
    },
    /// Why the connection failed, in plain words.
    Diagnosis(Diagnosis),
    /// The service's error answer.
    ServiceAnswer {
        /// HTTP status.
        status: u16,
        /// Service code, e.g. `APIGW.0301`.
        code: String,
        /// Service message.
        message: String,
        /// Request id, when the answer had one.
        request_id: Option<String>,
    },
    /// What the browser reported for a request that got no usable answer.
    BrowserReport(String),
    /// Heading of the note saying where what is typed here goes.
    TargetHeading,
    /// Where credentials go: the proxy, and the services it forwards to.
    Target {
        /// The proxy URL in force.
        proxy: String,
        /// The IAM endpoint.
        iam: String,
        /// The KMS endpoint, when the region has one.
        kms: Option<String>,
    },
    /// The proxy in force is not the one of the site's config.json.
    ProxyNotConfigured {
        /// The proxy of config.json.
        configured: String,
    },
    /// Link to the settings page, to check or reset the proxy.
    ReviewSettings,
}

/// `text` in English.
pub fn en(text: &ConnectText) -> Cow<'static, str> {
    match text {
        ConnectText::MethodGroup => "Sign-in method".into(),
        ConnectText::Method(method) => match method {
            SignInMethod::AkSk => "Access key (AK/SK)",
            SignInMethod::Password => "Password",
            SignInMethod::Token => "Token",
        }
        .into(),
        ConnectText::MethodHint(method) => match method {
            SignInMethod::AkSk => {
                "Requests are signed in this browser; the secret key is never sent anywhere."
            }
            SignInMethod::Password => {
                "The password is exchanged once for a token valid for 24 hours, scoped to the account."
            }
            SignInMethod::Token => "An IAM token scoped to the account (domain), e.g. from another tool.",
        }
        .into(),
        ConnectText::FieldLabel(field) => match field {
            ConnectField::Ak => "Access key ID (AK)",
            ConnectField::Sk => "Secret access key (SK)",
            ConnectField::AccountId => "Account ID (optional)",
            ConnectField::AccountName => "Account name",
            ConnectField::UserName => "IAM user name",
            ConnectField::Password => "Password",
            ConnectField::MfaCode => "MFA code (optional)",
            ConnectField::MfaUserId => "IAM user ID (for MFA)",
            ConnectField::Token => "Token",
        }
        .into(),
        ConnectText::FieldHint(field) => match field {
            ConnectField::AccountId => "Leave empty to find it from the access key.",
            ConnectField::MfaCode => "Six digits from the virtual MFA device, if the user has login protection.",
            ConnectField::MfaUserId => {
                "Needed with an MFA code: the user's ID from the IAM console (My Credentials)."
            }
            ConnectField::Token => "Kept in memory only, like every secret here.",
            ConnectField::Ak
            | ConnectField::Sk
            | ConnectField::AccountName
            | ConnectField::UserName
            | ConnectField::Password => "",
        }
        .into(),
        ConnectText::Problem(problem) => match problem {
            FieldProblem::Required => "Enter a value.",
            FieldProblem::MalformedAk => {
                "An access key ID is 1 to 40 upper-case letters and digits, e.g. HPUAEXAMPLE123456789."
            }
            FieldProblem::MalformedId => "An ID is letters, digits, - or _ (at most 64).",
            FieldProblem::MalformedMfaCode => "An MFA code is six digits.",
            FieldProblem::MfaUserIdNeeded => "Enter the user's ID to sign in with an MFA code.",
        }
        .into(),
        ConnectText::SignIn => "Sign in".into(),
        ConnectText::TestConnection => "Test connection".into(),
        ConnectText::SignOut => "Sign out".into(),
        ConnectText::SignedInLabel => "Signed in".into(),
        ConnectText::SignedInAs { user, account } => format!("{user} @ {account}").into(),
        ConnectText::AlreadySignedIn { user, account } => format!(
            "You are signed in as {user} @ {account}. Signing in again replaces this session."
        )
        .into(),
        ConnectText::SigningIn => "Signing in…".into(),
        ConnectText::Testing => "Testing the connection…".into(),
        ConnectText::FormInvalid => "Nothing was sent: correct the marked fields.".into(),
        ConnectText::ConnectedAs { user, account } => {
            format!("Connected as {user} @ {account}.").into()
        }
        ConnectText::Admin(status) => match status {
            AdminStatus::Administrator => {
                "Administrator: you will see the access keys of every user of the account."
            }
            AdminStatus::NotAdministrator => {
                "Not an administrator: you will see your own keys only."
            }
            AdminStatus::Unknown => {
                "Whether you administer the account could not be checked; the access keys page will tell."
            }
        }
        .into(),
        ConnectText::ClockOffset { offset_ms } => format!(
            "This browser's clock is {} {} the server's (read from its Date header). Keyturn \
             corrects for this automatically when it signs requests.",
            duration_en(*offset_ms),
            if *offset_ms > 0 { "behind" } else { "ahead of" }
        )
        .into(),
        ConnectText::Diagnosis(diagnosis) => diagnosis_en(diagnosis),
        ConnectText::ServiceAnswer {
            status,
            code,
            message,
            request_id,
        } => format!(
            "Service answer: HTTP {status}, code {code}, message \"{message}\", request id {}.",
            request_id.as_deref().unwrap_or("(none)")
        )
        .into(),
        ConnectText::BrowserReport(detail) => format!("The browser reported: {detail}.").into(),
        ConnectText::TargetHeading => "Where your credentials go".into(),
        ConnectText::Target { proxy, iam, kms } => match kms {
            Some(kms) => format!(
                "What you type here is sent only through the proxy {proxy}, which forwards it \
                 to IAM at {iam} and to KMS at {kms}."
            ),
            None => format!(
                "What you type here is sent only through the proxy {proxy}, which forwards it \
                 to IAM at {iam}."
            ),
        }
        .into(),
        ConnectText::ProxyNotConfigured { configured } => format!(
            "This is not the proxy of this site's configuration ({configured}): it was changed \
             in this browser's settings. Every password, token and secret key passes through \
             it; sign in only if you run or trust it."
        )
        .into(),
        ConnectText::ReviewSettings => "Review the proxy in Settings".into(),
    }
}

fn diagnosis_en(diagnosis: &Diagnosis) -> Cow<'static, str> {
    match diagnosis {
        Diagnosis::ProxyUnreachable { proxy } => format!(
            "The proxy is unreachable: nothing answers at {proxy}. Start the proxy, or correct \
             the proxy URL in Settings."
        )
        .into(),
        Diagnosis::CorsRefused { proxy, origin } => format!(
            "The proxy at {proxy} answers, but its CORS policy refuses this page's origin \
             ({origin}), so the browser blocked the answer. Add {origin} to the proxy's allowed \
             origins (keyturn-proxy --allow-origin {origin})."
        )
        .into(),
        Diagnosis::ProxyRefused { code } => format!(
            "The proxy refused to forward the request ({code}). Check that the IAM endpoint in \
             Settings is one the proxy allows."
        )
        .into(),
        Diagnosis::UpstreamUnreachable => "The proxy could not reach IAM, or IAM did not answer \
             in time. Check the IAM endpoint in Settings and the proxy's network."
            .into(),
        Diagnosis::Busy => {
            "The service is busy or throttling requests. Try again in a moment.".into()
        }
        Diagnosis::BadSignature => "The signature was refused (401): the secret key does not \
             belong to this access key ID, or the key or its user is disabled or deleted. Check \
             both values."
            .into(),
        Diagnosis::ClockSkew { offset_ms } => format!(
            "The service refused the request's time: this browser's clock is {} {} the server's \
             (from its Date header). Keyturn now corrects for this automatically: try again.",
            duration_en(*offset_ms),
            if *offset_ms > 0 { "behind" } else { "ahead of" }
        )
        .into(),
        Diagnosis::AccountMismatch { given, actual } => format!(
            "The access key belongs to account {actual}, not to account {given}. Correct the \
             account ID or leave it empty."
        )
        .into(),
        Diagnosis::NoAccount => "The service named no account for these credentials.".into(),
        Diagnosis::WrongPassword => "Sign-in refused (401): the account name, IAM user name or \
             password is wrong, or the user is disabled."
            .into(),
        Diagnosis::MfaNeeded => "This user has login protection: enter a current MFA code and \
             the user's ID (or the MFA code was wrong)."
            .into(),
        Diagnosis::TokenRejected => {
            "The token was refused (401): it has expired, was revoked, or is not a token.".into()
        }
        Diagnosis::Forbidden => "The credentials work but may not read the account (403). A \
             token must be scoped to the account (domain), not to a project."
            .into(),
        Diagnosis::NotIam => "The IAM endpoint does not know this request (404): check the IAM \
             endpoint in Settings."
            .into(),
        Diagnosis::UnreadableAnswer => "An answer arrived but could not be read; the IAM \
             endpoint may not be IAM, or the proxy hides a header Keyturn needs."
            .into(),
        Diagnosis::Other => "The connection failed.".into(),
    }
}

/// `text` in Simplified Chinese.
pub fn zh(text: &ConnectText) -> Cow<'static, str> {
    match text {
        ConnectText::MethodGroup => "登录方式".into(),
        ConnectText::Method(method) => match method {
            SignInMethod::AkSk => "访问密钥（AK/SK）",
            SignInMethod::Password => "密码",
            SignInMethod::Token => "令牌",
        }
        .into(),
        ConnectText::MethodHint(method) => match method {
            SignInMethod::AkSk => "请求在本浏览器中签名，私有访问密钥（SK）不会发送到任何地方。",
            SignInMethod::Password => "密码只用于换取一个作用于账号、有效期 24 小时的令牌。",
            SignInMethod::Token => "作用于账号（domain）的 IAM 令牌，例如由其他工具获取。",
        }
        .into(),
        ConnectText::FieldLabel(field) => match field {
            ConnectField::Ak => "访问密钥 ID（AK）",
            ConnectField::Sk => "私有访问密钥（SK）",
            ConnectField::AccountId => "账号 ID（可选）",
            ConnectField::AccountName => "账号名",
            ConnectField::UserName => "IAM 用户名",
            ConnectField::Password => "密码",
            ConnectField::MfaCode => "MFA 验证码（可选）",
            ConnectField::MfaUserId => "IAM 用户 ID（用于 MFA）",
            ConnectField::Token => "令牌",
        }
        .into(),
        ConnectText::FieldHint(field) => match field {
            ConnectField::AccountId => "留空则根据访问密钥自动查找。",
            ConnectField::MfaCode => "如果该用户开启了登录保护，请输入虚拟 MFA 设备上的六位数字。",
            ConnectField::MfaUserId => "使用 MFA 验证码时必填：IAM 控制台“我的凭证”中的用户 ID。",
            ConnectField::Token => "与这里的所有机密信息一样，只保存在内存中。",
            ConnectField::Ak
            | ConnectField::Sk
            | ConnectField::AccountName
            | ConnectField::UserName
            | ConnectField::Password => "",
        }
        .into(),
        ConnectText::Problem(problem) => match problem {
            FieldProblem::Required => "请输入一个值。",
            FieldProblem::MalformedAk => {
                "访问密钥 ID 由 1 到 40 个大写字母和数字组成，例如 HPUAEXAMPLE123456789。"
            }
            FieldProblem::MalformedId => "ID 由字母、数字、- 或 _ 组成（最多 64 个字符）。",
            FieldProblem::MalformedMfaCode => "MFA 验证码是六位数字。",
            FieldProblem::MfaUserIdNeeded => "使用 MFA 验证码登录时，请输入该用户的 ID。",
        }
        .into(),
        ConnectText::SignIn => "登录".into(),
        ConnectText::TestConnection => "测试连接".into(),
        ConnectText::SignOut => "退出登录".into(),
        ConnectText::SignedInLabel => "已登录".into(),
        ConnectText::SignedInAs { user, account } => format!("{user} @ {account}").into(),
        ConnectText::AlreadySignedIn { user, account } => {
            format!("您已以 {user} @ {account} 的身份登录。再次登录将替换当前会话。").into()
        }
        ConnectText::SigningIn => "正在登录…".into(),
        ConnectText::Testing => "正在测试连接…".into(),
        ConnectText::FormInvalid => "未发送任何请求：请修正标出的字段。".into(),
        ConnectText::ConnectedAs { user, account } => {
            format!("已连接，身份为 {user} @ {account}。").into()
        }
        ConnectText::Admin(status) => match status {
            AdminStatus::Administrator => "管理员：您将看到账号下所有用户的访问密钥。",
            AdminStatus::NotAdministrator => "不是管理员：您只能看到自己的密钥。",
            AdminStatus::Unknown => "无法确认您是否为账号管理员；访问密钥页面会显示您能看到的内容。",
        }
        .into(),
        ConnectText::ClockOffset { offset_ms } => format!(
            "本浏览器的时钟比服务器{} {}（根据服务器的 Date 响应头）。Keyturn 签名请求时会自动校正。",
            if *offset_ms > 0 { "慢" } else { "快" },
            duration_zh(*offset_ms)
        )
        .into(),
        ConnectText::Diagnosis(diagnosis) => diagnosis_zh(diagnosis),
        ConnectText::ServiceAnswer {
            status,
            code,
            message,
            request_id,
        } => format!(
            "服务返回：HTTP {status}，错误码 {code}，消息“{message}”，请求 ID {}。",
            request_id.as_deref().unwrap_or("（无）")
        )
        .into(),
        ConnectText::BrowserReport(detail) => format!("浏览器报告：{detail}。").into(),
        ConnectText::TargetHeading => "凭据的去向".into(),
        ConnectText::Target { proxy, iam, kms } => match kms {
            Some(kms) => format!(
                "在此输入的内容只经由代理 {proxy} 发送，代理将其转发到 IAM（{iam}）和 KMS（{kms}）。"
            ),
            None => format!("在此输入的内容只经由代理 {proxy} 发送，代理将其转发到 IAM（{iam}）。"),
        }
        .into(),
        ConnectText::ProxyNotConfigured { configured } => format!(
            "这不是本站配置中的代理（{configured}）：它已在本浏览器的设置中被更改。\
             所有密码、令牌和私有访问密钥都会经过该代理；请仅在您运行或信任它时登录。"
        )
        .into(),
        ConnectText::ReviewSettings => "在设置中检查代理".into(),
    }
}

fn diagnosis_zh(diagnosis: &Diagnosis) -> Cow<'static, str> {
    match diagnosis {
        Diagnosis::ProxyUnreachable { proxy } => format!(
            "无法连接代理：{proxy} 没有响应。请启动代理，或在设置中修正代理 URL。"
        )
        .into(),
        Diagnosis::CorsRefused { proxy, origin } => format!(
            "代理 {proxy} 有响应，但其 CORS 策略拒绝了本页面的来源（{origin}），浏览器因此拦截了响应。\
             请将 {origin} 加入代理允许的来源（keyturn-proxy --allow-origin {origin}）。"
        )
        .into(),
        Diagnosis::ProxyRefused { code } => format!(
            "代理拒绝转发该请求（{code}）。请确认设置中的 IAM 终端节点在代理的允许列表中。"
        )
        .into(),
        Diagnosis::UpstreamUnreachable => {
            "代理无法连接 IAM，或 IAM 未及时响应。请检查设置中的 IAM 终端节点和代理的网络。".into()
        }
        Diagnosis::Busy => "服务繁忙或正在限流，请稍后重试。".into(),
        Diagnosis::BadSignature => "签名被拒绝（401）：私有访问密钥与该访问密钥 ID 不匹配，\
             或该密钥或其用户已停用或删除。请检查这两个值。"
            .into(),
        Diagnosis::ClockSkew { offset_ms } => format!(
            "服务拒绝了请求的时间：本浏览器的时钟比服务器{} {}（根据服务器的 Date 响应头）。\
             Keyturn 现已自动校正，请重试。",
            if *offset_ms > 0 { "慢" } else { "快" },
            duration_zh(*offset_ms)
        )
        .into(),
        Diagnosis::AccountMismatch { given, actual } => format!(
            "该访问密钥属于账号 {actual}，而不是账号 {given}。请修正账号 ID 或将其留空。"
        )
        .into(),
        Diagnosis::NoAccount => "服务没有返回这些凭证所属的账号。".into(),
        Diagnosis::WrongPassword => {
            "登录被拒绝（401）：账号名、IAM 用户名或密码错误，或该用户已停用。".into()
        }
        Diagnosis::MfaNeeded => {
            "该用户开启了登录保护：请输入当前的 MFA 验证码和用户 ID（或 MFA 验证码错误）。".into()
        }
        Diagnosis::TokenRejected => "令牌被拒绝（401）：已过期、已被撤销，或不是有效的令牌。".into(),
        Diagnosis::Forbidden => "凭证有效，但无权读取该账号（403）。令牌必须作用于账号（domain），\
             而不是项目。"
            .into(),
        Diagnosis::NotIam => "IAM 终端节点不认识该请求（404）：请检查设置中的 IAM 终端节点。".into(),
        Diagnosis::UnreadableAnswer => "收到了响应但无法解析；IAM 终端节点可能不是 IAM，\
             或代理隐藏了 Keyturn 需要的响应头。"
            .into(),
        Diagnosis::Other => "连接失败。".into(),
    }
}

/// `|offset_ms|` as hours, minutes and seconds in English, e.g. `20 min 5 s`.
fn duration_en(offset_ms: i64) -> String {
    let (hours, minutes, seconds) = hms(offset_ms);
    match (hours, minutes) {
        (0, 0) => format!("{seconds} s"),
        (0, _) => format!("{minutes} min {seconds} s"),
        _ => format!("{hours} h {minutes} min {seconds} s"),
    }
}

/// `|offset_ms|` as hours, minutes and seconds in Chinese, e.g. `20 分 5 秒`.
fn duration_zh(offset_ms: i64) -> String {
    let (hours, minutes, seconds) = hms(offset_ms);
    match (hours, minutes) {
        (0, 0) => format!("{seconds} 秒"),
        (0, _) => format!("{minutes} 分 {seconds} 秒"),
        _ => format!("{hours} 小时 {minutes} 分 {seconds} 秒"),
    }
}

fn hms(offset_ms: i64) -> (u64, u64, u64) {
    let total = (offset_ms.unsigned_abs() + 500) / 1000;
    (total / 3600, total / 60 % 60, total % 60)
}
