//! [`KmsClient`]: the KMS calls of one region's project.

use std::fmt;

use keyturn_core::error::Error;
use keyturn_core::ids::{KmsKeyId, ProjectId};
use keyturn_core::kms::{RotationStatus, Step};
use keyturn_core::request::{ApiRequest, ApiResponse, Auth, kms as kms_requests};
use keyturn_core::session::Session;
use keyturn_core::types::kms::{KeyRotationStatus, ListKeysResponse};
use web_sys::AbortSignal;

use super::{IamClient, Transport};

/// Keys listed per `list-keys` page (the most KMS returns).
pub const PAGE_LIMIT: u32 = 1000;

/// KMS calls for one project, through the proxy. Cheap to clone; `Debug` never shows a secret.
#[derive(Clone, PartialEq)]
pub struct KmsClient {
    transport: Transport,
    endpoint: String,
    project: ProjectId,
    auth: Auth,
    signal: Option<AbortSignal>,
}

impl KmsClient {
    /// A client for the KMS of `region` at `endpoint`: an access key signs for the region's
    /// project (its id asked of IAM, `GET /v3/projects?name=`), a token session uses the
    /// region's project token it holds (from a password sign-in, or
    /// [`project_token`](fn@super::project_token)). [`Error::NoProjectToken`] for a token session
    /// without one.
    pub async fn for_region(
        session: &Session,
        transport: Transport,
        endpoint: &str,
        region: &str,
        signal: Option<AbortSignal>,
    ) -> Result<Self, Error> {
        let (project, auth) = match &session.auth {
            Auth::AkSk { ak, sk, .. } => {
                let mut iam = IamClient::for_session(session, transport.clone());
                if let Some(signal) = &signal {
                    iam = iam.with_abort_signal(signal.clone());
                }
                let project = iam.region_project(region).await?;
                let auth = Auth::AkSk {
                    ak: ak.clone(),
                    sk: sk.clone(),
                    domain_id: None,
                    project_id: Some(project.id.clone()),
                };
                (project.id, auth)
            }
            Auth::Token(_) | Auth::None => {
                let token = session
                    .project_token(region)
                    .ok_or_else(|| Error::NoProjectToken(region.to_owned()))?;
                (token.project_id.clone(), Auth::Token(token.token.clone()))
            }
        };
        Ok(Self {
            transport,
            endpoint: endpoint.to_owned(),
            project: ProjectId::parse(&project)?,
            auth,
            signal,
        })
    }

    /// The same client with its calls aborted by `signal` (none when `None`).
    pub fn with_abort_signal(mut self, signal: Option<AbortSignal>) -> Self {
        self.signal = signal;
        self
    }

    /// The same client with no abort signal: for writes, seen through once sent.
    pub fn detached(mut self) -> Self {
        self.signal = None;
        self
    }

    /// The transport, with the clock offset it learned.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// One page of every key of the project (`key_spec: ALL`), after `marker`.
    pub async fn list_page(&self, marker: Option<&str>) -> Result<ListKeysResponse, Error> {
        let request =
            kms_requests::list_keys(&self.endpoint, &self.project, Some(PAGE_LIMIT), marker)?;
        self.send(&request).await?.json()
    }

    /// A key's rotation status.
    pub async fn rotation_status(&self, key: &KmsKeyId) -> Result<RotationStatus, Error> {
        let request = kms_requests::rotation_status(&self.endpoint, &self.project, key)?;
        let status = self.send(&request).await?.json::<KeyRotationStatus>()?;
        Ok(RotationStatus::from(&status))
    }

    /// Enables or disables rotation, or sets its interval.
    pub async fn apply(&self, key: &KmsKeyId, step: Step) -> Result<(), Error> {
        let request = kms_requests::rotation_step(&self.endpoint, &self.project, key, step)?;
        self.send(&request).await.map(drop)
    }

    async fn send(&self, request: &ApiRequest) -> Result<ApiResponse, Error> {
        self.transport
            .send(request, &self.auth, self.signal.as_ref())
            .await
    }
}

impl fmt::Debug for KmsClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KmsClient")
            .field("endpoint", &self.endpoint)
            .field("project", &self.project)
            .field("auth", &self.auth)
            .finish_non_exhaustive()
    }
}
