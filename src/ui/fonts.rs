//! Fonts that can show Korean and Chinese on a machine with no CJK font installed.

use std::sync::Arc;

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};

/// Nanum Gothic (SIL Open Font License 1.1): Hangul and Korean Hanja.
const NANUM_GOTHIC: &[u8] = include_bytes!("../../assets/fonts/NanumGothic.ttf");

/// Droid Sans Fallback (Apache License 2.0): Chinese characters, simplified and traditional.
const DROID_SANS_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// Adds the bundled fonts after egui's own, so Latin text keeps egui's look and Hangul and
/// Chinese characters fall back to them; the system's fonts remain the last resort.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("nanum-gothic".to_owned(), Arc::new(FontData::from_static(NANUM_GOTHIC)));
    fonts
        .font_data
        .insert("droid-sans-fallback".to_owned(), Arc::new(FontData::from_static(DROID_SANS_FALLBACK)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        list.push("nanum-gothic".to_owned());
        list.push("droid-sans-fallback".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Nanum Gothic Bold (SIL Open Font License 1.1), for headings in printed reports.
pub const NANUM_GOTHIC_BOLD: &[u8] = include_bytes!("../../assets/fonts/NanumGothicBold.ttf");

/// The bytes of every font the window draws with: egui's own, then the bundled ones, for
/// drawing its pictures without a window in the very same fonts.
pub fn font_files() -> Vec<Vec<u8>> {
    let mut files: Vec<Vec<u8>> =
        FontDefinitions::default().font_data.into_values().map(|data| data.bytes().to_vec()).collect();
    files.extend([NANUM_GOTHIC.to_vec(), DROID_SANS_FALLBACK.to_vec()]);
    files
}

/// The bundled fonts for printed text: Nanum Gothic regular and bold (Latin and Hangul) and
/// Droid Sans Fallback (Chinese).
pub fn print_font_files() -> [&'static [u8]; 3] {
    [NANUM_GOTHIC, NANUM_GOTHIC_BOLD, DROID_SANS_FALLBACK]
}
