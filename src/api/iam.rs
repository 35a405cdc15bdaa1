//! [`IamClient`]: IAM calls with one identity.

use std::fmt;

use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::ids::{AccessKeyId, UserId};
use keyturn_core::request::{ApiRequest, ApiResponse, Auth, iam as iam_requests};
use keyturn_core::session::Session;
use keyturn_core::types::credential::{
    CreatedCredential, CreatedCredentialResponse, CredentialResponse, CredentialsResponse,
    KeyStatus,
};
use keyturn_core::types::directory::ShowUserResponse;
use keyturn_core::types::directory::{
    Domain, DomainsResponse, Project, ProjectsResponse, User, UserDetail, UsersResponse,
};
use keyturn_core::types::token::{TokenInfo, TokenResponse};
use web_sys::AbortSignal;

use super::Transport;

/// IAM calls through the proxy with one identity. Cheap to clone; clones share the transport's
/// clock offset. `Debug` never shows the secret key or the token.
#[derive(Clone, PartialEq)]
pub struct IamClient {
    transport: Transport,
    endpoint: String,
    auth: Auth,
    signal: Option<AbortSignal>,
}

impl IamClient {
    /// A client for the IAM endpoint `endpoint` (upstream URL, not proxied) that authenticates
    /// with `auth`. IAM user and key calls signed with an access key need `domain_id` set.
    pub fn new(transport: Transport, endpoint: impl Into<String>, auth: Auth) -> Self {
        Self {
            transport,
            endpoint: endpoint.into(),
            auth,
            signal: None,
        }
    }

    /// A client for `session` through `transport`.
    pub fn for_session(session: &Session, transport: Transport) -> Self {
        Self::new(
            transport,
            session.iam_endpoint.clone(),
            session.auth.clone(),
        )
    }

    /// The same client whose calls end with [`Error::Cancelled`] once `signal` is aborted
    /// (e.g. when the component that started them goes away).
    pub fn with_abort_signal(mut self, signal: AbortSignal) -> Self {
        self.signal = Some(signal);
        self
    }

    /// The same client with no abort signal: for writes, which once sent are seen through
    /// even if the page that sent them goes away.
    pub fn detached(mut self) -> Self {
        self.signal = None;
        self
    }

    /// The upstream IAM endpoint.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// How the client's calls are authenticated.
    pub fn auth(&self) -> &Auth {
        &self.auth
    }

    /// The transport, with the clock offset it learned.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// `GET /v3/auth/domains`: the caller's account(s).
    pub async fn auth_domains(&self) -> Result<Vec<Domain>, Error> {
        let request = iam_requests::auth_domains(&self.endpoint);
        Ok(self
            .send(&request)
            .await?
            .json::<DomainsResponse>()?
            .domains)
    }

    /// `GET /v3/auth/tokens`: what the token `subject` grants (its user, account and scope),
    /// without its catalog; a user may check their own token.
    pub async fn validate_token(&self, subject: &str) -> Result<TokenInfo, Error> {
        let request = iam_requests::validate_token(&self.endpoint, subject);
        Ok(self.send(&request).await?.json::<TokenResponse>()?.token)
    }

    /// `GET /v3/projects?name=<region>`: the region's project (its id goes into KMS paths).
    pub async fn region_project(&self, region: &str) -> Result<Project, Error> {
        let request = iam_requests::projects(&self.endpoint, region);
        let answer = self.send(&request).await?.json::<ProjectsResponse>()?;
        answer
            .only_project()
            .cloned()
            .ok_or_else(|| Error::NoProject(region.to_owned()))
    }

    /// `GET /v3/users`: every user of the account; 403 for non-administrators.
    pub async fn list_users(&self) -> Result<Vec<User>, Error> {
        let request = iam_requests::list_users(&self.endpoint);
        Ok(self.send(&request).await?.json::<UsersResponse>()?.users)
    }

    /// `GET /v3.0/OS-USER/users/{user_id}`: one user; allowed for administrators and for the
    /// user itself.
    pub async fn show_user(&self, user_id: &UserId) -> Result<UserDetail, Error> {
        let request = iam_requests::show_user(&self.endpoint, user_id);
        Ok(self.send(&request).await?.json::<ShowUserResponse>()?.user)
    }

