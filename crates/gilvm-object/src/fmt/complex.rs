//! `repr(complex)` and `format(complex, spec)` (CPython's `complex_repr` and
//! `format_complex_internal`).
//!
//! The repr writes the shortest round-trip digits of both parts, without `.0`: the
//! imaginary part alone when the real part is `+0.0` (`1j`, `-2.5j`), else both in
//! parentheses with the imaginary part's sign always written (`(1-0j)`, `(nan+infj)`).
//! A format spec formats both parts with the same type and precision, the imaginary
//! part always with a sign (unless the real part is omitted), and pads the whole.

use super::float_repr::{float_to_string, DtoaFlags};
use super::spec::{layout_number, Align, FormatSpec, Locale, NumberParts, Resolved, Sign};
use super::FmtError;

/// `repr(complex(re, im))`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let plain = DtoaFlags::default();
    if re == 0.0 && re.is_sign_positive() {
        let mut s = float_to_string(im, 'r', 0, plain);
        s.push('j');
        return s;
    }
    let signed = DtoaFlags {
        sign: true,
        ..DtoaFlags::default()
    };
    format!(
        "({}{}j)",
        float_to_string(re, 'r', 0, plain),
        float_to_string(im, 'r', 0, signed)
    )
}

/// One part of a formatted complex laid out without padding.
fn part(s: &str, sign: Option<Sign>, locale: Locale) -> Result<String, FmtError> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let decimal = body.as_bytes().get(n_int) == Some(&b'.');
    let rem_start = n_int + decimal as usize;
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &body[..n_int],
        decimal,
        remainder: &body[rem_start..],
    };
    let r = Resolved {
        fill: ' ',
        align: Align::Left,
        sign,
        no_neg_zero: false,
        alternate: false,
        width: None,
        locale,
        precision: None,
        ty: None,
    };
    layout_number(&parts, &r)
}

/// `format(complex(re, im), spec)` for a non-empty spec (the empty spec is `str()`).
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, FmtError> {
    if spec.zero_pad {
        return Err(FmtError::ValueError(
            "Zero padding is not allowed in complex format specifier".into(),
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(FmtError::ValueError(
            "'=' alignment flag is not allowed in complex format specifier".into(),
        ));
    }
    let r = spec.resolve(None, Align::Right)?;
    let mut ty = match r.ty {
        None => 'r',
        Some('n') => 'g',
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => c,
        Some(c) => {
            return Err(FmtError::UnknownFormatCode {
                code: c,
                type_name: "complex".into(),
            })
        }
    };
    if r.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FmtError::ValueError("precision too big".into()));
    }
    let (mut skip_re, mut add_parens) = (false, false);
    if r.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    let precision = match r.precision {
        None => {
            if r.ty.is_none() {
                0
            } else {
                6
            }
        }
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let flags = DtoaFlags {
        alt: r.alternate,
        no_neg_0: r.no_neg_zero,
        ..DtoaFlags::default()
    };
    let locale = if r.ty == Some('n') {
        Locale::None
    } else {
        r.locale
    };
    let re_s = float_to_string(re, ty, precision, flags);
    let im_s = float_to_string(im, ty, precision, flags);
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(&re_s, r.sign, locale)?);
    }
    let im_sign = if skip_re { r.sign } else { Some(Sign::Plus) };
    body.push_str(&part(&im_s, im_sign, locale)?);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let n = body.chars().count();
    super::spec::pad(&body, n, &r)
}
