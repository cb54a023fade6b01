//! The little world typst typesets a report in: the layout, its data and its charts held in
//! memory, the bundled fonts, and nothing else. No file is read and no package is fetched: a
//! report asking for anything else is told it is not there.

use std::collections::HashMap;
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The report's layout.
const LAYOUT: &str = include_str!("../../assets/report/report.typ");

/// The fonts a report is set in, read once.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = crate::ui::fonts::print_font_files()
            .into_iter()
            .flat_map(|bytes| Font::iter(Bytes::new(bytes)))
            .collect();
        Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// A report's files, in memory.
pub struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

/// The id of a file of the report's world.
fn file_id(name: &str) -> Option<FileId> {
    VirtualPath::new(name).ok().map(|path| RootedPath::new(VirtualRoot::Project, path).intern())
}

impl ReportWorld {
    /// The world of a report: its data as JSON, its charts' SVG files by name, and the day it
    /// was made (what `datetime.today()` gives).
    pub fn new(data_json: String, charts: Vec<(String, String)>, today: jiff::civil::Date) -> Self {
        let main_id = file_id("report.typ").unwrap_or_else(|| Source::detached("").id());
        let main = Source::new(main_id, LAYOUT.to_owned());
        let mut files = HashMap::new();
        if let Some(id) = file_id("data.json") {
            files.insert(id, Bytes::from_string(data_json));
        }
        for (name, svg) in charts {
            if let Some(id) = file_id(&name) {
                files.insert(id, Bytes::from_string(svg));
            }
        }
        let month = u8::try_from(today.month()).unwrap_or(1);
        let day = u8::try_from(today.day()).unwrap_or(1);
        let today = Datetime::from_ymd(i32::from(today.year()), month, day);
        Self { main, files, today }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(LAYOUT));
        }
        self.files.get(&id).cloned().ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}
