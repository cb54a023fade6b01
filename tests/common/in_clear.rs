//! Looking for text that must not be on disk in clear (an encrypted dataset's records).

use std::path::Path;

/// Every file under `dir` (its folders too) whose bytes hold one of `needles`, with the needle.
pub fn files_in_clear(dir: &Path, needles: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the folder lists").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_in_clear(&path, needles));
            continue;
        }
        // A file removed meanwhile (a temporary file renamed) holds nothing.
        let bytes = std::fs::read(&path).unwrap_or_default();
        for needle in needles {
            if memchr::memmem::find(&bytes, needle.as_bytes()).is_some() {
                found.push(format!("{} holds {needle:?}", path.display()));
            }
        }
    }
    found
}
