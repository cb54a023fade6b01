//! egui's shapes as SVG: every shape the window would tessellate (rectangles, circles, lines,
//! paths, bands, curves, meshes and text) becomes the SVG element that draws it, in the same
//! place, colour and clip, so a picture drawn once for the window and once for a file is the
//! same picture. Text stays text: each row is one `<text>` whose characters are placed where
//! egui placed them, in the fonts the app bundles.

use std::fmt::Write as _;

use eframe::egui::{
    self, Color32, Pos2, Rect, Shape, Stroke,
    epaint::{
        BandShape, ClippedShape, ColorMode, CornerRadius, CubicBezierShape, EllipseShape, Mesh, PathShape,
        PathStroke, QuadraticBezierShape, RectShape, StrokeKind, TextShape,
    },
};

/// The font families a text of each egui family is drawn in, in fallback order: egui's own
/// first, then the bundled Korean and Chinese fonts (the names are those inside the font files).
const PROPORTIONAL_FAMILIES: &str = "Ubuntu, NanumGothic, 'Droid Sans Fallback', 'Noto Emoji', emoji";
const MONOSPACE_FAMILIES: &str = "Hack, NanumGothic, 'Droid Sans Fallback', 'Noto Emoji', emoji";

/// The SVG document of `shapes` drawn on a canvas of `size` points (one SVG unit a point),
/// painted in order, each within its clip rectangle.
pub fn svg_document(shapes: &[ClippedShape], size: egui::Vec2) -> String {
    let mut svg = Svg::default();
    let canvas = Rect::from_min_size(Pos2::ZERO, size);
    let mut open_clip: Option<Rect> = None;
    for clipped in shapes {
        // A clip that holds the whole canvas clips nothing.
        let clip = (!clipped.clip_rect.contains_rect(canvas)).then_some(clipped.clip_rect);
        if clip != open_clip {
            if open_clip.is_some() {
                svg.body.push_str("</g>\n");
            }
            if let Some(rect) = clip {
                svg.open_clip(rect);
            }
            open_clip = clip;
        }
        svg.shape(&clipped.shape);
    }
    if open_clip.is_some() {
        svg.body.push_str("</g>\n");
    }
    svg.finish(size)
}

/// The document being written: the clip rectangles defined so far and the elements.
#[derive(Default)]
struct Svg {
    clips: String,
    clip_count: usize,
    body: String,
}

