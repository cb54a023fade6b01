//! The text a table's search goes through, kept in lowercase in one buffer per piece of records,
//! so a new word is found by one fast pass over memory ([`memchr::memmem`]) rather than by
//! visiting every record's strings where they lie. The pieces follow the edits: only a piece
//! whose records changed is written again, when a search next needs it.

use memchr::memmem::Finder;

use super::columns::{TableRecord, push_lowercase};
use crate::model::{Change, Id};

/// How many records a piece holds when it is made; edits may change that.
pub const PIECE_RECORDS: usize = 1024;

/// Ends each searched text in a piece, so a word found never runs from one text into the next.
const SEPARATOR: char = '\0';

/// The searched text of one kind of record, in pieces.
#[derive(Debug, Default)]
pub struct SearchText {
    /// The revision the pieces follow; `None` before the first.
    revision: Option<u64>,
    pieces: Vec<Piece>,
}

/// A run of records, by position in the kind's list, and their text once written.
#[derive(Debug)]
struct Piece {
    /// The id the piece begins at; `None` for the first piece, which begins at the start.
    first: Option<Id>,
    /// The position of its first record.
    start: usize,
    /// How many records it holds.
    len: usize,
    /// The records' text, written when a search needs it.
    text: Option<PieceText>,
}

/// The lowercase text of a piece's records, one after the other.
#[derive(Debug)]
struct PieceText {
    text: String,
    /// Where each record's text ends.
    ends: Vec<usize>,
}

impl PieceText {
    fn write<R: TableRecord>(records: &[R]) -> Self {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(records.len());
        for record in records {
            record.searched(&mut |field| {
                push_lowercase(&mut text, field);
                text.push(SEPARATOR);
            });
            ends.push(text.len());
        }
        Self { text, ends }
    }

    /// The record's text (by its place in the piece).
    fn of(&self, offset: usize) -> &str {
        let start = offset.checked_sub(1).and_then(|before| self.ends.get(before)).copied().unwrap_or(0);
        let end = self.ends.get(offset).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or_default()
    }
}

impl SearchText {
    /// The text of every record written at once (by the thread that opens a file, say); see
    /// [`Self::as_of`].
    pub fn written<R: TableRecord>(records: &[R]) -> Self {
        let mut pieces = pieces_of(records, 0..records.len(), None);
        for piece in &mut pieces {
            let records = records.get(piece.start..piece.start + piece.len).unwrap_or_default();
            piece.text = Some(PieceText::write(records));
        }
        Self { revision: None, pieces }
    }

    /// The text, as that of the records at `revision` (the one they were written from).
    #[must_use]
    pub fn as_of(self, revision: u64) -> Self {
        Self { revision: Some(revision), ..self }
    }

    /// Follows the records to `revision`: by the changes since the revision followed, when
    /// `changes_since` knows them, or else from scratch. Pieces are written again only when a
    /// search needs them.
    pub fn follow<R: TableRecord>(
        &mut self,
        records: &[R],
        revision: u64,
        changes_since: &dyn Fn(u64) -> Option<Vec<Change>>,
    ) {
        if self.revision == Some(revision) {
            return;
        }
        match self.revision.and_then(changes_since) {
            Some(changes) => self.apply::<R>(records, &changes),
            None => self.pieces = pieces_of(records, 0..records.len(), None),
        }
        self.revision = Some(revision);
    }

    /// Places the pieces again after records came, went or changed: a piece keeps the id it
    /// begins at; one whose records changed, or whose count did, is to be written again.
    fn apply<R: TableRecord>(&mut self, records: &[R], changes: &[Change]) {
        for id in changes.iter().filter_map(|change| match change {
            Change::Record(touched) if touched.kind == R::KIND => Some(&touched.id),
            _ => None,
        }) {
            // Every piece that may hold the id (ids may repeat across a piece's edge).
            let from = self.pieces.partition_point(|piece| piece.first.as_ref() < Some(id)).saturating_sub(1);
            let to = self.pieces.partition_point(|piece| piece.first.as_ref() <= Some(id));
            for piece in self.pieces.get_mut(from..to).into_iter().flatten() {
                piece.text = None;
            }
        }
        let starts: Vec<usize> = self
            .pieces
            .iter()
            .map(|piece| piece.first.as_ref().map_or(0, |first| records.partition_point(|r| r.id() < first)))
            .collect();
        let mut placed = Vec::with_capacity(self.pieces.len());
        for (number, mut piece) in std::mem::take(&mut self.pieces).into_iter().enumerate() {
            let end = starts.get(number + 1).copied().unwrap_or(records.len());
            let len = end.saturating_sub(starts[number]);
            if len != piece.len {
                piece.text = None;
            }
            (piece.start, piece.len) = (starts[number], len);
            if len > 2 * PIECE_RECORDS {
                placed.extend(pieces_of(records, piece.start..end, piece.first));
            } else if len > 0 || number == 0 {
                placed.push(piece);
            }
        }
        self.pieces = placed;
    }

    /// How many pieces there are.
    pub fn pieces(&self) -> usize {
        self.pieces.len()
    }

    /// Adds to `found` the positions of the piece's records whose text has the needle.
    pub fn find_in_piece<R: TableRecord>(
        &mut self,
        records: &[R],
        number: usize,
        needle: &Finder<'_>,
        found: &mut Vec<usize>,
    ) {
        let Some(piece) = self.pieces.get_mut(number) else { return };
        let start = piece.start;
        let text = piece.text.get_or_insert_with(|| {
            PieceText::write(records.get(start..start + piece.len).unwrap_or_default())
        });
        let mut from = 0;
        while let Some(at) = needle.find(&text.text.as_bytes()[from..]) {
            let offset = text.ends.partition_point(|&end| end <= from + at);
            found.push(start + offset);
            match text.ends.get(offset) {
                Some(&end) => from = end,
                None => break,
            }
        }
    }

    /// The positions of the records the piece holds.
    pub fn piece_records(&self, number: usize) -> std::ops::Range<usize> {
        self.pieces.get(number).map_or(0..0, |piece| piece.start..piece.start + piece.len)
    }

    /// Whether the text of the record at `position` has the needle.
    pub fn record_has<R: TableRecord>(
        &mut self,
        records: &[R],
        position: usize,
        needle: &Finder<'_>,
    ) -> bool {
        let number = self.pieces.partition_point(|piece| piece.start <= position).saturating_sub(1);
        let Some(piece) = self.pieces.get_mut(number) else { return false };
        let Some(offset) = position.checked_sub(piece.start).filter(|&offset| offset < piece.len) else {
            return false;
        };
        let start = piece.start;
        let text = piece.text.get_or_insert_with(|| {
            PieceText::write(records.get(start..start + piece.len).unwrap_or_default())
        });
        needle.find(text.of(offset).as_bytes()).is_some()
    }
}

/// Whether the needle can be looked for in the pieces' text (it never holds the separator).
pub fn can_look_for(needle: &str) -> bool {
    !needle.contains(SEPARATOR)
}

/// Pieces of [`PIECE_RECORDS`] records over `range`; the first begins at `first`.
fn pieces_of<R: TableRecord>(
    records: &[R],
    range: std::ops::Range<usize>,
    mut first: Option<Id>,
) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    while start < range.end || pieces.is_empty() {
        let len = PIECE_RECORDS.min(range.end - start);
        let first = if pieces.is_empty() { first.take() } else { Some(records[start].id().clone()) };
        pieces.push(Piece { first, start, len, text: None });
        start += len.max(1);
    }
    pieces
}
