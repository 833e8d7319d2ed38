//! The root component, the shell: it owns the state (the one reducer, the view shown, the theme
//! and the display choices that outlive a view), hooks up the clock, the key engine and the
//! service worker, and provides the state to the views as a [`Store`] context.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::{self, Clock};
pub use crate::route::Route;
use crate::share;
use crate::state::{Action, AppAction, AppState};
use crate::views::debugger::DebuggerPage;
use crate::views::keygen::KeygenPage;
use crate::views::nav::{nav, skip_link};
use crate::views::store::{SharedState, Store};
use crate::views::walkthrough::WalkthroughPage;

/// What a test fixes in advance; the page mounts `App` with the defaults.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The clock; tests inject a manual one.
    #[prop_or(Clock::System)]
    pub clock: Clock,
    /// The token shown first (the example when not given).
    #[prop_or_default]
    pub initial_token: Option<AttrValue>,
    /// The view shown first (read from the location hash when not given).
    #[prop_or_default]
    pub initial_route: Option<Route>,
}

impl Default for AppProps {
    fn default() -> Self {
        Self {
            clock: Clock::System,
            initial_token: None,
            initial_route: None,
        }
    }
}

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let clock = props.clock.clone();
        let given = props.initial_token.clone();
        use_reducer(move || {
            // A shared link (#token=…, #id_token=…, #access_token=…) fills the debugger; the
            // fragment is then cleared so the token does not linger in the address bar.
            let shared = share::token_from_fragment(&browser::location_hash());
            if shared.is_some() {
                browser::forget_fragment();
            }
            // No token of its own: jwt.io's example, with its secret, verified.
            let state = match given.map(|t| t.to_string()).or(shared) {
                Some(token) => AppState::new(&token, clock.now()),
                None => AppState::example(clock.now()),
            };
            SharedState(Rc::new(state))
        })
    };
    let route = {
        let initial = props.initial_route;
        use_state(move || initial.unwrap_or_else(|| Route::from_hash(&browser::location_hash())))
    };
    // Light, dark, or following the system: the one thing the page remembers between visits.
    let theme = use_state(browser::saved_theme);
    use_effect_with(*theme, |theme| browser::set_theme(theme));
    use_effect_with((), |_| browser::register_service_worker());
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            crate::engine::on_answer(move || {
                dispatcher.dispatch(AppAction::EngineAnswered(crate::engine::status()));
            });
            // The decoder is up: start the key engine now, so a key pasted later is answered
            // sooner. Not before the first render: a worker's start needs this thread too, and
            // started before it (tried in issue #30) the engine was ready no sooner while the
            // page became usable later (BENCHMARKS.md, "Issue #30").
            crate::engine::start();
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.clock.clone(), move |clock| {
            let tick = move |now| dispatcher.dispatch(AppAction::Debugger(Action::Tick(now)));
            tick(clock.now());
            let guard = clock.subscribe(Callback::from(tick));
            move || drop(guard)
        });
    }
    {
        // Follow Back/Forward and hand-edited hashes.
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    route.set(Route::from_hash(&browser::location_hash()));
                });
            move || drop(listener)
        });
    }
    let navigate = {
        let route = route.setter();
        use_callback((), move |to: Route, ()| {
            browser::set_location_hash(to.hash());
            route.set(to);
        })
    };
    let on_theme = {
        let theme = theme.setter();
        use_callback((), move |e: Event, ()| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            theme.set(match value.as_str() {
                "light" => "light",
                "dark" => "dark",
                _ => "system",
            });
        })
    };
    let store = Store {
        state: state.0.clone(),
        dispatch: state.dispatcher().to_callback(),
        route: *route,
        navigate,
        // The choices that outlive a view: made here, so that they stay when the view changes.
        header_table: use_state(|| false),
        payload_table: use_state(|| false),
        share_status: use_state(|| None),
        generating_pair: use_state(|| false),
    };

    let tabs = nav(&store);
    let skip = skip_link(&store);
    html! {
        <ContextProvider<Store> context={store}>
            <div class="app">
                { skip }
                <header class="topbar">
                    <h1>{ "JWT Debugger" }</h1>
                    { tabs }
                    <label class="inline theme"><span>{ "Theme" }</span>
                        <select data-testid="theme-select" onchange={on_theme}>
                            { for ["system", "light", "dark"].into_iter().map(|t| html! {
                                <option value={t} selected={*theme == t}>{ t }</option>
                            }) }
                        </select>
                    </label>
                    <p class="tagline">{ "Decode, verify and sign JSON Web Tokens. Everything runs in this tab: nothing you paste leaves it." }</p>
                </header>
                { match *route {
                    Route::Debugger => html! { <DebuggerPage /> },
                    Route::Walkthrough => html! { <WalkthroughPage /> },
                    Route::Keygen => html! { <KeygenPage /> },
                } }
                <footer class="footer">
                    <span>{ "Runs entirely in your browser. No analytics, no network requests with your data. " }</span>
                    <a href="SECURITY.md" data-testid="security-link">{ "Security and privacy" }</a>
                </footer>
            </div>
        </ContextProvider<Store>>
    }
}
