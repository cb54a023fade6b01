//! The table of one kind of record: sortable columns, search, filters, only visible rows laid out.

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
}

impl TableState {
    /// The indices (into the dataset's list) of the rows shown, in order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// Recomputes the rows when the data, search, sort or filters changed since last time.
    pub fn refresh<R: TableRecord>(&mut self, dataset: &Dataset, revision: u64, filters: &Filters) {
        let key = (revision, self.sort, self.search.clone(), filters.clone());
        let Some(cached) = &self.cached_for else {
            self.recompute::<R>(dataset, filters, key);
            return;
        };
        if *cached == key {
            return;
        }
        let needle = search_needle(&self.search);
        let narrower = (cached.0, cached.1, &cached.3) == (key.0, key.1, &key.3)
            && needle.contains(&search_needle(&cached.2));
        if narrower {
            // A letter typed onto the search keeps only some of the rows already found, in order.
            let records = R::all(dataset);
            self.rows.retain(|&i| records[i].matches(&needle));
            self.cached_for = Some(key);
        } else {
            self.recompute::<R>(dataset, filters, key);
        }
    }

    fn recompute<R: TableRecord>(&mut self, dataset: &Dataset, filters: &Filters, key: RowsKey) {
        let records = R::all(dataset);
        let needle = search_needle(&self.search);
        let filtering = filters.is_active();
        let mut rows: Vec<usize> = (0..records.len())
            .filter(|&i| needle.is_empty() || records[i].matches(&needle))
            .filter(|&i| !filtering || filters.passes(R::KIND, records[i].date_range(), &records[i].facets()))
            .collect();
        if let Some((column, reversed)) = self.sort {
            let keys: Vec<_> = rows.iter().map(|&i| records[i].sort_key(column, dataset)).collect();
            let mut order: Vec<usize> = (0..rows.len()).collect();
            order.sort_by(|&a, &b| keys[a].compare(&keys[b]));
            if reversed {
                order.reverse();
            }
            rows = order.into_iter().map(|position| rows[position]).collect();
        }
        self.rows = rows;
        self.cached_for = Some(key);
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
}
