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
