//! Encrypted datasets, in the standard age format, so that a file can be recovered with the
//! `age` or `rage` tools even without this app.
//!
//! A dataset `NAME.ron.age` is encrypted to X25519 public keys (its recipients); its key file
//! `NAME.ron.age.key` holds the secret key, itself encrypted with the user's passphrase
//! (scrypt), as `age -p` makes it. The passphrase is asked once per opening; every save,
//! backup and recovery file after that is encrypted to the public keys, which costs no scrypt.
//! Team members' public keys, when the dataset has any, are listed in `NAME.ron.age.recipients`
//! (age's recipients-file format); each member opens the file with their own key file.
//!
//! `age -d -i NAME.ron.age.key NAME.ron.age > NAME.ron` decrypts a dataset by hand.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::armor::ArmoredReader;
use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use zeroize::Zeroizing;

use super::{LoadError, SaveError, atomic};

/// The scrypt work factor (`N = 2^18`) of the key files the app writes: about a second on a
/// laptop, what the `age` tool picks on most machines.
pub const WORK_FACTOR: u8 = 18;

/// The highest scrypt work factor accepted when reading a key file: the `age` and `rage` tools
/// pick up to about this on fast machines; more could take minutes and gigabytes to try.
pub const MAX_WORK_FACTOR: u8 = 22;

/// The first bytes of a binary age file, and of an armored one.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";
const ARMOR_MAGIC: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// What stops an encrypted file from being read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncryptionProblem {
    /// The file is encrypted and no passphrase was given.
    NeedsPassphrase,
    /// The key file that opens it is not there.
    NoKeyFile(PathBuf),
    /// The passphrase does not open the key file.
    WrongPassphrase,
    /// The key file is not an age key protected by a passphrase, or is damaged.
    KeyFileDamaged(PathBuf),
    /// The key file asks for more work than is accepted ([`MAX_WORK_FACTOR`]).
    TooMuchWork {
        /// The work factor the key file asks for.
        required: u8,
        /// The most accepted, [`MAX_WORK_FACTOR`].
        limit: u8,
    },
    /// The file is encrypted to other keys than this one.
    NotForThisKey,
    /// The file is damaged or cut: its bytes do not decrypt (nothing of it is used).
    Damaged,
}

impl EncryptionProblem {
    /// Whether another passphrase or key file may open the file (not a damaged one).
    pub fn is_about_the_key(&self) -> bool {
        matches!(
            self,
            Self::NeedsPassphrase | Self::NoKeyFile(_) | Self::WrongPassphrase | Self::KeyFileDamaged(_)
        )
    }
}

impl std::fmt::Display for EncryptionProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NeedsPassphrase => f.write_str("the file is encrypted: its passphrase is needed"),
            Self::NoKeyFile(key) => write!(f, "its key file {} is not there", key.display()),
            Self::WrongPassphrase => f.write_str("the passphrase is not the one of its key file"),
            Self::KeyFileDamaged(key) => {
                write!(f, "the key file {} is damaged or is not a key protected by a passphrase", key.display())
            }
            Self::TooMuchWork { required, limit } => write!(
                f,
                "the key file asks for a passphrase work factor of {required}, more than the {limit} accepted"
            ),
            Self::NotForThisKey => f.write_str("the file is encrypted for someone else's key, not this one"),
            Self::Damaged => f.write_str(
                "the encrypted file is damaged or cut off: its bytes do not decrypt (the backup FILE.bak may be whole)",
            ),
        }
    }
}

/// A dataset's key, unlocked: the secret key, its public key and the team's public keys. The
/// secret is wiped from memory when the key is dropped.
#[derive(Clone)]
pub struct Key {
    identity: x25519::Identity,
    /// The other public keys the dataset is encrypted to (team members), as `age1…` text.
    team: Vec<String>,
    /// The key file as it is on disk (encrypted with the passphrase), to put beside a copy saved
    /// under another name without asking for the passphrase again.
    protected: Vec<u8>,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Key")
            .field("public", &self.public_key())
            .field("team", &self.team)
            .finish_non_exhaustive()
    }
}

