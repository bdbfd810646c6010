//! The `itertools` module: lazy native iterators. Each iterator type's instances are native
//! objects whose state is stepped by `util::stepper_next` (the state is taken out of the
//! object while a step runs, so steps may call Python code freely). Infinite inputs are never
//! materialised; `product`, `permutations`, `combinations*` read their (finite) inputs up
//! front as CPython does. The combinatoric iterators, `groupby` and `tee` are in
//! `itertools_comb.rs`.
use std::sync::OnceLock;

use gilvm_object::code::BinOp;
use gilvm_object::{ObjRef, Value};

mod comb;
use gilvm_vm::args::Args;
use gilvm_vm::error::PyResult;
use gilvm_vm::impl_as_any;
use gilvm_vm::interp::{Interp, NativeFn};
use gilvm_vm::modules::util::{
    self, after_cls, bind, cls_of, new_stepper, positional, state_mut, with_step_state, Statics,
    Step,
};

/// The itertools types (created once per process).
pub struct Types {
    pub count: ObjRef,
    pub repeat: ObjRef,
    pub cycle: ObjRef,
    pub chain: ObjRef,
    pub islice: ObjRef,
    pub accumulate: ObjRef,
    pub starmap: ObjRef,
    pub takewhile: ObjRef,
    pub dropwhile: ObjRef,
    pub filterfalse: ObjRef,
    pub compress: ObjRef,
    pub zip_longest: ObjRef,
    pub pairwise: ObjRef,
    pub batched: ObjRef,
    pub product: ObjRef,
    pub permutations: ObjRef,
    pub combinations: ObjRef,
    pub cwr: ObjRef,
    pub groupby: ObjRef,
    pub grouper: ObjRef,
    pub tee: ObjRef,
    pub tee_data: ObjRef,
}

static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

/// The itertools types, created on first use.
pub fn types(interp: &mut Interp) -> &'static Types {
    &TYPES.get_or_init(|| Statics(create_types(interp))).0
}

fn mk(
    interp: &mut Interp,
    name: &str,
    new: NativeFn,
    extra: &[(&'static str, NativeFn)],
) -> ObjRef {
    let t = util::iterator_type(interp, name, "itertools", extra);
    gilvm_vm::builtins::add_static(interp, &t, "__new__", new);
    t
}

fn create_types(interp: &mut Interp) -> Types {
    let chain = mk(interp, "chain", chain_new, &[]);
    gilvm_vm::builtins::add_classmethod(interp, &chain, "from_iterable", chain_from_iterable);
    let tee = mk(
        interp,
        "_tee",
        comb::tee_type_new,
        &[("__copy__", comb::tee_copy)],
    );
    Types {
        count: mk(interp, "count", count_new, &[("__repr__", count_repr)]),
        repeat: mk(interp, "repeat", repeat_new, &[("__repr__", repeat_repr)]),
        cycle: mk(interp, "cycle", cycle_new, &[]),
        chain,
        islice: mk(interp, "islice", islice_new, &[]),
        accumulate: mk(interp, "accumulate", accumulate_new, &[]),
        starmap: mk(interp, "starmap", starmap_new, &[]),
        takewhile: mk(interp, "takewhile", takewhile_new, &[]),
        dropwhile: mk(interp, "dropwhile", dropwhile_new, &[]),
        filterfalse: mk(interp, "filterfalse", filterfalse_new, &[]),
        compress: mk(interp, "compress", compress_new, &[]),
        zip_longest: mk(interp, "zip_longest", zip_longest_new, &[]),
        pairwise: mk(interp, "pairwise", pairwise_new, &[]),
        batched: mk(interp, "batched", batched_new, &[]),
        product: mk(interp, "product", comb::product_new, &[]),
        permutations: mk(interp, "permutations", comb::permutations_new, &[]),
        combinations: mk(interp, "combinations", comb::combinations_new, &[]),
        cwr: mk(interp, "combinations_with_replacement", comb::cwr_new, &[]),
        groupby: mk(interp, "groupby", comb::groupby_new, &[]),
        grouper: mk(interp, "_grouper", comb::no_new, &[]),
        tee,
        tee_data: util::native_type(interp, "_tee_dataobject", "itertools", &[]),
    }
}

/// Module init.
pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let t = types(interp);
    let all: [(&str, &ObjRef); 21] = [
        ("count", &t.count),
        ("repeat", &t.repeat),
        ("cycle", &t.cycle),
        ("chain", &t.chain),
        ("islice", &t.islice),
        ("accumulate", &t.accumulate),
        ("starmap", &t.starmap),
        ("takewhile", &t.takewhile),
        ("dropwhile", &t.dropwhile),
        ("filterfalse", &t.filterfalse),
        ("compress", &t.compress),
        ("zip_longest", &t.zip_longest),
        ("pairwise", &t.pairwise),
        ("batched", &t.batched),
        ("product", &t.product),
        ("permutations", &t.permutations),
        ("combinations", &t.combinations),
        ("combinations_with_replacement", &t.cwr),
        ("groupby", &t.groupby),
        ("_tee", &t.tee),
        ("_grouper", &t.grouper),
    ];
    for (n, ty) in all {
        interp.add_value(m, n, Value::Obj(ty.clone()));
    }
    interp.add_function(m, "tee", comb::tee);
    Ok(())
}

/// CPython's `PyNumber_Check`: builtin numbers, or instances with `__index__`, `__int__`,
/// `__float__` or `__complex__`.
fn is_number(interp: &Interp, v: &Value) -> bool {
    if gilvm_object::keys::as_num(v).is_some() {
        return true;
    }
    matches!(v, Value::Obj(o) if matches!(o.payload(), gilvm_object::Payload::Instance(_)))
        && ["__index__", "__int__", "__float__", "__complex__"]
            .iter()
            .any(|n| interp.lookup_special(v, n).is_some())
}

// ---- count ----

struct Count {
    cur: Value,
    step: Value,
}

impl Step for Count {
    fn fast(&mut self, _interp: &Interp) -> Option<Option<Value>> {
        let (Value::Int(c), Value::Int(s)) = (&self.cur, &self.step) else {
            return None;
        };
        let next = c.checked_add(*s)?;
        Some(Some(std::mem::replace(&mut self.cur, Value::Int(next))))
    }
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        let next = interp.binary_op(BinOp::Add, self.cur.clone(), self.step.clone(), false)?;
        Ok(Some(std::mem::replace(&mut self.cur, next)))
    }
    impl_as_any!();
}

