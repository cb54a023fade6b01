//! The dataset: every record of one file.

use serde::{Deserialize, Serialize};

use super::choice::choice_enum;
use super::{Id, Incident, Organization, Place, Rally, Source};

/// The tag at the top of every dataset file, so that other RON files are recognized.
pub const FORMAT_TAG: &str = "repatriation-watch";

/// The version of the file format this build writes. Older files are migrated on load; newer
/// ones are refused.
pub const CURRENT_VERSION: u32 = 1;

choice_enum! {
    /// The five kinds of record in a dataset.
    pub enum RecordKind {
        /// An incident.
        #[default]
        Incident => "incident",
        /// A rally.
        Rally => "rally",
        /// A source.
        Source => "source",
        /// A place.
        Place => "place",
        /// An organization.
        Organization => "organization",
    }
}

impl RecordKind {
    /// What the ids of this kind start with (`inc-20261122-141502`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            Self::Incident => "inc",
            Self::Rally => "ral",
            Self::Source => "src",
            Self::Place => "pl",
            Self::Organization => "org",
        }
    }
}

/// What every record has: a kind, an id and a name to show.
pub trait Record {
    /// The kind of record.
    const KIND: RecordKind;

    /// The record's stable identifier.
    fn id(&self) -> &Id;

    /// The title or name shown in lists and pickers.
    fn label(&self) -> &str;

    /// When the record was last changed.
    fn updated(&self) -> jiff::Timestamp;

    /// The record with its creation and change times cleared, to compare what it says.
    #[must_use]
    fn without_times(&self) -> Self;
}

macro_rules! impl_record {
    ($type:ty, $kind:ident, $label:ident) => {
        impl Record for $type {
            const KIND: RecordKind = RecordKind::$kind;

            fn id(&self) -> &Id {
                &self.id
            }

            fn label(&self) -> &str {
                &self.$label
            }

            fn updated(&self) -> jiff::Timestamp {
                self.updated
            }

            fn without_times(&self) -> Self {
                Self {
                    created: jiff::Timestamp::UNIX_EPOCH,
                    updated: jiff::Timestamp::UNIX_EPOCH,
                    ..self.clone()
                }
            }
        }
    };
}

impl_record!(Incident, Incident, title);
impl_record!(Rally, Rally, title);
impl_record!(Source, Source, title);
impl_record!(Place, Place, name);
impl_record!(Organization, Organization, name);

/// Where the record with this id is in a list sorted by id (`Ok`), or where it would go (`Err`).
pub fn position<R: Record>(list: &[R], id: &Id) -> Result<usize, usize> {
    list.binary_search_by(|record| record.id().cmp(id))
}

/// The record with this id in a list sorted by id, as the app keeps its lists.
pub fn find_by_id<'a, R: Record>(list: &'a [R], id: &Id) -> Option<&'a R> {
    position(list, id).ok().map(|index| &list[index])
}

/// The record with this id: by binary search in a list sorted by id (as the app keeps its
/// lists), else by going through the list (one read from a file and not yet sorted).
fn look_up<'a, R: Record>(list: &'a [R], id: &Id) -> Option<&'a R> {
    find_by_id(list, id).or_else(|| list.iter().find(|record| record.id() == id))
}

/// Every record of one file, with the format tag and version that head it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Always [`FORMAT_TAG`].
    pub format: String,
    /// The file format version the dataset was written with.
    pub version: u32,
    /// Articles, statements and testimony the records come from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Places named in the records.
    #[serde(default)]
    pub places: Vec<Place>,
    /// Organizations named in the records.
    #[serde(default)]
    pub organizations: Vec<Organization>,
    /// Forced repatriations, detentions, releases.
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// Rallies, press conferences, vigils, open letters.
    #[serde(default)]
    pub rallies: Vec<Rally>,
    /// What a merge could not decide, kept until someone chooses; empty in most files.
    #[serde(default, skip_serializing_if = "Conflicts::is_empty")]
    pub conflicts: Conflicts,
}

/// Records two merged copies changed differently: the lists of the dataset hold one copy's
/// versions, these the other's, until someone chooses between them field by field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflicts {
    /// The other copy's versions of sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The other copy's versions of places.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    /// The other copy's versions of organizations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<Organization>,
    /// The other copy's versions of incidents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Incident>,
    /// The other copy's versions of rallies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rallies: Vec<Rally>,
    /// Records one copy deleted while the other changed them (the changed version is kept in
    /// the lists).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<DeletedRecord>,
}

