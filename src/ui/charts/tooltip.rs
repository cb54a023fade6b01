//! The tooltip of a period's bar: its figures and the records behind them.

use eframe::egui;

use crate::i18n::{number, period_label};
use crate::model::Period;
use crate::stats::Bucket;
use crate::t;

/// Lists a period's figures and the records behind them (the rallies' when `rallies`).
pub(super) fn bucket_tooltip(ui: &mut egui::Ui, bucket: &Bucket, period: Period, rallies: bool) {
    ui.strong(period_label(period, bucket.start));
    if rallies {
        ui.label(t!("chart-tip-rallies", rallies = bucket.rallies, attendance = number(bucket.attendance)));
    } else {
        let high = bucket.people.high.map_or_else(|| t!("chart-open"), number);
        ui.label(t!(
            "chart-tip-people",
            best = number(bucket.people.best),
            low = number(bucket.people.low),
            high = high,
            incidents = bucket.incidents
        ));
    }
    let (records, count) = if rallies {
        (&bucket.rally_records, bucket.rallies)
    } else {
        (&bucket.repatriations, bucket.repatriation_count)
    };
    for record in records {
        let words = if record.beyond_legs {
            t!("chart-tip-beyond-legs", words = &record.words)
        } else {
            record.words.clone()
        };
        let (title, best) = (record.title.as_str(), number(record.best));
        ui.label(if record.spread {
            t!("chart-tip-record-spread", title = title, words = words, best = best)
        } else {
            t!("chart-tip-record", title = title, words = words, best = best)
        });
    }
    if count > records.len() {
        ui.weak(t!("chart-tip-more", count = count - records.len()));
    }
    for span in bucket.spanning.iter().filter(|_| !rallies) {
        let until = period_label(period, span.last_period);
        let (title, words) = (span.title.as_str(), span.words.as_str());
        ui.label(t!(
            "chart-tip-span",
            title = title,
            words = words,
            best = number(span.people.best),
            until = until
        ));
    }
}
