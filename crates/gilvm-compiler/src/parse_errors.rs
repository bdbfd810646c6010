//! Turns ruff's parse errors into CPython-style `SyntaxError`/`IndentationError` messages.
use ruff_python_parser::{ParseError, ParseErrorType};
use ruff_text_size::{TextRange, TextSize};

use crate::error::{CompileError, ErrorKind};

pub fn convert(source: &str, e: ParseError) -> CompileError {
    let msg = e.error.to_string();
    let range = e.location;
    if let Some((m, r)) =
        bracket_error(source).filter(|(m, r)| !same_line_mistake(source, m, *r, range))
    {
        return CompileError {
            kind: ErrorKind::SyntaxError,
            msg: m,
            range: r,
            line: 0,
            col: 0,
            end_col: 0,
            text: String::new(),
        };
    }
    let mut kind = ErrorKind::SyntaxError;
    let lower = msg.to_lowercase();
    let mut range = range;
    let text = if let Some(m) = pattern_error(source, &e.error, range) {
        m
    } else if let Some(m) = crate::parse_messages::message(source, &e.error, range) {
        m
    } else if let Some((m, r)) = source_hint(source, range) {
        range = r;
        m
    } else if lower.contains("multiple exception types must be parenthesized when using") {
        // PEP 758: `except A, B as e:`; CPython's caret runs to the end of the name.
        range = TextRange::new(range.start(), except_as_end(source, range.end()));
        "multiple exception types must be parenthesized when using 'as'".to_string()
    } else if lower.contains("unexpected indentation") {
        kind = ErrorKind::IndentationError;
        "unexpected indent".to_string()
    } else if lower.contains("unindent does not match") || lower.contains("dedent") {
        kind = ErrorKind::IndentationError;
        "unindent does not match any outer indentation level".to_string()
    } else if lower.contains("expected an indented block") {
        kind = ErrorKind::IndentationError;
        expected_block(source, range)
    } else if let ParseErrorType::ExpectedToken { expected, .. } = &e.error {
        let exp = expected.to_string();
        if exp.contains(':') || exp == "Colon" {
            // CPython points at the end of the header line.
            "expected ':'".to_string()
        } else if exp.contains(')') || exp.contains(']') || exp.contains('}') {
            "invalid syntax".to_string()
        } else {
            "invalid syntax".to_string()
        }
    } else if (lower.contains("unterminated") || lower.contains("missing closing quote"))
        && is_triple_quote_at(source, range)
    {
        // CPython points at the opening quotes and names the last line of the source.
        let last = source.trim_end_matches('\n').matches('\n').count() + 1;
        let q = range.start();
        let prefix = source[q.to_usize()..].find(['"', '\'']).unwrap_or(0) as u32;
        let at = q + TextSize::from(prefix);
        let mut ce = CompileError::syntax(
            format!("unterminated triple-quoted string literal (detected at line {last})"),
            TextRange::new(at, at + TextSize::from(1)),
        );
        ce.kind = kind;
        return ce;
    } else if lower.contains("unterminated string") || lower.contains("missing closing quote") {
        "unterminated string literal (detected at line LINE)".to_string()
    } else if lower.contains("invalid syntax")
        || lower.contains("expected a statement")
        || lower.contains("expected an expression")
        || lower.contains("simple statements must be separated")
        || lower.contains("unexpected token at the end of an expression")
        || lower.contains("but found a keyword")
        || lower.contains("expected a parameter")
    {
        "invalid syntax".to_string()
    } else {
        format!("invalid syntax ({msg})")
    };
    let mut ce = CompileError {
        kind,
        msg: text,
        range,
        line: 0,
        col: 0,
        end_col: 0,
        text: String::new(),
    };
    if ce.msg.contains("LINE") {
        let line = crate::LineIndex::new(source).line(range.start().to_u32());
        ce.msg = ce.msg.replace("LINE", &line.to_string());
    }
    ce
}

