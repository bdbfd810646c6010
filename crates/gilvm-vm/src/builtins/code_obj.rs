//! The Python view of code objects (`type(f.__code__)`, what `compile()` returns): the
//! `co_*` attributes gilvm's code objects carry, and the repr. gilvm's bytecode is its own,
//! so there is no `co_code`; `co_consts` and `co_names` are gilvm's (CPython's hold the same
//! names and constants, not necessarily in the same order or number).
use gilvm_object::code::{flags, CodeObject};
use gilvm_object::dict::SeqSlot;
use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::eval::str_of;
use crate::frame::code_of;
use crate::interp::Interp;
use crate::modules::util::native_closure;

/// CPython's `co_flags` bits for a gilvm code object.
fn co_flags(c: &CodeObject) -> i64 {
    let mut f = 0;
    if c.flags & flags::NAME_SCOPE == 0 {
        f |= 0x1 | 0x2; // CO_OPTIMIZED | CO_NEWLOCALS
    }
    if c.flags & flags::VARARGS != 0 {
        f |= 0x4;
    }
    if c.flags & flags::VARKEYWORDS != 0 {
        f |= 0x8;
    }
    if c.flags & flags::NESTED != 0 {
        f |= 0x10;
    }
    if c.flags & flags::GENERATOR != 0 {
        f |= 0x20;
    }
    // Coroutines (coro.rs): CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_ASYNC_GENERATOR.
    if c.flags & flags::COROUTINE != 0 {
        f |= 0x80;
    }
    if c.flags & flags::ITERABLE_COROUTINE != 0 {
        f |= 0x100;
    }
    if c.flags & flags::ASYNC_GENERATOR != 0 {
        f |= 0x200;
    }
    f
}

/// The attribute `n` of a code object, if it has one.
pub fn code_attr(interp: &mut Interp, me: &ObjRef, c: &CodeObject, n: &str) -> Option<Value> {
    let names = |interp: &Interp, v: &[ObjRef]| {
        interp.new_tuple(v.iter().map(|x| Value::Obj(x.clone())).collect())
    };
    Some(match n {
        "co_name" => Value::Obj(c.name.clone()),
        "co_qualname" => Value::Obj(c.qualname.clone()),
        "co_filename" => Value::Obj(c.filename.clone()),
        "co_firstlineno" => Value::Int(c.firstlineno as i64),
        "co_argcount" => Value::Int(c.argcount as i64),
        "co_posonlyargcount" => Value::Int(c.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(c.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(c.nlocals() as i64),
        "co_stacksize" => Value::Int(c.stacksize as i64),
        "co_flags" => Value::Int(co_flags(c)),
        "co_varnames" => names(interp, &c.varnames),
        "co_cellvars" => names(interp, &c.cellvars),
        "co_freevars" => names(interp, &c.freevars),
        "co_names" => names(interp, &c.names),
        "co_consts" => interp.new_tuple(c.consts.to_vec()),
        "co_linetable" => {
            // gilvm's own format: the source line of each instruction, 4 bytes little-endian.
            let b: Vec<u8> = c.lines.iter().flat_map(|l| l.to_le_bytes()).collect();
            Value::Obj(interp.new_obj(gilvm_object::Owned::Bytes(b.into_boxed_slice())))
        }
        "co_lines" => native_closure(interp, "co_lines", co_lines, Value::Obj(me.clone())),
        "co_positions" => {
            native_closure(interp, "co_positions", co_positions, Value::Obj(me.clone()))
        }
        "replace" | "__replace__" => {
            native_closure(interp, "replace", code_replace, Value::Obj(me.clone()))
        }
        _ => return None,
    })
}

/// `<code object NAME at 0x..., file "FILE", line N>`.
pub fn code_repr(c: &CodeObject, addr: usize) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        str_of(&c.name),
        addr,
        str_of(&c.filename),
        c.firstlineno
    )
}

fn code_arg<'a>(interp: &Interp, args: &Args<'a>) -> PyResult<&'a ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(o)) if matches!(o.payload(), Payload::Code(_)) => Ok(o),
        _ => Err(interp.type_error("descriptor requires a 'code' object")),
    }
}

