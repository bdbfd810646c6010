//! Type objects and the registry of builtin types.
//!
//! Every value has a type: immediates map to the builtin `NoneType`/`bool`/`int`/`float`,
//! heap payloads to their builtin type, instances to their class. Builtin type objects are
//! created once per process by [`init`], are immortal, and are shared by all threads; the
//! interpreter fills their dicts with methods at start-up.
use crate::payload::Owned;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use gilvm_sync::{ObjCell, Py};

use crate::attrs::SharedKeys;
use crate::dict::PyDict;
use crate::objref::ObjRef;
use crate::payload::Payload;
use crate::str::intern;
use crate::value::Value;

/// What the instances of a type carry (the "layout" of its nearest builtin base).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Builtin type whose instances are their own payload kind (int, str, …).
    Builtin,
    /// Plain instances with a dict.
    Object,
    Exception,
    List,
    Dict,
    /// Type objects: the instances of a subclass of `type` (a metaclass) are classes.
    Type,
    /// Instances of a subclass of another builtin (`int`, `str`, `tuple`, `set`,
    /// `property`, …) carry its state (`InstanceBase::Value`, `Set`, `Descriptor`).
    Base(crate::payload::BuiltinBase),
}

/// A type object.
pub struct TypeObject {
    pub name: Box<str>,
    pub qualname: ObjCell<Value>,
    /// Direct bases.
    pub bases: Box<[ObjRef]>,
    /// The method resolution order, excluding the type itself.
    pub mro: Box<[ObjRef]>,
    /// The type's namespace (a dict object).
    pub dict: ObjRef,
    pub layout: Layout,
    /// Defined by a `class` statement (a "heap type").
    pub is_heap: bool,
    /// Builtin types that refuse to be subclassed (`bool`, `range`, …).
    pub final_type: bool,
    /// Do instances have a `__dict__`? (Not those of `object` itself.)
    pub instance_dict: bool,
    /// The attribute names instances store inline (`attrs.rs`).
    pub shared_keys: SharedKeys,
    /// The type's own type (its metaclass) when it is not `type`: a class created by a
    /// subclass of `type`. `None` for every builtin type and for plain classes.
    pub metatype: Option<ObjRef>,
    /// The instances' `__slots__` (named slots, by position) and what CPython's
    /// `__class__` assignment compares.
    pub slots: InstanceSlots,
    /// Which of `__getattribute__`/`__setattr__`/`__delattr__` the class overrides
    /// ([`TypeObject::attr_hooks`]), cached with the hooks epoch it was computed at.
    hooks: AtomicU64,
    /// Weak references (the VM's basic `weakref.ref` objects) to the classes that name
    /// this type as a direct base, in creation order: `type.__subclasses__()`. Weak, as in
    /// CPython (`tp_subclasses`), so a subclass's death is not held up by its base.
    subclasses: ObjCell<Vec<ObjRef>>,
    /// This type object, uncounted: what [`ClassSlot`](crate::instclass::ClassSlot) hands
    /// out as an instance's class (set once, right after allocation, before the type is
    /// shared).
    this: SelfRef,
}

/// The named slots of a class's instances (`__slots__`), and the layout facts CPython's
/// `__class__` assignment compares (`compatible_for_assignment`).
#[derive(Default)]
pub struct InstanceSlots {
    /// Every named slot, by position in the instance's values: the base's first, then
    /// the class's own (interned, mangled, sorted, as CPython orders them).
    pub names: Box<[ObjRef]>,
    /// The class's own `__slots__` names without `__dict__` and `__weakref__` (CPython's
    /// `ht_slots`); None when the class body has no `__slots__`.
    pub own: Option<Box<[ObjRef]>>,
    /// Do instances support weak references (CPython's `tp_weaklistoffset`: every class
    /// without `__slots__`, or with `'__weakref__'` in them, or a base's)?
    pub weakref: bool,
    /// The index in `bases` of the base whose layout this class extends (CPython's
    /// `tp_base`, the "best base").
    pub base: usize,
}

impl InstanceSlots {
    /// What a class without `__slots__` of its own gets: its best base's slots, and weak
    /// references.
    pub fn inherited(bases: &[ObjRef]) -> InstanceSlots {
        let base = best_base(bases);
        let names = bases
            .get(base)
            .and_then(as_type)
            .map(|t| t.slots.names.clone())
            .unwrap_or_default();
        InstanceSlots {
            names,
            own: None,
            weakref: true,
            base,
        }
    }
}

