//! Repatriation Watch: document the forced repatriation of North Korean escapees by China and
//! the rallies held against it.
//!
//! The binary is a thin shell over this library, so tests can drive everything: the model, the
//! store, the statistics, the command line and the app.

pub mod app;
pub mod article;
pub mod cli;
pub mod edit;
pub mod exchange;
pub mod generate;
pub mod i18n;
pub mod model;
pub mod phrase;
pub mod query;
pub mod report;
pub mod stats;
pub mod store;
pub mod ui;