    /// The keys of `user_id`, or the caller's own keys when `None`. Listed keys carry no last
    /// use time; [`IamClient::show_key`] adds it.
    pub async fn list_keys(&self, user_id: Option<&UserId>) -> Result<Vec<AccessKey>, Error> {
        let request = iam_requests::list_keys(&self.endpoint, user_id);
        let listed = self.send(&request).await?.json::<CredentialsResponse>()?;
        let keys = listed.credentials.into_iter().map(AccessKey::try_from);
        Ok(keys.collect::<Result<_, _>>()?)
    }

    /// The keys of `user_id` (the caller's own when `None`), each shown for its last use time.
    pub async fn keys_with_last_use(
        &self,
        user_id: Option<&UserId>,
    ) -> Result<Vec<AccessKey>, Error> {
        let mut shown = Vec::new();
        for key in self.list_keys(user_id).await? {
            shown.push(self.show_key(&key.access).await?);
        }
        Ok(shown)
    }

    /// One key, with its last use time.
    pub async fn show_key(&self, access: &AccessKeyId) -> Result<AccessKey, Error> {
        self.send_for_key(&iam_requests::show_key(&self.endpoint, access))
            .await
    }

    /// Creates a key for `user_id`; the answer is the only time its secret key is available.
    /// Never repeated automatically.
    pub async fn create_key(
        &self,
        user_id: &UserId,
        description: &str,
    ) -> Result<CreatedCredential, Error> {
        let request = iam_requests::create_key(&self.endpoint, user_id, description)?;
        Ok(self
            .send(&request)
            .await?
            .json::<CreatedCredentialResponse>()?
            .credential)
    }

    /// Enables or disables a key; the key as the server now has it.
    pub async fn set_key_status(
        &self,
        access: &AccessKeyId,
        status: KeyStatus,
    ) -> Result<AccessKey, Error> {
        self.send_for_key(&iam_requests::set_key_status(
            &self.endpoint,
            access,
            status,
        )?)
        .await
    }

    /// Changes a key's description; the key as the server now has it.
    pub async fn set_key_description(
        &self,
        access: &AccessKeyId,
        description: &str,
    ) -> Result<AccessKey, Error> {
        self.send_for_key(&iam_requests::set_key_description(
            &self.endpoint,
            access,
            description,
        )?)
        .await
    }

    /// Deletes a key. Never repeated automatically.
    pub async fn delete_key(&self, access: &AccessKeyId) -> Result<(), Error> {
        let request = iam_requests::delete_key(&self.endpoint, access);
        self.send(&request).await.map(drop)
    }

    /// Sends a request answered with one `{"credential": …}` and returns that key.
    async fn send_for_key(&self, request: &ApiRequest) -> Result<AccessKey, Error> {
        Ok(self
            .send(request)
            .await?
            .json::<CredentialResponse>()?
            .credential
            .try_into()?)
    }

    async fn send(&self, request: &ApiRequest) -> Result<ApiResponse, Error> {
        self.transport
            .send(request, &self.auth, self.signal.as_ref())
            .await
    }
}

impl fmt::Debug for IamClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IamClient")
            .field("transport", &self.transport)
            .field("endpoint", &self.endpoint)
            .field("auth", &self.auth)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use keyturn_core::request::ClockOffset;

    use super::*;

    #[test]
    fn debug_output_never_shows_a_secret() {
        let transport = Transport::new("http://127.0.0.1:8787", ClockOffset::default());
        let signed = Auth::AkSk {
            ak: "HPUAEXAMPLEAK0000001".into(),
            sk: "secret-key-never-shown".into(),
            domain_id: None,
            project_id: None,
        };
        let token = Auth::Token("token-never-shown".into());
        for (auth, secret) in [
            (signed, "secret-key-never-shown"),
            (token, "token-never-shown"),
        ] {
            let client = IamClient::new(transport.clone(), "https://iam.example.com", auth);
            let shown = format!("{client:?}");
            assert!(!shown.contains(secret), "{shown}");
            assert!(shown.contains("iam.example.com"), "{shown}");
        }
    }
}