/// The index of the base whose instance layout a class with these bases extends (CPython's
/// `best_base`): the one with the most named slots (each slotted base's slots extend its
/// own best base's, so with no layout conflict that base's layout includes the others'),
/// the first one on a tie.
pub fn best_base(bases: &[ObjRef]) -> usize {
    let mut best = 0;
    let mut most = 0;
    for (i, b) in bases.iter().enumerate() {
        let n = as_type(b).map_or(0, |t| t.slots.names.len());
        if n > most {
            best = i;
            most = n;
        }
    }
    best
}

/// An uncounted reference to the type object that holds it (see `TypeObject::this`).
struct SelfRef(std::cell::UnsafeCell<Option<std::mem::ManuallyDrop<ObjRef>>>);

impl SelfRef {
    fn empty() -> SelfRef {
        SelfRef(std::cell::UnsafeCell::new(None))
    }
}

/// `TypeObject::attr_hooks` flags: the class overrides `__getattribute__` (not `object`'s
/// or `type`'s) …
pub const HOOK_GETATTRIBUTE: u8 = 1;
/// … `__setattr__` …
pub const HOOK_SETATTR: u8 = 2;
/// … `__delattr__`.
pub const HOOK_DELATTR: u8 = 4;
const HOOKS_VALID: u64 = 8;
/// … and `__del__` (a finalizer: its instances' free path calls the VM, `lifecycle.rs`).
pub const HOOK_DEL: u8 = 16;
const HOOKS_MASK: u64 = 0x17;

/// Advances when `__getattribute__`, `__setattr__`, `__delattr__` or `__del__` is assigned to or
/// deleted from any class (`note_hook_write`), which makes every class recompute its
/// `attr_hooks`. Other class-attribute writes leave it alone, so a class counter written in
/// a loop does not make every attribute access recompute them.
static HOOKS_EPOCH: AtomicU64 = AtomicU64::new(1);

/// Called after a class namespace write of `__getattribute__`, `__setattr__` or
/// `__delattr__` (the VM's `type.__setattr__`/`type.__delattr__`): every class's
/// `attr_hooks` is recomputed on next use.
pub fn note_hook_write() {
    HOOKS_EPOCH.fetch_add(1, Ordering::AcqRel);
}

impl TypeObject {
    /// The namespace payload.
    pub fn dict(&self) -> &PyDict {
        match self.dict.payload() {
            Payload::Dict(d) => d,
            _ => unreachable!("type dict is a dict"),
        }
    }

    /// Records `r`, a weak reference to a new class that has this type as a direct base.
    pub fn add_subclass(&self, py: Py<'_>, r: ObjRef) {
        self.subclasses.with(py, |v| v.push(r));
    }

    /// The cycle collector's traversal of the weak reference objects listing the
    /// subclasses (`gc.rs`).
    pub fn gc_traverse_subclasses(&self, py: Py<'_>, v: &mut dyn crate::gc::Visit) {
        self.subclasses
            .read(py, |s| s.iter().for_each(|r| v.obj(r)));
    }

    /// The weak references to the direct subclasses (see `subclasses`), oldest first.
    pub fn subclass_refs(&self, py: Py<'_>) -> Vec<ObjRef> {
        self.subclasses.read(py, |v| v.clone())
    }

    /// How many weak references to subclasses are recorded (live or dead).
    pub fn subclass_refs_len(&self, py: Py<'_>) -> usize {
        self.subclasses.read(py, |v| v.len())
    }

    /// Drops the weak references whose addresses are in `dead` (their classes died).
    pub fn forget_subclass_refs(&self, py: Py<'_>, dead: &[usize]) {
        let gone = self.subclasses.with(py, |v| {
            let (keep, gone): (Vec<ObjRef>, Vec<ObjRef>) = std::mem::take(v)
                .into_iter()
                .partition(|r| !dead.contains(&r.addr()));
            *v = keep;
            gone
        });
        // Dropped outside the cell: freeing a weak reference takes the weakref table's lock.
        drop(gone);
    }

    /// Is the type's metaclass something other than `type`?
    #[inline(always)]
    pub fn has_metaclass(&self) -> bool {
        self.metatype.is_some()
    }

