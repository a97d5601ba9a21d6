//! The one error type of the crate.

use std::path::PathBuf;

/// Everything that can go wrong, each naming what it is about.
///
/// ```
/// let err = ja_press::read_document(std::path::Path::new("no/such/file.txt")).unwrap_err();
/// assert!(matches!(err, ja_press::Error::Io { .. }));
/// assert!(err.to_string().contains("no/such/file.txt"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or stream could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file, or `-` for standard input.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not text in UTF-8, Shift_JIS or EUC-JP.
    #[error("{path}: {reason}")]
    Encoding {
        /// The file.
        path: PathBuf,
        /// Which encodings were tried and what was found.
        reason: String,
    },
    /// The input is not a press release that can be read: binary data, for instance.
    #[error("{path}: {reason}")]
    Input {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The morphological dictionary could not be loaded, or the tokenizer failed.
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// A user dictionary or vocabulary file is malformed.
    #[error("{path}:{line}: {reason}")]
    UserFile {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong on that line.
        reason: String,
    },
    /// A value could not be parsed (a date value, a JSON line…).
    #[error("{0}")]
    Parse(String),
}

impl Error {
    /// The same error, naming `path` where it names a file.
    ///
    /// ```
    /// let e = ja_press::Error::Parse("bad".into()).with_path("a.txt");
    /// assert_eq!(e.to_string(), "bad");
    /// ```
    pub fn with_path(self, path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        match self {
            Error::Io { source, .. } => Error::Io { path, source },
            Error::Encoding { reason, .. } => Error::Encoding { path, reason },
            Error::Input { reason, .. } => Error::Input { path, reason },
            other => other,
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
