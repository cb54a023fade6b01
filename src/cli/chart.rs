//! `chart`: a chart of a dataset written as SVG or PNG without opening the window, drawn by the
//! code that draws it on the charts screen.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use eframe::egui;

use super::selection::SelectionArgs;
use crate::model::Period;
use crate::stats::{BreakdownBy, ColourBy, Pick, SeriesOptions};
use crate::store;
use crate::ui::charts::map::{MapView, Preset};
use crate::ui::charts::{ChartChoice, ChartKind, ChartsState, chart_picture};
use crate::ui::picture::Look;

/// The `chart` command's arguments.
#[derive(Debug, Clone, Args)]
pub struct ChartArgs {
    /// The dataset to chart.
    pub file: PathBuf,
    /// Which chart.
    #[arg(long, value_enum, default_value_t = KindArg::People)]
    pub kind: KindArg,
    /// The period of a bar (by default the one the charts screen picks for the records).
    #[arg(long, value_enum)]
    pub per: Option<PeriodArg>,
    /// Which estimate of each incident is counted.
    #[arg(long, value_enum, default_value_t = EstimateArg::Preferred)]
    pub estimate: EstimateArg,
    /// How the bars of people are coloured.
    #[arg(long, value_enum, default_value_t = ColourArg::Destination)]
    pub colour: ColourArg,
    /// What the breakdown groups by.
    #[arg(long, value_enum, default_value_t = ByArg::FromPlace)]
    pub by: ByArg,
    /// The rallies chart shows attendance rather than how many rallies (the map sizes its
    /// rallies by it).
    #[arg(long)]
    pub attendance: bool,
    /// The part of the map drawn.
    #[arg(long, value_enum, default_value_t = ViewArg::Region)]
    pub view: ViewArg,
    /// The records charted and the language.
    #[command(flatten)]
    pub selection: SelectionArgs,
    /// The picture's width, in points.
    #[arg(long, default_value_t = 1000.0)]
    pub width: f32,
    /// The picture's height, in points.
    #[arg(long, default_value_t = 600.0)]
    pub height: f32,
    /// Pixels a point in a PNG (2 for a sharp picture on a high-density screen or in print).
    #[arg(long, default_value_t = 2.0)]
    pub scale: f32,
    /// Dark background, as the window's dark theme.
    #[arg(long)]
    pub dark: bool,
    /// The file to write: OUT.svg or OUT.png.
    #[arg(long, value_name = "OUT.svg|OUT.png")]
    pub out: PathBuf,
}

/// A chart on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// People sent back per period, with their range.
    People,
    /// The running total with its band.
    Cumulative,
    /// Rallies per period.
    Rallies,
    /// Totals by a category (see --by).
    Breakdown,
    /// Repatriations and rallies on one time axis.
    Timeline,
    /// Where people were sent from and to, and where rallies were held.
    Map,
}

/// The part of the map drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// North-east China and both Koreas.
    Region,
    /// The Yalu and Tumen, from Dandong to Rason.
    Border,
    /// Seoul and its embassies.
    Seoul,
}

/// A period on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
}

/// An estimate on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EstimateArg {
    /// The one marked preferred.
    Preferred,
    /// The lowest.
    Lowest,
    /// The highest.
    Highest,
}

/// A colouring on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColourArg {
    /// By the province people were sent to.
    Destination,
    /// By the incident's status.
    Status,
    /// By the reliability of the preferred estimate's source.
    Reliability,
}

/// A grouping on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// Where people were sent from.
    FromPlace,
    /// Where they were sent to.
    ToPlace,
    /// The incident's status.
    Status,
    /// The kind of incident.
    Kind,
    /// The city of a rally.
    RallyCity,
    /// A rally's organizer.
    RallyOrganizer,
}