fn count_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = bind(interp, &after_cls(&args), "count", &["start", "step"], 0)?;
    let start = a[0].clone().unwrap_or(Value::Int(0));
    let step = a[1].clone().unwrap_or(Value::Int(1));
    if !is_number(interp, &start) || !is_number(interp, &step) {
        return Err(interp.type_error("a number is required"));
    }
    Ok(new_stepper(interp, &cls, Count { cur: start, step }))
}

fn count_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let r = with_step_state(interp, &a[0], |interp, st| {
        let Some(c) = state_mut::<Count>(st) else {
            return Ok(String::from("count(...)"));
        };
        let (cur, step) = (c.cur.clone(), c.step.clone());
        let cs = interp.repr(&cur)?;
        if matches!(step, Value::Int(1)) {
            Ok(format!("count({cs})"))
        } else {
            Ok(format!("count({cs}, {})", interp.repr(&step)?))
        }
    })?;
    match r {
        Some(s) => Ok(interp.new_str(s)),
        None => Err(interp.type_error(format!(
            "descriptor '__repr__' requires a 'itertools.count' object but received a '{}'",
            interp.type_name(&a[0])
        ))),
    }
}

// ---- repeat ----

struct Repeat {
    obj: Value,
    /// None: forever.
    remaining: Option<i64>,
}

impl Step for Repeat {
    fn fast(&mut self, _interp: &Interp) -> Option<Option<Value>> {
        Some(match &mut self.remaining {
            None => Some(self.obj.clone()),
            Some(0) => None,
            Some(n) => {
                *n -= 1;
                Some(self.obj.clone())
            }
        })
    }
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        Ok(self.fast(interp).flatten())
    }
    impl_as_any!();
}

fn repeat_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = bind(interp, &after_cls(&args), "repeat", &["object", "times"], 1)?;
    let remaining = match &a[1] {
        None => None,
        Some(t) => Some(interp.index_value(t)?.max(0)),
    };
    Ok(new_stepper(
        interp,
        &cls,
        Repeat {
            obj: a[0].clone().unwrap(),
            remaining,
        },
    ))
}

fn repeat_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let r = with_step_state(interp, &a[0], |interp, st| {
        let Some(c) = state_mut::<Repeat>(st) else {
            return Ok(String::from("repeat(...)"));
        };
        let (obj, rem) = (c.obj.clone(), c.remaining);
        let os = interp.repr(&obj)?;
        Ok(match rem {
            None => format!("repeat({os})"),
            Some(n) => format!("repeat({os}, {n})"),
        })
    })?;
    match r {
        Some(s) => Ok(interp.new_str(s)),
        None => Err(interp.type_error(format!(
            "descriptor '__repr__' requires a 'itertools.repeat' object but received a '{}'",
            interp.type_name(&a[0])
        ))),
    }
}

