//! [`use_value`]: Yew's `use_state` with the same behaviour, compiled once.
//!
//! `use_state::<T>` instantiates Yew's whole reducer machinery (hook slot, dispatcher,
//! handle, deref history) for every state type `T`: ~1 KB of WASM per type, over a hundred
//! types in this app. Here the value is kept as `Box<dyn Any>` in one reducer type, so that
//! machinery exists once; per `T` only a downcast and a box remain.

use std::any::Any;
use std::marker::PhantomData;
use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

/// Any hook state; replaced whole on `set`.
pub struct Erased(Box<dyn Any>);

impl Reducible for Erased {
    type Action = Box<dyn Any>;

    fn reduce(self: Rc<Self>, value: Box<dyn Any>) -> Rc<Self> {
        Rc::new(Erased(value))
    }
}

#[hook]
fn use_erased<'a>(init: Box<dyn FnOnce() -> Erased + 'a>) -> UseReducerHandle<Erased> {
    use_reducer(init)
}

/// A state value of the component, like Yew's `use_state`: `set` stores a new value and
/// renders the component again; `*handle` reads the current value.
#[hook]
pub fn use_value<T, F>(init: F) -> ValueHandle<T>
where
    T: 'static,
    F: FnOnce() -> T,
{
    let inner = use_erased(Box::new(move || Erased(Box::new(init()))));
    ValueHandle { inner, value: PhantomData }
}

/// The handle [`use_value`] returns (Yew's `UseStateHandle`).
pub struct ValueHandle<T> {
    inner: UseReducerHandle<Erased>,
    value: PhantomData<fn() -> T>,
}

impl<T: 'static> ValueHandle<T> {
    pub fn set(&self, value: T) {
        self.inner.dispatch(Box::new(value))
    }
}

impl<T: 'static> Deref for ValueHandle<T> {
    type Target = T;

    fn deref(&self) -> &T {
        match self.inner.0.downcast_ref::<T>() {
            Some(value) => value,
            // only `set` (typed `T`) and the initial value (typed `T`) are ever stored
            None => unreachable!("a value handle holds its own type"),
        }
    }
}

impl<T> Clone for ValueHandle<T> {
    fn clone(&self) -> Self {
        Self { inner: self.inner.clone(), value: PhantomData }
    }
}

impl<T: PartialEq + 'static> PartialEq for ValueHandle<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

/// Dependencies of an effect, type-erased: compared with the `PartialEq` of their own type.
pub struct Deps(Box<dyn AnyEq>);

pub trait AnyEq {
    fn as_any(&self) -> &dyn Any;
    fn same(&self, other: &dyn AnyEq) -> bool;
}

impl<T: PartialEq + 'static> AnyEq for T {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same(&self, other: &dyn AnyEq) -> bool {
        other.as_any().downcast_ref::<T>() == Some(self)
    }
}

impl PartialEq for Deps {
    fn eq(&self, other: &Self) -> bool {
        self.0.same(&*other.0)
    }
}

type Effect = Box<dyn FnOnce(&Deps) -> Box<dyn FnOnce()>>;

#[hook]
fn use_erased_effect(deps: Deps, effect: Effect) {
    use_effect_with(deps, effect)
}

/// Yew's `use_effect_with`, compiled once: runs `effect` after the first render and after
/// every render in which `deps` changed; what it returns tears it down.
#[hook]
pub fn use_effect_on<T, F, D>(deps: T, effect: F)
where
    T: PartialEq + 'static,
    F: FnOnce(&T) -> D + 'static,
    D: TearDown,
{
    use_erased_effect(
        Deps(Box::new(deps)),
        Box::new(move |deps: &Deps| {
            let torn = match deps.0.as_any().downcast_ref::<T>() {
                Some(deps) => effect(deps),
                None => unreachable!("effect dependencies keep their type"),
            };
            Box::new(move || torn.tear_down())
        }),
    )
}
