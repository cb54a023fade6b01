//! The dataset as RON text: pretty, deterministic, and read back with line and column errors.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::LoadError;
use super::progress::Progress;
use super::ron_writer;
use crate::model::{
    CURRENT_VERSION, Conflicts, Dataset, FORMAT_TAG, Incident, Organization, Place, Rally, Record, Source,
};

/// Nesting deeper than this is refused rather than risking the stack.
const RECURSION_LIMIT: usize = 64;

/// A view of a dataset with every list sorted by id, so that files are written in one order
/// without copying the records.
#[derive(Serialize)]
#[serde(rename = "Dataset")]
struct SortedDataset<'a> {
    format: &'a str,
    version: u32,
    sources: Vec<Counted<'a, Source>>,
    places: Vec<Counted<'a, Place>>,
    organizations: Vec<Counted<'a, Organization>>,
    incidents: Vec<Counted<'a, Incident>>,
    rallies: Vec<Counted<'a, Rally>>,
    #[serde(skip_serializing_if = "Conflicts::is_empty")]
    conflicts: &'a Conflicts,
}

/// A record written as itself, counted on the progress of a save as it is written.
struct Counted<'a, T>(&'a T, Option<&'a Progress>);

impl<T: Serialize> Serialize for Counted<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(progress) = self.1 {
            progress.advance(1);
        }
        self.0.serialize(serializer)
    }
}

/// The records of a list and of its overrides, sorted by id; an override takes the place of
/// the record with its id.
fn sorted<'a, T: Record>(
    records: &'a [T],
    overrides: &'a [T],
    progress: Option<&'a Progress>,
) -> Vec<Counted<'a, T>> {
    let overridden = |record: &&T| overrides.iter().any(|other| other.id() == record.id());
    let mut sorted: Vec<&T> = records.iter().filter(|record| !overridden(record)).chain(overrides).collect();
    sorted.sort_by(|a, b| a.id().cmp(b.id()));
    sorted.into_iter().map(|record| Counted(record, progress)).collect()
}

impl<'a> SortedDataset<'a> {
    /// The view of `dataset` with the records of `overrides` put in.
    fn of(dataset: &'a Dataset, overrides: &'a Dataset, progress: Option<&'a Progress>) -> Self {
        Self {
            format: &dataset.format,
            version: dataset.version,
            sources: sorted(&dataset.sources, &overrides.sources, progress),
            places: sorted(&dataset.places, &overrides.places, progress),
            organizations: sorted(&dataset.organizations, &overrides.organizations, progress),
            incidents: sorted(&dataset.incidents, &overrides.incidents, progress),
            rallies: sorted(&dataset.rallies, &overrides.rallies, progress),
            conflicts: &dataset.conflicts,
        }
    }

    /// How many records it writes.
    fn records(&self) -> usize {
        self.sources.len()
            + self.places.len()
            + self.organizations.len()
            + self.incidents.len()
            + self.rallies.len()
    }

    /// Writes the text a piece at a time into `emit`, ending with a newline: the text the
    /// `ron` crate writes of it (`ron_writer.rs`), each list's records a batch at a time, the
    /// batches of a round on several threads at once.
    fn write_pieces(&self, emit: &mut dyn FnMut(&str) -> Result<(), Stopped>) -> Result<(), Unwritten> {
        let mut head = String::from("#![enable(implicit_some)]\n(\n  format: ");
        ron_writer::write_str(&mut head, self.format);
        head.push_str(",\n  version: ");
        ron_writer::write_value(&self.version, 1, &mut head)?;
        head.push_str(",\n");
        emit(&head)?;
        write_list("sources", &self.sources, emit)?;
        write_list("places", &self.places, emit)?;
        write_list("organizations", &self.organizations, emit)?;
        write_list("incidents", &self.incidents, emit)?;
        write_list("rallies", &self.rallies, emit)?;
        let mut tail = String::new();
        if !self.conflicts.is_empty() {
            tail.push_str("  conflicts: ");
            ron_writer::write_value(self.conflicts, 1, &mut tail)?;
            tail.push_str(",\n");
        }
        tail.push_str(")\n");
        emit(&tail)?;
        Ok(())
    }
}

