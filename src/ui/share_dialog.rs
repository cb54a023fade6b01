//! File → Share a copy…: what a copy to share would leave out (the records marked confidential,
//! the personal details withheld, the references removed), shown before it is written.

use eframe::egui;

use crate::exchange::ShareAccount;
use crate::exchange::share::SHARE_KINDS;
use crate::i18n::choice;
use crate::model::RecordKind;
use crate::t;

/// What the user decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareAnswer {
    /// Choose where, and write the copy.
    Write,
    /// Give it up.
    Cancel,
}

/// The account of a copy to share, in the interface's language, a line for each thing left out.
pub fn account_lines(account: &ShareAccount) -> Vec<String> {
    let mut lines = Vec::new();
    for (index, kind) in SHARE_KINDS.iter().enumerate() {
        let count = account.records_left_out[index];
        if count > 0 {
            lines.push(t!("share-left-out", kind = choice(*kind), count = count));
        }
    }
    for (index, kind) in SHARE_KINDS.iter().enumerate() {
        let count = account.details_withheld[index];
        if count > 0 {
            lines.push(t!("share-withheld", kind = choice(*kind), count = count, fields = fields_of(*kind)));
        }
    }
    if account.references_removed > 0 {
        lines.push(t!("share-references", count = account.references_removed));
    }
    if account.merge_leftovers > 0 {
        lines.push(t!("share-merge", count = account.merge_leftovers));
    }
    if lines.is_empty() {
        lines.push(t!("share-whole"));
    }
    lines
}

fn fields_of(kind: RecordKind) -> String {
    match kind {
        RecordKind::Incident => t!("confidential-details-incident"),
        RecordKind::Source => t!("confidential-details-source"),
        _ => t!("confidential-details-notes"),
    }
}

/// Draws the dialog; returns the decision once there is one.
pub fn share_ui(ctx: &egui::Context, account: &ShareAccount) -> Option<ShareAnswer> {
    let modal = egui::Modal::new(egui::Id::unique("share-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(t!("share-title"));
        ui.add(egui::Label::new(t!("share-intro")).wrap());
        ui.add_space(6.0);
        for line in account_lines(account) {
            ui.label(format!("• {line}"));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t!("share-write")).clicked() {
                return Some(ShareAnswer::Write);
            }
            ui.button(t!("button-cancel")).clicked().then_some(ShareAnswer::Cancel)
        })
        .inner
    });
    modal.inner.or_else(|| modal.should_close().then_some(ShareAnswer::Cancel))
}
