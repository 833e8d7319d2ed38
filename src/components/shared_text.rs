//! Text the state shares with the views, compared by identity before content.

use std::ops::Deref;
use std::rc::Rc;

use yew::AttrValue;
use yew::html::IntoPropValue;

/// A text prop held as the state's own `Rc<str>`. Yew compares a component's props on every
/// render, and `Rc<str>`'s own `==` reads every byte even when both sides are the same
/// allocation: for a 350 KB token, a 350 KB comparison per prop per render, clock ticks
/// included. The state hands the views the same `Rc` until the text changes, so here identity
/// answers first and the bytes are read only for two different allocations.
#[derive(Clone, Debug, Default)]
pub struct SharedText(Rc<str>);

impl SharedText {
    /// The shared text itself, for what needs the `Rc` (an `AttrValue`, a callback's payload).
    pub fn rc(&self) -> &Rc<str> {
        &self.0
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Deref for SharedText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<Rc<str>> for SharedText {
    fn from(text: Rc<str>) -> Self {
        Self(text)
    }
}

impl From<SharedText> for AttrValue {
    fn from(text: SharedText) -> Self {
        AttrValue::from(text.0)
    }
}

/// Lets a view pass the state's `Rc<str>` as it is: `text={state.input.clone()}`.
impl IntoPropValue<SharedText> for Rc<str> {
    fn into_prop_value(self) -> SharedText {
        SharedText(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_allocation_is_equal_without_reading_it_and_equal_texts_still_are() {
        let text: Rc<str> = "a".repeat(1000).into();
        let shared = SharedText::from(text.clone());
        assert_eq!(shared, SharedText::from(text.clone()));
        assert!(Rc::ptr_eq(shared.rc(), &text));
        assert_eq!(shared, SharedText::from(Rc::from("a".repeat(1000))));
        assert_ne!(shared, SharedText::from(Rc::from("b")));
        assert_eq!(&*shared, text.as_ref());
    }
}
