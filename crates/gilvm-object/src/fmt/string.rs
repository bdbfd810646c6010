//! `format(str, spec)` (CPython's `format_string_internal`): truncation by
//! precision and padding; signs, `z`, `#` and `=` are rejected.

use super::spec::{pad, Align, FormatSpec, Sign};
use super::FmtError;

/// `format(v, spec)` for a Python str (`str.__format__`): type `s` or none,
/// precision truncates (in characters), default alignment is left.
///
/// Errors are CPython's: `Sign not allowed in string format specifier`,
/// `Space not allowed in string format specifier`, `Negative zero coercion
/// (z) not allowed in string format specifier`, `Alternate form (#) not
/// allowed in string format specifier`, `'=' alignment not allowed in string
/// format specifier`, `Cannot specify ',' with 's'.` and
/// [`FmtError::UnknownFormatCode`] naming type `str`.
pub fn format_str(v: &str, spec: &FormatSpec) -> Result<String, FmtError> {
    let r = spec.resolve(Some('s'), Align::Left)?;
    if r.ty != Some('s') {
        return Err(FmtError::UnknownFormatCode {
            code: r.ty.unwrap_or('\0'),
            type_name: "str".into(),
        });
    }
    let err = |m: &str| Err(FmtError::ValueError(m.to_string()));
    match r.sign {
        Some(Sign::Space) => return err("Space not allowed in string format specifier"),
        Some(_) => return err("Sign not allowed in string format specifier"),
        None => {}
    }
    if r.no_neg_zero {
        return err("Negative zero coercion (z) not allowed in string format specifier");
    }
    if r.alternate {
        return err("Alternate form (#) not allowed in string format specifier");
    }
    if r.align == Align::AfterSign {
        return err("'=' alignment not allowed in string format specifier");
    }
    let (s, n) = match r.precision {
        Some(p) => match v.char_indices().nth(p) {
            Some((i, _)) => (&v[..i], p),
            None => (v, v.chars().count()),
        },
        None => (v, v.chars().count()),
    };
    if r.width.is_none_or(|w| w <= n) {
        return Ok(s.to_string());
    }
    pad(s, n, &r)
}

#[cfg(test)]
mod tests {
    use super::super::parse_format_spec;
    use super::*;

    #[test]
    fn strings() {
        let f = |v: &str, s: &str| format_str(v, &parse_format_spec(s).unwrap());
        assert_eq!(f("abcdef", "^10.3s").unwrap(), "   abc    ");
        assert_eq!(f("abc", "010").unwrap(), "abc0000000");
        assert_eq!(f("é", "*>3").unwrap(), "**é");
        assert_eq!(
            f("a", ",").unwrap_err().message(),
            "Cannot specify ',' with 's'."
        );
        assert_eq!(
            f("a", "+").unwrap_err().message(),
            "Sign not allowed in string format specifier"
        );
        assert_eq!(
            f("a", "d").unwrap_err().message(),
            "Unknown format code 'd' for object of type 'str'"
        );
    }
}
