//! What the views share: the state, the way to change it and the choices that outlive a view,
//! provided once by `App` as a context.

use std::rc::Rc;

use yew::prelude::*;

use crate::route::Route;
use crate::state::{Action, AppAction, AppState};

/// The reducer's state: the app's state behind an `Rc` of its own, so that the views are handed
/// that `Rc` (a new one for each change) and can tell a change by identity.
pub struct SharedState(pub Rc<AppState>);

impl Reducible for SharedState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        Rc::new(Self(Rc::new(self.0.apply(action))))
    }
}

/// The context every view reads with [`use_store`].
#[derive(Clone)]
pub struct Store {
    /// The state as of `App`'s last render.
    pub state: Rc<AppState>,
    /// Sends an action to the reducer: the same callback for the whole visit.
    pub dispatch: Callback<AppAction>,
    /// The view shown.
    pub route: Route,
    /// Shows another view and puts it in the location hash: the same callback for the whole
    /// visit.
    pub navigate: Callback<Route>,
    /// Header and payload as a claims table rather than JSON: a display choice that holds for
    /// the visit, whatever the token.
    pub header_table: UseStateHandle<bool>,
    /// The same choice for the payload.
    pub payload_table: UseStateHandle<bool>,
    /// What the last "Share link" did.
    pub share_status: UseStateHandle<Option<&'static str>>,
    /// True while WebCrypto makes the walkthrough's RS256 key pair.
    pub generating_pair: UseStateHandle<bool>,
}

/// The callbacks are left out: they are made once.
impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        // Every action makes a new `Rc`: identity tells a change without reading a 256 KB token.
        Rc::ptr_eq(&self.state, &other.state)
            && self.route == other.route
            && self.header_table == other.header_table
            && self.payload_table == other.payload_table
            && self.share_status == other.share_status
            && self.generating_pair == other.generating_pair
    }
}

/// The store `App` provides. A view that reads it renders again on every change (a clock tick
/// included), so what it hands its components must compare equal when unchanged: the state's
/// own `Rc`s, and callbacks made once.
#[hook]
pub fn use_store() -> Store {
    use_context::<Store>().expect("a view is rendered inside App, which provides the store")
}

/// A callback that sends `action(value)` to the debugger; made once per mount.
#[hook]
pub fn use_dispatch<T: 'static>(
    dispatch: &Callback<AppAction>,
    action: fn(T) -> Action,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    (*use_memo((), move |()| {
        dispatch.reform(move |value| AppAction::Debugger(action(value)))
    }))
    .clone()
}
