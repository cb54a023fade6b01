//! Loading and saving that report how far they have got to a [`Progress`] and stop when asked:
//! for the app's background thread, so that a large file never freezes the window.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use super::encryption::{self, EncryptionProblem, Key};
use super::progress::{Progress, Stage};
use super::ron_format::{StreamError, from_ron_by_ron_crate, read_fast, write_ron};
use super::{LoadError, MAX_FILE_BYTES, SaveError, atomic};
use crate::model::Dataset;

/// [`super::load_file`], telling `progress` how far it has got and stopping when it is
/// cancelled (with a read error saying so). The file is read a piece at a time, so only a few
/// megabytes of its text are held beside the records; a file the app's own reader gives up on
/// is read again whole by the `ron` crate, whose messages say what is wrong and where.
pub fn load_file_with_progress(path: &Path, progress: &Progress) -> Result<Dataset, LoadError> {
    load_protected(path, None, progress)
}

/// [`load_file_with_progress`] for a file that may be encrypted, decrypted with `key` a piece at
/// a time as it is read (no plain text of it is ever written anywhere). An encrypted file with
/// no key, the wrong key, or damaged or cut bytes is an error, and no record of it is given.
pub fn load_protected(path: &Path, key: Option<&Key>, progress: &Progress) -> Result<Dataset, LoadError> {
    if super::is_encrypted(path) {
        let Some(key) = key else {
            let problem = EncryptionProblem::NeedsPassphrase;
            return Err(LoadError::Encryption { path: path.to_owned(), problem });
        };
        return load_encrypted(path, key, progress);
    }
    let read_error = |source| LoadError::Read { path: path.to_owned(), source };
    let file = fs::File::open(path).map_err(read_error)?;
    let size_bytes = file.metadata().map_err(read_error)?.len();
    if size_bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), size_bytes, limit_bytes: MAX_FILE_BYTES });
    }
    progress.start(Stage::Parsing, size_bytes);
    // Never more than the limit, in case the file grew after its size was taken.
    let streamed = match read_split(&file, size_bytes, progress) {
        Some(read) => read,
        None => super::fast_ron::from_reader::<Dataset>(file.take(MAX_FILE_BYTES), Some(progress)),
    };
    if let Some(result) = read_fast(streamed, path, Some(progress)) {
        return result;
    }
    let bytes = read_limited(path, progress)?;
    from_ron_by_ron_crate(&bytes, path)
}

/// The file read by two readers at once, when it is large enough (see `split_read`).
#[cfg(unix)]
fn read_split(
    file: &fs::File,
    size_bytes: u64,
    progress: &Progress,
) -> Option<Result<Dataset, super::fast_ron::GaveUp>> {
    super::split_read::read_split(file, size_bytes, progress)
}

/// Read by one reader where a file cannot be read at two places at once.
#[cfg(not(unix))]
fn read_split(_: &fs::File, _: u64, _: &Progress) -> Option<Result<Dataset, super::fast_ron::GaveUp>> {
    None
}

/// An encrypted file read through its key as it is decrypted; one the app's own reader gives up
/// on is decrypted again whole (wiped from memory after) for the `ron` crate's messages.
fn load_encrypted(path: &Path, key: &Key, progress: &Progress) -> Result<Dataset, LoadError> {
    let size_bytes =
        fs::metadata(path).map_err(|source| LoadError::Read { path: path.to_owned(), source })?.len();
    if size_bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), size_bytes, limit_bytes: MAX_FILE_BYTES });
    }
    progress.start(Stage::Parsing, size_bytes);
    decrypt_and_read(&|| encryption::open_decrypted(path, key), path, Some(progress))
}

/// Reads the records of a decrypted stream (`open` starts it; `path` names it in errors) with
/// the app's reader as it is decrypted; one it gives up on is decrypted again whole (wiped from
/// memory after) for the `ron` crate's messages. Bytes that do not decrypt give no record.
pub(super) fn decrypt_and_read<'a>(
    open: &dyn Fn() -> Result<Box<dyn Read + 'a>, LoadError>,
    path: &Path,
    progress: Option<&Progress>,
) -> Result<Dataset, LoadError> {
    // The text decrypted ahead on the other thread counts in what is kept ahead, so that an
    // encrypted file is read holding no more text than a plain one.
    let kept_ahead = super::fast_ron::KEPT_AHEAD - encryption::DECRYPTED_AHEAD_BYTES;
    let streamed = super::fast_ron::from_reader_in_pieces::<Dataset>(open()?, progress, kept_ahead);
    if let Some(result) = read_fast(streamed, path, progress) {
        return result;
    }
    let bytes = encryption::read_whole(open()?, path)?;
    from_ron_by_ron_crate(&bytes, path)
}

/// A file's bytes, refusing one over [`MAX_FILE_BYTES`], telling `progress` how many are read
/// and stopping (with a read error saying so) when it is cancelled.
pub(super) fn read_limited(path: &Path, progress: &Progress) -> Result<Vec<u8>, LoadError> {
    let read_error = |source| LoadError::Read { path: path.to_owned(), source };
    let too_large =
        |size_bytes| LoadError::TooLarge { path: path.to_owned(), size_bytes, limit_bytes: MAX_FILE_BYTES };
    let file = fs::File::open(path).map_err(read_error)?;
    let size_bytes = file.metadata().map_err(read_error)?.len();
    if size_bytes > MAX_FILE_BYTES {
        return Err(too_large(size_bytes));
    }
    progress.start(Stage::Reading, size_bytes);
    let mut bytes = Vec::with_capacity(usize::try_from(size_bytes).unwrap_or(0));
    // Read one byte past the limit, in case the file grew after its size was taken.
    let mut reader = Reporting { inner: file.take(MAX_FILE_BYTES + 1), progress };
    reader.read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A reader that tells the progress what it has read, and fails once it is cancelled.
struct Reporting<'a, R> {
    inner: R,
    progress: &'a Progress,
}

