//! Where to go after signing in: the page that asked for a session, with its query, so a
//! shared link to a filtered view still lands on that view once its reader has signed in.

use yew::prelude::*;
use yew_router::prelude::*;

use super::{Route, SessionHandle};

/// A page that needs a session, with its query as it was asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnTo {
    /// The page.
    pub route: Route,
    /// Its query, without the leading `?`; empty when none.
    pub query: String,
}

impl ReturnTo {
    /// The page at `path` with query `query` (leading `?` optional), if it needs a session.
    pub fn for_location(path: &str, query: &str) -> Option<Self> {
        let route = Route::recognize(path)?;
        matches!(route, Route::Credentials | Route::Rotation | Route::Kms).then(|| Self {
            route,
            query: query.strip_prefix('?').unwrap_or(query).to_owned(),
        })
    }

    /// Where a sign-in goes when no page asked: the access keys.
    pub fn access_keys() -> Self {
        Self {
            route: Route::Credentials,
            query: String::new(),
        }
    }
}

/// Remembers, while nobody is signed in, the last page visited that needs a session.
#[component]
pub(super) fn ReturnRecorder() -> Html {
    let location = use_location();
    let sessions = use_context::<SessionHandle>();
    use_effect_with(location, move |location| {
        let asked = location
            .as_ref()
            .and_then(|location| ReturnTo::for_location(location.path(), location.query_str()));
        if let (Some(sessions), Some(asked)) = (sessions, asked)
            && sessions.current().is_none()
        {
            sessions.remember_return(asked);
        }
    });
    Html::default()
}
