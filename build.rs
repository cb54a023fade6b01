//! On Windows the executable carries the app's icon and its version, as File Explorer and the
//! task bar show them (`packaging/icons/repatriation-watch.ico`, from `packaging/icons.sh`); on
//! other systems this does nothing.

fn main() {
    println!("cargo:rerun-if-changed=packaging/icons/repatriation-watch.ico");
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("packaging/icons/repatriation-watch.ico")
        .set("ProductName", "Repatriation Watch")
        .set("FileDescription", "Repatriation Watch")
        .set("LegalCopyright", "The Repatriation Watch contributors; MIT or Apache-2.0");
    if let Err(error) = resource.compile() {
        println!("cargo:warning=the icon and version could not be put into the .exe: {error}");
        std::process::exit(1);
    }
}
