//! Process-wide interpreter state: builtin types and exceptions, the builtins and sys
//! modules, `sys.modules`, interned names, and the GIL.
//!
//! Everything here is created once, is immortal, and is shared by all threads. Mutable
//! parts (module dicts) are containers behind their per-object locks.
use std::sync::atomic::{AtomicU32, AtomicUsize};
use std::sync::OnceLock;

use gilvm_object::str::intern;
use gilvm_object::types::BuiltinTypes;
use gilvm_object::{ObjRef, Py};
use gilvm_sync::Gil;

use crate::exceptions::ExcTypes;

macro_rules! names {
    ($($f:ident = $s:literal),* $(,)?) => {
        /// Interned names the interpreter looks up often.
        pub struct Names { $(pub $f: ObjRef,)* }
        impl Names {
            fn new(py: Py<'_>) -> Names { Names { $($f: intern(py, $s),)* } }
        }
    };
}

names! {
    init = "__init__", new = "__new__", repr = "__repr__", str = "__str__", name = "__name__",
    qualname = "__qualname__", module = "__module__", dict = "__dict__", class = "__class__",
    doc = "__doc__", call = "__call__", getattr = "__getattr__", getattribute = "__getattribute__",
    setattr = "__setattr__", delattr = "__delattr__", eq = "__eq__", ne = "__ne__", hash = "__hash__",
    len = "__len__", bool_ = "__bool__", iter = "__iter__", next = "__next__", getitem = "__getitem__",
    setitem = "__setitem__", delitem = "__delitem__", contains = "__contains__", enter = "__enter__",
    exit = "__exit__", get = "__get__", set = "__set__", delete = "__delete__", index = "__index__",
    int_ = "__int__", float_ = "__float__", format = "__format__", classcell = "__classcell__",
    builtins = "__builtins__", main = "__main__", file = "__file__", all = "__all__", path = "__path__",
    package = "__package__", spec = "__spec__", args = "args", neg = "__neg__", pos = "__pos__",
    invert = "__invert__", abs = "__abs__", missing = "__missing__", mro = "__mro__", bases = "__bases__",
    init_subclass = "__init_subclass__", set_name = "__set_name__", traceback = "__traceback__",
    cause = "__cause__", context = "__context__", suppress_context = "__suppress_context__",
    round = "__round__", reversed = "__reversed__", send = "send", throw = "throw", close = "close",
    empty = "", slots = "__slots__", loader = "__loader__", self_ = "__self__", func = "__func__",
    wrapped = "__wrapped__", annotations = "__annotations__", defaults = "__defaults__",
    kwdefaults = "__kwdefaults__", code = "__code__", globals = "__globals__", lt = "__lt__",
    stdout = "stdout", stdout_orig = "__stdout__",
}

/// Process-wide state. See the module docs.
pub struct Globals {
    pub types: &'static BuiltinTypes,
    pub exc: ExcTypes,
    pub names: Names,
    pub builtins: ObjRef,
    pub builtins_dict: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    pub sys: ObjRef,
    pub not_implemented: ObjRef,
    pub ellipsis: ObjRef,
    pub empty_tuple: ObjRef,
    /// Interned one-character strings for code points 0..128.
    pub ascii_chars: Vec<ObjRef>,
    /// Type objects for interpreter-defined objects (generator, …).
    pub generator_type: ObjRef,
    pub gil: &'static Gil,
    pub recursion_limit: AtomicU32,
    /// `-X` options and other start-up settings.
    pub config: OnceLock<crate::Config>,
    pub native_modules: parking_lot::Mutex<Vec<crate::NativeModuleDef>>,
    pub main_thread_id: AtomicUsize,
}

struct Holder(&'static Globals);

// SAFETY: every ObjRef in Globals is immortal (its count is never written), and the mutable
// state of those objects lives behind ObjCells that require a Py token (the GIL, or the
// per-object lock in the free-threaded build), so sharing `&Globals` between threads never
// races on object state. The remaining fields are atomics, locks or `OnceLock`s.
unsafe impl Sync for Globals {}
// SAFETY: as above; moving the struct moves immortal references only.
unsafe impl Send for Globals {}

static GLOBALS: OnceLock<Holder> = OnceLock::new();

/// The globals, created on first use.
pub fn globals(py: Py<'_>) -> &'static Globals {
    GLOBALS
        .get_or_init(|| Holder(Box::leak(Box::new(crate::init::create_globals(py)))))
        .0
}

/// The globals if already created.
pub fn try_globals() -> Option<&'static Globals> {
    GLOBALS.get().map(|h| h.0)
}

impl Names {
    pub(crate) fn create(py: Py<'_>) -> Names {
        Names::new(py)
    }
}

/// The global interpreter lock.
pub static GIL: Gil = Gil::new();
