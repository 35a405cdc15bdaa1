//! The session context: provider, handle, `use_session` and the shared clock offset.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use keyturn_core::request::ClockOffset;
use keyturn_core::session::{ProjectToken, Session, SessionAction, SessionState};

use super::reduced::{Reduced, use_model};
use super::return_to::{ReturnRecorder, ReturnTo};

/// The current session and the ways to change it, plus the clock offset every request signs
/// with. The offset outlives sign-outs and page changes, so a skew learned once stays corrected.
#[derive(Clone, PartialEq)]
pub struct SessionHandle {
    session: UseReducerHandle<Reduced<SessionState>>,
    clock: ClockOffset,
    return_to: Rc<RefCell<Option<ReturnTo>>>,
}

impl SessionHandle {
    /// The signed-in session, if any.
    pub fn current(&self) -> Option<Rc<Session>> {
        let state: &SessionState = &self.session;
        state.0.clone()
    }

    /// Puts `session` in force, replacing any other.
    pub fn sign_in(&self, session: Session) {
        self.session.dispatch(SessionAction::SignIn(session));
    }

    /// Adds `token` (obtained after sign-in) to the session this handle saw, in place of any
    /// token it held for that region; dropped if another session, or none, is in force by then.
    pub fn add_project_token(&self, token: ProjectToken) {
        if let Some(seen) = self.current() {
            let auth = seen.auth.clone();
            self.session
                .dispatch(SessionAction::AddProjectToken { auth, token });
        }
    }

    /// Forgets the session and its secrets.
    pub fn sign_out(&self) {
        self.session.dispatch(SessionAction::SignOut);
    }

    /// The browser's offset from the servers' clock, shared by every request of the app.
    pub fn clock(&self) -> ClockOffset {
        self.clock.clone()
    }

    /// Notes the page a signed-out visitor asked for (the provider does this by itself).
    pub fn remember_return(&self, page: ReturnTo) {
        self.return_to.replace(Some(page));
    }

    /// Where to go after signing in: the page last asked for while signed out, once; else the
    /// access keys.
    pub fn take_return(&self) -> ReturnTo {
        self.return_to.take().unwrap_or_else(ReturnTo::access_keys)
    }
}

/// Props of [`SessionProvider`].
#[derive(Properties, PartialEq)]
pub struct SessionProviderProps {
    /// The part of the app that calls the cloud.
    pub children: Html,
}

/// Holds the session (signed out at start), the shared [`ClockOffset`], and the page to
/// return to after signing in. Inside a router, it notes that page by itself.
#[component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let session = use_model::<SessionState>();
    let clock = use_state(ClockOffset::default);
    let return_to = use_mut_ref(|| None::<ReturnTo>);
    let handle = SessionHandle {
        session,
        clock: (*clock).clone(),
        return_to,
    };
    html! {
        <ContextProvider<SessionHandle> context={handle}>
            <ReturnRecorder />
            { props.children.clone() }
        </ContextProvider<SessionHandle>>
    }
}

/// The session handle; the component must sit inside a [`SessionProvider`].
#[hook]
pub fn use_session_handle() -> SessionHandle {
    use_context::<SessionHandle>().expect("use_session_handle needs a SessionProvider above it")
}

/// The signed-in session, `None` when signed out.
#[hook]
pub fn use_session() -> Option<Rc<Session>> {
    use_session_handle().current()
}
