//! Browser entry point.

fn main() {
    keyturn::app::install_panic_screen();
    yew::Renderer::<keyturn::app::App>::new().render();
}
