//! A large file read by two readers at once, one per core: the second starts at a record in
//! the middle of the file and reads to the end of its list while the first reads up to it.
//!
//! Where the second starts is a guess (a line that opens a record of a list, found near the
//! middle); the first reader takes its records only if, reading the file as it always does, it
//! arrives at the very start of a record of that list there. Otherwise (the guess fell in a
//! note's text, say) the first reader reads on by itself, so the records read are always those
//! one reader alone would read.

use std::fs::File;
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::sync::mpsc;

use serde::de::Error as _;

use super::fast_ron::{self, GaveUp, Handover};
use super::progress::Progress;
use crate::model::{Dataset, Incident, Rally, Source};

/// Files from this size are read by two readers.
pub(super) const SPLIT_FROM_BYTES: u64 = 16 << 20;

/// How much of the middle of the file is searched for a record to start at.
const MIDDLE_BYTES: usize = 4 << 20;

/// How the app writes the start of a record of one of the dataset's lists: alone on its line,
/// at the lists' indentation.
const RECORD_START: &[u8] = b"\n    (\n";

/// The records the second reader read, of one of the dataset's lists.
enum Rest {
    Sources(Vec<Source>),
    Incidents(Vec<Incident>),
    Rallies(Vec<Rally>),
}

/// The list a record of the middle of the file may start.
#[derive(Clone, Copy)]
enum List {
    Sources,
    Incidents,
    Rallies,
}

impl List {
    fn field(self) -> &'static str {
        match self {
            Self::Sources => "sources",
            Self::Incidents => "incidents",
            Self::Rallies => "rallies",
        }
    }

    /// The list whose record `text` starts with, trying the largest lists first.
    fn of_record(text: &str) -> Option<Self> {
        if fast_ron::starts_with_record::<Incident>(text) {
            Some(Self::Incidents)
        } else if fast_ron::starts_with_record::<Rally>(text) {
            Some(Self::Rallies)
        } else if fast_ron::starts_with_record::<Source>(text) {
            Some(Self::Sources)
        } else {
            None
        }
    }

    fn read_rest(
        self,
        file: ReadAt<'_>,
        at: usize,
        progress: Option<&Progress>,
    ) -> Result<(Rest, usize), GaveUp> {
        Ok(match self {
            Self::Sources => {
                let (records, end) = fast_ron::rest_of_list(file, at, progress)?;
                (Rest::Sources(records), end)
            }
            Self::Incidents => {
                let (records, end) = fast_ron::rest_of_list(file, at, progress)?;
                (Rest::Incidents(records), end)
            }
            Self::Rallies => {
                let (records, end) = fast_ron::rest_of_list(file, at, progress)?;
                (Rest::Rallies(records), end)
            }
        })
    }
}

/// A file read from an offset of its own, so that two readers of one file never move each
/// other's place.
struct ReadAt<'f> {
    file: &'f File,
    offset: u64,
}

impl Read for ReadAt<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.file.read_at(buffer, self.offset)?;
        self.offset += read as u64;
        Ok(read)
    }
}

/// Where a record starts near the middle of the file, and the list it belongs to; `None` when
/// no record starts there that the app's reader reads.
fn middle_record(file: &File, size: u64) -> Option<(usize, List)> {
    let middle = size / 2;
    let mut bytes = Vec::with_capacity(MIDDLE_BYTES);
    ReadAt { file, offset: middle }.take(MIDDLE_BYTES as u64).read_to_end(&mut bytes).ok()?;
    let found = memchr::memmem::find(&bytes, RECORD_START)?;
    let start = found + RECORD_START.len() - 2;
    let text = match std::str::from_utf8(&bytes[start..]) {
        Ok(text) => text,
        Err(error) => std::str::from_utf8(&bytes[start..start + error.valid_up_to()]).ok()?,
    };
    let list = List::of_record(text)?;
    Some((usize::try_from(middle).ok()? + start, list))
}

/// Reads a dataset file of `size` bytes with two readers, one on another thread; `None` when
/// the file is not worth it or no record to split at was found (read it with one reader then).
pub(super) fn read_split(file: &File, size: u64, progress: &Progress) -> Option<Result<Dataset, GaveUp>> {
    if size < SPLIT_FROM_BYTES || crate::model::parallel::cores() < 2 {
        return None;
    }
    read_in_two(file, size, progress).map(|read| read.map(|(dataset, _)| dataset))
}