/// Records written into one piece of text, one after another.
const BATCH_RECORDS: usize = 512;

/// Writes one of the dataset's lists (`  name: [...],` on its lines).
fn write_list<T: Serialize + Sync>(
    name: &str,
    records: &[Counted<'_, T>],
    emit: &mut dyn FnMut(&str) -> Result<(), Stopped>,
) -> Result<(), Unwritten> {
    if records.is_empty() {
        emit(&format!("  {name}: [],\n"))?;
        return Ok(());
    }
    emit(&format!("  {name}: [\n"))?;
    let threads = crate::model::parallel::cores().min(4);
    for round in records.chunks(BATCH_RECORDS * threads) {
        for text in crate::model::parallel::each_at_once(round.chunks(BATCH_RECORDS).collect(), write_batch) {
            emit(&text?)?;
        }
    }
    emit("  ],\n")?;
    Ok(())
}

/// The text of a batch of a list's records, each on its lines with its comma.
fn write_batch<T: Serialize>(batch: &[Counted<'_, T>]) -> Result<String, Unwritten> {
    let mut text = String::with_capacity(batch.len() * 1024);
    for record in batch {
        text.push_str("    ");
        ron_writer::write_value(record, 2, &mut text)?;
        text.push_str(",\n");
    }
    Ok(text)
}

/// The writing was stopped by where the text goes (a file that failed, a save cancelled).
pub(super) struct Stopped;

/// Why the text was not all written.
pub(super) enum Unwritten {
    /// Where it goes stopped it.
    Stopped,
    /// A value the writer does not write.
    Unsupported(ron_writer::Unsupported),
}

impl From<Stopped> for Unwritten {
    fn from(_: Stopped) -> Self {
        Self::Stopped
    }
}

impl From<ron_writer::Unsupported> for Unwritten {
    fn from(error: ron_writer::Unsupported) -> Self {
        Self::Unsupported(error)
    }
}

impl Unwritten {
    /// As the `ron` crate's error, for the callers that report it.
    fn into_ron_error(self) -> ron::Error {
        match self {
            Self::Stopped => ron::Error::Message("the writing was stopped".to_owned()),
            Self::Unsupported(error) => ron::Error::Message(error.to_string()),
        }
    }
}

/// The dataset as pretty RON text, records sorted by id. The same dataset always gives the
/// same text.
pub fn to_ron(dataset: &Dataset) -> Result<String, ron::Error> {
    to_ron_with(dataset, &Dataset::default())
}

/// [`to_ron`] of the dataset with the records of `overrides` put in (in place of those with
/// their ids), without copying the dataset: for recovery files, the drafts over the records.
pub fn to_ron_with(dataset: &Dataset, overrides: &Dataset) -> Result<String, ron::Error> {
    let mut text = String::new();
    let mut emit = |piece: &str| {
        text.push_str(piece);
        Ok(())
    };
    SortedDataset::of(dataset, overrides, None).write_pieces(&mut emit).map_err(Unwritten::into_ron_error)?;
    Ok(text)
}

/// The text the `ron` crate's own pretty printer writes of the dataset with the app's settings:
/// what [`to_ron`] must give, byte for byte (for the tests and the fuzz targets).
pub(super) fn ron_crate_text(dataset: &Dataset) -> Result<String, ron::Error> {
    let none = Dataset::default();
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ")
        .struct_names(false)
        .escape_strings(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut text =
        ron::Options::default().to_string_pretty(&SortedDataset::of(dataset, &none, None), config)?;
    text.push('\n');
    Ok(text)
}

/// Why writing a dataset's text into a file stopped.
#[derive(Debug)]
pub(super) enum StreamError {
    /// The file could not take it.
    Io(std::io::Error),
    /// The records could not be written as RON.
    Ron(ron::Error),
    /// It was asked to stop (a save cancelled, a recovery file out of date).
    Stopped,
}

/// Writes the text [`to_ron`] makes into `out` a piece at a time, rather than making it whole
/// first, counting each record on `progress` (whose total it sets) and stopping once it is
/// cancelled.
pub(super) fn write_ron(
    dataset: &Dataset,
    out: &mut dyn std::io::Write,
    progress: &Progress,
) -> Result<(), StreamError> {
    let none = Dataset::default();
    let view = SortedDataset::of(dataset, &none, Some(progress));
    progress.start(super::Stage::Writing, view.records() as u64);
    stream(&view, out, &|| progress.is_cancelled())
}

/// Writes the text [`to_ron_with`] makes into `out` a piece at a time, stopping once `stop`
/// says so: for recovery files.
pub(super) fn write_ron_with(
    dataset: &Dataset,
    overrides: &Dataset,
    out: &mut dyn std::io::Write,
    stop: &dyn Fn() -> bool,
) -> Result<(), StreamError> {
    stream(&SortedDataset::of(dataset, overrides, None), out, stop)
}

fn stream(
    view: &SortedDataset<'_>,
    out: &mut dyn std::io::Write,
    stop: &dyn Fn() -> bool,
) -> Result<(), StreamError> {
    let mut sink =
        Sink { out, piece: String::with_capacity(PIECE_BYTES), failure: None, stopped: false, stop };
    let written = view.write_pieces(&mut |text| sink.take(text)).and_then(|()| Ok(sink.pass_on()?));
    match written {
        Ok(()) => Ok(()),
        Err(Unwritten::Unsupported(error)) => Err(StreamError::Ron(ron::Error::Message(error.to_string()))),
        Err(Unwritten::Stopped) if sink.stopped => Err(StreamError::Stopped),
        Err(Unwritten::Stopped) => match sink.failure {
            Some(error) => Err(StreamError::Io(error)),
            None => Err(StreamError::Stopped),
        },
    }
}

/// How much text is gathered before it is passed on to the file.
const PIECE_BYTES: usize = 64 * 1024;

/// Text written into a file a piece at a time, failing (and so ending the writing) when the
/// file fails or `stop` says so, which it is asked before each piece; what happened is kept.
struct Sink<'a> {
    out: &'a mut dyn std::io::Write,
    piece: String,
    failure: Option<std::io::Error>,
    stopped: bool,
    stop: &'a dyn Fn() -> bool,
}

impl Sink<'_> {
    /// Takes some text: gathered into the piece, or passed on as it is when it is large.
    fn take(&mut self, text: &str) -> Result<(), Stopped> {
        if text.len() >= PIECE_BYTES {
            self.pass_on()?;
            return self.write(text);
        }
        self.piece.push_str(text);
        if self.piece.len() >= PIECE_BYTES { self.pass_on() } else { Ok(()) }
    }

    /// Passes the text gathered on to the file.
    fn pass_on(&mut self) -> Result<(), Stopped> {
        let piece = std::mem::take(&mut self.piece);
        let written = self.write(&piece);
        self.piece = piece;
        self.piece.clear();
        written
    }

    /// Writes the text a piece at a time, asking `stop` before each.
    fn write(&mut self, text: &str) -> Result<(), Stopped> {
        for piece in text.as_bytes().chunks(PIECE_BYTES) {
            if (self.stop)() {
                self.stopped = true;
                return Err(Stopped);
            }
            self.out.write_all(piece).map_err(|error| {
                self.failure = Some(error);
                Stopped
            })?;
        }
        Ok(())
    }
}

/// Only the head of a dataset, read when the whole would not parse, to tell a newer file from
/// a broken one.
#[derive(Deserialize)]
#[serde(rename = "Dataset")]
struct Head {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u32>,
}

/// Reads a dataset from RON bytes; `path` only names the file in errors.
pub fn from_ron(bytes: &[u8], path: &Path) -> Result<Dataset, LoadError> {
    from_ron_with_progress(bytes, path, None)
}

/// [`from_ron`], telling `progress` how far it has got. The app's own reader reads the files
/// the app writes; anything else, and every file with a mistake, is read by the `ron` crate.
pub(super) fn from_ron_with_progress(
    bytes: &[u8],
    path: &Path,
    progress: Option<&Progress>,
) -> Result<Dataset, LoadError> {
    let text = text_of(bytes, path)?;
    match read_fast(super::fast_ron::from_str::<Dataset>(text, progress), path, progress) {
        Some(result) => result,
        None => read_by_ron_crate(text, path),
    }
}

/// [`from_ron`] by the `ron` crate alone, for a file the app's own reader gave up on.
pub(super) fn from_ron_by_ron_crate(bytes: &[u8], path: &Path) -> Result<Dataset, LoadError> {
    read_by_ron_crate(text_of(bytes, path)?, path)
}

/// The file's text; an error when it is not UTF-8 or is empty.
fn text_of<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = line_and_column(&bytes[..error.valid_up_to()]);
        LoadError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: "the file is not UTF-8 text (a byte here cannot be read as a character)".to_owned(),
        }
    })?;
    if text.trim().is_empty() {
        let message = "the file is empty: a dataset starts with `(`".to_owned();
        return Err(LoadError::Syntax { path: path.to_owned(), line: 1, column: 1, message });
    }
    Ok(text)
}

