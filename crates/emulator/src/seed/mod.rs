//! Builds the account the emulator starts with: the demo account or an empty one, plus optional
//! generated users and KMS keys. Everything is derived from one rng seed, so two runs with the same
//! options hold the same ids, names and ages (ages are relative to the start time).

pub mod demo;
mod generated;

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::ids;
use crate::secret::Secret;
use crate::state::{Cloud, Credential, Domain, HOME_REGION, Project, User};

/// Name of the emulated account (domain).
pub const DOMAIN_NAME: &str = "keyturn-demo";
/// Name of the account administrator printed on the startup line.
pub const ADMIN_NAME: &str = "keyturn-admin";
/// Password of the account administrator.
pub const ADMIN_PASSWORD: &str = "Keyturn-Admin-1";
/// Regions that have a project; the first is the home region.
pub const REGIONS: [&str; 2] = [HOME_REGION, "ap-southeast-1"];

/// Which account to start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SeedKind {
    /// A realistic account: a dozen users, keys of many ages, KMS keys in every state.
    #[default]
    Demo,
    /// Only the administrator with one access key; no KMS keys.
    Empty,
}

/// A fixed access key for the administrator.
#[derive(Debug, Clone)]
pub struct AdminKey {
    pub access: String,
    pub secret: Secret,
}

/// How to build the starting account.
#[derive(Debug, Clone, Default)]
pub struct SeedOptions {
    pub kind: SeedKind,
    /// Generated users added after the seeded ones.
    pub users: usize,
    /// Generated KMS keys added to the home project.
    pub kms_keys: usize,
    pub rng_seed: u64,
    pub admin_key: Option<AdminKey>,
}

/// Independent random streams, so that e.g. `--users N` never changes the KMS key ids.
#[derive(Clone, Copy)]
enum Stream {
    Account = 0,
    DemoUsers = 1,
    DemoKmsKeys = 2,
    GeneratedUsers = 3,
    GeneratedKmsKeys = 4,
}

fn stream(seed: u64, which: Stream) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(which as u64);
    rng
}

/// A moment `days` before `now` (fractions allowed).
fn days_ago(now: DateTime<Utc>, days: f64) -> DateTime<Utc> {
    now - Duration::seconds((days * 86_400.0) as i64)
}

