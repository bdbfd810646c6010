//! Lone surrogates written as escapes in string literals (`'\ud800'`, `"\uDC80"`,
//! `'\U0000dfff'`).
//!
//! The parser decodes a literal's escapes into a Rust `String`, which cannot hold a
//! surrogate, and writes U+FFFD in its place. CPython keeps the surrogate, and gilvm's
//! `str` can hold one (stored as gilvm-object's `surrogate.rs` says). This pass runs after
//! parsing, only when the source spells such an escape: for each non-raw string literal
//! part holding U+FFFD, it lists from the part's source text what each U+FFFD came from
//! (a surrogate escape, or a real U+FFFD: the character itself, `\ufffd`, `\N{...}`) in
//! order, and puts the stored surrogate back where an escape made one. A part whose
//! count of U+FFFD does not match its list (which would be a bug here) is left alone.
use gilvm_object::surrogate;
use ruff_python_ast::visitor::transformer::{walk_expr, walk_stmt, Transformer};
use ruff_python_ast::{Expr, ModModule, StringLiteral, StringLiteralValue};

/// Whether `source` may spell a surrogate escape (a cheap test before walking the tree).
fn may_have_escape(source: &str) -> bool {
    let b = source.as_bytes();
    b.windows(3).any(|w| {
        w[0] == b'\\' && (w[1] == b'u' || w[1] == b'U') && matches!(w[2], b'd' | b'D' | b'0')
    })
}

/// Puts the surrogates of escapes back into the string literals of `module`.
pub(crate) fn restore(source: &str, module: &mut ModModule) {
    if !may_have_escape(source) {
        return;
    }
    let fixer = Fixer { source };
    for stmt in &mut module.body {
        fixer.visit_stmt(stmt);
    }
}

struct Fixer<'a> {
    source: &'a str,
}

/// What a U+FFFD of a decoded literal came from.
enum Origin {
    Surrogate(u32),
    Real,
}

fn hex(s: &str) -> Option<u32> {
    u32::from_str_radix(s, 16).ok()
}

/// The origins of the U+FFFD characters a literal's body (between its quotes) decodes to.
fn origins(body: &str) -> Vec<Origin> {
    let mut out = Vec::new();
    let mut it = body.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\u{fffd}' {
            out.push(Origin::Real);
            continue;
        }
        if c != '\\' {
            continue;
        }
        let Some(&(_, k)) = it.peek() else { break };
        it.next();
        let n = match k {
            'u' => 4,
            'U' => 8,
            'N' => {
                // `\N{NAME}`: a real U+FFFD only if it names one.
                let rest = &body[i + 2..];
                if let (Some(rest), Some(end)) = (rest.strip_prefix('{'), rest.find('}')) {
                    let name = &rest[..end.saturating_sub(1)];
                    if name.eq_ignore_ascii_case("REPLACEMENT CHARACTER") {
                        out.push(Origin::Real);
                    }
                    for _ in 0..end {
                        it.next();
                    }
                }
                continue;
            }
            _ => continue,
        };
        let digits = body.get(i + 2..i + 2 + n);
        if let Some(cp) = digits.and_then(hex) {
            if (0xD800..0xE000).contains(&cp) {
                out.push(Origin::Surrogate(cp));
            } else if cp == 0xFFFD {
                out.push(Origin::Real);
            }
            for _ in 0..n {
                it.next();
            }
        }
    }
    out
}

impl Fixer<'_> {
    /// Fixes one part; true if it changed.
    fn part(&self, part: &mut StringLiteral) -> bool {
        if !part.value.contains('\u{fffd}') || part.flags.prefix().is_raw() {
            return false;
        }
        let Some(text) = self
            .source
            .get(part.range.start().into()..part.range.end().into())
        else {
            return false;
        };
        let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        let q = if body.starts_with("'''") || body.starts_with("\"\"\"") {
            3
        } else {
            1
        };
        let Some(body) = body.get(q..body.len().saturating_sub(q)) else {
            return false;
        };
        let origins = origins(body);
        if origins.len() != part.value.matches('\u{fffd}').count()
            || !origins.iter().any(|o| matches!(o, Origin::Surrogate(_)))
        {
            return false;
        }
        let mut o = origins.into_iter();
        let fixed: String = part
            .value
            .chars()
            .map(|c| match c {
                '\u{fffd}' => match o.next() {
                    Some(Origin::Surrogate(cp)) => surrogate::to_char(cp),
                    _ => c,
                },
                c => c,
            })
            .collect();
        part.value = fixed.into_boxed_str();
        true
    }
}

impl Transformer for Fixer<'_> {
    fn visit_stmt(&self, stmt: &mut ruff_python_ast::Stmt) {
        walk_stmt(self, stmt);
    }

    fn visit_expr(&self, expr: &mut Expr) {
        if let Expr::StringLiteral(s) = expr {
            let mut changed = false;
            for part in s.value.iter_mut() {
                changed |= self.part(part);
            }
            if changed && s.value.is_implicit_concatenated() {
                // The concatenated value is cached: make it again from the fixed parts.
                s.value = StringLiteralValue::concatenated(s.value.iter().cloned().collect());
            }
            return;
        }
        walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_in_order() {
        let o = origins(r"a\ud800\\ud801\ufffd\N{REPLACEMENT CHARACTER}\U0000dc80");
        let v: Vec<Option<u32>> = o
            .iter()
            .map(|x| match x {
                Origin::Surrogate(c) => Some(*c),
                Origin::Real => None,
            })
            .collect();
        assert_eq!(v, vec![Some(0xD800), None, None, Some(0xDC80)]);
    }
}
