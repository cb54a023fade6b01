//! Encrypted datasets in the window: the passphrase asked once per opening, File → Encryption…
//! (encrypt, change the passphrase, a new key, the team, decrypt), and the lock after idle.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use age::secrecy::SecretString;
use eframe::egui;

use super::RepatriationWatchApp;
use super::jobs::Unlock;
use crate::model::Dataset;
use crate::store::{self, EncryptionProblem, Key};
use crate::t;
use crate::ui::encryption_dialog::{
    EncryptionAnswer, EncryptionDialog, EncryptionState, PassphraseAnswer, PassphraseDialog, PassphraseFor,
    encryption_dialog_ui, passphrase_dialog_ui,
};
use crate::ui::errors::{encryption_problem, save_error};

/// The lock: whether the records are hidden, and since when the user has been idle.
pub(super) struct Lock {
    /// Whether the window is locked.
    pub(super) locked: bool,
    /// The file to open again on unlocking, when the records were dropped from memory.
    reopen: Option<PathBuf>,
    /// The last time the user touched the window.
    last_input: Instant,
}

impl Default for Lock {
    fn default() -> Self {
        Self { locked: false, reopen: None, last_input: Instant::now() }
    }
}

impl RepatriationWatchApp {
    /// Asks for a passphrase.
    pub(super) fn ask_passphrase(&mut self, purpose: PassphraseFor) {
        self.dialogs.passphrase = Some(PassphraseDialog::new(purpose, None));
    }

    /// Asks again for the passphrase of a file that did not open, saying why.
    pub(super) fn ask_passphrase_again(
        &mut self,
        path: PathBuf,
        forget: Option<PathBuf>,
        problem: &EncryptionProblem,
    ) {
        let error = Some(encryption_problem(problem));
        self.dialogs.passphrase = Some(PassphraseDialog::new(PassphraseFor::Open { path, forget }, error));
    }

    /// Offers back the unsaved work of an encrypted dataset just opened, when a run left some.
    pub(super) fn offer_encrypted_recovery(&mut self, path: &Path) {
        let (Some(dir), Some(key)) = (self.open.autosave.dir(), self.open.key.as_deref()) else { return };
        if let Some(recovery) = store::find_encrypted_recovery(dir, path, key) {
            let offer = crate::ui::dialogs::RecoveryOffer {
                dataset_path: recovery.dataset_path.clone(),
                written: recovery.written,
            };
            self.dialogs.shown = Some(crate::ui::dialogs::Dialog::Recovery(offer));
            self.dialogs.recovery = Some(recovery);
        }
    }

    /// Draws the passphrase prompt and File → Encryption…, and acts on their answers.
    pub(super) fn encryption_layer(&mut self, ctx: &egui::Context) {
        if let Some(dialog) = &mut self.dialogs.passphrase
            && let Some(answer) = passphrase_dialog_ui(ctx, dialog)
        {
            let purpose = dialog.purpose.clone();
            self.dialogs.passphrase = None;
            match answer {
                PassphraseAnswer::Given(passphrase, key_file) => {
                    self.passphrase_given(purpose, passphrase, key_file);
                }
                // A locked window stays locked.
                PassphraseAnswer::Cancel if purpose == PassphraseFor::Unlock => {
                    self.ask_passphrase(PassphraseFor::Unlock);
                }
                PassphraseAnswer::Cancel => {}
            }
        }
        let Some(dialog) = &mut self.dialogs.encryption else { return };
        let public_key = self.open.key.as_ref().map(|key| key.public_key());
        let state = EncryptionState { public_key: public_key.as_deref(), file: self.open.file.as_deref() };
        if let Some(answer) = encryption_dialog_ui(ctx, dialog, &state) {
            self.settings.lock_after_minutes = dialog.idle_minutes;
            self.encryption_answer(answer);
        }
    }

    /// Opens File → Encryption….
    pub(super) fn show_encryption(&mut self) {
        let team = self.open.key.as_ref().map(|key| key.team().join("\n")).unwrap_or_default();
        let idle_minutes = self.settings.lock_after_minutes;
        self.dialogs.encryption =
            Some(EncryptionDialog { team, idle_minutes, error: None, confirm_decrypt: false });
    }

