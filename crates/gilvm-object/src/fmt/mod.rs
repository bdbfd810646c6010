//! Number and string formatting exactly as CPython 3.13 does it, as pure
//! functions on Rust primitives (no interpreter types).
//!
//! * [`float_repr`] / [`float_to_string`]: `repr(float)` and the general
//!   `PyOS_double_to_string` (`'r' e f g` modes) used by everything else.
//! * [`parse_format_spec`] + [`format_int`], [`format_i64`], [`format_float`],
//!   [`format_str`]: the format mini-language (`format()`, f-strings,
//!   `str.format`).
//! * [`parse_percent`] / [`PercentParser`] + [`percent_int`],
//!   [`percent_float`], [`percent_str`]: `%`-formatting.
//! * [`parse_int`], [`parse_float`]: `int(str, base)` and `float(str)`.
//! * [`int_to_radix`]: `hex()`, `oct()`, `bin()`.
//!
//! # Errors and type names
//! Every fallible function returns [`FmtError`]. Most variants carry their
//! final message. The two messages that name the Python type of the formatted
//! object are structured variants ([`FmtError::UnknownFormatCode`],
//! [`FmtError::InvalidFormatSpec`]) whose `type_name` field is filled with
//! the default (`"int"`, `"float"`, `"str"` by the `format_*` functions, empty
//! by [`parse_format_spec`]); the caller sets the real `type(obj).__name__`
//! (e.g. `"bool"` or a subclass name) with [`FmtError::with_type_name`] and
//! then raises `kind()` with `message()`.

mod complex;
pub mod digits_limit;
mod float_repr;
mod number;
mod parse;
mod percent;
mod spec;
mod string;
mod unicode;

#[cfg(test)]
mod tests;

pub use complex::{complex_repr, format_complex};
pub use float_repr::{float_repr, float_to_string, DtoaFlags};
pub use number::{format_float, format_i64, format_int, int_to_radix};
pub use parse::{parse_float, parse_int, parse_int_limited, ParseIntError};
pub use percent::{
    parse_percent, percent_char_from_int, percent_float, percent_int, percent_str, PercentCount,
    PercentParser, PercentPiece, PercentSpec,
};
pub use spec::{parse_format_spec, Align, FormatSpec, Grouping, Sign};
pub use string::format_str;

use std::fmt as stdfmt;

/// Largest output (in characters) the formatters agree to build; a width or
/// precision asking for more yields [`FmtError::MemoryError`] instead of an
/// allocation failure.
pub const MAX_OUTPUT_CHARS: usize = if usize::BITS >= 64 {
    u32::MAX as usize
} else {
    i32::MAX as usize
};

/// The Python exception class a [`FmtError`] must be raised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FmtErrorKind {
    /// `ValueError`
    ValueError,
    /// `TypeError`
    TypeError,
    /// `OverflowError`
    OverflowError,
    /// `MemoryError`
    MemoryError,
}

/// A formatting error, to be raised as the Python exception [`FmtError::kind`]
/// with the text [`FmtError::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FmtError {
    /// `ValueError` with this message.
    ValueError(String),
    /// `TypeError` with this message.
    TypeError(String),
    /// `OverflowError` with this message.
    OverflowError(String),
    /// `MemoryError` (the requested output is absurdly large); message
    /// usually empty, as CPython's.
    MemoryError(String),
    /// `ValueError: Unknown format code 'X' for object of type 'T'`.
    UnknownFormatCode {
        /// The offending presentation type.
        code: char,
        /// Python type name; fix it up with [`FmtError::with_type_name`].
        type_name: String,
    },
    /// `ValueError: Invalid format specifier 'SPEC' for object of type 'T'`.
    InvalidFormatSpec {
        /// The whole format specifier as written.
        spec: String,
        /// Python type name; empty when produced by [`parse_format_spec`].
        type_name: String,
    },
}

impl FmtError {
    /// Replaces the Python type name carried by the variants that mention it
    /// (no-op for the others). Call it with `type(obj).__name__`.
    pub fn with_type_name(self, name: &str) -> FmtError {
        match self {
            FmtError::UnknownFormatCode { code, .. } => FmtError::UnknownFormatCode {
                code,
                type_name: name.to_string(),
            },
            FmtError::InvalidFormatSpec { spec, .. } => FmtError::InvalidFormatSpec {
                spec,
                type_name: name.to_string(),
            },
            other => other,
        }
    }

    /// The Python exception class to raise.
    pub fn kind(&self) -> FmtErrorKind {
        match self {
            FmtError::TypeError(_) => FmtErrorKind::TypeError,
            FmtError::OverflowError(_) => FmtErrorKind::OverflowError,
            FmtError::MemoryError(_) => FmtErrorKind::MemoryError,
            _ => FmtErrorKind::ValueError,
        }
    }

    /// The exception message, exactly as CPython words it.
    pub fn message(&self) -> String {
        match self {
            FmtError::ValueError(m)
            | FmtError::TypeError(m)
            | FmtError::OverflowError(m)
            | FmtError::MemoryError(m) => m.clone(),
            FmtError::UnknownFormatCode { code, type_name } => format!(
                "Unknown format code '{}' for object of type '{}'",
                code_repr(*code),
                truncate200(type_name)
            ),
            FmtError::InvalidFormatSpec { spec, type_name } => format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec,
                truncate200(type_name)
            ),
        }
    }
}

impl stdfmt::Display for FmtError {
    fn fmt(&self, f: &mut stdfmt::Formatter<'_>) -> stdfmt::Result {
        let kind = match self.kind() {
            FmtErrorKind::ValueError => "ValueError",
            FmtErrorKind::TypeError => "TypeError",
            FmtErrorKind::OverflowError => "OverflowError",
            FmtErrorKind::MemoryError => "MemoryError",
        };
        write!(f, "{}: {}", kind, self.message())
    }
}

impl std::error::Error for FmtError {}

/// How CPython prints a presentation type in an error: the character itself
/// when printable ASCII (33..=127), else `\xNN`.
pub(crate) fn code_repr(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", u)
    }
}

/// `%.200s` of a type name.
fn truncate200(s: &str) -> &str {
    match s.char_indices().nth(200) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Error returned when an output would exceed [`MAX_OUTPUT_CHARS`].
pub(crate) fn too_big() -> FmtError {
    FmtError::MemoryError(String::new())
}