/// What the app's own reader read, checked; `None` when it gave up and the `ron` crate must read
/// the file (with its exact messages).
pub(super) fn read_fast(
    read: Result<Dataset, super::fast_ron::GaveUp>,
    path: &Path,
    progress: Option<&Progress>,
) -> Option<Result<Dataset, LoadError>> {
    match read {
        Ok(dataset) => Some(check_head(path, Some(&dataset.format), Some(dataset.version)).map(|()| dataset)),
        Err(_) if progress.is_some_and(Progress::is_cancelled) => {
            let source = std::io::Error::new(std::io::ErrorKind::Interrupted, "cancelled");
            Some(Err(LoadError::Read { path: path.to_owned(), source }))
        }
        Err(_) => None,
    }
}

/// The `ron` crate's options the app reads with. Optional values are written bare
/// (`latitude: 37.56`, not `Some(37.56)`); files say so in their first line, and hand-written
/// files without it are read the same way.
fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The records the `ron` crate alone reads from `text`, with no check of the file's head.
pub(super) fn ron_crate_read(text: &str) -> Result<Dataset, ron::error::SpannedError> {
    ron_options().from_str::<Dataset>(text)
}

/// Reads a dataset with the `ron` crate, whose messages say what is wrong and where.
fn read_by_ron_crate(text: &str, path: &Path) -> Result<Dataset, LoadError> {
    let options = ron_options();
    match options.from_str::<Dataset>(text) {
        Ok(dataset) => check_head(path, Some(&dataset.format), Some(dataset.version)).map(|()| dataset),
        Err(error) => {
            // A newer or foreign file fails for that reason, not for the fields it has.
            if let Ok(head) = options.from_str::<Head>(text) {
                check_head(path, head.format.as_deref(), head.version)?;
            }
            let (line, column) = (error.span.start.line, error.span.start.col);
            if let Some(inside) = super::cut::cut_off(text) {
                let backup = Some(super::backup_path(path)).filter(|backup| backup.is_file());
                return Err(LoadError::Cut { path: path.to_owned(), line, column, inside, backup });
            }
            Err(LoadError::Syntax { path: path.to_owned(), line, column, message: explain(&error.code) })
        }
    }
}

