//! The table of one kind of record: sortable columns, search, filters, only visible rows laid out.

use std::time::{Duration, Instant};

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use memchr::memmem::Finder;

use crate::i18n::tr;
use crate::model::{Change, Dataset, Id, Record, RecordKind};
use crate::query::columns::TableRecord;
use crate::query::search_text::{self, SearchText};
use crate::query::{Filters, with_record_type};
use crate::t;

/// The id of the search box, so Ctrl+F can focus it.
pub fn search_box_id() -> egui::Id {
    egui::Id::unique("table-search")
}

/// The search text as records are matched against it: trimmed and lowercase.
fn search_needle(search: &str) -> String {
    search.trim().to_lowercase()
}

/// What the rows were computed from: the revision, sort, search text and filters.
type RowsKey = (u64, Option<(usize, bool)>, String, Filters);

/// What the table of one kind shows: sort order, search text, selection, and the rows that pass
/// (computed when any of those or the data change, never every frame).
#[derive(Debug, Default)]
pub struct TableState {
    /// The column sorted by and whether the order is reversed.
    pub sort: Option<(usize, bool)>,
    /// The search text.
    pub search: String,
    /// The selected record.
    pub selected: Option<Id>,
    /// Scroll the selected row into view on the next frame.
    pub scroll_to_selected: bool,
    rows: Vec<usize>,
    cached_for: Option<RowsKey>,
    scan: Option<Scan>,
    /// The records' text, written when first searched.
    text: SearchText,
}

/// How long a frame may spend going through records for a search.
const SEARCH_SLICE: Duration = Duration::from_millis(6);

/// Records are gone through in pieces of this many, the time looked at after each.
const SCAN_PIECE: usize = 1024;

/// A search going through the records a slice each frame.
#[derive(Debug)]
struct Scan {
    key: RowsKey,
    needle: Needle,
    candidates: Candidates,
    /// The piece of the search text ([`Candidates::All`]) or the row ([`Candidates::Rows`]) next
    /// gone through.
    position: usize,
    found: Vec<usize>,
}

/// What a search looks for.
#[derive(Debug)]
enum Needle {
    /// Nothing: every record.
    Any,
    /// A word, found in the search text.
    Text(Box<Finder<'static>>),
    /// A word the search text cannot hold, looked for in each record.
    Unusual(String),
}

impl Needle {
    fn new(search: &str) -> Self {
        let needle = search_needle(search);
        if needle.is_empty() {
            Self::Any
        } else if search_text::can_look_for(&needle) {
            Self::Text(Box::new(Finder::new(needle.as_bytes()).into_owned()))
        } else {
            Self::Unusual(needle)
        }
    }

    /// Adds the records of piece `number` of the text that have the needle; returns the number
    /// of the next piece.
    fn find_in_piece<R: TableRecord>(
        &self,
        records: &[R],
        text: &mut SearchText,
        number: usize,
        found: &mut Vec<usize>,
    ) -> usize {
        match self {
            Self::Any => found.extend(text.piece_records(number)),
            Self::Text(finder) => text.find_in_piece(records, number, finder, found),
            Self::Unusual(needle) => {
                found.extend(text.piece_records(number).filter(|&i| records[i].matches(needle)));
            }
        }
        number + 1
    }

    /// Whether the record at `index` has the needle.
    fn in_record<R: TableRecord>(&self, records: &[R], text: &mut SearchText, index: usize) -> bool {
        match self {
            Self::Any => true,
            Self::Text(finder) => text.record_has(records, index, finder),
            Self::Unusual(needle) => records.get(index).is_some_and(|r| r.matches(needle)),
        }
    }
}

/// The records a search goes through.
#[derive(Debug)]
enum Candidates {
    /// Every record of the kind, piece by piece of the search text.
    All,
    /// The rows already found, in their order.
    Rows(Vec<usize>),
}

impl Candidates {
    /// How many pieces of text, or rows, there are to go through.
    fn count(&self, text: &SearchText) -> usize {
        match self {
            Self::All => text.pieces(),
            Self::Rows(rows) => rows.len(),
        }
    }
}

impl Scan {
    /// Goes through pieces of the candidates for about `slice`; returns whether it is done.
    fn advance<R: TableRecord>(
        &mut self,
        dataset: &Dataset,
        filters: &Filters,
        text: &mut SearchText,
        slice: Duration,
    ) -> bool {
        let records = R::all(dataset);
        let started = Instant::now();
        let mut with_needle = Vec::new();
        loop {
            with_needle.clear();
            let done = match &self.candidates {
                Candidates::All => self.needle.find_in_piece(records, text, self.position, &mut with_needle),
                Candidates::Rows(rows) => {
                    let end = (self.position + SCAN_PIECE).min(rows.len());
                    let rows = rows[self.position..end].iter().copied();
                    with_needle.extend(rows.filter(|&index| self.needle.in_record(records, text, index)));
                    end
                }
            };
            self.position = done;
            self.keep_passing::<R>(records, filters, &with_needle);
            if self.position >= self.candidates.count(text) {
                return true;
            }
            if started.elapsed() >= slice {
                return false;
            }
        }
    }

