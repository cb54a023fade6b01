//! What the app must never do: talk to the network, or run code a file brings.

use std::process::Command;

/// Crates that make network connections; none may be in the app's dependencies.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "isahc",
    "attohttpc",
    "surf",
    "h2",
    "rustls",
    "native-tls",
    "openssl",
];

#[test]
fn no_http_client_or_tls_is_among_the_dependencies() {
    let output = Command::new(env!("CARGO"))
        .args(["tree", "--edges", "normal", "--prefix", "none", "--format", "{p}", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let tree = String::from_utf8(output.stdout).expect("UTF-8");
    let names: Vec<&str> = tree.lines().filter_map(|line| line.split_whitespace().next()).collect();
    assert!(names.len() > 50, "the tree was read: {} crates", names.len());
    let found: Vec<&&str> = names.iter().filter(|name| NETWORK_CRATES.contains(name)).collect();
    assert!(found.is_empty(), "network crates in the dependencies: {found:?}");
}

#[test]
fn the_crate_forbids_unsafe_code() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).expect("read");
    assert!(manifest.contains("unsafe_code = \"deny\""), "the lint that keeps unsafe out is set");
}
