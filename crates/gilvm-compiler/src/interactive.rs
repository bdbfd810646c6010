//! When is interactive input complete? The REPL's question after every line.
//!
//! CPython's basic REPL reads one statement at a time: a simple statement runs as soon as
//! its line (or its bracketed continuation lines) ends; a compound statement (`if`, `def`,
//! `for`, a decorator, …), even on one line, runs only once an empty line follows it; an
//! unclosed bracket or triple-quoted string keeps asking for more lines, even across empty
//! ones; anything else that fails to parse is a SyntaxError at once.
//!
//! [`classify`] answers from the parser alone, without compiling: the REPL then compiles
//! input it calls [`Input::Ready`] in 'single' mode, which reports any error with CPython's
//! message and location.

use ruff_python_ast::Stmt;

/// What the REPL should do with the lines typed so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// Compile and run it (or report its SyntaxError).
    Ready,
    /// Ask for another line (the `...` prompt).
    More,
}

fn is_compound(st: &Stmt) -> bool {
    !matches!(
        st,
        Stmt::Expr(_)
            | Stmt::Assign(_)
            | Stmt::AugAssign(_)
            | Stmt::AnnAssign(_)
            | Stmt::Return(_)
            | Stmt::Delete(_)
            | Stmt::Pass(_)
            | Stmt::Break(_)
            | Stmt::Continue(_)
            | Stmt::Raise(_)
            | Stmt::Assert(_)
            | Stmt::Import(_)
            | Stmt::ImportFrom(_)
            | Stmt::Global(_)
            | Stmt::Nonlocal(_)
            | Stmt::TypeAlias(_)
            | Stmt::IpyEscapeCommand(_)
    )
}

/// Classifies `source`, the lines typed so far (each ending with a newline).
pub fn classify(source: &str) -> Input {
    classify_with(source, true)
}

/// Is `source` unfinished as `compile()`'s `PyCF_ALLOW_INCOMPLETE_INPUT` sees it (`codeop`)?
/// As [`classify`], except that an empty line does not end a compound statement: without
/// its block it stays unfinished, however many empty lines follow.
pub fn unfinished(source: &str) -> bool {
    classify_with(source, false) == Input::More
}

fn classify_with(source: &str, blank_ends: bool) -> Input {
    if source.trim().is_empty() {
        return Input::Ready;
    }
    let last_blank = blank_ends
        && (source
            .trim_end_matches('\n')
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty())
            || source.ends_with("\n\n"));
    match ruff_python_parser::parse_module(source) {
        Ok(parsed) => {
            let compound = parsed.syntax().body.iter().any(is_compound);
            if compound && !last_blank {
                Input::More
            } else {
                Input::Ready
            }
        }
        Err(_) => {
            // All the parser's errors, earliest first: one before the end of the input is
            // a mistake already made (`def f(:`), reported at once; errors only at the
            // end mean the statement is unfinished.
            let parsed = ruff_python_parser::parse_unchecked(
                source,
                ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module),
            );
            let end = source.trim_end().len();
            let first = parsed
                .errors()
                .iter()
                .map(|e| (e.location.start().to_u32() as usize, e.error.to_string()))
                .min_by_key(|(at, _)| *at);
            let Some((at, msg)) = first else {
                return Input::Ready;
            };
            // An unterminated triple-quoted string is reported where it opens.
            if msg.contains("triple-quoted")
                || source[at.min(source.len())..].starts_with("\"\"\"")
                || source[at.min(source.len())..].starts_with("\'\'\'")
            {
                return Input::More;
            }
            // A backslash at the end continues the line.
            if source.trim_end().ends_with('\\') {
                return Input::More;
            }
            if at < end && !starts_compound_at_error(source) {
                return Input::Ready;
            }
            // Open brackets go on across empty lines.
            let open = crate::parse_errors::convert(source, parsed_error(source))
                .msg
                .contains("never closed");
            if open {
                return Input::More;
            }
            // A compound statement still missing its block (or the definition under a
            // decorator) goes on until an empty line; a simple statement that ends too
            // early (`1 +`) is a SyntaxError now.
            if starts_compound(source) && !last_blank {
                Input::More
            } else {
                Input::Ready
            }
        }
    }
}

/// The error `parse_module` reports for `source` (which has one).
fn parsed_error(source: &str) -> ruff_python_parser::ParseError {
    match ruff_python_parser::parse_module(source) {
        Err(e) => e,
        Ok(_) => unreachable!("classify() calls this only for source that fails to parse"),
    }
}

/// Some errors of an unfinished compound statement are reported before the end: `try:`
/// with its block but no `except` yet is reported at the block. Accept an error inside a
/// statement that opens with a compound keyword when the input ends in that statement's
/// block, i.e. its last line is indented.
fn starts_compound_at_error(source: &str) -> bool {
    let last = source
        .trim_end_matches('\n')
        .rsplit('\n')
        .next()
        .unwrap_or("");
    starts_compound(source) && last.starts_with([' ', '\t']) && source.lines().count() > 1
}

/// Whether the first line opens a compound statement (by its first word).
fn starts_compound(source: &str) -> bool {
    let first = source.trim_start();
    if first.starts_with('@') {
        return true;
    }
    let word: String = first
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    matches!(
        word.as_str(),
        "if" | "for" | "while" | "with" | "try" | "def" | "class" | "async"
    )
}

#[cfg(test)]
mod tests {
    use super::{classify, Input::*};

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(classify("1 + 1\n"), Ready);
        assert_eq!(classify("x = 3\n"), Ready);
        assert_eq!(classify("(1,\n 2)\n"), Ready);
        assert_eq!(classify("1 +\n"), Ready); // a SyntaxError, reported by the compiler
    }

    #[test]
    fn compound_statements_wait_for_an_empty_line() {
        assert_eq!(classify("if 1:\n"), More);
        assert_eq!(classify("if 1:\n  print(5)\n"), More);
        assert_eq!(classify("if 1:\n  print(5)\n\n"), Ready);
        assert_eq!(classify("if 1: print(5)\n"), More);
        assert_eq!(classify("@dec\n"), More);
        assert_eq!(classify("try:\n  pass\n"), More);
        assert_eq!(classify("if 1:\n\n"), Ready); // "expected an indented block"
    }

    #[test]
    fn open_brackets_and_strings_go_on() {
        assert_eq!(classify("(1,\n"), More);
        assert_eq!(classify("x = (\n\n"), More);
        assert_eq!(classify("x = \"\"\"a\n"), More);
        assert_eq!(classify("x = \"\"\"a\n\n"), More);
        assert_eq!(classify("'abc\n"), Ready);
        assert_eq!(classify("def f(:\n"), Ready);
        assert_eq!(classify("x = [1,\n2\n"), More);
        assert_eq!(classify("\\\n"), More);
    }
}
