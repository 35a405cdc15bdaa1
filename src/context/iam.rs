//! `use_iam`: the signed-in session's IAM client, its reads cancelled with the component.

use yew::prelude::*;

use super::{AbortScope, use_session_handle, use_settings};
use crate::api::{IamClient, Transport};

/// An [`IamClient`] for the signed-in session, through the proxy of the settings in force,
/// with the app's shared clock offset and the calls bound to `scope` (aborted with it); `None`
/// when signed out.
#[hook]
pub fn use_iam(scope: &AbortScope) -> Option<IamClient> {
    let sessions = use_session_handle();
    let settings = use_settings();
    let session = sessions.current()?;
    let transport = Transport::new(settings.effective.proxy_url.clone(), sessions.clock());
    let client = IamClient::for_session(&session, transport);
    Some(match scope.signal() {
        Some(signal) => client.with_abort_signal(signal),
        None => client,
    })
}
