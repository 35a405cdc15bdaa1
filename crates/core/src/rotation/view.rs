//! What the Rotation page shows, kept in its URL: `?open=AK` (one rotation's wizard),
//! `?start=AK` or `?start=AK&mode=quick` (start rotating a key), `?plan=AK1,AK2` (a plan for
//! many keys); nothing for the list of rotations.

use super::Mode;
use crate::ids::AccessKeyId;
use crate::query_string;

/// The Rotation page's view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum RotationView {
    /// Rotations in progress and ended.
    #[default]
    List,
    /// The wizard of the rotation of this key.
    Open(AccessKeyId),
    /// Start rotating this key.
    Start(AccessKeyId, Mode),
    /// Plan the rotation of these keys.
    Plan(Vec<AccessKeyId>),
}

impl RotationView {
    /// Reads a query string (with or without `?`); anything malformed shows the list.
    pub fn from_query(query: &str) -> Self {
        let pairs: Vec<(String, String)> = query_string::pairs(query).collect();
        let get = |name: &str| {
            pairs
                .iter()
                .rev()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        };
        let key = |name: &str| get(name).and_then(|text| AccessKeyId::parse(text.trim()).ok());
        if let Some(access) = key("open") {
            return Self::Open(access);
        }
        if let Some(access) = key("start") {
            let mode = match get("mode").as_deref() {
                Some("quick") => Mode::Quick,
                _ => Mode::Safe,
            };
            return Self::Start(access, mode);
        }
        let plan: Vec<AccessKeyId> = get("plan")
            .unwrap_or_default()
            .split(',')
            .filter_map(|text| AccessKeyId::parse(text.trim()).ok())
            .collect();
        if plan.is_empty() {
            Self::List
        } else {
            Self::Plan(plan)
        }
    }

    /// The query string of this view, without `?`.
    pub fn to_query(&self) -> String {
        let params: Vec<(&'static str, String)> = match self {
            Self::List => Vec::new(),
            Self::Open(access) => vec![("open", access.to_string())],
            Self::Start(access, Mode::Safe) => vec![("start", access.to_string())],
            Self::Start(access, Mode::Quick) => {
                vec![("start", access.to_string()), ("mode", "quick".to_owned())]
            }
            Self::Plan(keys) => {
                let keys: Vec<&str> = keys.iter().map(AccessKeyId::as_str).collect();
                vec![("plan", keys.join(","))]
            }
        };
        query_string::encode(&params)
    }
}
