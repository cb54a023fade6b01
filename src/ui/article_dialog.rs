//! File → New from article… (Ctrl+Shift+V, or an article dropped on the window): the article on
//! one side, its phrases used highlighted; the records the reader proposes on the other, each
//! with what was understood and the sentence it came from, to add or leave out one by one. What
//! is added is one batch edit, tied to a new source; nothing is added that the user did not
//! accept.

use eframe::egui::{self, Color32, TextFormat, text::LayoutJob};
use jiff::civil::Date;

use super::widgets::{DayPickerLabels, day_picker_ui};
use crate::article::{Accepted, Gazetteer, PlaceMention, Reading, entered_source, read};
use crate::i18n::{choice, date_spec, number};
use crate::model::{CountEstimate, Dataset};
use crate::t;

/// The article being read, and what the user chose of its proposals.
#[derive(Clone, Debug, Default)]
pub struct ArticleState {
    /// The article's text, as pasted or opened.
    pub text: String,
    /// The day it was published, for its relative dates.
    pub published: Option<Date>,
    /// What the reader made of the text and day last read.
    pub reading: Reading,
    /// The text and day the reading is of.
    read_for: Option<(String, Option<Date>)>,
    /// Whether each incident proposed is to be added.
    pub add_incidents: Vec<bool>,
    /// Whether each rally proposed is to be added.
    pub add_rallies: Vec<bool>,
    /// Whether each incident already recorded is to be linked to the article.
    pub link_incidents: Vec<bool>,
    /// Whether each rally already recorded is to be linked to the article.
    pub link_rallies: Vec<bool>,
}

impl ArticleState {
    /// An article to read, with its text.
    pub fn with_text(text: String) -> Self {
        Self { text, ..Self::default() }
    }

    /// Reads the article again when its text or day changed; every proposal starts accepted.
    pub fn refresh(&mut self, dataset: &Dataset, gazetteer: &Gazetteer) {
        // Compared in place: the text is not copied on every frame.
        if self.read_for.as_ref().is_some_and(|(text, day)| *text == self.text && *day == self.published) {
            return;
        }
        // Markup pasted from a page's source is read as the page's words.
        if crate::article::html::looks_like_html(&self.text) {
            self.text = crate::article::html::text_of_html(&self.text);
        }
        self.reading = read(&self.text, self.published, dataset, gazetteer);
        if self.published.is_none() {
            self.published = self.reading.source.published.earliest;
        }
        // What the dataset has already is linked to the article, not entered twice.
        self.add_incidents = self.reading.incidents.iter().map(|i| i.known.is_none()).collect();
        self.add_rallies = self.reading.rallies.iter().map(|r| r.known.is_none()).collect();
        // An article already entered (a source of that title) links nothing again.
        let entered = entered_source(&self.reading, dataset).is_some();
        self.link_incidents = self.reading.incidents.iter().map(|i| i.known.is_some() && !entered).collect();
        self.link_rallies = self.reading.rallies.iter().map(|r| r.known.is_some() && !entered).collect();
        self.read_for = Some((self.text.clone(), self.published));
    }

    /// The proposals the user accepted.
    pub fn accepted(&self) -> Accepted {
        let chosen =
            |flags: &[bool]| flags.iter().enumerate().filter(|(_, add)| **add).map(|(i, _)| i).collect();
        Accepted {
            incidents: chosen(&self.add_incidents),
            rallies: chosen(&self.add_rallies),
            linked_incidents: chosen(&self.link_incidents),
            linked_rallies: chosen(&self.link_rallies),
        }
    }
}

/// What the user decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleAnswer {
    /// Add the records accepted.
    Add,
    /// Give it up.
    Cancel,
    /// Read the article from a file instead.
    OpenFile,
}

/// The box that links a proposal to the record the dataset already has.
fn link_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    known: Option<&crate::model::Id>,
    link: &mut bool,
    salt: (&str, usize),
) {
    let Some(id) = known else { return };
    let title = crate::edit::AnyRecord::find(dataset, kind_of(salt.0), id)
        .map_or_else(String::new, |r| r.label().to_owned());
    ui.push_id(("link", salt), |ui| ui.checkbox(link, t!("article-link", title = title)));
}

fn kind_of(what: &str) -> crate::model::RecordKind {
    if what == "rally" { crate::model::RecordKind::Rally } else { crate::model::RecordKind::Incident }
}