    /// This type object (an uncounted reference valid as long as `self` is).
    #[inline(always)]
    pub fn this(&self) -> &ObjRef {
        // SAFETY: set by `set_this` right after allocation, before any other reference to
        // the type exists, and never written again.
        unsafe { (*self.this.0.get()).as_deref().unwrap_unchecked() }
    }

    /// Which attribute hooks the class overrides (`HOOK_*` flags): the lock-free per-class
    /// answer the attribute paths check before doing `object`'s generic lookup. Recomputed
    /// (three type lookups) when a hook was assigned to any class since (`note_hook_write`).
    ///
    /// A stale answer is impossible: the epoch is read before the lookups and stored with
    /// their result, and a writer advances it after changing the class namespace, so a
    /// result computed across a change is stored with an epoch that is already old.
    #[inline(always)]
    pub fn attr_hooks(&self, py: Py<'_>) -> u8 {
        let epoch = HOOKS_EPOCH.load(Ordering::Acquire);
        let w = self.hooks.load(Ordering::Relaxed);
        if w >> 8 == epoch && w & HOOKS_VALID != 0 {
            return (w & HOOKS_MASK) as u8;
        }
        self.compute_hooks(py, epoch)
    }

    #[inline(never)]
    fn compute_hooks(&self, py: Py<'_>, epoch: u64) -> u8 {
        let b = builtin();
        let mut flags = 0;
        for (name, flag) in [
            ("__getattribute__", HOOK_GETATTRIBUTE),
            ("__setattr__", HOOK_SETATTR),
            ("__delattr__", HOOK_DELATTR),
            ("__del__", HOOK_DEL),
        ] {
            let n = intern(py, name);
            let found = lookup(py, self.this(), &n);
            let generic = |t: &ObjRef| match (&found, lookup(py, t, &n)) {
                (Some(Value::Obj(f)), Some(Value::Obj(g))) => f.is(&g),
                (None, _) => true,
                _ => false,
            };
            if !generic(&b.object) && !generic(&b.type_) {
                flags |= flag;
            }
        }
        self.hooks
            .store(epoch << 8 | HOOKS_VALID | flags as u64, Ordering::Relaxed);
        flags
    }
}

/// Allocates a type object and points its `this` at itself.
fn alloc_type(py: Py<'_>, t: TypeObject) -> ObjRef {
    let o = ObjRef::new(py, Owned::Type(t));
    if let Payload::Type(t) = o.payload() {
        // SAFETY: `o` is the only reference to the new type, so nothing reads `this` yet;
        // the copy is never dropped (`ManuallyDrop`), so it takes no count.
        unsafe { *t.this.0.get() = Some(std::mem::ManuallyDrop::new(std::ptr::read(&o))) };
    }
    o
}

macro_rules! builtin_types {
    ($($field:ident => $name:literal),* $(,)?) => {
        /// The builtin type objects.
        pub struct BuiltinTypes {
            $(pub $field: ObjRef,)*
        }
        impl BuiltinTypes {
            fn create(py: Py<'_>, object: ObjRef, type_: ObjRef) -> BuiltinTypes {
                BuiltinTypes {
                    $($field: match $name {
                        "object" => object.clone(),
                        "type" => type_.clone(),
                        _ => new_builtin_type(py, $name, &object),
                    },)*
                }
            }
            /// All builtin types with their names.
            pub fn all(&self) -> Vec<(&'static str, &ObjRef)> {
                vec![$(($name, &self.$field),)*]
            }
        }
    };
}

