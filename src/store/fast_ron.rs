//! A fast reader for the RON the app writes: pretty, no struct names, optional values bare,
//! strings plain or raw. It reads about three times as fast as the `ron` crate, tells how far
//! it has got, and stops when asked. Anything it does not know (comments, escapes it has not
//! met, other number forms) makes it give up, and the `ron` crate reads the file instead, with
//! its exact messages; so a file either reads the same both ways or only through `ron`.

use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::progress::Progress;

/// Why the fast reader gave up; never shown (the `ron` crate reads the file then).
#[derive(Debug)]
pub struct GaveUp(String);

impl fmt::Display for GaveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GaveUp {}

impl de::Error for GaveUp {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self(message.to_string())
    }
}

type Result<T> = std::result::Result<T, GaveUp>;

/// Nesting deeper than this gives up (the `ron` crate then refuses it with its message).
const DEPTH_LIMIT: usize = 64;

/// Reads a `T` from the whole of `text`, telling `progress` how many bytes it has read.
pub fn from_str<T: de::DeserializeOwned>(text: &str, progress: Option<&Progress>) -> Result<T> {
    Reader::new(Cow::Borrowed(text), None, progress).read_whole()
}

/// Reads a `T` from `source` a piece at a time, so that only a few megabytes of its text are
/// held at once, telling `progress` how many bytes it has read.
pub fn from_reader<T: de::DeserializeOwned>(source: impl Read, progress: Option<&Progress>) -> Result<T> {
    from_reader_in_pieces(source, progress, KEPT_AHEAD)
}

/// [`from_reader`], keeping at least `kept_ahead` bytes ahead, and reading twice that at a time.
pub(super) fn from_reader_in_pieces<T: de::DeserializeOwned>(
    source: impl Read,
    progress: Option<&Progress>,
    kept_ahead: usize,
) -> Result<T> {
    let source = Source { read: Box::new(source), unfinished: Vec::new(), ended: false, kept_ahead };
    Reader::new(Cow::Owned(String::new()), Some(source), progress).read_whole()
}

/// [`from_reader`], with a second reader taking over a list at `handover`; also says whether it
/// did (then that list holds only the records before it, and the second reader has the rest).
// Only the two readers of `split_read` (on unix) use it.
#[cfg_attr(not(unix), allow(dead_code))]
pub(super) fn from_reader_handing_over<T: de::DeserializeOwned>(
    source: impl Read + Send,
    progress: Option<&Progress>,
    handover: Handover<'_>,
) -> Result<(T, bool)> {
    let source =
        Source { read: Box::new(source), unfinished: Vec::new(), ended: false, kept_ahead: KEPT_AHEAD };
    let mut reader = Reader::new(Cow::Owned(String::new()), Some(source), progress);
    reader.handover = Some(handover);
    reader.top_up()?;
    reader.skip_attributes()?;
    let value = T::deserialize(&mut reader)?;
    let handed_over = reader.handed_over;
    reader.finish()?;
    Ok((value, handed_over))
}

/// The second reader: `source` is a file from byte `at` of its whole text, the start of a record
/// of one of the dataset's lists; reads the records from there to the list's end, and says
/// where that end (its `]`) is. Looks at `progress` only for Cancel.
// Only the two readers of `split_read` (on unix) use it.
#[cfg_attr(not(unix), allow(dead_code))]
pub(super) fn rest_of_list<T: de::DeserializeOwned>(
    source: impl Read,
    at: usize,
    progress: Option<&Progress>,
) -> Result<(Vec<T>, usize)> {
    let source =
        Source { read: Box::new(source), unfinished: Vec::new(), ended: false, kept_ahead: KEPT_AHEAD };
    let mut reader = Reader::new(Cow::Owned(String::new()), Some(source), progress);
    (reader.dropped, reader.depth, reader.quiet) = (at, 2, true);
    reader.rest_of_list()
}

/// Whether `text` starts with a whole record of type `T` (as an element of a list).
// Only the two readers of `split_read` (on unix) use it.
#[cfg_attr(not(unix), allow(dead_code))]
pub(super) fn starts_with_record<T: de::DeserializeOwned>(text: &str) -> bool {
    let mut reader = Reader::new(Cow::Borrowed(text), None, None);
    reader.depth = 2;
    T::deserialize(&mut reader).is_ok() && reader.separator(b']').is_ok()
}

