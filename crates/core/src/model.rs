//! The shape of every page's state: a pure reducer the app wraps for Yew's `use_reducer`.

/// A page's state and the actions that change it.
pub trait Model: Clone {
    /// What can happen to the state.
    type Action;

    /// Applies `action`; false when it changes nothing (the page then does not re-render).
    fn apply(&mut self, action: Self::Action) -> bool;
}