    /// Keeps the records the filters let through.
    fn keep_passing<R: TableRecord>(&mut self, records: &[R], filters: &Filters, indices: &[usize]) {
        if !filters.is_active() {
            self.found.extend_from_slice(indices);
            return;
        }
        let passes = |&&index: &&usize| {
            records.get(index).is_some_and(|r| filters.passes(R::KIND, r.date_range(), &r.facets()))
        };
        self.found.extend(indices.iter().filter(passes));
    }
}

impl TableState {
    /// The indices (into the dataset's list) of the rows shown, in order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// Recomputes the rows when the data, search, sort or filters changed since last time.
    /// Returns whether the search is still going through the records (it goes on in the next
    /// frames, a slice each, and the rows found before stay shown until it is done).
    ///
    /// `changes_since` gives the edits made after a revision, when still known, so the search
    /// text is written again only where they were.
    pub fn refresh<R: TableRecord>(
        &mut self,
        dataset: &Dataset,
        revision: u64,
        filters: &Filters,
        changes_since: &dyn Fn(u64) -> Option<Vec<Change>>,
    ) -> bool {
        self.refresh_within::<R>(dataset, revision, filters, changes_since, SEARCH_SLICE)
    }

    /// [`Self::refresh`], going through the records for about `slice` (at least one piece).
    pub fn refresh_within<R: TableRecord>(
        &mut self,
        dataset: &Dataset,
        revision: u64,
        filters: &Filters,
        changes_since: &dyn Fn(u64) -> Option<Vec<Change>>,
        slice: Duration,
    ) -> bool {
        let key = (revision, self.sort, self.search.clone(), filters.clone());
        let scanning_for_key = self.scan.as_ref().is_some_and(|scan| scan.key == key);
        if self.cached_for.as_ref() != Some(&key) && !scanning_for_key {
            self.scan = Some(self.start_scan(key));
        }
        // The pieces of text follow the records: every record is in one, searched or not.
        self.text.follow(R::all(dataset), revision, changes_since);
        // Rows of an older revision may point at records that moved: those are found at once.
        let same_records = self.cached_for.as_ref().is_some_and(|cached| cached.0 == revision);
        let slice = if same_records { slice } else { Duration::MAX };
        let Some(scan) = &mut self.scan else { return false };
        if !scan.advance::<R>(dataset, filters, &mut self.text, slice) {
            return true;
        }
        let Some(scan) = self.scan.take() else { return false };
        let Scan { key, candidates, found, .. } = scan;
        self.rows = match candidates {
            // Narrowing keeps the order of the rows it narrows.
            Candidates::Rows(_) => found,
            Candidates::All => self.sorted::<R>(dataset, found),
        };
        self.cached_for = Some(key);
        false
    }

    /// Takes text written elsewhere (when a file was opened) as the text searches go through,
    /// that of the records at `revision`.
    pub fn set_search_text(&mut self, text: SearchText, revision: u64) {
        self.text = text.as_of(revision);
    }

    /// Whether a search is still going through the records.
    pub fn is_searching(&self) -> bool {
        self.scan.is_some()
    }

    /// A search for `key`: through the rows already found when only a letter was added to the
    /// search, else through every record.
    fn start_scan(&self, key: RowsKey) -> Scan {
        let needle = search_needle(&key.2);
        let narrower = self.cached_for.as_ref().is_some_and(|cached| {
            (cached.0, cached.1, &cached.3) == (key.0, key.1, &key.3)
                && needle.contains(&search_needle(&cached.2))
        });
        let candidates = if narrower { Candidates::Rows(self.rows.clone()) } else { Candidates::All };
        Scan { needle: Needle::new(&key.2), key, candidates, position: 0, found: Vec::new() }
    }

    fn sorted<R: TableRecord>(&self, dataset: &Dataset, rows: Vec<usize>) -> Vec<usize> {
        let Some((column, reversed)) = self.sort else { return rows };
        let records = R::all(dataset);
        let keys: Vec<_> = rows.iter().map(|&i| records[i].sort_key(column, dataset)).collect();
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|&a, &b| keys[a].compare(&keys[b]));
        if reversed {
            order.reverse();
        }
        order.into_iter().map(|position| rows[position]).collect()
    }

