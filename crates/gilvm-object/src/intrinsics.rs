//! The intrinsics of `Instr::CallIntrinsic`: functions of Python-level modules that the
//! compiler calls for syntax whose runtime objects live there, PEP 695 type parameters and
//! type aliases (`_typing`), PEP 750 template strings (`_templatelib`) and PEP 654's
//! `except*` (`_gilvm_excgroup`). The compiler
//! emits an index into [`TABLE`]; the VM imports the module and calls the function.
//! Invariant: entries are only appended (compiled code holds the indices).

/// `(name, evaluate_bound | None, evaluate_constraints | None, evaluate_default | None)`.
pub const MAKE_TYPEVAR: u32 = 0;
/// `(name, evaluate_default | None)`.
pub const MAKE_PARAMSPEC: u32 = 1;
/// `(name, evaluate_default | None)`.
pub const MAKE_TYPEVARTUPLE: u32 = 2;
/// `(name, type_params tuple | None, evaluate_value)`.
pub const MAKE_TYPEALIAS: u32 = 3;
/// `(type_params tuple)` → `Generic[*type_params]`, the implicit base of a generic class.
pub const SUBSCRIPT_GENERIC: u32 = 4;
/// `(strings tuple, interpolations tuple)` → a `Template`.
pub const MAKE_TEMPLATE: u32 = 5;
/// `(value, expression, conversion | None, format_spec)` → an `Interpolation`.
pub const MAKE_INTERPOLATION: u32 = 6;
/// `except*`: `(unhandled part, type)` → `(match, rest)` of one clause.
pub const STAR_MATCH: u32 = 7;
/// `except*`: `(original exception, list)` → what leaves the statement, or None.
pub const PREP_RERAISE_STAR: u32 = 8;

/// `(module, function)` of each intrinsic, by index.
pub const TABLE: &[(&str, &str)] = &[
    ("_typing", "_make_typevar"),
    ("_typing", "_make_paramspec"),
    ("_typing", "_make_typevartuple"),
    ("_typing", "_make_typealias"),
    ("_typing", "_subscript_generic"),
    ("_templatelib", "_make_template"),
    ("_templatelib", "Interpolation"),
    ("_gilvm_excgroup", "star_match"),
    ("_gilvm_excgroup", "prep_reraise_star"),
];
