//! The filters above each table and the charts: date range, kind, status, place, organization.

use eframe::egui;
use jiff::civil::Date;

use crate::i18n::choice;
use crate::model::{Dataset, Id, IncidentStatus, RecordKind};
use crate::query::{Filters, kind_label, kind_names};
use crate::t;

/// Draws the filters for a table of `kind`; changes `filters` in place.
pub fn filters_ui(ui: &mut egui::Ui, filters: &mut Filters, kind: RecordKind, dataset: &Dataset) {
    ui.horizontal_wrapped(|ui| {
        if matches!(kind, RecordKind::Incident | RecordKind::Rally | RecordKind::Source) {
            date_bound_ui(ui, &t!("filter-from"), "filter-from", &mut filters.from);
            date_bound_ui(ui, &t!("filter-to"), "filter-to", &mut filters.to);
        }
        let kinds: Vec<(RecordKind, &'static str)> =
            kind_names(kind).into_iter().map(|name| (kind, name)).collect();
        let mut chosen = filters.kind.filter(|(k, _)| *k == kind);
        choice_ui(ui, &t!("filter-kind"), "filter-kind", &mut chosen, &kinds, |(kind, name)| {
            kind_label(*kind, name)
        });
        if chosen.is_some() || filters.kind.is_some_and(|(k, _)| k == kind) {
            filters.kind = chosen;
        }
        if kind == RecordKind::Incident {
            let statuses: Vec<IncidentStatus> = IncidentStatus::ALL.to_vec();
            choice_ui(ui, &t!("filter-status"), "filter-status", &mut filters.status, &statuses, |s| {
                choice(*s)
            });
        }
        if matches!(kind, RecordKind::Incident | RecordKind::Rally) {
            let places: Vec<Id> = dataset.places.iter().map(|p| p.id.clone()).collect();
            choice_ui(ui, &t!("filter-place"), "filter-place", &mut filters.place, &places, |id| {
                crate::query::names::place_by_id(dataset, id)
            });
        }
        if kind == RecordKind::Rally {
            let organizations: Vec<Id> = dataset.organizations.iter().map(|o| o.id.clone()).collect();
            choice_ui(
                ui,
                &t!("filter-organization"),
                "filter-organization",
                &mut filters.organization,
                &organizations,
                |id| crate::query::names::organization_by_id(dataset, id),
            );
        }
        choice_ui(
            ui,
            &t!("filter-confidential"),
            "filter-confidential",
            &mut filters.confidential,
            &[false, true],
            |only| {
                if *only { t!("filter-confidential-only") } else { t!("filter-confidential-hidden") }
            },
        );
        if filters.is_active() && ui.button(t!("filter-clear-all")).clicked() {
            *filters = Filters::default();
        }
    });
}

fn date_bound_ui(ui: &mut egui::Ui, label: &str, salt: &str, bound: &mut Option<Date>) {
    ui.label(label);
    let labels = super::widgets::DayPickerLabels {
        name: label,
        unset: &t!("filter-any"),
        clear: &t!("filter-clear", label = label),
    };
    let today = jiff::Zoned::now().date();
    ui.push_id(salt, |ui| super::widgets::day_picker_ui(ui, &labels, bound, today));
}

fn choice_ui<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    salt: &str,
    value: &mut Option<T>,
    choices: &[T],
    name: impl Fn(&T) -> String,
) {
    let selected = value.as_ref().map_or_else(|| t!("filter-any"), &name);
    ui.label(label);
    let name_for_access = t!("filter-by", label = label.to_lowercase());
    let combo = egui::ComboBox::from_id_salt(salt).selected_text(selected);
    let response = combo.show_ui(ui, |ui| {
        ui.selectable_value(value, None, t!("filter-any"));
        for choice in choices {
            ui.selectable_value(value, Some(choice.clone()), name(choice));
        }
    });
    let response = response.response;
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name_for_access));
}