impl<R: Read> Read for Reporting<'_, R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        // Not `Interrupted`, which `read_to_end` would take as a cue to try again.
        if self.progress.is_cancelled() {
            return Err(io::Error::other("cancelled"));
        }
        let read = self.inner.read(buffer)?;
        self.progress.advance(read);
        Ok(read)
    }
}

/// [`super::save_file`], telling `progress` how far it has got. When cancelled it stops before
/// the new file takes the old one's place, which stays as it was.
pub fn save_file_with_progress(dataset: &Dataset, path: &Path, progress: &Progress) -> Result<(), SaveError> {
    save_protected(dataset, path, None, progress)
}

/// [`save_file_with_progress`], encrypted to `key` when one is given: the text is encrypted as
/// it is made, so the temporary file, the file and its backup only ever hold encrypted bytes.
pub fn save_protected(
    dataset: &Dataset,
    path: &Path,
    key: Option<&Key>,
    progress: &Progress,
) -> Result<(), SaveError> {
    atomic::write_atomically_streamed(path, true, |file| match key {
        None => write_records(dataset, path, file, progress),
        Some(key) => {
            let mut encrypted = key.encrypt_into(file).map_err(atomic::Failure::Io)?;
            write_records(dataset, path, &mut encrypted, progress)?;
            encrypted.finish().map(drop).map_err(atomic::Failure::Io)
        }
    })
}

/// Writes the records as RON into `file`, counting them on `progress`.
fn write_records(
    dataset: &Dataset,
    path: &Path,
    file: &mut dyn io::Write,
    progress: &Progress,
) -> Result<(), atomic::Failure> {
    {
        write_ron(dataset, file, progress).map_err(|error| match error {
            StreamError::Io(source) => atomic::Failure::Io(source),
            StreamError::Stopped => atomic::Failure::Io(io::Error::other("cancelled")),
            StreamError::Ron(error) => atomic::Failure::Save(SaveError::Serialize {
                path: path.to_owned(),
                message: error.to_string(),
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_save_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("data.ron");
        std::fs::write(&path, "old").expect("write");
        let progress = Progress::default();
        progress.cancel();
        let dataset = crate::store::load_sample().expect("the sample loads");
        assert!(save_file_with_progress(&dataset, &path, &progress).is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "old");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1, "only the file is left");
    }

    #[test]
    fn a_save_writes_the_very_text_to_ron_makes_a_piece_at_a_time() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("data.ron");
        let options = crate::generate::GenerateOptions { incidents: 3_000, rallies: 300, seed: 9 };
        for dataset in
            [crate::store::load_sample().expect("the sample loads"), crate::generate::generate(options)]
        {
            let progress = Progress::default();
            save_file_with_progress(&dataset, &path, &progress).expect("saves");
            let records = dataset.sources.len()
                + dataset.places.len()
                + dataset.organizations.len()
                + dataset.incidents.len()
                + dataset.rallies.len();
            assert_eq!(progress.done(), records as u64, "each record counted once");
            let text = std::fs::read_to_string(&path).expect("read");
            assert!(text == crate::store::to_ron(&dataset).expect("writes"), "the same text as to_ron");
        }
    }

    #[test]
    fn a_save_and_a_load_report_their_progress_to_the_end() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("data.ron");
        let dataset = crate::store::load_sample().expect("the sample loads");
        let progress = Progress::default();
        save_file_with_progress(&dataset, &path, &progress).expect("saves");
        assert_eq!((progress.stage(), progress.fraction()), (Stage::Writing, Some(1.0)));
        let progress = Progress::default();
        let loaded = load_file_with_progress(&path, &progress).expect("loads");
        assert_eq!(progress.stage(), Stage::Parsing);
        assert!(progress.fraction().is_some(), "reading the records is measured");
        assert_eq!(loaded, dataset);
    }

    #[test]
    fn a_file_read_in_pieces_gives_what_and_the_messages_a_whole_read_gives() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let sample = crate::store::SAMPLE_RON;
        let files: [(&str, Vec<u8>); 6] = [
            ("sample", sample.as_bytes().to_vec()),
            ("comment", format!("// written by hand\n{sample}").into_bytes()),
            ("mistake", sample.replacen("incidents:", "incidents;", 1).into_bytes()),
            ("not utf-8", [sample.as_bytes(), &[0xff, 0xfe]].concat()),
            ("empty", Vec::new()),
            ("cut", sample.as_bytes()[..sample.len() / 2].to_vec()),
        ];
        for (name, bytes) in files {
            let path = dir.path().join(format!("{name}.ron"));
            std::fs::write(&path, &bytes).expect("write");
            let whole = crate::store::from_ron(&bytes, &path).map_err(|error| error.to_string());
            let in_pieces =
                load_file_with_progress(&path, &Progress::default()).map_err(|error| error.to_string());
            assert_eq!(in_pieces, whole, "{name}");
            assert_eq!(whole.is_ok(), matches!(name, "sample" | "comment"), "{name}: {whole:?}");
        }
    }

    #[test]
    fn a_cancelled_load_stops_with_an_error() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("data.ron");
        std::fs::write(&path, crate::store::SAMPLE_RON).expect("write");
        let progress = Progress::default();
        progress.cancel();
        assert!(matches!(load_file_with_progress(&path, &progress), Err(LoadError::Read { .. })));
    }
}
