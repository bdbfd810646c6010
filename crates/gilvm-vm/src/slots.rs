//! `__slots__` and `__class__` assignment.
//!
//! # Slots
//! A class body's `__slots__` (a str, or any iterable of strs) names attributes kept in the
//! instance at fixed positions, in front of its other values (`gilvm_object::attrs`,
//! "Slots"), instead of in a `__dict__`: the class's instances have no `__dict__` unless
//! `'__dict__'` is listed or a base gives them one. Each name gets a member descriptor in
//! the class namespace (`S.a` is `<member 'a' of 'S' objects>`), a data descriptor that the
//! attribute paths (`attr.rs`) and the per-instruction caches (`attrcache.rs`) read and
//! write the slot through. A subclass's slots come after its best base's, so a slot keeps
//! its position in every subclass. The checks and messages are CPython 3.14's
//! (`type_new_slots`). A private name is mangled with the class's name, as the compiler
//! mangles names in the class body (`'__x'` is the slot `_Class__x`), before the names
//! are sorted and checked against the class variables.
//!
//! Member descriptors are native objects (`Payload::Native`) of the builtin type
//! `member_descriptor`; their data ([`MemberDescr`]) never changes after creation.
//!
//! # `__class__` assignment
//! Allowed between heap classes whose instances have the same layout, decided as CPython's
//! `compatible_for_assignment` does (the same chain of layout-adding bases, the same slots,
//! `__dict__` and `__weakref__`). The write itself is `Instance::set_class`, made with the
//! world stopped (`gilvm_object::instclass` has the scheme and why readers need no lock).
use gilvm_object::payload::NativeObj;
use gilvm_object::types::{as_type, is_subtype, type_of, InstanceSlots, TypeObject};
use gilvm_object::{ObjCell, ObjRef, Owned, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// A member descriptor's data: the slot it stands for.
pub struct MemberDescr {
    /// The slot's name (mangled), as it appears in the class namespace.
    pub name: ObjRef,
    /// The class that defined the slot (`__objclass__`): the descriptor applies to its
    /// instances only.
    pub objclass: ObjRef,
    /// The slot's position among the instance's values.
    pub pos: usize,
}

/// What a new class's `__slots__` make of its instances.
pub struct ClassSlots {
    pub slots: InstanceSlots,
    /// Do the instances have a `__dict__`?
    pub instance_dict: bool,
}

impl Interp {
    /// The member descriptor `a` as (slot position, defining class), if it is one.
    #[inline]
    pub fn member_of(&self, a: &ObjRef) -> Option<(usize, ObjRef)> {
        let Payload::Native(n) = a.payload() else {
            return None;
        };
        if !n.class.is(&self.g.types.member_descriptor) {
            return None;
        }
        n.data.read(self.py, |d| {
            d.downcast_ref::<MemberDescr>()
                .map(|m| (m.pos, m.objclass.clone()))
        })
    }

    /// The member descriptor's name and defining class.
    fn member_names(&self, a: &ObjRef) -> Option<(ObjRef, ObjRef)> {
        let Payload::Native(n) = a.payload() else {
            return None;
        };
        if !n.class.is(&self.g.types.member_descriptor) {
            return None;
        }
        n.data.read(self.py, |d| {
            d.downcast_ref::<MemberDescr>()
                .map(|m| (m.name.clone(), m.objclass.clone()))
        })
    }

    /// The instance `o` for member descriptor `m` defined by `objclass`, or CPython's
    /// TypeError when `o` is not an instance of it.
    fn member_target<'a>(
        &self,
        m: &ObjRef,
        objclass: &ObjRef,
        o: &'a Value,
    ) -> PyResult<&'a gilvm_object::payload::Instance> {
        if let Value::Obj(obj) = o {
            if let Payload::Instance(inst) = obj.payload() {
                if is_subtype(&inst.class, objclass) {
                    return Ok(inst);
                }
            }
        }
        let name = self
            .member_names(m)
            .map(|(n, _)| crate::eval::str_of(&n).to_string())
            .unwrap_or_default();
        Err(self.type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            gilvm_object::types::type_name(objclass),
            self.type_name(o)
        )))
    }

    /// `o.name` through member descriptor `m` (slot `pos` of `objclass`'s instances):
    /// None when the slot is unset (the caller raises CPython's AttributeError, or calls
    /// `__getattr__`).
    pub fn member_get(
        &mut self,
        m: &ObjRef,
        pos: usize,
        objclass: &ObjRef,
        o: &Value,
    ) -> PyResult<Option<Value>> {
        let inst = self.member_target(m, objclass, o)?;
        let v = inst.slot_get(self.py, pos);
        Ok((!v.is_undef()).then_some(v))
    }

    /// `o.name = v` (or with `Undef`, `del o.name`) through member descriptor `m`; a
    /// delete of an unset slot raises AttributeError with the bare name, as CPython.
    pub fn member_set(
        &mut self,
        m: &ObjRef,
        pos: usize,
        objclass: &ObjRef,
        o: &Value,
        v: Value,
    ) -> PyResult<()> {
        let inst = self.member_target(m, objclass, o)?;
        let deleting = v.is_undef();
        let old = inst.slot_set(self.py, pos, v);
        if deleting && old.is_undef() {
            let name = self.member_names(m).map(|(n, _)| n).unwrap();
            return Err(self.attribute_error(crate::eval::str_of(&name).to_string()));
        }
        drop(old);
        Ok(())
    }

    /// The special attributes of a member descriptor (`__name__`, `__objclass__`,
    /// `__qualname__`, `__doc__`).
    pub fn member_attr(&mut self, a: &ObjRef, name: &str) -> Option<Value> {
        let (n, objclass) = self.member_names(a)?;
        Some(match name {
            "__name__" => Value::Obj(n),
            "__objclass__" => Value::Obj(objclass),
            "__qualname__" => {
                let q = match objclass.payload() {
                    Payload::Type(t) => t.qualname.with(self.py, |q| {
                        q.as_str().map(|s| s.to_string()).unwrap_or_default()
                    }),
                    _ => String::new(),
                };
                self.new_str(format!("{q}.{}", crate::eval::str_of(&n)))
            }
            "__doc__" => Value::None,
            _ => return None,
        })
    }

    /// A new class's slots from its namespace's `__slots__` (CPython's `type_new_slots`
    /// checks and messages), and whether its instances have a `__dict__`.
    pub fn class_slots(
        &mut self,
        name: &str,
        bases: &[ObjRef],
        ns: &ObjRef,
    ) -> PyResult<ClassSlots> {
        let base_dict = bases
            .iter()
            .any(|b| matches!(b.payload(), Payload::Type(t) if t.instance_dict));
        let best = gilvm_object::types::best_base(bases);
        self.check_slot_layouts(bases, best)?;
        let Some(spec) = self.dict_get_str(ns, &self.g.names.slots.clone()) else {
            return Ok(ClassSlots {
                slots: InstanceSlots::inherited(bases),
                instance_dict: true,
            });
        };
        let items = if spec.as_str().is_some() {
            vec![spec]
        } else {
            self.collect(&spec)?
        };
        let base = &bases[best];
        let bt = as_type(base).expect("bases are types");
        // CPython: nonempty __slots__ are refused for a base with variable-size instances.
        if !items.is_empty() {
            let t = &self.g.types;
            if [&t.int, &t.tuple, &t.bytes, &t.type_]
                .iter()
                .any(|v| is_subtype(base, v))
            {
                return Err(self.type_error(format!(
                    "nonempty __slots__ not supported for subtype of '{}'",
                    bt.name
                )));
            }
        }
        let (mut add_dict, mut add_weak) = (false, false);
        let mut own: Vec<ObjRef> = Vec::new();
        for it in &items {
            let Some(s) = it.as_str() else {
                return Err(self.type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    self.type_name(it)
                )));
            };
            if !is_identifier(s) {
                return Err(self.type_error("__slots__ must be identifiers"));
            }
            match s {
                "__dict__" => {
                    if bt.instance_dict || add_dict {
                        return Err(self.type_error("__dict__ slot disallowed: we already got one"));
                    }
                    add_dict = true;
                }
                "__weakref__" => {
                    if bt.slots.weakref || add_weak {
                        return Err(
                            self.type_error("__weakref__ slot disallowed: we already got one")
                        );
                    }
                    add_weak = true;
                }
                // A private name is mangled with the class's name, as the compiler
                // mangles `self.__x` in its methods: `__x` is the slot `_Class__x`.
                _ => {
                    let m = gilvm_compiler::mangle::mangle(Some(name), s);
                    own.push(self.intern(&m))
                }
            }
        }
        // Sorted, as CPython (so that classes listing the same slots in another order have
        // the same layout).
        own.sort_by(|a, b| crate::eval::str_of(a).cmp(crate::eval::str_of(b)));
        for n in &own {
            if self.dict_get_str(ns, n).is_some() {
                return Err(self.value_error(format!(
                    "'{}' in __slots__ conflicts with class variable",
                    crate::eval::str_of(n)
                )));
            }
        }
        let mut names = bt.slots.names.to_vec();
        names.extend(own.iter().cloned());
        Ok(ClassSlots {
            slots: InstanceSlots {
                names: names.into_boxed_slice(),
                own: Some(own.into_boxed_slice()),
                weakref: bt.slots.weakref || add_weak,
                base: best,
            },
            instance_dict: base_dict || add_dict,
        })
    }

    /// CPython's "multiple bases have instance lay-out conflict" for named slots: every
    /// base's slots must be a prefix of the best base's (they extend a common chain).
    fn check_slot_layouts(&self, bases: &[ObjRef], best: usize) -> PyResult<()> {
        let Some(bt) = as_type(&bases[best]) else {
            return Ok(());
        };
        for b in bases {
            let Some(t) = as_type(b) else { continue };
            let n = t.slots.names.len();
            if n > 0
                && (n > bt.slots.names.len()
                    || !t
                        .slots
                        .names
                        .iter()
                        .zip(bt.slots.names.iter())
                        .all(|(x, y)| x.is(y))
                    || !is_subtype(&bases[best], &solid_base(b)))
            {
                return Err(self.type_error("multiple bases have instance lay-out conflict"));
            }
        }
        Ok(())
    }

    /// Puts a member descriptor for each of the new class `cls`'s own slots in its
    /// namespace.
    pub fn add_member_descriptors(&mut self, cls: &ObjRef) {
        let Payload::Type(t) = cls.payload() else {
            return;
        };
        let Some(own) = &t.slots.own else { return };
        let first = t.slots.names.len() - own.len();
        for (i, n) in own.iter().enumerate() {
            let d = self.new_obj(Owned::Native(NativeObj {
                class: self.g.types.member_descriptor.clone(),
                data: ObjCell::new(Box::new(MemberDescr {
                    name: n.clone(),
                    objclass: cls.clone(),
                    pos: first + i,
                })),
                tag: 0,
            }));
            self.dict_set_str(&t.dict, n.clone(), Value::Obj(d));
        }
    }

    /// `o.__class__ = v` (`object.__class__`'s setter): CPython's checks and messages, then
    /// the swap with the world stopped (`Instance::set_class`).
    pub fn set_class(&mut self, o: &Value, v: &Value) -> PyResult<()> {
        let newto = match v {
            Value::Obj(c) if matches!(c.payload(), Payload::Type(_)) => c.clone(),
            _ => {
                return Err(self.type_error(format!(
                    "__class__ must be set to a class, not '{}' object",
                    self.type_name(v)
                )))
            }
        };
        let oldto = type_of(o).clone();
        let inst = match o {
            Value::Obj(obj) => match obj.payload() {
                Payload::Instance(i) => Some(i),
                _ => None,
            },
            _ => None,
        };
        let heap = |t: &ObjRef| as_type(t).is_some_and(|t| t.is_heap);
        let (Some(inst), true, true) = (inst, heap(&oldto), heap(&newto)) else {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        };
        if !compatible_for_assignment(&oldto, &newto) {
            return Err(self.layout_differs(&newto, &oldto));
        }
        let ts = self.thread_state.clone();
        let py = self.py;
        let gil = self.g.gil;
        // The class read again with the world stopped: another thread may have assigned
        // one meanwhile (layout compatibility is an equivalence, but check the one there).
        let r = gil.with_world_stopped(&ts, |stopped| {
            if !inst.class.is(&oldto) && !compatible_for_assignment(&inst.class, &newto) {
                return Err(inst.class.clone());
            }
            Ok(inst.set_class(py, stopped, newto.clone()))
        });
        match r {
            Ok(old) => {
                drop(old);
                Ok(())
            }
            Err(cur) => Err(self.layout_differs(&newto, &cur)),
        }
    }

    fn layout_differs(&self, newto: &ObjRef, oldto: &ObjRef) -> crate::error::PyErr {
        self.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            gilvm_object::types::type_name(newto),
            gilvm_object::types::type_name(oldto)
        ))
    }
}

