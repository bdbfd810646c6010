//! CPython's wording for the parse errors ruff reports under its own messages.
//!
//! ruff's parser and CPython's PEG parser reject the same programs, but they word the errors
//! differently (ruff: "Parameter cannot follow var-keyword parameter"; CPython: "arguments
//! cannot follow var-keyword argument"). [`message`] maps one ruff error, with the source
//! text it points at, to CPython 3.14's message (the ones of Grammar/python.gram's
//! `invalid_*` rules), or None when there is no known equivalent (the caller then falls
//! back to "invalid syntax (...)"). Invalid assignment/deletion targets are named as
//! CPython's `_PyPegen_get_expr_name` names them ("function call", "literal", ...): the
//! offending node's text is parsed again on its own to learn its kind.
use ruff_python_ast::Expr;
use ruff_python_parser::{InterpolatedStringErrorType, ParseErrorType};
use ruff_text_size::TextRange;

/// CPython's message for the ruff error `e` at `range` of `source`, if known.
pub fn message(source: &str, e: &ParseErrorType, range: TextRange) -> Option<String> {
    let text = source
        .get(range.start().to_usize()..range.end().to_usize())
        .unwrap_or("");
    let m = match e {
        ParseErrorType::ParamAfterVarKeywordParam => {
            "arguments cannot follow var-keyword argument".into()
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            "parameter without a default follows parameter with a default".into()
        }
        ParseErrorType::VarParameterWithDefault => {
            // The error points at the parameter; `**` marks the var-keyword one.
            // The parameter's text since the previous `(` or `,`.
            let before = source.get(..range.start().to_usize()).unwrap_or("");
            let param = before.rsplit(['(', ',']).next().unwrap_or("");
            if text.starts_with("**") || param.contains("**") {
                "var-keyword argument cannot have default value".into()
            } else {
                "var-positional argument cannot have default value".into()
            }
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            "Generator expression must be parenthesized".into()
        }
        ParseErrorType::ExpectedKeywordParam => "named arguments must follow bare *".into(),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => "illegal target for annotation".into(),
        ParseErrorType::UnparenthesizedTupleExpression => "invalid syntax".into(),
        ParseErrorType::OtherError(m) if m == "Expected symbol after `as`" => {
            // `import a as 1`: CPython names what follows `as`.
            let after = source.get(range.start().to_usize()..).unwrap_or("");
            let target = after.split(['\n', ',', ';']).next().unwrap_or("");
            format!("cannot use {} as import target", expr_name(target)?)
        }
        ParseErrorType::EmptyTypeParams => "Type parameter list cannot be empty".into(),
        ParseErrorType::EmptyImportNames => "Expected one or more names after 'import'".into(),
        ParseErrorType::InvalidAssignmentTarget => assign_target(source, range, text),
        // A starred target (`del *x`, `del a, *b`) does not parse as an expression alone.
        ParseErrorType::InvalidDeleteTarget if text.trim_start().starts_with('*') => {
            "cannot delete starred".into()
        }
        ParseErrorType::InvalidDeleteTarget => format!("cannot delete {}", expr_name(text)?),
        ParseErrorType::InvalidNamedAssignmentTarget => format!(
            "cannot use assignment expressions with {}",
            expr_name(text)?
        ),
        ParseErrorType::InvalidAugmentedAssignmentTarget => format!(
            "'{}' is an illegal expression for augmented assignment",
            expr_name(text)?
        ),
        ParseErrorType::PositionalAfterKeywordArgument => {
            "positional argument follows keyword argument".into()
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            "positional argument follows keyword argument unpacking".into()
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            "iterable argument unpacking follows keyword argument unpacking".into()
        }
        ParseErrorType::InvalidStarredExpressionUsage => {
            // A starred dict value (`{1: *x}`) has its own message; elsewhere (`A[:*b]`)
            // CPython's parser just fails.
            let before = source.get(..range.start().to_usize()).unwrap_or("");
            if before.trim_end().ends_with(':') && in_braces(before) {
                "cannot use a starred expression in a dictionary value".into()
            } else {
                "invalid syntax".into()
            }
        }
        ParseErrorType::FStringError(InterpolatedStringErrorType::InvalidConversionFlag)
        | ParseErrorType::TStringError(InterpolatedStringErrorType::InvalidConversionFlag) => {
            let kind = if matches!(e, ParseErrorType::FStringError(_)) {
                'f'
            } else {
                't'
            };
            // ruff points at the first character after `!`; CPython names them all, up
            // to the `:` or `}` that ends the conversion.
            let after = source.get(range.start().to_usize()..).unwrap_or("");
            let conv: String = after
                .chars()
                .take_while(|c| !matches!(c, ':' | '}'))
                .collect();
            if conv.is_empty() {
                format!("{kind}-string: missing conversion character")
            } else {
                format!(
                    "{kind}-string: invalid conversion character '{conv}': expected 's', 'r', or 'a'"
                )
            }
        }
        ParseErrorType::OtherError(m) => other(m)?,
        ParseErrorType::Lexical(l) => {
            let m = l.to_string();
            if m.contains("bytes can only contain ASCII") {
                "bytes can only contain ASCII literal characters".into()
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some(m)
}

/// ruff's free-form messages with a CPython equivalent.
fn other(m: &str) -> Option<String> {
    let s = match m {
        "Only one '*' parameter allowed" | "Only one '*' separator allowed" => {
            "* argument may appear only once"
        }
        "Only one '**' parameter allowed" => "arguments cannot follow var-keyword argument",
        "Only one '/' separator allowed" => "/ may appear only once",
        "'/' parameter must appear before '*' parameter" => "/ must be ahead of *",
        "Position-only parameter separator not allowed as first parameter" => {
            "at least one argument must precede /"
        }
        "Cannot have both 'except' and 'except*' on the same 'try'" => {
            "cannot have both 'except' and 'except*' on the same 'try'"
        }
        "Only single target (not list) can be annotated" => {
            "only single target (not list) can be annotated"
        }
        "Only single target (not tuple) can be annotated" => {
            "only single target (not tuple) can be annotated"
        }
        "Trailing comma not allowed" => {
            "trailing comma not allowed without surrounding parentheses"
        }
        "Boolean 'not' expression cannot be used here" => {
            "'not' after an operator must be parenthesized"
        }
        _ if m.starts_with("Keyword-only parameter separator not allowed") => {
            "named arguments must follow bare *"
        }
        _ => return None,
    };
    Some(s.to_string())
}

/// Whether the innermost open bracket before the end of `before` is a brace.
fn in_braces(before: &str) -> bool {
    let mut depth = 0i32;
    for c in before.chars().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' if depth == 0 => return false,
            '{' if depth == 0 => return true,
            '(' | '[' | '{' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// "cannot assign to X", with CPython's "here. Maybe you meant '==' instead of '='?" when
/// the invalid target is a whole statement `X = Y` (CPython's `invalid_named_expression`:
/// the target is not a list, tuple, True, None or False, and no further `=` follows).
fn assign_target(source: &str, range: TextRange, text: &str) -> String {
    if text.trim_start().starts_with("yield") {
        return "assignment to yield expression not possible".into();
    }
    let Some(name) = expr_name(text) else {
        return "invalid syntax".into();
    };
    let line_start = source[..range.start().to_usize()]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let starts_stmt = source[line_start..range.start().to_usize()]
        .trim()
        .is_empty();
    let rest = &source[range.end().to_usize()..];
    let rest = rest.split('\n').next().unwrap_or("");
    let after = rest.trim_start();
    let single = after.starts_with('=')
        && !after.starts_with("==")
        && !after[1..].contains('=')
        && !after[1..].trim_start().starts_with("yield");
    if name == "yield expression" {
        return "assignment to yield expression not possible".into();
    }
    let excluded = matches!(name, "list" | "tuple" | "True" | "None" | "False");
    if starts_stmt && single && !excluded {
        format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
    } else {
        format!("cannot assign to {name}")
    }
}

/// CPython's name for the kind of the expression whose source is `text`
/// (`_PyPegen_get_expr_name`), or None if it does not parse as one expression.
pub fn expr_name(text: &str) -> Option<&'static str> {
    let parsed = ruff_python_parser::parse_expression(text.trim()).ok()?;
    Some(match parsed.expr() {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) => "f-string expression",
        Expr::TString(_) => "t-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => return None,
    })
}
