//! The screens: tables, forms, menus and dialogs. They draw the app's state and return what the
//! user asked for; they never change the dataset themselves (see [`crate::edit`]).

pub mod chart_follow;
mod chart_work;
pub mod charts;
pub mod columns;
pub mod dialogs;
pub mod errors;
pub mod filters;
pub mod fonts;
pub mod forms;
pub mod import_dialog;
pub mod menu_bar;
pub mod merge_dialog;
pub mod names;
pub mod nav;
pub mod search_text;
pub mod status_bar;
pub mod table;
mod timeline_chart;
pub mod widgets;
