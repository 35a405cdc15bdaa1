//! The Connect form's values and their checks, apart from any rendering.

use std::fmt;

use crate::validate;

use super::{MfaCode, SignInMethod, SignInRequest};

/// One input of the Connect form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConnectField {
    /// Access key id.
    Ak,
    /// Secret access key.
    Sk,
    /// Account id, optional with an access key.
    AccountId,
    /// Account (domain) name.
    AccountName,
    /// IAM user name.
    UserName,
    /// The user's password.
    Password,
    /// Virtual-MFA code, optional.
    MfaCode,
    /// The IAM user's id, needed with an MFA code.
    MfaUserId,
    /// A pasted token.
    Token,
}

impl ConnectField {
    /// The inputs each way in shows, in order.
    pub fn of(method: SignInMethod) -> &'static [ConnectField] {
        match method {
            SignInMethod::AkSk => &[ConnectField::Ak, ConnectField::Sk, ConnectField::AccountId],
            SignInMethod::Password => &[
                ConnectField::AccountName,
                ConnectField::UserName,
                ConnectField::Password,
                ConnectField::MfaCode,
                ConnectField::MfaUserId,
            ],
            SignInMethod::Token => &[ConnectField::Token],
        }
    }

    /// The input's element id.
    pub fn input_id(self) -> &'static str {
        match self {
            ConnectField::Ak => "connect-ak",
            ConnectField::Sk => "connect-sk",
            ConnectField::AccountId => "connect-account-id",
            ConnectField::AccountName => "connect-account-name",
            ConnectField::UserName => "connect-user-name",
            ConnectField::Password => "connect-password",
            ConnectField::MfaCode => "connect-mfa-code",
            ConnectField::MfaUserId => "connect-mfa-user-id",
            ConnectField::Token => "connect-token",
        }
    }

    /// Whether the value is a secret: masked, never prefilled, cleared after sign-in.
    pub fn is_secret(self) -> bool {
        matches!(
            self,
            ConnectField::Sk | ConnectField::Password | ConnectField::MfaCode | ConnectField::Token
        )
    }
}

/// Why a value is refused before anything is sent. The messages never repeat the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// The field is empty.
    Required,
    /// Not an access key id (upper-case letters and digits, up to 40).
    MalformedAk,
    /// Not an id (letters, digits, `-`, `_`, up to 64).
    MalformedId,
    /// Not six digits.
    MalformedMfaCode,
    /// An MFA code was given without the user's id.
    MfaUserIdNeeded,
}

/// Everything typed into the Connect form. Lives in component state only; `Debug` never shows
/// the secret key, password, MFA code or token.
#[derive(Clone, PartialEq, Eq)]
pub struct ConnectForm {
    /// The way in chosen.
    pub method: SignInMethod,
    ak: String,
    sk: String,
    account_id: String,
    account_name: String,
    user_name: String,
    password: String,
    mfa_code: String,
    mfa_user_id: String,
    token: String,
}

impl ConnectForm {
    /// An empty form for an access key, with the account name from the settings.
    pub fn new(account_name: Option<&str>) -> Self {
        Self {
            method: SignInMethod::AkSk,
            ak: String::new(),
            sk: String::new(),
            account_id: String::new(),
            account_name: account_name.unwrap_or_default().to_owned(),
            user_name: String::new(),
            password: String::new(),
            mfa_code: String::new(),
            mfa_user_id: String::new(),
            token: String::new(),
        }
    }

    /// The text of `field`.
    pub fn get(&self, field: ConnectField) -> &str {
        match field {
            ConnectField::Ak => &self.ak,
            ConnectField::Sk => &self.sk,
            ConnectField::AccountId => &self.account_id,
            ConnectField::AccountName => &self.account_name,
            ConnectField::UserName => &self.user_name,
            ConnectField::Password => &self.password,
            ConnectField::MfaCode => &self.mfa_code,
            ConnectField::MfaUserId => &self.mfa_user_id,
            ConnectField::Token => &self.token,
        }
    }

