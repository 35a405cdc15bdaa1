//! The demo account: users, access keys and KMS keys that show every case Keyturn handles.
//! The README describes what each entry demonstrates. This file is the only description of the
//! account: tests find its entries through `GET /__emulator/state` by [`user_role`] and
//! [`kms_role`], and its sign-in credentials through `GET /__emulator/demo` ([`SignIns`]).

use chrono::{DateTime, Utc};
use rand::Rng;
use serde::Serialize;

use super::{REGIONS, days_ago};
use crate::ids;
use crate::secret::Secret;
use crate::startup::{Startup, StartupAdmin};
use crate::state::{Cloud, Credential, KeyState, KmsKey, PENDING_DELETION_DAYS, Rotation, User};

/// What each demo user demonstrates: the `role` of a user in `GET /__emulator/state`.
pub mod user_role {
    /// The account administrator of the startup line; the console's own key, room for a second.
    pub const ADMIN: &str = "admin";
    /// A second administrator: an old key already switched off, never used.
    pub const SECOND_ADMIN: &str = "second-admin";
    /// A robot whose overdue key an application still uses.
    pub const OVERDUE_IN_USE: &str = "overdue-in-use";
    /// A robot halfway through a rotation: two keys, quota full.
    pub const MID_ROTATION: &str = "mid-rotation";
    /// A robot whose overdue key nobody uses: safe to delete.
    pub const OVERDUE_UNUSED: &str = "overdue-unused";
    /// A robot whose key is well past a 90-day policy and still in use.
    pub const PAST_POLICY: &str = "past-policy";
    /// The non-administrator to sign in as; its access key is fixed.
    pub const NON_ADMIN: &str = "non-admin";
    /// A person whose only key is deactivated.
    pub const INACTIVE_KEY: &str = "inactive-key";
    /// Login protection: a token needs the `totp` method too.
    pub const MFA: &str = "mfa";
    /// A disabled user: no token, its keys cannot sign.
    pub const DISABLED: &str = "disabled";
    /// A user without access keys.
    pub const NO_KEYS: &str = "no-keys";
    /// `access_mode: console`, no access keys.
    pub const CONSOLE_ONLY: &str = "console-only";
}

/// What each demo KMS key demonstrates: the `role` of a KMS key in `GET /__emulator/state`.
pub mod kms_role {
    /// Rotation on, 90 days, rotated 4 times.
    pub const ROTATING: &str = "rotating";
    /// Rotation on, 30 days: the shortest interval.
    pub const SHORTEST_INTERVAL: &str = "shortest-interval";
    /// Rotation on, 180 days.
    pub const MID_INTERVAL: &str = "mid-interval";
    /// Rotation on, 365 days: the longest interval.
    pub const LONGEST_INTERVAL: &str = "longest-interval";
    /// An old key whose rotation was never enabled.
    pub const NEVER_ROTATED: &str = "never-rotated";
    /// A key created this week, rotation off.
    pub const FRESH: &str = "fresh";
    /// A Default Master Key (`default_key_flag` "1"): cannot rotate.
    pub const DEFAULT_KEY: &str = "default-key";
    /// The second Default Master Key.
    pub const SECOND_DEFAULT_KEY: &str = "second-default-key";
    /// Imported key material (`origin` "external"): cannot rotate.
    pub const EXTERNAL: &str = "external";
    /// Waiting for imported material (`key_state` "5").
    pub const PENDING_IMPORT: &str = "pending-import";
    /// A disabled key (`key_state` "3").
    pub const DISABLED: &str = "disabled";
    /// Scheduled for deletion (`key_state` "4").
    pub const PENDING_DELETION: &str = "pending-deletion";
    /// Pending activation (`key_state` "1").
    pub const PENDING_ACTIVATION: &str = "pending-activation";
    /// An RSA signing key: cannot rotate.
    pub const RSA: &str = "rsa";
    /// An elliptic-curve signing key: cannot rotate.
    pub const EC: &str = "ec";
    /// A non-AES symmetric key (SM4).
    pub const SM4: &str = "sm4";
    /// A rotating key in the second region's project.
    pub const OTHER_REGION: &str = "other-region";
}

