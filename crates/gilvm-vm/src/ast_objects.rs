//! `compile(..., PyCF_ONLY_AST)` (`ast.parse`): the compiler's neutral AST as `_ast` objects.
//!
//! **What.** `gilvm_compiler::ast_export` parses source into [`AstNode`]s shaped as CPython's
//! tree; this file makes each node an instance of its `_ast` class (the classes of
//! `modules/py/ast_nodes.py`): a plain instance whose attributes are the node's fields in
//! `_fields` order, then its location attributes. Nodes without fields or location (the
//! expression contexts `Load()`/`Store()`/`Del()` and the operators) are shared, one instance
//! per class and per tree, as CPython shares its singletons.
//!
//! **Invariants.** The instances are made with `object.__new__` and filled directly (no
//! `__init__` runs, as CPython's C constructor fills them); the tree is fresh, reachable only
//! from the caller, so no other thread sees it before it is returned (nothing to lock).
use std::collections::HashMap;

use gilvm_compiler::ast_export::{AstField, AstMode, AstNode};
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;

/// The `_ast` module's dict (imported on first use).
pub(crate) fn ast_module_dict(interp: &mut Interp) -> PyResult<ObjRef> {
    let m = interp.import_module("_ast")?;
    match Interp::module_dict(&m) {
        Some(d) => Ok(d.clone()),
        None => Err(interp.runtime_error("_ast is not a module")),
    }
}

/// Is `v` an instance of `_ast.AST`? (False without importing `_ast` for non-instances.)
pub(crate) fn is_ast(interp: &mut Interp, v: &Value) -> PyResult<bool> {
    let Value::Obj(o) = v else { return Ok(false) };
    if !matches!(o.payload(), Payload::Instance(_)) {
        return Ok(false);
    }
    let d = ast_module_dict(interp)?;
    let k = interp.new_str("AST");
    match interp.dict_get(&d, &k)? {
        Some(Value::Obj(t)) => Ok(interp.isinstance(v, &t)),
        _ => Ok(false),
    }
}

/// `compile(source, filename, mode, PyCF_ONLY_AST)`: the source's tree as `_ast` objects.
pub(crate) fn parse_to_ast(
    interp: &mut Interp,
    source: &str,
    filename: &str,
    mode: &str,
    optimize: Option<u8>,
) -> PyResult {
    let (am, cm) = match mode {
        "eval" => (AstMode::Eval, gilvm_compiler::Mode::Eval),
        "single" => (AstMode::Single, gilvm_compiler::Mode::Single),
        "func_type" => (AstMode::FuncType, gilvm_compiler::Mode::Eval),
        _ => (AstMode::Exec, gilvm_compiler::Mode::Exec),
    };
    let tree = match gilvm_compiler::ast_export::parse(interp.py, source, am, optimize) {
        Ok(t) => t,
        Err(e) => return Err(interp.compile_error_to_py(&e, source, filename, cm)),
    };
    let dict = ast_module_dict(interp)?;
    let mut b = Builder {
        dict,
        classes: HashMap::new(),
        shared: HashMap::new(),
        loc_names: ["lineno", "col_offset", "end_lineno", "end_col_offset"]
            .map(|n| interp.intern(n)),
    };
    b.node(interp, tree)
}

struct Builder {
    dict: ObjRef,
    classes: HashMap<&'static str, ObjRef>,
    shared: HashMap<&'static str, Value>,
    loc_names: [ObjRef; 4],
}

impl Builder {
    fn class(&mut self, interp: &mut Interp, kind: &'static str) -> PyResult<ObjRef> {
        if let Some(c) = self.classes.get(kind) {
            return Ok(c.clone());
        }
        let k = interp.new_str(kind);
        match interp.dict_get(&self.dict, &k)? {
            Some(Value::Obj(c)) => {
                self.classes.insert(kind, c.clone());
                Ok(c)
            }
            _ => Err(interp.runtime_error(format!("_ast has no node class {kind}"))),
        }
    }

