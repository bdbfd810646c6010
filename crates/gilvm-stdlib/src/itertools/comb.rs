//! `itertools`: the combinatoric iterators (`product`, `permutations`, `combinations`,
//! `combinations_with_replacement`), `groupby` with its `_grouper`s, and `tee`.
use std::collections::VecDeque;

use gilvm_object::Value;

use super::types;
use gilvm_vm::args::Args;
use gilvm_vm::error::PyResult;
use gilvm_vm::impl_as_any;
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{after_cls, cls_of, positional};
use gilvm_vm::modules::util::{
    bind, native_obj, new_stepper, state_mut, with_data, with_step_state, Step,
};

fn pick(pool: &[Value], idx: &[usize]) -> Vec<Value> {
    idx.iter().map(|&i| pool[i].clone()).collect()
}

fn r_arg(interp: &mut Interp, v: &Value) -> PyResult<usize> {
    let r = interp.index_value(v)?;
    if r < 0 {
        return Err(interp.value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

// ---- product ----

struct Product {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    started: bool,
    done: bool,
}

impl Product {
    /// A step runs no Python code (only builds a tuple).
    fn run(&mut self, interp: &Interp) -> PyResult<Option<Value>> {
        if self.done {
            return Ok(None);
        }
        if !self.started {
            self.started = true;
            if self.pools.iter().any(|p| p.is_empty()) {
                self.done = true;
                return Ok(None);
            }
        } else {
            let mut i = self.pools.len();
            loop {
                if i == 0 {
                    self.done = true;
                    return Ok(None);
                }
                i -= 1;
                self.indices[i] += 1;
                if self.indices[i] < self.pools[i].len() {
                    break;
                }
                self.indices[i] = 0;
            }
        }
        let out = self
            .pools
            .iter()
            .zip(&self.indices)
            .map(|(p, &i)| p[i].clone())
            .collect();
        Ok(Some(interp.new_tuple(out)))
    }
}

impl Step for Product {
    fn fast(&mut self, interp: &Interp) -> Option<Option<Value>> {
        self.run(interp).ok()
    }
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        self.run(interp)
    }
    impl_as_any!();
}

pub fn product_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let rest = after_cls(&args);
    let mut repeat = 1i64;
    for (k, v) in rest.kwargs() {
        if k != "repeat" {
            return Err(interp.type_error(format!(
                "product() got an unexpected keyword argument '{k}'"
            )));
        }
        repeat = interp.index_value(v)?;
        if repeat < 0 {
            return Err(interp.value_error("repeat argument cannot be negative"));
        }
    }
    let mut base = Vec::new();
    for x in rest.pos() {
        base.push(interp.collect(x)?);
    }
    let mut pools = Vec::new();
    if !base.is_empty() {
        for _ in 0..repeat {
            pools.extend(base.iter().cloned());
        }
    }
    let n = pools.len();
    Ok(new_stepper(
        interp,
        &cls,
        Product {
            pools,
            indices: vec![0; n],
            started: false,
            done: false,
        },
    ))
}

// ---- permutations ----

struct Permutations {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    started: bool,
    done: bool,
}

impl Permutations {
    /// A step runs no Python code (only builds a tuple).
    fn run(&mut self, interp: &Interp) -> PyResult<Option<Value>> {
        if self.done {
            return Ok(None);
        }
        let (n, r) = (self.pool.len(), self.r);
        if !self.started {
            self.started = true;
            if r > n {
                self.done = true;
                return Ok(None);
            }
        } else {
            if r == 0 {
                self.done = true;
                return Ok(None);
            }
            let mut i = r;
            loop {
                if i == 0 {
                    self.done = true;
                    return Ok(None);
                }
                i -= 1;
                self.cycles[i] -= 1;
                if self.cycles[i] == 0 {
                    let x = self.indices.remove(i);
                    self.indices.push(x);
                    self.cycles[i] = n - i;
                } else {
                    let j = self.cycles[i];
                    self.indices.swap(i, n - j);
                    break;
                }
            }
        }
        let v = pick(&self.pool, &self.indices[..r]);
        Ok(Some(interp.new_tuple(v)))
    }
}

impl Step for Permutations {
    fn fast(&mut self, interp: &Interp) -> Option<Option<Value>> {
        self.run(interp).ok()
    }
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        self.run(interp)
    }
    impl_as_any!();
}

pub fn permutations_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = bind(
        interp,
        &after_cls(&args),
        "permutations",
        &["iterable", "r"],
        1,
    )?;
    let pool = interp.collect(a[0].as_ref().unwrap())?;
    let r = match &a[1] {
        Some(v) if !v.is_none() => r_arg(interp, v)?,
        _ => pool.len(),
    };
    let n = pool.len();
    let cycles = (0..r.min(n)).map(|i| n - i).collect();
    Ok(new_stepper(
        interp,
        &cls,
        Permutations {
            pool,
            r,
            indices: (0..n).collect(),
            cycles,
            started: false,
            done: false,
        },
    ))
}

// ---- combinations (with and without replacement) ----

struct Combinations {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    replace: bool,
    started: bool,
    done: bool,
}

