//! Rendering a component into a fresh div, inside the app's providers as the test sets them:
//! config.json's outcome, localStorage, the address, the session and the scripted fetch.

use std::cell::{Cell, RefCell};
use std::ops::Deref;

use keyturn::app::Frame;
use keyturn::context::{
    ConfigSource, LANG_KEY, LangProvider, SETTINGS_KEY, SessionProvider, SettingsProvider,
    use_session_handle,
};
use keyturn::features::keys::KeysPage;
use keyturn::features::kms::KmsPage;
use keyturn_core::session::Session;
use keyturn_core::settings::{ConfigError, Settings};
use web_sys::Element;
use yew::prelude::*;
use yew_router::Router;
use yew_router::history::{AnyHistory, BrowserHistory, History, MemoryHistory};
use yew_router::query::Raw;

use super::dom::{document, local_storage, settle};
use super::fetch::{Script, restore_fetch};

/// What takes an app off the page.
type TakeAway = Box<dyn FnOnce()>;

thread_local! {
    /// The app on the page now: its mount number and what takes it away.
    static MOUNTED: RefCell<Option<(u32, TakeAway)>> = RefCell::new(None);
    static MOUNTS: Cell<u32> = const { Cell::new(0) };
}

/// What the page starts from. [`Page::new`]: the built-in settings as config.json, English,
/// nothing stored, at `/`, signed out, the browser's own `fetch`.
pub struct Page {
    config: Result<Settings, ConfigError>,
    lang: &'static str,
    stored_settings: Option<String>,
    at: String,
    session: Option<Session>,
    script: Option<Script>,
}

impl Page {
    /// The page as [`Page`] describes it.
    pub fn new() -> Self {
        Self {
            config: Ok(Settings::default()),
            lang: "en",
            stored_settings: None,
            at: "/".into(),
            session: None,
            script: None,
        }
    }

    /// config.json is taken to say `config`.
    pub fn config(mut self, config: Result<Settings, ConfigError>) -> Self {
        self.config = config;
        self
    }

    /// The language stored in localStorage (`en` or `zh-CN`).
    pub fn lang(mut self, code: &'static str) -> Self {
        self.lang = code;
        self
    }

    /// The settings overlay stored in localStorage.
    pub fn stored_settings(mut self, json: &str) -> Self {
        self.stored_settings = Some(json.into());
        self
    }

    /// The address (path and query) the router starts at.
    pub fn at(mut self, url: &str) -> Self {
        self.at = url.into();
        self
    }

    /// `session` is signed in before the page shows.
    pub fn signed_in(mut self, session: Session) -> Self {
        self.session = Some(session);
        self
    }

    /// `window.fetch` answers as `script` says.
    pub fn fetch(mut self, script: Script) -> Self {
        self.script = Some(script);
        self
    }

    /// Renders `children` inside the providers and a `<main id="main">`.
    pub async fn mount(self, children: Html) -> Mounted {
        let content = html! { <main id="main" tabindex="-1">{ children }</main> };
        self.render(content).await
    }

    /// Renders the access key page (see [`Page::mount`]).
    pub async fn mount_keys(self) -> Mounted {
        self.mount(html! { <KeysPage /> }).await
    }

    /// Renders the KMS page (see [`Page::mount`]).
    pub async fn mount_kms(self) -> Mounted {
        self.mount(html! { <KmsPage /> }).await
    }

    /// Renders the whole app's frame (skip link, header, the page of the address).
    pub async fn mount_app(self) -> Mounted {
        self.render(html! { <Frame /> }).await
    }

    async fn render(self, content: Html) -> Mounted {
        unmount(None);
        let storage = local_storage();
        storage.clear().unwrap();
        storage.set_item(LANG_KEY, self.lang).unwrap();
        if let Some(stored) = &self.stored_settings {
            storage.set_item(SETTINGS_KEY, stored).unwrap();
        }
        match self.script {
            Some(script) => script.install(),
            None => restore_fetch(),
        }
        let history = AnyHistory::from(MemoryHistory::new());
        go_to(&history, &self.at);
        let props = HarnessProps {
            history: history.clone(),
            config: self.config,
            session: self.session,
            content,
        };
        let (root, mount) = render_fresh(move |root| {
            let app = yew::Renderer::<Harness>::with_root_and_props(root, props).render();
            Box::new(move || app.destroy())
        });
        settle().await;
        Mounted {
            root,
            history,
            mount,
        }
    }
}

