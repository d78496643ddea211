//! Where output goes: standard output, or `-o FILE` written atomically.
//!
//! `-o FILE` writes to a temporary file in the same directory, and only a
//! run that ends (exit status 0 or 1) renames it over `FILE`. An error
//! that stops the run (exit status 2) removes the temporary file; an
//! interrupt or a kill may leave it behind (`.FILE.gisty-PID.tmp`), but
//! never touches `FILE`. So `FILE` is always either what it was before or
//! the whole new output, never half of it.

use std::fs::File;
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The output of a run.
pub enum Sink {
    /// Standard output, buffered.
    Stdout(BufWriter<StdoutLock<'static>>),
    /// A file written atomically.
    File(AtomicFile),
}

impl Sink {
    /// Standard output when `path` is `None` or `-`, otherwise a
    /// temporary file beside `path`.
    ///
    /// # Errors
    ///
    /// When the temporary file cannot be created (a missing directory,
    /// no permission, `path` is a directory).
    pub fn open(path: Option<&Path>) -> Result<Sink> {
        match path {
            Some(p) if p != Path::new("-") => {
                Ok(Sink::File(AtomicFile::create(p)?))
            }
            _ => Ok(Sink::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout().lock(),
            ))),
        }
    }

    /// Flushes the output; for a file, renames it into place.
    ///
    /// # Errors
    ///
    /// When writing, syncing or renaming fails; the target is then left
    /// as it was.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::File(f) => f.commit(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(buf),
            Sink::File(f) => f.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

/// A file that appears at its path only when [`commit`](Self::commit)
/// succeeds; dropped before that, it leaves no trace.
pub struct AtomicFile {
    target: PathBuf,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file for `target`, in `target`'s directory
    /// (so that the final rename stays on one file system), with the
    /// permissions of `target` when it exists.
    ///
    /// # Errors
    ///
    /// When the temporary file cannot be created, or `target` is a
    /// directory.
    pub fn create(target: &Path) -> Result<AtomicFile> {
        // Write through a symbolic link, not over it.
        let target = match std::fs::canonicalize(target) {
            Ok(real) => real,
            Err(_) => target.to_path_buf(),
        };
        let shown = target.display();
        if target.is_dir() {
            anyhow::bail!("cannot write {shown}: is a directory");
        }
        let name = target
            .file_name()
            .with_context(|| format!("cannot write {shown}: not a file"))?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".gisty-{}.tmp", std::process::id()));
        let tmp = dir.join(tmp_name);
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .or_else(|e| {
                // A leftover of an earlier run with the same process id.
                if e.kind() == io::ErrorKind::AlreadyExists {
                    std::fs::remove_file(&tmp)?;
                    File::options().write(true).create_new(true).open(&tmp)
                } else {
                    Err(e)
                }
            })
            .with_context(|| format!("cannot write {shown}"))?;
        let atomic = AtomicFile {
            target: target.clone(),
            tmp,
            file: Some(BufWriter::with_capacity(1 << 16, file)),
        };
        if let Ok(meta) = std::fs::metadata(&target) {
            // Keep the mode of the file being replaced; best effort.
            let _ = std::fs::set_permissions(&atomic.tmp, meta.permissions());
        }
        Ok(atomic)
    }

    /// Flushes and syncs the temporary file and renames it over the
    /// target.
    ///
    /// # Errors
    ///
    /// When any of these steps fails; the temporary file is then removed
    /// and the target left as it was.
    pub fn commit(mut self) -> Result<()> {
        let shown = self.target.display().to_string();
        let w = self.file.take().expect("not committed yet");
        let file = w.into_inner().map_err(|e| e.into_error());
        file.and_then(|f| f.sync_all())
            .and_then(|()| std::fs::rename(&self.tmp, &self.target))
            .with_context(|| format!("cannot write {shown}"))?;
        // Renamed: nothing to clean up.
        self.tmp = PathBuf::new();
        Ok(())
    }

    fn writer(&mut self) -> &mut BufWriter<File> {
        self.file.as_mut().expect("not committed yet")
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer().write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer().write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer().flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed (an error stopped the run): drop the half.
        drop(self.file.take());
        if !self.tmp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let d = std::env::temp_dir()
                .join(format!("gisty-sink-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&d);
            std::fs::create_dir_all(&d).unwrap();
            TempDir(d)
        }

        fn entries(&self) -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(&self.0)
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            v.sort();
            v
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn nothing_appears_until_commit() {
        let d = TempDir::new("commit");
        let target = d.0.join("out.txt");
        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(&vec![b'x'; 1 << 20]).unwrap();
        f.flush().unwrap();
        assert!(!target.exists(), "the target appears only on commit");
        assert_eq!(d.entries().len(), 1, "one temporary file");
        f.commit().unwrap();
        assert_eq!(std::fs::read(&target).unwrap().len(), 1 << 20);
        assert_eq!(d.entries(), ["out.txt"], "no temporary file left");
    }

    #[test]
    fn an_uncommitted_file_leaves_the_old_one_intact() {
        let d = TempDir::new("drop");
        let target = d.0.join("out.txt");
        std::fs::write(&target, "old contents\n").unwrap();
        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"half of the new").unwrap();
        f.flush().unwrap();
        drop(f);
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "old contents\n"
        );
        assert_eq!(d.entries(), ["out.txt"], "the temporary file is gone");
    }

    #[test]
    fn writes_through_a_symbolic_link() {
        let d = TempDir::new("link");
        let real = d.0.join("real.txt");
        let link = d.0.join("link.txt");
        std::fs::write(&real, "old").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&real, &link).unwrap();
            let mut f = AtomicFile::create(&link).unwrap();
            f.write_all(b"new").unwrap();
            f.commit().unwrap();
            assert!(link.symlink_metadata().unwrap().is_symlink());
            assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        }
    }

    #[test]
    fn a_directory_or_missing_directory_is_an_error() {
        let d = TempDir::new("errors");
        let e = AtomicFile::create(&d.0).err().unwrap().to_string();
        assert!(e.contains("is a directory"), "{e}");
        let e = AtomicFile::create(&d.0.join("no/such/dir/out.txt"))
            .err()
            .unwrap();
        assert!(format!("{e:#}").contains("cannot write"), "{e:#}");
        assert!(d.entries().is_empty());
    }
}
