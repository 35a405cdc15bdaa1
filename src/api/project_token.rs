//! A token session's way to KMS: its token exchanged for one scoped to a region's project.

use keyturn_core::error::Error;
use keyturn_core::request::Auth;
use keyturn_core::session::{ProjectToken, Session};
use keyturn_core::types::token::{Scope, ScopeRef, TokenRequest};
use web_sys::AbortSignal;

use super::{Transport, issue_token};

/// The token of `region`'s project (named after the region, in the session's account) for the
/// token of `session`, from the IAM endpoint `iam_endpoint`: `POST /v3/auth/tokens` with the
/// `token` method (docs/api.md, "IAM: tokens"), sent once. [`Error::NoProjectToken`] for an
/// access-key session, which signs KMS calls itself.
pub async fn project_token(
    transport: &Transport,
    iam_endpoint: &str,
    session: &Session,
    region: &str,
    signal: Option<&AbortSignal>,
) -> Result<ProjectToken, Error> {
    let Auth::Token(token) = &session.auth else {
        return Err(Error::NoProjectToken(region.to_owned()));
    };
    let scope = Scope::project_in(
        ScopeRef::Name(region.to_owned()),
        ScopeRef::Id(session.domain_id.clone()),
    );
    let body = TokenRequest::from_token(token, scope);
    let issued = issue_token(transport, iam_endpoint, &body, signal).await?;
    let project = issued
        .info
        .project
        .ok_or_else(|| Error::Decode("the token answer names no project".to_owned()))?;
    Ok(ProjectToken {
        region: region.to_owned(),
        project_id: project.id,
        token: issued.token,
    })
}
