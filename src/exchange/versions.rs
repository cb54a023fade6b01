//! Two versions of one record, field by field: what differs, and a record made by choosing each
//! field from one version or the other.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::edit::AnyRecord;
use crate::model::{
    Conflicts, Dataset, DeletedRecord, Incident, Organization, Place, Rally, RecordKind, Source,
};

/// One field of a record: its name in the file and its value written as RON.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldValue {
    /// The field's name, as in the file (`title`, `estimates`).
    pub name: String,
    /// The value, as the file would write it.
    pub text: String,
}

/// A field two versions give differently.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDifference {
    /// The field's name.
    pub name: String,
    /// Our version's value.
    pub ours: String,
    /// Their version's value.
    pub theirs: String,
}

/// The record's fields in declaration order (JSON values: exact, enums by name).
fn fields<T: Serialize>(record: &T) -> Vec<(String, Value)> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map.into_iter().collect(),
        _ => Vec::new(),
    }
}

fn serialized_fields(record: &AnyRecord) -> Vec<(String, Value)> {
    match record {
        AnyRecord::Incident(r) => fields(r),
        AnyRecord::Rally(r) => fields(r),
        AnyRecord::Source(r) => fields(r),
        AnyRecord::Place(r) => fields(r),
        AnyRecord::Organization(r) => fields(r),
    }
}

/// A value as a person reads it: text without quotes, anything else as compact JSON.
fn shown(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// The fields the two versions give differently (times left out: they always differ).
pub fn differences(ours: &AnyRecord, theirs: &AnyRecord) -> Vec<FieldDifference> {
    let (mine, their) = (serialized_fields(ours), serialized_fields(theirs));
    let mut names: Vec<String> = Vec::new();
    for (name, _) in mine.iter().chain(&their) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    let find =
        |list: &[(String, Value)], name: &str| list.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    names
        .into_iter()
        .filter(|name| name != "created" && name != "updated")
        .filter_map(|name| {
            let (a, b) = (find(&mine, &name), find(&their, &name));
            (a != b).then(|| FieldDifference { ours: shown(a.as_ref()), theirs: shown(b.as_ref()), name })
        })
        .collect()
}

fn rebuild<T: Serialize + DeserializeOwned>(ours: &T, theirs: &T, take_theirs: &[String]) -> Option<T> {
    // A field left out of a version (an empty optional one) is left out of the result too.
    let chosen = |(key, _): &(String, Value)| take_theirs.contains(key);
    let combined: Map<String, Value> = fields(ours)
        .into_iter()
        .filter(|field| !chosen(field))
        .chain(fields(theirs).into_iter().filter(|field| chosen(field)))
        .collect();
    serde_json::from_value(Value::Object(combined)).ok()
}

/// Our version with the fields named in `take_theirs` taken from theirs; `None` if the two are
/// not records of one kind.
pub fn combine(ours: &AnyRecord, theirs: &AnyRecord, take_theirs: &[String]) -> Option<AnyRecord> {
    Some(match (ours, theirs) {
        (AnyRecord::Incident(a), AnyRecord::Incident(b)) => AnyRecord::Incident(rebuild(a, b, take_theirs)?),
        (AnyRecord::Rally(a), AnyRecord::Rally(b)) => AnyRecord::Rally(rebuild(a, b, take_theirs)?),
        (AnyRecord::Source(a), AnyRecord::Source(b)) => AnyRecord::Source(rebuild(a, b, take_theirs)?),
        (AnyRecord::Place(a), AnyRecord::Place(b)) => AnyRecord::Place(rebuild(a, b, take_theirs)?),
        (AnyRecord::Organization(a), AnyRecord::Organization(b)) => {
            AnyRecord::Organization(rebuild(a, b, take_theirs)?)
        }
        _ => return None,
    })
}

/// One record a merge left undecided.
#[derive(Clone, Debug, PartialEq)]
pub enum Undecided {
    /// Both copies changed it: ours is in the dataset, theirs waits.
    Changed {
        /// Our version.
        ours: Box<AnyRecord>,
        /// Their version.
        theirs: Box<AnyRecord>,
    },
    /// One copy deleted it, the other changed it (the changed one is in the dataset).
    Deleted(DeletedRecord),
}

/// Every record the dataset's conflicts hold, with our version beside theirs.
pub fn undecided(dataset: &Dataset) -> Vec<Undecided> {
    let conflicts = &dataset.conflicts;
    let theirs: Vec<AnyRecord> = conflicts
        .sources
        .iter()
        .cloned()
        .map(AnyRecord::Source)
        .chain(conflicts.places.iter().cloned().map(AnyRecord::Place))
        .chain(conflicts.organizations.iter().cloned().map(AnyRecord::Organization))
        .chain(conflicts.incidents.iter().cloned().map(AnyRecord::Incident))
        .chain(conflicts.rallies.iter().cloned().map(AnyRecord::Rally))
        .collect();
    let changed = theirs.into_iter().filter_map(|theirs| {
        let ours = AnyRecord::find(dataset, theirs.kind(), theirs.id())?;
        Some(Undecided::Changed { ours: Box::new(ours), theirs: Box::new(theirs) })
    });
    changed.chain(conflicts.deleted.iter().cloned().map(Undecided::Deleted)).collect()
}

/// The conflicts without the one about this record.
pub fn without(conflicts: &Conflicts, kind: RecordKind, id: &crate::model::Id) -> Conflicts {
    let mut rest = conflicts.clone();
    match kind {
        RecordKind::Source => rest.sources.retain(|r: &Source| &r.id != id),
        RecordKind::Place => rest.places.retain(|r: &Place| &r.id != id),
        RecordKind::Organization => rest.organizations.retain(|r: &Organization| &r.id != id),
        RecordKind::Incident => rest.incidents.retain(|r: &Incident| &r.id != id),
        RecordKind::Rally => rest.rallies.retain(|r: &Rally| &r.id != id),
    }
    rest.deleted.retain(|d| !(d.kind == kind && &d.id == id));
    rest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[test]
    fn differences_are_listed_and_a_record_is_combined_field_by_field() {
        let dataset = crate::store::load_sample().expect("sample");
        let ours =
            dataset.incident(&Id::new("inc-2023-11-20-dandong-sinuiju")).expect("in the sample").clone();
        let mut theirs = ours.clone();
        theirs.title = "Thirty sent back".to_owned();
        theirs.notes = "Their note".to_owned();
        theirs.to_place = None;
        let (a, b) = (AnyRecord::Incident(ours.clone()), AnyRecord::Incident(theirs.clone()));
        let names: Vec<String> = differences(&a, &b).into_iter().map(|d| d.name).collect();
        assert_eq!(names, ["title", "to_place", "notes"]);

        let combined = combine(&a, &b, &["title".to_owned(), "to_place".to_owned()]).expect("combined");
        let AnyRecord::Incident(combined) = combined else { panic!("an incident") };
        assert_eq!(combined.title, "Thirty sent back");
        assert_eq!(combined.to_place, None);
        assert_eq!(combined.notes, ours.notes, "not chosen: ours");
        assert_eq!(combined.estimates, ours.estimates);
    }
}