/// A record one merged copy deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeletedRecord {
    /// Its kind.
    pub kind: RecordKind,
    /// Its id.
    pub id: Id,
}

impl Conflicts {
    /// Whether nothing is left to decide.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The kind and id of every record whose other version waits here (not the deleted ones).
    pub fn changed(&self) -> impl Iterator<Item = (RecordKind, &Id)> {
        fn ids<R: Record>(list: &[R]) -> impl Iterator<Item = (RecordKind, &Id)> {
            list.iter().map(|record| (R::KIND, record.id()))
        }
        ids(&self.sources)
            .chain(ids(&self.places))
            .chain(ids(&self.organizations))
            .chain(ids(&self.incidents))
            .chain(ids(&self.rallies))
    }

    /// How many records wait for a decision.
    pub fn len(&self) -> usize {
        self.sources.len()
            + self.places.len()
            + self.organizations.len()
            + self.incidents.len()
            + self.rallies.len()
            + self.deleted.len()
    }
}

impl Default for Dataset {
    fn default() -> Self {
        Self {
            format: FORMAT_TAG.to_owned(),
            version: CURRENT_VERSION,
            sources: Vec::new(),
            places: Vec::new(),
            organizations: Vec::new(),
            incidents: Vec::new(),
            rallies: Vec::new(),
            conflicts: Conflicts::default(),
        }
    }
}

impl Dataset {
    /// Sorts every list of records by id, the order files are written in.
    pub fn sort_by_id(&mut self) {
        self.sources.sort_by(|a, b| a.id.cmp(&b.id));
        self.places.sort_by(|a, b| a.id.cmp(&b.id));
        self.organizations.sort_by(|a, b| a.id.cmp(&b.id));
        self.incidents.sort_by(|a, b| a.id.cmp(&b.id));
        self.rallies.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// Whether every list of records is sorted by id, as [`Self::sort_by_id`] leaves them.
    pub fn is_sorted_by_id(&self) -> bool {
        fn sorted<R: Record>(records: &[R]) -> bool {
            records.is_sorted_by(|a, b| a.id() <= b.id())
        }
        sorted(&self.sources)
            && sorted(&self.places)
            && sorted(&self.organizations)
            && sorted(&self.incidents)
            && sorted(&self.rallies)
    }

    /// The number of records of a kind.
    pub fn count(&self, kind: RecordKind) -> usize {
        match kind {
            RecordKind::Incident => self.incidents.len(),
            RecordKind::Rally => self.rallies.len(),
            RecordKind::Source => self.sources.len(),
            RecordKind::Place => self.places.len(),
            RecordKind::Organization => self.organizations.len(),
        }
    }

    /// The number of records of every kind together.
    pub fn record_count(&self) -> usize {
        RecordKind::ALL.iter().map(|&kind| self.count(kind)).sum()
    }

    /// "5 incidents, 4 rallies, 5 sources, 9 places, 7 organizations".
    pub fn summary(&self) -> String {
        format!(
            "{} incidents, {} rallies, {} sources, {} places, {} organizations",
            self.incidents.len(),
            self.rallies.len(),
            self.sources.len(),
            self.places.len(),
            self.organizations.len()
        )
    }

    /// The incident with this id.
    pub fn incident(&self, id: &Id) -> Option<&Incident> {
        look_up(&self.incidents, id)
    }

    /// The place with this id.
    pub fn place(&self, id: &Id) -> Option<&Place> {
        look_up(&self.places, id)
    }

    /// The source with this id.
    pub fn source(&self, id: &Id) -> Option<&Source> {
        look_up(&self.sources, id)
    }

    /// The organization with this id.
    pub fn organization(&self, id: &Id) -> Option<&Organization> {
        look_up(&self.organizations, id)
    }

    /// The legs of an incident: the incidents whose parent it is.
    pub fn legs_of<'a>(&'a self, parent: &'a Id) -> impl Iterator<Item = &'a Incident> + 'a {
        self.incidents.iter().filter(move |incident| incident.parent.as_ref() == Some(parent))
    }
}