builtin_types! {
    object => "object",
    type_ => "type",
    none => "NoneType",
    bool_ => "bool",
    int => "int",
    float => "float",
    str_ => "str",
    bytes => "bytes",
    list => "list",
    tuple => "tuple",
    dict => "dict",
    set => "set",
    frozenset => "frozenset",
    range => "range",
    slice => "slice",
    function => "function",
    builtin_function => "builtin_function_or_method",
    method => "method",
    code => "code",
    cell => "cell",
    module => "module",
    property => "property",
    staticmethod => "staticmethod",
    classmethod => "classmethod",
    list_iterator => "list_iterator",
    tuple_iterator => "tuple_iterator",
    str_ascii_iterator => "str_ascii_iterator",
    range_iterator => "range_iterator",
    iterator => "iterator",
    // The other builtin iterator types, each its own type as in CPython (issue 19, iters):
    // `SeqIterCell::kind` and `IterCell::kind` say which (`type_of_obj`).
    str_iterator => "str_iterator",
    bytes_iterator => "bytes_iterator",
    bytearray_iterator => "bytearray_iterator",
    set_iterator => "set_iterator",
    dict_keyiterator => "dict_keyiterator",
    dict_valueiterator => "dict_valueiterator",
    dict_itemiterator => "dict_itemiterator",
    dict_reversekeyiterator => "dict_reversekeyiterator",
    dict_reversevalueiterator => "dict_reversevalueiterator",
    dict_reverseitemiterator => "dict_reverseitemiterator",
    list_reverseiterator => "list_reverseiterator",
    callable_iterator => "callable_iterator",
    // The lazy iteration builtins are types (`isinstance(x, map)`, `class E(enumerate)`).
    reversed => "reversed",
    enumerate => "enumerate",
    zip => "zip",
    map => "map",
    filter => "filter",
    not_implemented => "NotImplementedType",
    ellipsis => "ellipsis",
    native => "native",
    member_descriptor => "member_descriptor",
    complex => "complex",
    bytearray => "bytearray",
    memoryview => "memoryview",
    // A builtin type's method looked up on the class (`list.append`; issue 19, pyperf).
    method_descriptor => "method_descriptor",
}

/// Creates a type object for a builtin or native type. Its instances have a `__dict__`
/// when they are instances at all (not `Layout::Builtin`), except `object`'s (the only type
/// without bases).
pub fn new_type(
    py: Py<'_>,
    name: &str,
    bases: Vec<ObjRef>,
    mro: Vec<ObjRef>,
    dict: ObjRef,
    layout: Layout,
    is_heap: bool,
) -> ObjRef {
    let instance_dict = !bases.is_empty() && layout != Layout::Builtin;
    let slots = InstanceSlots {
        weakref: false,
        ..InstanceSlots::default()
    };
    make_type(
        py,
        name,
        bases,
        mro,
        dict,
        layout,
        is_heap,
        instance_dict,
        None,
        slots,
    )
}

/// Creates a class (a heap type: a `class` statement, `type(name, bases, dict)`), saying
/// whether its instances have a `__dict__` (not when `__slots__` leaves it out), and what
/// its metaclass is (`None`: `type`).
#[allow(clippy::too_many_arguments)]
pub fn new_class(
    py: Py<'_>,
    name: &str,
    bases: Vec<ObjRef>,
    mro: Vec<ObjRef>,
    dict: ObjRef,
    layout: Layout,
    instance_dict: bool,
    metatype: Option<ObjRef>,
) -> ObjRef {
    let slots = InstanceSlots::inherited(&bases);
    new_class_with_slots(
        py,
        name,
        bases,
        mro,
        dict,
        layout,
        instance_dict,
        metatype,
        slots,
    )
}

/// [`new_class`] for a class whose instances have named slots (`slots`, from the class
/// body's `__slots__` and the bases').
#[allow(clippy::too_many_arguments)]
pub fn new_class_with_slots(
    py: Py<'_>,
    name: &str,
    bases: Vec<ObjRef>,
    mro: Vec<ObjRef>,
    dict: ObjRef,
    layout: Layout,
    instance_dict: bool,
    metatype: Option<ObjRef>,
    slots: InstanceSlots,
) -> ObjRef {
    make_type(
        py,
        name,
        bases,
        mro,
        dict,
        layout,
        true,
        instance_dict,
        metatype,
        slots,
    )
}

#[allow(clippy::too_many_arguments)]
fn make_type(
    py: Py<'_>,
    name: &str,
    bases: Vec<ObjRef>,
    mro: Vec<ObjRef>,
    dict: ObjRef,
    layout: Layout,
    is_heap: bool,
    instance_dict: bool,
    metatype: Option<ObjRef>,
    slots: InstanceSlots,
) -> ObjRef {
    mark_type_dict(&dict);
    let shared_keys = SharedKeys::with_slots(slots.names.len(), instance_dict);
    alloc_type(
        py,
        TypeObject {
            name: name.into(),
            qualname: ObjCell::new(Value::Obj(intern(py, name))),
            bases: bases.into_boxed_slice(),
            mro: mro.into_boxed_slice(),
            dict,
            layout,
            is_heap,
            final_type: false,
            instance_dict,
            shared_keys,
            metatype,
            slots,
            hooks: AtomicU64::new(0),
            subclasses: ObjCell::new(Vec::new()),
            this: SelfRef::empty(),
        },
    )
}