/// [`read_split`] of any file, also saying whether the second reader's records were taken.
fn read_in_two(file: &File, size: u64, progress: &Progress) -> Option<Result<(Dataset, bool), GaveUp>> {
    let (at, list) = middle_record(file, size)?;
    let second_file = ReadAt { file, offset: at as u64 };
    let first_file = ReadAt { file, offset: 0 };
    Some(std::thread::scope(|scope| {
        let (rest_sender, rest) = mpsc::channel();
        let second = std::thread::Builder::new()
            .name("read the second half".to_owned())
            .spawn_scoped(scope, move || list.read_rest(second_file, at, Some(progress)))
            .ok();
        let mut second = second;
        let ended = Box::new(move || {
            let outcome = second.take()?.join().ok()?.ok()?;
            let end = outcome.1;
            rest_sender.send(outcome.0).ok()?;
            Some(end)
        });
        let handover = Handover { list: list.field(), at, ended };
        let (mut dataset, handed_over) = fast_ron::from_reader_handing_over::<Dataset>(
            first_file.take(super::MAX_FILE_BYTES),
            Some(progress),
            handover,
        )?;
        if handed_over {
            match rest.try_recv() {
                Ok(Rest::Sources(records)) => dataset.sources.extend(records),
                Ok(Rest::Incidents(records)) => dataset.incidents.extend(records),
                Ok(Rest::Rallies(records)) => dataset.rallies.extend(records),
                Err(_) => return Err(GaveUp::custom("the second reader's records went missing")),
            }
        }
        Ok((dataset, handed_over))
    }))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{Progress, read_in_two};
    use crate::generate::{GenerateOptions, generate};
    use crate::model::{Dataset, Id, Incident};
    use crate::store::{from_ron, to_ron};

    /// The file's records read by two readers (`None`: no record to split at), and whether the
    /// second reader's were taken.
    fn in_two(text: &str) -> Option<(Result<Dataset, String>, bool)> {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("data.ron");
        std::fs::write(&path, text).expect("write");
        let file = std::fs::File::open(&path).expect("open");
        let read = read_in_two(&file, text.len() as u64, &Progress::default())?;
        Some(match read {
            Ok((dataset, taken)) => (Ok(dataset), taken),
            Err(gave_up) => (Err(gave_up.to_string()), false),
        })
    }

    fn by_one_reader(text: &str) -> Dataset {
        from_ron(text.as_bytes(), Path::new("data.ron")).expect("reads")
    }

    #[test]
    fn two_readers_read_what_one_reads() {
        for (incidents, rallies) in [(2_000, 100), (100, 2_000), (1_500, 1_500)] {
            let text = to_ron(&generate(GenerateOptions { incidents, rallies, seed: 5 })).expect("text");
            let (read, taken) = in_two(&text).expect("a record to split at");
            assert!(taken, "the second reader's records are taken");
            assert_eq!(read.expect("reads"), by_one_reader(&text));
        }
    }

    #[test]
    fn a_record_start_inside_a_note_is_never_taken_for_one() {
        // The middle of the file is a note holding the very lines of a list of incidents.
        let inner = to_ron(&generate(GenerateOptions { incidents: 20, rallies: 0, seed: 1 })).expect("text");
        let note = inner.repeat(50);
        let mut incident = Incident { id: Id::new("inc-1"), title: "one".to_owned(), ..Incident::default() };
        incident.notes = note;
        let dataset = Dataset { incidents: vec![incident], ..Dataset::default() };
        let text = to_ron(&dataset).expect("text");
        let middle = &text[text.len() / 2..];
        assert!(middle.contains("\n    (\n      id: "), "the guess falls inside the note");
        let (read, taken) = in_two(&text).expect("the note's lines are taken for a record to split at");
        assert!(!taken, "no record starts inside a note");
        assert_eq!(read.expect("reads"), dataset);
    }

    #[test]
    fn a_mistake_in_the_second_half_makes_both_give_up() {
        let text =
            to_ron(&generate(GenerateOptions { incidents: 2_000, rallies: 0, seed: 5 })).expect("text");
        let at = text[text.len() * 3 / 4..].find("precision: ").expect("a precision") + text.len() * 3 / 4;
        let broken = format!("{}precision: Dya{}", &text[..at], &text[at + "precision: Day".len()..]);
        let (read, taken) = in_two(&broken).expect("a record to split at");
        assert!(read.is_err() && !taken, "{read:?}");
    }
}
