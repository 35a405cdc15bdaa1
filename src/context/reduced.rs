//! [`Reduced`]: a `keyturn_core` model as a Yew reducer, so every page's state logic stays
//! pure and native-tested while components use it through `use_reducer`.

use std::ops::Deref;
use std::rc::Rc;

use keyturn_core::model::Model;
use yew::prelude::*;

/// A core model that Yew can reduce. Dereferences to the model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reduced<M>(pub M);

impl<M> Deref for Reduced<M> {
    type Target = M;

    fn deref(&self) -> &M {
        &self.0
    }
}

impl<M: Model + PartialEq + 'static> Reducible for Reduced<M> {
    type Action = M::Action;

    fn reduce(self: Rc<Self>, action: M::Action) -> Rc<Self> {
        let mut next = self.0.clone();
        if next.apply(action) {
            Rc::new(Reduced(next))
        } else {
            self
        }
    }
}

/// `use_reducer` over a core model starting at `M::default()`.
#[hook]
pub fn use_model<M>() -> UseReducerHandle<Reduced<M>>
where
    M: Model + Default + PartialEq + 'static,
{
    use_reducer(Reduced::<M>::default)
}