/// Builds the starting account.
pub fn build(options: &SeedOptions, now: DateTime<Utc>) -> Cloud {
    let mut rng = stream(options.rng_seed, Stream::Account);
    let domain = Domain {
        id: ids::hex_id(&mut rng),
        name: DOMAIN_NAME.to_owned(),
    };
    let projects = REGIONS
        .iter()
        .map(|region| Project {
            id: ids::hex_id(&mut rng),
            name: (*region).to_owned(),
        })
        .collect();
    let admin = User {
        id: ids::hex_id(&mut rng),
        name: ADMIN_NAME.to_owned(),
        password: Secret::new(ADMIN_PASSWORD),
        enabled: true,
        admin: true,
        is_domain_owner: true,
        description: "Account administrator".to_owned(),
        email: "admin@keyturn.example".to_owned(),
        access_mode: "default",
        created: days_ago(now, 900.0),
        last_login: Some(days_ago(now, 0.2)),
        mfa_secret: None,
        role: Some(demo::user_role::ADMIN),
    };
    let (access, secret) = match &options.admin_key {
        Some(key) => (key.access.clone(), key.secret.clone()),
        None => (
            ids::access_key(&mut rng),
            Secret::new(ids::secret_key(&mut rng)),
        ),
    };
    let admin_key = Credential {
        access,
        secret,
        user_id: admin.id.clone(),
        active: true,
        description: "Keyturn console".to_owned(),
        created: days_ago(now, 12.0),
        last_used: Some(days_ago(now, 0.05)),
    };
    let mut cloud = Cloud {
        domain,
        projects,
        users: vec![admin],
        credentials: vec![admin_key],
        kms_keys: Vec::new(),
        tokens: HashMap::new(),
    };
    if options.kind == SeedKind::Demo {
        demo::add_users(
            &mut cloud,
            &mut stream(options.rng_seed, Stream::DemoUsers),
            now,
        );
        demo::add_kms_keys(
            &mut cloud,
            &mut stream(options.rng_seed, Stream::DemoKmsKeys),
            now,
        );
    }
    generated::add_users(
        &mut cloud,
        &mut stream(options.rng_seed, Stream::GeneratedUsers),
        options.users,
        now,
    );
    generated::add_kms_keys(
        &mut cloud,
        &mut stream(options.rng_seed, Stream::GeneratedKmsKeys),
        options.kms_keys,
        now,
    );
    cloud
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{KeyState, MAX_KEYS_PER_USER};

    fn demo(seed: u64) -> Cloud {
        let options = SeedOptions {
            rng_seed: seed,
            ..SeedOptions::default()
        };
        build(&options, Utc::now())
    }

    #[test]
    fn same_seed_gives_same_ids() {
        let (a, b) = (demo(9), demo(9));
        assert_eq!(a.domain.id, b.domain.id);
        let ids = |c: &Cloud| c.users.iter().map(|u| u.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&a), ids(&b));
        let keys = |c: &Cloud| c.kms_keys.iter().map(|k| k.id.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&a), keys(&b));
        assert_ne!(demo(10).domain.id, a.domain.id);
    }

    #[test]
    fn demo_account_covers_every_case() {
        let cloud = demo(1);
        assert!((10..=14).contains(&cloud.users.len()));
        assert!(cloud.users.iter().any(|u| !u.enabled));
        assert!(cloud.users.iter().any(|u| u.mfa_secret.is_some()));
        assert!(cloud.users.iter().filter(|u| u.admin).count() >= 2);
        for mode in ["default", "programmatic", "console"] {
            assert!(cloud.users.iter().any(|u| u.access_mode == mode), "{mode}");
        }
        for user in &cloud.users {
            assert!(cloud.credentials_of(&user.id).len() <= MAX_KEYS_PER_USER);
        }
        assert!(
            cloud
                .users
                .iter()
                .any(|u| cloud.credentials_of(&u.id).len() == 2)
        );
        assert!(
            cloud
                .users
                .iter()
                .any(|u| cloud.credentials_of(&u.id).is_empty())
        );
        assert!(cloud.credentials.iter().any(|c| c.last_used.is_none()));
        assert!(cloud.credentials.iter().any(|c| !c.active));
        for state in [
            KeyState::PendingActivation,
            KeyState::Enabled,
            KeyState::Disabled,
            KeyState::PendingDeletion,
            KeyState::PendingImport,
        ] {
            assert!(cloud.kms_keys.iter().any(|k| k.state == state), "{state:?}");
        }
        for interval in [30, 90, 180, 365] {
            assert!(
                cloud
                    .kms_keys
                    .iter()
                    .any(|k| k.rotation.enabled && k.rotation.interval_days == interval)
            );
        }
        assert!(cloud.kms_keys.iter().any(|k| k.default_key));
        assert!(cloud.kms_keys.iter().any(|k| k.origin == "external"));
        assert!(cloud.kms_keys.iter().any(|k| k.is_asymmetric()));
        assert!(cloud.kms_keys.iter().any(|k| k.spec == "SM4"));
    }

    #[test]
    fn demo_roles_are_unique() {
        let cloud = demo(2);
        let mut users: Vec<_> = cloud.users.iter().filter_map(|u| u.role).collect();
        let mut keys: Vec<_> = cloud.kms_keys.iter().filter_map(|k| k.role).collect();
        assert_eq!(users.len(), cloud.users.len());
        assert_eq!(keys.len(), cloud.kms_keys.len());
        users.sort_unstable();
        users.dedup();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(users.len(), cloud.users.len(), "one user per role");
        assert_eq!(keys.len(), cloud.kms_keys.len(), "one KMS key per role");
    }

    #[test]
    fn empty_account_has_only_the_admin() {
        let options = SeedOptions {
            kind: SeedKind::Empty,
            ..SeedOptions::default()
        };
        let cloud = build(&options, Utc::now());
        assert_eq!(cloud.users.len(), 1);
        assert_eq!(cloud.credentials.len(), 1);
        assert!(cloud.kms_keys.is_empty());
    }

    #[test]
    fn fixed_admin_key_is_used() {
        let options = SeedOptions {
            admin_key: Some(AdminKey {
                access: "FIXEDADMINKEY0000001".into(),
                secret: Secret::new("s".repeat(40)),
            }),
            ..SeedOptions::default()
        };
        let cloud = build(&options, Utc::now());
        let admin = cloud.users.iter().find(|u| u.name == ADMIN_NAME).unwrap();
        assert_eq!(
            cloud.credentials_of(&admin.id)[0].access,
            "FIXEDADMINKEY0000001"
        );
    }

    #[test]
    fn generated_entries_are_added_and_deterministic() {
        let options = SeedOptions {
            users: 50,
            kms_keys: 40,
            rng_seed: 3,
            ..SeedOptions::default()
        };
        let (a, b) = (build(&options, Utc::now()), build(&options, Utc::now()));
        assert_eq!(a.users.len(), demo(3).users.len() + 50);
        assert_eq!(a.kms_keys.len(), demo(3).kms_keys.len() + 40);
        let access = |c: &Cloud| {
            c.credentials
                .iter()
                .map(|k| k.access.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(access(&a), access(&b));
        let demo_kms: Vec<_> = demo(3).kms_keys.iter().map(|k| k.id.clone()).collect();
        let with_users: Vec<_> = a
            .kms_keys
            .iter()
            .take(demo_kms.len())
            .map(|k| k.id.clone())
            .collect();
        assert_eq!(demo_kms, with_users);
    }
}