impl Key {
    /// A new key, protected by `passphrase` (its key file's bytes made now, with scrypt).
    pub fn generate(passphrase: &SecretString) -> Result<Self, SaveError> {
        Self::with_identity(x25519::Identity::generate(), Vec::new(), passphrase)
    }

    fn with_identity(
        identity: x25519::Identity,
        team: Vec<String>,
        passphrase: &SecretString,
    ) -> Result<Self, SaveError> {
        let protected = protect(&identity, passphrase)?;
        Ok(Self { identity, team, protected })
    }

    /// The same secret key protected by another passphrase.
    pub fn with_passphrase(&self, passphrase: &SecretString) -> Result<Self, SaveError> {
        Self::with_identity(self.identity.clone(), self.team.clone(), passphrase)
    }

    /// A new secret key for the same team, protected by `passphrase`: files saved after are
    /// closed to the old key.
    pub fn renewed(&self, passphrase: &SecretString) -> Result<Self, SaveError> {
        Self::with_identity(x25519::Identity::generate(), self.team.clone(), passphrase)
    }

    /// This key's public key, `age1…`, which team members add to their datasets.
    pub fn public_key(&self) -> String {
        self.identity.to_public().to_string()
    }

    /// The team members' public keys the dataset is also encrypted to.
    pub fn team(&self) -> &[String] {
        &self.team
    }

    /// Sets the team's public keys; an error names the first that is not an age public key.
    pub fn set_team(&mut self, team: Vec<String>) -> Result<(), String> {
        let own = self.public_key();
        let mut kept = Vec::new();
        for key in team.into_iter().map(|key| key.trim().to_owned()).filter(|key| !key.is_empty()) {
            x25519::Recipient::from_str(&key).map_err(|_| key.clone())?;
            if key != own && !kept.contains(&key) {
                kept.push(key);
            }
        }
        self.team = kept;
        Ok(())
    }

    /// Everyone the dataset is encrypted to: this key and the team.
    fn recipients(&self) -> Vec<x25519::Recipient> {
        let team = self.team.iter().filter_map(|key| x25519::Recipient::from_str(key).ok());
        std::iter::once(self.identity.to_public()).chain(team).collect()
    }

    /// Starts an encrypted stream into `out`, to this key and the team; the writer's `finish`
    /// ends it.
    pub(super) fn encrypt_into<W: Write>(&self, out: W) -> io::Result<age::stream::StreamWriter<W>> {
        let recipients = self.recipients();
        let encryptor = age::Encryptor::with_recipients(
            recipients.iter().map(|recipient| recipient as &dyn age::Recipient),
        )
        .map_err(io::Error::other)?;
        encryptor.wrap_output(out)
    }

    /// The decrypted stream of an encrypted file's bytes, or what stops it.
    pub(super) fn decrypt_from<R: Read>(&self, input: R) -> Result<impl Read + use<R>, EncryptionProblem> {
        let decryptor = age::Decryptor::new_buffered(ArmoredReader::new(input)).map_err(damaged)?;
        if decryptor.is_scrypt() {
            return Err(EncryptionProblem::NotForThisKey);
        }
        decryptor.decrypt(std::iter::once(&self.identity as &dyn age::Identity)).map_err(damaged)
    }
}

/// How a failure to start decrypting is told: a file for other keys, or one damaged.
#[allow(clippy::needless_pass_by_value)] // `map_err` hands the error over.
fn damaged(error: age::DecryptError) -> EncryptionProblem {
    match error {
        age::DecryptError::NoMatchingKeys => EncryptionProblem::NotForThisKey,
        _ => EncryptionProblem::Damaged,
    }
}