impl Combinations {
    /// A step runs no Python code (only builds a tuple).
    fn run(&mut self, interp: &Interp) -> PyResult<Option<Value>> {
        if self.done {
            return Ok(None);
        }
        let (n, r) = (self.pool.len(), self.r);
        if !self.started {
            self.started = true;
            let empty = if self.replace { n == 0 && r > 0 } else { r > n };
            if empty {
                self.done = true;
                return Ok(None);
            }
        } else {
            // The rightmost index that can still move.
            let mut i = r;
            loop {
                if i == 0 {
                    self.done = true;
                    return Ok(None);
                }
                i -= 1;
                let max = if self.replace { n - 1 } else { i + n - r };
                if self.indices[i] != max {
                    break;
                }
            }
            self.indices[i] += 1;
            for j in i + 1..r {
                self.indices[j] = if self.replace {
                    self.indices[i]
                } else {
                    self.indices[j - 1] + 1
                };
            }
        }
        let v = pick(&self.pool, &self.indices);
        Ok(Some(interp.new_tuple(v)))
    }
}

impl Step for Combinations {
    fn fast(&mut self, interp: &Interp) -> Option<Option<Value>> {
        self.run(interp).ok()
    }
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        self.run(interp)
    }
    impl_as_any!();
}

fn combinations_common(interp: &mut Interp, args: Args<'_>, name: &str, replace: bool) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = bind(interp, &after_cls(&args), name, &["iterable", "r"], 2)?;
    let pool = interp.collect(a[0].as_ref().unwrap())?;
    let r = r_arg(interp, a[1].as_ref().unwrap())?;
    let indices = if replace {
        vec![0; r]
    } else {
        (0..r).collect()
    };
    Ok(new_stepper(
        interp,
        &cls,
        Combinations {
            pool,
            r,
            indices,
            replace,
            started: false,
            done: false,
        },
    ))
}

pub fn combinations_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    combinations_common(interp, args, "combinations", false)
}

pub fn cwr_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    combinations_common(interp, args, "combinations_with_replacement", true)
}

// ---- groupby ----

struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// The id of the grouper that may still yield (0: none).
    current: u64,
    next_id: u64,
}

impl GroupBy {
    /// Reads the next value and its key; false at the end.
    fn advance(&mut self, interp: &mut Interp) -> PyResult<bool> {
        let Some(v) = interp.next(&self.it.clone())? else {
            return Ok(false);
        };
        let k = if self.keyfunc.is_none() {
            v.clone()
        } else {
            let f = self.keyfunc.clone();
            interp.call1(&f, std::slice::from_ref(&v))?
        };
        self.currvalue = Some(v);
        self.currkey = Some(k);
        Ok(true)
    }
}

/// The state of a groupby object (its groupers refer to the groupby object, `me`).
struct GroupByStep {
    st: GroupBy,
}

impl Step for GroupByStep {
    fn step(&mut self, interp: &mut Interp, me: &Value) -> PyResult<Option<Value>> {
        let g = &mut self.st;
        g.current = 0;
        loop {
            match (&g.currkey, &g.tgtkey) {
                (None, _) => {}
                (Some(_), None) => break,
                (Some(c), Some(t)) => {
                    let (c, t) = (c.clone(), t.clone());
                    if !interp.eq(&t, &c)? {
                        break;
                    }
                }
            }
            if !g.advance(interp)? {
                return Ok(None);
            }
        }
        let key = g.currkey.clone().unwrap();
        g.tgtkey = Some(key.clone());
        g.next_id += 1;
        g.current = g.next_id;
        let grouper_t = types(interp).grouper.clone();
        let grouper = new_stepper(
            interp,
            &grouper_t,
            Grouper {
                parent: me.clone(),
                id: g.current,
                tgtkey: key.clone(),
            },
        );
        Ok(Some(interp.new_tuple(vec![key, grouper])))
    }
    impl_as_any!();
}

struct Grouper {
    parent: Value,
    id: u64,
    tgtkey: Value,
}

impl Step for Grouper {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        let (id, tgt) = (self.id, self.tgtkey.clone());
        let r = with_step_state(interp, &self.parent.clone(), |interp, st| {
            let Some(gs) = state_mut::<GroupByStep>(st) else {
                return Ok(None);
            };
            let g = &mut gs.st;
            if g.current != id {
                return Ok(None);
            }
            if g.currvalue.is_none() && !g.advance(interp)? {
                return Ok(None);
            }
            let ck = g.currkey.clone().unwrap_or(Value::None);
            if !interp.eq(&tgt, &ck)? {
                return Ok(None);
            }
            Ok(g.currvalue.take())
        })?;
        Ok(r.flatten())
    }
    impl_as_any!();
}

pub fn groupby_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    let a = bind(
        interp,
        &after_cls(&args),
        "groupby",
        &["iterable", "key"],
        1,
    )?;
    let it = interp.iter(a[0].as_ref().unwrap())?;
    let st = GroupBy {
        it,
        keyfunc: a[1].clone().unwrap_or(Value::None),
        tgtkey: None,
        currkey: None,
        currvalue: None,
        current: 0,
        next_id: 0,
    };
    Ok(new_stepper(interp, &cls, GroupByStep { st }))
}