    fn encryption_answer(&mut self, answer: EncryptionAnswer) {
        let close = |app: &mut Self| app.dialogs.encryption = None;
        match answer {
            EncryptionAnswer::Close => close(self),
            EncryptionAnswer::Encrypt => {
                close(self);
                match self.open.file.as_deref().map(store::encrypted_path) {
                    Some(target) => self.ask_passphrase(PassphraseFor::Encrypt { target: Some(target) }),
                    // Its recovery file could not be offered back without a name to find it by.
                    None => self.report(&t!("encryption-title"), t!("encryption-needs-a-file")),
                }
            }
            EncryptionAnswer::ChangePassphrase => {
                close(self);
                self.ask_passphrase(PassphraseFor::ChangePassphrase);
            }
            EncryptionAnswer::NewKey => {
                close(self);
                self.ask_passphrase(PassphraseFor::NewKey);
            }
            EncryptionAnswer::SetTeam(team) => self.set_team(team),
            EncryptionAnswer::LockNow => {
                close(self);
                self.lock();
            }
            EncryptionAnswer::Decrypt => {
                close(self);
                self.decrypt_dataset();
            }
        }
    }

    fn passphrase_given(
        &mut self,
        purpose: PassphraseFor,
        passphrase: SecretString,
        key_file: Option<PathBuf>,
    ) {
        match purpose {
            PassphraseFor::Open { path, forget } => {
                self.open_in_background(&path, forget, Some(Unlock { passphrase, key_file }));
            }
            PassphraseFor::Unlock => self.unlock_window(&passphrase),
            PassphraseFor::Encrypt { target } => match Key::generate(&passphrase) {
                Ok(key) => {
                    self.open.replacing = self.open.file.clone();
                    self.open.key = Some(Arc::new(key));
                    match target {
                        Some(target) => self.save_to(&target, None),
                        None => self.save_as(None),
                    }
                }
                Err(error) => self.report(&t!("save-failed-title"), save_error(&error)),
            },
            PassphraseFor::ChangePassphrase | PassphraseFor::NewKey => {
                let Some(key) = self.open.key.clone() else { return };
                let changed = if purpose == PassphraseFor::NewKey {
                    key.renewed(&passphrase)
                } else {
                    key.with_passphrase(&passphrase)
                };
                match changed {
                    Ok(key) => self.adopt_key(key),
                    Err(error) => self.report(&t!("save-failed-title"), save_error(&error)),
                }
            }
        }
    }

    /// Takes a changed key (a new passphrase, a new key, a new team): the file is saved to it,
    /// and its key file written once the file is.
    fn adopt_key(&mut self, key: Key) {
        self.open.key = Some(Arc::new(key));
        self.open.key_unwritten = true;
        self.save(None);
    }

    fn set_team(&mut self, team: Vec<String>) {
        let Some(key) = self.open.key.as_deref() else { return };
        let mut key = key.clone();
        match key.set_team(team) {
            Ok(()) => {
                self.dialogs.encryption = None;
                self.adopt_key(key);
            }
            Err(wrong) => {
                if let Some(dialog) = &mut self.dialogs.encryption {
                    dialog.error = Some(t!("encryption-team-wrong", key = wrong));
                }
            }
        }
    }

    /// Writes the key file of the dataset just saved at `path` when its key changed.
    pub(super) fn write_key_file_if_changed(&mut self, path: &Path) {
        if !self.open.key_unwritten {
            return;
        }
        let Some(key) = self.open.key.clone() else { return };
        match store::write_key_files(path, &key) {
            Ok(()) => {
                self.open.key_unwritten = false;
                self.message =
                    Some(t!("encryption-key-written", key = store::key_path(path).display().to_string()));
            }
            Err(error) => self.report(&t!("encryption-key-unwritten"), save_error(&error)),
        }
    }

