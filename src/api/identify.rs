//! Signing in: checking the credentials against IAM, finding out who they belong to, and
//! whether that user administers the account.

use keyturn_core::error::Error;
use keyturn_core::types::directory::Domain;
use keyturn_core::types::token::{Scope, ScopeRef, TokenRequest};

use super::sign_in::SignInRequest;
use super::token_issue::issue_token;
use super::{Auth, ClockOffset, IamClient, Transport};
use crate::state::Session;

/// Whether the signed-in user may list the account's users (`GET /v3/users`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdminStatus {
    /// The user list answered: every user's keys are visible.
    Administrator,
    /// The user list answered 403: only the user's own keys are visible.
    NotAdministrator,
    /// The user list failed otherwise; the credentials page will find out.
    Unknown,
}

/// A sign-in that worked.
#[derive(Clone, Debug, PartialEq)]
pub struct Connected {
    /// The session to put in force.
    pub session: Session,
    /// Whether the user administers the account.
    pub admin: AdminStatus,
}

/// Why a sign-in failed.
#[derive(Clone, Debug, PartialEq)]
pub enum SignInFailure {
    /// A call failed.
    Call(Error),
    /// The account id given is not the account the access key belongs to.
    AccountMismatch {
        /// The id typed.
        given: String,
        /// The account the key belongs to.
        actual: String,
    },
    /// The service named no account for the credentials.
    NoAccount,
}

impl From<Error> for SignInFailure {
    fn from(error: Error) -> Self {
        SignInFailure::Call(error)
    }
}

/// Signs in with `request` against the IAM endpoint `iam_endpoint` through `proxy_url`, learning
/// the clock into `clock`. Sends only reads, plus the token request for a password.
pub async fn connect(
    request: &SignInRequest,
    proxy_url: &str,
    iam_endpoint: &str,
    clock: &ClockOffset,
) -> Result<Connected, SignInFailure> {
    let transport = Transport::new(proxy_url, clock.clone());
    let (client, session) = match request {
        SignInRequest::AkSk { ak, sk, account_id } => {
            access_key(&transport, iam_endpoint, ak, sk, account_id.as_deref()).await?
        }
        SignInRequest::Password {
            account,
            user,
            password,
            mfa,
        } => {
            let scope = Scope::Domain(ScopeRef::Name(account.clone()));
            let mut body = TokenRequest::password(account, user, password, scope);
            if let Some(mfa) = mfa {
                body = body.with_totp(&mfa.user_id, &mfa.passcode);
            }
            let issued = issue_token(&transport, iam_endpoint, &body).await?;
            let domain = issued.info.domain.unwrap_or(issued.info.user.domain);
            let session = Session {
                auth: Auth::Token(issued.token),
                iam_endpoint: iam_endpoint.to_owned(),
                domain_id: domain.id,
                domain_name: Some(domain.name),
                user_id: issued.info.user.id,
                user_name: issued.info.user.name,
            };
            (IamClient::for_session(&session, transport), session)
        }
        SignInRequest::Token(token) => pasted_token(transport, iam_endpoint, token).await?,
    };
    let admin = admin_status(&client).await;
    Ok(Connected { session, admin })
}

/// AK/SK: the account from `GET /v3/auth/domains` (signed without `X-Domain-Id`), the owner
/// from showing the key itself, the owner's name from showing the user.
async fn access_key(
    transport: &Transport,
    endpoint: &str,
    ak: &str,
    sk: &str,
    account_id: Option<&str>,
) -> Result<(IamClient, Session), SignInFailure> {
    let signed = |domain_id: Option<String>| Auth::AkSk {
        ak: ak.to_owned(),
        sk: sk.to_owned(),
        domain_id,
        project_id: None,
    };
    let discovery = IamClient::new(transport.clone(), endpoint, signed(None));
    let domains = discovery.auth_domains().await?;
    let domain = account(&domains, account_id)?;
    let client = IamClient::new(transport.clone(), endpoint, signed(Some(domain.id.clone())));
    let own_key = client.show_key(ak).await?;
    let user = client.show_user(&own_key.user_id).await?;
    let session = Session {
        auth: signed(Some(domain.id.clone())),
        iam_endpoint: endpoint.to_owned(),
        domain_id: domain.id.clone(),
        domain_name: Some(domain.name.clone()),
        user_id: user.id,
        user_name: user.name,
    };
    Ok((client, session))
}

/// The account the credentials belong to: the one named by `account_id` when given (it must be
/// among `domains`), else the first.
fn account<'a>(
    domains: &'a [Domain],
    account_id: Option<&str>,
) -> Result<&'a Domain, SignInFailure> {
    match account_id {
        Some(given) => {
            domains
                .iter()
                .find(|domain| domain.id == given)
                .ok_or_else(|| match domains.first() {
                    Some(actual) => SignInFailure::AccountMismatch {
                        given: given.to_owned(),
                        actual: actual.id.clone(),
                    },
                    None => SignInFailure::NoAccount,
                })
        }
        None => domains.first().ok_or(SignInFailure::NoAccount),
    }
}

/// A pasted token: the account from `GET /v3/auth/domains`; the user from the owner of the
/// caller's own keys (`GET credentials` without `user_id`), then showing that user. A user
/// without keys stays unnamed: IAM offers no other call that names a token's user.
async fn pasted_token(
    transport: Transport,
    endpoint: &str,
    token: &str,
) -> Result<(IamClient, Session), SignInFailure> {
    let auth = Auth::Token(token.to_owned());
    let client = IamClient::new(transport, endpoint, auth.clone());
    let domains = client.auth_domains().await?;
    let domain = account(&domains, None)?.clone();
    let own_keys = client.list_keys(None).await?;
    let (user_id, user_name) = match own_keys.first() {
        Some(key) => {
            let user = client.show_user(&key.user_id).await?;
            (user.id, user.name)
        }
        None => (String::new(), String::new()),
    };
    let session = Session {
        auth,
        iam_endpoint: endpoint.to_owned(),
        domain_id: domain.id,
        domain_name: Some(domain.name),
        user_id,
        user_name,
    };
    Ok((client, session))
}

/// Asks for the user list: 403 means the user is not an administrator.
async fn admin_status(client: &IamClient) -> AdminStatus {
    match client.list_users().await {
        Ok(_) => AdminStatus::Administrator,
        Err(Error::Api(error)) if error.status == 403 => AdminStatus::NotAdministrator,
        Err(_) => AdminStatus::Unknown,
    }
}
