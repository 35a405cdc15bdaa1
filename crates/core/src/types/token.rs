//! `POST /v3/auth/tokens` and `GET /v3/auth/tokens` (docs/api.md, "IAM: tokens"). The token
//! itself travels in the `X-Subject-Token` header, never in the answers' bodies.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::lenient;

/// Header that carries the issued token (answers) or the token to validate (requests).
pub const SUBJECT_TOKEN_HEADER: &str = "X-Subject-Token";

/// Request body of `POST /v3/auth/tokens`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRequest {
    /// Identity and scope.
    pub auth: TokenAuth,
}

impl TokenRequest {
    /// Password sign-in of IAM user `user` of account `account`, scoped to `scope`.
    pub fn password(account: &str, user: &str, password: &str, scope: Scope) -> Self {
        Self {
            auth: TokenAuth {
                identity: Identity {
                    methods: vec!["password".to_owned()],
                    password: Some(PasswordIdentity {
                        user: PasswordUser {
                            name: user.to_owned(),
                            password: password.to_owned(),
                            domain: DomainName {
                                name: account.to_owned(),
                            },
                        },
                    }),
                    token: None,
                    totp: None,
                },
                scope,
            },
        }
    }

    /// A token for `scope` in exchange for the valid token `token` of the same user
    /// (`"methods": ["token"]`, sent without `X-Auth-Token`; docs/api.md, "IAM: tokens").
    pub fn from_token(token: &str, scope: Scope) -> Self {
        Self {
            auth: TokenAuth {
                identity: Identity {
                    methods: vec!["token".to_owned()],
                    password: None,
                    token: Some(TokenIdentity {
                        id: token.to_owned(),
                    }),
                    totp: None,
                },
                scope,
            },
        }
    }

    /// Adds a virtual-MFA code for the IAM user with id `user_id`.
    pub fn with_totp(mut self, user_id: &str, passcode: &str) -> Self {
        let identity = &mut self.auth.identity;
        if !identity.methods.iter().any(|m| m == "totp") {
            identity.methods.push("totp".to_owned());
        }
        identity.totp = Some(TotpIdentity {
            user: TotpUser {
                id: user_id.to_owned(),
                passcode: passcode.to_owned(),
            },
        });
        self
    }
}

/// `auth` of a token request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenAuth {
    /// Who signs in.
    pub identity: Identity,
    /// What the token is for.
    pub scope: Scope,
}

/// `auth.identity`: the methods and their credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// `["password"]`, `["password", "totp"]` or `["token"]`.
    pub methods: Vec<String>,
    /// Password credentials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<PasswordIdentity>,
    /// The token exchanged, for the `token` method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<TokenIdentity>,
    /// Virtual-MFA code, when login protection asks for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp: Option<TotpIdentity>,
}

/// `identity.password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordIdentity {
    /// The user and its password.
    pub user: PasswordUser,
}

/// `identity.password.user`; its `Debug` output hides the password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordUser {
    /// IAM user name.
    pub name: String,
    /// The user's password.
    pub password: String,
    /// The account (domain) the user belongs to.
    pub domain: DomainName,
}

impl fmt::Debug for PasswordUser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordUser")
            .field("name", &self.name)
            .field("password", &"<redacted>")
            .field("domain", &self.domain)
            .finish()
    }
}

/// An account (domain) named by its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainName {
    /// Account name.
    pub name: String,
}

/// `identity.token`; its `Debug` output hides the token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenIdentity {
    /// The `X-Subject-Token` value of a valid token.
    pub id: String,
}

impl fmt::Debug for TokenIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenIdentity")
            .field("id", &"<redacted>")
            .finish()
    }
}

/// `identity.totp`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpIdentity {
    /// The user and its current code.
    pub user: TotpUser,
}

/// `identity.totp.user`; its `Debug` output hides the code.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpUser {
    /// IAM user id.
    pub id: String,
    /// Six-digit code from the virtual MFA device.
    pub passcode: String,
}

impl fmt::Debug for TotpUser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TotpUser")
            .field("id", &self.id)
            .field("passcode", &"<redacted>")
            .finish()
    }
}

/// Token scope: the account, for IAM (a global service), or a region's project, for KMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// `{"domain": …}`.
    Domain(ScopeRef),
    /// `{"project": …}`; a region's project is named after the region, e.g. `cn-north-4`.
    Project(ProjectScope),
}

impl Scope {
    /// The project `project`, as a password request names it.
    pub fn project(project: ScopeRef) -> Self {
        Self::Project(ProjectScope {
            project,
            domain: None,
        })
    }

    /// The project `project` of the account `domain`: a token request of the `token` method
    /// needs the account when it names the project by name.
    pub fn project_in(project: ScopeRef, domain: ScopeRef) -> Self {
        Self::Project(ProjectScope {
            project,
            domain: Some(domain),
        })
    }
}

/// `scope.project`: the project by id or name, and its account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectScope {
    /// `id` or `name`.
    #[serde(flatten)]
    pub project: ScopeRef,
    /// The project's account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<ScopeRef>,
}

/// A domain or project named by id or by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScopeRef {
    /// `{"id": …}`.
    Id(String),
    /// `{"name": …}`.
    Name(String),
}

/// Response body of `POST /v3/auth/tokens` (201).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenResponse {
    /// What the token grants.
    pub token: TokenInfo,
}

/// `token` of a token response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenInfo {
    /// When the token stops working (24 hours after issue).
    #[serde(with = "lenient::iso_micros")]
    pub expires_at: DateTime<Utc>,
    /// When the token was issued.
    #[serde(with = "lenient::iso_micros")]
    pub issued_at: DateTime<Utc>,
    /// Methods used to sign in.
    #[serde(default)]
    pub methods: Vec<String>,
    /// The signed-in user.
    pub user: TokenUser,
    /// The account, for a domain-scoped token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<IdName>,
    /// The project, for a project-scoped token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<TokenProject>,
    /// Roles the token carries.
    #[serde(default)]
    pub roles: Vec<IdName>,
    /// Service catalog; empty with `?nocatalog=true`.
    #[serde(default)]
    pub catalog: Vec<CatalogService>,
}

/// An object with an id and a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdName {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// `token.user`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenUser {
    /// IAM user id.
    pub id: String,
    /// IAM user name.
    pub name: String,
    /// The user's account.
    pub domain: IdName,
    /// When the password expires; `None` (`""` on the wire) for never.
    #[serde(default, with = "lenient::empty_as_none")]
    pub password_expires_at: Option<String>,
}

/// `token.project`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenProject {
    /// Project id, used in KMS paths.
    pub id: String,
    /// Project name, e.g. `cn-north-4`.
    pub name: String,
    /// The project's account.
    pub domain: IdName,
}

/// One service of `token.catalog`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogService {
    /// Service type, e.g. `identity`.
    #[serde(rename = "type")]
    pub service_type: String,
    /// Service id.
    pub id: String,
    /// Service name.
    #[serde(default)]
    pub name: String,
    /// The service's endpoints.
    #[serde(default)]
    pub endpoints: Vec<CatalogEndpoint>,
}

/// One endpoint of a catalog service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEndpoint {
    /// Endpoint URL.
    pub url: String,
    /// Region name.
    #[serde(default)]
    pub region: String,
    /// Region id.
    #[serde(default)]
    pub region_id: String,
    /// `public`, `internal` or `admin`.
    #[serde(default)]
    pub interface: String,
    /// Endpoint id.
    #[serde(default)]
    pub id: String,
}
