//! `share`: a copy of a dataset without what is confidential, with an account of what it left
//! out written beside it.

use std::path::Path;

use crate::exchange::shared_copy;
use crate::store;

/// Writes the shared copy of `file` to `out` (and as CSV into `csv`), its account beside it;
/// returns whether it could.
pub fn share(file: &Path, out: &Path, csv: Option<&Path>) -> bool {
    if store::same_file(file, out) {
        eprintln!("{}: the copy would replace the dataset itself; give another --out", out.display());
        return false;
    }
    let Some(dataset) = super::load_or_report(file) else { return false };
    let (copy, account) = shared_copy(&dataset);
    let name = file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let report = account.report(&name);
    let written =
        store::save_shared_copy(&copy, out, &report).map_err(|e| e.to_string()).and_then(|account_path| {
            match csv {
                Some(dir) => {
                    store::export_csv(&copy, dir, None).map(|_| account_path).map_err(|e| e.to_string())
                }
                None => Ok(account_path),
            }
        });
    let account_path = match written {
        Ok(account_path) => account_path,
        Err(error) => {
            eprintln!("{error}");
            return false;
        }
    };
    print!("{report}");
    println!("wrote {} and {}", out.display(), account_path.display());
    true
}
