//! Browser entry point.

fn main() {
    yew::Renderer::<keyturn::app::App>::new().render();
}
