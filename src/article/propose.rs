//! From what each sentence mentions to the records an article reports: an incident where a
//! sentence says people were sent back, detained, arrested or released, with its figure; a rally
//! where one says a rally, protest, vigil or press conference was held. Plans, appeals and
//! statements are not events. A total reported "on four occasions" becomes a parent whose legs are
//! the occasions that follow; a figure stated twice (the headline and the body) is one record.

use std::ops::Range;

use jiff::civil::Date;

use super::mentions::{CountMention, DateMention, Word, counts, counts_people, dates, words};
use super::organizations::{OrganizationMention, Organizations, organizers_of};
use super::places::{PlaceMention, Places};
use crate::model::{CountEstimate, DateSpec, Id, IncidentKind, RallyKind};

/// An incident the article reports.
#[derive(Clone, Debug, PartialEq)]
pub struct ProposedIncident {
    /// What happened.
    pub kind: IncidentKind,
    /// When, with the words.
    pub date: DateSpec,
    /// How many people, with the words.
    pub people: CountEstimate,
    /// Where they were sent back, held or caught from, as named.
    pub from_place: Option<PlaceMention>,
    /// Where they were sent to, as named.
    pub to_place: Option<PlaceMention>,
    /// The index of the incident this one is a leg of.
    pub parent: Option<usize>,
    /// Whether the article says the figure is a total over several occasions.
    pub is_total: bool,
    /// The sentence it comes from.
    pub evidence: Range<usize>,
    /// The phrases used: the date's, the figure's, the places'.
    pub phrases: Vec<Range<usize>>,
    /// The incident already in the dataset that this seems to be (`known.rs`).
    pub known: Option<Id>,
}

/// A rally the article reports.
#[derive(Clone, Debug, PartialEq)]
pub struct ProposedRally {
    /// What forms it took ("a rally and a press conference"), the first said first.
    pub kinds: Vec<RallyKind>,
    /// When, with the words.
    pub date: DateSpec,
    /// How many took part, with the words, when the article says.
    pub attendance: Option<CountEstimate>,
    /// Where, as named.
    pub place: Option<PlaceMention>,
    /// Who held it, as named.
    pub organizers: Vec<OrganizationMention>,
    /// The sentence it comes from.
    pub evidence: Range<usize>,
    /// The phrases used.
    pub phrases: Vec<Range<usize>>,
    /// The rally already in the dataset that this seems to be (`known.rs`).
    pub known: Option<Id>,
}

/// What one sentence says happened.
enum Happened {
    Incident(IncidentKind),
    Rally(Vec<RallyKind>),
    Nothing,
}

/// The words that say people were sent back, held, caught or freed (English, then Korean), by
/// the kind of incident.
const INCIDENT_WORDS: &[(IncidentKind, &[&str])] = &[
    (
        IncidentKind::ForcedRepatriation,
        &[
            "repatriated",
            "sent back",
            "returned",
            "handed over",
            "deported",
            "forcibly returned",
            "sent home",
            "repatriating",
            "sending back",
            "forced return",
            "forcibly sent",
            "북송",
            "송환",
            "강제송환",
            "강제북송",
            "돌려보냈",
            "넘겨",
        ],
    ),
    (IncidentKind::Arrest, &["arrested", "caught", "apprehended", "rounded up", "체포", "붙잡"]),
    (IncidentKind::Detention, &["detained", "being held", "are held", "were held", "구금", "억류", "수감"]),
    (IncidentKind::Release, &["released", "freed", "석방", "풀려"]),
];

/// The words that say a rally took place, by its kind.
const RALLY_WORDS: &[(RallyKind, &[&str])] = &[
    (RallyKind::PressConference, &["press conference", "news conference", "기자회견"]),
    (RallyKind::Vigil, &["vigil", "추모"]),
    (RallyKind::OnePersonProtest, &["one-person protest", "1인 시위"]),
    (RallyKind::March, &["marched", "march through", "행진"]),
    (
        RallyKind::Rally,
        &[
            "rally",
            "rallied",
            "protest",
            "protested",
            "demonstration",
            "demonstrated",
            "gathered",
            "came together",
            "집회",
            "시위",
            "규탄대회",
        ],
    ),
];

