//! The article reader: from the text of a news article or an NGO statement, in English or
//! Korean, to the source it is and the incidents and rallies it reports, each with the sentence
//! it came from and the phrases used. Pure: it proposes, and nothing is added to a dataset until
//! the user accepts it.
//!
//! The text is split into sentences (`sentences.rs`); each sentence's dates and figures are
//! found by trying the phrase parsers the forms use on the words that can start one, its places
//! by their names in the dataset and the bundled gazetteer (`places.rs`, `gazetteer.rs`), and
//! what happened by its verbs (`propose.rs`). The first lines give the source (`source.rs`).

pub mod gazetteer;
pub mod html;
pub mod known;
pub mod mentions;
pub mod names;
pub mod organizations;
pub mod places;
pub mod propose;
pub mod records;
pub mod sentences;
pub mod source;

use jiff::civil::Date;

pub use self::gazetteer::Gazetteer;
pub use self::html::article_text;
pub use self::organizations::OrganizationMention;
pub use self::places::PlaceMention;
pub use self::propose::{ProposedIncident, ProposedRally};
pub use self::records::{Accepted, Plan, entered_source, records_of};
use crate::model::{Dataset, Source};

/// The longest article read, in bytes; past it the text is cut at a sentence.
pub const MOST_BYTES: usize = 2 * 1024 * 1024;

/// What an article reports, as proposals for the user to review.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// The text read (cut to [`MOST_BYTES`]); the proposals' ranges point into it.
    pub text: String,
    /// The source the article is.
    pub source: Source,
    /// The incidents it reports.
    pub incidents: Vec<ProposedIncident>,
    /// The rallies it reports.
    pub rallies: Vec<ProposedRally>,
    /// Whether the article was longer than [`MOST_BYTES`], and only its beginning was read.
    pub cut: bool,
}

/// Reads `text`, published on `published` when known (relative dates wait for it), finding places
/// by the names the dataset and the gazetteer give them.
pub fn read(text: &str, published: Option<Date>, dataset: &Dataset, gazetteer: &Gazetteer) -> Reading {
    let was_cut = text.len() > MOST_BYTES;
    let text = cut(text).replace('\r', "");
    let sentences = sentences::sentences(&text);
    let source = source::propose_source(&text, &sentences, published);
    let published = published.or(source.published.earliest);
    let places = places::Places::new(dataset, gazetteer);
    let organizations = organizations::Organizations::new(dataset, gazetteer.organizations());
    let (mut incidents, mut rallies) =
        propose::propose(&text, &sentences, published, (&places, &organizations));
    known::find_known(&mut incidents, &mut rallies, dataset);
    Reading { text, source, incidents, rallies, cut: was_cut }
}

/// The text up to [`MOST_BYTES`], ending at a character boundary.
fn cut(text: &str) -> &str {
    if text.len() <= MOST_BYTES {
        return text;
    }
    let mut end = MOST_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}
