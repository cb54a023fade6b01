//! Encrypted datasets on the command line: the passphrase from the terminal (never echoed) or
//! from `--passphrase-file F`, never from an argument; each key file unlocked once per run.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use age::secrecy::{ExposeSecret, SecretString};

use crate::model::Dataset;
use crate::store::{self, Key, LoadError, Progress};

/// The environment variable a script (or git's merge driver) names a passphrase file in.
pub const PASSPHRASE_FILE_VARIABLE: &str = "REPATRIATION_WATCH_PASSPHRASE_FILE";

/// Where passphrases come from, and the keys unlocked so far in this run.
#[derive(Default)]
struct Secrets {
    passphrase_file: Option<PathBuf>,
    key_file: Option<PathBuf>,
    /// Keys unlocked, by their key file.
    keys: HashMap<PathBuf, Arc<Key>>,
    /// The key each encrypted dataset read or written was opened with.
    used: HashMap<PathBuf, Arc<Key>>,
    /// The first key unlocked, for a new encrypted file written from encrypted ones.
    first: Option<Arc<Key>>,
}

thread_local! {
    static SECRETS: RefCell<Secrets> = RefCell::new(Secrets::default());
}

/// Sets where passphrases come from: `passphrase_file` (or the file named by
/// [`PASSPHRASE_FILE_VARIABLE`]), else the terminal; `key_file` instead of the one beside each
/// dataset.
pub fn configure(passphrase_file: Option<PathBuf>, key_file: Option<PathBuf>) {
    let passphrase_file =
        passphrase_file.or_else(|| std::env::var_os(PASSPHRASE_FILE_VARIABLE).map(PathBuf::from));
    SECRETS.with_borrow_mut(|secrets| {
        secrets.passphrase_file = passphrase_file;
        secrets.key_file = key_file;
    });
}

/// Unlocks encrypted datasets with `key_file` unless `--key-file` named one.
pub fn key_file_unless_given(key_file: PathBuf) {
    SECRETS.with_borrow_mut(|secrets| {
        secrets.key_file.get_or_insert(key_file);
    });
}

/// Reads a dataset, plain or encrypted (its key unlocked with the passphrase once); an
/// encrypted file's key file is the one `--key-file` names, else the one beside it.
pub fn load(file: &Path) -> Result<Dataset, String> {
    if !store::is_encrypted(file) {
        return store::load_file(file).map_err(|error| error.to_string());
    }
    let key = key_for(file)?;
    let loaded = store::load_protected(file, Some(&key), &Progress::default()).map_err(|e| e.to_string())?;
    SECRETS.with_borrow_mut(|secrets| secrets.used.insert(file.to_owned(), key));
    Ok(loaded)
}

/// Writes a dataset atomically: encrypted when the file there is encrypted or its name ends in
/// `.age` (to the key it was read with, else the first unlocked), plain otherwise. A new
/// encrypted file gets its key file beside it.
pub fn save(dataset: &Dataset, path: &Path) -> Result<(), String> {
    let encrypted = store::is_encrypted(path) || path.extension().is_some_and(|extension| extension == "age");
    if !encrypted {
        return store::save_file(dataset, path).map_err(|error| error.to_string());
    }
    let key = SECRETS.with_borrow(|secrets| secrets.used.get(path).or(secrets.first.as_ref()).cloned());
    let key = match key {
        Some(key) => key,
        None if path.exists() => key_for(path)?,
        None => {
            return Err(format!(
                "{}: an encrypted file needs a key: write it as .ron, then `repatriation-watch encrypt` it",
                path.display()
            ));
        }
    };
    if !path.exists() && !store::key_path(path).exists() {
        store::write_key_files(path, &key).map_err(|error| error.to_string())?;
    }
    store::save_protected(dataset, path, Some(&key), &Progress::default()).map_err(|error| error.to_string())
}

/// The key of an encrypted dataset, unlocked once per key file.
fn key_for(dataset: &Path) -> Result<Arc<Key>, String> {
    let chosen = SECRETS.with_borrow(|secrets| secrets.key_file.clone());
    let key_file = chosen.unwrap_or_else(|| store::key_path(dataset));
    if let Some(key) = SECRETS.with_borrow(|secrets| secrets.keys.get(&key_file).cloned()) {
        return Ok(key);
    }
    let passphrase = passphrase(&format!("Passphrase for {}: ", key_file.display()))?;
    let key =
        store::unlock(dataset, Some(&key_file), &passphrase).map_err(|error: LoadError| error.to_string())?;
    let key = Arc::new(key);
    SECRETS.with_borrow_mut(|secrets| {
        secrets.keys.insert(key_file, Arc::clone(&key));
        secrets.first.get_or_insert_with(|| Arc::clone(&key));
    });
    Ok(key)
}