/// Words that make a sentence a plan rather than a report of what happened.
const PLANS: &[&str] = &[
    "plan to",
    "plans to",
    "planning to",
    "will hold",
    "will be held",
    "would hold",
    "next week",
    "next month",
    "예정",
    "계획",
    "할 것",
];

/// Words that make a repatriation the sentence names an appeal or a fear, not an event.
const APPEALS: &[&str] = &[
    "not to send",
    "not to repatriate",
    "not to return",
    "stop repatriating",
    "stop sending",
    "to halt",
    "to stop",
    "to end",
    "would be",
    "could be",
    "may be",
    "might be",
    "중단",
    "촉구",
    "말라",
    "하지 말",
    "말아",
];

/// Words that make a return a fear or a possibility: it has not happened yet.
const FEARS: &[&str] = &[
    "fear that",
    "fears that",
    "feared that",
    "could be sent",
    "may be sent",
    "might be sent",
    "우려",
    "될 수 있",
    "가능성",
];

/// Words saying an incident took place, in a sentence that gives its day but no figure ("The mass
/// deportation took place on October 9"): the day goes to the incident told of just before.
const TOOK_PLACE: &[&str] =
    &["took place", "occurred", "happened", "was carried out", "이뤄졌", "이루어졌", "진행됐"];

/// Words that point back at a rally already told of ("the protest", "this rally").
const RALLY_AGAIN: &[&str] = &[
    "the protest",
    "this protest",
    "the rally",
    "this rally",
    "the demonstration",
    "the event",
    "the vigil",
    "the press conference",
    "this year's",
    "이날 집회",
    "이 자리",
];

/// Words saying that a figure is the total of several occasions.
const TOTAL_WORDS: &[&str] =
    &["occasions", "times", "batches", "groups", "rounds", "차례", "번에 걸쳐", "회에 걸쳐"];

/// The incidents and rallies the sentences of `text` report.
pub fn propose(
    text: &str,
    sentences: &[Range<usize>],
    published: Option<Date>,
    (places, organizations): (&Places<'_>, &Organizations<'_>),
) -> (Vec<ProposedIncident>, Vec<ProposedRally>) {
    let mut incidents: Vec<ProposedIncident> = Vec::new();
    let mut rallies: Vec<ProposedRally> = Vec::new();
    let mentioned = places.in_text(text);
    let organizations_named = organizations.in_text(text);
    for sentence in sentences {
        let lower = text[sentence.clone()].to_lowercase();
        let words = words(text, sentence.clone());
        let dates = dates(text, &words, published);
        let counts = counts(text, &words, &dates);
        let named = super::places::within(&mentioned, sentence);
        match what_happened(&lower, rallies.len(), !dates.is_empty()) {
            Happened::Incident(kind) => {
                let found = incidents_of(kind, &lower, sentence, &words, &dates, &counts, &named);
                if found.is_empty() && TOOK_PLACE.iter().any(|w| lower.contains(w)) {
                    date_the_last(&mut incidents, &dates);
                } else if found.is_empty() && THEY.iter().any(|w| lower.contains(w)) {
                    // "They were sent back from Tumen to Namyang on June 5": the people told of
                    // before, their day and places.
                    let (from, to) = directions(&lower, sentence.start, &named);
                    they_again(&mut incidents, kind, &dates, (from, to));
                }
                for incident in found {
                    add_incident(text, &mut incidents, incident);
                }
            }
            Happened::Nothing if TOOK_PLACE.iter().any(|w| lower.contains(w)) => {
                date_the_last(&mut incidents, &dates);
            }
            Happened::Rally(kinds) => {
                if let Some(mut rally) = rally_of(kinds, sentence, &words, &dates, &counts, &named) {
                    let held_at = first_rally_word(&text[sentence.clone()]);
                    let named: Vec<OrganizationMention> = organizations_named
                        .iter()
                        .filter(|o| sentence.start <= o.span.start && o.span.end <= sentence.end)
                        .cloned()
                        .collect();
                    rally.organizers = organizers_of(text, sentence, held_at, &named);
                    rally.phrases.extend(rally.organizers.iter().map(|o| o.span.clone()));
                    add_rally(&mut rallies, rally);
                }
            }
            Happened::Nothing => {}
        }
    }
    tie_legs(&mut incidents);
    (incidents, rallies)
}