// ---- cycle ----

struct Cycle {
    it: Option<Value>,
    saved: Vec<Value>,
    index: usize,
}

impl Step for Cycle {
    fn fast(&mut self, _interp: &Interp) -> Option<Option<Value>> {
        if self.it.is_some() {
            return None;
        }
        if self.saved.is_empty() {
            return Some(None);
        }
        let v = self.saved[self.index].clone();
        self.index = (self.index + 1) % self.saved.len();
        Some(Some(v))
    }
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        if let Some(it) = self.it.clone() {
            match interp.next(&it)? {
                Some(v) => {
                    self.saved.push(v.clone());
                    return Ok(Some(v));
                }
                None => self.it = None,
            }
        }
        if self.saved.is_empty() {
            return Ok(None);
        }
        let v = self.saved[self.index].clone();
        self.index = (self.index + 1) % self.saved.len();
        Ok(Some(v))
    }
    impl_as_any!();
}

fn cycle_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = positional(interp, &after_cls(&args), "cycle", 1, 1)?;
    let it = interp.iter(&a[0])?;
    Ok(new_stepper(
        interp,
        &cls,
        Cycle {
            it: Some(it),
            saved: Vec::new(),
            index: 0,
        },
    ))
}

// ---- chain ----

struct Chain {
    /// Iterator over the iterables; None when exhausted.
    source: Option<Value>,
    active: Option<Value>,
}

impl Step for Chain {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        loop {
            if let Some(a) = self.active.clone() {
                match interp.next(&a)? {
                    Some(v) => return Ok(Some(v)),
                    None => self.active = None,
                }
            }
            let Some(src) = self.source.clone() else {
                return Ok(None);
            };
            match interp.next(&src)? {
                Some(iterable) => self.active = Some(interp.iter(&iterable)?),
                None => {
                    self.source = None;
                    return Ok(None);
                }
            }
        }
    }
    impl_as_any!();
}

fn chain_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let rest = after_cls(&args);
    if rest.has_kwargs() {
        return Err(interp.type_error("chain() takes no keyword arguments"));
    }
    let t = interp.new_tuple(rest.pos().to_vec());
    let src = interp.iter(&t)?;
    Ok(new_stepper(
        interp,
        &cls,
        Chain {
            source: Some(src),
            active: None,
        },
    ))
}

fn chain_from_iterable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let rest = after_cls(&args);
    if rest.has_kwargs() {
        return Err(interp.type_error("chain.from_iterable() takes no keyword arguments"));
    }
    if rest.pos().len() != 1 {
        return Err(interp.type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            rest.pos().len()
        )));
    }
    let src = interp.iter(&rest.pos()[0])?;
    Ok(new_stepper(
        interp,
        &cls,
        Chain {
            source: Some(src),
            active: None,
        },
    ))
}

// ---- islice ----

struct ISlice {
    it: Option<Value>,
    next: i64,
    /// -1: no stop.
    stop: i64,
    step: i64,
    cnt: i64,
}

impl Step for ISlice {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        let Some(it) = self.it.clone() else {
            return Ok(None);
        };
        while self.cnt < self.next {
            if interp.next(&it)?.is_none() {
                self.it = None;
                return Ok(None);
            }
            self.cnt += 1;
        }
        if self.stop != -1 && self.cnt >= self.stop {
            self.it = None;
            return Ok(None);
        }
        let Some(item) = interp.next(&it)? else {
            self.it = None;
            return Ok(None);
        };
        self.cnt += 1;
        let old = self.next;
        self.next = self.next.saturating_add(self.step);
        if self.next < old || (self.stop != -1 && self.next > self.stop) {
            self.next = self.stop;
        }
        Ok(Some(item))
    }
    impl_as_any!();
}

fn islice_index(interp: &mut Interp, v: &Value, msg: &str) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    match interp.index_value(v) {
        Ok(i) if i >= 0 => Ok(Some(i)),
        _ => Err(interp.value_error(msg)),
    }
}