    /// Selects the row `step` rows away from the selected one (the first, if none is).
    pub fn move_selection<R: TableRecord>(&mut self, dataset: &Dataset, step: isize) {
        let records = R::all(dataset);
        let current =
            self.selected.as_ref().and_then(|id| self.rows.iter().position(|&i| records[i].id() == id));
        let target = match current {
            Some(position) => position.saturating_add_signed(step).min(self.rows.len().saturating_sub(1)),
            None => 0,
        };
        if let Some(&index) = self.rows.get(target) {
            self.selected = Some(records[index].id().clone());
            self.scroll_to_selected = true;
        }
    }

    /// Clicking a header sorts by it; clicking it again reverses the order.
    fn click_header(&mut self, column: usize) {
        self.sort = match self.sort {
            Some((current, reversed)) if current == column => Some((column, !reversed)),
            _ => Some((column, false)),
        };
    }
}

/// Draws the search box; returns whether its text changed.
pub fn search_ui(ui: &mut egui::Ui, state: &mut TableState) {
    ui.horizontal(|ui| {
        let edit = egui::TextEdit::singleline(&mut state.search)
            .id(search_box_id())
            .hint_text(t!("search-hint"))
            .desired_width(260.0);
        ui.add(edit).labelled_by(ui.label(t!("search-label")).id);
        if !state.search.is_empty() && ui.small_button("×").on_hover_text(t!("search-clear")).clicked() {
            state.search.clear();
        }
    });
}