fn what_happened(lower: &str, rallies_so_far: usize, dated: bool) -> Happened {
    if PLANS.iter().any(|w| lower.contains(w)) {
        return Happened::Nothing;
    }
    // A return asked against or feared has not happened; an arrest told of beside it, on its
    // day, has ("지난달 28일 7명 체포…강제북송 우려"). Undated, it is the fear's background.
    let feared = FEARS.iter().any(|w| lower.contains(w));
    if feared && !dated {
        return Happened::Nothing;
    }
    let appeal = feared || APPEALS.iter().any(|w| lower.contains(w));
    let incident = INCIDENT_WORDS
        .iter()
        .filter(|(kind, _)| !(appeal && *kind == IncidentKind::ForcedRepatriation))
        .find(|(_, words)| words.iter().any(|w| lower.contains(w)))
        .map(|(kind, _)| *kind);
    let rally = rally_kinds(lower);
    let told_again = rallies_so_far > 0 && RALLY_AGAIN.iter().any(|w| lower.contains(w));
    match incident {
        Some(_) if !rally.is_empty() && rally_first(lower) && !told_again => Happened::Rally(rally),
        Some(kind) => Happened::Incident(kind),
        None if !rally.is_empty() && !told_again => Happened::Rally(rally),
        None => Happened::Nothing,
    }
}