fn islice_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = positional(interp, &after_cls(&args), "islice", 2, 4)?;
    let stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let idx_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if a.len() == 2 {
        (0, islice_index(interp, &a[1], stop_msg)?, 1)
    } else {
        let stop = islice_index(interp, &a[2], stop_msg)?;
        let start = islice_index(interp, &a[1], idx_msg)?.unwrap_or(0);
        let step = if a.len() == 4 && !a[3].is_none() {
            match interp.index_value(&a[3]) {
                Ok(s) if s >= 1 => s,
                _ => {
                    return Err(
                        interp.value_error("Step for islice() must be a positive integer or None.")
                    )
                }
            }
        } else {
            1
        };
        (start, stop, step)
    };
    let it = interp.iter(&a[0])?;
    Ok(new_stepper(
        interp,
        &cls,
        ISlice {
            it: Some(it),
            next: start,
            stop: stop.unwrap_or(-1),
            step,
            cnt: 0,
        },
    ))
}

// ---- accumulate ----

struct Accumulate {
    it: Value,
    func: Value,
    total: Option<Value>,
    initial: Option<Value>,
}

impl Step for Accumulate {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        if let Some(init) = self.initial.take() {
            self.total = Some(init.clone());
            return Ok(Some(init));
        }
        let Some(v) = interp.next(&self.it.clone())? else {
            return Ok(None);
        };
        let new = match self.total.take() {
            None => v,
            Some(t) => {
                if self.func.is_none() {
                    interp.binary_op(BinOp::Add, t, v, false)?
                } else {
                    let f = self.func.clone();
                    interp.call1(&f, &[t, v])?
                }
            }
        };
        self.total = Some(new.clone());
        Ok(Some(new))
    }
    impl_as_any!();
}

fn accumulate_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let rest = after_cls(&args);
    let a = bind(
        interp,
        &rest,
        "accumulate",
        &["iterable", "func", "initial"],
        1,
    )?;
    if rest.pos().len() > 2 {
        return Err(interp.type_error(format!(
            "accumulate() takes at most 2 positional arguments ({} given)",
            rest.pos().len()
        )));
    }
    let it = interp.iter(a[0].as_ref().unwrap())?;
    let initial = a[2].clone().filter(|v| !v.is_none());
    Ok(new_stepper(
        interp,
        &cls,
        Accumulate {
            it,
            func: a[1].clone().unwrap_or(Value::None),
            total: None,
            initial,
        },
    ))
}

// ---- starmap, takewhile, dropwhile, filterfalse, compress ----

struct StarMap {
    func: Value,
    it: Value,
}

impl Step for StarMap {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        let Some(args) = interp.next(&self.it.clone())? else {
            return Ok(None);
        };
        let f = self.func.clone();
        interp.call_ex(&f, &args, None).map(Some)
    }
    impl_as_any!();
}

fn starmap_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = positional(interp, &after_cls(&args), "starmap", 2, 2)?;
    let it = interp.iter(&a[1])?;
    Ok(new_stepper(
        interp,
        &cls,
        StarMap {
            func: a[0].clone(),
            it,
        },
    ))
}

/// takewhile (`take` true) and dropwhile.
struct While {
    pred: Value,
    it: Value,
    take: bool,
    /// takewhile: stopped; dropwhile: done dropping.
    flag: bool,
}

impl Step for While {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        if self.take && self.flag {
            return Ok(None);
        }
        loop {
            let Some(v) = interp.next(&self.it.clone())? else {
                return Ok(None);
            };
            if !self.take && self.flag {
                return Ok(Some(v));
            }
            let p = self.pred.clone();
            let r = interp.call1(&p, std::slice::from_ref(&v))?;
            let ok = interp.truthy(&r)?;
            if self.take {
                if ok {
                    return Ok(Some(v));
                }
                self.flag = true;
                return Ok(None);
            }
            if !ok {
                self.flag = true;
                return Ok(Some(v));
            }
        }
    }
    impl_as_any!();
}

fn takewhile_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = positional(interp, &after_cls(&args), "takewhile", 2, 2)?;
    let it = interp.iter(&a[1])?;
    Ok(new_stepper(
        interp,
        &cls,
        While {
            pred: a[0].clone(),
            it,
            take: true,
            flag: false,
        },
    ))
}

fn dropwhile_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = positional(interp, &after_cls(&args), "dropwhile", 2, 2)?;
    let it = interp.iter(&a[1])?;
    Ok(new_stepper(
        interp,
        &cls,
        While {
            pred: a[0].clone(),
            it,
            take: false,
            flag: false,
        },
    ))
}

struct FilterFalse {
    pred: Value,
    it: Value,
}

impl Step for FilterFalse {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        loop {
            let Some(v) = interp.next(&self.it.clone())? else {
                return Ok(None);
            };
            let ok = if self.pred.is_none() {
                interp.truthy(&v)?
            } else {
                let p = self.pred.clone();
                let r = interp.call1(&p, std::slice::from_ref(&v))?;
                interp.truthy(&r)?
            };
            if !ok {
                return Ok(Some(v));
            }
        }
    }
    impl_as_any!();
}

