//! `GET /v3/auth/domains`, `/v3/auth/projects`, `/v3/projects`.

use keyturn_emulator::seed::demo::{DEMO_PASSWORD, NON_ADMIN_NAME};
use keyturn_emulator::seed::{DOMAIN_NAME, REGIONS};
use keyturn_emulator::state::HOME_REGION;
use reqwest::{Method, Response};

use crate::harness::{Emu, Signed, SignedFor, assert_keystone_error, parts, start};

#[tokio::test]
async fn domains_with_a_token() {
    let emu = start().await;
    let token = emu.admin_token().await;
    let (status, _, body) = parts(
        emu.with_token(Method::GET, "/v3/auth/domains", &token, None)
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["domains"].as_array().unwrap().len(), 1);
    assert_eq!(body["domains"][0]["id"], emu.startup.domain_id.as_str());
    assert_eq!(body["domains"][0]["name"], DOMAIN_NAME);
    assert_eq!(body["domains"][0]["enabled"], true);
    assert!(
        body["links"]["self"]
            .as_str()
            .unwrap()
            .ends_with("/v3/auth/domains")
    );
}

#[tokio::test]
async fn domains_signed_without_x_domain_id_as_the_sdk_discovers_it() {
    let emu = start().await;
    let request = Signed::new(
        Method::GET,
        "/v3/auth/domains",
        emu.admin_ak(),
        emu.admin_sk(),
        SignedFor::Discovery,
    );
    let (status, _, body) = parts(emu.signed(request).await).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["domains"][0]["id"], emu.startup.domain_id.as_str());
}

/// `GET /v3/projects?name={region}` answers exactly that region's project.
async fn assert_region_project(emu: &Emu, response: Response, region: &str, who: &str) {
    let (status, _, body) = parts(response).await;
    assert_eq!(status, 200, "{who}: {body}");
    let projects = body["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 1, "{who}: {body}");
    assert_eq!(projects[0]["name"], region);
    assert_eq!(projects[0]["domain_id"], emu.startup.domain_id.as_str());
    assert_eq!(projects[0]["is_domain"], false);
    assert!(body["links"]["next"].is_null());
    if region == HOME_REGION {
        assert_eq!(projects[0]["id"], emu.startup.project_id.as_str());
    }
}

#[tokio::test]
async fn project_of_a_region_for_token_and_signed_callers() {
    let emu = start().await;
    let tokens = [
        ("domain token", emu.admin_token().await),
        ("project token", emu.admin_project_token().await),
        (
            "non-admin token",
            emu.token(NON_ADMIN_NAME, DEMO_PASSWORD, false).await,
        ),
    ];
    for region in REGIONS {
        let query = [("name", region)];
        let path = format!("/v3/projects?name={region}");
        for (who, token) in &tokens {
            let response = emu.with_token(Method::GET, &path, token, None).await;
            assert_region_project(&emu, response, region, who).await;
        }
        // The SDK's discovery call carries no X-Domain-Id; a GlobalCredentials call does.
        for (who, service) in [
            ("signed for discovery", SignedFor::Discovery),
            ("signed with X-Domain-Id", SignedFor::Iam),
        ] {
            let request = Signed::new(
                Method::GET,
                "/v3/projects",
                emu.admin_ak(),
                emu.admin_sk(),
                service,
            )
            .query(&query);
            let response = emu.signed(request).await;
            assert_region_project(&emu, response, region, who).await;
        }
    }
}

#[tokio::test]
async fn projects_filters_and_paging() {
    let emu = start().await;
    let token = emu.admin_token().await;
    let get = |path: &'static str| emu.with_token(Method::GET, path, &token, None);
    let (_, _, all) = parts(get("/v3/projects").await).await;
    assert_eq!(all["projects"].as_array().unwrap().len(), 2);
    let (_, _, none) = parts(get("/v3/projects?name=mars-1").await).await;
    assert_eq!(none["projects"].as_array().unwrap().len(), 0);
    let (_, _, page) = parts(get("/v3/projects?page=2&per_page=1").await).await;
    assert_eq!(page["projects"].as_array().unwrap().len(), 1);
    assert_eq!(page["projects"][0]["name"], REGIONS[1]);
    assert_keystone_error(get("/v3/projects?per_page=1").await, 400).await;
    assert_keystone_error(get("/v3/projects?enabled=maybe").await, 400).await;
}

#[tokio::test]
async fn auth_projects_lists_every_region_project() {
    let emu = start().await;
    let token = emu.admin_project_token().await;
    let (status, _, body) = parts(
        emu.with_token(Method::GET, "/v3/auth/projects", &token, None)
            .await,
    )
    .await;
    assert_eq!(status, 200);
    let names: Vec<&str> = body["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, REGIONS);
}

#[tokio::test]
async fn discovery_needs_authentication() {
    let emu = start().await;
    let response = emu
        .http
        .get(emu.url("/v3/auth/domains"))
        .send()
        .await
        .unwrap();
    assert_keystone_error(response, 401).await;
}