/// The forms of rally a sentence names, in the order it names them.
fn rally_kinds(lower: &str) -> Vec<RallyKind> {
    let mut found: Vec<(usize, RallyKind)> = Vec::new();
    for (kind, words) in RALLY_WORDS {
        if let Some(at) = words.iter().filter_map(|w| lower.find(w)).min() {
            found.push((at, *kind));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    // A "one-person protest" is not also a plain protest.
    if found.iter().any(|(_, k)| *k == RallyKind::OnePersonProtest) {
        found.retain(|(_, k)| *k != RallyKind::Rally);
    }
    found.into_iter().map(|(_, kind)| kind).collect()
}

/// Whether the sentence is about a rally held (its subject staged, held or hosted one), though
/// it names repatriations too ("rallied to condemn the repatriation").
fn rally_first(lower: &str) -> bool {
    [
        "held a",
        "hold a",
        "staged a",
        "hosted a",
        "holds a",
        "hold rally",
        "열었",
        "열고",
        "열어",
        "개최",
        "벌였",
        "벌이",
        "가졌",
        "진행했",
        "열렸",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// The incidents a sentence reports: one per figure of people, each with the date and places
/// that go with it ("80 on Aug. 29, along with 40 others on Sept. 18": after each figure in
/// English; "지난달 29일 80명 … 지난 18일 40명": before each in Korean), or with the sentence's
/// own when it gives one figure.
fn incidents_of(
    kind: IncidentKind,
    lower: &str,
    sentence: &Range<usize>,
    words: &[Word],
    dates: &[DateMention],
    counts: &[CountMention],
    named: &[PlaceMention],
) -> Vec<ProposedIncident> {
    let figures = figures_of_people(words, dates, counts);
    let korean = lower.chars().any(super::sentences::is_hangul);
    let within =
        |span: &Range<usize>, range: &Range<usize>| span.start >= range.start && span.end <= range.end;
    let mut found = Vec::new();
    for (index, figure) in figures.iter().enumerate() {
        let previous_end = if index == 0 { sentence.start } else { figures[index - 1].span.end };
        let next_start = figures.get(index + 1).map_or(sentence.end, |next| next.span.start);
        let own = if korean { previous_end..figure.span.start } else { figure.span.end..next_start };
        let nearest = |range: &Range<usize>| {
            dates.iter().filter(|d| within(&d.span, range)).min_by_key(|d| distance(&d.span, &figure.span))
        };
        let date = nearest(&own).or_else(|| if index == 0 { nearest(sentence) } else { None });
        if index > 0 && date.is_none() {
            // A later figure with no day of its own is part of the first one's event.
            continue;
        }
        let around = if figures.len() == 1 { sentence.clone() } else { previous_end..next_start };
        let near: Vec<PlaceMention> = named.iter().filter(|p| within(&p.span, &around)).cloned().collect();
        let (from_place, to_place) = directions(lower, sentence.start, &near);
        let mut phrases: Vec<Range<usize>> = vec![figure.span.clone()];
        phrases.extend(date.map(|d| d.span.clone()));
        phrases.extend(from_place.iter().chain(to_place.iter()).map(|p| p.span.clone()));
        found.push(ProposedIncident {
            kind,
            date: date.map(|d| d.date.clone()).unwrap_or_default(),
            people: figure.count.clone(),
            from_place,
            to_place,
            parent: None,
            is_total: TOTAL_WORDS.iter().any(|w| lower.contains(w)),
            evidence: sentence.clone(),
            phrases,
            known: None,
        });
    }
    found
}

/// The figures of people in a sentence: those followed by a word for people, and, once there is
/// one, the bare figures of a list that each give a day ("…, 40 others on Sept. 18, and 80 on
/// Aug. 29").
fn figures_of_people<'a>(
    words: &[Word],
    dates: &[DateMention],
    counts: &'a [CountMention],
) -> Vec<&'a CountMention> {
    let people: Vec<&CountMention> = counts.iter().filter(|c| counts_people(words, c)).collect();
    if people.is_empty() {
        return people;
    }
    let gives_a_day = |c: &CountMention| {
        let next = words.get(c.next_word).map(|w| w.span.start);
        let year_like = c.count.best.is_some_and(|n| (1900..=2100).contains(&n));
        !year_like && next.is_some_and(|at| dates.iter().any(|d| d.span.start == at))
    };
    counts.iter().filter(|c| counts_people(words, c) || gives_a_day(c)).collect()
}

/// How far apart two phrases are, in bytes.
fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start { b.start - a.end } else { a.start.saturating_sub(b.end) }
}

fn rally_of(
    kinds: Vec<RallyKind>,
    sentence: &Range<usize>,
    words: &[Word],
    dates: &[DateMention],
    counts: &[CountMention],
    named: &[PlaceMention],
) -> Option<ProposedRally> {
    let date = dates.first();
    let place = named.iter().max_by_key(|p| (p.is_venue(), p.span.len())).cloned();
    if date.is_none() && place.is_none() {
        return None;
    }
    let attendance = counts.iter().find(|c| counts_people(words, c));
    let mut phrases: Vec<Range<usize>> = date.iter().map(|d| d.span.clone()).collect();
    phrases.extend(place.iter().map(|p| p.span.clone()));
    phrases.extend(attendance.map(|c| c.span.clone()));
    Some(ProposedRally {
        kinds,
        date: date.map(|d| d.date.clone()).unwrap_or_default(),
        attendance: attendance.map(|c| c.count.clone()),
        place,
        organizers: Vec::new(),
        evidence: sentence.clone(),
        phrases,
        known: None,
    })
}

/// Where the first word saying what was held stands in a sentence, in bytes (its end when
/// there is none).
fn first_rally_word(sentence: &str) -> usize {
    let lower = sentence.to_ascii_lowercase();
    RALLY_WORDS
        .iter()
        .flat_map(|(_, words)| words.iter())
        .filter_map(|w| lower.find(w))
        .min()
        .unwrap_or(lower.len())
}

/// The place people were sent from and the place they were sent to: "from Dandong … to
/// Sinuiju", "단둥에서 신의주로", "온성군으로"; else a Chinese place is where they left and a North
/// Korean one where they went.
fn directions(
    lower: &str,
    offset: usize,
    named: &[PlaceMention],
) -> (Option<PlaceMention>, Option<PlaceMention>) {
    let before = |place: &PlaceMention, word: &str| {
        let at = place.span.start.saturating_sub(offset);
        lower.get(..at).is_some_and(|head| head.trim_end().ends_with(word))
    };
    let followed = |place: &PlaceMention, endings: &[&str]| {
        let at = place.span.end.saturating_sub(offset);
        lower.get(at..).is_some_and(|tail| endings.iter().any(|e| tail.starts_with(e)))
    };
    let from = named
        .iter()
        .find(|p| before(p, "from") || followed(p, &["에서"]))
        .or_else(|| named.iter().find(|p| p.country == "CN"));
    let to = named
        .iter()
        .find(|p| before(p, "to") || (before(p, "in") && p.country == "KP") || followed(p, &["으로", "로"]))
        .or_else(|| named.iter().rev().find(|p| p.country == "KP"));
    (from.cloned(), to.filter(|t| from.is_none_or(|f| f.span != t.span)).cloned())
}

/// Words that point back at the people an incident told of before was about.
const THEY: &[&str] = &["they were", "they had been", "these people", "이들은", "이들이", "그들은"];

/// Gives the last incident of `kind`, when it has no day yet, the day and places of a sentence
/// that tells of the same people without a figure.
fn they_again(
    incidents: &mut [ProposedIncident],
    kind: IncidentKind,
    dates: &[DateMention],
    (from, to): (Option<PlaceMention>, Option<PlaceMention>),
) {
    let Some(last) = incidents.iter_mut().rev().find(|i| i.kind == kind) else { return };
    let Some(date) = dates.first() else { return };
    if last.date.range().is_some() {
        return;
    }
    last.date = date.date.clone();
    last.phrases.push(date.span.clone());
    if last.from_place.is_none() {
        last.phrases.extend(from.iter().map(|p| p.span.clone()));
        last.from_place = from;
    }
    if last.to_place.is_none() {
        last.phrases.extend(to.iter().map(|p| p.span.clone()));
        last.to_place = to;
    }
}

/// Gives the incident told of last, when it has no day yet, the day of a sentence that names it
/// without a figure ("… as many as 600 … The mass deportation took place on October 9").
fn date_the_last(incidents: &mut [ProposedIncident], dates: &[DateMention]) {
    let (Some(last), Some(date)) = (incidents.last_mut(), dates.first()) else { return };
    if last.date.range().is_none() {
        last.date = date.date.clone();
        last.phrases.push(date.span.clone());
    }
}

/// Adds an incident, or folds it into one already proposed for the same figure and days (a
/// headline and its body).
fn add_incident(text: &str, incidents: &mut Vec<ProposedIncident>, incident: ProposedIncident) {
    // The headline's figure, without a day, is the one a body sentence that also uses its word
    // tells with its day ("5명 … 구금" above "붙잡혀 구금된", taken for an arrest).
    let headline_of = |a: &ProposedIncident, b: &ProposedIncident| {
        let sentence = text.get(b.evidence.clone()).unwrap_or("").to_lowercase();
        a.evidence.start == 0 && a.date.range().is_none() && says_kind(&sentence, a.kind)
    };
    let same = incidents.iter_mut().find(|known| {
        (known.kind == incident.kind || headline_of(known, &incident) || headline_of(&incident, known))
            && close_figures(&known.people, &incident.people)
            && days_agree(&known.date, &incident.date)
    });
    match same {
        Some(known) => {
            if better(&incident, known) {
                let is_total = known.is_total || incident.is_total;
                *known = ProposedIncident { is_total, ..incident };
            }
        }
        None => incidents.push(incident),
    }
}

/// Whether a sentence (lowercase) uses one of the words of an incident of `kind`.
fn says_kind(lower: &str, kind: IncidentKind) -> bool {
    INCIDENT_WORDS
        .iter()
        .filter(|(k, _)| *k == kind)
        .any(|(_, words)| words.iter().any(|w| lower.contains(w)))
}

/// Whether two figures are the same one, said differently ("nearly 100" and "at least 95").
pub(super) fn close_figures(a: &CountEstimate, b: &CountEstimate) -> bool {
    let value = |c: &CountEstimate| f64::from(c.best.or(c.low).or(c.high).unwrap_or(0));
    let (a, b) = (value(a), value(b));
    a > 0.0 && (a - b).abs() <= a.max(b) * 0.1
}

/// Whether two dates may be the same days: overlapping, or one not known.
fn days_agree(a: &DateSpec, b: &DateSpec) -> bool {
    a.range().is_none() || b.range().is_none() || share_a_day(a, b)
}

/// Whether two dates, both known, share a day.
pub(super) fn share_a_day(a: &DateSpec, b: &DateSpec) -> bool {
    match (a.range(), b.range()) {
        (Some((a1, a2)), Some((b1, b2))) => a1 <= b2 && b1 <= a2,
        _ => false,
    }
}

/// Whether `new` says more than `known`: narrower days, or a date where it had none, places
/// where it had none.
fn better(new: &ProposedIncident, known: &ProposedIncident) -> bool {
    let days = |i: &ProposedIncident| i.date.range().map(|(first, last)| (last - first).get_days());
    if let (Some(new_days), Some(known_days)) = (days(new), days(known))
        && new_days != known_days
    {
        return new_days < known_days;
    }
    let score = |i: &ProposedIncident| {
        usize::from(i.date.range().is_some()) * 2
            + usize::from(i.from_place.is_some())
            + usize::from(i.to_place.is_some())
            + usize::from(i.is_total)
    };
    // As much said in both: the longer sentence, the body's rather than the headline's.
    (score(new), new.evidence.len()) > (score(known), known.evidence.len())
}

/// Makes the incidents whose days fall within a total's days, and whose figure is smaller, its
/// legs.
fn tie_legs(incidents: &mut [ProposedIncident]) {
    let figure = |i: &ProposedIncident| i.people.best.or(i.people.low);
    for parent in 0..incidents.len() {
        if !incidents[parent].is_total {
            continue;
        }
        let span = incidents[parent].date.range();
        let total = figure(&incidents[parent]).unwrap_or(u32::MAX);
        for (index, leg) in incidents.iter_mut().enumerate() {
            let fits = match (span, leg.date.range()) {
                (Some((from, to)), Some((first, last))) => from <= first && last <= to,
                _ => false,
            };
            let smaller = figure(leg).is_some_and(|n| n < total);
            if index != parent && fits && smaller && leg.parent.is_none() && !leg.is_total {
                leg.parent = Some(parent);
            }
        }
    }
}

/// Adds a rally, or folds it into one already proposed for the same days and place (a caption
/// and its story).
fn add_rally(rallies: &mut Vec<ProposedRally>, rally: ProposedRally) {
    let same = rallies.iter_mut().find(|known| {
        days_agree(&known.date, &rally.date)
            && match (&known.place, &rally.place) {
                (Some(a), Some(b)) => places_agree(a, b),
                _ => true,
            }
    });
    let Some(known) = same else {
        rallies.push(rally);
        return;
    };
    if known.date.range().is_none() && rally.date.range().is_some() {
        known.date = rally.date.clone();
    }
    let narrower = match (&known.place, &rally.place) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => !a.is_venue() && b.is_venue(),
        _ => false,
    };
    if narrower {
        known.place.clone_from(&rally.place);
    }
    if known.attendance.is_none() {
        known.attendance.clone_from(&rally.attendance);
    }
    for kind in rally.kinds {
        if !known.kinds.contains(&kind) {
            known.kinds.push(kind);
        }
    }
    for organizer in rally.organizers {
        if !known.organizers.iter().any(|o| o.organization.name == organizer.organization.name) {
            known.organizers.push(organizer);
        }
    }
}

