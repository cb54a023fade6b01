//! The charts screen: people forcibly repatriated per period with their uncertainty, the
//! cumulative total with its band, rallies per period, the breakdown by category and the
//! timeline, one file each. Figures are worked out when the data, the filters or the options
//! change, never every frame, and follow the edits (`follow.rs`), on another thread for a large
//! dataset (`work.rs`).

mod breakdown;
mod cumulative;
mod draw;
pub mod follow;
pub mod map;
mod notes;
mod options;
mod palette;
mod people;
mod period_plot;
mod picture;
mod rallies;
mod screen;
mod state;
mod timeline;
mod tooltip;
mod work;

pub use self::draw::{ChartRequest, PeriodClicked, Shown, chart_body, charts_ui};
pub use self::follow::{ChangesSince, Followed, Following};
pub use self::picture::{ChartChoice, NothingToDraw, canvas_for, chart_picture, empty_message};
pub use self::screen::charts_screen_ui;
pub use self::state::{ChartKind, ChartsState, SeriesAhead};
