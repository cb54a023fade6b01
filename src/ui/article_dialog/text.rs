//! The article, editable, with the phrases the reader used highlighted.

use eframe::egui::{self, Color32, TextFormat, text::LayoutJob};

use super::ArticleState;
use crate::t;

/// The article, editable, its phrases used highlighted.
pub(super) fn text_ui(ui: &mut egui::Ui, state: &mut ArticleState) {
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
