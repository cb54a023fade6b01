//! Whether a file that does not read looks cut off: an interrupted copy, download or sync stops
//! a file anywhere, and the parser then only says what it expected at the end ("Expected end of
//! string"). A researcher needs to hear that the file is incomplete, where it stops, and where
//! the last good version may be.

/// Where a cut file stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CutInside {
    /// In the middle of a text (a quoted string), which starts at this line.
    Text {
        /// The line the unfinished text starts on, from 1.
        from_line: usize,
    },
    /// Inside a record or list left open: `depth` brackets are never closed.
    Record {
        /// How many brackets are left open.
        depth: usize,
    },
}

/// How a file that does not parse stops, when it looks cut off: the text ends inside a string,
/// or with brackets left open. `None` for a file whose brackets and strings all close (its
/// problem is elsewhere).
pub fn cut_off(text: &str) -> Option<CutInside> {
    // Cut within the first line the app writes: "#![enable(implicit_some)]".
    let start = text.trim();
    if !start.is_empty() && "#![enable(implicit_some)]".starts_with(start) {
        return Some(CutInside::Record { depth: 0 });
    }
    let mut depth: usize = 0;
    let mut chars = text.char_indices().peekable();
    let mut line = 1;
    while let Some((_, c)) = chars.next() {
        match c {
            '\n' => line += 1,
            '/' if chars.peek().is_some_and(|(_, next)| *next == '/') => {
                // A comment runs to the end of its line.
                for (_, skipped) in chars.by_ref() {
                    if skipped == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
            'r' if chars.peek().is_some_and(|(_, next)| matches!(next, '#' | '"')) => {
                let from_line = line;
                let mut hashes = 0;
                while chars.next_if(|(_, next)| *next == '#').is_some() {
                    hashes += 1;
                }
                if chars.next_if(|(_, next)| *next == '"').is_none() {
                    continue;
                }
                if !raw_string_closes(&mut chars, hashes, &mut line) {
                    return Some(CutInside::Text { from_line });
                }
            }
            '"' => {
                let from_line = line;
                if !string_closes(&mut chars, &mut line) {
                    return Some(CutInside::Text { from_line });
                }
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (depth > 0).then_some(CutInside::Record { depth })
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

/// Reads a quoted string to its closing quote; `false` when the text ends first.
fn string_closes(chars: &mut Chars<'_>, line: &mut usize) -> bool {
    while let Some((_, c)) = chars.next() {
        match c {
            // An escape takes the next character, which may be a line break.
            '\\' => *line += usize::from(matches!(chars.next(), Some((_, '\n')))),
            '"' => return true,
            '\n' => *line += 1,
            _ => {}
        }
    }
    false
}

/// Reads a raw string (`r#"…"#`) to its closing quote and hashes; `false` when the text ends
/// first.
fn raw_string_closes(chars: &mut Chars<'_>, hashes: usize, line: &mut usize) -> bool {
    while let Some((_, c)) = chars.next() {
        if c == '\n' {
            *line += 1;
        }
        if c == '"' {
            let mut closing = 0;
            while closing < hashes && chars.next_if(|(_, next)| *next == '#').is_some() {
                closing += 1;
            }
            if closing == hashes {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SAMPLE_RON;

    #[test]
    fn a_whole_file_is_not_cut() {
        assert_eq!(cut_off(SAMPLE_RON), None);
    }

    #[test]
    fn the_sample_cut_anywhere_is_seen_to_be_cut() {
        // Every place a cut can fall, a character at a time through the first records and
        // then a line at a time, says where the file stops.
        let ends: Vec<usize> = SAMPLE_RON.char_indices().map(|(at, _)| at).filter(|at| *at > 0).collect();
        for &end in ends.iter().take(4000).chain(ends.iter().step_by(97)) {
            let cut = &SAMPLE_RON[..end];
            if cut.trim_end().is_empty() || cut.trim_end() == SAMPLE_RON.trim_end() {
                continue;
            }
            assert!(cut_off(cut).is_some(), "cut at byte {end}: {:?}", &cut[cut.len().saturating_sub(40)..]);
        }
    }

    #[test]
    fn a_cut_inside_a_text_names_the_line_the_text_starts_on() {
        let text = "(\n  format: \"repatriation-watch\",\n  incidents: [(title: \"Some 30 sent";
        assert_eq!(cut_off(text), Some(CutInside::Text { from_line: 3 }));
        let raw = "(\n  notes: r#\"a \"quoted\" word";
        assert_eq!(cut_off(raw), Some(CutInside::Text { from_line: 2 }));
    }

    #[test]
    fn a_cut_between_fields_leaves_records_open() {
        let text = "(\n  format: \"repatriation-watch\",\n  incidents: [(id: \"a\"),";
        assert_eq!(cut_off(text), Some(CutInside::Record { depth: 2 }));
    }

    #[test]
    fn brackets_and_escapes_inside_texts_do_not_count() {
        assert_eq!(cut_off(r#"(title: "a ( [ { \" still text")"#), None);
        assert_eq!(cut_off("(title: r#\"a ) \"# , notes: \"x\") // a comment ("), None);
    }
}
