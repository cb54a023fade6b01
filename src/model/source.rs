//! Sources: where each fact came from.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::choice::choice_enum;
use super::{DateSpec, Id};

choice_enum! {
    /// What kind of document a source is.
    pub enum SourceKind {
        /// A news article.
        #[default]
        NewsArticle => "news article",
        /// A statement by a non-governmental organization.
        NgoStatement => "NGO statement",
        /// A press release.
        PressRelease => "press release",
        /// A statement by a government or one of its bodies.
        GovernmentStatement => "government statement",
        /// A United Nations document.
        UnDocument => "UN document",
        /// Testimony of a witness or survivor.
        Testimony => "testimony",
        /// A post on social media.
        SocialMedia => "social media",
        /// Anything else.
        Other => "other",
    }
}

choice_enum! {
    /// How reliable the source is, on the Admiralty scale (A–F).
    pub enum Reliability {
        /// Completely reliable.
        A => "A",
        /// Usually reliable.
        B => "B",
        /// Fairly reliable.
        C => "C",
        /// Not usually reliable.
        D => "D",
        /// Unreliable.
        E => "E",
        /// Reliability cannot be judged.
        F => "F",
        /// Not graded yet.
        #[default]
        Unknown => "unknown",
    }
}

/// A document that reports incidents or rallies: an article, a statement, testimony.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable identifier.
    pub id: Id,
    /// What kind of document this is.
    #[serde(default)]
    pub kind: SourceKind,
    /// The headline or title, as published.
    #[serde(default)]
    pub title: String,
    /// The outlet or publisher ("Yonhap", "Voice of America").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outlet: String,
    /// The author or authors, as credited.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// The language of the document, as a BCP-47 tag ("en", "ko", "zh").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// Where the document can be found.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// When it was published, as precisely as known.
    #[serde(default)]
    pub published: DateSpec,
    /// The day it was read or saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<Date>,
    /// A copy in a web archive.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub archive_url: String,
    /// How reliable the source is.
    #[serde(default)]
    pub reliability: Reliability,
    /// The passage that matters most, in the original language.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key_quote: String,
    /// Anything else worth knowing about the source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Whether the record is confidential: left out of every copy shared (`share`).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub confidential: bool,
    /// Whether its personal details (its author, URL and notes) are confidential: withheld from copies shared.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub confidential_details: bool,
    /// When the record was created.
    #[serde(default)]
    pub created: Timestamp,
    /// When the record was last changed.
    #[serde(default)]
    pub updated: Timestamp,
}