/// Marks a new type's namespace so that writes to it invalidate the type cache (which the
/// new type's creation does too: its address may be a freed type's).
fn mark_type_dict(dict: &ObjRef) {
    if let Payload::Dict(d) = dict.payload() {
        d.table.mark_type_dict();
    }
}

fn new_dict_obj(py: Py<'_>) -> ObjRef {
    ObjRef::new_immortal(py, Owned::Dict(PyDict::new()))
}

fn new_builtin_type(py: Py<'_>, name: &str, object: &ObjRef) -> ObjRef {
    let t = new_type(
        py,
        name,
        vec![object.clone()],
        vec![object.clone()],
        new_dict_obj(py),
        Layout::Builtin,
        false,
    );
    t.make_immortal();
    t
}

struct Registry(BuiltinTypes);
// SAFETY: every object in the registry is immortal, so sharing the references never writes
// their counts; their mutable state (type dicts) is behind ObjCells, accessed with a Py token
// (under the GIL, or the per-object lock in the free-threaded build).
unsafe impl Sync for Registry {}
// SAFETY: as above.
unsafe impl Send for Registry {}

static REGISTRY: OnceLock<Registry> = OnceLock::new();

/// Creates the builtin types (idempotent).
pub fn init(py: Py<'_>) -> &'static BuiltinTypes {
    &REGISTRY
        .get_or_init(|| {
            let object = new_type(
                py,
                "object",
                vec![],
                vec![],
                new_dict_obj(py),
                Layout::Object,
                false,
            );
            object.make_immortal();
            let type_ = new_type(
                py,
                "type",
                vec![object.clone()],
                vec![object.clone()],
                new_dict_obj(py),
                Layout::Builtin,
                false,
            );
            type_.make_immortal();
            let mut types = BuiltinTypes::create(py, object.clone(), type_);
            // bool is a subclass of int (and is final).
            let bool_dict = new_dict_obj(py);
            mark_type_dict(&bool_dict);
            let bool_ = alloc_type(
                py,
                TypeObject {
                    name: "bool".into(),
                    qualname: ObjCell::new(Value::Obj(intern(py, "bool"))),
                    bases: vec![types.int.clone()].into_boxed_slice(),
                    mro: vec![types.int.clone(), object].into_boxed_slice(),
                    dict: bool_dict,
                    layout: Layout::Builtin,
                    is_heap: false,
                    final_type: true,
                    instance_dict: false,
                    shared_keys: SharedKeys::new(),
                    metatype: None,
                    slots: InstanceSlots::default(),
                    hooks: AtomicU64::new(0),
                    subclasses: ObjCell::new(Vec::new()),
                    this: SelfRef::empty(),
                },
            );
            bool_.make_immortal();
            types.bool_ = bool_;
            Registry(types)
        })
        .0
}

/// The builtin types. Panics if [`init`] has not run (the VM runs it first thing).
#[inline(always)]
pub fn builtin() -> &'static BuiltinTypes {
    &REGISTRY
        .get()
        .expect("gilvm_object::types::init not called")
        .0
}

/// The type of a value.
#[inline]
pub fn type_of(v: &Value) -> &ObjRef {
    let t = builtin();
    match v {
        Value::None => &t.none,
        Value::Bool(_) => &t.bool_,
        Value::Int(_) => &t.int,
        Value::Float(_) => &t.float,
        Value::Undef => &t.none,
        Value::Obj(o) => type_of_obj(o),
    }
}