/// `code.co_lines()`: (start, end, line) for each run of instructions on one line, with
/// CPython's offsets (2 bytes per instruction).
fn co_lines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "co_lines", 1, 1)?;
    let o = code_arg(interp, &args)?;
    let c = code_of(o);
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.lines.len() {
        let line = c.lines[i];
        let mut j = i + 1;
        while j < c.lines.len() && c.lines[j] == line {
            j += 1;
        }
        out.push(interp.new_tuple(vec![
            Value::Int(2 * i as i64),
            Value::Int(2 * j as i64),
            Value::Int(line as i64),
        ]));
        i = j;
    }
    let l = interp.new_list(out);
    interp.iter(&l)
}

/// `code.co_positions()`: (line, end line, column, end column) of each instruction.
fn co_positions(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "co_positions", 1, 1)?;
    let o = code_arg(interp, &args)?;
    let c = code_of(o);
    let out: Vec<Value> = c
        .lines
        .iter()
        .zip(c.cols.iter())
        .map(|(l, (a, b))| {
            interp.new_tuple(vec![
                Value::Int(*l as i64),
                Value::Int(*l as i64),
                Value::Int(*a as i64),
                Value::Int(*b as i64),
            ])
        })
        .collect();
    let l = interp.new_list(out);
    interp.iter(&l)
}

fn str_field(interp: &Interp, k: &str, v: &Value) -> PyResult<ObjRef> {
    match v {
        Value::Obj(o) if matches!(o.payload(), Payload::Str(_)) => Ok(o.clone()),
        _ => Err(interp.type_error(format!(
            "replace() argument '{k}' must be str, not {}",
            interp.type_name(v)
        ))),
    }
}

