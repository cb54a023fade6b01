//! The table of one kind of record: sortable columns, search, filters, only visible rows laid out.

use std::time::{Duration, Instant};

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use super::columns::TableRecord;
use super::filters::Filters;
use crate::i18n::tr;
use crate::model::{Dataset, Id};
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
}

/// How long a frame may spend going through records for a search.
const SEARCH_SLICE: Duration = Duration::from_millis(6);

/// Records are gone through in pieces of this many, the time looked at after each.
const SCAN_PIECE: usize = 1024;

/// A search going through the records a slice each frame.
#[derive(Debug)]
struct Scan {
    key: RowsKey,
    needle: String,
    candidates: Candidates,
    position: usize,
    found: Vec<usize>,
}

/// The records a search goes through.
#[derive(Debug)]
enum Candidates {
    /// Every record of the kind (this many).
    All(usize),
    /// The rows already found, in their order.
    Rows(Vec<usize>),
}

impl Scan {
    /// Goes through pieces of the candidates for about `slice`; returns whether it is done.
    fn advance<R: TableRecord>(&mut self, dataset: &Dataset, filters: &Filters, slice: Duration) -> bool {
        let records = R::all(dataset);
        let filtering = filters.is_active();
        let started = Instant::now();
        let count = match &self.candidates {
            Candidates::All(count) => *count,
            Candidates::Rows(rows) => rows.len(),
        };
        loop {
            let end = (self.position + SCAN_PIECE).min(count);
            for position in self.position..end {
                let index = match &self.candidates {
                    Candidates::All(_) => position,
                    Candidates::Rows(rows) => rows[position],
                };
                let Some(record) = records.get(index) else { continue };
                let found = (self.needle.is_empty() || record.matches(&self.needle))
                    && (!filtering || filters.passes(R::KIND, record.date_range(), &record.facets()));
                if found {
                    self.found.push(index);
                }
            }
            self.position = end;
            if self.position >= count {
                return true;
            }
            if started.elapsed() >= slice {
                return false;
            }
        }
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
    pub fn refresh<R: TableRecord>(&mut self, dataset: &Dataset, revision: u64, filters: &Filters) -> bool {
        self.refresh_within::<R>(dataset, revision, filters, SEARCH_SLICE)
    }

    /// [`Self::refresh`], going through the records for about `slice` (at least one piece).
    pub fn refresh_within<R: TableRecord>(
        &mut self,
        dataset: &Dataset,
        revision: u64,
        filters: &Filters,
        slice: Duration,
    ) -> bool {
        let key = (revision, self.sort, self.search.clone(), filters.clone());
        let scanning_for_key = self.scan.as_ref().is_some_and(|scan| scan.key == key);
        if self.cached_for.as_ref() != Some(&key) && !scanning_for_key {
            self.scan = Some(self.start_scan::<R>(dataset, key));
        }
        // Rows of an older revision may point at records that moved: those are found at once.
        let same_records = self.cached_for.as_ref().is_some_and(|cached| cached.0 == revision);
        let slice = if same_records { slice } else { Duration::MAX };
        let Some(scan) = &mut self.scan else { return false };
        if !scan.advance::<R>(dataset, filters, slice) {
            return true;
        }
        let Some(scan) = self.scan.take() else { return false };
        let Scan { key, candidates, found, .. } = scan;
        self.rows = match candidates {
            // Narrowing keeps the order of the rows it narrows.
            Candidates::Rows(_) => found,
            Candidates::All(_) => self.sorted::<R>(dataset, found),
        };
        self.cached_for = Some(key);
        false
    }

    /// Whether a search is still going through the records.
    pub fn is_searching(&self) -> bool {
        self.scan.is_some()
    }

    /// A search for `key`: through the rows already found when only a letter was added to the
    /// search, else through every record.
    fn start_scan<R: TableRecord>(&self, dataset: &Dataset, key: RowsKey) -> Scan {
        let needle = search_needle(&key.2);
        let narrower = self.cached_for.as_ref().is_some_and(|cached| {
            (cached.0, cached.1, &cached.3) == (key.0, key.1, &key.3)
                && needle.contains(&search_needle(&cached.2))
        });
        let candidates = if narrower {
            Candidates::Rows(self.rows.clone())
        } else {
            Candidates::All(R::all(dataset).len())
        };
        Scan { key, needle, candidates, position: 0, found: Vec::new() }
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
    let mut builder = TableBuilder::new(ui)
        .id_salt(R::KIND.name())
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(16.0));
    for spec in R::COLUMNS {
        builder = builder.column(Column::initial(spec.width).at_least(40.0).clip(true));
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

#[cfg(test)]
mod tests {
    use super::TableState;
    use crate::model::Incident;
    use crate::ui::columns::TableRecord;
    use crate::ui::filters::Filters;

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
                typed.refresh::<Incident>(&dataset, 0, &filters);
            }
            let mut whole = TableState { search: word.to_owned(), ..TableState::default() };
            whole.refresh::<Incident>(&dataset, 0, &filters);
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
        sliced.refresh::<Incident>(&dataset, 0, &filters);
        assert_eq!(sliced.rows().len(), dataset.incidents.len());
        sliced.search = "d".to_owned();
        let mut frames = 0;
        while sliced.refresh_within::<Incident>(&dataset, 0, &filters, std::time::Duration::ZERO) {
            assert!(sliced.is_searching());
            frames += 1;
        }
        assert!(frames >= 2, "narrowing every row, a piece a frame");
        let mut whole = TableState { search: "d".to_owned(), ..TableState::default() };
        whole.refresh::<Incident>(&dataset, 0, &filters);
        assert_eq!(sliced.rows(), whole.rows());

        // Another word, not a longer one: every record again.
        let mut fresh = TableState { search: "x".to_owned(), ..TableState::default() };
        fresh.refresh::<Incident>(&dataset, 0, &filters);
        fresh.search = "hyesan".to_owned();
        let mut frames = 0;
        while fresh.refresh_within::<Incident>(&dataset, 0, &filters, std::time::Duration::ZERO) {
            frames += 1;
        }
        assert!(frames >= 2, "every record, a piece a frame");
        let expected: Vec<usize> =
            (0..dataset.incidents.len()).filter(|&i| dataset.incidents[i].matches("hyesan")).collect();
        assert_eq!(fresh.rows(), expected);
    }
}
