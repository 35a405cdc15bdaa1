//! The session in force: signing in and out, and project tokens joining the session they were
//! obtained for.

use keyturn_core::model::Model;
use keyturn_core::request::Auth;
use keyturn_core::session::{ProjectToken, Session, SessionAction, SessionState};

const TOKEN: &str = "MIItoken-that-must-not-leak";

fn session(token: &str) -> Session {
    Session {
        auth: Auth::Token(token.into()),
        iam_endpoint: "https://iam.myhuaweicloud.com".into(),
        domain_id: "dom1".into(),
        domain_name: Some("keyturn-demo".into()),
        user_id: "u1".into(),
        user_name: "alice".into(),
        project_tokens: Vec::new(),
    }
}

fn project(region: &str, project_id: &str) -> ProjectToken {
    ProjectToken {
        region: region.into(),
        project_id: project_id.into(),
        token: format!("MIIproject-{project_id}"),
    }
}

fn add(auth: &str, token: ProjectToken) -> SessionAction {
    SessionAction::AddProjectToken {
        auth: Auth::Token(auth.into()),
        token,
    }
}

#[test]
fn a_project_token_replaces_the_one_held_for_its_region() {
    let held = session(TOKEN).with_project_token(project("cn-north-4", "p-old"));
    let added = held
        .clone()
        .with_project_token(project("ap-southeast-1", "p-sg"));
    assert_eq!(added.project_tokens.len(), 2);
    let replaced = added.with_project_token(project("cn-north-4", "p-new"));
    assert_eq!(replaced.project_tokens.len(), 2);
    assert_eq!(
        replaced.project_token("cn-north-4").unwrap().project_id,
        "p-new"
    );
    assert_eq!(
        replaced.project_token("ap-southeast-1").unwrap().project_id,
        "p-sg"
    );
    let shown = format!("{replaced:?}");
    assert!(
        !shown.contains("MIIproject") && !shown.contains(TOKEN),
        "{shown}"
    );
}

#[test]
fn a_project_token_joins_only_the_session_it_was_obtained_for() {
    let mut state = SessionState::default();
    assert!(
        !state.apply(add(TOKEN, project("cn-north-4", "p1"))),
        "nobody signed in"
    );
    assert!(state.apply(SessionAction::SignIn(session(TOKEN))));

    assert!(state.apply(add(TOKEN, project("cn-north-4", "p1"))));
    assert!(state.apply(add(TOKEN, project("ap-southeast-1", "p2"))));
    let current = state.0.clone().unwrap();
    assert_eq!(
        current.project_tokens.len(),
        2,
        "both regions, whatever the order"
    );

    assert!(state.apply(SessionAction::SignIn(session("MIIanother-sign-in"))));
    assert!(
        !state.apply(add(TOKEN, project("cn-north-4", "p3"))),
        "a token for the session replaced meanwhile is dropped"
    );
    assert!(state.0.as_ref().unwrap().project_tokens.is_empty());

    assert!(state.apply(SessionAction::SignOut));
    assert!(!state.apply(SessionAction::SignOut));
    assert!(!state.apply(add(TOKEN, project("cn-north-4", "p4"))));
    assert_eq!(state, SessionState::default());
}