/// `__new__` of types that cannot be instantiated from Python.
pub fn no_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_of(interp, &args)?;
    Err(interp.type_error(format!(
        "cannot create '{}' instances",
        gilvm_object::types::type_name(&cls)
    )))
}

// ---- tee ----

/// The buffer shared by the tees of one iterator.
struct TeeShared {
    it: Option<Value>,
    buf: VecDeque<Value>,
    /// Absolute index of `buf[0]`.
    base: usize,
    /// Next absolute index of each tee.
    positions: Vec<usize>,
    running: bool,
}

struct Tee {
    data: Value,
    id: usize,
}

enum TeePlan {
    Hit(Value),
    Fetch(Value),
    Running,
    End,
}

impl Step for Tee {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        let id = self.id;
        let plan = with_data::<TeeShared, _>(interp, &self.data, |s| {
            let pos = s.positions[id];
            if pos < s.base + s.buf.len() {
                TeePlan::Hit(s.buf[pos - s.base].clone())
            } else if s.running {
                TeePlan::Running
            } else if let Some(it) = s.it.clone() {
                s.running = true;
                TeePlan::Fetch(it)
            } else {
                TeePlan::End
            }
        })
        .unwrap_or(TeePlan::End);
        let v = match plan {
            TeePlan::Hit(v) => v,
            TeePlan::End => return Ok(None),
            TeePlan::Running => {
                return Err(interp.runtime_error("cannot re-enter the tee iterator"))
            }
            TeePlan::Fetch(it) => {
                let r = interp.next(&it);
                let v = with_data::<TeeShared, _>(interp, &self.data, |s| {
                    s.running = false;
                    match &r {
                        Ok(Some(v)) => {
                            s.buf.push_back(v.clone());
                            Some(v.clone())
                        }
                        Ok(None) => {
                            s.it = None;
                            None
                        }
                        Err(_) => None,
                    }
                })
                .flatten();
                r?;
                match v {
                    Some(v) => v,
                    None => return Ok(None),
                }
            }
        };
        with_data::<TeeShared, _>(interp, &self.data, |s| {
            s.positions[id] += 1;
            let min = s.positions.iter().copied().min().unwrap_or(0);
            while s.base < min && !s.buf.is_empty() {
                s.buf.pop_front();
                s.base += 1;
            }
        });
        Ok(Some(v))
    }
    impl_as_any!();
}

fn tee_from_iterator(interp: &mut Interp, it: Value) -> Value {
    let t = types(interp);
    let (tee_t, data_t) = (t.tee.clone(), t.tee_data.clone());
    let data = native_obj(
        interp,
        &data_t,
        TeeShared {
            it: Some(it),
            buf: VecDeque::new(),
            base: 0,
            positions: vec![0],
            running: false,
        },
    );
    new_stepper(interp, &tee_t, Tee { data, id: 0 })
}

fn tee_copy_of(interp: &mut Interp, t: &Value) -> PyResult<Option<Value>> {
    let src = with_step_state(interp, t, |_, st| {
        Ok(state_mut::<Tee>(st).map(|x| (x.data.clone(), x.id)))
    })?
    .flatten();
    let Some((data, id)) = src else {
        return Ok(None);
    };
    let new_id = with_data::<TeeShared, _>(interp, &data, |s| {
        let p = s.positions[id];
        s.positions.push(p);
        s.positions.len() - 1
    });
    let Some(new_id) = new_id else {
        return Ok(None);
    };
    let tee_t = types(interp).tee.clone();
    Ok(Some(new_stepper(interp, &tee_t, Tee { data, id: new_id })))
}

/// `_tee.__copy__`.
pub fn tee_copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__copy__", 1, 1)?;
    match tee_copy_of(interp, &a[0])? {
        Some(v) => Ok(v),
        None => Err(interp.type_error("__copy__ requires a '_tee' object")),
    }
}

/// `itertools._tee(iterable)`.
pub fn tee_type_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = positional(interp, &after_cls(&args), "_tee", 1, 1)?;
    let it = interp.iter(&a[0])?;
    if let Some(c) = tee_copy_of(interp, &it)? {
        return Ok(c);
    }
    Ok(tee_from_iterator(interp, it))
}

/// `itertools.tee(iterable, n=2)`.
pub fn tee(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "tee", 1, 2)?;
    let n = match a.get(1) {
        Some(v) => interp.index_value(v)?,
        None => 2,
    };
    if n < 0 {
        return Err(interp.value_error("n must be >= 0"));
    }
    let it = interp.iter(&a[0])?;
    if n == 0 {
        return Ok(interp.new_tuple(vec![]));
    }
    let first = match tee_copy_of(interp, &it)? {
        Some(c) => c,
        None => tee_from_iterator(interp, it),
    };
    let mut out = vec![first.clone()];
    for _ in 1..n {
        match tee_copy_of(interp, &first)? {
            Some(c) => out.push(c),
            None => return Err(interp.runtime_error("tee: cannot copy the iterator")),
        }
    }
    Ok(interp.new_tuple(out))
}