/// The type of a heap object.
#[inline]
pub fn type_of_obj(o: &ObjRef) -> &ObjRef {
    let t = builtin();
    match o.payload() {
        Payload::Str(_) => &t.str_,
        Payload::Int(_) => &t.int,
        Payload::Tuple(_) => &t.tuple,
        Payload::List(_) => &t.list,
        Payload::Dict(_) => &t.dict,
        Payload::Set(_) => &t.set,
        Payload::FrozenSet(_) => &t.frozenset,
        Payload::Bytes(_) => &t.bytes,
        Payload::Range(_) => &t.range,
        Payload::Slice(_) => &t.slice,
        Payload::Type(ty) => match &ty.metatype {
            None => &t.type_,
            Some(m) => m,
        },
        Payload::Instance(i) => &i.class,
        Payload::Function(_) => &t.function,
        Payload::BuiltinFunction(b) if crate::payload::is_method_descriptor(b) => {
            &t.method_descriptor
        }
        Payload::BuiltinFunction(_) => &t.builtin_function,
        Payload::BoundMethod(_) => &t.method,
        Payload::Code(_) => &t.code,
        Payload::Cell(_) => &t.cell,
        Payload::Module(m) => m.class.get(),
        Payload::Property(_) => &t.property,
        Payload::StaticMethod(_) => &t.staticmethod,
        Payload::ClassMethod(_) => &t.classmethod,
        Payload::SeqIter(c) => seq_iter_type(t, c.kind()),
        Payload::RangeIter(_) => &t.range_iterator,
        Payload::Iter(c) => iter_type(t, c.kind()),
        Payload::Singleton(&"NotImplemented") => &t.not_implemented,
        Payload::Singleton(_) => &t.ellipsis,
        Payload::Object(_) => &t.object,
        Payload::Native(n) => &n.class,
        Payload::Complex(_) => &t.complex,
        Payload::ByteArray(_) => &t.bytearray,
        Payload::MemoryView(_) => &t.memoryview,
    }
}

/// The type of a sequence iterator of kind `k`.
#[inline]
pub fn seq_iter_type(t: &BuiltinTypes, k: crate::iterstate::SeqKind) -> &ObjRef {
    use crate::iterstate::SeqKind;
    match k {
        SeqKind::List => &t.list_iterator,
        SeqKind::Tuple => &t.tuple_iterator,
        SeqKind::StrAscii => &t.str_ascii_iterator,
        SeqKind::Str => &t.str_iterator,
        SeqKind::Bytes => &t.bytes_iterator,
        SeqKind::ByteArray => &t.bytearray_iterator,
    }
}

/// The type of an `IterState` iterator of kind `k`.
#[inline]
pub fn iter_type(t: &BuiltinTypes, k: crate::iterstate::IterKind) -> &ObjRef {
    use crate::iterstate::IterKind;
    match k {
        IterKind::DictKeys => &t.dict_keyiterator,
        IterKind::DictValues => &t.dict_valueiterator,
        IterKind::DictItems => &t.dict_itemiterator,
        IterKind::DictRevKeys => &t.dict_reversekeyiterator,
        IterKind::DictRevValues => &t.dict_reversevalueiterator,
        IterKind::DictRevItems => &t.dict_reverseitemiterator,
        IterKind::Set => &t.set_iterator,
        IterKind::ListReverse => &t.list_reverseiterator,
        IterKind::Reversed => &t.reversed,
        IterKind::Enumerate => &t.enumerate,
        IterKind::Zip => &t.zip,
        IterKind::Map => &t.map,
        IterKind::Filter => &t.filter,
        IterKind::Callable => &t.callable_iterator,
        IterKind::Seq => &t.iterator,
    }
}

/// `issubclass(a, b)` by MRO.
#[inline]
pub fn is_subtype(a: &ObjRef, b: &ObjRef) -> bool {
    if a.is(b) {
        return true;
    }
    match a.payload() {
        Payload::Type(t) => t.mro.iter().any(|m| m.is(b)),
        _ => false,
    }
}

/// The type payload of a type object.
pub fn as_type(o: &ObjRef) -> Option<&TypeObject> {
    match o.payload() {
        Payload::Type(t) => Some(t),
        _ => None,
    }
}

/// The type's name.
pub fn type_name(o: &ObjRef) -> &str {
    as_type(o).map(|t| &*t.name).unwrap_or("?")
}

