//! Phrase parsers: turn what a source wrote ("at least 95", "end of November 2023") into
//! estimates and dates, keeping the words.
//!
//! What cannot be understood is kept as words with an unknown value, never guessed.

mod count;
mod date;
mod words;

pub use count::parse_count;
pub use date::parse_date;
