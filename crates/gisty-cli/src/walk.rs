//! `-r`: directories named on the command line, expanded to their files.

use std::path::{Path, PathBuf};

use crate::config::Input;

/// The inputs with every directory replaced, when `recursive`, by the
/// files below it: in sorted order (by path, byte-wise), hidden files and
/// directories (names starting with '.') left out, symbolic links to
/// directories not followed. A directory that cannot be read is reported
/// on stderr; the return value says whether any was.
pub fn expand(inputs: Vec<Input>, recursive: bool) -> (Vec<Input>, bool) {
    if !recursive {
        return (inputs, false);
    }
    let mut out = Vec::with_capacity(inputs.len());
    let mut failed = false;
    for input in inputs {
        match input {
            Input::File(ref p) if p.is_dir() => {
                let mut files = Vec::new();
                failed |= !collect(p, &mut files);
                files.sort();
                out.extend(files.into_iter().map(Input::File));
            }
            other => out.push(other),
        }
    }
    (out, failed)
}

/// Appends the files below `dir` to `files`; false when some directory
/// could not be read (reported on stderr).
fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> bool {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("gisty: {}: {e}", dir.display());
            return false;
        }
    };
    let mut ok = true;
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                eprintln!("gisty: {}: {e}", dir.display());
                ok = false;
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => ok &= collect(&path, files),
            // A symbolic link to a directory is not followed.
            Ok(t) if t.is_symlink() && path.is_dir() => {}
            Ok(_) => files.push(path),
            Err(e) => {
                eprintln!("gisty: {}: {e}", path.display());
                ok = false;
            }
        }
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_recursive_without_hidden() {
        let root = std::env::temp_dir()
            .join(format!("gisty-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, body) in [
            ("b.txt", "b"),
            ("a/z.txt", "z"),
            ("a/c/d.html", "d"),
            ("a/.hidden.txt", "h"),
            (".git/config", "g"),
            ("A.txt", "A"),
        ] {
            let p = root.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, body).unwrap();
        }
        let (inputs, failed) =
            expand(vec![Input::File(root.clone()), Input::Stdin], true);
        assert!(!failed);
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => {
                    p.strip_prefix(&root).unwrap().display().to_string()
                }
                Input::Stdin => "-".to_string(),
            })
            .collect();
        assert_eq!(names, ["A.txt", "a/c/d.html", "a/z.txt", "b.txt", "-"]);
        // Without -r the directory stays, to be reported as one.
        let (inputs, _) = expand(vec![Input::File(root.clone())], false);
        assert!(matches!(&inputs[..], [Input::File(p)] if p == &root));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
