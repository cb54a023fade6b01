//! A day chosen by hand: a button that shows it (or offers to set it) and opens a calendar in
//! the interface's language. Nothing is set until a day is clicked in the calendar.

use eframe::egui;
use jiff::ToSpan;
use jiff::civil::Date;

use crate::i18n::{day as day_words, month_name, weekday_short};
use crate::t;

/// The month the calendar shows while it is open.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Showing {
    year: i16,
    month: i8,
}

/// Years the calendar offers, around the day it opens on.
const YEARS_AROUND: i16 = 40;

/// What a day picker is called and says.
pub struct DayPickerLabels<'a> {
    /// The day's name ("first day"), in its accessible names.
    pub name: &'a str,
    /// The button's text while no day is set ("Set first day…", "any").
    pub unset: &'a str,
    /// The text of the button that clears the day, for screen readers and its tooltip.
    pub clear: &'a str,
}

/// Gives a widget its accessible name (`label`), in place of the text it shows.
pub fn name_widget(response: &egui::Response, role: egui::Role, label: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, label));
}

/// Draws a day: its button (named "first day: Nov 20, 2023") and a button to clear it, or a
/// button to set it. The calendar opens on the day, or else on `suggested`. Returns whether the
/// day changed.
pub fn day_picker_ui(
    ui: &mut egui::Ui,
    labels: &DayPickerLabels<'_>,
    day: &mut Option<Date>,
    suggested: Date,
) -> bool {
    let name = labels.name;
    let mut changed = false;
    // The day and its clear button stay together on one line.
    ui.horizontal(|ui| {
        let button = match *day {
            Some(date) => {
                let response = ui.button(day_words(date)).on_hover_text(t!("date-the-day", name = name));
                name_widget(
                    &response,
                    egui::Role::Button,
                    &t!("date-the-day-is", name = name, day = day_words(date)),
                );
                response
            }
            None => ui.button(labels.unset),
        };
        let popup_id = egui::Popup::default_response_id(&button);
        if button.clicked() {
            let opens_on = day.unwrap_or(suggested);
            ui.data_mut(|d| {
                d.insert_temp(popup_id, Showing { year: opens_on.year(), month: opens_on.month() })
            });
        }
        let picked = egui::Popup::from_toggle_button_response(&button)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show(|ui| calendar_ui(ui, popup_id, name, *day))
            .and_then(|shown| shown.inner);
        match picked {
            Some(Pick::Day(date)) => {
                *day = Some(date);
                changed = true;
                egui::Popup::close_id(ui.ctx(), popup_id);
            }
            Some(Pick::Cancel) => egui::Popup::close_id(ui.ctx(), popup_id),
            None => {}
        }
        if day.is_some() {
            let clear = ui.small_button("×").on_hover_text(labels.clear);
            name_widget(&clear, egui::Role::Button, labels.clear);
            if clear.clicked() {
                *day = None;
                changed = true;
            }
        }
    });
    changed
}

/// What was chosen in the calendar.
enum Pick {
    Day(Date),
    Cancel,
}

fn calendar_ui(ui: &mut egui::Ui, id: egui::Id, name: &str, selected: Option<Date>) -> Option<Pick> {
    let mut showing = ui.data(|d| d.get_temp::<Showing>(id)).unwrap_or(Showing { year: 2024, month: 1 });
    ui.label(egui::RichText::new(t!("date-picker-title", name = name)).strong());
    month_row_ui(ui, id, &mut showing);
    let picked = days_ui(ui, id, showing, selected);
    ui.data_mut(|d| d.insert_temp(id, showing));
    ui.add_space(4.0);
    if ui.button(t!("button-cancel")).clicked() {
        return Some(Pick::Cancel);
    }
    picked.map(Pick::Day)
}

/// The month shown: previous and next, and drop-downs for the year and the month.
fn month_row_ui(ui: &mut egui::Ui, id: egui::Id, showing: &mut Showing) {
    ui.horizontal(|ui| {
        let previous = ui.button("◀").on_hover_text(t!("date-picker-previous"));
        name_widget(&previous, egui::Role::Button, &t!("date-picker-previous"));
        if previous.clicked() {
            step(showing, -1);
        }
        let year = egui::ComboBox::new(id.with("year"), "")
            .selected_text(showing.year.to_string())
            .show_ui(ui, |ui| {
                for year in (showing.year - YEARS_AROUND)..=(showing.year + YEARS_AROUND) {
                    ui.selectable_value(&mut showing.year, year, year.to_string());
                }
            })
            .response;
        name_widget(&year, egui::Role::ComboBox, &t!("date-picker-year"));
        let month = egui::ComboBox::new(id.with("month"), "")
            .selected_text(month_name(showing.month))
            .show_ui(ui, |ui| {
                for month in 1..=12 {
                    ui.selectable_value(&mut showing.month, month, month_name(month));
                }
            })
            .response;
        name_widget(&month, egui::Role::ComboBox, &t!("date-picker-month"));
        let next = ui.button("▶").on_hover_text(t!("date-picker-next"));
        name_widget(&next, egui::Role::Button, &t!("date-picker-next"));
        if next.clicked() {
            step(showing, 1);
        }
    });
}

/// Moves the month shown by `months`.
fn step(showing: &mut Showing, months: i32) {
    let first = Date::new(showing.year, showing.month, 1).ok();
    if let Some(moved) = first.and_then(|first| first.checked_add(months.months()).ok()) {
        *showing = Showing { year: moved.year(), month: moved.month() };
    }
}

/// The month's days under the weekdays' names, Monday first; each day's button is named by
/// its whole date.
fn days_ui(ui: &mut egui::Ui, id: egui::Id, showing: Showing, selected: Option<Date>) -> Option<Date> {
    let first = Date::new(showing.year, showing.month, 1).ok()?;
    let mut picked = None;
    egui::Grid::new(id.with("days")).spacing([2.0, 2.0]).show(ui, |ui| {
        for weekday in 1..=7 {
            ui.weak(weekday_short(weekday));
        }
        ui.end_row();
        for _ in 0..first.weekday().to_monday_zero_offset() {
            ui.label("");
        }
        for day in 1..=first.days_in_month() {
            let Ok(date) = Date::new(showing.year, showing.month, day) else { continue };
            let button = egui::Button::new(day.to_string())
                .selected(selected == Some(date))
                .min_size([28.0, 0.0].into());
            let response = ui.add(button);
            name_widget(&response, egui::Role::Button, &day_words(date));
            if response.clicked() {
                picked = Some(date);
            }
            if date.weekday() == jiff::civil::Weekday::Sunday {
                ui.end_row();
            }
        }
    });
    picked
}
