//! Generated users and KMS keys for benchmarks (`--users N`, `--kms-keys N`).

use chrono::{DateTime, Utc};
use rand::Rng;

use super::days_ago;
use super::demo::DEMO_PASSWORD;
use crate::ids;
use crate::secret::Secret;
use crate::state::{Cloud, Credential, KeyState, KmsKey, Rotation, User};

const SPECS: [&str; 6] = [
    "AES_256", "AES_256", "AES_256", "AES_256", "SM4", "RSA_2048",
];
const INTERVALS: [u32; 5] = [30, 90, 180, 365, 120];

/// Adds `count` users named `user-0001`…, each with zero to two access keys up to 500 days old.
pub fn add_users(cloud: &mut Cloud, rng: &mut impl Rng, count: usize, now: DateTime<Utc>) {
    for n in 1..=count {
        let robot = rng.random_bool(0.4);
        let user = User {
            id: ids::hex_id(rng),
            name: format!("{}-{n:04}", if robot { "robot" } else { "user" }),
            password: Secret::new(DEMO_PASSWORD),
            enabled: rng.random_bool(0.95),
            admin: false,
            is_domain_owner: false,
            description: "Generated user".to_owned(),
            email: format!("user-{n:04}@keyturn.example"),
            access_mode: if robot { "programmatic" } else { "default" },
            created: days_ago(now, 800.0),
            last_login: None,
            mfa_secret: None,
            role: None,
        };
        for _ in 0..rng.random_range(0..=2) {
            let age_days: f64 = rng.random_range(0.0..500.0);
            let used_days_ago = rng
                .random_bool(0.7)
                .then(|| rng.random_range(0.0..age_days.max(0.01)));
            cloud.credentials.push(Credential {
                access: ids::access_key(rng),
                secret: Secret::new(ids::secret_key(rng)),
                user_id: user.id.clone(),
                active: rng.random_bool(0.9),
                description: String::new(),
                created: days_ago(now, age_days),
                last_used: used_days_ago.map(|days| days_ago(now, days)),
            });
        }
        cloud.users.push(user);
    }
}

/// Adds `count` KMS keys aliased `gen/key-0001`… to the home project.
pub fn add_kms_keys(cloud: &mut Cloud, rng: &mut impl Rng, count: usize, now: DateTime<Utc>) {
    let project_id = cloud.home_project().id.clone();
    for n in 1..=count {
        let spec = SPECS[rng.random_range(0..SPECS.len())];
        let age_days = rng.random_range(1.0..1000.0);
        let rotation = if spec != "RSA_2048" && rng.random_bool(0.5) {
            let interval_days = INTERVALS[rng.random_range(0..INTERVALS.len())];
            Rotation {
                enabled: true,
                interval_days,
                last_rotation: Some(days_ago(
                    now,
                    rng.random_range(0.0..f64::from(interval_days)),
                )),
                count: (age_days / f64::from(interval_days)) as u32,
            }
        } else {
            Rotation::off()
        };
        let state = if rng.random_bool(0.9) {
            KeyState::Enabled
        } else {
            KeyState::Disabled
        };
        cloud.kms_keys.push(KmsKey {
            id: ids::kms_key_id(rng),
            project_id: project_id.clone(),
            alias: format!("gen/key-{n:04}"),
            description: "Generated key".to_owned(),
            spec,
            usage: if spec == "RSA_2048" {
                "SIGN_VERIFY"
            } else {
                "ENCRYPT_DECRYPT"
            },
            origin: "kms",
            state,
            default_key: false,
            created: days_ago(now, age_days),
            scheduled_deletion: None,
            rotation,
            role: None,
        });
    }
}