/// Draws the article dialog; returns the decision once there is one.
pub fn article_ui(
    ctx: &egui::Context,
    state: &mut ArticleState,
    dataset: &Dataset,
    gazetteer: &Gazetteer,
) -> Option<ArticleAnswer> {
    state.refresh(dataset, gazetteer);
    let modal = egui::Modal::new(egui::Id::unique("article-dialog")).show(ctx, |ui| {
        ui.set_width((ctx.content_rect().width() - 80.0).clamp(480.0, 1100.0));
        ui.heading(t!("article-title"));
        ui.weak(t!("article-hint"));
        published_ui(ui, state);
        ui.columns(2, |columns| {
            // Left-aligned, not justified: the columns' own layout would stretch wrapped lines.
            let plain = egui::Layout::top_down(egui::Align::Min);
            columns[0].with_layout(plain, |ui| text_ui(ui, state));
            columns[1].with_layout(plain, |ui| proposals_ui(ui, state, dataset));
        });
        ui.add_space(8.0);
        buttons_ui(ui, state)
    });
    modal.inner.or_else(|| modal.should_close().then_some(ArticleAnswer::Cancel))
}

fn published_ui(ui: &mut egui::Ui, state: &mut ArticleState) {
    ui.horizontal(|ui| {
        let name = t!("article-published");
        ui.label(&name);
        let labels = DayPickerLabels {
            name: &name,
            unset: &t!("article-published-unset"),
            clear: &t!("article-published-clear"),
        };
        let today = jiff::Zoned::now().date();
        day_picker_ui(ui, &labels, &mut state.published, today);
        if state.published.is_none() {
            ui.weak(t!("article-published-why"));
        }
    });
}

/// The article, editable, its phrases used highlighted.
fn text_ui(ui: &mut egui::Ui, state: &mut ArticleState) {
    let phrases: Vec<std::ops::Range<usize>> = state
        .reading
        .incidents
        .iter()
        .flat_map(|i| i.phrases.iter().cloned())
        .chain(state.reading.rallies.iter().flat_map(|r| r.phrases.iter().cloned()))
        .collect();
    let read_text = &state.reading.text;
    let highlight = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
    let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
        let job = highlighted(ui, text.as_str(), (read_text, &phrases), highlight, wrap_width);
        ui.fonts_mut(|fonts| fonts.layout_job(job))
    };
    let label = ui.label(t!("article-text")).id;
    // As wide as its column, the text wrapping inside it: a wider field would lie under the
    // proposals and take their clicks.
    let width = ui.available_width();
    egui::ScrollArea::vertical().id_salt("article-text").max_height(420.0).max_width(width).show(ui, |ui| {
        let edit = egui::TextEdit::multiline(&mut state.text)
            .id_salt("article-text-edit")
            .hint_text(t!("article-text-hint"))
            .desired_width(width - 16.0)
            .desired_rows(18)
            .layouter(&mut layouter);
        ui.add(edit).labelled_by(label);
    });
}

/// The text laid out with the phrases the reader used highlighted (when the text is the one
/// read).
fn highlighted(
    ui: &egui::Ui,
    text: &str,
    (read_text, phrases): (&str, &[std::ops::Range<usize>]),
    highlight: Color32,
    wrap_width: f32,
) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain =
        TextFormat { font_id: font.clone(), color: ui.visuals().text_color(), ..TextFormat::default() };
    let marked = TextFormat { background: highlight, ..plain.clone() };
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let mut at = 0;
    if text == read_text {
        let mut ranges: Vec<_> =
            phrases.iter().filter(|r| text.get((*r).clone()).is_some()).cloned().collect();
        ranges.sort_by_key(|r| r.start);
        for range in ranges {
            if range.start < at {
                continue;
            }
            job.append(&text[at..range.start], 0.0, plain.clone());
            job.append(&text[range.clone()], 0.0, marked.clone());
            at = range.end;
        }
    }
    job.append(&text[at..], 0.0, plain);
    job
}

