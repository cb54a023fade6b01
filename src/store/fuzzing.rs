//! The ways in for the fuzz targets in `fuzz/` (and the tests that run them on known inputs):
//! the app's fast reader against the `ron` crate, and the encrypted loader, on any bytes.

use std::path::Path;

use super::encryption::{self, Key};
use super::{LoadError, fast_ron, ron_format, to_ron, with_progress};
use crate::model::Dataset;

/// The fast reader and the `ron` crate on the same bytes: whenever the fast reader reads
/// records, the `ron` crate reads the very same ones. Panics, saying how, when they differ.
pub fn fast_reader_agrees_with_ron(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    // Giving up is always allowed: the `ron` crate then reads the file.
    let Ok(fast) = fast_ron::from_str::<Dataset>(text, None) else { return };
    match ron_format::ron_crate_read(text) {
        Ok(by_ron) => {
            // Compared as text, so that a NaN read by both counts as the same.
            assert_eq!(to_ron(&fast).ok(), to_ron(&by_ron).ok(), "the fast reader read other records");
        }
        Err(error) => panic!("the fast reader read records the ron crate refuses: {error}"),
    }
}

/// The app's RON writer and the `ron` crate's pretty printer on the same records: the very same
/// text. Panics, showing both, when they differ.
pub fn fast_writer_agrees_with_ron(dataset: &Dataset) {
    let by_ron =
        ron_format::ron_crate_text(dataset).unwrap_or_else(|error| panic!("ron cannot write it: {error}"));
    let fast = to_ron(dataset).unwrap_or_else(|error| panic!("the app's writer cannot write it: {error}"));
    if fast != by_ron {
        let at = fast.bytes().zip(by_ron.bytes()).take_while(|(a, b)| a == b).count();
        let around = |text: &str| {
            text.get(at.saturating_sub(200)..(at + 200).min(text.len())).unwrap_or("").to_owned()
        };
        panic!(
            "the texts differ at byte {at}:\n--- the app's writer\n{}\n--- ron\n{}",
            around(&fast),
            around(&by_ron)
        );
    }
}

/// The fixed key the encrypted loader's fuzz target decrypts with (a key for fuzzing only,
/// public here, never a dataset's).
pub fn fuzz_key() -> Key {
    const IDENTITY: &str = "AGE-SECRET-KEY-198H7HZYCUT4JUCFYVYZJ33QYPDK58FPVUL0WCRX65WJGR7EFC50S5SV38Q";
    encryption::key_of_identity(IDENTITY).unwrap_or_else(|| panic!("a valid identity"))
}

/// The encrypted loader on any bytes, with [`fuzz_key`]: it never panics, and the records it
/// gives are those the `ron` crate reads from the decrypted text.
pub fn encrypted_loader_on(bytes: &[u8]) -> Result<Dataset, LoadError> {
    let key = fuzz_key();
    let open = || encryption::open_decrypted_bytes(bytes, &key);
    let read = with_progress::decrypt_and_read(&open, Path::new("fuzz.ron.age"), None);
    if let Ok(dataset) = &read {
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut open().unwrap_or_else(|e| panic!("{e}")), &mut text)
            .unwrap_or_else(|error| panic!("records from bytes that do not decrypt: {error}"));
        fast_reader_agrees_with_ron(&text);
        let by_ron = ron_format::ron_crate_read(&String::from_utf8_lossy(&text));
        assert!(by_ron.is_ok(), "the loader read records the ron crate refuses");
        assert_eq!(to_ron(dataset).ok(), by_ron.ok().and_then(|d| to_ron(&d).ok()));
    }
    read
}

/// Encrypts a dataset's text to [`fuzz_key`]: a seed for the encrypted loader's corpus.
pub fn encrypted_seed(text: &[u8]) -> Vec<u8> {
    let key = fuzz_key();
    let mut bytes = Vec::new();
    let mut writer = key.encrypt_into(&mut bytes).unwrap_or_else(|e| panic!("{e}"));
    std::io::Write::write_all(&mut writer, text).unwrap_or_else(|e| panic!("{e}"));
    writer.finish().unwrap_or_else(|e| panic!("{e}"));
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_targets_hold_on_the_sample_and_its_mistakes() {
        let sample = super::super::SAMPLE_RON;
        fast_reader_agrees_with_ron(sample.as_bytes());
        for cut in (0..sample.len()).step_by(997) {
            fast_reader_agrees_with_ron(&sample.as_bytes()[..cut]);
        }
        let seed = encrypted_seed(sample.as_bytes());
        let read = encrypted_loader_on(&seed).expect("the sample decrypts");
        assert_eq!(read.incidents.len(), super::super::load_sample().expect("loads").incidents.len());
        for cut in (0..seed.len()).step_by(511) {
            assert!(encrypted_loader_on(&seed[..cut]).is_err(), "cut at {cut}");
        }
    }
}

#[cfg(test)]
mod streamed {
    use super::*;

    #[test]
    fn the_fast_reader_reads_a_decrypted_stream_without_falling_back() {
        let dataset = crate::generate::generate(crate::generate::GenerateOptions {
            incidents: 3000,
            rallies: 300,
            seed: 2,
        });
        let text = to_ron(&dataset).expect("writes");
        let seed = encrypted_seed(text.as_bytes());
        let key = fuzz_key();
        let reader = encryption::open_decrypted_bytes(&seed, &key).expect("opens");
        let read = fast_ron::from_reader::<Dataset>(reader, None);
        assert!(read.is_ok(), "{:?}", read.err());
    }
}