// ---- the type attribute cache ----
//
// A process-wide, direct-mapped, lock-free cache of MRO lookups (CPython's type cache, with a
// global epoch instead of per-type version tags). Entry: (type address, name address, epoch,
// value words); a miss is cached too (value tag 0), because looking for a data descriptor
// that is not there is the common case of every instance attribute access.
//
// Validity: `TYPE_EPOCH` advances on every write to any type's namespace and on every type
// creation (`mark_type_dict`). An entry is used only if its epoch is current, so:
// - no namespace along the MRO changed since the entry was filled, so the cached object is
//   still referenced by the namespace it came from (GIL build: `CACHE_MORTAL`); in the
//   free-threaded build only immortal and per-thread counted objects are cached (methods
//   and classes are counted per thread when published, see `ObjRef::publish_shared`;
//   `CACHE_MORTAL` says why they may be held uncounted);
// - a type freed and another created at its address meanwhile changed the epoch;
// - names are cached only when immortal (interned), so a name's address is never reused.
// The epoch is read *before* the slow lookup and stored with its result, so a write racing
// with the lookup leaves an entry that is already stale. Each slot is a `SeqSlot`: readers
// never write and never block, so threads sharing a class do not bounce cache lines.

const TYPE_CACHE_SIZE: usize = 4096;
static TYPE_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
// (Not under the model checker: loom's atomics are not const; lookups go uncached there.)
#[cfg(not(loom))]
static TYPE_CACHE: [gilvm_sync::seqslot::SeqSlot<5>; TYPE_CACHE_SIZE] =
    [const { gilvm_sync::seqslot::SeqSlot::new() }; TYPE_CACHE_SIZE];

/// The current type epoch: it changes whenever any type's namespace is written or a type is
/// created. Caches keyed by a type's address and this epoch (the type-attribute cache, the
/// interpreter's per-instruction attribute caches) are valid while it is unchanged.
#[inline(always)]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.load(std::sync::atomic::Ordering::Acquire)
}

/// Invalidates every type-cache entry (a type namespace changed, or a type was created).
#[inline]
pub fn invalidate_type_cache() {
    TYPE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
}

#[cfg(not(loom))]
#[inline(always)]
fn type_cache_slot(ty: usize, name: usize) -> &'static gilvm_sync::seqslot::SeqSlot<5> {
    let h = (ty >> 4) ^ (name >> 3) ^ (name >> 12);
    &TYPE_CACHE[h % TYPE_CACHE_SIZE]
}

/// Looks `name` up along the type's MRO (the type itself first) (model checker: uncached).
#[cfg(loom)]
pub fn lookup(py: Py<'_>, ty: &ObjRef, name: &ObjRef) -> Option<Value> {
    lookup_uncached(py, ty, name)
}

/// Looks `name` up along the type's MRO (the type itself first), through the type cache.
/// The hit path is inlined into callers; a miss fills the entry out of line.
#[cfg(not(loom))]
#[inline(always)]
pub fn lookup(py: Py<'_>, ty: &ObjRef, name: &ObjRef) -> Option<Value> {
    if !name.is_immortal() {
        return lookup_uncached(py, ty, name);
    }
    let (ta, na) = (ty.addr() as u64, name.addr() as u64);
    let slot = type_cache_slot(ta as usize, na as usize);
    let epoch = TYPE_EPOCH.load(std::sync::atomic::Ordering::Acquire);
    if let Some(w) = slot.read() {
        if w[0] == ta && w[1] == na && w[2] == epoch {
            if w[3] == 0 {
                return None;
            }
            // SAFETY: validated by the current epoch: see the cache's validity argument.
            return Some(unsafe { Value::from_cache_words([w[3], w[4]]) });
        }
    }
    lookup_fill(py, ty, name, slot, epoch)
}

/// A type-cache miss: looks the name up and fills the entry.
#[cfg(not(loom))]
#[inline(never)]
fn lookup_fill(
    py: Py<'_>,
    ty: &ObjRef,
    name: &ObjRef,
    slot: &gilvm_sync::seqslot::SeqSlot<5>,
    epoch: u64,
) -> Option<Value> {
    let r = lookup_uncached(py, ty, name);
    let words = match &r {
        None => Some([0, 0]),
        Some(v) => v.to_cache_words(),
    };
    if let Some(vw) = words {
        slot.write([ty.addr() as u64, name.addr() as u64, epoch, vw[0], vw[1]]);
    }
    r
}

/// Looks `name` up along the type's MRO without the cache.
pub fn lookup_uncached(py: Py<'_>, ty: &ObjRef, name: &ObjRef) -> Option<Value> {
    let t = as_type(ty)?;
    if let Some(v) = t.dict().get_str(py, name) {
        return Some(v);
    }
    for base in t.mro.iter() {
        if let Some(v) = as_type(base).and_then(|b| b.dict().get_str(py, name)) {
            return Some(v);
        }
    }
    None
}
