//! Organizations named in an article: the dataset's own and the bundled list's
//! (`assets/organizations.csv`: the groups that hold the rallies and write the statements, with
//! their English and Korean names and the short names the press uses, "Hanbyun", "한변", "NKDB"),
//! and which of those named in a rally's sentence organized it.

use std::ops::Range;

use super::names::NameIndex;
use crate::model::{Dataset, Id, Organization, OrganizationKind};

/// The bundled list's text, compiled in.
const ORGANIZATIONS_CSV: &str = include_str!("../../assets/organizations.csv");

/// An organization of the bundled list, with the other names the press gives it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListedOrganization {
    /// The organization as a new record would have it.
    pub organization: Organization,
    /// Its short names ("Hanbyun", "한변").
    pub aliases: Vec<String>,
}

/// The bundled organizations (a header, then `name, name_ko, aliases, kind, country, source`,
/// the aliases parted by `;`); rows that cannot be read are left out.
pub fn listed_organizations(text: &str) -> Vec<ListedOrganization> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader.records().filter_map(Result::ok).filter_map(|row| listed_of(&row)).collect()
}

/// The organizations bundled with the app.
pub fn bundled() -> Vec<ListedOrganization> {
    listed_organizations(ORGANIZATIONS_CSV)
}

fn listed_of(row: &csv::StringRecord) -> Option<ListedOrganization> {
    let cell = |index: usize| row.get(index).unwrap_or("").trim().to_owned();
    let name = cell(0);
    if name.is_empty() {
        return None;
    }
    let aliases: Vec<String> =
        cell(2).split(';').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect();
    let notes =
        if aliases.is_empty() { String::new() } else { format!("Also called {}.", aliases.join(", ")) };
    let organization = Organization {
        name,
        name_ko: cell(1),
        kind: OrganizationKind::from_name(&cell(3)).unwrap_or_default(),
        country: cell(4),
        notes,
        ..Organization::default()
    };
    Some(ListedOrganization { organization, aliases })
}

/// An organization named in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct OrganizationMention {
    /// Where it stands in the article.
    pub span: Range<usize>,
    /// The dataset's organization, when it has it.
    pub known: Option<Id>,
    /// The organization as the dataset or the list has it.
    pub organization: Organization,
}

/// The names to look for: the dataset's organizations and the list's.
pub struct Organizations<'a> {
    names: NameIndex<'a, Organization>,
}

