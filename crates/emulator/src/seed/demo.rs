//! The demo account: users, access keys and KMS keys that show every case Keyturn handles.
//! The README describes what each entry demonstrates.

use chrono::{DateTime, Utc};
use rand::Rng;

use super::{REGIONS, days_ago};
use crate::ids;
use crate::secret::Secret;
use crate::state::{Cloud, Credential, KeyState, KmsKey, PENDING_DELETION_DAYS, Rotation, User};

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
    description: &'static str,
    keys: &'static [KeySpec],
) -> UserSpec {
    UserSpec {
        name,
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
    description: &'static str,
    keys: &'static [KeySpec],
) -> UserSpec {
    UserSpec {
        access_mode: "programmatic",
        ..person(name, description, keys)
    }
}

const USERS: &[UserSpec] = &[
    UserSpec {
        admin: true,
        ..person(
            SECOND_ADMIN_NAME,
            "Security operations (administrator)",
            &[
                key(400.0, None, false, "break-glass key, never used"),
                key(80.0, Some(1.0), true, "audit scripts"),
            ],
        )
    },
    robot(
        "ci-deploy",
        "CI robot: deployment pipeline",
        &[key(400.0, Some(0.02), true, "deploy pipeline")],
    ),
    robot(
        "ci-backup",
        "CI robot: nightly backups, halfway through a rotation",
        &[
            key(95.0, Some(0.1), true, "nightly backup (old)"),
            key(3.0, None, true, "nightly backup (new)"),
        ],
    ),
    robot(
        "ci-terraform",
        "CI robot: infrastructure as code",
        &[key(95.0, None, true, "terraform state")],
    ),
    robot(
        "monitoring-bot",
        "Robot: metrics exporter",
        &[key(180.0, Some(2.0), true, "metrics exporter")],
    ),
    person(
        NON_ADMIN_NAME,
        "Developer (not an administrator)",
        &[key(5.0, Some(0.5), true, "laptop CLI")],
    ),
    person(
        "bob",
        "Developer with a deactivated key",
        &[key(80.0, Some(40.0), false, "old laptop")],
    ),
    UserSpec {
        mfa: true,
        ..person(
            MFA_USER_NAME,
            "Data analyst, MFA login protection",
            &[key(95.0, Some(30.0), true, "data analysis")],
        )
    },
    UserSpec {
        enabled: false,
        ..person(
            DISABLED_USER_NAME,
            "Former contractor (disabled)",
            &[key(400.0, Some(200.0), true, "contract work")],
        )
    },
    person("erin", "Designer, no access keys", &[]),
    UserSpec {
        access_mode: "console",
        ..person("auditor", "External auditor, console only", &[])
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

const fn aes(alias: &'static str, description: &'static str, age_days: f64) -> KmsSpec {
    KmsSpec {
        alias,
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
        ..aes("app/orders", "Order database encryption", 400.0)
    },
    KmsSpec {
        rotation: Some((30, 5.0, 6)),
        ..aes("app/payments", "Payment tokens", 200.0)
    },
    KmsSpec {
        rotation: Some((180, 120.0, 1)),
        ..aes("app/sessions", "Session store", 300.0)
    },
    KmsSpec {
        rotation: Some((365, 70.0, 2)),
        ..aes("app/archive", "Cold archive", 800.0)
    },
    aes(
        "app/legacy",
        "Legacy service, rotation never enabled",
        400.0,
    ),
    aes("app/reports", "Created this week", 3.0),
    KmsSpec {
        default_key: true,
        ..aes("evs/default", "Default key for encrypting EVS disks", 600.0)
    },
    KmsSpec {
        default_key: true,
        ..aes(
            "obs/default",
            "Default key for encrypting OBS objects",
            600.0,
        )
    },
    KmsSpec {
        origin: "external",
        ..aes("byok/imported", "Imported key material (BYOK)", 150.0)
    },
    KmsSpec {
        origin: "external",
        state: KeyState::PendingImport,
        ..aes(
            "byok/awaiting-material",
            "Waiting for key material import",
            2.0,
        )
    },
    KmsSpec {
        state: KeyState::Disabled,
        ..aes("app/retired", "Disabled key", 500.0)
    },
    KmsSpec {
        state: KeyState::PendingDeletion,
        ..aes("app/doomed", "Scheduled for deletion", 450.0)
    },
    KmsSpec {
        state: KeyState::PendingActivation,
        ..aes("app/staging", "Pending activation", 1.0)
    },
    KmsSpec {
        spec: "RSA_2048",
        ..aes("sign/rsa", "Release signing (RSA)", 100.0)
    },
    KmsSpec {
        spec: "EC_P256",
        ..aes("sign/ec", "Token signing (EC)", 60.0)
    },
    KmsSpec {
        spec: "SM4",
        ..aes("gm/sm4", "Chinese commercial cryptography", 90.0)
    },
    KmsSpec {
        rotation: Some((90, 10.0, 1)),
        region: 1,
        ..aes("app/orders-sg", "Order database, Singapore", 120.0)
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
        };
        cloud.kms_keys.push(key);
    }
}
