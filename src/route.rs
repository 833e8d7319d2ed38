//! The three views and the location hash that names each.

/// The three views, chosen by the location hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Debugger,
    Walkthrough,
    Keygen,
}

impl Route {
    /// The view a location hash shows (the debugger for any other hash).
    pub fn from_hash(hash: &str) -> Self {
        if hash.starts_with("/walkthrough") {
            Route::Walkthrough
        } else if hash.starts_with("/keygen") {
            Route::Keygen
        } else {
            Route::Debugger
        }
    }

    /// The location hash that shows this view.
    pub fn hash(self) -> &'static str {
        match self {
            Route::Debugger => "/",
            Route::Walkthrough => "/walkthrough",
            Route::Keygen => "/keygen",
        }
    }
}
