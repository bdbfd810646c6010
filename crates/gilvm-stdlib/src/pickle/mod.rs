//! `_pickle` (issue 19): the accelerator under the Lib's `pickle.py`, which imports
//! `Pickler`, `Unpickler`, `dump(s)`, `load(s)` and the three exception classes from it,
//! as on CPython (pyperformance's pickle benchmarks refuse to run without it).
//!
//! # Design
//! The module is two halves. The Python half (`py/pickle_mod.py`, run in the module's
//! namespace) defines `Pickler` and `Unpickler` as subclasses of the Lib's pure-Python
//! `_Pickler` and `_Unpickler`: every rule that is Python-level protocol (`__reduce_ex__`,
//! `copyreg`, globals by `__qualname__` with their "Can't pickle" errors,
//! `persistent_id`/`persistent_load`, `find_class` with `fix_imports`, dispatch tables,
//! `reducer_override`, the extension registry) is the Lib's code, which already produces
//! CPython's bytes and messages; Python subclasses of them are ordinary Python subclasses.
//! The Rust half does the per-object work:
//! - `out.rs`: `_Out`, the output buffer and protocol 4 framer that replaces the Lib's
//!   `_Framer` (one Rust `Vec<u8>`, the file written at frame commits and at the end);
//! - `pickler.rs`: `_save`, the core types' opcodes, recursing through tuples, lists and
//!   dicts in Rust and handing every other object to the Lib's `_Pickler.save`;
//! - `unpickler.rs` and `reader.rs`: `_load`, the whole opcode loop of protocols 0-5.
//!
//! # Threads
//! A Pickler's output state is the `_Out` object's, behind its `ObjCell`, held only
//! between two Python calls; the memo and the stacks of a load are a Python dict and Rust
//! locals of the running call. As on CPython, one Pickler or Unpickler used by two threads
//! at once gives an unspecified pickle but no data race or crash.
//!
//! # Not done
//! `PickleBuffer` (protocol 5 out-of-band buffers as an object) is not provided, so the
//! Lib runs with `_HAVE_PICKLE_BUFFER = False`.
mod opcodes;
mod out;
mod pickler;
mod reader;
mod unpickler;

use gilvm_object::{ObjRef, Value};
use gilvm_vm::args::Args;
use gilvm_vm::modules::util::{native_closure, run_embedded};
use gilvm_vm::{Interp, PyResult};

/// Calls the Python function bound as the closure's receiver with the call's arguments.
fn forward(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some((f, rest)) = args.split_first() else {
        return Err(interp.type_error("a forwarding function needs its target"));
    };
    interp.call(f, rest)
}

/// `_builtin(name, f)`: `f` as a builtin function named `name`, which, like CPython's
/// `_pickle.dump`, is no descriptor (a class body that stores it does not bind it).
fn builtin(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_builtin", 2, 2)?;
    let name = match a[0].as_str() {
        Some("dump") => "dump",
        Some("dumps") => "dumps",
        Some("load") => "load",
        Some("loads") => "loads",
        _ => return Err(interp.value_error("_builtin: unknown name")),
    };
    Ok(native_closure(interp, name, forward, a[1].clone()))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "_builtin", builtin);
    interp.add_function(m, "_save", pickler::save);
    interp.add_function(m, "_dumps_fast", pickler::dumps_fast);
    interp.add_function(m, "_load", unpickler::load);
    let out_t = out::make_type(interp);
    interp.add_value(m, "_Out", Value::Obj(out_t));
    run_embedded(interp, m, "<_pickle>", include_str!("../py/pickle_mod.py"))
}