/// CPython's messages for two mistakes recognised from the source around the error at
/// `range` (Grammar/python.gram's `invalid_import` and `invalid_starred_expression`):
/// `import a, b from c` ("Did you mean ..."), and a `*` with no expression after it in
/// a call's arguments or right after an opening bracket (`f(x, *)`, `A[*]`).
fn source_hint(source: &str, range: TextRange) -> Option<(String, TextRange)> {
    let p = range.start().to_usize();
    let before = source.get(..p)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = &before[line_start..];
    let indent = line.len() - line.trim_start().len();
    let after = source.get(p..).unwrap_or("");
    let is_from = after.starts_with("from")
        && !after[4..].starts_with(|c: char| c.is_alphanumeric() || c == '_');
    if is_from && line.trim_start().starts_with("import ") {
        // From `import` to the end of the module name after `from`.
        let rest = after[4..].trim_start();
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(rest.len());
        let end = p + (after.len() - rest.len()) + name_len;
        let r = TextRange::new(
            TextSize::from((line_start + indent) as u32),
            TextSize::from(end as u32),
        );
        return Some((
            "Did you mean to use 'from ... import ...' instead?".to_string(),
            r,
        ));
    }
    let b = before.trim_end();
    if !b.ends_with('*') || b.ends_with("**") {
        return None;
    }
    let b2 = b[..b.len() - 1].trim_end();
    let star_ok = if b2.ends_with(['(', '[', '{']) {
        true
    } else if b2.ends_with(',') {
        // In a call's arguments: the innermost open bracket is a `(` after a callee.
        let mut depth = 0i32;
        let mut open = None;
        for (i, c) in b2.char_indices().rev() {
            match c {
                ')' | ']' | '}' => depth += 1,
                '(' | '[' | '{' if depth > 0 => depth -= 1,
                '(' | '[' | '{' => {
                    open = Some((i, c));
                    break;
                }
                _ => {}
            }
        }
        matches!(open, Some((i, '(')) if b2[..i].trim_end().ends_with(|c: char| {
            c.is_alphanumeric() || c == '_' || c == ')' || c == ']'
        }))
    } else {
        false
    };
    if !star_ok {
        return None;
    }
    let len = after.chars().next().map_or(1, char::len_utf8) as u32;
    Some((
        "Invalid star expression".to_string(),
        TextRange::at(range.start(), TextSize::from(len)),
    ))
}

/// Whether the string token at `range` opens with three quotes (after any prefix letters).
fn is_triple_quote_at(source: &str, range: TextRange) -> bool {
    let t = source.get(range.start().to_usize()..).unwrap_or("");
    let t = t.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    t.starts_with("\"\"\"") || t.starts_with("\'\'\'")
}

/// CPython's messages for the parse errors of `case` patterns.
fn pattern_error(source: &str, e: &ParseErrorType, range: TextRange) -> Option<String> {
    let text = source
        .get(range.start().to_usize()..range.end().to_usize())
        .unwrap_or("");
    let is_number = text.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    let before = source
        .get(..range.start().to_usize())
        .unwrap_or("")
        .trim_end();
    let m = match e {
        ParseErrorType::InvalidStarPatternUsage => "invalid syntax",
        ParseErrorType::InvalidMatchPatternTarget if before.ends_with("**") => "invalid syntax",
        ParseErrorType::InvalidMatchPatternTarget => "cannot use '_' as a target",
        ParseErrorType::ExpectedRealNumber if is_number => {
            "real number required in complex literal"
        }
        ParseErrorType::ExpectedImaginaryNumber if is_number => {
            "imaginary number required in complex literal"
        }
        ParseErrorType::ExpectedRealNumber | ParseErrorType::ExpectedImaginaryNumber => {
            "invalid syntax"
        }
        _ => {
            let msg = e.to_string();
            if msg == "Invalid mapping pattern key" {
                "invalid syntax"
            } else if msg == "Positional patterns cannot follow keyword patterns" {
                "positional patterns follow keyword patterns"
            } else {
                return None;
            }
        }
    };
    Some(m.to_string())
}

/// Outcome of scanning the brackets of a source file.
enum Brackets {
    Balanced,
    /// A closer with no opener: (char, byte offset).
    Unmatched(char, usize),
    /// A closer that does not match its opener: (closer, offset, opener, opener line).
    Mismatch(char, usize, char, usize),
    /// An opener never closed: (char, offset).
    Unclosed(char, usize),
}

