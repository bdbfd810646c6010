//! Per-name caches of instance-attribute loads and stores, method loads and module-attribute
//! loads (PEP 659's `LOAD_ATTR_INSTANCE_VALUE` / `STORE_ATTR_INSTANCE_VALUE` /
//! `LOAD_ATTR_METHOD_WITH_VALUES` / `LOAD_ATTR_MODULE`, in gilvm's terms).
//!
//! # What and why
//! `o.x` on a plain instance must establish that `type(o)` gives `x` no descriptor (a type
//! lookup along the MRO), then find `x` among the instance's values (a scan of the class's
//! shared keys, `gilvm_object::attrs`). Both answers depend only on the class and on class
//! namespaces, so the code object keeps them per name (`CodeObject::attr_cache`): the
//! class's key (`ClassSlot::key`), the type epoch at the time, and the index. A hit costs
//! one seqlock read and two compares; the value is then read at that index under the
//! instance's own lock, exactly as an uncached access reads it. A named slot (`__slots__`)
//! is cached the same way: its member descriptor gives its position among the instance's
//! values, where a slotted instance always keeps it.
//!
//! A class that overrides `__getattribute__` (or `__setattr__`) must see every load (or
//! store): the entry then holds `NO_INDEX` as its load index (which `get_at` answers None
//! for, so a hit falls to the general path with no test of its own on the hit path) or
//! `NO_STORE` as its store code. Whether a class overrides them is `attr_hooks`, checked when
//! the entry is filled.
//!
//! `o.m(...)` (`LoadMethod`) is cached the same way when the class gives `m` as a Python
//! function and does not override `__getattribute__`: the entry holds the function, and
//! the instance's own attributes cannot hide it while the class's shared keys still have
//! the length they had at the fill (the name was not among them then, and keys are only
//! appended) and the instance keeps its values inline (a dict-mode instance may hold any
//! name: checked on every hit). `m.f` on a module is cached by the module dict's address
//! and version (as the global-name cache is), for values that are objects.
//!
//! `C.x` on a plain class (its metaclass is `type`: CPython's `LOAD_ATTR_CLASS`) is cached
//! by the class's address and the type epoch when the name is not a dunder (those have
//! `type`'s special answers: `__name__`, `__dict__`, …), `type` itself does not have it,
//! and the MRO gives a value that `C.x` returns unchanged: an immediate, or an object that
//! is not a `classmethod`/`staticmethod` nor an instance whose type has `__get__`
//! (deltablue's `Strength.REQUIRED`, a plain function read off its class). Word 2 then
//! holds the value's second cache word and word 3 its first shifted left by 3, or-ed with
//! `KIND_CLASS`. The class's address cannot be another class's key for the same slot with
//! another meaning: every reader checks the kind.
//!
//! Each name has `CodeObject::attr_ways` slots (4 in functions, 1 in module and class
//! bodies), one class (or module) per slot: `self.x` in a base-class method run on instances
//! of four subclasses (pyperformance's richards) hits for each, where one slot per name
//! made every access a miss and a refill. A miss refills the class's own slot if it has
//! one, else the first empty or stale slot, else one chosen by the class's key. The first
//! slot is read inline, the others out of line.
//!
//! An entry is [key, epoch, word 2, word 3]: word 3 tells the kind in its low bits (0: an
//! attribute entry; `KIND_METHOD` / `KIND_MODULE` or-ed into the 8-aligned address of the
//! cached function or value).
//!
//! # Validity
//! - The type epoch (`types::type_epoch`) changes on every write to any type's namespace
//!   and on every type creation, so an entry whose epoch is current was filled when no
//!   class along this class's MRO has been changed since: the name still has no descriptor
//!   (or the same slot descriptor), and the hooks are still those recorded (installing
//!   `C.__getattribute__` later writes a namespace). A class freed and another allocated
//!   at its address changes the epoch too. An instance whose `__class__` is reassigned has
//!   another key, so it uses the new class's entries.
//! - A shared-key index never changes once published (`attrs.rs`, invariant 3), so a cached
//!   index is right for every instance of the class, whichever mode (inline or dict) the
//!   instance is in: `get_at`/`set_at` take the name as well and use it in dict mode.
//! - A cached function or module value is alive while the epoch (or the dict's version) is
//!   unchanged: the namespace that held it at the fill still does (GIL build), and the
//!   free-threaded build caches only immortal and per-thread counted objects (functions
//!   and classes are counted per thread when published, and freed only by the collector
//!   with the world stopped: `header::CACHE_MORTAL`), as the type cache and the global
//!   cache do.
//! - The entry is read and written as one seqlock snapshot (`SeqSlot`), so threads sharing
//!   the code object (free-threaded build) see whole entries; a racing fill may be lost,
//!   which costs only a later miss. The epoch is read before the miss path's checks, so an
//!   entry filled across a concurrent class change is already stale.
use gilvm_object::attrs::NO_INDEX;
use gilvm_object::code::CodeObject;
use gilvm_object::payload::Instance;
use gilvm_object::types::{lookup, type_epoch, HOOK_GETATTRIBUTE, HOOK_SETATTR};
use gilvm_object::{Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;

/// Word 2 of an entry: the load index in the low half, the store code in the high half.
/// A load index is a shared-key index or a slot's position (both index the instance's
/// inline values), or `NO_INDEX` when loads must take the general path (the class
/// overrides `__getattribute__`: `get_at` answers None for it, in either storage mode, so
/// the hit path needs no test of its own). A store code is a shared-key index, a slot's
/// position with `SLOT_STORE` set, or `NO_STORE` (the class overrides `__setattr__`).
const NO_STORE: u64 = 0xFFFF_FFFF;
const SLOT_STORE: u64 = 1 << 31;
/// Word 3's kind bits (object addresses are 8-aligned).
const KIND_MASK: u64 = 7;
const KIND_METHOD: u64 = 1;
const KIND_MODULE: u64 = 2;
const KIND_CLASS: u64 = 3;
/// Word 0 of `Value::to_cache_words` for an object.
const OBJECT_TAG: u64 = 5;

impl Interp {
    /// `o.names[i]` for a plain instance attribute or a set slot through the cache, or None
    /// (not one, or absent: the caller takes the general path).
    #[inline(always)]
    pub(crate) fn load_attr_cached(&self, o: &Value, code: &CodeObject, i: usize) -> Option<Value> {
        let Value::Obj(obj) = o else { return None };
        let Payload::Instance(inst) = obj.payload() else {
            return None;
        };
        let name = &code.names[i];
        let w = self.attr_cache_entry(inst, code, i, false)?;
        // A slot is at its position in the inline values, which a slotted instance never
        // leaves (`attrs.rs`, "Slots"); `get_at` answers None for an unset one, and for
        // `NO_INDEX`.
        inst.attrs
            .get_index(self.py, (w & 0xFFFF_FFFF) as usize, name)
    }

    /// `o.names[i]` as `LoadAttr` (and `LoadFastLoadAttr`) computes it: the cached paths
    /// inline, then the general lookup.
    #[inline(always)]
    pub(crate) fn load_attr_op(&mut self, o: &Value, code: &CodeObject, i: usize) -> PyResult {
        if let Some(v) = self.load_attr_cached(o, code, i) {
            return Ok(v);
        }
        if let Some(v) = self.load_module_attr_cached(o, code, i) {
            return Ok(v);
        }
        if let Some(v) = self.load_class_attr_cached(o, code, i) {
            return Ok(v);
        }
        self.getattr(o, &code.names[i])
    }

    /// `C.names[i]` for a plain class `C` through the cache (see the module comment), or
    /// None (not a plain class, or not a cacheable attribute: the general path runs). Out
    /// of line: inlined into the eval loop, it made every instruction's dispatch dearer.
    #[inline(never)]
    pub(crate) fn load_class_attr_cached(
        &self,
        o: &Value,
        code: &CodeObject,
        i: usize,
    ) -> Option<Value> {
        let Value::Obj(obj) = o else { return None };
        let Payload::Type(t) = obj.payload() else {
            return None;
        };
        if t.metatype.is_some() {
            return None;
        }
        let epoch = type_epoch();
        let w = match self.attr_cache_probe(code, i, obj.addr() as u64, epoch) {
            Some(w) => w,
            None => self.class_attr_fill(obj, code, i, epoch)?,
        };
        if w[3] & KIND_MASK != KIND_CLASS {
            return None;
        }
        // SAFETY: words 2 and 3 hold the value's `to_cache_words` at the fill, and the
        // entry's epoch is current: no class namespace changed since, so the class (or a
        // base) still holds the object (GIL build), or the object is immortal or counted
        // per thread (free-threaded build: `CACHE_MORTAL`), as for the method entries.
        Some(unsafe { Value::from_cache_words([w[3] >> 3, w[2]]) })
    }

    /// A class-attribute miss: fills the entry when `C.names[i]` is cacheable (see the
    /// module comment) and returns its words.
    #[inline(never)]
    fn class_attr_fill(
        &self,
        cls: &gilvm_object::ObjRef,
        code: &CodeObject,
        i: usize,
        epoch: u64,
    ) -> Option<[u64; 4]> {
        let name = &code.names[i];
        let n = crate::eval::str_of(name);
        if n.starts_with("__") && n.ends_with("__") {
            return None;
        }
        if lookup(self.py, &self.g.types.type_, name).is_some() {
            return None;
        }
        let v = lookup(self.py, cls, name)?;
        if let Value::Obj(vo) = &v {
            match vo.payload() {
                Payload::ClassMethod(_) | Payload::StaticMethod(_) => return None,
                Payload::Instance(_) => {
                    let get = gilvm_object::static_name!(self.py, "__get__");
                    if lookup(self.py, gilvm_object::types::type_of(&v), &get).is_some() {
                        return None;
                    }
                }
                _ => {}
            }
        }
        let words = v.to_cache_words()?;
        let w = [
            cls.addr() as u64,
            epoch,
            words[1],
            (words[0] << 3) | KIND_CLASS,
        ];
        self.attr_cache_write(code, i, epoch, w);
        Some(w)
    }

    /// `LoadMethod`'s pair for `o.names[i]` (the method and its receiver, `Undef` when the
    /// method is called without one) once the method cache missed (the eval loop inlines
    /// that hit, which returns its pair in registers): a module function through the
    /// module cache, else the general lookup.
    #[inline(never)]
    pub(crate) fn load_method_slow(
        &mut self,
        o: Value,
        code: &CodeObject,
        i: usize,
    ) -> PyResult<(Value, Value)> {
        if let Some(m) = self.load_module_attr_cached(&o, code, i) {
            return Ok((m, Value::Undef));
        }
        self.load_method(o, &code.names[i])
    }

    /// `o.names[i] = v` for a plain instance attribute or a slot through the cache; hands
    /// `v` back when the general path must run.
    #[inline(always)]
    pub(crate) fn store_attr_cached(
        &self,
        o: &Value,
        code: &CodeObject,
        i: usize,
        v: Value,
    ) -> Result<(), Value> {
        let Value::Obj(obj) = o else { return Err(v) };
        let Payload::Instance(inst) = obj.payload() else {
            return Err(v);
        };
        let Some(w) = self.attr_cache_entry(inst, code, i, true) else {
            return Err(v);
        };
        let sc = w >> 32;
        if sc < SLOT_STORE {
            let Err(v) = inst.attrs.replace_index(self.py, sc as usize, v) else {
                return Ok(());
            };
            inst.attrs.set_at(
                self.py,
                inst.keys(),
                Some(sc as usize),
                code.names[i].clone(),
                v,
            );
            return Ok(());
        }
        self.store_slot(inst, sc, v)
    }

    /// A store whose code is not a shared-key index: a slot's, or none (out of line: the
    /// eval loop inlines the cached paths, and its size costs every instruction).
    #[inline(never)]
    fn store_slot(&self, inst: &Instance, sc: u64, v: Value) -> Result<(), Value> {
        if sc == NO_STORE {
            return Err(v);
        }
        drop(inst.slot_set(self.py, (sc & !SLOT_STORE) as usize, v));
        Ok(())
    }

    /// The cached word 2 of `names[i]` for `inst`'s class, filling the entry on a miss;
    /// None when the name is not a plain instance attribute or a slot of that class (or
    /// not a shared key: a load does not add one, a store does).
    #[inline(always)]
    fn attr_cache_entry(
        &self,
        inst: &Instance,
        code: &CodeObject,
        i: usize,
        store: bool,
    ) -> Option<u64> {
        let epoch = type_epoch();
        let ca = inst.class.key() as u64;
        if let Some(w) = self.attr_cache_probe(code, i, ca, epoch) {
            if w[3] & KIND_MASK == 0 {
                return Some(w[2]);
            }
            return None;
        }
        self.attr_cache_fill(inst, code, i, epoch, store)
    }

    /// `o.names[i]` as `LoadMethod` wants it: the function `type(o)` gives for the name, when
    /// `o` is an instance that does not hide it; None when the general path must run.
    #[inline(always)]
    pub(crate) fn load_method_cached(
        &self,
        o: &Value,
        code: &CodeObject,
        i: usize,
    ) -> Option<Value> {
        let Value::Obj(obj) = o else { return None };
        let Payload::Instance(inst) = obj.payload() else {
            return None;
        };
        let epoch = type_epoch();
        let ca = inst.class.key() as u64;
        let w = match self.attr_cache_probe(code, i, ca, epoch) {
            // The class's shared keys grew since the fill: check the name again.
            Some(w) if w[3] & KIND_MASK == KIND_METHOD && w[2] as usize != inst.keys().len() => {
                self.method_cache_fill(inst, code, i, epoch)?
            }
            Some(w) => w,
            None => self.method_cache_fill(inst, code, i, epoch)?,
        };
        if w[3] & KIND_MASK != KIND_METHOD {
            return None;
        }
        // Inline values hold only shared keys and slots, and the name was neither: only a
        // dict-mode instance can hide the method.
        if inst.attrs.holds_unshared(self.py, &code.names[i]) {
            return None;
        }
        // SAFETY: word 3 without its kind bits is the address half of the function's
        // `to_cache_words` at the fill, and the entry's epoch is current: the function is
        // alive (see "Validity" above).
        Some(unsafe { Value::from_cache_words([OBJECT_TAG, w[3] & !KIND_MASK]) })
    }

    /// `m.names[i]` for a module `m` whose dict holds the name (a function, class or other
    /// object: immediates are not cached), validated by the dict's version; None when the
    /// general path must run. `LoadAttr` and `LoadMethod` (with no receiver) both use it.
    #[inline]
    pub(crate) fn load_module_attr_cached(
        &self,
        o: &Value,
        code: &CodeObject,
        i: usize,
    ) -> Option<Value> {
        let Value::Obj(obj) = o else { return None };
        let Payload::Module(m) = obj.payload() else {
            return None;
        };
        // A module subclass may override the lookup (module_sub.rs).
        if crate::module_sub::is_sub_module(self, m) {
            return None;
        }
        let Payload::Dict(d) = m.dict.payload() else {
            return None;
        };
        let version = d.version();
        let da = m.dict.addr() as u64;
        let w = match self.attr_cache_probe(code, i, da, version) {
            Some(w) if w[3] & KIND_MASK == KIND_MODULE => w,
            Some(_) => return None,
            None => self.module_cache_fill(&m.dict, d, code, i, version)?,
        };
        // SAFETY: word 3 without its kind bits is the address half of the value's
        // `to_cache_words` at the fill, and the dict's version is unchanged since: the dict
        // still holds the object (GIL build), or the object is immortal or counted per
        // thread (free-threaded build: `CACHE_MORTAL`), as in the global cache.
        Some(unsafe { Value::from_cache_words([OBJECT_TAG, w[3] & !KIND_MASK]) })
    }

    #[inline(never)]
    fn module_cache_fill(
        &self,
        dict: &gilvm_object::ObjRef,
        d: &gilvm_object::dict::PyDict,
        code: &CodeObject,
        i: usize,
        version: u64,
    ) -> Option<[u64; 4]> {
        let v = d.get_str(self.py, &code.names[i])?;
        let words = v.to_cache_words().filter(|w| w[0] == OBJECT_TAG)?;
        // The version was read before the lookup: a racing write leaves a stale entry.
        let w = [dict.addr() as u64, version, 0, words[1] | KIND_MODULE];
        self.attr_cache_write(code, i, version, w);
        Some(w)
    }

    /// A method-entry miss: fills the entry when the class gives `names[i]` as a Python
    /// function that the instance's attributes do not hide, and returns its words.
    #[inline(never)]
    fn method_cache_fill(
        &self,
        inst: &Instance,
        code: &CodeObject,
        i: usize,
        epoch: u64,
    ) -> Option<[u64; 4]> {
        let name = &code.names[i];
        if inst.class_type().attr_hooks(self.py) & HOOK_GETATTRIBUTE != 0 {
            return None;
        }
        let f = lookup(self.py, &inst.class, name)?;
        let Value::Obj(fo) = &f else { return None };
        if !matches!(fo.payload(), Payload::Function(_)) || inst.keys().index_of(name).is_some() {
            return None;
        }
        // A function is an object: its cache words are [OBJECT_TAG, address].
        let fw = f.to_cache_words()?;
        let w = [
            inst.class.key() as u64,
            epoch,
            inst.keys().len() as u64,
            fw[1] | KIND_METHOD,
        ];
        self.attr_cache_write(code, i, epoch, w);
        Some(w)
    }

    /// The words of a current entry of `names[i]` for the key `ca`, if one of the name's
    /// slots holds one. The first slot is read inline; the others (polymorphic sites) out
    /// of line.
    #[inline(always)]
    fn attr_cache_probe(
        &self,
        code: &CodeObject,
        i: usize,
        ca: u64,
        epoch: u64,
    ) -> Option<[u64; 4]> {
        let ways = code.attr_ways;
        let first = i * ways;
        if let Some(w) = code.attr_cache.get(first).and_then(|s| s.read()) {
            if w[0] == ca && w[1] == epoch {
                return Some(w);
            }
        }
        if ways == 1 {
            return None;
        }
        Self::attr_cache_probe_rest(code, first, ways, ca, epoch)
    }

    #[inline(never)]
    fn attr_cache_probe_rest(
        code: &CodeObject,
        first: usize,
        ways: usize,
        ca: u64,
        epoch: u64,
    ) -> Option<[u64; 4]> {
        // Most slots hold another class: their key word alone rules them out.
        for s in &code.attr_cache[first + 1..first + ways] {
            if s.peek(0) == ca {
                if let Some(w) = s.read() {
                    if w[0] == ca && w[1] == epoch {
                        return Some(w);
                    }
                }
            }
        }
        None
    }

    /// Writes an entry for `names[i]`: over the key's own entry if it has one (a refill),
    /// else into the first slot that is empty or stale, else into one picked by the key.
    fn attr_cache_write(&self, code: &CodeObject, i: usize, epoch: u64, w: [u64; 4]) {
        let ways = code.attr_ways;
        let slots = &code.attr_cache[i * ways..i * ways + ways];
        let k = slots
            .iter()
            .position(|s| s.read().is_some_and(|old| old[0] == w[0]))
            .or_else(|| {
                slots
                    .iter()
                    .position(|s| s.read().is_none_or(|old| old[1] != epoch))
            })
            .unwrap_or(((w[0] >> 6) as usize) & (ways - 1));
        slots[k].write(w);
    }

    #[inline(never)]
    fn attr_cache_fill(
        &self,
        inst: &Instance,
        code: &CodeObject,
        i: usize,
        epoch: u64,
        store: bool,
    ) -> Option<u64> {
        let (idx, slot, hooks) = self.cacheable_attr(inst, &code.names[i], store)?;
        let load = if hooks & HOOK_GETATTRIBUTE == 0 {
            idx as u64
        } else {
            NO_INDEX as u64
        };
        let store = if hooks & HOOK_SETATTR != 0 {
            NO_STORE
        } else if slot {
            SLOT_STORE | idx as u64
        } else {
            idx as u64
        };
        let w = load | store << 32;
        self.attr_cache_write(code, i, epoch, [inst.class.key() as u64, epoch, w, 0]);
        Some(w)
    }
}