/// Draws the table; `has_draft` marks rows with unsaved form changes. Returns the record
/// clicked, if any.
pub fn table_ui<R: TableRecord>(
    ui: &mut egui::Ui,
    state: &mut TableState,
    dataset: &Dataset,
    has_draft: &dyn Fn(&Id) -> bool,
) -> Option<Id> {
    let records = R::all(dataset);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut clicked = None;
    let mut header_clicked = None;
    let scroll_row = if state.scroll_to_selected {
        state.scroll_to_selected = false;
        let selected = state.selected.as_ref();
        state.rows.iter().position(|&i| Some(records[i].id()) == selected)
    } else {
        None
    };
    // The columns start narrow enough for every one to show in the width there is (at
    // 1280×800 beside the form); each can then be widened by dragging its edge.
    let wanted: f32 = R::COLUMNS.iter().map(|spec| spec.width).sum();
    let room = ui.available_width() - 16.0 - ui.spacing().item_spacing.x * (R::COLUMNS.len() + 1) as f32;
    let scale = (room / wanted).clamp(0.55, 1.0);
    let mut builder = TableBuilder::new(ui)
        .id_salt(R::KIND.name())
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(16.0));
    for spec in R::COLUMNS {
        builder = builder.column(Column::initial((spec.width * scale).max(40.0)).at_least(40.0).clip(true));
    }
    if let Some(row) = scroll_row {
        builder = builder.scroll_to_row(row, Some(egui::Align::Center));
    }
    builder
        .header(row_height + 2.0, |mut header| {
            header.col(|_| {});
            for (column, spec) in R::COLUMNS.iter().enumerate() {
                header.col(|ui| {
                    let arrow = match state.sort {
                        Some((c, false)) if c == column => " ▲",
                        Some((c, true)) if c == column => " ▼",
                        _ => "",
                    };
                    let button =
                        egui::Button::new(egui::RichText::new(format!("{}{arrow}", tr(spec.title))).strong())
                            .frame(false);
                    let response = ui.add(button).on_hover_text(t!("sort-hint"));
                    let name = t!("sort-by", column = tr(spec.title).to_lowercase());
                    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if response.clicked() {
                        header_clicked = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, state.rows.len(), |mut row| {
                let record = &records[state.rows[row.index()]];
                row.set_selected(state.selected.as_ref() == Some(record.id()));
                row.col(|ui| {
                    if has_draft(record.id()) {
                        ui.label("●").on_hover_text(t!("draft-marker-hint"));
                    }
                    let facets = record.facets();
                    if facets.confidential {
                        ui.label("◆").on_hover_text(t!("confidential-marker-hint"));
                    } else if facets.confidential_details {
                        ui.label("◇").on_hover_text(t!("confidential-details-marker-hint"));
                    }
                });
                for column in 0..R::COLUMNS.len() {
                    row.col(|ui| {
                        ui.add(egui::Label::new(record.cell(column, dataset)).truncate().selectable(false));
                    });
                }
                if row.response().clicked() {
                    clicked = Some(record.id().clone());
                }
            });
        });
    if let Some(column) = header_clicked {
        state.click_header(column);
    }
    if let Some(id) = &clicked {
        state.selected = Some(id.clone());
    }
    clicked
}

/// The tables' states, one per kind of record.
#[derive(Debug, Default)]
pub struct Tables([TableState; 5]);

impl Tables {
    /// The table of `kind`.
    pub fn get(&self, kind: RecordKind) -> &TableState {
        &self.0[Self::position(kind)]
    }

    /// The table of `kind`, to change.
    pub fn get_mut(&mut self, kind: RecordKind) -> &mut TableState {
        &mut self.0[Self::position(kind)]
    }

    fn position(kind: RecordKind) -> usize {
        RecordKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
    }

    /// Forgets every selection (another dataset is shown).
    pub fn clear_selections(&mut self) {
        for table in &mut self.0 {
            table.selected = None;
        }
    }

    /// Brings the rows of the table of `kind` up to date ([`TableState::refresh`]).
    pub fn refresh(
        &mut self,
        kind: RecordKind,
        dataset: &Dataset,
        revision: u64,
        filters: &Filters,
        changes_since: &dyn Fn(u64) -> Option<Vec<Change>>,
    ) -> bool {
        let table = self.get_mut(kind);
        with_record_type!(kind, R => table.refresh::<R>(dataset, revision, filters, changes_since))
    }

    /// Moves the selection of the table of `kind` by `step` rows.
    pub fn move_selection(&mut self, kind: RecordKind, dataset: &Dataset, step: isize) {
        let table = self.get_mut(kind);
        with_record_type!(kind, R => table.move_selection::<R>(dataset, step));
    }

    /// The ids of the rows the table of `kind` lists, in order.
    pub fn visible_ids(&self, kind: RecordKind, dataset: &Dataset) -> Vec<Id> {
        let rows = self.get(kind).rows();
        with_record_type!(kind, R => {
            let records = R::all(dataset);
            rows.iter().map(|&i| records[i].id().clone()).collect()
        })
    }

    /// Draws the table of `kind` ([`table_ui`]).
    pub fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        kind: RecordKind,
        dataset: &Dataset,
        has_draft: &dyn Fn(&Id) -> bool,
    ) -> Option<Id> {
        let table = self.get_mut(kind);
        with_record_type!(kind, R => table_ui::<R>(ui, table, dataset, has_draft))
    }
}

#[cfg(test)]
mod tests {
    use super::TableState;
    use crate::model::Incident;
    use crate::query::Filters;
    use crate::query::columns::TableRecord;

    #[test]
    fn typing_letter_by_letter_finds_what_a_whole_search_finds() {
        let dataset = crate::store::load_sample().expect("the sample loads");
        let filters = Filters::default();
        for word in ["dandong", "Hanbyun", "단둥", "at least", "zzz"] {
            let mut typed = TableState::default();
            let mut text = String::new();
            for letter in word.chars() {
                text.push(letter);
                typed.search.clone_from(&text);
                typed.refresh::<Incident>(&dataset, 0, &filters, &|_| None);
            }
            let mut whole = TableState { search: word.to_owned(), ..TableState::default() };
            whole.refresh::<Incident>(&dataset, 0, &filters, &|_| None);
            assert_eq!(typed.rows(), whole.rows(), "{word}");
        }
    }

    #[test]
    fn a_long_search_goes_on_over_several_frames_and_finds_what_a_whole_search_finds() {
        let dataset = crate::generate::generate(crate::generate::GenerateOptions {
            incidents: 3 * super::SCAN_PIECE,
            rallies: 0,
            seed: 2,
        });
        let filters = Filters::default();
        let mut sliced = TableState::default();
        sliced.refresh::<Incident>(&dataset, 0, &filters, &|_| None);
        assert_eq!(sliced.rows().len(), dataset.incidents.len());
        sliced.search = "d".to_owned();
        let mut frames = 0;
        while sliced.refresh_within::<Incident>(&dataset, 0, &filters, &|_| None, std::time::Duration::ZERO) {
            assert!(sliced.is_searching());
            frames += 1;
        }
        assert!(frames >= 2, "narrowing every row, a piece a frame");
        let mut whole = TableState { search: "d".to_owned(), ..TableState::default() };
        whole.refresh::<Incident>(&dataset, 0, &filters, &|_| None);
        assert_eq!(sliced.rows(), whole.rows());

        // Another word, not a longer one: every record again.
        let mut fresh = TableState { search: "x".to_owned(), ..TableState::default() };
        fresh.refresh::<Incident>(&dataset, 0, &filters, &|_| None);
        fresh.search = "hyesan".to_owned();
        let mut frames = 0;
        while fresh.refresh_within::<Incident>(&dataset, 0, &filters, &|_| None, std::time::Duration::ZERO) {
            frames += 1;
        }
        assert!(frames >= 2, "every record, a piece a frame");
        let expected: Vec<usize> =
            (0..dataset.incidents.len()).filter(|&i| dataset.incidents[i].matches("hyesan")).collect();
        assert_eq!(fresh.rows(), expected);
    }
}
