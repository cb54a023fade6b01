//! The passphrase prompt (opening an encrypted dataset, unlocking the window, choosing a new
//! passphrase) and File → Encryption…: encrypt, change the passphrase, a new key, the team's
//! public keys, lock after idle, decrypt.

use std::path::PathBuf;

use age::secrecy::SecretString;
use eframe::egui;
use zeroize::Zeroizing;

use crate::t;

/// What a passphrase is asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum PassphraseFor {
    /// To open this encrypted dataset; `forget` is the recovery file to drop once it is open.
    Open {
        /// The dataset.
        path: PathBuf,
        /// The recovery file to drop once it is open.
        forget: Option<PathBuf>,
    },
    /// To show the records again after the window locked.
    Unlock,
    /// A new passphrase, to encrypt the dataset (saved as `target`, or under a name asked).
    Encrypt {
        /// Where the encrypted dataset goes; `None` asks for a name.
        target: Option<PathBuf>,
    },
    /// A new passphrase for the same key.
    ChangePassphrase,
    /// A new passphrase for a new key (the file is encrypted again to it).
    NewKey,
}

impl PassphraseFor {
    /// Whether a new passphrase is chosen (typed twice) rather than the known one given.
    pub fn is_new(&self) -> bool {
        matches!(self, Self::Encrypt { .. } | Self::ChangePassphrase | Self::NewKey)
    }
}

/// The passphrase prompt's state. What is typed is wiped from memory when it is dropped.
pub struct PassphraseDialog {
    /// What it is for.
    pub purpose: PassphraseFor,
    passphrase: Zeroizing<String>,
    again: Zeroizing<String>,
    /// Another key file than the one beside the dataset (a team member's own), typed.
    key_file: String,
    /// Why the last try failed.
    pub error: Option<String>,
    /// Whether the first field was given the keyboard when the prompt opened (once only, so a
    /// click into another field keeps it).
    focused: bool,
}

impl PassphraseDialog {
    /// A prompt for `purpose`, empty, with `error` shown when a try failed.
    pub fn new(purpose: PassphraseFor, error: Option<String>) -> Self {
        Self {
            purpose,
            passphrase: Zeroizing::new(String::new()),
            again: Zeroizing::new(String::new()),
            key_file: String::new(),
            error,
            focused: false,
        }
    }
}

/// The prompt's answer.
pub enum PassphraseAnswer {
    /// Closed without a passphrase.
    Cancel,
    /// The passphrase (checked to match its repetition when new) and another key file, if typed.
    Given(SecretString, Option<PathBuf>),
}

/// Draws the prompt in a window of its own over everything; returns the answer once there is one.
pub fn passphrase_dialog_ui(ctx: &egui::Context, dialog: &mut PassphraseDialog) -> Option<PassphraseAnswer> {
    egui::Modal::new(egui::Id::unique("passphrase-dialog")).show(ctx, |ui| passphrase_ui(ui, dialog)).inner
}

fn passphrase_ui(ui: &mut egui::Ui, dialog: &mut PassphraseDialog) -> Option<PassphraseAnswer> {
    ui.set_max_width(480.0);
    let (title, text) = match &dialog.purpose {
        PassphraseFor::Open { path, .. } => {
            (t!("passphrase-open-title"), t!("passphrase-open-text", file = file_name(path)))
        }
        PassphraseFor::Unlock => (t!("passphrase-unlock-title"), t!("passphrase-unlock-text")),
        PassphraseFor::Encrypt { .. } => (t!("passphrase-encrypt-title"), t!("passphrase-encrypt-text")),
        PassphraseFor::ChangePassphrase => (t!("passphrase-change-title"), t!("passphrase-new-text")),
        PassphraseFor::NewKey => (t!("passphrase-new-key-title"), t!("passphrase-new-key-text")),
    };
    ui.heading(title);
    ui.add(egui::Label::new(text).wrap());
    ui.add_space(6.0);
    let label = if dialog.purpose.is_new() { t!("passphrase-new") } else { t!("passphrase") };
    let first = secret_field(ui, &label, &mut dialog.passphrase);
    // Asked until it has it: the prompt's first frame only measures it.
    if !dialog.focused {
        first.request_focus();
        dialog.focused = first.has_focus();
    }
    let new = dialog.purpose.is_new();
    if new {
        secret_field(ui, &t!("passphrase-again"), &mut dialog.again);
    }
    if matches!(dialog.purpose, PassphraseFor::Open { .. }) {
        ui.horizontal(|ui| {
            let label = ui.label(t!("passphrase-key-file"));
            ui.add(
                egui::TextEdit::singleline(&mut dialog.key_file).hint_text(t!("passphrase-key-file-hint")),
            )
            .labelled_by(label.id);
        });
    }
    if let Some(error) = &dialog.error {
        ui.colored_label(ui.visuals().error_fg_color, error.as_str());
    }
    ui.add_space(8.0);
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
    // A locked window has nothing to go back to: it stays locked until the passphrase is given.
    let cancellable = dialog.purpose != PassphraseFor::Unlock;
    let (ok, cancel) = ui
        .horizontal(|ui| {
            let ok = ui.button(t!("passphrase-ok")).clicked();
            (ok, cancellable && ui.button(t!("button-cancel")).clicked())
        })
        .inner;
    if cancel {
        return Some(PassphraseAnswer::Cancel);
    }
    if !(ok || enter) {
        return None;
    }
    if dialog.passphrase.is_empty() {
        dialog.error = Some(t!("passphrase-empty"));
        return None;
    }
    if new && *dialog.passphrase != *dialog.again {
        dialog.error = Some(t!("passphrase-differ"));
        return None;
    }
    let key_file = Some(dialog.key_file.trim()).filter(|text| !text.is_empty()).map(PathBuf::from);
    let passphrase = SecretString::from(std::mem::take(&mut *dialog.passphrase));
    dialog.again.clear();
    Some(PassphraseAnswer::Given(passphrase, key_file))
}