/// Scans brackets outside strings and comments (triple-quoted strings included).
fn scan_brackets(source: &str) -> Brackets {
    let b = source.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                let q = c;
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple {
                        if i + 2 < b.len() && b[i] == q && b[i + 1] == q && b[i + 2] == q {
                            i += 3;
                            break;
                        }
                    } else if b[i] == q || b[i] == b'\n' {
                        i += 1;
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => stack.push((c, i)),
            b')' | b']' | b'}' => {
                let want = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => return Brackets::Unmatched(c as char, i),
                    Some((o, at)) if o != want => {
                        return Brackets::Mismatch(c as char, i, o as char, at)
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    match stack.pop() {
        Some((c, at)) => Brackets::Unclosed(c as char, at),
        None => Brackets::Balanced,
    }
}

fn at(pos: usize) -> TextRange {
    TextRange::new(TextSize::new(pos as u32), TextSize::new(pos as u32 + 1))
}

/// An unclosed bracket yields to a parse error on the bracket's own line before the end
/// of the source (`def f(:` is "invalid syntax", as CPython's parser fails there first);
/// a parse error on a later line is the bracket's fault (`print(1` then `x = 2`).
fn same_line_mistake(source: &str, msg: &str, bracket: TextRange, err: TextRange) -> bool {
    if !msg.ends_with("was never closed") {
        return false;
    }
    let e = err.start().to_usize();
    if e >= source.trim_end().len() {
        return false;
    }
    let idx = crate::LineIndex::new(source);
    idx.line(e as u32) == idx.line(bracket.start().to_u32())
}

/// CPython's bracket errors, which its tokenizer reports before any parse error.
fn bracket_error(source: &str) -> Option<(String, TextRange)> {
    match scan_brackets(source) {
        Brackets::Balanced => None,
        Brackets::Unmatched(c, pos) => Some((format!("unmatched '{c}'"), at(pos))),
        Brackets::Mismatch(c, pos, o, opos) => {
            let idx = crate::LineIndex::new(source);
            let (l1, l2) = (idx.line(pos as u32), idx.line(opos as u32));
            let msg = if l1 == l2 {
                format!("closing parenthesis '{c}' does not match opening parenthesis '{o}'")
            } else {
                format!("closing parenthesis '{c}' does not match opening parenthesis '{o}' on line {l2}")
            };
            Some((msg, at(pos)))
        }
        Brackets::Unclosed(c, pos) => Some((format!("'{c}' was never closed"), at(pos))),
    }
}

fn expected_block(source: &str, range: TextRange) -> String {
    // Find the header line before the error: the last non-blank line ending with ':'.
    let idx = crate::LineIndex::new(source);
    let err_line = idx.line(range.start().to_u32());
    let lines: Vec<&str> = source.lines().collect();
    let mut l = err_line as usize;
    while l > 1 {
        l -= 1;
        let t = lines.get(l - 1).map(|s| s.trim()).unwrap_or("");
        if t.ends_with(':') {
            let word = t
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or("");
            let what = match word {
                "def" => "function definition",
                "class" => "class definition",
                "if" => "'if' statement",
                "elif" => "'elif' statement",
                "else" => "'else' statement",
                "for" => "'for' statement",
                "while" => "'while' statement",
                "try" => "'try' statement",
                "except" => "'except' statement",
                "finally" => "'finally' statement",
                "with" => "'with' statement",
                _ => return "expected an indented block".into(),
            };
            return format!("expected an indented block after {what} on line {l}");
        }
    }
    "expected an indented block".into()
}

/// The end of `as NAME` after `at` (or `at` when the source has something else there).
fn except_as_end(source: &str, at: TextSize) -> TextSize {
    let start = at.to_usize().min(source.len());
    let rest = &source[start..];
    let t = rest.trim_start_matches([' ', '\t']);
    let Some(t2) = t.strip_prefix("as") else {
        return at;
    };
    let t3 = t2.trim_start_matches([' ', '\t']);
    let name = t3
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(t3.len());
    let end = start + (rest.len() - t3.len()) + name;
    TextSize::new(end as u32)
}