/// The nearest class in `c`'s chain of best bases that adds named slots of its own (or
/// the end of the chain): two bases whose solid bases are unrelated cannot be combined.
fn solid_base(c: &ObjRef) -> ObjRef {
    let mut c = c.clone();
    loop {
        let Some(t) = as_type(&c) else { return c };
        if t.slots.own.as_ref().is_some_and(|o| !o.is_empty()) {
            return c;
        }
        match t.bases.get(t.slots.base) {
            Some(b) => c = b.clone(),
            None => return c,
        }
    }
}

/// Does `child` add nothing to its best base's instance layout (CPython's
/// `compatible_with_tp_base`)? Only heap classes are walked through.
fn same_layout_as_base(child: &TypeObject) -> Option<ObjRef> {
    let parent = child.bases.get(child.slots.base)?;
    let p = as_type(parent)?;
    (child.is_heap
        && child.slots.names.len() == p.slots.names.len()
        && child.instance_dict == p.instance_dict
        && child.slots.weakref == p.slots.weakref
        && child.layout == p.layout)
        .then(|| parent.clone())
}

/// CPython's `compatible_for_assignment`: the highest bases each class shares its layout
/// with are the same class, or siblings (same best base) that add the same slots, and the
/// two agree on `__dict__` and `__weakref__`.
pub fn compatible_for_assignment(oldto: &ObjRef, newto: &ObjRef) -> bool {
    let top = |t: &ObjRef| {
        let mut c = t.clone();
        while let Some(p) = as_type(&c).and_then(same_layout_as_base) {
            c = p;
        }
        c
    };
    let (nb, ob) = (top(newto), top(oldto));
    let (Some(n), Some(o), Some(nt), Some(ot)) =
        (as_type(&nb), as_type(&ob), as_type(newto), as_type(oldto))
    else {
        return false;
    };
    if !nb.is(&ob) {
        let same_base = match (n.bases.get(n.slots.base), o.bases.get(o.slots.base)) {
            (Some(x), Some(y)) => x.is(y),
            (None, None) => true,
            _ => false,
        };
        let same_own = match (&n.slots.own, &o.slots.own) {
            (Some(x), Some(y)) => {
                x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| a.is(b))
            }
            _ => true,
        };
        let same_size = n.slots.names.len() == o.slots.names.len();
        if !(same_base && same_own && same_size && n.is_heap && o.is_heap) {
            return false;
        }
    }
    nt.instance_dict == ot.instance_dict
        && nt.slots.weakref == ot.slots.weakref
        && nt.slots.names.len() == ot.slots.names.len()
        && nt.layout == ot.layout
}

