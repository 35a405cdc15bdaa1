//! Signing in: checking the credentials against IAM, finding out who they belong to, and
//! whether that user administers the account.

use keyturn_core::connect::{AdminStatus, SignInFailure, SignInRequest, pick_account};
use keyturn_core::error::Error;
use keyturn_core::ids::AccessKeyId;
use keyturn_core::request::{Auth, ClockOffset};
use keyturn_core::session::{ProjectToken, Session};
use keyturn_core::types::token::{Scope, ScopeRef, TokenInfo, TokenRequest};
use web_sys::AbortSignal;

use super::{IamClient, Transport, issue_token};

/// A sign-in that worked.
#[derive(Clone, Debug, PartialEq)]
pub struct Connected {
    /// The session to put in force.
    pub session: Session,
    /// Whether the user administers the account.
    pub admin: AdminStatus,
}

/// Where a sign-in goes: the proxy, the IAM endpoint, and the region whose KMS the session
/// will call.
#[derive(Clone, Copy, Debug)]
pub struct SignInTarget<'a> {
    /// The CORS proxy.
    pub proxy_url: &'a str,
    /// The IAM endpoint (upstream URL).
    pub iam_endpoint: &'a str,
    /// The region of the settings; a password sign-in also gets its project's token for KMS.
    pub region: &'a str,
}

/// Signs in with `request` at `target`, learning the clock into `clock`; aborting `signal`
/// cancels it. Sends only reads, plus the token requests for a password: one for the account
/// (IAM) and one for the region's project (KMS; a refusal leaves the session without it). A
/// pasted token is validated (`GET /v3/auth/tokens`), which names its user and account.
pub async fn sign_in(
    request: &SignInRequest,
    target: SignInTarget<'_>,
    clock: &ClockOffset,
    signal: Option<AbortSignal>,
) -> Result<Connected, SignInFailure> {
    let SignInTarget {
        proxy_url,
        iam_endpoint,
        region,
    } = target;
    let transport = Transport::new(proxy_url, clock.clone());
    let client = |auth: Auth| {
        let client = IamClient::new(transport.clone(), iam_endpoint, auth);
        match &signal {
            Some(signal) => client.with_abort_signal(signal.clone()),
            None => client,
        }
    };
    let session = match request {
        SignInRequest::AkSk { ak, sk, account_id } => {
            let signed = |domain_id: Option<String>| Auth::AkSk {
                ak: ak.clone(),
                sk: sk.clone(),
                domain_id,
                project_id: None,
            };
            let domains = client(signed(None)).auth_domains().await?;
            let domain = pick_account(&domains, account_id.as_deref())?;
            let auth = signed(Some(domain.id.clone()));
            let own_key = client(auth.clone())
                .show_key(&AccessKeyId::parse(ak).map_err(Error::from)?)
                .await?;
            let user = client(auth.clone()).show_user(&own_key.user_id).await?;
            Session {
                auth,
                iam_endpoint: iam_endpoint.to_owned(),
                domain_id: domain.id.clone(),
                domain_name: Some(domain.name.clone()),
                user_id: user.id,
                user_name: user.name,
                project_tokens: Vec::new(),
            }
        }
        SignInRequest::Password {
            account,
            user,
            password,
            mfa,
        } => {
            let body = |scope| {
                let body = TokenRequest::password(account, user, password, scope);
                match mfa {
                    Some(mfa) => body.with_totp(&mfa.user_id, &mfa.passcode),
                    None => body,
                }
            };
            let domain_scope = Scope::Domain(ScopeRef::Name(account.clone()));
            let issued = issue_token(
                &transport,
                iam_endpoint,
                &body(domain_scope),
                signal.as_ref(),
            )
            .await?;
            let project_scope = Scope::project(ScopeRef::Name(region.to_owned()));
            let project = issue_token(
                &transport,
                iam_endpoint,
                &body(project_scope),
                signal.as_ref(),
            )
            .await
            .ok()
            .and_then(|issued| {
                Some(ProjectToken {
                    region: region.to_owned(),
                    project_id: issued.info.project?.id,
                    token: issued.token,
                })
            });
            token_session(issued.token, issued.info, iam_endpoint, project)
        }
        SignInRequest::Token(token) => {
            let info = client(Auth::Token(token.clone()))
                .validate_token(token)
                .await?;
            token_session(token.clone(), info, iam_endpoint, None)
        }
    };
    let admin = AdminStatus::from_user_list(&client(session.auth.clone()).list_users().await);
    Ok(Connected { session, admin })
}

/// The session of `token`, whose user and account `info` names (the answer that issued or
/// validated it), holding `project` for KMS when there is one.
fn token_session(
    token: String,
    info: TokenInfo,
    iam_endpoint: &str,
    project: Option<ProjectToken>,
) -> Session {
    let domain = info.domain.unwrap_or(info.user.domain);
    Session {
        auth: Auth::Token(token),
        iam_endpoint: iam_endpoint.to_owned(),
        domain_id: domain.id,
        domain_name: Some(domain.name),
        user_id: info.user.id,
        user_name: info.user.name,
        project_tokens: project.into_iter().collect(),
    }
}