/// The text of a streamed file still to be read.
struct Source<'s> {
    read: Box<dyn Read + 's>,
    /// The bytes of a character cut at the end of the last piece read.
    unfinished: Vec<u8>,
    ended: bool,
    /// How many bytes of text are kept ahead of where the reading is; a record longer than this
    /// makes the reader give up (and the `ron` crate reads the file).
    kept_ahead: usize,
}

/// How many bytes of text a streamed reader keeps ahead of where it reads.
pub(super) const KEPT_AHEAD: usize = 8 << 20;

/// Where a second reader, on another thread, takes over one of the dataset's lists: from the
/// record starting at byte `at` of the whole text to the list's end.
pub(super) struct Handover<'h> {
    /// The dataset's field holding the list.
    pub list: &'static str,
    /// Where the record the second reader starts at begins.
    pub at: usize,
    /// Waits for the second reader: where its list ends (at its `]`), or `None` when it gave up
    /// (this reader then reads the rest itself).
    pub ended: Box<dyn FnMut() -> Option<usize> + 'h>,
}

struct Reader<'a, 'p> {
    /// The text being read: all of it, or a window of a streamed file.
    buffer: Cow<'a, str>,
    /// Where in the buffer the reading is.
    at: usize,
    /// How many bytes of a streamed file were dropped from the front of the buffer.
    dropped: usize,
    source: Option<Source<'a>>,
    depth: usize,
    progress: Option<&'p Progress>,
    /// Only looks at Cancel, telling the progress nothing (a second reader's progress is not
    /// the file's).
    quiet: bool,
    next_report: usize,
    handover: Option<Handover<'a>>,
    /// Whether the dataset's field being read is the handover's list.
    in_handover_list: bool,
    /// Whether the second reader took over (the list read holds only the records before it).
    handed_over: bool,
}

/// How often, in bytes, the progress is told and Cancel looked at.
const REPORT_EVERY: usize = 1 << 20;

impl<'a, 'p> Reader<'a, 'p> {
    fn new(buffer: Cow<'a, str>, source: Option<Source<'a>>, progress: Option<&'p Progress>) -> Self {
        Self {
            buffer,
            at: 0,
            dropped: 0,
            source,
            depth: 0,
            progress,
            quiet: false,
            next_report: 0,
            handover: None,
            in_handover_list: false,
            handed_over: false,
        }
    }

    fn read_whole<T: de::DeserializeOwned>(mut self) -> Result<T> {
        self.top_up()?;
        self.skip_attributes()?;
        let value = T::deserialize(&mut self)?;
        self.finish()?;
        Ok(value)
    }

    /// After the dataset: nothing but blanks to the end.
    fn finish(&mut self) -> Result<()> {
        self.top_up()?;
        self.skip_blank()?;
        let ended = self.source.as_ref().is_none_or(|source| source.ended);
        if ended && self.at == self.bytes().len() { Ok(()) } else { self.give_up("text after the dataset") }
    }

    fn bytes(&self) -> &[u8] {
        self.buffer.as_bytes()
    }

    fn text(&self) -> &str {
        &self.buffer
    }

    /// How far into the whole text the reading is.
    fn position(&self) -> usize {
        self.dropped + self.at
    }