/// `str.isidentifier()`.
fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    cs.all(|c| c == '_' || c.is_alphanumeric())
}

// ---- the member_descriptor type's methods ----

fn member_self(interp: &Interp, args: &[Value], f: &str) -> PyResult<(ObjRef, usize, ObjRef)> {
    if let Some(Value::Obj(m)) = args.first() {
        if let Some((pos, objclass)) = interp.member_of(m) {
            return Ok((m.clone(), pos, objclass));
        }
    }
    Err(interp.type_error(format!(
        "descriptor '{f}' for 'member_descriptor' objects doesn't apply to a '{}' object",
        args.first()
            .map(|v| interp.type_name(v))
            .unwrap_or_default()
    )))
}

/// `member.__get__(obj, type=None)`: the slot's value, or the descriptor itself for
/// `obj` None (access through the class).
fn member_get_method(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__get__", 2, 3)?;
    let (m, pos, objclass) = member_self(interp, a, "__get__")?;
    if a[1].is_none() {
        return Ok(Value::Obj(m));
    }
    match interp.member_get(&m, pos, &objclass, &a[1])? {
        Some(v) => Ok(v),
        None => {
            let name = interp.member_names(&m).map(|(n, _)| n).unwrap();
            Err(interp.no_attr(&a[1], &name))
        }
    }
}