/// A field whose text is shown as dots.
fn secret_field(ui: &mut egui::Ui, label: &str, text: &mut String) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(egui::TextEdit::singleline(text).password(true).desired_width(260.0)).labelled_by(label.id)
    })
    .inner
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}

/// File → Encryption…: its state.
pub struct EncryptionDialog {
    /// The team's public keys, one a line, as edited.
    pub team: String,
    /// Lock the window after this many minutes without input (0: never).
    pub idle_minutes: u32,
    /// Why the last change failed.
    pub error: Option<String>,
    /// Whether Decrypt… was clicked once: the dialog then says what it does and asks again.
    pub confirm_decrypt: bool,
}

/// What the encryption dialog shows of the dataset.
pub struct EncryptionState<'a> {
    /// The encrypted dataset's public key; `None` for a plain dataset.
    pub public_key: Option<&'a str>,
    /// The dataset's file, when it has one.
    pub file: Option<&'a std::path::Path>,
}

/// What the encryption dialog asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum EncryptionAnswer {
    /// Close it (the idle time chosen is kept).
    Close,
    /// Encrypt the plain dataset with a new passphrase.
    Encrypt,
    /// A new passphrase for the key.
    ChangePassphrase,
    /// A new key (and passphrase); the file is encrypted again to it.
    NewKey,
    /// Encrypt to these team members' public keys too.
    SetTeam(Vec<String>),
    /// Lock the window now.
    LockNow,
    /// Save the dataset decrypted, and remove the encrypted file and its key.
    Decrypt,
}

/// Draws File → Encryption…; returns what is asked once something is.
pub fn encryption_dialog_ui(
    ctx: &egui::Context,
    dialog: &mut EncryptionDialog,
    state: &EncryptionState<'_>,
) -> Option<EncryptionAnswer> {
    egui::Modal::new(egui::Id::unique("encryption-dialog"))
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(t!("encryption-title"));
            let answer = match state.public_key {
                None => plain_ui(ui, state),
                Some(public_key) => encrypted_ui(ui, dialog, public_key),
            };
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label(t!("encryption-idle"));
                ui.add(
                    egui::DragValue::new(&mut dialog.idle_minutes)
                        .range(0..=240)
                        .suffix(t!("minutes-suffix")),
                )
                .labelled_by(label.id);
                ui.label(t!("encryption-idle-note"));
            });
            if let Some(error) = &dialog.error {
                ui.colored_label(ui.visuals().error_fg_color, error.as_str());
            }
            ui.add_space(6.0);
            answer.or_else(|| ui.button(t!("button-close")).clicked().then_some(EncryptionAnswer::Close))
        })
        .inner
}

fn plain_ui(ui: &mut egui::Ui, state: &EncryptionState<'_>) -> Option<EncryptionAnswer> {
    ui.add(egui::Label::new(t!("encryption-plain-text")).wrap());
    if let Some(file) = state.file {
        ui.label(t!("encryption-plain-file", file = file.display().to_string()));
    }
    ui.button(t!("encryption-encrypt")).clicked().then_some(EncryptionAnswer::Encrypt)
}

fn encrypted_ui(
    ui: &mut egui::Ui,
    dialog: &mut EncryptionDialog,
    public_key: &str,
) -> Option<EncryptionAnswer> {
    ui.add(egui::Label::new(t!("encryption-encrypted-text")).wrap());
    ui.horizontal(|ui| {
        ui.label(t!("encryption-public-key"));
        let mut shown = public_key.to_owned();
        ui.add(egui::TextEdit::singleline(&mut shown).desired_width(380.0).font(egui::TextStyle::Monospace));
        if ui.button(t!("encryption-copy")).clicked() {
            ui.ctx().copy_text(public_key.to_owned());
        }
    });
    ui.label(t!("encryption-team"));
    ui.add(
        egui::TextEdit::multiline(&mut dialog.team)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .font(egui::TextStyle::Monospace)
            .hint_text("age1…"),
    );
    let mut answer = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button(t!("encryption-set-team")).clicked() {
            answer = Some(EncryptionAnswer::SetTeam(dialog.team.lines().map(str::to_owned).collect()));
        }
        if ui.button(t!("encryption-change-passphrase")).clicked() {
            answer = Some(EncryptionAnswer::ChangePassphrase);
        }
        if ui.button(t!("encryption-new-key")).clicked() {
            answer = Some(EncryptionAnswer::NewKey);
        }
        if ui.button(t!("command-lock")).clicked() {
            answer = Some(EncryptionAnswer::LockNow);
        }
        if ui.button(t!("encryption-decrypt")).clicked() {
            dialog.confirm_decrypt = true;
        }
    });
    if dialog.confirm_decrypt {
        ui.colored_label(ui.visuals().warn_fg_color, t!("encryption-decrypt-warning"));
        ui.horizontal(|ui| {
            if ui.button(t!("encryption-decrypt-confirm")).clicked() {
                answer = Some(EncryptionAnswer::Decrypt);
            }
            if ui.button(t!("button-cancel")).clicked() {
                dialog.confirm_decrypt = false;
            }
        });
    }
    answer
}