impl Svg {
    fn finish(self, size: egui::Vec2) -> String {
        let (width, height) = (number(size.x), number(size.y));
        let mut out = String::with_capacity(self.body.len() + self.clips.len() + 256);
        let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
        let _ = writeln!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
        );
        if !self.clips.is_empty() {
            let _ = write!(out, "<defs>\n{}</defs>\n", self.clips);
        }
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }

    fn open_clip(&mut self, rect: Rect) {
        let id = self.clip_count;
        self.clip_count += 1;
        let _ = writeln!(
            self.clips,
            r#"<clipPath id="clip{id}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            number(rect.min.x),
            number(rect.min.y),
            number(rect.width().max(0.0)),
            number(rect.height().max(0.0))
        );
        let _ = writeln!(self.body, r#"<g clip-path="url(#clip{id})">"#);
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Noop | Shape::Callback(_) => {}
            Shape::Vec(shapes) => shapes.iter().for_each(|shape| self.shape(shape)),
            Shape::Circle(circle) => {
                let ellipse = EllipseShape {
                    center: circle.center,
                    radius: egui::vec2(circle.radius, circle.radius),
                    fill: circle.fill,
                    stroke: circle.stroke,
                    angle: 0.0,
                };
                self.ellipse(&ellipse);
            }
            Shape::Ellipse(ellipse) => self.ellipse(ellipse),
            Shape::LineSegment { points, stroke } => self.line(*points, *stroke),
            Shape::Path(path) => self.path(path),
            Shape::Band(band) => self.band(band),
            Shape::Rect(rect) => self.rect(rect),
            Shape::Text(text) => self.text(text),
            Shape::Mesh(mesh) => self.mesh(mesh),
            Shape::QuadraticBezier(curve) => self.quadratic(curve),
            Shape::CubicBezier(curve) => self.cubic(curve),
        }
    }

    fn ellipse(&mut self, ellipse: &EllipseShape) {
        if !ellipse.center.is_finite() || ellipse.radius.min_elem() <= 0.0 {
            return;
        }
        let _ = write!(
            self.body,
            r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}""#,
            number(ellipse.center.x),
            number(ellipse.center.y),
            number(ellipse.radius.x),
            number(ellipse.radius.y)
        );
        if ellipse.angle != 0.0 {
            self.rotation(ellipse.angle, ellipse.center);
        }
        self.paint(ellipse.fill, ellipse.stroke);
    }

    fn line(&mut self, [from, to]: [Pos2; 2], stroke: Stroke) {
        if stroke.is_empty() || !from.is_finite() || !to.is_finite() {
            return;
        }
        let _ = write!(
            self.body,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}""#,
            number(from.x),
            number(from.y),
            number(to.x),
            number(to.y)
        );
        self.paint(Color32::TRANSPARENT, stroke);
    }

    fn path(&mut self, path: &PathShape) {
        let fill = if path.closed { path.fill } else { Color32::TRANSPARENT };
        self.points(&path.points, path.closed, fill, &path.stroke);
    }

    fn points(&mut self, points: &[Pos2], closed: bool, fill: Color32, stroke: &PathStroke) {
        if points.len() < 2 || points.iter().any(|p| !p.is_finite()) {
            return;
        }
        let element = if closed { "polygon" } else { "polyline" };
        let _ = write!(self.body, r#"<{element} points=""#);
        for (index, point) in points.iter().enumerate() {
            let gap = if index == 0 { "" } else { " " };
            let _ = write!(self.body, "{gap}{},{}", number(point.x), number(point.y));
        }
        self.body.push('"');
        self.paint(fill, solid_stroke(stroke));
    }

    fn band(&mut self, band: &BandShape) {
        // Along the upper edge, then back along the lower one.
        let upper = band.points.iter().map(|p| egui::pos2(p.x, p.y.min));
        let lower = band.points.iter().rev().map(|p| egui::pos2(p.x, p.y.max));
        let outline: Vec<Pos2> = upper.chain(lower).collect();
        let stroke = PathStroke {
            width: band.stroke.width,
            color: ColorMode::Solid(band.stroke.color),
            kind: band.stroke_kind,
        };
        if band.angle == 0.0 {
            self.points(&outline, true, band.fill, &stroke);
        } else {
            let _ = write!(self.body, r#"<g transform="rotate({})">"#, number(band.angle.to_degrees()));
            self.points(&outline, true, band.fill, &stroke);
            self.body.push_str("</g>\n");
        }
    }

    fn rect(&mut self, shape: &RectShape) {
        // egui strokes inside, across or outside the edge; SVG across it: the edge is moved.
        let half = shape.stroke.width / 2.0;
        let rect = match shape.stroke_kind {
            StrokeKind::Inside => shape.rect.shrink(half),
            StrokeKind::Middle => shape.rect,
            StrokeKind::Outside => shape.rect.expand(half),
        };
        if !rect.is_finite() || rect.width() < 0.0 || rect.height() < 0.0 {
            return;
        }
        let _ = write!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}""#,
            number(rect.min.x),
            number(rect.min.y),
            number(rect.width()),
            number(rect.height())
        );
        let radius = corner_radius(shape.corner_radius);
        if radius > 0.0 {
            let radius = radius.min(rect.width() / 2.0).min(rect.height() / 2.0);
            let _ = write!(self.body, r#" rx="{}""#, number(radius));
        }
        if shape.angle != 0.0 {
            self.rotation(shape.angle, shape.rect.center());
        }
        if shape.blur_width > 0.0 {
            // A shadow: its colour softened over the blur rather than drawn hard.
            let softened = shape.fill.gamma_multiply(0.5);
            self.paint(softened, Stroke::NONE);
        } else {
            self.paint(shape.fill, shape.stroke);
        }
    }

    fn text(&mut self, text: &TextShape) {
        let galley = &text.galley;
        let sections = &galley.job.sections;
        let mut char_index = 0;
        for placed in &galley.rows {
            let glyphs = &placed.row.glyphs;
            let mut start = 0;
            // One element per run of characters with one format.
            while start < glyphs.len() {
                let section = section_at(sections, &galley.job.text, char_index + start);
                let mut end = start + 1;
                while end < glyphs.len()
                    && section_at(sections, &galley.job.text, char_index + end) == section
                {
                    end += 1;
                }
                if let Some(section) = sections.get(section) {
                    let colour = text_colour(text, section.format.color);
                    let origin = text.pos + placed.pos.to_vec2();
                    self.text_run(&glyphs[start..end], origin, &section.format.font_id, colour, text);
                }
                start = end;
            }
            char_index += glyphs.len() + usize::from(placed.ends_with_newline);
        }
    }

    fn text_run(
        &mut self,
        glyphs: &[egui::epaint::text::Glyph],
        origin: Pos2,
        font: &egui::FontId,
        colour: Color32,
        shape: &TextShape,
    ) {
        let shown: Vec<_> = glyphs.iter().filter(|glyph| !glyph.chr.is_control()).collect();
        if colour.a() == 0 {
            return;
        }
        // egui shapes its text: "fi" may be one glyph, the "i" a continuation of no width.
        // Such a continuation is given no place of its own but ends its element, so the SVG
        // renderer shapes the two together as egui did, where egui put the first.
        let mut start = 0;
        for end in 1..=shown.len() {
            let after_continuation = is_continuation(shown[end - 1]);
            if end == shown.len() || (after_continuation && !is_continuation(shown[end])) {
                self.text_element(&shown[start..end], origin, font, colour, shape);
                start = end;
            }
        }
    }

    fn text_element(
        &mut self,
        shown: &[&egui::epaint::text::Glyph],
        origin: Pos2,
        font: &egui::FontId,
        colour: Color32,
        shape: &TextShape,
    ) {
        if shown.iter().all(|glyph| glyph.chr.is_whitespace()) {
            return;
        }
        let families = match font.family {
            egui::FontFamily::Monospace => MONOSPACE_FAMILIES,
            egui::FontFamily::Proportional | egui::FontFamily::Name(_) => PROPORTIONAL_FAMILIES,
        };
        let xs: Vec<String> = shown
            .iter()
            .enumerate()
            .filter(|(index, glyph)| *index == 0 || !is_continuation(glyph))
            .map(|(_, glyph)| number(origin.x + glyph.pos.x))
            .collect();
        let baseline = shown.first().map_or(origin.y, |glyph| origin.y + glyph.pos.y);
        let _ = write!(
            self.body,
            r#"<text xml:space="preserve" x="{}" y="{}" font-family="{families}" font-size="{}""#,
            xs.join(" "),
            number(baseline),
            number(font.size)
        );
        if shape.angle != 0.0 {
            self.rotation(shape.angle, shape.pos);
        }
        let (fill, opacity) = colour_and_opacity(colour);
        let _ = write!(self.body, r#" fill="{fill}""#);
        if opacity < 1.0 {
            let _ = write!(self.body, r#" fill-opacity="{}""#, number(opacity));
        }
        self.body.push('>');
        for glyph in shown {
            escape_into(&mut self.body, glyph.chr);
        }
        self.body.push_str("</text>\n");
    }

    fn mesh(&mut self, mesh: &Mesh) {
        // The triangles of one colour make one path; side by side they leave no seam.
        let mut by_colour: Vec<(Color32, String)> = Vec::new();
        for triangle in mesh.indices.chunks_exact(3) {
            let corners: Option<Vec<_>> =
                triangle.iter().map(|&index| mesh.vertices.get(index as usize)).collect();
            let Some(corners) = corners else { continue };
            let colour = corners[0].color;
            if colour.a() == 0 || corners.iter().any(|v| !v.pos.is_finite()) {
                continue;
            }
            let index = by_colour.iter().position(|(c, _)| *c == colour).unwrap_or_else(|| {
                by_colour.push((colour, String::new()));
                by_colour.len() - 1
            });
            let d = &mut by_colour[index].1;
            let [a, b, c] = [corners[0].pos, corners[1].pos, corners[2].pos];
            let _ = write!(
                d,
                "M{},{}L{},{}L{},{}Z",
                number(a.x),
                number(a.y),
                number(b.x),
                number(b.y),
                number(c.x),
                number(c.y)
            );
        }
        for (colour, d) in by_colour {
            let _ = write!(self.body, r#"<path d="{d}""#);
            self.paint(colour, Stroke::NONE);
        }
    }

    fn quadratic(&mut self, curve: &QuadraticBezierShape) {
        let [a, b, c] = curve.points;
        let d = format!(
            "M{},{}Q{},{} {},{}{}",
            number(a.x),
            number(a.y),
            number(b.x),
            number(b.y),
            number(c.x),
            number(c.y),
            if curve.closed { "Z" } else { "" }
        );
        self.curve(&d, curve.closed, curve.fill, &curve.stroke);
    }

    fn cubic(&mut self, curve: &CubicBezierShape) {
        let [start, first, second, end] = curve.points;
        let path = format!(
            "M{},{}C{},{} {},{} {},{}{}",
            number(start.x),
            number(start.y),
            number(first.x),
            number(first.y),
            number(second.x),
            number(second.y),
            number(end.x),
            number(end.y),
            if curve.closed { "Z" } else { "" }
        );
        self.curve(&path, curve.closed, curve.fill, &curve.stroke);
    }

    fn curve(&mut self, d: &str, closed: bool, fill: Color32, stroke: &PathStroke) {
        let _ = write!(self.body, r#"<path d="{d}""#);
        let fill = if closed { fill } else { Color32::TRANSPARENT };
        self.paint(fill, solid_stroke(stroke));
    }

    fn rotation(&mut self, angle: f32, around: Pos2) {
        let _ = write!(
            self.body,
            r#" transform="rotate({} {} {})""#,
            number(angle.to_degrees()),
            number(around.x),
            number(around.y)
        );
    }

    /// Ends an element with its fill and stroke.
    fn paint(&mut self, fill: Color32, stroke: Stroke) {
        if fill.a() == 0 {
            self.body.push_str(r#" fill="none""#);
        } else {
            let (colour, opacity) = colour_and_opacity(fill);
            let _ = write!(self.body, r#" fill="{colour}""#);
            if opacity < 1.0 {
                let _ = write!(self.body, r#" fill-opacity="{}""#, number(opacity));
            }
        }
        if !stroke.is_empty() {
            let (colour, opacity) = colour_and_opacity(stroke.color);
            let _ = write!(self.body, r#" stroke="{colour}" stroke-width="{}""#, number(stroke.width));
            if opacity < 1.0 {
                let _ = write!(self.body, r#" stroke-opacity="{}""#, number(opacity));
            }
        }
        self.body.push_str("/>\n");
    }
}

/// Whether egui drew this character as part of the glyph before it (a ligature's second
/// letter, a combining mark): it has no width of its own.
fn is_continuation(glyph: &egui::epaint::text::Glyph) -> bool {
    glyph.advance_width == 0.0 && !glyph.chr.is_whitespace()
}

/// The format section a character of a galley's text is in.
fn section_at(sections: &[egui::text::LayoutSection], text: &str, char_index: usize) -> usize {
    if sections.len() <= 1 {
        return 0;
    }
    let byte = text.char_indices().nth(char_index).map_or(text.len(), |(byte, _)| byte);
    sections
        .iter()
        .position(|section| (section.byte_range.start.0..section.byte_range.end.0).contains(&byte))
        .unwrap_or(sections.len() - 1)
}

/// A text's colour as egui paints it: the shape's override, or the section's own colour, or the
/// shape's fallback for a section that left it to the style; then faded by its opacity.
fn text_colour(shape: &TextShape, section_colour: Color32) -> Color32 {
    let colour = shape.override_text_color.unwrap_or(if section_colour == Color32::PLACEHOLDER {
        shape.fallback_color
    } else {
        section_colour
    });
    if shape.opacity_factor < 1.0 { colour.gamma_multiply(shape.opacity_factor) } else { colour }
}

/// A path's stroke with one colour: a gradient one (which the charts do not use) takes its
/// colour at the middle of the path.
fn solid_stroke(stroke: &PathStroke) -> Stroke {
    match &stroke.color {
        ColorMode::Solid(colour) => Stroke::new(stroke.width, *colour),
        ColorMode::UV(callback) => {
            let middle = Rect::from_min_size(Pos2::ZERO, egui::vec2(1.0, 1.0));
            Stroke::new(stroke.width, callback(middle, middle.center()))
        }
    }
}

/// One radius for the corners (egui's charts round all four alike).
fn corner_radius(radius: CornerRadius) -> f32 {
    let corners = [radius.nw, radius.ne, radius.sw, radius.se];
    f32::from(corners.iter().copied().max().unwrap_or(0))
}

/// `#rrggbb` and the opacity of an egui colour (which is stored premultiplied).
fn colour_and_opacity(colour: Color32) -> (String, f32) {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    (format!("#{r:02x}{g:02x}{b:02x}"), f32::from(a) / 255.0)
}

/// A coordinate with at most three decimals, without trailing zeros.
fn number(value: f32) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    let text = format!("{rounded:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".to_owned() } else { text.to_owned() }
}

fn escape_into(out: &mut String, chr: char) {
    match chr {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&apos;"),
        // Characters XML does not allow are left out (a control character in a label).
        c if c < ' ' && !matches!(c, '\t' | '\n' | '\r') => {}
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(shapes: Vec<Shape>) -> String {
        let clipped: Vec<ClippedShape> = shapes
            .into_iter()
            .map(|shape| ClippedShape {
                clip_rect: Rect::EVERYTHING,
                shape,
                transform_after_tessellation: egui::emath::TSTransform::IDENTITY,
            })
            .collect();
        svg_document(&clipped, egui::vec2(200.0, 100.0))
    }

    #[test]
    fn a_filled_rectangle_keeps_its_place_and_colour() {
        let rect = Rect::from_min_max(egui::pos2(10.0, 20.0), egui::pos2(30.5, 60.0));
        let svg = document(vec![Shape::rect_filled(rect, 0.0, Color32::from_rgb(200, 10, 1))]);
        assert!(svg.contains(r##"<rect x="10" y="20" width="20.5" height="40" fill="#c80a01"/>"##), "{svg}");
    }

    #[test]
    fn a_translucent_line_gives_its_opacity_unpremultiplied() {
        let stroke = Stroke::new(2.0, Color32::from_rgba_unmultiplied(0, 0, 255, 128));
        let svg = document(vec![Shape::line_segment([egui::pos2(0.0, 0.0), egui::pos2(5.0, 5.0)], stroke)]);
        assert!(svg.contains(r##"stroke="#0000ff" stroke-width="2" stroke-opacity="0.502""##), "{svg}");
    }

    #[test]
    fn a_clip_smaller_than_the_canvas_clips_its_shapes() {
        let clip = Rect::from_min_max(egui::pos2(5.0, 5.0), egui::pos2(50.0, 50.0));
        let shape = Shape::circle_filled(egui::pos2(40.0, 40.0), 30.0, Color32::RED);
        let svg = svg_document(
            &[ClippedShape {
                clip_rect: clip,
                shape,
                transform_after_tessellation: egui::emath::TSTransform::IDENTITY,
            }],
            egui::vec2(200.0, 100.0),
        );
        assert!(
            svg.contains(r#"<clipPath id="clip0"><rect x="5" y="5" width="45" height="45"/></clipPath>"#)
        );
        assert!(svg.contains(r#"<g clip-path="url(#clip0)">"#));
        assert!(svg.contains(r#"<ellipse cx="40" cy="40" rx="30" ry="30""#));
    }

    #[test]
    fn text_a_label_could_hold_is_escaped() {
        let mut out = String::new();
        "<a & 'b'>\u{1}".chars().for_each(|c| escape_into(&mut out, c));
        assert_eq!(out, "&lt;a &amp; &apos;b&apos;&gt;");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(number(1.0), "1");
        assert_eq!(number(1.25), "1.25");
        assert_eq!(number(-0.0001), "0");
        assert_eq!(number(2.0 / 3.0), "0.667");
    }
}