fn member_set_method(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__set__", 3, 3)?;
    let (m, pos, objclass) = member_self(interp, a, "__set__")?;
    interp.member_set(&m, pos, &objclass, &a[1], a[2].clone())?;
    Ok(Value::None)
}

fn member_delete_method(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__delete__", 2, 2)?;
    let (m, pos, objclass) = member_self(interp, a, "__delete__")?;
    interp.member_set(&m, pos, &objclass, &a[1], Value::Undef)?;
    Ok(Value::None)
}

fn member_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let (m, _, objclass) = member_self(interp, a, "__repr__")?;
    let (n, _) = interp.member_names(&m).unwrap();
    let s = format!(
        "<member '{}' of '{}' objects>",
        crate::eval::str_of(&n),
        gilvm_object::types::type_name(&objclass)
    );
    Ok(interp.new_str(s))
}

/// Fills the `member_descriptor` type's namespace (start-up).
pub fn register(interp: &mut Interp) {
    let t = interp.g.types.member_descriptor.clone();
    crate::builtins::add_method(interp, &t, "__get__", member_get_method);
    crate::builtins::add_method(interp, &t, "__set__", member_set_method);
    crate::builtins::add_method(interp, &t, "__delete__", member_delete_method);
    crate::builtins::add_method(interp, &t, "__repr__", member_repr);
}
