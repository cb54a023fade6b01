//! What the tables and the charts are narrowed to: date range, kind, status, place,
//! organization.

use jiff::civil::Date;

use super::columns::Facets;
use crate::model::{Id, IncidentStatus, RecordKind};
use crate::stats::Route;

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
    /// Only incidents sent from and to these places (a flow clicked on the map): other records
    /// are hidden.
    pub route: Option<Route>,
    /// `Some(false)`: records marked confidential hidden (what a shared copy holds);
    /// `Some(true)`: only records confidential or with confidential details.
    pub confidential: Option<bool>,
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
            && self.route.as_ref().is_none_or(|route| {
                facets.route.is_some_and(|(from, to)| from == route.from.as_ref() && to == route.to.as_ref())
            })
            && self.confidential.is_none_or(|only| {
                if only { facets.confidential || facets.confidential_details } else { !facets.confidential }
            })
    }
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

    #[test]
    fn a_route_keeps_the_incidents_sent_from_and_to_its_places_only() {
        let (dandong, sinuiju) = (Id::new("pl-dandong"), Id::new("pl-sinuiju"));
        let route = Route { from: Some(dandong.clone()), to: Some(sinuiju.clone()) };
        let filters = Filters { route: Some(route), ..Filters::default() };
        let on = Facets { route: Some((Some(&dandong), Some(&sinuiju))), ..Facets::default() };
        let back = Facets { route: Some((Some(&sinuiju), Some(&dandong))), ..Facets::default() };
        let from_only = Facets { route: Some((Some(&dandong), None)), ..Facets::default() };
        assert!(filters.passes(RecordKind::Incident, None, &on));
        assert!(!filters.passes(RecordKind::Incident, None, &back), "the other way is another route");
        assert!(!filters.passes(RecordKind::Incident, None, &from_only));
        assert!(!filters.passes(RecordKind::Rally, None, &Facets::default()), "rallies have no route");
    }
}