    /// Reads more of a streamed file when less than its `kept_ahead` bytes are left, dropping
    /// what was read. Gives up on text that is not UTF-8 (the `ron` crate says where).
    fn top_up(&mut self) -> Result<()> {
        let Some(source) = self.source.as_mut().filter(|source| !source.ended) else { return Ok(()) };
        if self.buffer.len() - self.at >= source.kept_ahead {
            return Ok(());
        }
        let mut piece = std::mem::take(&mut source.unfinished);
        let wanted = piece.len() + 2 * source.kept_ahead;
        while piece.len() < wanted {
            let read = (&mut source.read).take((wanted - piece.len()) as u64).read_to_end(&mut piece);
            match read {
                Ok(0) => {
                    source.ended = true;
                    break;
                }
                Ok(_) => {}
                Err(error) => return Err(GaveUp(format!("the file could not be read: {error}"))),
            }
        }
        let valid = match std::str::from_utf8(&piece) {
            Ok(text) => text,
            // A character cut at the end of the piece is finished by the next one.
            Err(error) if error.error_len().is_none() && !source.ended => {
                source.unfinished = piece[error.valid_up_to()..].to_vec();
                std::str::from_utf8(&piece[..error.valid_up_to()]).unwrap_or_default()
            }
            Err(_) => return Err(GaveUp("text that is not UTF-8".to_owned())),
        };
        let buffer = self.buffer.to_mut();
        buffer.drain(..self.at);
        buffer.push_str(valid);
        self.dropped += self.at;
        self.at = 0;
        Ok(())
    }

    fn give_up<T>(&self, what: &str) -> Result<T> {
        Err(GaveUp(format!("{what} at byte {}", self.position())))
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    /// Skips spaces and line breaks; gives up at a comment.
    fn skip_blank(&mut self) -> Result<()> {
        while let Some(byte) = self.peek() {
            match byte {
                b' ' | b'\n' | b'\r' | b'\t' => self.at += 1,
                b'/' => return self.give_up("a comment"),
                _ => break,
            }
        }
        Ok(())
    }

    /// Skips the `#![enable(implicit_some)]` lines at the start: the one extension the app
    /// writes, and the way this reader reads optional values anyway. Any other attribute (another
    /// extension, a misspelt one) is the `ron` crate's to read or refuse.
    fn skip_attributes(&mut self) -> Result<()> {
        loop {
            self.skip_blank()?;
            if !self.bytes()[self.at..].starts_with(b"#![") {
                return Ok(());
            }
            match self.bytes()[self.at..].iter().position(|&b| b == b'\n') {
                Some(end)
                    if self.text()[self.at..self.at + end].trim_end() == "#![enable(implicit_some)]" =>
                {
                    self.at += end + 1;
                }
                _ => return self.give_up("an attribute"),
            }
        }
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        self.skip_blank()?;
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            self.give_up(&format!("no `{}`", byte as char))
        }
    }

