//! Turns ruff's parse errors into CPython-style `SyntaxError`/`IndentationError` messages.
use ruff_python_parser::{ParseError, ParseErrorType};
use ruff_text_size::{TextRange, TextSize};

use crate::error::{CompileError, ErrorKind};

pub fn convert(source: &str, e: ParseError) -> CompileError {
    let msg = e.error.to_string();
    let mut range = e.location;
    let mut kind = ErrorKind::SyntaxError;
    let lower = msg.to_lowercase();
    let text = if lower.contains("unexpected indentation") {
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
            unclosed(source, &mut range).unwrap_or_else(|| "invalid syntax".into())
        } else {
            "invalid syntax".to_string()
        }
    } else if lower.contains("unexpected eof") || lower.contains("was never closed") || lower.contains("expected ')'") || lower.contains("expected ']'") || lower.contains("expected '}'") {
        unclosed(source, &mut range).unwrap_or_else(|| "invalid syntax".into())
    } else if lower.contains("unterminated string") || lower.contains("missing closing quote") {
        "unterminated string literal (detected at line LINE)".to_string()
    } else if lower.contains("invalid syntax") || lower.contains("expected a statement") || lower.contains("expected an expression") || lower.contains("simple statements must be separated") {
        "invalid syntax".to_string()
    } else {
        format!("invalid syntax ({msg})")
    };
    let mut ce = CompileError { kind, msg: text, range, line: 0, col: 0, end_col: 0, text: String::new() };
    if ce.msg.contains("LINE") {
        let line = crate::LineIndex::new(source).line(range.start().to_u32());
        ce.msg = ce.msg.replace("LINE", &line.to_string());
    }
    ce
}

/// Finds the innermost unclosed bracket before the error and reports it as CPython does.
fn unclosed(source: &str, range: &mut TextRange) -> Option<String> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    let mut in_str: Option<u8> = None;
    while i < bytes.len() {
        let c = bytes[i];
        if let Some(q) = in_str {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == q || c == b'\n' {
                in_str = None;
            }
        } else {
            match c {
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'\'' | b'"' => in_str = Some(c),
                b'(' | b'[' | b'{' => stack.push((c as char, i)),
                b')' | b']' | b'}' => {
                    stack.pop();
                }
                _ => {}
            }
        }
        i += 1;
    }
    let (c, pos) = stack.pop()?;
    *range = TextRange::new(TextSize::new(pos as u32), TextSize::new(pos as u32 + 1));
    Some(format!("'{c}' was never closed"))
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
            let word = t.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("");
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