impl<'a> Organizations<'a> {
    /// The names of the dataset's organizations (each whole, and its parts outside and inside
    /// brackets: "Hanbyun (Korean Lawyers for …)") and the list's, the dataset's first; a listed
    /// organization the dataset has under one of its names is found as the dataset's.
    pub fn new(dataset: &'a Dataset, listed: &'a [ListedOrganization]) -> Self {
        let mut names: Vec<(String, &'a Organization, bool)> = Vec::new();
        for organization in &dataset.organizations {
            for name in [&organization.name, &organization.name_ko] {
                names.extend(name_parts(name).map(|part| (part, organization, true)));
            }
        }
        for listed in listed {
            let organization = &listed.organization;
            let all: Vec<String> = [&organization.name, &organization.name_ko]
                .into_iter()
                .chain(&listed.aliases)
                .flat_map(|name| name_parts(name))
                .collect();
            // The dataset's organization of one of these names is this one: its other names
            // ("한변" for "Hanbyun") find it too.
            let recorded = dataset.organizations.iter().find(|o| {
                let theirs = [&o.name, &o.name_ko].into_iter().flat_map(|name| name_parts(name));
                theirs.into_iter().any(|name| all.iter().any(|n| n.eq_ignore_ascii_case(&name)))
            });
            let (found_as, known) = recorded.map_or((organization, false), |o| (o, true));
            names.extend(all.into_iter().map(|part| (part, found_as, known)));
        }
        Self { names: NameIndex::new(names) }
    }

    /// The organizations `text` names, in order: each name looked for once in the whole text.
    pub fn in_text(&self, text: &str) -> Vec<OrganizationMention> {
        self.names
            .in_text(text)
            .into_iter()
            .map(|found| OrganizationMention {
                span: found.span,
                known: found.known.then(|| found.named.id.clone()),
                organization: found.named.clone(),
            })
            .collect()
    }

    /// The organizations `text[sentence]` names, in order.
    pub fn in_sentence(&self, text: &str, sentence: &Range<usize>) -> Vec<OrganizationMention> {
        let mut found = self.in_text(&text[sentence.clone()]);
        for mention in &mut found {
            mention.span = mention.span.start + sentence.start..mention.span.end + sentence.start;
        }
        found
    }
}

/// A name, and its parts before and inside brackets when it has them.
fn name_parts(name: &str) -> impl Iterator<Item = String> {
    let name = name.trim();
    let (outside, inside) = match name.split_once('(') {
        Some((before, after)) => (before.trim(), after.trim_end_matches(')').trim()),
        None => ("", ""),
    };
    [name, outside, inside]
        .into_iter()
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
}

/// Words after which an organization named is the one that held the rally.
const HELD_BY: &[&str] = &["organized by", "organised by", "hosted by", "led by", "주최", "주관"];

/// The organizations that held the rally of a sentence: those named before the words saying
/// what was held (the subject: "Hanbyun held a press conference", "한변은 … 기자회견을 열고"), or
/// after "organized by", "주최"; never a government, UN body or newspaper, named as the one asked
/// or reporting.
pub fn organizers_of(
    text: &str,
    sentence: &Range<usize>,
    held_at: usize,
    named: &[OrganizationMention],
) -> Vec<OrganizationMention> {
    let lower = text[sentence.clone()].to_ascii_lowercase();
    let by = HELD_BY.iter().filter_map(|w| lower.find(w)).min().map(|at| at + sentence.start);
    let mut organizers: Vec<OrganizationMention> = Vec::new();
    for mention in named {
        let holds = !matches!(
            mention.organization.kind,
            OrganizationKind::GovernmentBody | OrganizationKind::UnBody | OrganizationKind::Media
        );
        let subject = mention.span.start < sentence.start + held_at;
        let named_by = by.is_some_and(|at| mention.span.start > at);
        let again = organizers.iter().any(|o| o.organization.name == mention.organization.name);
        if holds && (subject || named_by) && !again {
            organizers.push(mention.clone());
        }
    }
    organizers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn organizers(sentence: &str, held: &str) -> Vec<String> {
        let listed = bundled();
        let dataset = Dataset::default();
        let index = Organizations::new(&dataset, &listed);
        let range = 0..sentence.len();
        let named = index.in_sentence(sentence, &range);
        let held_at = sentence.find(held).unwrap_or(sentence.len());
        organizers_of(sentence, &range, held_at, &named).into_iter().map(|o| o.organization.name).collect()
    }

    #[test]
    fn the_subject_of_a_rally_organized_it_and_the_ministry_asked_did_not() {
        let hanbyun = "Korean Lawyers for Human Rights and Unification of Korea";
        assert_eq!(
            organizers(
                "Hanbyun and the Esther Prayer Movement held a press conference urging the Ministry of Unification to act.",
                "held"
            ),
            [hanbyun, "Esther Prayer Movement"]
        );
        assert_eq!(
            organizers("한변은 3일 외교부 앞에서 기자회견을 열고 북송 중단을 촉구했다.", "기자회견"),
            [hanbyun]
        );
        assert_eq!(
            organizers("About 80 people rallied in Seoul in a protest organized by NKDB and HRW.", "rallied"),
            ["Database Center for North Korean Human Rights", "Human Rights Watch"]
        );
        assert!(
            organizers("About 80 people rallied in front of the Ministry of Unification.", "rallied")
                .is_empty()
        );
    }

    #[test]
    fn the_dataset_s_organizations_are_found_by_the_parts_of_their_names() {
        let dataset = Dataset {
            organizations: vec![Organization {
                id: Id::new("org-hanbyun"),
                name: "Hanbyun (Korean Lawyers for Human Rights and Unification of Korea)".to_owned(),
                name_ko: "한변 (한반도 인권과 통일을 위한 변호사모임)".to_owned(),
                ..Organization::default()
            }],
            ..Dataset::default()
        };
        let listed = bundled();
        let index = Organizations::new(&dataset, &listed);
        let text = "한변은 기자회견을 열었다. Hanbyun said.";
        let found = index.in_sentence(text, &(0..text.len()));
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|f| f.known == Some(Id::new("org-hanbyun"))), "{found:?}");
    }

    #[test]
    fn every_row_of_the_bundled_list_is_read() {
        let rows = ORGANIZATIONS_CSV.lines().skip(1).filter(|line| !line.trim().is_empty()).count();
        let listed = bundled();
        assert_eq!(listed.len(), rows);
        assert!(listed.iter().all(|l| !l.organization.country.is_empty()));
    }
}
