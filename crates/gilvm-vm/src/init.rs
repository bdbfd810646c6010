//! Creating the runtime: builtin types, exceptions, the builtins and sys modules.
use gilvm_object::Owned;
use std::sync::atomic::{AtomicU32, AtomicUsize};
use std::sync::{Once, OnceLock};

use gilvm_object::dict::PyDict;
use gilvm_object::payload::{Module, NativeObj};
use gilvm_object::str::intern;
use gilvm_object::{ObjCell, ObjRef, Payload, Py, Value};

use crate::exceptions::ExcTypes;
use crate::globals::{Globals, Names, GIL};
use crate::interp::Interp;

/// The process-wide globals, created on first use (with the GIL held).
pub fn runtime() -> &'static Globals {
    if let Some(g) = crate::globals::try_globals() {
        return g;
    }
    let ts = std::sync::Arc::new(gilvm_sync::ThreadState::new_current());
    GIL.take(&ts, gilvm_sync::Priority::Normal);
    // SAFETY: we hold the GIL (GIL build) until drop_gil below; in the free-threaded build
    // the globals are created once, inside a OnceLock, before any other thread can use
    // them. The token does not escape except inside immortal objects stored in the globals.
    let py = unsafe { Py::assume_attached() };
    let g = crate::globals::globals(py);
    // SAFETY: taken above on this thread.
    unsafe { GIL.drop_gil(&ts, false) };
    g
}

pub fn create_globals(py: Py<'_>) -> Globals {
    let types = gilvm_object::types::init(py);
    let exc = ExcTypes::create(py);
    let names = Names::create(py);
    let mk_module = |name: &str| -> ObjRef {
        let dict = ObjRef::new_immortal(py, Owned::Dict(PyDict::new()));
        dict.payload_dict()
            .set_str(py, intern(py, "__name__"), Value::Obj(intern(py, name)));
        ObjRef::new_immortal(
            py,
            Owned::Module(Module {
                name: Value::Obj(intern(py, name)),
                dict,
                class: gilvm_object::instclass::ClassSlot::new(types.module.clone()),
            }),
        )
    };
    let builtins = mk_module("builtins");
    let builtins_dict = match builtins.payload() {
        Payload::Module(m) => m.dict.clone(),
        _ => unreachable!(),
    };
    let sys = mk_module("sys");
    let modules = ObjRef::new_immortal(py, Owned::Dict(PyDict::new()));
    let generator_type = {
        let dict = ObjRef::new_immortal(py, Owned::Dict(PyDict::new()));
        let t = gilvm_object::types::new_type(
            py,
            "generator",
            vec![types.object.clone()],
            vec![types.object.clone()],
            dict,
            gilvm_object::types::Layout::Builtin,
            false,
        );
        t.make_immortal();
        t
    };
    let _ = NativeObj {
        class: generator_type.clone(),
        data: ObjCell::new(Box::new(())),
        tag: 0,
    };
    Globals {
        types,
        exc,
        names,
        builtins,
        builtins_dict,
        modules,
        sys,
        not_implemented: ObjRef::new_immortal(py, Owned::Singleton("NotImplemented")),
        ellipsis: ObjRef::new_immortal(py, Owned::Singleton("Ellipsis")),
        empty_tuple: ObjRef::new_immortal(py, Owned::Tuple(Box::new([]))),
        ascii_chars: (0u8..128)
            .map(|b| intern(py, &(b as char).to_string()))
            .collect(),
        generator_type,
        gil: &GIL,
        recursion_limit: AtomicU32::new(1000),
        config: OnceLock::new(),
        native_modules: parking_lot::Mutex::new(crate::modules::builtin_module_defs()),
        main_thread_id: AtomicUsize::new(0),
    }
}

trait DictPayload {
    fn payload_dict(&self) -> &PyDict;
}
impl DictPayload for ObjRef {
    fn payload_dict(&self) -> &PyDict {
        match self.payload() {
            Payload::Dict(d) => d,
            _ => unreachable!(),
        }
    }
}

static POPULATED: Once = Once::new();

/// Fills the builtins module, type methods and sys (once per process).
pub fn populate(interp: &mut Interp) {
    POPULATED.call_once(|| {
        crate::builtins::register(interp);
        crate::modules::sys::init_sys(interp);
        let key = interp.new_str("builtins");
        let _ = interp.dict_set(
            &interp.g.modules.clone(),
            key,
            Value::Obj(interp.g.builtins.clone()),
        );
        let key = interp.new_str("sys");
        let _ = interp.dict_set(
            &interp.g.modules.clone(),
            key,
            Value::Obj(interp.g.sys.clone()),
        );
    });
    interp.recursion_limit = interp
        .g
        .recursion_limit
        .load(std::sync::atomic::Ordering::Relaxed);
}