    fn node(&mut self, interp: &mut Interp, n: AstNode) -> PyResult {
        let bare = n.fields.is_empty() && n.loc.is_none();
        if bare {
            if let Some(v) = self.shared.get(n.kind) {
                return Ok(v.clone());
            }
        }
        let cls = self.class(interp, n.kind)?;
        let obj = interp.new_instance(&cls)?;
        let mut vals = Vec::with_capacity(n.fields.len() + 4);
        for (name, f) in n.fields {
            vals.push((interp.intern(name), self.field(interp, f)?));
        }
        if let Some(loc) = n.loc {
            for (i, v) in loc.into_iter().enumerate() {
                vals.push((self.loc_names[i].clone(), Value::Int(v as i64)));
            }
        }
        match &obj {
            Value::Obj(o) => match o.payload() {
                Payload::Instance(inst) => {
                    for (k, v) in vals {
                        inst.attr_set(interp.py, k, v);
                    }
                }
                _ => {
                    for (k, v) in vals {
                        interp.setattr(&obj, &k, v)?;
                    }
                }
            },
            _ => return Err(interp.runtime_error("an _ast node is not an object")),
        }
        if bare {
            self.shared.insert(n.kind, obj.clone());
        }
        Ok(obj)
    }

    fn field(&mut self, interp: &mut Interp, f: AstField) -> PyResult {
        Ok(match f {
            AstField::Node(n) => self.node(interp, *n)?,
            AstField::List(v) => {
                let mut out = Vec::with_capacity(v.len());
                for x in v {
                    out.push(self.field(interp, x)?);
                }
                interp.new_list(out)
            }
            AstField::Value(v) => v,
            AstField::Ellipsis => Value::Obj(interp.g.ellipsis.clone()),
        })
    }
}

/// `compile(tree, filename, mode)`: an `_ast` tree compiled to a code object.
///
/// The tree is turned back into source by the Lib's `ast.unparse` and that source is
/// compiled, so the code's line numbers are those of the unparsed text, not the tree's
/// `lineno` attributes.
pub(crate) fn compile_ast(
    interp: &mut Interp,
    tree: &Value,
    filename: &str,
    mode: &str,
) -> PyResult {
    let d = ast_module_dict(interp)?;
    let expected = match mode {
        "exec" => "Module",
        "eval" => "Expression",
        "single" => "Interactive",
        _ => return Err(interp.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let k = interp.new_str(expected);
    if let Some(Value::Obj(t)) = interp.dict_get(&d, &k)? {
        if !interp.isinstance(tree, &t) {
            return Err(interp.type_error(format!(
                "expected {expected} node, got {}",
                interp.type_name(tree)
            )));
        }
    }
    let ast = interp.import_module("ast")?;
    let unparse = interp.getattr_str(&Value::Obj(ast), "unparse")?;
    let text = if mode == "single" {
        // `ast.unparse` has no Interactive: its statements as a module's.
        let body = interp.getattr_str(tree, "body")?;
        let k = interp.new_str("Module");
        let Some(m) = interp.dict_get(&d, &k)? else {
            return Err(interp.runtime_error("_ast has no Module"));
        };
        let empty = interp.new_list(vec![]);
        let module = interp.call1(&m, &[body, empty])?;
        interp.call1(&unparse, &[module])?
    } else {
        interp.call1(&unparse, &[tree.clone()])?
    };
    let Some(text) = text.as_str().map(|s| s.to_string()) else {
        return Err(interp.type_error("ast.unparse() did not return a str"));
    };
    let cm = match mode {
        "eval" => gilvm_compiler::Mode::Eval,
        "single" => gilvm_compiler::Mode::Single,
        _ => gilvm_compiler::Mode::Exec,
    };
    let text = if cm == gilvm_compiler::Mode::Single {
        text + "\n"
    } else {
        text
    };
    Ok(Value::Obj(interp.compile_text(&text, filename, cm)?))
}