/// The secret key as an age identity file, encrypted with `passphrase`.
fn protect(identity: &x25519::Identity, passphrase: &SecretString) -> Result<Vec<u8>, SaveError> {
    let mut text = Zeroizing::new(String::new());
    let _ = writeln!(text, "# Repatriation Watch dataset key, protected by its passphrase");
    let _ = writeln!(text, "# public key: {}", identity.to_public());
    let _ = writeln!(text, "{}", identity.to_string().expose_secret());
    let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
    recipient.set_work_factor(WORK_FACTOR);
    let failed = |error: &dyn std::fmt::Display| SaveError::Serialize {
        path: PathBuf::from("key"),
        message: format!("cannot encrypt the key: {error}"),
    };
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .map_err(|error| failed(&error))?;
    let mut bytes = Vec::new();
    let mut writer = encryptor.wrap_output(&mut bytes).map_err(|error| failed(&error))?;
    writer.write_all(text.as_bytes()).map_err(|error| failed(&error))?;
    writer.finish().map_err(|error| failed(&error))?;
    Ok(bytes)
}

/// Whether the file at `path` is encrypted (an age file, binary or armored), by its first bytes.
pub fn is_encrypted(path: &Path) -> bool {
    let mut start = [0u8; 34];
    let Ok(mut file) = fs::File::open(path) else { return false };
    let mut read = 0;
    while read < start.len() {
        match file.read(&mut start[read..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => read += n,
        }
    }
    starts_encrypted(&start[..read])
}

/// Whether bytes begin as an age file does.
pub fn starts_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC) || bytes.starts_with(ARMOR_MAGIC)
}

/// The name an encrypted dataset is saved under: `NAME.ron` becomes `NAME.ron.age`.
pub fn encrypted_path(path: &Path) -> PathBuf {
    if path.extension().is_some_and(|extension| extension == "age") {
        return path.to_owned();
    }
    with_suffix(path, ".age")
}

/// The name a decrypted copy is saved under: `NAME.ron.age` becomes `NAME.ron`.
pub fn decrypted_path(path: &Path) -> PathBuf {
    if path.extension().is_some_and(|extension| extension == "age") {
        return path.with_extension("");
    }
    path.to_owned()
}

/// The key file beside an encrypted dataset: `NAME.ron.age.key`.
pub fn key_path(dataset: &Path) -> PathBuf {
    with_suffix(dataset, ".key")
}

/// The list of team members' public keys beside an encrypted dataset: `NAME.ron.age.recipients`.
pub fn recipients_path(dataset: &Path) -> PathBuf {
    with_suffix(dataset, ".recipients")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Unlocks the key of the encrypted dataset `dataset` with `passphrase`: its key file (the one
/// beside it unless `key_file` names another) and its team's public keys. This is the one slow
/// step (scrypt, about a second). Nothing is written.
pub fn unlock(dataset: &Path, key_file: Option<&Path>, passphrase: &SecretString) -> Result<Key, LoadError> {
    let key_file = key_file.map_or_else(|| key_path(dataset), Path::to_owned);
    let problem = |problem| LoadError::Encryption { path: dataset.to_owned(), problem };
    let protected = match fs::read(&key_file) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Err(problem(EncryptionProblem::NoKeyFile(key_file)));
        }
        Err(source) => return Err(LoadError::Read { path: key_file, source }),
    };
    let identity = open_key_file(&protected, passphrase, &key_file).map_err(problem)?;
    let team = read_team(dataset, &identity.to_public().to_string());
    Ok(Key { identity, team, protected })
}

