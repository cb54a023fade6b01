//! The app's own RON writer: the very text the `ron` crate's pretty printer writes with the
//! app's settings (two spaces, no struct names, optional values bare, strings unescaped or raw),
//! several times as fast, so that a list's records can be written on several threads at once
//! and joined in order (`ron_format.rs`). What the model never writes (maps, tuples, bytes,
//! newtypes, an optional value inside another) it refuses rather than guess; the tests hold it
//! to the `ron` crate's text for every kind of record.

use std::fmt::Write as _;

use serde::ser::{self, Serialize};

/// What the writer does not write.
#[derive(Debug)]
pub struct Unsupported(pub String);

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Self(message.to_string())
    }
}

type Result<T = ()> = std::result::Result<T, Unsupported>;

fn unsupported<T>(what: &str) -> Result<T> {
    Err(Unsupported(format!("{what} is not written by the app's RON writer")))
}

/// Appends `value` to `out` as the `ron` crate writes it `indent` levels deep (where a list's
/// records are, in a dataset, is 2).
pub fn write_value<T: Serialize + ?Sized>(value: &T, indent: usize, out: &mut String) -> Result {
    let mut writer = Writer { out, indent, in_some: false, scratch: String::new() };
    value.serialize(&mut writer)
}

/// Appends `text` as the `ron` crate writes a string with escapes off: plain, or raw with one
/// more `#` than its longest run when it holds a quote or a backslash.
pub fn write_str(out: &mut String, text: &str) {
    if memchr::memchr2(b'"', b'\\', text.as_bytes()).is_none() {
        out.push('"');
        out.push_str(text);
        out.push('"');
        return;
    }
    let (_, longest_run) =
        text.bytes().fold(
            (0, 0),
            |(run, longest), byte| {
                if byte == b'#' { (run + 1, longest.max(run + 1)) } else { (0, longest) }
            },
        );
    let hashes = "#".repeat(longest_run + 1);
    out.push('r');
    out.push_str(&hashes);
    out.push('"');
    out.push_str(text);
    out.push('"');
    out.push_str(&hashes);
}

/// The names the `ron` crate writes as `r#name`, though they are identifiers.
const KEYWORDS: [&str; 10] =
    ["true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64"];

/// Appends a field's or variant's name, as `r#name` where the `ron` crate would.
fn write_identifier(out: &mut String, name: &str) -> Result {
    let mut bytes = name.bytes();
    let first_fits = bytes.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_');
    if !name.is_ascii() {
        return unsupported("a name that is not ASCII");
    }
    if !first_fits || !bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_') || KEYWORDS.contains(&name) {
        out.push_str("r#");
    }
    out.push_str(name);
    Ok(())
}

/// Integers written as the widest of their sign are (as the `ron` crate writes them).
macro_rules! widened {
    ($($method:ident($narrow:ty) => $wide:ident($wide_type:ty);)*) => {
        $(
            fn $method(self, v: $narrow) -> Result {
                self.$wide(<$wide_type>::from(v))
            }
        )*
    };
}

struct Writer<'o> {
    out: &'o mut String,
    indent: usize,
    /// Inside an optional value (written bare): another one inside is refused.
    in_some: bool,
    /// Where a value written by its `Display` is put first, to see how to quote it.
    scratch: String,
}

impl Writer<'_> {
    fn write_indent(&mut self, levels: usize) {
        for _ in 0..levels {
            self.out.push_str("  ");
        }
    }

    /// Opens a list or a struct: `[` or `(`, and a new line unless it is empty.
    fn open(&mut self, bracket: char, empty: bool) {
        self.in_some = false;
        self.out.push(bracket);
        self.indent += 1;
        if !empty {
            self.out.push('\n');
        }
    }

    /// Closes what [`Self::open`] opened, after its items (`any`: whether it had some).
    fn close(&mut self, bracket: char, empty: bool, any: bool) {
        if any {
            self.out.push_str(",\n");
        }
        if !empty {
            self.write_indent(self.indent - 1);
        }
        self.indent -= 1;
        self.out.push(bracket);
    }

    /// Before an item of a list or a struct: the comma after the one before, and the indent.
    fn item(&mut self, first: &mut bool) {
        if !*first {
            self.out.push_str(",\n");
        }
        *first = false;
        self.write_indent(self.indent);
    }
}

