//! The thin edge to the browser: the clock (real or injected by tests) and the time zone.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::Callback;

use crate::jwt::time::Seconds;

/// Where the app reads the time. Tests inject a [`ManualClock`] and move it by hand.
#[derive(Clone)]
pub enum Clock {
    /// `Date.now()`, ticking every second.
    System,
    Manual(Rc<ManualClock>),
}

impl PartialEq for Clock {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Clock::System, Clock::System) => true,
            (Clock::Manual(a), Clock::Manual(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Clock {
    /// Seconds since the epoch.
    pub fn now(&self) -> Seconds {
        match self {
            Clock::System => (js_sys::Date::now() / 1000.0).floor() as Seconds,
            Clock::Manual(clock) => clock.now.get(),
        }
    }

    /// Calls `on_tick` with the time every second (system) or whenever it is set (manual).
    /// Dropping the returned guard stops the ticks.
    pub fn subscribe(&self, on_tick: Callback<Seconds>) -> TickGuard {
        match self {
            Clock::System => {
                let interval = gloo::timers::callback::Interval::new(1000, move || {
                    on_tick.emit((js_sys::Date::now() / 1000.0).floor() as Seconds)
                });
                TickGuard::Interval(interval)
            }
            Clock::Manual(clock) => {
                clock.listeners.borrow_mut().push(on_tick);
                TickGuard::Manual
            }
        }
    }
}

/// Keeps a subscription alive.
pub enum TickGuard {
    Interval(gloo::timers::callback::Interval),
    Manual,
}

/// A clock that only moves when told to.
pub struct ManualClock {
    now: Cell<Seconds>,
    listeners: RefCell<Vec<Callback<Seconds>>>,
}

impl ManualClock {
    /// A clock stopped at `now`.
    pub fn new(now: Seconds) -> Rc<Self> {
        Rc::new(Self {
            now: Cell::new(now),
            listeners: RefCell::new(Vec::new()),
        })
    }

    /// Moves the clock and tells every subscriber.
    pub fn set(&self, now: Seconds) {
        self.now.set(now);
        let listeners = self.listeners.borrow().clone();
        for listener in listeners {
            listener.emit(now);
        }
    }
}

/// The viewer's offset from UTC in minutes (east positive) at a given moment, so that daylight
/// saving is right for each date shown.
pub fn utc_offset_minutes(at: Seconds) -> i32 {
    let date = js_sys::Date::new(&JsValue::from_f64(at as f64 * 1000.0));
    let offset = date.get_timezone_offset();
    if offset.is_finite() {
        -(offset as i32)
    } else {
        0
    }
}