impl ChartArgs {
    /// The chart asked for.
    pub fn choice(&self) -> ChartChoice {
        let options = SeriesOptions {
            period: match self.per {
                Some(PeriodArg::Week) => Period::Week,
                Some(PeriodArg::Month) | None => Period::Month,
                Some(PeriodArg::Quarter) => Period::Quarter,
                Some(PeriodArg::Year) => Period::Year,
            },
            pick: match self.estimate {
                EstimateArg::Preferred => Pick::Preferred,
                EstimateArg::Lowest => Pick::Lowest,
                EstimateArg::Highest => Pick::Highest,
            },
            colour: match self.colour {
                ColourArg::Destination => ColourBy::Destination,
                ColourArg::Status => ColourBy::Status,
                ColourArg::Reliability => ColourBy::Reliability,
            },
            ..SeriesOptions::default()
        };
        ChartChoice {
            chart: match self.kind {
                KindArg::People => ChartKind::People,
                KindArg::Cumulative => ChartKind::Cumulative,
                KindArg::Rallies => ChartKind::Rallies,
                KindArg::Breakdown => ChartKind::Breakdown,
                KindArg::Timeline => ChartKind::Timeline,
                KindArg::Map => ChartKind::Map,
            },
            map_view: MapView::preset(match self.view {
                ViewArg::Region => Preset::Region,
                ViewArg::Border => Preset::Border,
                ViewArg::Seoul => Preset::Seoul,
            }),
            options,
            period_chosen: self.per.is_some(),
            breakdown_by: match self.by {
                ByArg::FromPlace => BreakdownBy::FromPlace,
                ByArg::ToPlace => BreakdownBy::ToPlace,
                ByArg::Status => BreakdownBy::Status,
                ByArg::Kind => BreakdownBy::Kind,
                ByArg::RallyCity => BreakdownBy::RallyCity,
                ByArg::RallyOrganizer => BreakdownBy::RallyOrganizer,
            },
            rally_attendance: self.attendance,
        }
    }
}

/// The picture format an output file's name asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
}

fn format_of(out: &Path) -> Option<Format> {
    match out.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "svg" => Some(Format::Svg),
        "png" => Some(Format::Png),
        _ => None,
    }
}

/// Writes the chart asked for; says what went wrong on standard error. Returns whether the
/// picture was written.
pub fn chart(args: &ChartArgs) -> bool {
    super::said(write_chart(args))
}

fn write_chart(args: &ChartArgs) -> Result<String, String> {
    let Some(format) = format_of(&args.out) else {
        return Err(format!("{}: the file to write must end in .svg or .png", args.out.display()));
    };
    let size_ok = |side: f32| side.is_finite() && (100.0..=8_000.0).contains(&side);
    if !size_ok(args.width) || !size_ok(args.height) {
        return Err("--width and --height are points from 100 to 8000".to_owned());
    }
    if !(args.scale.is_finite() && (0.25..=8.0).contains(&args.scale)) {
        return Err("--scale is from 0.25 to 8 pixels a point".to_owned());
    }
    let dataset = super::secrets::load(&args.file)?;
    let filters = args.selection.filters(&dataset, &args.file)?;
    crate::i18n::set_language(args.selection.lang.into());
    let mut state = ChartsState::for_choice(args.choice());
    let theme = if args.dark { egui::Theme::Dark } else { egui::Theme::Light };
    let look = Look { theme, pixels_per_point: 1.0 };
    let size = egui::vec2(args.width, args.height);
    let picture = chart_picture(&mut state, (&dataset, 0), &filters, size, look)
        .map_err(|nothing| format!("{}: {nothing}", args.file.display()))?;
    let written = match format {
        Format::Svg => store::export_svg(&picture.svg(), &args.out),
        Format::Png => {
            let (width, height, rgba) = picture.pixels(args.scale).map_err(|error| error.to_string())?;
            store::export_png(&rgba, width, height, &args.out)
        }
    };
    super::leave_to_exit(dataset);
    written.map_err(|error| error.to_string())?;
    Ok(format!("wrote {}", args.out.display()))
}