/// Renders the component `C` (with its own providers and router, e.g. `keyturn::app::App`)
/// into a fresh div, with the browser's own `fetch`; the history is the browser's.
pub async fn mount_bare<C: BaseComponent<Properties = ()>>() -> Mounted {
    unmount(None);
    restore_fetch();
    let (root, mount) = render_fresh(|root| {
        let app = yew::Renderer::<C>::with_root(root).render();
        Box::new(move || app.destroy())
    });
    settle().await;
    Mounted {
        root,
        history: AnyHistory::from(BrowserHistory::new()),
        mount,
    }
}

/// Renders an app into a fresh div, as the one app on the page.
fn render_fresh(render: impl FnOnce(Element) -> TakeAway) -> (Element, u32) {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let destroy = render(root.clone());
    let mount = MOUNTS.with(|mounts| {
        mounts.set(mounts.get() + 1);
        mounts.get()
    });
    let removed = root.clone();
    let take_away = Box::new(move || {
        destroy();
        removed.remove();
    });
    MOUNTED.with(|mounted| *mounted.borrow_mut() = Some((mount, take_away)));
    (root, mount)
}

/// Takes the app off the page: the one numbered `only`, or whichever is there.
fn unmount(only: Option<u32>) {
    let current = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        match (&*mounted, only) {
            (Some((mount, _)), Some(only)) if *mount != only => None,
            _ => mounted.take(),
        }
    });
    if let Some((_, take_away)) = current {
        take_away();
        restore_fetch();
    }
}

fn go_to(history: &AnyHistory, url: &str) {
    match url.split_once('?') {
        Some((path, query)) => history.replace_with_query(path, Raw(query)).unwrap(),
        None => history.replace(url),
    }
}

/// The rendered page: dereferences to its root element; its router's history can be read and
/// moved. Dropping it takes the app off the page and puts the browser's `fetch` back.
pub struct Mounted {
    root: Element,
    history: AnyHistory,
    mount: u32,
}

impl Mounted {
    /// The router's current path.
    pub fn path(&self) -> String {
        self.history.location().path().to_owned()
    }

    /// The router's current query, without `?`.
    pub fn query(&self) -> String {
        let location = self.history.location();
        location.query_str().trim_start_matches('?').to_owned()
    }

    /// Goes to `url` (path and query) as a link would, then lets the page update.
    pub async fn go(&self, url: &str) {
        match url.split_once('?') {
            Some((path, query)) => self.history.push_with_query(path, Raw(query)).unwrap(),
            None => self.history.push(url),
        }
        settle().await;
    }
}

impl Deref for Mounted {
    type Target = Element;

    fn deref(&self) -> &Element {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        unmount(Some(self.mount));
    }
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    history: AnyHistory,
    config: Result<Settings, ConfigError>,
    session: Option<Session>,
    content: Html,
}

/// The app's providers as `App` nests them, over a router in memory.
#[component]
fn Harness(props: &HarnessProps) -> Html {
    html! {
        <Router history={props.history.clone()}>
            <LangProvider>
                <SettingsProvider source={ConfigSource::Fixed(props.config.clone())}>
                    <SessionProvider>
                        <SignIn session={props.session.clone()}>
                            { props.content.clone() }
                        </SignIn>
                    </SessionProvider>
                </SettingsProvider>
            </LangProvider>
        </Router>
    }
}

#[derive(Properties, PartialEq)]
struct SignInProps {
    session: Option<Session>,
    children: Html,
}

/// Signs `session` in once, and shows the children from then on (at once when there is none).
#[component]
fn SignIn(props: &SignInProps) -> Html {
    let sessions = use_session_handle();
    let ready = use_state(|| props.session.is_none());
    {
        let (session, ready) = (props.session.clone(), ready.clone());
        use_effect_with((), move |()| {
            if let Some(session) = session {
                sessions.sign_in(session);
                ready.set(true);
            }
        });
    }
    if *ready {
        props.children.clone()
    } else {
        Html::default()
    }
}