/// The secret key inside a key file's bytes.
fn open_key_file(
    bytes: &[u8],
    passphrase: &SecretString,
    key_file: &Path,
) -> Result<x25519::Identity, EncryptionProblem> {
    let not_a_key = || EncryptionProblem::KeyFileDamaged(key_file.to_owned());
    let decryptor = age::Decryptor::new_buffered(ArmoredReader::new(bytes)).map_err(|_| not_a_key())?;
    if !decryptor.is_scrypt() {
        return Err(not_a_key());
    }
    let mut identity = age::scrypt::Identity::new(passphrase.clone());
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader =
        decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|error| match error {
            age::DecryptError::ExcessiveWork { required, .. } => {
                EncryptionProblem::TooMuchWork { required, limit: MAX_WORK_FACTOR }
            }
            age::DecryptError::DecryptionFailed
            | age::DecryptError::KeyDecryptionFailed
            | age::DecryptError::NoMatchingKeys => EncryptionProblem::WrongPassphrase,
            _ => not_a_key(),
        })?;
    let mut text = Zeroizing::new(String::new());
    reader.read_to_string(&mut text).map_err(|_| not_a_key())?;
    text.lines()
        .map(str::trim)
        .find(|line| line.starts_with("AGE-SECRET-KEY-"))
        .and_then(|line| x25519::Identity::from_str(line).ok())
        .ok_or_else(not_a_key)
}

/// The team's public keys listed beside a dataset, without `own`; none when there is no list.
fn read_team(dataset: &Path, own: &str) -> Vec<String> {
    let Ok(text) = fs::read_to_string(recipients_path(dataset)) else { return Vec::new() };
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#') && *line != own)
        .filter(|line| x25519::Recipient::from_str(line).is_ok())
        .map(str::to_owned)
        .collect()
}

/// Writes the key file beside an encrypted dataset, and its list of team members' public keys
/// (removed when there is no team), each atomically.
pub fn write_key_files(dataset: &Path, key: &Key) -> Result<(), SaveError> {
    atomic::write_atomically(&key_path(dataset), &key.protected, false)?;
    let recipients = recipients_path(dataset);
    if key.team.is_empty() {
        let _ = fs::remove_file(recipients);
        return Ok(());
    }
    let mut text = String::from("# The public keys this dataset is encrypted to (age -R reads this file)\n");
    let _ = writeln!(text, "{}", key.public_key());
    for member in &key.team {
        let _ = writeln!(text, "{member}");
    }
    atomic::write_atomically(&recipients, text.as_bytes(), false)
}

/// Removes a dataset file that another has replaced (the plain file once encrypted, the
/// encrypted one once decrypted), with its backup and, for an encrypted one, its key files.
/// Removing the file itself may fail (then said); the others are removed where they are.
pub fn remove_dataset_files(path: &Path) -> io::Result<()> {
    fs::remove_file(path)?;
    let _ = fs::remove_file(super::backup_path(path));
    if path.extension().is_some_and(|extension| extension == "age") {
        let _ = fs::remove_file(key_path(path));
        let _ = fs::remove_file(recipients_path(path));
    }
    Ok(())
}

/// Opens an encrypted file for reading through `key`. The file is decrypted on a thread of its
/// own a piece ahead of the reader, so that decrypting and reading the records share both cores.
pub(super) fn open_decrypted(path: &Path, key: &Key) -> Result<Box<dyn Read>, LoadError> {
    let file = fs::File::open(path).map_err(|source| LoadError::Read { path: path.to_owned(), source })?;
    let file = io::BufReader::with_capacity(DECRYPTED_PIECE, file.take(super::MAX_FILE_BYTES));
    let decrypted =
        key.decrypt_from(file).map_err(|problem| LoadError::Encryption { path: path.to_owned(), problem })?;
    Ok(Box::new(DecryptedAhead::spawn(decrypted)))
}

/// How much decrypted text a piece holds, and how many pieces wait at most.
const DECRYPTED_PIECE: usize = 256 << 10;
const PIECES_AHEAD: usize = 2;

/// The most decrypted text held between the file and its reader: the pieces waiting, the one
/// being filled, the one being read, and the file's buffer.
pub(super) const DECRYPTED_AHEAD_BYTES: usize = (PIECES_AHEAD + 3) * DECRYPTED_PIECE;

/// A decrypted stream read a few pieces ahead on another thread. Each piece is wiped from memory
/// once read; an error decrypting (a damaged or cut file) is handed on when the reader gets there.
struct DecryptedAhead {
    pieces: std::sync::mpsc::Receiver<io::Result<Zeroizing<Vec<u8>>>>,
    piece: Zeroizing<Vec<u8>>,
    at: usize,
}

