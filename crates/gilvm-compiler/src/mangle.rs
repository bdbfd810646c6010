//! Private name mangling (CPython's `_Py_Mangle`).
//!
//! Inside a class body, and in the functions, lambdas and comprehensions nested in it, an
//! identifier `__spam` (two or more leading underscores, not ending in two underscores, no
//! dot) is rewritten `_Class__spam`: the innermost enclosing class's name with its leading
//! underscores stripped, then the identifier. A class whose name is all underscores mangles
//! nothing. The compiler mangles the names of variables (loads, stores, deletes, parameters,
//! `global`/`nonlocal` declarations), attribute names, imported module names without a dot
//! and `from … import` names; not keyword-argument names in calls, nor any string. The VM
//! uses the same rule for a new class's `__slots__` (`type.__new__`).
use std::borrow::Cow;

/// `name` mangled for the class named `private` (`None`: outside any class).
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(private) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn rules() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("___"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("C"), "__"), "__");
        assert_eq!(mangle(Some("C"), "___"), "___");
        assert_eq!(mangle(Some("C"), "_x"), "_x");
        assert_eq!(mangle(Some("C"), "__a.b"), "__a.b");
        assert_eq!(mangle(None, "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x_"), "_C__x_");
    }
}
