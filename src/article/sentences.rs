//! Splitting an article into sentences, in English and Korean, each as a byte range of the text:
//! at a full stop, question or exclamation mark followed by a space and a capital, a digit, a
//! quote or Hangul, and at every line break; never after "Nov.", "Mr.", "U.S." or an initial.

use std::ops::Range;

/// Words that end with a full stop without ending the sentence (lowercase, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "jr", "sr", "no", "vs", "etc",
    "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
    "u.n", "u.k", "n", "s", "e", "w", "inc", "co", "corp", "ltd", "p.m", "a.m", "dept", "est",
];

/// The sentences of `text`, in order, each trimmed, none empty.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start..line_start + line.len(), &mut found);
        line_start += line.len();
    }
    found
}

fn split_line(text: &str, line: Range<usize>, found: &mut Vec<Range<usize>>) {
    let mut start = line.start;
    for (at, c) in text[line.clone()].char_indices() {
        let at = line.start + at;
        if !matches!(c, '.' | '!' | '?' | '。') {
            continue;
        }
        let after = at + c.len_utf8();
        let next = text[after..line.end].chars().next();
        let then = text[after..line.end].trim_start().chars().next();
        let spaced = next.is_some_and(char::is_whitespace);
        let opens = then
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_hangul(c) || "\"“‘'(".contains(c));
        if spaced && opens && !after_abbreviation(text, start, at) {
            push_trimmed(text, start..after, found);
            start = after;
        }
    }
    push_trimmed(text, start..line.end, found);
}

/// Whether the full stop at `at` ends an abbreviation or an initial rather than a sentence.
fn after_abbreviation(text: &str, start: usize, at: usize) -> bool {
    let before = &text[start..at];
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let word = word.trim_start_matches(['"', '“', '‘']).to_lowercase();
    ABBREVIATIONS.contains(&word.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
}

fn push_trimmed(text: &str, range: Range<usize>, found: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.end - (piece.len() - piece.trim_end().len());
    if start < end {
        found.push(start..end);
    }
}

/// Whether `c` is a Hangul syllable or letter.
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|range| &text[range]).collect()
    }

    #[test]
    fn sentences_end_at_stops_but_not_after_abbreviations() {
        let text = "Some 30 were sent back on Nov. 20, 2023. Another 10 followed. The U.S. said so.\n\
                    Mr. Kim spoke. 중국이 탈북민 30명을 북송했다. 단체는 밝혔다.";
        assert_eq!(
            split(text),
            [
                "Some 30 were sent back on Nov. 20, 2023.",
                "Another 10 followed.",
                "The U.S. said so.",
                "Mr. Kim spoke.",
                "중국이 탈북민 30명을 북송했다.",
                "단체는 밝혔다.",
            ]
        );
    }

    #[test]
    fn lines_are_sentences_and_empty_ones_are_dropped() {
        assert_eq!(split("A headline\n\n  Body text here  \n"), ["A headline", "Body text here"]);
        assert!(split("").is_empty());
        assert_eq!(split("N.K. rights groups hold rally"), ["N.K. rights groups hold rally"]);
    }
}
