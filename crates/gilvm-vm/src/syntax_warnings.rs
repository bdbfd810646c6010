//! Compile-time SyntaxWarnings (PEP 765), shown when a compile succeeds.
/// Shows the compiler's SyntaxWarnings for `source` (PEP 765; gilvm-compiler's
/// `warnings.rs`) on stderr, as CPython's default warning display.
pub(crate) fn show_syntax_warnings(source: &str, filename: &str) {
    for (line, msg) in gilvm_compiler::warnings::take() {
        let mut out = format!("{filename}:{line}: SyntaxWarning: {msg}\n");
        // Like linecache, no source line for a pseudo file name (`<string>`).
        if !filename.starts_with('<') {
            let text = source.lines().nth(line as usize - 1).unwrap_or("").trim();
            out.push_str(&format!("  {text}\n"));
        }
        crate::modules::io::write_stderr(&out);
    }
}