    /// Consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> Result<bool> {
        self.skip_blank()?;
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        Ok(found)
    }

    /// Where the name that comes next lies in the buffer.
    fn identifier(&mut self) -> Result<Range<usize>> {
        self.skip_blank()?;
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            self.at += 1;
        }
        let first = self.bytes().get(start).copied();
        if self.at == start || first.is_some_and(|b| b.is_ascii_digit()) {
            return self.give_up("no name");
        }
        Ok(start..self.at)
    }

    /// Whether the identifier `word` comes next (and not a longer one).
    fn at_word(&self, word: &str) -> bool {
        let rest = &self.bytes()[self.at..];
        rest.starts_with(word.as_bytes())
            && !rest.get(word.len()).is_some_and(|b| b.is_ascii_alphanumeric() || b == &b'_')
    }

    fn string(&mut self) -> Result<String> {
        self.skip_blank()?;
        match self.peek() {
            Some(b'"') => self.plain_string(),
            Some(b'r') => self.raw_string(),
            _ => self.give_up("no string"),
        }
    }

    fn plain_string(&mut self) -> Result<String> {
        self.at += 1;
        let start = self.at;
        let Some(length) = memchr::memchr2(b'"', b'\\', &self.bytes()[start..]) else {
            return self.give_up("an unended string");
        };
        self.at += length;
        let mut value = self.text()[start..self.at].to_owned();
        while self.peek() == Some(b'\\') {
            self.at += 1;
            value.push(self.escape()?);
            let from = self.at;
            let Some(length) = memchr::memchr2(b'"', b'\\', &self.bytes()[from..]) else {
                return self.give_up("an unended string");
            };
            self.at += length;
            value.push_str(&self.text()[from..self.at]);
        }
        self.at += 1;
        Ok(value)
    }

    fn escape(&mut self) -> Result<char> {
        let Some(byte) = self.peek() else { return self.give_up("an unended escape") };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'\'' => '\'',
            b'n' => '\n',
            b't' => '\t',
            b'r' => '\r',
            b'0' => '\0',
            b'u' if self.peek() == Some(b'{') => {
                let end = self.bytes()[self.at..].iter().position(|&b| b == b'}');
                let Some(end) = end else { return self.give_up("an unended escape") };
                let digits = &self.text()[self.at + 1..self.at + end];
                let code = u32::from_str_radix(digits, 16).ok().and_then(char::from_u32);
                self.at += end + 1;
                match code {
                    Some(c) => c,
                    None => return self.give_up("an unknown escape"),
                }
            }
            _ => return self.give_up("an unknown escape"),
        })
    }

    fn raw_string(&mut self) -> Result<String> {
        self.at += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.at += 1;
        }
        if self.peek() != Some(b'"') {
            return self.give_up("no raw string");
        }
        self.at += 1;
        let closing = format!("\"{}", "#".repeat(hashes));
        let Some(length) = self.text()[self.at..].find(&closing) else {
            return self.give_up("an unended raw string");
        };
        let value = self.text()[self.at..self.at + length].to_owned();
        self.at += length + closing.len();
        Ok(value)
    }

    /// Where the text of a number lies: digits with an optional sign, point and exponent.
    fn number(&mut self) -> Result<Range<usize>> {
        self.skip_blank()?;
        let start = self.at;
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.at += 1;
        }
        while self.peek().is_some_and(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        {
            self.at += 1;
        }
        if self.at == start {
            return self.give_up("no number");
        }
        Ok(start..self.at)
    }

    fn integer<T: std::str::FromStr>(&mut self) -> Result<T> {
        let range = self.number()?;
        let text = &self.text()[range];
        // Leading `+`, `_` separators, hexadecimal and the like are left to the `ron` crate.
        if text.starts_with('+') || text.contains(['.', 'e', 'E']) {
            return self.give_up("an unusual integer");
        }
        match text.parse() {
            Ok(value) => Ok(value),
            Err(_) => self.give_up("an integer out of range"),
        }
    }

    fn float(&mut self) -> Result<f64> {
        let range = self.number()?;
        let text = &self.text()[range];
        if text.starts_with('+') || text.starts_with('.') || text.ends_with('.') {
            return self.give_up("an unusual number");
        }
        match text.parse() {
            Ok(value) => Ok(value),
            Err(_) => self.give_up("an unusual number"),
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > DEPTH_LIMIT { self.give_up("nesting too deep") } else { Ok(()) }
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Tells the progress how far the reading has got, and gives up when it was cancelled.
    fn report(&mut self) -> Result<()> {
        if self.position() < self.next_report {
            return Ok(());
        }
        self.next_report = self.position() + REPORT_EVERY;
        match self.progress {
            Some(progress) if progress.is_cancelled() => self.give_up("cancelled"),
            Some(_) if self.quiet => Ok(()),
            Some(progress) => {
                progress.set_done(self.position() as u64);
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// At the start of a record of one of the dataset's lists: whether the second reader takes
    /// over here, having read the rest of the list (then the reading goes on at its end).
    fn hand_over(&mut self) -> Result<bool> {
        if self.depth != 2 || !self.in_handover_list {
            return Ok(false);
        }
        let Some(handover) = self.handover.as_mut().filter(|handover| handover.at == self.dropped + self.at)
        else {
            return Ok(false);
        };
        let ended = (handover.ended)();
        self.handover = None;
        match ended {
            Some(end) => {
                self.skip_to(end)?;
                self.handed_over = true;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Goes on reading at byte `position` of the whole text, ahead of where the reading is.
    fn skip_to(&mut self, position: usize) -> Result<()> {
        let Some(in_buffer) = position.checked_sub(self.dropped).filter(|&at| at >= self.at) else {
            return self.give_up("a jump back");
        };
        if in_buffer <= self.buffer.len() {
            self.at = in_buffer;
            return self.top_up();
        }
        let Some(source) = self.source.as_mut() else { return self.give_up("a jump past the end") };
        // The buffer, and the bytes of a cut character after it, all come before `position`.
        let passed = self.buffer.len() + source.unfinished.len();
        let skipped = position - self.dropped - passed;
        source.unfinished.clear();
        self.buffer.to_mut().clear();
        self.dropped += passed;
        self.at = 0;
        let copied = std::io::copy(&mut (&mut source.read).take(skipped as u64), &mut std::io::sink());
        if copied.ok() != Some(skipped as u64) {
            return self.give_up("a file that changed while it was read");
        }
        self.dropped += skipped;
        self.top_up()
    }

    /// The records of a list from where the reading is (the start of one of them) to the list's
    /// end, and where that end (its `]`) is in the whole text.
    // Only the two readers of `split_read` (on unix) use it.
    #[cfg_attr(not(unix), allow(dead_code))]
    fn rest_of_list<T: de::DeserializeOwned>(&mut self) -> Result<(Vec<T>, usize)> {
        let mut records = Vec::new();
        loop {
            self.top_up()?;
            self.skip_blank()?;
            if self.peek() == Some(b']') {
                break;
            }
            records.push(T::deserialize(&mut *self)?);
            if !self.separator(b']')? {
                break;
            }
        }
        Ok((records, self.position()))
    }

    /// After an element of a list or a field: a comma, or the end.
    fn separator(&mut self, end: u8) -> Result<bool> {
        if self.eat(b',')? {
            return Ok(true);
        }
        self.skip_blank()?;
        if self.peek() == Some(end) { Ok(false) } else { self.give_up("no comma") }
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'_, '_> {
    type Error = GaveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_blank()?;
        match self.peek() {
            Some(b'"') => visitor.visit_string(self.string()?),
            Some(b'r') if matches!(self.bytes().get(self.at + 1), Some(b'"' | b'#')) => {
                visitor.visit_string(self.string()?)
            }
            Some(b'[') => self.deserialize_seq(visitor),
            Some(b'(') => self.deserialize_map(visitor),
            Some(b'-' | b'0'..=b'9') => {
                let range = self.number()?;
                let text = &self.text()[range];
                if text.contains(['.', 'e', 'E']) {
                    visitor.visit_f64(text.parse().map_err(|_| GaveUp("an unusual number".to_owned()))?)
                } else if text.starts_with('-') {
                    visitor.visit_i64(text.parse().map_err(|_| GaveUp("an unusual number".to_owned()))?)
                } else {
                    visitor.visit_u64(text.parse().map_err(|_| GaveUp("an unusual number".to_owned()))?)
                }
            }
            _ if self.at_word("true") || self.at_word("false") => self.deserialize_bool(visitor),
            _ => self.give_up("a value of unknown type"),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let range = self.identifier()?;
        match &self.text()[range] {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => self.give_up("no true or false"),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i8(self.integer()?)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i16(self.integer()?)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i32(self.integer()?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.integer()?)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u8(self.integer()?)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u16(self.integer()?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u32(self.integer()?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.integer()?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.float()?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        self.give_up("a character")
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_string(self.string()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_string(self.string()?)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        self.give_up("bytes")
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        self.give_up("bytes")
    }

    /// Optional values are written bare; `None` and `Some(…)` are read too.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_blank()?;
        if self.at_word("None") {
            self.at += 4;
            return visitor.visit_none();
        }
        if self.at_word("Some") {
            return self.give_up("Some(…)");
        }
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.expect(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    /// The model writes no newtypes (ids are transparent): one is left to `ron`, which knows
    /// whether it is written `Name(…)`, `(…)` or bare.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        self.give_up("a newtype")
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.enter()?;
        let value = visitor.visit_seq(Elements { reader: &mut *self, end: b']', first: true })?;
        self.leave();
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.enter()?;
        let value = visitor.visit_seq(Elements { reader: &mut *self, end: b')', first: true })?;
        self.leave();
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        self.give_up("a map")
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.skip_blank()?;
        if self.peek() != Some(b'(') {
            return self.give_up("a struct with its name");
        }
        self.at += 1;
        self.enter()?;
        let value = visitor.visit_map(Fields { reader: &mut *self, first: true })?;
        self.leave();
        self.expect(b')')?;
        self.report()?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(Variant { reader: self })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let range = self.identifier()?;
        visitor.visit_str(&self.text()[range])
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        self.give_up("a field not known")
    }
}

struct Elements<'r, 'a, 'p> {
    reader: &'r mut Reader<'a, 'p>,
    end: u8,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, '_, '_> {
    type Error = GaveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.first && !self.reader.separator(self.end)? {
            return Ok(None);
        }
        self.first = false;
        self.reader.top_up()?;
        self.reader.skip_blank()?;
        if self.reader.peek() == Some(self.end) || self.reader.hand_over()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

struct Fields<'r, 'a, 'p> {
    reader: &'r mut Reader<'a, 'p>,
    first: bool,
}

impl<'de> de::MapAccess<'de> for Fields<'_, '_, '_> {
    type Error = GaveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.first && !self.reader.separator(b')')? {
            return Ok(None);
        }
        self.first = false;
        self.reader.skip_blank()?;
        if self.reader.peek() == Some(b')') {
            return Ok(None);
        }
        let name = self.reader.identifier()?;
        if self.reader.depth == 1
            && let Some(handover) = &self.reader.handover
        {
            self.reader.in_handover_list = self.reader.text()[name.clone()] == *handover.list;
        }
        self.reader.expect(b':')?;
        seed.deserialize(self.reader.text()[name].into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.reader)
    }
}

struct Variant<'r, 'a, 'p> {
    reader: &'r mut Reader<'a, 'p>,
}

impl<'de> de::EnumAccess<'de> for Variant<'_, '_, '_> {
    type Error = GaveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.reader.identifier()?;
        let value = seed.deserialize(self.reader.text()[name].into_deserializer())?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, '_, '_> {
    type Error = GaveUp;

    fn unit_variant(self) -> Result<()> {
        self.reader.skip_blank()?;
        if self.reader.peek() == Some(b'(') { self.reader.give_up("a variant with values") } else { Ok(()) }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        self.reader.give_up("a variant with a value")
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        self.reader.give_up("a variant with values")
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        self.reader.give_up("a variant with fields")
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{from_reader_in_pieces, from_str};
    use crate::generate::{GenerateOptions, generate};
    use crate::model::{Dataset, Id, Incident, Place};
    use crate::store::{SAMPLE_RON, to_ron};

    fn by_ron(text: &str) -> Dataset {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .expect("ron reads it")
    }

    fn reads_the_same(text: &str) {
        let fast: Dataset = from_str(text, None).expect("the fast reader reads it");
        assert_eq!(fast, by_ron(text));
    }

    /// Read a few kilobytes at a time, so pieces end inside records, strings and Korean
    /// letters.
    fn streamed(text: &str) -> super::Result<Dataset> {
        from_reader_in_pieces(text.as_bytes(), None, 2500)
    }

    #[test]
    fn a_file_read_a_piece_at_a_time_reads_as_a_whole_one() {
        let text =
            to_ron(&generate(GenerateOptions { incidents: 200, rallies: 20, seed: 4 })).expect("writes");
        assert!(text.contains("합성"), "Korean letters to cut");
        assert_eq!(streamed(&text).expect("reads"), by_ron(&text));
        assert_eq!(streamed(SAMPLE_RON).expect("reads"), by_ron(SAMPLE_RON));
        // Notes all in Korean: most pieces end inside a letter of three bytes.
        let place = |n: usize| Place {
            id: Id::new(format!("pl-{n}")),
            notes: "단둥".repeat(300),
            ..Place::default()
        };
        let korean = Dataset { places: (0..20).map(place).collect(), ..Dataset::default() };
        let text = to_ron(&korean).expect("writes");
        assert_eq!(streamed(&text).expect("reads"), by_ron(&text));
    }

    /// Found by the fuzz target `fast_ron_vs_ron`: a misspelt extension (`implicit\x7fsome`)
    /// was skipped as if it were the app's own, where the `ron` crate refuses the file.
    #[test]
    fn only_the_apps_own_attribute_line_is_skipped() {
        let body = SAMPLE_RON.split_once('\n').map_or(SAMPLE_RON, |(_, body)| body);
        for line in
            ["#![enable(implicit\u{7f}some)]", "#![enable(unwrap_newtypes)]", "#![enable(implicit_some) ]x"]
        {
            let text = format!("{line}\n{body}");
            assert!(from_str::<Dataset>(&text, None).is_err(), "{line} is left to the ron crate");
            crate::store::fuzzing::fast_reader_agrees_with_ron(text.as_bytes());
        }
        assert!(from_str::<Dataset>(SAMPLE_RON, None).is_ok(), "the app's own line is skipped");
        let spaced = format!("#![enable(implicit_some)]  \r\n{body}");
        assert!(from_str::<Dataset>(&spaced, None).is_ok());
    }

    #[test]
    fn a_record_longer_than_the_text_kept_ahead_makes_the_streamed_reader_give_up() {
        let long = Dataset {
            places: vec![Place { id: Id::new("pl-long"), notes: "단둥 ".repeat(1000), ..Place::default() }],
            ..Dataset::default()
        };
        let text = to_ron(&long).expect("writes");
        assert!(streamed(&text).is_err(), "the `ron` crate reads it instead");
        assert_eq!(from_str::<Dataset>(&text, None).expect("reads whole"), long);
    }

    #[test]
    fn text_that_is_not_utf8_or_is_cut_makes_the_streamed_reader_give_up() {
        let text = to_ron(&generate(GenerateOptions { incidents: 20, rallies: 2, seed: 4 })).expect("writes");
        let mut broken = text.as_bytes().to_vec();
        broken[text.len() / 2] = 0xff;
        assert!(from_reader_in_pieces::<Dataset>(&broken[..], None, 2500).is_err());
        let cut = &text.as_bytes()[..text.len() - 10];
        assert!(from_reader_in_pieces::<Dataset>(cut, None, 2500).is_err());
    }

    #[test]
    fn the_sample_and_generated_files_read_as_ron_reads_them() {
        reads_the_same(SAMPLE_RON);
        for seed in 1..6 {
            let text =
                to_ron(&generate(GenerateOptions { incidents: 300, rallies: 30, seed })).expect("writes");
            reads_the_same(&text);
        }
    }

    fn with_text(text: &str) -> Dataset {
        let incident = Incident {
            id: Id::new(format!("inc-{}", text.len())),
            title: text.to_owned(),
            notes: format!("{text}\n{text}"),
            ..Incident::default()
        };
        let place =
            Place { id: Id::new("pl-1"), name: text.to_owned(), latitude: Some(-12.5), ..Place::default() };
        Dataset { incidents: vec![incident], places: vec![place], ..Dataset::default() }
    }

    #[test]
    fn quotes_backslashes_and_raw_strings_read_back() {
        for text in
            ["", "a \"quoted\" word", r"back\slash", "r#\"raw\"#", "\"#\"##", "line\nbreak\ttab", "단둥 😀"]
        {
            reads_the_same(&to_ron(&with_text(text)).expect("writes"));
        }
    }

    #[test]
    fn escaped_strings_written_by_hand_read_back() {
        let text =
            SAMPLE_RON.replacen("format: \"repatriation-watch\"", "format: \"repatriation\\u{2d}watch\"", 1);
        reads_the_same(&text);
    }

    #[test]
    fn what_it_does_not_know_it_leaves_to_ron() {
        let dataset = with_text("x");
        let text = to_ron(&dataset).expect("writes");
        let commented = text.replacen("(\n", "( // a comment\n", 1);
        let named = text.replacen("(\n", "Dataset(\n", 1);
        let some = text.replacen("latitude: -12.5", "latitude: Some(-12.5)", 1);
        assert!(some.contains("Some(-12.5)"));
        for variant in [commented, named, some] {
            assert!(from_str::<Dataset>(&variant, None).is_err(), "{variant}");
            assert_eq!(
                crate::store::from_ron(variant.as_bytes(), std::path::Path::new("x.ron"))
                    .expect("ron reads it"),
                dataset
            );
        }
    }

    proptest! {
        #[test]
        fn any_text_reads_back_the_same(text in any::<String>()) {
            let written = to_ron(&with_text(&text)).expect("writes");
            let fast: Dataset = from_str(&written, None).expect("the fast reader reads it");
            prop_assert_eq!(fast, by_ron(&written));
        }
    }
}