/// The records proposed, each with a checkbox to add it.
fn proposals_ui(ui: &mut egui::Ui, state: &mut ArticleState, dataset: &Dataset) {
    let reading = &state.reading;
    if reading.incidents.is_empty() && reading.rallies.is_empty() {
        ui.weak(if state.text.trim().is_empty() { t!("article-empty") } else { t!("article-nothing-found") });
        return;
    }
    if reading.cut {
        ui.colored_label(ui.visuals().warn_fg_color, t!("article-cut"));
    }
    if let Some(source) = entered_source(reading, dataset) {
        ui.colored_label(ui.visuals().warn_fg_color, t!("article-entered", title = source.title.as_str()));
    }
    egui::ScrollArea::vertical().id_salt("article-proposals").max_height(420.0).show(ui, |ui| {
        for (index, incident) in reading.incidents.iter().enumerate() {
            let name = t!("article-add-incident", number = index + 1);
            ui.push_id(("add-incident", index), |ui| ui.checkbox(&mut state.add_incidents[index], name));
            link_ui(
                ui,
                dataset,
                incident.known.as_ref(),
                &mut state.link_incidents[index],
                ("incident", index),
            );
            ui.indent(("incident", index), |ui| {
                let leg = incident.parent.map(|p| t!("article-leg-of", number = p + 1));
                ui.label(format!("{} · {}", choice(incident.kind), date_line(&incident.date)));
                ui.label(count_line(&incident.people));
                let places = places_line(incident.from_place.as_ref(), incident.to_place.as_ref());
                if !places.is_empty() {
                    ui.label(places);
                }
                if let Some(leg) = leg {
                    ui.label(leg);
                }
                ui.weak(&reading.text[incident.evidence.clone()]);
            });
            ui.separator();
        }
        for (index, rally) in reading.rallies.iter().enumerate() {
            let name = t!("article-add-rally", number = index + 1);
            ui.push_id(("add-rally", index), |ui| ui.checkbox(&mut state.add_rallies[index], name));
            link_ui(ui, dataset, rally.known.as_ref(), &mut state.link_rallies[index], ("rally", index));
            ui.indent(("rally", index), |ui| {
                let kinds: Vec<String> = rally.kinds.iter().map(|k| choice(*k)).collect();
                ui.label(format!("{} · {}", kinds.join(", "), date_line(&rally.date)));
                if let Some(attendance) = &rally.attendance {
                    ui.label(count_line(attendance));
                }
                if let Some(place) = &rally.place {
                    ui.label(t!("article-at", place = place_name(place)));
                }
                if !rally.organizers.is_empty() {
                    let names: Vec<&str> = rally
                        .organizers
                        .iter()
                        .map(|o| {
                            crate::query::names::localized(&o.organization.name, &o.organization.name_ko)
                        })
                        .collect();
                    ui.label(t!("article-by", names = names.join(", ")));
                }
                ui.weak(&reading.text[rally.evidence.clone()]);
            });
            ui.separator();
        }
    });
}

/// "end of November 2023 → 21–30 Nov 2023", or the words alone when they give no days.
fn date_line(date: &crate::model::DateSpec) -> String {
    match (date.as_reported.is_empty(), date.range().is_some()) {
        (true, _) => t!("article-no-date"),
        (false, true) => {
            t!("article-understood", words = date.as_reported.as_str(), meaning = date_spec(date))
        }
        (false, false) => date.as_reported.clone(),
    }
}

/// "at least 95 → 95 or more".
fn count_line(count: &CountEstimate) -> String {
    let figure = |n: u32| number(f64::from(n));
    let meaning = match (count.low, count.high) {
        (Some(low), Some(high)) if low == high => figure(low),
        (Some(low), Some(high)) => format!("{}–{}", figure(low), figure(high)),
        (Some(low), None) => t!("article-or-more", low = figure(low)),
        (None, Some(high)) => t!("article-up-to", high = figure(high)),
        (None, None) => count.best.map_or_else(String::new, |n| t!("article-about", best = figure(n))),
    };
    t!("article-understood", words = count.as_reported.as_str(), meaning = meaning)
}

fn places_line(from: Option<&PlaceMention>, to: Option<&PlaceMention>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => t!("article-from-to", from = place_name(from), to = place_name(to)),
        (Some(from), None) => t!("article-from", from = place_name(from)),
        (None, Some(to)) => t!("article-to", to = place_name(to)),
        (None, None) => String::new(),
    }
}

fn place_name(place: &PlaceMention) -> String {
    crate::query::names::localized(&place.place.name, &place.place.name_ko).to_owned()
}

fn buttons_ui(ui: &mut egui::Ui, state: &ArticleState) -> Option<ArticleAnswer> {
    let accepted = state.accepted();
    let count = accepted.incidents.len() + accepted.rallies.len();
    let linked = accepted.linked_incidents.len() + accepted.linked_rallies.len();
    let text = if linked == 0 {
        t!("article-add", count = count)
    } else {
        t!("article-add-and-link", count = count, linked = linked)
    };
    ui.horizontal(|ui| {
        let add = ui.add_enabled(count + linked > 0, egui::Button::new(text));
        if add.on_hover_text(t!("article-add-hint")).clicked() {
            return Some(ArticleAnswer::Add);
        }
        if ui.button(t!("article-open-file")).on_hover_text(t!("article-open-file-hint")).clicked() {
            return Some(ArticleAnswer::OpenFile);
        }
        ui.button(t!("button-cancel")).clicked().then_some(ArticleAnswer::Cancel)
    })
    .inner
}
