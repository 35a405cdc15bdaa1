//! The emulated account: domain, projects, users, access keys, KMS keys and issued tokens.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Duration, Utc};

use crate::secret::Secret;

/// Each IAM user can hold at most this many access keys.
pub const MAX_KEYS_PER_USER: usize = 2;

/// Lifetime of an IAM token.
pub const TOKEN_LIFETIME: Duration = Duration::hours(24);

/// Waiting period, in days, of the keys scheduled for deletion.
pub const PENDING_DELETION_DAYS: i64 = 7;

/// The region whose project the startup line names.
pub const HOME_REGION: &str = "cn-north-4";

/// The account (domain).
#[derive(Debug, Clone)]
pub struct Domain {
    pub id: String,
    pub name: String,
}

/// A region project; its name is the region id.
#[derive(Debug, Clone)]
pub struct Project {
    pub id: String,
    pub name: String,
}

/// An IAM user.
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub name: String,
    pub password: Secret,
    pub enabled: bool,
    /// Member of the `admin` group: may manage every user's keys.
    pub admin: bool,
    pub is_domain_owner: bool,
    pub description: String,
    pub email: String,
    /// `default`, `programmatic` or `console`.
    pub access_mode: &'static str,
    pub created: DateTime<Utc>,
    pub last_login: Option<DateTime<Utc>>,
    /// Virtual MFA device secret (raw bytes); a token then needs the `totp` method too.
    pub mfa_secret: Option<Secret>,
    /// What this user demonstrates in the demo account (`seed::demo::user_role`).
    pub role: Option<&'static str>,
}

/// A permanent access key (AK/SK).
#[derive(Debug, Clone)]
pub struct Credential {
    pub access: String,
    pub secret: Secret,
    pub user_id: String,
    pub active: bool,
    pub description: String,
    pub created: DateTime<Utc>,
    /// `None` while never used: the API then reports the creation time.
    pub last_used: Option<DateTime<Utc>>,
}

impl Credential {
    /// `"active"` or `"inactive"`.
    pub fn status(&self) -> &'static str {
        if self.active { "active" } else { "inactive" }
    }

    /// The time `last_use_time` shows: the last signed request, else the creation time.
    pub fn last_use_time(&self) -> DateTime<Utc> {
        self.last_used.unwrap_or(self.created)
    }
}

/// KMS `key_state` codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyState {
    PendingActivation,
    Enabled,
    Disabled,
    PendingDeletion,
    PendingImport,
}

impl KeyState {
    /// The wire code, `"1"` to `"5"`.
    pub fn code(self) -> &'static str {
        match self {
            Self::PendingActivation => "1",
            Self::Enabled => "2",
            Self::Disabled => "3",
            Self::PendingDeletion => "4",
            Self::PendingImport => "5",
        }
    }
}

/// Key rotation settings of a KMS key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rotation {
    pub enabled: bool,
    /// Days, 30 to 365.
    pub interval_days: u32,
    pub last_rotation: Option<DateTime<Utc>>,
    pub count: u32,
}

impl Rotation {
    /// Rotation switched off, with the interval KMS reports by default.
    pub fn off() -> Self {
        Self {
            enabled: false,
            interval_days: 365,
            last_rotation: None,
            count: 0,
        }
    }
}

/// A KMS customer master key.
#[derive(Debug, Clone)]
pub struct KmsKey {
    pub id: String,
    pub project_id: String,
    pub alias: String,
    pub description: String,
    /// `AES_256`, `SM4`, `RSA_2048`, `EC_P256`, ...
    pub spec: &'static str,
    /// `ENCRYPT_DECRYPT` or `SIGN_VERIFY`.
    pub usage: &'static str,
    /// `kms` or `external` (imported key material).
    pub origin: &'static str,
    pub state: KeyState,
    /// A Default Master Key created by a cloud service (`default_key_flag` "1").
    pub default_key: bool,
    pub created: DateTime<Utc>,
    pub scheduled_deletion: Option<DateTime<Utc>>,
    pub rotation: Rotation,
    /// What this key demonstrates in the demo account (`seed::demo::kms_role`).
    pub role: Option<&'static str>,
}

impl KmsKey {
    /// Whether the key is asymmetric (RSA, EC, SM2).
    pub fn is_asymmetric(&self) -> bool {
        !matches!(self.spec, "AES_256" | "SM4")
    }
}

/// What an issued token is scoped to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Domain,
    Project(String),
}

/// An issued IAM token.
#[derive(Debug, Clone)]
pub struct Token {
    pub user_id: String,
    pub scope: Scope,
    pub methods: Vec<String>,
    pub issued: DateTime<Utc>,
    pub expires: DateTime<Utc>,
}

/// Everything the emulator knows. Tokens are keyed by their secret value, so this type has no `Debug`.
pub struct Cloud {
    pub domain: Domain,
    pub projects: Vec<Project>,
    pub users: Vec<User>,
    pub credentials: Vec<Credential>,
    pub kms_keys: Vec<KmsKey>,
    pub tokens: HashMap<String, Token>,
}

impl fmt::Debug for Cloud {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cloud")
            .field("domain", &self.domain)
            .field("projects", &self.projects)
            .field("users", &self.users.len())
            .field("credentials", &self.credentials.len())
            .field("kms_keys", &self.kms_keys.len())
            .field("tokens", &self.tokens.len())
            .finish()
    }
}

impl Cloud {
    /// The user with this id.
    pub fn user(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    /// The user with this id, mutable.
    pub fn user_mut(&mut self, id: &str) -> Option<&mut User> {
        self.users.iter_mut().find(|u| u.id == id)
    }

    /// The access key with this AK.
    pub fn credential(&self, access: &str) -> Option<&Credential> {
        self.credentials.iter().find(|c| c.access == access)
    }

    /// The access key with this AK, mutable.
    pub fn credential_mut(&mut self, access: &str) -> Option<&mut Credential> {
        self.credentials.iter_mut().find(|c| c.access == access)
    }

    /// The access keys of one user, oldest first.
    pub fn credentials_of(&self, user_id: &str) -> Vec<&Credential> {
        let mut keys: Vec<&Credential> = self
            .credentials
            .iter()
            .filter(|c| c.user_id == user_id)
            .collect();
        keys.sort_by_key(|c| c.created);
        keys
    }

    /// The project with this id.
    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    /// The project of the home region.
    pub fn home_project(&self) -> &Project {
        self.projects
            .iter()
            .find(|p| p.name == HOME_REGION)
            .unwrap_or(&self.projects[0])
    }

    /// The KMS key with this id in this project.
    pub fn kms_key_mut(&mut self, project_id: &str, key_id: &str) -> Option<&mut KmsKey> {
        self.kms_keys
            .iter_mut()
            .find(|k| k.project_id == project_id && k.id == key_id)
    }
}

/// The account shared by all request handlers.
#[derive(Clone)]
pub struct SharedCloud(Arc<Mutex<Cloud>>);

impl SharedCloud {
    /// Shares an account.
    pub fn new(cloud: Cloud) -> Self {
        Self(Arc::new(Mutex::new(cloud)))
    }

    /// Locks the account. A handler never panics while holding the lock, but a poisoned lock
    /// still holds consistent data because every write is applied in one step.
    pub fn lock(&self) -> MutexGuard<'_, Cloud> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
