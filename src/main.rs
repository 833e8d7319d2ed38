//! Starts the key engine, then mounts the app into the page.

fn main() {
    // First, so that the engine's worker downloads and compiles while the page renders: its
    // start is not on the path to the first paint, which runs on this thread meanwhile.
    jwt_debugger::engine::start();
    yew::Renderer::<jwt_debugger::app::App>::new().render();
}
