//! The table's search, which looks through text kept in pieces that follow the edits, finds
//! exactly the records whose own text has the words: after any sequence of additions, changes,
//! deletions, batches, undos and redos, at the start, middle and end of a list of several pieces.

mod common;

use common::replay::{Step, replay, with_undo};
use proptest::prelude::*;
use repatriation_watch::edit::{AnyRecord, Document, Edit};
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::model::{Id, Incident, RecordKind};
use repatriation_watch::query::Filters;
use repatriation_watch::query::columns::TableRecord;
use repatriation_watch::query::search_text::PIECE_RECORDS;
use repatriation_watch::ui::table::TableState;

/// Words the edits write and the searches look for: Latin in both cases, Korean, and letters
/// whose lowercase is ASCII (the Kelvin sign).
const WORDS: [&str; 6] = ["Dandong", "HYESAN", "단둥", "\u{212A}im", "at least 95", "tumen"];
const SEARCHES: [&str; 9] =
    ["dandong", "hyes", "단둥", "kim", "least 9", "synthetic 1", "강제북송", "tumen river", "inc-00012"];

/// Ids of generated records (`inc-0000000`…), ids between them, and ids past the list's ends.
fn id(n: u16) -> Id {
    match n % 4 {
        0 => Id::new(format!("inc-{:07}", u32::from(n) % 1057 * 3)),
        1 => Id::new(format!("inc-{:07}5", u32::from(n))),
        2 => Id::new(format!("aaa-{n}")),
        _ => Id::new(format!("zzz-{n}")),
    }
}

/// An edit of incidents, one or many at once.
#[derive(Clone, Copy, Debug)]
enum RecordEdit {
    Put {
        n: u16,
        word: usize,
    },
    Delete(u16),
    /// Many records added at once, more than a piece holds, into one place in the list.
    Many {
        n: u16,
        word: usize,
    },
}

fn any_step() -> impl Strategy<Value = Step<RecordEdit>> {
    let edits = prop_oneof![
        5 => (any::<u16>(), 0..WORDS.len()).prop_map(|(n, word)| RecordEdit::Put { n, word }),
        3 => any::<u16>().prop_map(RecordEdit::Delete),
        1 => (any::<u16>(), 0..WORDS.len()).prop_map(|(n, word)| RecordEdit::Many { n, word }),
    ];
    with_undo(edits, 9)
}

fn incident(id: Id, word: usize) -> AnyRecord {
    AnyRecord::Incident(Incident { title: format!("{} crossing", WORDS[word]), id, ..Incident::default() })
}

fn edit_of(step: RecordEdit) -> Edit {
    match step {
        RecordEdit::Put { n, word } => Edit::put(incident(id(n), word)),
        RecordEdit::Delete(n) => Edit::Delete(RecordKind::Incident, id(n)),
        RecordEdit::Many { n, word } => {
            let puts = (0..=PIECE_RECORDS * 2)
                .map(|k| Edit::put(incident(Id::new(format!("{}-{k:05}", id(n))), word)))
                .collect();
            Edit::Batch(puts)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn searches_following_edits_find_what_each_record_holds(
        steps in proptest::collection::vec(any_step(), 1..12),
    ) {
        let dataset = generate(GenerateOptions { incidents: PIECE_RECORDS * 3 + 100, rallies: 0, seed: 5 });
        let mut document = Document::new(dataset);
        let mut tables: Vec<TableState> = SEARCHES
            .iter()
            .map(|search| {
                let mut table = TableState::default();
                table.search = (*search).to_owned();
                table
            })
            .collect();
        let filters = Filters::default();
        replay(&mut document, steps, |_, edit| Some(edit_of(edit)), |document, step, _| {
            let (dataset, revision) = (document.dataset(), document.revision());
            for table in &mut tables {
                while table.refresh::<Incident>(dataset, revision, &filters, &|since| document.changes_since(since)) {}
                let needle = table.search.to_lowercase();
                let expected: Vec<usize> =
                    (0..dataset.incidents.len()).filter(|&i| dataset.incidents[i].matches(&needle)).collect();
                prop_assert_eq!(table.rows(), &expected[..], "{:?} after {:?}", table.search, step);
            }
            Ok(())
        })?;
    }
}

#[test]
fn a_latin_search_finds_a_kelvin_sign_as_its_lowercase_does() {
    let record = Incident { title: "\u{212A}im Hye-sook".to_owned(), ..Incident::default() };
    assert!(record.matches("kim"));
    assert!(!record.matches("kin"));
    let dotted = Incident { title: "\u{130}stanbul".to_owned(), ..Incident::default() };
    assert!(dotted.matches("i\u{307}stanbul"));
    assert!(dotted.matches("stanbul"));
}