/// Password of every demo user except the administrator.
pub const DEMO_PASSWORD: &str = "Keyturn-Demo-1";
/// A non-admin person whose access key is fixed, so tests and demos can sign in as a non-admin.
pub const NON_ADMIN_NAME: &str = "alice";
/// Access key of [`NON_ADMIN_NAME`].
pub const NON_ADMIN_AK: &str = "ALICEDEMOACCESSKEY01";
/// Secret key of [`NON_ADMIN_NAME`].
pub const NON_ADMIN_SK: &str = "AliceDemoSecretKey0000000000000000000001";
/// A non-admin user protected by virtual MFA: a token needs `totp` as well as `password`.
pub const MFA_USER_NAME: &str = "carol";
/// Base32 secret of [`MFA_USER_NAME`]'s MFA device (RFC 6238, SHA-1, 30 s, 6 digits).
pub const MFA_SECRET_BASE32: &str = "JBSWY3DPEHPK3PXP";
/// A disabled user: it cannot get a token and its keys cannot sign.
pub const DISABLED_USER_NAME: &str = "dave";
/// A second administrator.
pub const SECOND_ADMIN_NAME: &str = "sec-ops";

struct UserSpec {
    name: &'static str,
    role: &'static str,
    description: &'static str,
    admin: bool,
    enabled: bool,
    access_mode: &'static str,
    mfa: bool,
    keys: &'static [KeySpec],
}

struct KeySpec {
    age_days: f64,
    /// `None`: never used.
    used_days_ago: Option<f64>,
    active: bool,
    description: &'static str,
}

const fn key(
    age_days: f64,
    used_days_ago: Option<f64>,
    active: bool,
    description: &'static str,
) -> KeySpec {
    KeySpec {
        age_days,
        used_days_ago,
        active,
        description,
    }
}

const fn person(
    name: &'static str,
    role: &'static str,
    description: &'static str,
    keys: &'static [KeySpec],
) -> UserSpec {
    UserSpec {
        name,
        role,
        description,
        admin: false,
        enabled: true,
        access_mode: "default",
        mfa: false,
        keys,
    }
}

/// A robot user: a [`person`] with programmatic access only.
const fn robot(
    name: &'static str,
    role: &'static str,
    description: &'static str,
    keys: &'static [KeySpec],
) -> UserSpec {
    UserSpec {
        access_mode: "programmatic",
        ..person(name, role, description, keys)
    }
}

const USERS: &[UserSpec] = &[
    UserSpec {
        admin: true,
        ..person(
            SECOND_ADMIN_NAME,
            user_role::SECOND_ADMIN,
            "Security operations (administrator)",
            &[
                key(400.0, None, false, "break-glass key, never used"),
                key(80.0, Some(1.0), true, "audit scripts"),
            ],
        )
    },
    robot(
        "ci-deploy",
        user_role::OVERDUE_IN_USE,
        "CI robot: deployment pipeline",
        &[key(400.0, Some(0.02), true, "deploy pipeline")],
    ),
    robot(
        "ci-backup",
        user_role::MID_ROTATION,
        "CI robot: nightly backups, halfway through a rotation",
        &[
            key(95.0, Some(0.1), true, "nightly backup (old)"),
            key(3.0, None, true, "nightly backup (new)"),
        ],
    ),
    robot(
        "ci-terraform",
        user_role::OVERDUE_UNUSED,
        "CI robot: infrastructure as code",
        &[key(95.0, None, true, "terraform state")],
    ),
    robot(
        "monitoring-bot",
        user_role::PAST_POLICY,
        "Robot: metrics exporter",
        &[key(180.0, Some(2.0), true, "metrics exporter")],
    ),
    person(
        NON_ADMIN_NAME,
        user_role::NON_ADMIN,
        "Developer (not an administrator)",
        &[key(5.0, Some(0.5), true, "laptop CLI")],
    ),
    person(
        "bob",
        user_role::INACTIVE_KEY,
        "Developer with a deactivated key",
        &[key(80.0, Some(40.0), false, "old laptop")],
    ),
    UserSpec {
        mfa: true,
        ..person(
            MFA_USER_NAME,
            user_role::MFA,
            "Data analyst, MFA login protection",
            &[key(95.0, Some(30.0), true, "data analysis")],
        )
    },
    UserSpec {
        enabled: false,
        ..person(
            DISABLED_USER_NAME,
            user_role::DISABLED,
            "Former contractor (disabled)",
            &[key(400.0, Some(200.0), true, "contract work")],
        )
    },
    person("erin", user_role::NO_KEYS, "Designer, no access keys", &[]),
    UserSpec {
        access_mode: "console",
        ..person(
            "auditor",
            user_role::CONSOLE_ONLY,
            "External auditor, console only",
            &[],
        )
    },
];

