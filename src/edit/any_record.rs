//! A record of any kind, for edits and undo.

use jiff::Timestamp;

use crate::model::{
    Dataset, Id, Incident, Organization, Place, Rally, Record, RecordKind, Source, find_by_id, position,
};

/// One record of any of the five kinds.
#[derive(Clone, Debug, PartialEq)]
pub enum AnyRecord {
    /// An incident.
    Incident(Incident),
    /// A rally.
    Rally(Rally),
    /// A source.
    Source(Source),
    /// A place.
    Place(Place),
    /// An organization.
    Organization(Organization),
}

/// Calls `$body` with `$list` bound to the dataset's list of `$kind` and `$record` to the
/// record inside `$any`, whichever kind it is.
macro_rules! with_list {
    ($dataset:expr, $any:expr, |$list:ident, $record:ident| $body:expr) => {
        match $any {
            AnyRecord::Incident($record) => {
                let $list = &mut $dataset.incidents;
                $body
            }
            AnyRecord::Rally($record) => {
                let $list = &mut $dataset.rallies;
                $body
            }
            AnyRecord::Source($record) => {
                let $list = &mut $dataset.sources;
                $body
            }
            AnyRecord::Place($record) => {
                let $list = &mut $dataset.places;
                $body
            }
            AnyRecord::Organization($record) => {
                let $list = &mut $dataset.organizations;
                $body
            }
        }
    };
}

impl AnyRecord {
    /// The kind of record.
    pub fn kind(&self) -> RecordKind {
        match self {
            Self::Incident(_) => RecordKind::Incident,
            Self::Rally(_) => RecordKind::Rally,
            Self::Source(_) => RecordKind::Source,
            Self::Place(_) => RecordKind::Place,
            Self::Organization(_) => RecordKind::Organization,
        }
    }

    /// The record's id.
    pub fn id(&self) -> &Id {
        match self {
            Self::Incident(r) => r.id(),
            Self::Rally(r) => r.id(),
            Self::Source(r) => r.id(),
            Self::Place(r) => r.id(),
            Self::Organization(r) => r.id(),
        }
    }

    /// The title or name.
    pub fn label(&self) -> &str {
        match self {
            Self::Incident(r) => r.label(),
            Self::Rally(r) => r.label(),
            Self::Source(r) => r.label(),
            Self::Place(r) => r.label(),
            Self::Organization(r) => r.label(),
        }
    }

    /// An empty record of `kind` with this id.
    pub fn new_of(kind: RecordKind, id: Id) -> Self {
        let mut record = match kind {
            RecordKind::Incident => Self::Incident(Incident::default()),
            RecordKind::Rally => Self::Rally(Rally::default()),
            RecordKind::Source => Self::Source(Source::default()),
            RecordKind::Place => Self::Place(Place::default()),
            RecordKind::Organization => Self::Organization(Organization::default()),
        };
        record.set_id(id);
        record
    }

    /// Sets the record's id.
    pub fn set_id(&mut self, id: Id) {
        match self {
            Self::Incident(r) => r.id = id,
            Self::Rally(r) => r.id = id,
            Self::Source(r) => r.id = id,
            Self::Place(r) => r.id = id,
            Self::Organization(r) => r.id = id,
        }
    }

    /// Sets when the record was created and last changed.
    pub fn set_times(&mut self, created: Timestamp, updated: Timestamp) {
        let (c, u) = match self {
            Self::Incident(r) => (&mut r.created, &mut r.updated),
            Self::Rally(r) => (&mut r.created, &mut r.updated),
            Self::Source(r) => (&mut r.created, &mut r.updated),
            Self::Place(r) => (&mut r.created, &mut r.updated),
            Self::Organization(r) => (&mut r.created, &mut r.updated),
        };
        *c = created;
        *u = updated;
    }

    /// When the record was created.
    pub fn created(&self) -> Timestamp {
        match self {
            Self::Incident(r) => r.created,
            Self::Rally(r) => r.created,
            Self::Source(r) => r.created,
            Self::Place(r) => r.created,
            Self::Organization(r) => r.created,
        }
    }

    /// A copy of the record with this kind and id in the dataset, if there is one.
    pub fn find(dataset: &Dataset, kind: RecordKind, id: &Id) -> Option<Self> {
        fn find_in<R: Record + Clone>(list: &[R], id: &Id) -> Option<R> {
            find_by_id(list, id).cloned()
        }
        match kind {
            RecordKind::Incident => find_in(&dataset.incidents, id).map(Self::Incident),
            RecordKind::Rally => find_in(&dataset.rallies, id).map(Self::Rally),
            RecordKind::Source => find_in(&dataset.sources, id).map(Self::Source),
            RecordKind::Place => find_in(&dataset.places, id).map(Self::Place),
            RecordKind::Organization => find_in(&dataset.organizations, id).map(Self::Organization),
        }
    }

    /// Puts the record in the dataset, in id order, replacing one with the same id. Returns the
    /// record it replaced.
    pub(crate) fn put_into(self, dataset: &mut Dataset) -> Option<Self> {
        let kind = self.kind();
        let id = self.id().clone();
        let previous = Self::find(dataset, kind, &id);
        with_list!(dataset, self, |list, record| match position(list, &id) {
            Ok(index) => list[index] = record,
            Err(index) => list.insert(index, record),
        });
        previous
    }

    /// Removes the record with this kind and id; returns it.
    pub(crate) fn remove_from(dataset: &mut Dataset, kind: RecordKind, id: &Id) -> Option<Self> {
        fn remove<R: Record>(list: &mut Vec<R>, id: &Id) -> Option<R> {
            position(list, id).ok().map(|index| list.remove(index))
        }
        match kind {
            RecordKind::Incident => remove(&mut dataset.incidents, id).map(Self::Incident),
            RecordKind::Rally => remove(&mut dataset.rallies, id).map(Self::Rally),
            RecordKind::Source => remove(&mut dataset.sources, id).map(Self::Source),
            RecordKind::Place => remove(&mut dataset.places, id).map(Self::Place),
            RecordKind::Organization => remove(&mut dataset.organizations, id).map(Self::Organization),
        }
    }
}