fn check_head(path: &Path, format: Option<&str>, version: Option<u32>) -> Result<(), LoadError> {
    if let Some(format) = format.filter(|format| *format != FORMAT_TAG) {
        return Err(LoadError::WrongFormat { path: path.to_owned(), found: format.to_owned() });
    }
    match version {
        Some(found) if found > CURRENT_VERSION => {
            Err(LoadError::TooNew { path: path.to_owned(), found, supported: CURRENT_VERSION })
        }
        Some(0) => Err(LoadError::UnknownVersion { path: path.to_owned(), found: 0 }),
        _ => Ok(()),
    }
}

/// RON's message, with the few that would puzzle a researcher said plainly.
fn explain(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early: it looks cut off".to_owned(),
        ron::Error::ExceededRecursionLimit => {
            format!("the data is nested more than {RECURSION_LIMIT} levels deep")
        }
        ron::Error::Message(message) if message.contains("civil date") || message.contains("parse") => {
            format!("{message} (dates are written like \"2023-11-20\")")
        }
        other => other.to_string(),
    }
}

/// The line and column (from 1, in characters) just after `prefix`.
fn line_and_column(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::{StreamError, from_ron, to_ron, to_ron_with, write_ron, write_ron_with};
    use crate::model::{Dataset, Id, Place};
    use crate::store::Progress;

    /// A file that takes bytes until it has `room` of them, then asks for the save to be
    /// cancelled (`cancel`) or fails as a full disk does.
    struct Filling<'a> {
        taken: Vec<u8>,
        room: usize,
        cancel: Option<&'a Progress>,
    }

    impl std::io::Write for Filling<'_> {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if self.taken.len() >= self.room {
                match self.cancel {
                    Some(progress) => progress.cancel(),
                    None => return Err(std::io::ErrorKind::StorageFull.into()),
                }
            }
            self.taken.extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn streaming_the_text_stops_when_cancelled_or_when_the_file_fails() {
        let options = crate::generate::GenerateOptions { incidents: 500, rallies: 50, seed: 2 };
        let dataset = crate::generate::generate(options);
        let whole = to_ron(&dataset).expect("writes");
        let progress = Progress::default();
        let mut file = Filling { taken: Vec::new(), room: usize::MAX, cancel: None };
        write_ron(&dataset, &mut file, &progress).expect("streams");
        assert!(file.taken == whole.as_bytes(), "streamed whole, the text is to_ron's");

        let progress = Progress::default();
        let mut file = Filling { taken: Vec::new(), room: 10_000, cancel: Some(&progress) };
        let cancelled = write_ron(&dataset, &mut file, &progress);
        assert!(matches!(cancelled, Err(StreamError::Stopped)), "{cancelled:?}");
        let taken = file.taken.len();
        assert!(
            taken <= 10_000 + 2 * super::PIECE_BYTES && taken < whole.len(),
            "stopped soon: {taken} bytes"
        );

        let mut file = Filling { taken: Vec::new(), room: 10_000, cancel: None };
        match write_ron(&dataset, &mut file, &Progress::default()) {
            Err(StreamError::Io(error)) => assert_eq!(error.kind(), std::io::ErrorKind::StorageFull),
            other => panic!("a full disk is an input-output error: {other:?}"),
        }
    }

    #[test]
    fn writing_with_drafts_stops_when_asked_and_is_to_ron_with_otherwise() {
        let options = crate::generate::GenerateOptions { incidents: 300, rallies: 0, seed: 1 };
        let dataset = crate::generate::generate(options);
        let drafts = Dataset { places: vec![place("pl-draft", "Hyesan")], ..Dataset::default() };
        let mut file = Filling { taken: Vec::new(), room: usize::MAX, cancel: None };
        assert!(matches!(write_ron_with(&dataset, &drafts, &mut file, &|| true), Err(StreamError::Stopped)));
        assert!(file.taken.is_empty(), "nothing written once stopped");
        write_ron_with(&dataset, &drafts, &mut file, &|| false).expect("streams");
        assert!(file.taken == to_ron_with(&dataset, &drafts).expect("writes").as_bytes());
    }

    fn place(id: &str, name: &str) -> Place {
        Place { id: Id::new(id), name: name.to_owned(), ..Place::default() }
    }

    #[test]
    fn drafts_take_the_place_of_their_records_without_touching_the_rest() {
        let dataset =
            Dataset { places: vec![place("pl-a", "Dandong"), place("pl-b", "Tumen")], ..Dataset::default() };
        let drafts = Dataset {
            places: vec![place("pl-b", "Tumen 투먼"), place("pl-c", "Hyesan")],
            ..Dataset::default()
        };
        let text = to_ron_with(&dataset, &drafts).expect("writes");
        let read = from_ron(text.as_bytes(), std::path::Path::new("x.ron")).expect("reads");
        let names: Vec<&str> = read.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Dandong", "Tumen 투먼", "Hyesan"]);
        assert_eq!(
            to_ron_with(&dataset, &Dataset::default()).expect("writes"),
            to_ron(&dataset).expect("writes")
        );
    }
}
