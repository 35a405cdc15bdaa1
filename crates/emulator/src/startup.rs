//! The one JSON line printed on startup, which scripts and tests read.

use std::fmt;

use serde::Serialize;

use crate::seed::ADMIN_NAME;
use crate::state::{Cloud, HOME_REGION};

/// `{"endpoint":…,"domain_id":…,"domain_name":…,"region":…,"project_id":…,"admin":{…}}`.
#[derive(Clone, Serialize)]
pub struct Startup {
    pub endpoint: String,
    pub domain_id: String,
    pub domain_name: String,
    pub region: String,
    pub project_id: String,
    pub admin: StartupAdmin,
}

/// The administrator's sign-in data and access key.
#[derive(Clone, Serialize)]
pub struct StartupAdmin {
    pub user_id: String,
    pub name: String,
    pub password: String,
    pub ak: String,
    pub sk: String,
}

impl Startup {
    /// The startup facts of a freshly seeded account.
    pub fn of(cloud: &Cloud, endpoint: &str) -> Self {
        let admin = cloud
            .users
            .iter()
            .find(|u| u.name == ADMIN_NAME)
            .expect("every seed has the administrator");
        let key = cloud.credentials_of(&admin.id)[0];
        Self {
            endpoint: endpoint.to_owned(),
            domain_id: cloud.domain.id.clone(),
            domain_name: cloud.domain.name.clone(),
            region: HOME_REGION.to_owned(),
            project_id: cloud.home_project().id.clone(),
            admin: StartupAdmin {
                user_id: admin.id.clone(),
                name: admin.name.clone(),
                password: admin.password.expose().to_owned(),
                ak: key.access.clone(),
                sk: key.secret.expose().to_owned(),
            },
        }
    }

    /// The line itself (compact JSON, no newline).
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).expect("the startup facts serialize")
    }
}

impl fmt::Debug for Startup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Startup")
            .field("endpoint", &self.endpoint)
            .field("domain_id", &self.domain_id)
            .field("project_id", &self.project_id)
            .field("admin", &self.admin)
            .finish()
    }
}

impl fmt::Debug for StartupAdmin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StartupAdmin")
            .field("user_id", &self.user_id)
            .field("name", &self.name)
            .field("ak", &self.ak)
            .field("password", &"***")
            .field("sk", &"***")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::{SeedOptions, build};

    #[test]
    fn line_has_the_contract_fields_and_debug_hides_secrets() {
        let cloud = build(&SeedOptions::default(), chrono::Utc::now());
        let startup = Startup::of(&cloud, "http://127.0.0.1:8780");
        let line: serde_json::Value = serde_json::from_str(&startup.to_line()).unwrap();
        for field in [
            "endpoint",
            "domain_id",
            "domain_name",
            "region",
            "project_id",
        ] {
            assert!(line[field].is_string(), "{field}");
        }
        for field in ["user_id", "name", "password", "ak", "sk"] {
            assert!(line["admin"][field].is_string(), "{field}");
        }
        assert_eq!(line["region"], HOME_REGION);
        let debug = format!("{startup:?}");
        assert!(!debug.contains(&startup.admin.sk));
        assert!(!debug.contains(&startup.admin.password));
    }
}
