//! The `{"token": …}` body of an issued or validated token.

use serde_json::{Value, json};

use crate::clock;
use crate::state::{Cloud, Domain, HOME_REGION, Scope, Token, User};

/// Role names shown in tokens; admins hold the tenant and security administrator roles.
const ADMIN_ROLES: [&str; 2] = ["te_admin", "secu_admin"];
const USER_ROLES: [&str; 1] = ["readonly"];
/// A token shows every role id as "0", not the real id (docs/api.md, "IAM: tokens").
const ROLE_ID: &str = "0";

fn domain_json(domain: &Domain) -> Value {
    json!({ "id": domain.id, "name": domain.name })
}

/// The body of `user`'s `token`, with the service catalog when `catalog` is set.
pub(super) fn token_body(
    cloud: &Cloud,
    endpoint: &str,
    user: &User,
    token: &Token,
    catalog: bool,
) -> Value {
    let roles: Vec<Value> = if user.admin {
        &ADMIN_ROLES[..]
    } else {
        &USER_ROLES[..]
    }
    .iter()
    .map(|name| json!({ "id": ROLE_ID, "name": name }))
    .collect();
    let mut body = json!({
        "expires_at": clock::token_time(token.expires),
        "issued_at": clock::token_time(token.issued),
        "methods": token.methods,
        "user": {
            "id": user.id,
            "name": user.name,
            "password_expires_at": "",
            "domain": domain_json(&cloud.domain),
        },
        "roles": roles,
        "catalog": if catalog { catalog_json(endpoint, &token.scope, cloud) } else { json!([]) },
    });
    match &token.scope {
        Scope::Domain => body["domain"] = domain_json(&cloud.domain),
        Scope::Project(id) => {
            if let Some(project) = cloud.project(id) {
                body["project"] = json!({
                    "id": project.id,
                    "name": project.name,
                    "domain": domain_json(&cloud.domain),
                });
            }
        }
    }
    json!({ "token": body })
}

fn catalog_json(endpoint: &str, scope: &Scope, cloud: &Cloud) -> Value {
    let mut catalog = vec![json!({
        "type": "identity",
        "id": "4d7a1c9e2b5f4e8a9c3d6b0f1e2a5c7d",
        "name": "iam",
        "endpoints": [{
            "url": format!("{endpoint}/v3"),
            "region": "*",
            "region_id": "*",
            "interface": "public",
            "id": "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
        }],
    })];
    if let Scope::Project(id) = scope {
        let region = cloud.project(id).map_or(HOME_REGION, |p| p.name.as_str());
        catalog.push(json!({
            "type": "kms",
            "id": "2f4e6a8c0b1d3f5e7a9c1b3d5f7e9a0c",
            "name": "kms",
            "endpoints": [{
                "url": format!("{endpoint}/v1.0/{id}"),
                "region": region,
                "region_id": region,
                "interface": "public",
                "id": "6b8d0f2a4c6e8a0b2d4f6a8c0e2b4d6f",
            }],
        }));
    }
    json!(catalog)
}