    /// The form with `field` set to `value`.
    pub fn with(&self, field: ConnectField, value: String) -> Self {
        let mut form = self.clone();
        *form.slot(field) = value;
        form
    }

    /// The form with another way in chosen; what was typed stays.
    pub fn with_method(&self, method: SignInMethod) -> Self {
        Self {
            method,
            ..self.clone()
        }
    }

    /// The form with every secret emptied.
    pub fn without_secrets(&self) -> Self {
        let mut form = self.clone();
        for field in [
            ConnectField::Sk,
            ConnectField::Password,
            ConnectField::MfaCode,
            ConnectField::Token,
        ] {
            form.slot(field).clear();
        }
        form
    }

    /// The sign-in request of the chosen way in, or every refused field of it in form order.
    /// Identifiers and tokens are trimmed; a password is taken as typed.
    pub fn request(&self) -> Result<SignInRequest, Vec<(ConnectField, FieldProblem)>> {
        let problems: Vec<(ConnectField, FieldProblem)> = ConnectField::of(self.method)
            .iter()
            .filter_map(|&field| self.problem(field).map(|problem| (field, problem)))
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        let text = |field| self.value(field).to_owned();
        Ok(match self.method {
            SignInMethod::AkSk => SignInRequest::AkSk {
                ak: text(ConnectField::Ak),
                sk: text(ConnectField::Sk),
                account_id: Some(text(ConnectField::AccountId)).filter(|id| !id.is_empty()),
            },
            SignInMethod::Password => SignInRequest::Password {
                account: text(ConnectField::AccountName),
                user: text(ConnectField::UserName),
                password: text(ConnectField::Password),
                mfa: Some(text(ConnectField::MfaCode))
                    .filter(|code| !code.is_empty())
                    .map(|passcode| MfaCode {
                        user_id: text(ConnectField::MfaUserId),
                        passcode,
                    }),
            },
            SignInMethod::Token => SignInRequest::Token(text(ConnectField::Token)),
        })
    }

    /// The value as it will be used: trimmed, except a password.
    fn value(&self, field: ConnectField) -> &str {
        match field {
            ConnectField::Password => self.get(field),
            _ => self.get(field).trim(),
        }
    }

    fn problem(&self, field: ConnectField) -> Option<FieldProblem> {
        let value = self.value(field);
        let mfa_given = !self.value(ConnectField::MfaCode).is_empty();
        match field {
            ConnectField::AccountId | ConnectField::MfaUserId | ConnectField::MfaCode
                if value.is_empty() =>
            {
                (field == ConnectField::MfaUserId && mfa_given)
                    .then_some(FieldProblem::MfaUserIdNeeded)
            }
            _ if value.is_empty() => Some(FieldProblem::Required),
            ConnectField::Ak => validate::access_key_id(value)
                .err()
                .map(|_| FieldProblem::MalformedAk),
            ConnectField::AccountId | ConnectField::MfaUserId => validate::user_id(value)
                .err()
                .map(|_| FieldProblem::MalformedId),
            ConnectField::MfaCode => (value.len() != 6
                || !value.bytes().all(|b| b.is_ascii_digit()))
            .then_some(FieldProblem::MalformedMfaCode),
            _ => None,
        }
    }

    fn slot(&mut self, field: ConnectField) -> &mut String {
        match field {
            ConnectField::Ak => &mut self.ak,
            ConnectField::Sk => &mut self.sk,
            ConnectField::AccountId => &mut self.account_id,
            ConnectField::AccountName => &mut self.account_name,
            ConnectField::UserName => &mut self.user_name,
            ConnectField::Password => &mut self.password,
            ConnectField::MfaCode => &mut self.mfa_code,
            ConnectField::MfaUserId => &mut self.mfa_user_id,
            ConnectField::Token => &mut self.token,
        }
    }
}

impl fmt::Debug for ConnectForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("ConnectForm");
        out.field("method", &self.method);
        for field in ConnectField::of(self.method) {
            let shown = if field.is_secret() {
                "<redacted>"
            } else {
                self.get(*field)
            };
            out.field(field.input_id(), &shown);
        }
        out.finish()
    }
}