/// Adds the demo users and their access keys.
pub fn add_users(cloud: &mut Cloud, rng: &mut impl Rng, now: DateTime<Utc>) {
    for spec in USERS {
        let user = User {
            id: ids::hex_id(rng),
            name: spec.name.to_owned(),
            password: Secret::new(DEMO_PASSWORD),
            enabled: spec.enabled,
            admin: spec.admin,
            is_domain_owner: false,
            description: spec.description.to_owned(),
            email: format!("{}@keyturn.example", spec.name),
            access_mode: spec.access_mode,
            created: days_ago(now, 700.0),
            last_login: spec.enabled.then(|| days_ago(now, 3.0)),
            mfa_secret: spec.mfa.then(|| Secret::new(MFA_SECRET_BASE32)),
            role: Some(spec.role),
        };
        for key in spec.keys {
            let (access, secret) = if spec.name == NON_ADMIN_NAME {
                (NON_ADMIN_AK.to_owned(), NON_ADMIN_SK.to_owned())
            } else {
                (ids::access_key(rng), ids::secret_key(rng))
            };
            cloud.credentials.push(Credential {
                access,
                secret: Secret::new(secret),
                user_id: user.id.clone(),
                active: key.active,
                description: key.description.to_owned(),
                created: days_ago(now, key.age_days),
                last_used: key.used_days_ago.map(|days| days_ago(now, days)),
            });
        }
        cloud.users.push(user);
    }
}

struct KmsSpec {
    alias: &'static str,
    role: &'static str,
    description: &'static str,
    spec: &'static str,
    origin: &'static str,
    state: KeyState,
    default_key: bool,
    age_days: f64,
    /// (interval days, last rotation days ago, number of rotations)
    rotation: Option<(u32, f64, u32)>,
    /// Index into [`REGIONS`].
    region: usize,
}

const fn aes(
    alias: &'static str,
    role: &'static str,
    description: &'static str,
    age_days: f64,
) -> KmsSpec {
    KmsSpec {
        alias,
        role,
        description,
        spec: "AES_256",
        origin: "kms",
        state: KeyState::Enabled,
        default_key: false,
        age_days,
        rotation: None,
        region: 0,
    }
}

const KMS_KEYS: &[KmsSpec] = &[
    KmsSpec {
        rotation: Some((90, 20.0, 4)),
        ..aes(
            "app/orders",
            kms_role::ROTATING,
            "Order database encryption",
            400.0,
        )
    },
    KmsSpec {
        rotation: Some((30, 5.0, 6)),
        ..aes(
            "app/payments",
            kms_role::SHORTEST_INTERVAL,
            "Payment tokens",
            200.0,
        )
    },
    KmsSpec {
        rotation: Some((180, 120.0, 1)),
        ..aes(
            "app/sessions",
            kms_role::MID_INTERVAL,
            "Session store",
            300.0,
        )
    },
    KmsSpec {
        rotation: Some((365, 70.0, 2)),
        ..aes(
            "app/archive",
            kms_role::LONGEST_INTERVAL,
            "Cold archive",
            800.0,
        )
    },
    aes(
        "app/legacy",
        kms_role::NEVER_ROTATED,
        "Legacy service, rotation never enabled",
        400.0,
    ),
    aes("app/reports", kms_role::FRESH, "Created this week", 3.0),
    KmsSpec {
        default_key: true,
        ..aes(
            "evs/default",
            kms_role::DEFAULT_KEY,
            "Default key for encrypting EVS disks",
            600.0,
        )
    },
    KmsSpec {
        default_key: true,
        ..aes(
            "obs/default",
            kms_role::SECOND_DEFAULT_KEY,
            "Default key for encrypting OBS objects",
            600.0,
        )
    },
    KmsSpec {
        origin: "external",
        ..aes(
            "byok/imported",
            kms_role::EXTERNAL,
            "Imported key material (BYOK)",
            150.0,
        )
    },
    KmsSpec {
        origin: "external",
        state: KeyState::PendingImport,
        ..aes(
            "byok/awaiting-material",
            kms_role::PENDING_IMPORT,
            "Waiting for key material import",
            2.0,
        )
    },
    KmsSpec {
        state: KeyState::Disabled,
        ..aes("app/retired", kms_role::DISABLED, "Disabled key", 500.0)
    },
    KmsSpec {
        state: KeyState::PendingDeletion,
        ..aes(
            "app/doomed",
            kms_role::PENDING_DELETION,
            "Scheduled for deletion",
            450.0,
        )
    },
    KmsSpec {
        state: KeyState::PendingActivation,
        ..aes(
            "app/staging",
            kms_role::PENDING_ACTIVATION,
            "Pending activation",
            1.0,
        )
    },
    KmsSpec {
        spec: "RSA_2048",
        ..aes("sign/rsa", kms_role::RSA, "Release signing (RSA)", 100.0)
    },
    KmsSpec {
        spec: "EC_P256",
        ..aes("sign/ec", kms_role::EC, "Token signing (EC)", 60.0)
    },
    KmsSpec {
        spec: "SM4",
        ..aes(
            "gm/sm4",
            kms_role::SM4,
            "Chinese commercial cryptography",
            90.0,
        )
    },
    KmsSpec {
        rotation: Some((90, 10.0, 1)),
        region: 1,
        ..aes(
            "app/orders-sg",
            kms_role::OTHER_REGION,
            "Order database, Singapore",
            120.0,
        )
    },
];

