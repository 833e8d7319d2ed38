//! Mounts the app into the page, nothing else.

fn main() {
    yew::Renderer::<jwt_debugger::app::App>::new().render();
}