impl DecryptedAhead {
    fn spawn(mut decrypted: impl Read + Send + 'static) -> Self {
        let (sender, pieces) = std::sync::mpsc::sync_channel(PIECES_AHEAD);
        let spawned = std::thread::Builder::new().name("decrypt".to_owned()).spawn(move || {
            loop {
                let mut piece = Zeroizing::new(Vec::with_capacity(DECRYPTED_PIECE));
                match (&mut decrypted).take(DECRYPTED_PIECE as u64).read_to_end(&mut piece) {
                    Ok(0) => break,
                    // The reader stopped (it gave up, or was cancelled): nothing more to do.
                    Ok(_) if sender.send(Ok(piece)).is_err() => break,
                    Ok(_) => {}
                    Err(error) => {
                        let _ = sender.send(Err(error));
                        break;
                    }
                }
            }
        });
        let (sender, pieces) = match spawned {
            Ok(_) => (None, pieces),
            // No thread to be had: the stream cannot be read (said as a read error).
            Err(error) => {
                let (sender, pieces) = std::sync::mpsc::sync_channel(1);
                let _ = sender.send(Err(error));
                (Some(sender), pieces)
            }
        };
        drop(sender);
        Self { pieces, piece: Zeroizing::new(Vec::new()), at: 0 }
    }
}

impl Read for DecryptedAhead {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        while self.at == self.piece.len() {
            match self.pieces.recv() {
                Ok(piece) => {
                    self.piece = piece?;
                    self.at = 0;
                }
                // The thread ended: the whole stream is read.
                Err(_) => return Ok(0),
            }
        }
        let count = buffer.len().min(self.piece.len() - self.at);
        buffer[..count].copy_from_slice(&self.piece[self.at..self.at + count]);
        self.at += count;
        Ok(count)
    }
}

/// Encrypted bytes in memory, for reading through `key` (the fuzz targets' way in).
pub(super) fn open_decrypted_bytes<'a>(bytes: &'a [u8], key: &Key) -> Result<Box<dyn Read + 'a>, LoadError> {
    key.decrypt_from(bytes)
        .map(|reader| Box::new(reader) as Box<dyn Read + 'a>)
        .map_err(|problem| LoadError::Encryption { path: PathBuf::from("(bytes)"), problem })
}

/// A key from an age identity's text (`AGE-SECRET-KEY-1…`), with no key file: for tests and
/// the fuzz targets, which need a fixed key.
#[doc(hidden)]
pub fn key_of_identity(text: &str) -> Option<Key> {
    let identity = x25519::Identity::from_str(text.trim()).ok()?;
    Some(Key { identity, team: Vec::new(), protected: Vec::new() })
}

/// An encrypted file decrypted whole, wiped from memory when dropped; a damaged or cut file
/// is an error, and none of it is given.
pub(super) fn read_decrypted(path: &Path, key: &Key) -> Result<Zeroizing<Vec<u8>>, LoadError> {
    read_whole(open_decrypted(path, key)?, path)
}

/// A decrypted stream read to its end, wiped from memory when dropped; bytes that do not
/// decrypt (a damaged or cut file, `path`) are an error, and none of them is given.
pub(super) fn read_whole(mut reader: impl Read, path: &Path) -> Result<Zeroizing<Vec<u8>>, LoadError> {
    let mut bytes = Zeroizing::new(Vec::new());
    reader
        .read_to_end(&mut bytes)
        .map_err(|_| LoadError::Encryption { path: path.to_owned(), problem: EncryptionProblem::Damaged })?;
    Ok(bytes)
}

/// A passphrase from a file's first line (for scripts: `--passphrase-file F`).
pub fn passphrase_from_file(path: &Path) -> io::Result<SecretString> {
    let text = Zeroizing::new(fs::read_to_string(path)?);
    let line = text.lines().next().unwrap_or_default();
    Ok(SecretString::from(line.to_owned()))
}
