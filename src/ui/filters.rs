//! The filters above each table: date range, kind, status, place, organization.

use eframe::egui;
use jiff::civil::Date;

use super::columns::{Facets, kind_label, kind_names};
use crate::i18n::choice;
use crate::model::{Dataset, Id, IncidentStatus, RecordKind};
use crate::t;

/// What the tables (and later the charts) are narrowed to. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Records whose dates end before this day are hidden.
    pub from: Option<Date>,
    /// Records whose dates start after this day are hidden.
    pub to: Option<Date>,
    /// Only records of this kind (its English name), in the table of that kind of record.
    pub kind: Option<(RecordKind, &'static str)>,
    /// Only incidents with this status.
    pub status: Option<IncidentStatus>,
    /// Only records that name this place.
    pub place: Option<Id>,
    /// Only records that name this organization.
    pub organization: Option<Id>,
}

impl Filters {
    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    /// Whether a record of `record_kind` with these dates and facets passes. A dated record
    /// with no known date fails a date filter, since it cannot be placed in the range; places
    /// and organizations have no dates and ignore it.
    pub fn passes(&self, record_kind: RecordKind, dates: Option<(Date, Date)>, facets: &Facets<'_>) -> bool {
        let has_dates = matches!(record_kind, RecordKind::Incident | RecordKind::Rally | RecordKind::Source);
        if has_dates && (self.from.is_some() || self.to.is_some()) {
            let Some((earliest, latest)) = dates else { return false };
            if self.from.is_some_and(|from| latest < from) || self.to.is_some_and(|to| earliest > to) {
                return false;
            }
        }
        self.kind.is_none_or(|(kind, name)| kind != record_kind || facets.kinds.contains(&name))
            && self.status.is_none_or(|status| facets.status.is_none_or(|s| s == status.name()))
            && self.place.as_ref().is_none_or(|place| facets.places.contains(&place))
            && self.organization.as_ref().is_none_or(|org| facets.organizations.contains(&org))
    }
}

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
                super::names::place_by_id(dataset, id)
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
                |id| super::names::organization_by_id(dataset, id),
            );
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_date_range_keeps_records_that_overlap_it() {
        let filters =
            Filters { from: Some(date(2023, 11, 1)), to: Some(date(2023, 11, 30)), ..Filters::default() };
        let facets = Facets::default();
        let incident = RecordKind::Incident;
        assert!(filters.passes(incident, Some((date(2023, 10, 1), date(2023, 11, 1))), &facets));
        assert!(!filters.passes(incident, Some((date(2023, 12, 1), date(2023, 12, 31))), &facets));
        assert!(!filters.passes(incident, None, &facets), "an undated record cannot be placed in the range");
        assert!(filters.passes(RecordKind::Place, None, &facets), "places have no dates to filter");
        assert!(Filters::default().passes(incident, None, &facets));
    }

    #[test]
    fn facets_must_match_every_set_filter() {
        let place = Id::new("pl-dandong");
        let facets = Facets { kinds: vec!["rally"], places: vec![&place], ..Facets::default() };
        let rally = RecordKind::Rally;
        let filters =
            Filters { kind: Some((rally, "rally")), place: Some(place.clone()), ..Filters::default() };
        assert!(filters.passes(rally, None, &facets));
        assert!(!Filters { kind: Some((rally, "vigil")), ..filters.clone() }.passes(rally, None, &facets));
        let other_organization = Filters { organization: Some(Id::new("org-x")), ..filters.clone() };
        assert!(!other_organization.passes(rally, None, &facets));
        let incident_kind = Filters { kind: Some((RecordKind::Incident, "detention")), ..Filters::default() };
        assert!(incident_kind.passes(rally, None, &facets), "a kind of incident does not filter rallies");
    }
}