/// `code.replace(**changes)`: a new code object. gilvm's instructions index the constants
/// and names, so `co_consts` and `co_names` may be replaced by tuples of the same length;
/// the fields that shape the frame (variables, flags, bytecode) cannot change.
fn code_replace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.pos().len() != 1 {
        return Err(interp.type_error("replace() takes no positional arguments"));
    }
    let o = code_arg(interp, &args)?;
    let c = code_of(o);
    let mut name = c.name.clone();
    let mut qualname = c.qualname.clone();
    let mut filename = c.filename.clone();
    let mut firstlineno = c.firstlineno;
    let mut consts: Box<[Value]> = c.consts.clone();
    let mut names: Box<[ObjRef]> = c.names.clone();
    let mut code_flags = c.flags;
    for (k, v) in args.kwargs() {
        match k {
            // Issue 19: `types.coroutine` adds CO_ITERABLE_COROUTINE to a generator's code,
            // the one flag change gilvm's bytecode does not depend on.
            "co_flags" if !code_attr_eq(interp, o, c, k, v)? => {
                let want = interp.index_value(v)?;
                let cur = co_flags(c);
                if c.flags & flags::GENERATOR != 0 && (want ^ cur) == 0x100 {
                    code_flags ^= flags::ITERABLE_COROUTINE;
                    continue;
                }
                return Err(interp.value_error(format!(
                    "gilvm: code.replace() cannot change {k} (gilvm's bytecode is its own)"
                )));
            }
            "co_name" => name = str_field(interp, k, v)?,
            "co_qualname" => qualname = str_field(interp, k, v)?,
            "co_filename" => filename = str_field(interp, k, v)?,
            "co_firstlineno" => {
                let n = interp.index_value(v)?;
                firstlineno = u32::try_from(n).map_err(|_| {
                    interp.overflow_error("Python int too large to convert to C int")
                })?;
            }
            "co_consts" | "co_names" => {
                let items = match v {
                    Value::Obj(t) => match t.payload() {
                        Payload::Tuple(items) => items.to_vec(),
                        _ => Vec::new(),
                    },
                    _ => Vec::new(),
                };
                if !matches!(v, Value::Obj(t) if matches!(t.payload(), Payload::Tuple(_))) {
                    return Err(interp.type_error(format!(
                        "replace() argument '{k}' must be tuple, not {}",
                        interp.type_name(v)
                    )));
                }
                let want = if k == "co_consts" {
                    consts.len()
                } else {
                    names.len()
                };
                if items.len() != want {
                    return Err(interp.value_error(format!(
                        "gilvm: code.replace() needs {k} of the same length ({want})"
                    )));
                }
                if k == "co_consts" {
                    consts = items.into_boxed_slice();
                } else {
                    let mut out = Vec::new();
                    for it in &items {
                        out.push(str_field(interp, k, it)?);
                    }
                    names = out.into_boxed_slice();
                }
            }
            _ if attr_exists(k) => {
                if code_attr_eq(interp, o, c, k, v)? {
                    continue;
                }
                return Err(interp.value_error(format!(
                    "gilvm: code.replace() cannot change {k} (gilvm's bytecode is its own)"
                )));
            }
            _ => {
                return Err(interp.type_error(format!(
                    "replace() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let new = CodeObject {
        name,
        qualname,
        filename,
        firstlineno,
        instrs: c.instrs.clone(),
        lines: c.lines.clone(),
        cols: c.cols.clone(),
        consts,
        module_name_cache: SeqSlot::new(),
        global_cache: (0..names.len()).map(|_| SeqSlot::new()).collect(),
        attr_cache: (0..names.len() * c.attr_ways)
            .map(|_| SeqSlot::new())
            .collect(),
        attr_ways: c.attr_ways,
        names,
        varnames: c.varnames.clone(),
        cellvars: c.cellvars.clone(),
        freevars: c.freevars.clone(),
        cell2arg: c.cell2arg.clone(),
        argcount: c.argcount,
        posonlyargcount: c.posonlyargcount,
        kwonlyargcount: c.kwonlyargcount,
        flags: code_flags,
        exc_table: c.exc_table.clone(),
        stacksize: c.stacksize,
    };
    Ok(Value::Obj(interp.new_obj(gilvm_object::Owned::Code(new))))
}

/// The `co_*` fields `replace()` knows but cannot change.
fn attr_exists(k: &str) -> bool {
    matches!(
        k,
        "co_argcount"
            | "co_posonlyargcount"
            | "co_kwonlyargcount"
            | "co_nlocals"
            | "co_stacksize"
            | "co_flags"
            | "co_code"
            | "co_varnames"
            | "co_freevars"
            | "co_cellvars"
            | "co_linetable"
            | "co_exceptiontable"
    )
}

/// Is the requested value the current one (then `replace` accepts it)?
fn code_attr_eq(
    interp: &mut Interp,
    o: &ObjRef,
    c: &CodeObject,
    k: &str,
    v: &Value,
) -> PyResult<bool> {
    match code_attr(interp, o, c, k) {
        Some(cur) => interp.eq(&cur, v),
        None => Ok(false),
    }
}

// ---- The code type's own descriptors (helper ctests) ----
//
// `code_attr` answers the attributes on the instance (attr.rs asks it first); these
// descriptors make them visible on the type too, so `dir(types.CodeType)` lists them as
// CPython's (unittest.mock specs a mock code object with that list).

macro_rules! code_getters {
    ($($f:ident $n:literal;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let o = code_arg(interp, &args)?.clone();
            Ok(code_attr(interp, &o, code_of(&o), $n).unwrap_or(Value::None))
        })*
        const CODE_GETTERS: &[(&str, crate::interp::NativeFn)] = &[$(($n, $f),)*];
    };
}

code_getters! {
    get_co_name "co_name";
    get_co_qualname "co_qualname";
    get_co_filename "co_filename";
    get_co_firstlineno "co_firstlineno";
    get_co_argcount "co_argcount";
    get_co_posonlyargcount "co_posonlyargcount";
    get_co_kwonlyargcount "co_kwonlyargcount";
    get_co_nlocals "co_nlocals";
    get_co_stacksize "co_stacksize";
    get_co_flags "co_flags";
    get_co_varnames "co_varnames";
    get_co_cellvars "co_cellvars";
    get_co_freevars "co_freevars";
    get_co_names "co_names";
    get_co_consts "co_consts";
    get_co_linetable "co_linetable";
}

/// Adds the `co_*` descriptors and the methods to the code type.
pub fn register(interp: &mut Interp) {
    let t = interp.g.types.code.clone();
    for (name, f) in CODE_GETTERS {
        super::add_getset(interp, &t, name, *f);
    }
    super::add_method(interp, &t, "co_lines", co_lines);
    super::add_method(interp, &t, "co_positions", co_positions);
    super::add_method(interp, &t, "replace", code_replace);
    super::add_method(interp, &t, "__replace__", code_replace);
}