/// Whether two places named for one rally may be the same: the same place, or one in the other
/// (the consulate in Busan, and Busan).
fn places_agree(a: &PlaceMention, b: &PlaceMention) -> bool {
    let inside = |small: &PlaceMention, large: &PlaceMention| {
        let name = &large.place.name;
        small.place.city.eq_ignore_ascii_case(name) || small.place.province.eq_ignore_ascii_case(name)
    };
    a.place.name == b.place.name || inside(a, b) || inside(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(sentence: &str) -> String {
        said_of(sentence, true)
    }

    fn said_of(sentence: &str, dated: bool) -> String {
        match what_happened(&sentence.to_lowercase(), 1, dated) {
            Happened::Incident(kind) => kind.name().to_owned(),
            Happened::Rally(kinds) => kinds.iter().map(|k| k.name()).collect::<Vec<_>>().join(" and "),
            Happened::Nothing => "nothing".to_owned(),
        }
    }

    #[test]
    fn a_sentence_says_what_happened_or_nothing() {
        for (sentence, said) in [
            ("Members came together at Dag Hammarskjold Plaza on Nov. 14.", "rally"),
            (
                "Several lawyers hosted a rally and a press conference near the embassy.",
                "rally and press conference",
            ),
            ("Some 30 defectors were sent back from Dandong on Nov. 20, 2023.", "forced repatriation"),
            ("Activists urged China not to repatriate seven North Koreans who were detained.", "detention"),
            ("They rallied, urging Beijing to stop sending escapees back.", "rally"),
            (
                "In January 2024, 108 workers who had protested over wages in Helong were repatriated.",
                "forced repatriation",
            ),
            ("Organizers said they plan to hold a larger rally next month.", "nothing"),
            ("This protest occurred during Mr. Xi's visit.", "nothing"),
            ("탈북민 200명은 17일 중국대사관 앞에서 집회를 열고 강제북송 중단을 촉구했다.", "rally"),
            ("중국이 지난 9일 탈북민 600여 명을 강제북송했다.", "forced repatriation"),
            ("단체는 강제북송을 즉각 중단하라고 촉구했다.", "nothing"),
            ("김씨는 20일 중국대사관 앞에서 1인 시위를 벌였다.", "one-person protest"),
            (
                "The activists said over 2,000 North Korean defectors are being held in Chinese detention centers and \
                 facing severe punishment if they return to the North.",
                "detention",
            ),
        ] {
            assert_eq!(kind_of(sentence), said, "{sentence}");
        }
    }

    #[test]
    fn a_return_feared_is_nothing_and_an_arrest_beside_it_is_one_on_its_day() {
        let arrested = "중국 공안이 지난달 28일 선양에서 탈북민 7명을 체포했다…강제북송 우려";
        assert_eq!(said_of(arrested, true), "arrest");
        assert_eq!(
            said_of("中 선양서 탈북민 7명 체포…강제북송 우려", false),
            "nothing",
            "undated: the fear's background"
        );
        assert_eq!(
            said_of("Activists fear that the 50 detained in Shenyang could be sent back.", false),
            "nothing"
        );
        assert_eq!(said_of("단체들은 탈북민들이 북송될 수 있다고 우려했다.", true), "nothing");
    }
}
