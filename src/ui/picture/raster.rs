//! An SVG picture turned into pixels with `resvg`, in the fonts the app bundles and no others,
//! so a picture has the same pixels on every machine.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

/// Why a picture could not be turned into pixels.
#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    /// The SVG text did not read (never the case for the app's own pictures).
    #[error("the picture could not be read: {0}")]
    Svg(#[from] usvg::Error),
    /// The size asked for has no pixels, or more than a picture can hold.
    #[error("a picture of {width} × {height} pixels cannot be made")]
    Size {
        /// Pixels across.
        width: u32,
        /// Pixels down.
        height: u32,
    },
}

/// The most pixels a side of a picture may have.
pub const MAX_SIDE: u32 = 16_384;

/// The pixels of an SVG document at `scale` pixels a unit: width, height and RGBA rows
/// (not premultiplied), as a PNG holds them.
pub fn rasterize(svg: &str, scale: f32) -> Result<(u32, u32, Vec<u8>), RasterError> {
    let options = usvg::Options { fontdb: bundled_fonts(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options)?;
    let size = tree.size();
    let width = pixels(size.width() * scale);
    let height = pixels(size.height() * scale);
    let mut pixmap = (width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE)
        .then(|| tiny_skia::Pixmap::new(width, height))
        .flatten()
        .ok_or(RasterError::Size { width, height })?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|pixel| {
            let colour = pixel.demultiply();
            [colour.red(), colour.green(), colour.blue(), colour.alpha()]
        })
        .collect();
    Ok((width, height, rgba))
}

/// Pixels for a length, rounded; 0 for a length that is not a number.
fn pixels(length: f32) -> u32 {
    let rounded = length.round();
    if rounded.is_finite() && rounded >= 0.0 && rounded <= MAX_SIDE as f32 + 1.0 {
        // In range just above.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let pixels = rounded as u32;
        pixels
    } else {
        u32::MAX
    }
}

/// egui's fonts and the bundled Korean and Chinese ones, read once.
fn bundled_fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut database = usvg::fontdb::Database::new();
        for font in crate::ui::fonts::font_files() {
            database.load_font_data(font);
        }
        database.set_sans_serif_family("Ubuntu");
        Arc::new(database)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_red_square_is_red_where_it_is_drawn_and_clear_elsewhere() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10">
            <rect x="0" y="0" width="10" height="10" fill="#ff0000"/></svg>"##;
        let (width, height, rgba) = rasterize(svg, 2.0).expect("rasterized");
        assert_eq!((width, height), (40, 20));
        let at = |x: usize, y: usize| &rgba[(y * 40 + x) * 4..(y * 40 + x) * 4 + 4];
        assert_eq!(at(5, 5), [255, 0, 0, 255]);
        assert_eq!(at(30, 5), [0, 0, 0, 0]);
    }

    #[test]
    fn text_in_korean_is_drawn_in_the_bundled_font() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30">
            <text x="2" y="22" font-family="Ubuntu, NanumGothic" font-size="20" fill="#000000">강제</text></svg>"##;
        let (_, _, rgba) = rasterize(svg, 1.0).expect("rasterized");
        let inked = rgba.chunks_exact(4).filter(|pixel| pixel[3] > 128).count();
        assert!(inked > 40, "only {inked} pixels inked");
    }

    #[test]
    fn a_picture_too_large_is_refused() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="10"/>"#;
        assert!(matches!(rasterize(svg, 1.0), Err(RasterError::Size { .. })));
    }
}