    /// Saves the dataset decrypted beside the encrypted one, which goes with its key files.
    fn decrypt_dataset(&mut self) {
        let Some(file) = self.open.file.clone() else { return };
        let target = store::decrypted_path(&file);
        if target.exists() {
            self.report(&t!("encryption-decrypt-exists"), target.display().to_string());
            return;
        }
        self.open.key = None;
        self.open.replacing = Some(file);
        self.save_to(&target, None);
    }

    /// Removes the file the one just saved replaces (the plain file once encrypted, the
    /// encrypted one once decrypted), with its backup and key files.
    pub(super) fn remove_replaced(&mut self, saved: &Path) {
        let Some(replaced) = self.open.replacing.take() else { return };
        if store::same_file(&replaced, saved) {
            return;
        }
        if let Err(error) = store::remove_dataset_files(&replaced) {
            let file = replaced.display().to_string();
            self.report(
                &t!("encryption-not-removed", file = file.clone()),
                t!("load-cannot-read", reason = error.to_string()),
            );
        }
    }

    /// Locks the window: the records are hidden and, when all is saved, dropped from memory
    /// with the key (the file is read again on unlocking).
    pub(super) fn lock(&mut self) {
        if self.open.key.is_none() || self.lock.locked {
            return;
        }
        self.lock.locked = true;
        self.dialogs.shown = None;
        self.dialogs.encryption = None;
        if !self.has_unsaved_work()
            && let Some(file) = self.open.file.clone()
        {
            // The file is forgotten too: were the unlocking given up, nothing could be saved over
            // it from the empty window.
            self.show_dataset(Dataset::default(), None, String::new(), false);
            self.lock.reopen = Some(file);
        }
        self.ask_passphrase(PassphraseFor::Unlock);
        if let Some(window) = &self.window.context {
            window.request_repaint();
        }
    }

    fn unlock_window(&mut self, passphrase: &SecretString) {
        if let Some(path) = self.lock.reopen.take() {
            self.lock.locked = false;
            self.open_in_background(
                &path,
                None,
                Some(Unlock { passphrase: passphrase.clone(), key_file: None }),
            );
            return;
        }
        let (Some(file), Some(key)) = (self.open.file.clone(), self.open.key.clone()) else {
            self.lock.locked = false;
            return;
        };
        match store::unlock(&file, None, passphrase) {
            Ok(unlocked) if unlocked.public_key() == key.public_key() => self.lock.locked = false,
            Ok(_) => self.ask_again_to_unlock(&EncryptionProblem::WrongPassphrase),
            Err(store::LoadError::Encryption { problem, .. }) => self.ask_again_to_unlock(&problem),
            Err(error) => self.ask_again_to_unlock_saying(crate::ui::errors::load_error(&error)),
        }
    }

    fn ask_again_to_unlock(&mut self, problem: &EncryptionProblem) {
        self.ask_again_to_unlock_saying(encryption_problem(problem));
    }

    fn ask_again_to_unlock_saying(&mut self, error: String) {
        self.dialogs.passphrase = Some(PassphraseDialog::new(PassphraseFor::Unlock, Some(error)));
    }

    /// Locks the window once the user has been idle for the time set (an encrypted dataset only).
    pub(super) fn lock_when_idle(&mut self, ctx: &egui::Context) {
        let touched = ctx.input(|i| !i.events.is_empty() || i.pointer.is_moving());
        if touched {
            self.lock.last_input = Instant::now();
        }
        let minutes = self.settings.lock_after_minutes;
        if self.open.key.is_none() || self.lock.locked || minutes == 0 {
            return;
        }
        let after = Duration::from_secs(u64::from(minutes) * 60);
        let idle = self.lock.last_input.elapsed();
        if idle >= after {
            self.lock();
        } else {
            ctx.request_repaint_after(after.saturating_sub(idle));
        }
    }

    /// What a locked window shows instead of the records.
    pub(super) fn locked_ui(ui: &mut egui::Ui) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.centered_and_justified(|ui| ui.heading(t!("locked-text")));
        });
    }
}