/// Adds the demo KMS keys.
pub fn add_kms_keys(cloud: &mut Cloud, rng: &mut impl Rng, now: DateTime<Utc>) {
    for spec in KMS_KEYS {
        let Some(project) = cloud
            .projects
            .iter()
            .find(|p| p.name == REGIONS[spec.region])
        else {
            continue;
        };
        let rotation = match spec.rotation {
            Some((interval_days, last_days_ago, count)) => Rotation {
                enabled: true,
                interval_days,
                last_rotation: Some(days_ago(now, last_days_ago)),
                count,
            },
            None => Rotation::off(),
        };
        let key = KmsKey {
            id: ids::kms_key_id(rng),
            project_id: project.id.clone(),
            alias: spec.alias.to_owned(),
            description: spec.description.to_owned(),
            spec: spec.spec,
            usage: if spec.spec.starts_with("RSA") || spec.spec.starts_with("EC") {
                "SIGN_VERIFY"
            } else {
                "ENCRYPT_DECRYPT"
            },
            origin: spec.origin,
            state: spec.state,
            default_key: spec.default_key,
            created: days_ago(now, spec.age_days),
            scheduled_deletion: (spec.state == KeyState::PendingDeletion)
                .then(|| now + chrono::Duration::days(PENDING_DELETION_DAYS)),
            rotation,
            role: Some(spec.role),
        };
        cloud.kms_keys.push(key);
    }
}

/// The demo account's sign-in credentials, served by `GET /__emulator/demo`. These are public demo
/// values (the startup line and `cargo xtask demo` print the administrator's), never real ones.
#[derive(Debug, Clone, Serialize)]
pub struct SignIns {
    pub domain_name: String,
    /// Password of every demo user except the administrator.
    pub user_password: &'static str,
    /// The administrator, exactly as on the startup line.
    pub admin: StartupAdmin,
    /// The non-administrator ([`user_role::NON_ADMIN`]) with the fixed access key.
    pub non_admin: StartupAdmin,
    /// The user with virtual MFA ([`user_role::MFA`]).
    pub mfa: MfaSignIn,
}

/// Sign-in data of the MFA user: password plus an RFC 6238 code of `totp_secret`.
#[derive(Debug, Clone, Serialize)]
pub struct MfaSignIn {
    pub user_id: String,
    pub name: String,
    pub password: &'static str,
    /// Base32 secret of the virtual MFA device (SHA-1, 30 s steps, 6 digits).
    pub totp_secret: &'static str,
}

impl SignIns {
    /// The credentials of a freshly seeded demo account; `None` unless it holds the demo users.
    pub fn of(cloud: &Cloud, startup: &Startup) -> Option<Self> {
        let id_of = |name: &str| {
            cloud
                .users
                .iter()
                .find(|u| u.name == name)
                .map(|u| u.id.clone())
        };
        Some(Self {
            domain_name: cloud.domain.name.clone(),
            user_password: DEMO_PASSWORD,
            admin: startup.admin.clone(),
            non_admin: StartupAdmin {
                user_id: id_of(NON_ADMIN_NAME)?,
                name: NON_ADMIN_NAME.to_owned(),
                password: DEMO_PASSWORD.to_owned(),
                ak: NON_ADMIN_AK.to_owned(),
                sk: NON_ADMIN_SK.to_owned(),
            },
            mfa: MfaSignIn {
                user_id: id_of(MFA_USER_NAME)?,
                name: MFA_USER_NAME.to_owned(),
                password: DEMO_PASSWORD,
                totp_secret: MFA_SECRET_BASE32,
            },
        })
    }
}
