//! Mounts the app into the page in place of index.html's first paint.

fn main() {
    // index.html's header and "Starting the decoder…" go in the same task as the app's first
    // render comes (Yew renders in a microtask, before the browser paints again), so no frame
    // shows both or neither.
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    yew::Renderer::<jwt_debugger::app::App>::new().render();
}
