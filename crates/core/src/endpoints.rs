//! Built from the embedded copy of the SDK region tables (`data/regions.json`), parsed once.
//! `eu-west-101` lives under `myhuaweicloud.eu`; the table carries those URLs as they are.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

const REGIONS_JSON: &str = include_str!("../data/regions.json");

/// A region and its service endpoints (`https://…`, no trailing slash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// Region id, e.g. `cn-north-4`; also the name of the region's IAM project.
    pub id: String,
    /// Regional IAM endpoint, if the SDK knows one.
    pub iam: Option<String>,
    /// KMS endpoint, if KMS is offered in the region.
    pub kms: Option<String>,
}

#[derive(Deserialize)]
struct RegionsFile {
    #[serde(rename = "_global")]
    global: GlobalEntry,
    regions: BTreeMap<String, RegionEntry>,
}

#[derive(Deserialize)]
struct GlobalEntry {
    iam: String,
}

#[derive(Deserialize)]
struct RegionEntry {
    iam: Option<String>,
    kms: Option<String>,
}

struct Table {
    global_iam: String,
    regions: Vec<Region>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let file: RegionsFile =
            serde_json::from_str(REGIONS_JSON).expect("embedded regions.json is valid");
        Table {
            global_iam: file.global.iam,
            regions: file
                .regions
                .into_iter()
                .map(|(id, entry)| Region {
                    id,
                    iam: entry.iam,
                    kms: entry.kms,
                })
                .collect(),
        }
    })
}

/// Every known region, sorted by id.
pub fn regions() -> &'static [Region] {
    &table().regions
}

/// The region with this id, if known.
pub fn region(id: &str) -> Option<&'static Region> {
    regions().iter().find(|r| r.id == id)
}

/// The global IAM endpoint, `https://iam.myhuaweicloud.com`.
pub fn global_iam_endpoint() -> &'static str {
    &table().global_iam
}

/// IAM base URL: the override if given, else the region's IAM endpoint, else the global one.
pub fn iam_endpoint(region_id: &str, override_url: Option<&str>) -> String {
    normalized(override_url)
        .or_else(|| region(region_id).and_then(|r| r.iam.clone()))
        .unwrap_or_else(|| global_iam_endpoint().to_owned())
}

/// KMS base URL: the override if given, else the region's KMS endpoint; `None` where KMS is not offered.
pub fn kms_endpoint(region_id: &str, override_url: Option<&str>) -> Option<String> {
    normalized(override_url).or_else(|| region(region_id).and_then(|r| r.kms.clone()))
}

/// The URL that asks a cors-anywhere style proxy for `upstream_url`: `{proxy}/{upstream_url}`.
pub fn proxied_url(proxy: &str, upstream_url: &str) -> String {
    format!("{}/{upstream_url}", proxy.trim_end_matches('/'))
}

/// A non-blank override without surrounding spaces or trailing slashes.
fn normalized(override_url: Option<&str>) -> Option<String> {
    override_url
        .map(|url| url.trim().trim_end_matches('/'))
        .filter(|url| !url.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_regions_are_embedded_and_sorted() {
        let ids: Vec<&str> = regions().iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), 33);
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        for id in [
            "cn-north-4",
            "ap-southeast-1",
            "eu-west-0",
            "eu-west-101",
            "af-north-1",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
    }

    #[test]
    fn regional_endpoints_come_from_the_table() {
        assert_eq!(
            iam_endpoint("cn-north-4", None),
            "https://iam.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(
            kms_endpoint("ap-southeast-1", None).as_deref(),
            Some("https://kms.ap-southeast-1.myhuaweicloud.com")
        );
    }

    #[test]
    fn eu_west_101_uses_the_eu_domain() {
        assert_eq!(
            iam_endpoint("eu-west-101", None),
            "https://iam.eu-west-101.myhuaweicloud.eu"
        );
        assert_eq!(
            kms_endpoint("eu-west-101", None).as_deref(),
            Some("https://kms.eu-west-101.myhuaweicloud.eu")
        );
    }

    #[test]
    fn iam_falls_back_to_the_global_endpoint() {
        assert_eq!(global_iam_endpoint(), "https://iam.myhuaweicloud.com");
        for id in ["af-north-1", "cn-south-4", "nowhere-1", ""] {
            assert_eq!(
                iam_endpoint(id, None),
                "https://iam.myhuaweicloud.com",
                "{id}"
            );
        }
    }

    #[test]
    fn kms_is_absent_where_not_offered() {
        assert_eq!(kms_endpoint("eu-west-0", None), None);
        assert_eq!(kms_endpoint("nowhere-1", None), None);
        assert_eq!(
            kms_endpoint("cn-southwest-3", None).as_deref(),
            Some("https://kms.cn-southwest-3.myhuaweicloud.com")
        );
    }

    #[test]
    fn overrides_win_and_are_normalised() {
        assert_eq!(
            iam_endpoint("cn-north-4", Some(" http://127.0.0.1:8780/ ")),
            "http://127.0.0.1:8780"
        );
        assert_eq!(
            kms_endpoint("eu-west-0", Some("http://127.0.0.1:8780")).as_deref(),
            Some("http://127.0.0.1:8780")
        );
        assert_eq!(
            iam_endpoint("cn-north-4", Some("  ")),
            "https://iam.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(kms_endpoint("eu-west-0", Some("")), None);
    }

    #[test]
    fn proxied_urls_join_with_one_slash() {
        let upstream = "http://127.0.0.1:8780/v3/auth/domains";
        let expected = "http://127.0.0.1:8787/http://127.0.0.1:8780/v3/auth/domains";
        assert_eq!(proxied_url("http://127.0.0.1:8787", upstream), expected);
        assert_eq!(proxied_url("http://127.0.0.1:8787/", upstream), expected);
        assert_eq!(
            proxied_url(
                "https://proxy.example.com/cors/",
                "https://iam.myhuaweicloud.com/v3/users?name=a%20b"
            ),
            "https://proxy.example.com/cors/https://iam.myhuaweicloud.com/v3/users?name=a%20b"
        );
    }
}