/// A passphrase: the passphrase file's first line, else asked on the terminal without echo.
fn passphrase(prompt: &str) -> Result<SecretString, String> {
    if let Some(file) = SECRETS.with_borrow(|secrets| secrets.passphrase_file.clone()) {
        return store::passphrase_from_file(&file)
            .map_err(|error| format!("{}: cannot read the passphrase file: {error}", file.display()));
    }
    rpassword::prompt_password(prompt).map(SecretString::from).map_err(|error| {
        format!("the file is encrypted and its passphrase cannot be asked on a terminal ({error}): give --passphrase-file F")
    })
}

/// A new passphrase for a key: the passphrase file's first line, else asked twice on the
/// terminal (they must match). An empty one is refused.
pub fn new_passphrase() -> Result<SecretString, String> {
    let scripted = SECRETS.with_borrow(|secrets| secrets.passphrase_file.is_some());
    let first = passphrase("New passphrase: ")?;
    if !scripted {
        let again = passphrase("The same passphrase again: ")?;
        if first.expose_secret() != again.expose_secret() {
            return Err("the two passphrases differ: nothing was written".to_owned());
        }
    }
    if first.expose_secret().is_empty() {
        return Err("an empty passphrase protects nothing: nothing was written".to_owned());
    }
    Ok(first)
}

/// `encrypt FILE`: writes `FILE.age` encrypted to a new key protected by a new passphrase, with
/// its key file beside it, then removes the plain file and its backup.
pub fn encrypt(file: &Path) -> bool {
    let run = || -> Result<PathBuf, String> {
        if store::is_encrypted(file) {
            return Err(format!("{}: already encrypted", file.display()));
        }
        let dataset = store::load_file(file).map_err(|error| error.to_string())?;
        let target = store::encrypted_path(file);
        if target.exists() {
            return Err(format!("{}: already exists; nothing was written", target.display()));
        }
        let passphrase = new_passphrase()?;
        let key = Key::generate(&passphrase).map_err(|error| error.to_string())?;
        store::write_key_files(&target, &key).map_err(|error| error.to_string())?;
        store::save_protected(&dataset, &target, Some(&key), &Progress::default())
            .map_err(|error| error.to_string())?;
        // The encrypted copy is checked to read back whole before the plain one goes.
        let back = store::load_protected(&target, Some(&key), &Progress::default())
            .map_err(|error| format!("{error}; the plain file was kept"))?;
        let mut sorted = dataset;
        sorted.sort_by_id();
        if back != sorted {
            return Err(format!("{}: did not read back the same; the plain file was kept", target.display()));
        }
        remove_plain(file)?;
        Ok(target)
    };
    match run() {
        Ok(target) => {
            println!(
                "wrote {} and its key file {}; removed {} and its backup. Keep the key file and the passphrase: without both, the data cannot be read.",
                target.display(),
                store::key_path(&target).display(),
                file.display()
            );
            true
        }
        Err(error) => {
            eprintln!("{error}");
            false
        }
    }
}

/// Removes a plain file and its backup.
fn remove_plain(file: &Path) -> Result<(), String> {
    store::remove_dataset_files(file).map_err(|error| format!("{}: cannot remove: {error}", file.display()))
}

/// `decrypt FILE.age`: writes the plain `FILE` (or, with `to_stdout`, prints its text for
/// `git diff`), then removes the encrypted file, its backup and its key files.
pub fn decrypt(file: &Path, to_stdout: bool) -> bool {
    let run = || -> Result<Option<PathBuf>, String> {
        // `git diff` shows plain versions of the file too (those from before it was encrypted).
        if !to_stdout && !store::is_encrypted(file) {
            return Err(format!("{}: not encrypted", file.display()));
        }
        let dataset = load(file)?;
        if to_stdout {
            print!("{}", store::to_ron(&dataset).map_err(|error| error.to_string())?);
            return Ok(None);
        }
        let target = store::decrypted_path(file);
        if target == file || target.exists() {
            return Err(format!("{}: already exists; nothing was written", target.display()));
        }
        store::save_file(&dataset, &target).map_err(|error| error.to_string())?;
        store::remove_dataset_files(file)
            .map_err(|error| format!("{}: cannot remove: {error}", file.display()))?;
        Ok(Some(target))
    };
    match run() {
        Ok(Some(target)) => {
            println!(
                "wrote {} (not encrypted); removed {} and its key files",
                target.display(),
                file.display()
            );
            true
        }
        Ok(None) => true,
        Err(error) => {
            eprintln!("{error}");
            false
        }
    }
}