/// A list or a struct being written.
struct Compound<'w, 'o> {
    writer: &'w mut Writer<'o>,
    first: bool,
    empty: bool,
    closing: char,
}

impl<'w, 'o> ser::Serializer for &'w mut Writer<'o> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'w, 'o>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = Compound<'w, 'o>;
    type SerializeStructVariant = Compound<'w, 'o>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    widened! {
        serialize_i8(i8) => serialize_i64(i64);
        serialize_i16(i16) => serialize_i64(i64);
        serialize_i32(i32) => serialize_i64(i64);
        serialize_u8(u8) => serialize_u64(u64);
        serialize_u16(u16) => serialize_u64(u64);
        serialize_u32(u32) => serialize_u64(u64);
    }

    fn serialize_i64(self, v: i64) -> Result {
        let _ = write!(self.out, "{v}");
        Ok(())
    }

    fn serialize_u64(self, v: u64) -> Result {
        let _ = write!(self.out, "{v}");
        Ok(())
    }

    fn serialize_f32(self, _v: f32) -> Result {
        unsupported("a 32-bit number")
    }

    fn serialize_f64(self, v: f64) -> Result {
        if v.is_nan() && v.is_sign_negative() {
            self.out.push('-');
        }
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }

    fn serialize_char(self, _v: char) -> Result {
        unsupported("a character")
    }

    fn serialize_str(self, v: &str) -> Result {
        write_str(self.out, v);
        Ok(())
    }

    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let _ = write!(scratch, "{value}");
        write_str(self.out, &scratch);
        self.scratch = scratch;
        Ok(())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result {
        unsupported("bytes")
    }

    fn serialize_none(self) -> Result {
        if self.in_some {
            return unsupported("an optional value inside another");
        }
        self.out.push_str("None");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        if self.in_some {
            return unsupported("an optional value inside another");
        }
        self.in_some = true;
        value.serialize(&mut *self)?;
        self.in_some = false;
        Ok(())
    }

    fn serialize_unit(self) -> Result {
        self.out.push_str("()");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        unsupported("a unit struct")
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result {
        write_identifier(self.out, variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, _value: &T) -> Result {
        unsupported("a newtype")
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        write_identifier(self.out, variant)?;
        self.out.push('(');
        self.in_some = false;
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq> {
        // Without a length the `ron` crate's layout depends on what it wrote before.
        let Some(len) = len else { return unsupported("a list of unknown length") };
        self.open('[', len == 0);
        Ok(Compound { writer: self, first: true, empty: len == 0, closing: ']' })
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        unsupported("a tuple")
    }

    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct> {
        unsupported("a tuple struct")
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        unsupported("a tuple variant")
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        unsupported("a map")
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct> {
        // The `ron` crate writes these as ranges (`1..2`).
        if matches!(name, "Range" | "RangeInclusive" | "RangeFrom" | "RangeTo" | "RangeToInclusive") {
            return unsupported("a range");
        }
        self.open('(', len == 0);
        Ok(Compound { writer: self, first: true, empty: len == 0, closing: ')' })
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        write_identifier(self.out, variant)?;
        self.open('(', len == 0);
        Ok(Compound { writer: self, first: true, empty: len == 0, closing: ')' })
    }
}

impl Compound<'_, '_> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.writer.item(&mut self.first);
        write_identifier(self.writer.out, key)?;
        self.writer.out.push_str(": ");
        value.serialize(&mut *self.writer)
    }

    fn finish(self) {
        self.writer.close(self.closing, self.empty, !self.first);
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.writer.item(&mut self.first);
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result {
        self.finish();
        Ok(())
    }
}

/// A struct and a struct variant are written alike, their fields by name.
macro_rules! with_fields {
    ($($serialize:path),*) => {
        $(
            impl $serialize for Compound<'_, '_> {
                type Ok = ();
                type Error = Unsupported;

                fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
                    self.field(key, value)
                }

                fn end(self) -> Result {
                    self.finish();
                    Ok(())
                }
            }
        )*
    };
}

with_fields!(ser::SerializeStruct, ser::SerializeStructVariant);