fn filterfalse_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = positional(interp, &after_cls(&args), "filterfalse", 2, 2)?;
    let it = interp.iter(&a[1])?;
    Ok(new_stepper(
        interp,
        &cls,
        FilterFalse {
            pred: a[0].clone(),
            it,
        },
    ))
}

struct Compress {
    data: Value,
    selectors: Value,
}

impl Step for Compress {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        loop {
            let Some(d) = interp.next(&self.data.clone())? else {
                return Ok(None);
            };
            let Some(s) = interp.next(&self.selectors.clone())? else {
                return Ok(None);
            };
            if interp.truthy(&s)? {
                return Ok(Some(d));
            }
        }
    }
    impl_as_any!();
}

fn compress_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = bind(
        interp,
        &after_cls(&args),
        "compress",
        &["data", "selectors"],
        2,
    )?;
    let data = interp.iter(a[0].as_ref().unwrap())?;
    let selectors = interp.iter(a[1].as_ref().unwrap())?;
    Ok(new_stepper(interp, &cls, Compress { data, selectors }))
}

// ---- zip_longest, pairwise, batched ----

struct ZipLongest {
    its: Vec<Option<Value>>,
    active: usize,
    fill: Value,
}

impl Step for ZipLongest {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        if self.its.is_empty() || self.active == 0 {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(self.its.len());
        for i in 0..self.its.len() {
            let v = match self.its[i].clone() {
                None => self.fill.clone(),
                Some(it) => match interp.next(&it)? {
                    Some(v) => v,
                    None => {
                        self.active -= 1;
                        if self.active == 0 {
                            return Ok(None);
                        }
                        self.its[i] = None;
                        self.fill.clone()
                    }
                },
            };
            out.push(v);
        }
        Ok(Some(interp.new_tuple(out)))
    }
    impl_as_any!();
}

fn zip_longest_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let rest = after_cls(&args);
    let mut fill = Value::None;
    for (k, v) in rest.kwargs() {
        if k == "fillvalue" {
            fill = v.clone();
        } else {
            let _ = k;
            return Err(interp.type_error("zip_longest() got an unexpected keyword argument"));
        }
    }
    let mut its = Vec::new();
    for x in rest.pos() {
        its.push(Some(interp.iter(x)?));
    }
    let active = its.len();
    Ok(new_stepper(interp, &cls, ZipLongest { its, active, fill }))
}

struct Pairwise {
    it: Option<Value>,
    old: Option<Value>,
}

impl Step for Pairwise {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        let Some(it) = self.it.clone() else {
            return Ok(None);
        };
        let old = match self.old.take() {
            Some(o) => o,
            None => match interp.next(&it)? {
                Some(v) => v,
                None => {
                    self.it = None;
                    return Ok(None);
                }
            },
        };
        match interp.next(&it)? {
            Some(new) => {
                self.old = Some(new.clone());
                Ok(Some(interp.new_tuple(vec![old, new])))
            }
            None => {
                self.it = None;
                Ok(None)
            }
        }
    }
    impl_as_any!();
}

fn pairwise_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = positional(interp, &after_cls(&args), "pairwise", 1, 1)?;
    let it = interp.iter(&a[0])?;
    Ok(new_stepper(
        interp,
        &cls,
        Pairwise {
            it: Some(it),
            old: None,
        },
    ))
}

struct Batched {
    it: Option<Value>,
    n: usize,
    strict: bool,
}

impl Step for Batched {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        let Some(it) = self.it.clone() else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(self.n.min(1024));
        while out.len() < self.n {
            match interp.next(&it)? {
                Some(v) => out.push(v),
                None => {
                    self.it = None;
                    break;
                }
            }
        }
        if out.is_empty() {
            return Ok(None);
        }
        if self.strict && out.len() < self.n {
            return Err(interp.value_error("batched(): incomplete batch"));
        }
        Ok(Some(interp.new_tuple(out)))
    }
    impl_as_any!();
}

fn batched_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let rest = after_cls(&args);
    let a = bind(interp, &rest, "batched", &["iterable", "n", "strict"], 2)?;
    let n = interp.index_value(a[1].as_ref().unwrap())?;
    if n < 1 {
        return Err(interp.value_error("n must be at least one"));
    }
    let strict = match &a[2] {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    let it = interp.iter(a[0].as_ref().unwrap())?;
    Ok(new_stepper(
        interp,
        &cls,
        Batched {
            it: Some(it),
            n: n as usize,
            strict,
        },
    ))
}
