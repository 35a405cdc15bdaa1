//! Accounts (domains), projects and users (docs/api.md, "IAM: account and projects", "IAM: users").

use serde::{Deserialize, Serialize};

/// Keystone `links`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    /// URL of this resource or page.
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub self_url: Option<String>,
    /// Previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// Next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Response of `GET /v3/auth/domains`: the caller's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainsResponse {
    /// Accounts the caller belongs to (one).
    pub domains: Vec<Domain>,
    /// Links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

/// An account (domain).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Domain {
    /// Account id, sent as `X-Domain-Id` with AK/SK signing.
    pub id: String,
    /// Account name.
    pub name: String,
    /// Whether the account is enabled.
    pub enabled: bool,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

/// Response of `GET /v3/auth/projects` and `GET /v3/projects?name=…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectsResponse {
    /// Matching projects.
    pub projects: Vec<Project>,
    /// Links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

impl ProjectsResponse {
    /// The project when exactly one matched, as the SDK requires when it looks up a region's project.
    pub fn only_project(&self) -> Option<&Project> {
        match self.projects.as_slice() {
            [project] => Some(project),
            _ => None,
        }
    }
}

/// A project; a region's project is named after the region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    /// Project id, used in KMS paths and sent as `X-Project-Id`.
    pub id: String,
    /// Project name, e.g. `cn-north-4` or `cn-north-4_sub`.
    pub name: String,
    /// Owning account id.
    #[serde(default)]
    pub domain_id: String,
    /// Parent project or account id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// Whether the project is enabled.
    pub enabled: bool,
    /// Whether the project is an account.
    #[serde(default)]
    pub is_domain: bool,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

/// Response of `GET /v3/users` (administrators only; no pagination).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersResponse {
    /// Every IAM user of the account.
    pub users: Vec<User>,
    /// Links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

/// An IAM user as `GET /v3/users` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// User id.
    pub id: String,
    /// User name.
    pub name: String,
    /// Account id.
    #[serde(default)]
    pub domain_id: String,
    /// Whether the user is enabled.
    pub enabled: bool,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Password expiry, null when it never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_expires_at: Option<String>,
    /// Whether the password must be changed at next login.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pwd_status: Option<bool>,
    /// Project the user last worked in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_project_id: Option<String>,
    /// Password strength.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pwd_strength: Option<String>,
    /// `default`, `programmatic` or `console`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_mode: Option<String>,
    /// Links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

/// Response of `GET /v3.0/OS-USER/users/{user_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowUserResponse {
    /// The user.
    pub user: UserDetail,
}

/// An IAM user as `GET /v3.0/OS-USER/users/{user_id}` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDetail {
    /// User id.
    pub id: String,
    /// User name.
    pub name: String,
    /// Account id.
    #[serde(default)]
    pub domain_id: String,
    /// Whether the user is enabled.
    pub enabled: bool,
    /// Whether the user is the account's root user.
    #[serde(default)]
    pub is_domain_owner: bool,
    /// `default`, `programmatic` or `console`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_mode: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Creation time, as IAM writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    /// Last update time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_time: Option<String>,
    /// Last console login.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_login_time: Option<String>,
    /// Last password authentication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_pwd_auth_time: Option<String>,
    /// When the password was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pwd_create_time: Option<String>,
    /// Email address (masked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number (masked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Phone country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub areacode: Option<String>,
    /// Whether the password must be changed at next login.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pwd_status: Option<bool>,
    /// Password strength.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pwd_strength: Option<String>,
    /// Id of the user in an external system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xuser_id: Option<String>,
    /// Type of the external system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xuser_type: Option<String>,
    /// Links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}
