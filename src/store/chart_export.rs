//! Chart exports: the numbers a chart draws as CSV, and its picture as PNG.

use std::path::Path;

use super::SaveError;
use super::atomic::write_atomically;
use crate::exchange::formula_safe;
use crate::stats::{BreakdownBy, Bucket, Period, Slice};

/// Writes the figures of a chart as CSV: one row per period, with the figures drawn and, per
/// category, the part of the bar it makes up.
pub fn export_chart_csv(buckets: &[Bucket], period: Period, path: &Path) -> Result<(), SaveError> {
    write_atomically(path, chart_csv(buckets, period).as_bytes(), false)
}

/// The CSV text of [`export_chart_csv`].
pub fn chart_csv(buckets: &[Bucket], period: Period) -> String {
    let mut categories: Vec<&String> = buckets.iter().flat_map(|b| b.segments.keys()).collect();
    categories.sort();
    categories.dedup();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "period",
        "start",
        "end",
        "people_low",
        "people_best",
        "people_high",
        "incidents",
        "rallies",
        "attendance_best",
    ]
    .iter()
    .map(|name| (*name).to_owned())
    .collect();
    header.extend(categories.iter().map(|category| formula_safe(&format!("people_best: {category}"))));
    // Writing to memory cannot fail, and every row has the header's length.
    let _ = writer.write_record(&header);
    for bucket in buckets {
        let mut row = vec![
            period.label(bucket.start),
            bucket.start.to_string(),
            period.end_of(bucket.start).to_string(),
            format!("{:.1}", bucket.people.low),
            format!("{:.1}", bucket.people.best),
            bucket.people.high.map_or_else(String::new, |high| format!("{high:.1}")),
            bucket.incidents.to_string(),
            bucket.rallies.to_string(),
            format!("{:.1}", bucket.attendance),
        ];
        row.extend(
            categories.iter().map(|c| format!("{:.1}", bucket.segments.get(*c).copied().unwrap_or(0.0))),
        );
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Writes the totals of a breakdown chart as CSV: one row per category.
pub fn export_breakdown_csv(slices: &[Slice], by: BreakdownBy, path: &Path) -> Result<(), SaveError> {
    write_atomically(path, breakdown_csv(slices, by).as_bytes(), false)
}

/// The CSV text of [`export_breakdown_csv`].
pub fn breakdown_csv(slices: &[Slice], by: BreakdownBy) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        by.name(),
        "records",
        "people_low",
        "people_best",
        "people_high",
        "attendance_best",
    ]);
    for slice in slices {
        let _ = writer.write_record([
            formula_safe(&slice.name),
            slice.records.to_string(),
            format!("{:.1}", slice.people.low),
            format!("{:.1}", slice.people.best),
            slice.people.high.map_or_else(String::new, |high| format!("{high:.1}")),
            format!("{:.1}", slice.attendance),
        ]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Writes an RGBA picture (`width` × `height`, four bytes a pixel) as a PNG file, atomically.
pub fn export_png(rgba: &[u8], width: u32, height: u32, path: &Path) -> Result<(), SaveError> {
    let fail = |message: String| SaveError::Serialize { path: path.to_owned(), message };
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| fail(e.to_string()))?;
        writer.write_image_data(rgba).map_err(|e| fail(e.to_string()))?;
    }
    write_atomically(path, &bytes, false)
}

/// Writes a picture's SVG text, atomically.
pub fn export_svg(svg: &str, path: &Path) -> Result<(), SaveError> {
    write_atomically(path, svg.as_bytes(), false)
}

/// Writes a finished document (a report's PDF), atomically: the file is whole or not there.
pub fn export_document(bytes: &[u8], path: &Path) -> Result<(), SaveError> {
    write_atomically(path, bytes, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_reads_back_as_the_same_picture() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("chart.png");
        let (width, height) = (3, 2);
        let rgba: Vec<u8> =
            (0..width * height * 4).map(|i| u8::try_from(i * 10 % 256).unwrap_or(0)).collect();
        export_png(&rgba, width, height, &path).expect("writes");
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).expect("open")));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut pixels).expect("a frame");
        assert_eq!((info.width, info.height), (width, height));
        assert_eq!(&pixels[..info.buffer_size()], &rgba[..]);
    }

    #[test]
    fn a_picture_of_the_wrong_size_is_an_error_not_a_file() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("chart.png");
        assert!(export_png(&[0; 7], 3, 2, &path).is_err());
        assert!(!path.exists());
    }
}
