//! The builtin hash modules `_md5`, `_sha1`, `_sha2`, `_sha3` and `_blake2` (CPython's
//! `Modules/md5module.c`, …, `Modules/blake2module.c`) over the RustCrypto crates and
//! `blake2b_simd`/`blake2s_simd`. `hashlib` uses them because `_hashlib` (OpenSSL) does
//! not exist in gilvm.
//!
//! Every hash object is a native object holding a [`Hasher`] behind its object lock:
//! `update` copies its argument's bytes first, then feeds them in one critical section
//! (so concurrent updates of one object are serialised, as CPython's per-object mutex
//! does); `digest` finalises a clone, so the object can go on being updated.
use std::sync::OnceLock;

use blake2b_simd::Params as B2bParams;
use blake2s_simd::Params as B2sParams;
use gilvm_object::{ObjRef, Value};
use gilvm_vm::args::Args;
use gilvm_vm::builtins::add_static;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{self, Statics};
use sha2::Digest;
use sha3::digest::{ExtendableOutput, Update, XofReader};

use crate::common::new_bytes;

/// The state of one hash computation.
#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Box<blake2b_simd::State>),
    Blake2s(Box<blake2s_simd::State>),
}

/// One algorithm: its name, sizes and how to start it.
struct Algo {
    name: &'static str,
    module: &'static str,
    /// The type's name (`MD5Type`, `sha3_256`, …).
    type_name: &'static str,
    block_size: usize,
    digest_size: usize,
    new: fn() -> Hasher,
}

const ALGOS: &[Algo] = &[
    Algo {
        name: "md5",
        module: "_md5",
        type_name: "MD5Type",
        block_size: 64,
        digest_size: 16,
        new: || Hasher::Md5(md5::Md5::new()),
    },
    Algo {
        name: "sha1",
        module: "_sha1",
        type_name: "SHA1Type",
        block_size: 64,
        digest_size: 20,
        new: || Hasher::Sha1(sha1::Sha1::new()),
    },
    Algo {
        name: "sha224",
        module: "_sha2",
        type_name: "SHA224Type",
        block_size: 64,
        digest_size: 28,
        new: || Hasher::Sha224(sha2::Sha224::new()),
    },
    Algo {
        name: "sha256",
        module: "_sha2",
        type_name: "SHA256Type",
        block_size: 64,
        digest_size: 32,
        new: || Hasher::Sha256(sha2::Sha256::new()),
    },
    Algo {
        name: "sha384",
        module: "_sha2",
        type_name: "SHA384Type",
        block_size: 128,
        digest_size: 48,
        new: || Hasher::Sha384(sha2::Sha384::new()),
    },
    Algo {
        name: "sha512",
        module: "_sha2",
        type_name: "SHA512Type",
        block_size: 128,
        digest_size: 64,
        new: || Hasher::Sha512(sha2::Sha512::new()),
    },
    Algo {
        name: "sha3_224",
        module: "_sha3",
        type_name: "sha3_224",
        block_size: 144,
        digest_size: 28,
        new: || Hasher::Sha3_224(sha3::Sha3_224::new()),
    },
    Algo {
        name: "sha3_256",
        module: "_sha3",
        type_name: "sha3_256",
        block_size: 136,
        digest_size: 32,
        new: || Hasher::Sha3_256(sha3::Sha3_256::new()),
    },
    Algo {
        name: "sha3_384",
        module: "_sha3",
        type_name: "sha3_384",
        block_size: 104,
        digest_size: 48,
        new: || Hasher::Sha3_384(sha3::Sha3_384::new()),
    },
    Algo {
        name: "sha3_512",
        module: "_sha3",
        type_name: "sha3_512",
        block_size: 72,
        digest_size: 64,
        new: || Hasher::Sha3_512(sha3::Sha3_512::new()),
    },
    Algo {
        name: "shake_128",
        module: "_sha3",
        type_name: "shake_128",
        block_size: 168,
        digest_size: 0,
        new: || Hasher::Shake128(sha3::Shake128::default()),
    },
    Algo {
        name: "shake_256",
        module: "_sha3",
        type_name: "shake_256",
        block_size: 136,
        digest_size: 0,
        new: || Hasher::Shake256(sha3::Shake256::default()),
    },
];

/// A hash object: the state, and the algorithm's index in [`ALGOS`] (or the blake2
/// parameters).
#[derive(Clone)]
struct HashObj {
    h: Hasher,
    name: &'static str,
    block_size: usize,
    digest_size: usize,
}

impl Hasher {
    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Md5(h) => Digest::update(h, data),
            Hasher::Sha1(h) => Digest::update(h, data),
            Hasher::Sha224(h) => Digest::update(h, data),
            Hasher::Sha256(h) => Digest::update(h, data),
            Hasher::Sha384(h) => Digest::update(h, data),
            Hasher::Sha512(h) => Digest::update(h, data),
            Hasher::Sha3_224(h) => Digest::update(h, data),
            Hasher::Sha3_256(h) => Digest::update(h, data),
            Hasher::Sha3_384(h) => Digest::update(h, data),
            Hasher::Sha3_512(h) => Digest::update(h, data),
            Hasher::Shake128(h) => Update::update(h, data),
            Hasher::Shake256(h) => Update::update(h, data),
            Hasher::Blake2b(h) => {
                h.update(data);
            }
            Hasher::Blake2s(h) => {
                h.update(data);
            }
        }
    }

    /// The digest of what was fed so far (`len` bytes for the SHAKEs).
    fn digest(&self, len: usize) -> Vec<u8> {
        fn xof(mut r: impl XofReader, len: usize) -> Vec<u8> {
            let mut v = vec![0u8; len];
            r.read(&mut v);
            v
        }
        match self.clone() {
            Hasher::Md5(h) => h.finalize().to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha224(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
            Hasher::Sha3_224(h) => h.finalize().to_vec(),
            Hasher::Sha3_256(h) => h.finalize().to_vec(),
            Hasher::Sha3_384(h) => h.finalize().to_vec(),
            Hasher::Sha3_512(h) => h.finalize().to_vec(),
            Hasher::Shake128(h) => xof(h.finalize_xof(), len),
            Hasher::Shake256(h) => xof(h.finalize_xof(), len),
            Hasher::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            Hasher::Blake2s(h) => h.finalize().as_bytes().to_vec(),
        }
    }

    fn is_xof(&self) -> bool {
        matches!(self, Hasher::Shake128(_) | Hasher::Shake256(_))
    }
}

fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

/// The bytes to hash from an argument: a bytes-like object (str is refused with
/// CPython's message).
fn data_arg(interp: &Interp, v: &Value) -> PyResult<Vec<u8>> {
    if v.as_str().is_some() {
        return Err(interp.type_error("Strings must be encoded before hashing"));
    }
    match gilvm_vm::buffer::bytes_like(interp.py, v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(interp.type_error(format!(
            "object supporting the buffer API required, not '{}'",
            interp.type_name(v)
        ))),
    }
}

/// The initial data of a constructor: `data` or the deprecated `string` keyword.
fn initial_data(
    interp: &Interp,
    data: &Option<Value>,
    string: &Option<Value>,
) -> PyResult<Option<Vec<u8>>> {
    match (data, string) {
        (Some(_), Some(_)) => Err(interp.type_error(
            "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.",
        )),
        (Some(d), None) | (None, Some(d)) => data_arg(interp, d).map(Some),
        (None, None) => Ok(None),
    }
}

struct Types {
    /// One type per entry of [`ALGOS`].
    algos: Vec<ObjRef>,
    blake2b: ObjRef,
    blake2s: ObjRef,
}
static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

fn types() -> &'static Types {
    &TYPES.get().expect("hash types initialized").0
}

fn with_hash<R>(interp: &Interp, v: &Value, f: impl FnOnce(&mut HashObj) -> R) -> PyResult<R> {
    util::with_data::<HashObj, R>(interp, v, f).ok_or_else(|| {
        interp.type_error(format!(
            "descriptor requires a hash object, not '{}'",
            interp.type_name(v)
        ))
    })
}

fn self_arg<'a>(interp: &Interp, args: &Args<'a>, name: &str, max: usize) -> PyResult<&'a [Value]> {
    args.exact(interp, name, 1, max)
}

fn h_update(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = self_arg(interp, &args, "update", 2)?;
    if p.len() != 2 {
        return Err(interp.type_error("update() takes exactly one argument (0 given)"));
    }
    let data = data_arg(interp, &p[1])?;
    with_hash(interp, &p[0], |h| h.h.update(&data))?;
    Ok(Value::None)
}

fn xof_len(
    interp: &mut Interp,
    args: &Args<'_>,
    p: &[Value],
    name: &str,
) -> PyResult<Option<usize>> {
    let v = match (p.get(1), args.kw("length")) {
        (Some(v), None) | (None, Some(v)) => Some(v.clone()),
        (Some(_), Some(_)) => {
            return Err(interp.type_error(format!(
                "argument for {name}() given by name ('length') and position (1)"
            )))
        }
        (None, None) => None,
    };
    match v {
        None => Ok(None),
        Some(v) => {
            let n = interp.index_value(&v)?;
            if n < 0 {
                return Err(interp.value_error("negative digest length"));
            }
            if n >= 1 << 29 {
                return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
            }
            Ok(Some(n as usize))
        }
    }
}

fn digest_impl(interp: &mut Interp, args: Args<'_>, name: &str) -> PyResult<Vec<u8>> {
    args.check_kw(interp, name, &["length"])?;
    let p = args.count(interp, name, 1, 2)?;
    let xof = with_hash(interp, &p[0], |h| h.h.is_xof())?;
    let len = if xof {
        match xof_len(interp, &args, p, name)? {
            Some(n) => n,
            None => {
                return Err(interp.type_error(format!(
                    "{name}() missing required argument 'length' (pos 1)"
                )))
            }
        }
    } else {
        if p.len() > 1 || args.has_kwargs() {
            return Err(interp.type_error(format!(
                "{name}() takes no arguments ({} given)",
                p.len() - 1 + args.kwnames.len()
            )));
        }
        0
    };
    with_hash(interp, &p[0], |h| h.h.digest(len))
}

fn h_digest(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let d = digest_impl(interp, args, "digest")?;
    Ok(new_bytes(interp, d))
}

fn h_hexdigest(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let d = digest_impl(interp, args, "hexdigest")?;
    Ok(interp.new_str(hex(&d)))
}

fn h_copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "copy", 1, 1)?;
    let c = with_hash(interp, &p[0], |h| h.clone())?;
    let Value::Obj(o) = &p[0] else {
        return Err(interp.type_error("copy() needs a hash object"));
    };
    let cls = gilvm_object::types::type_of_obj(o).clone();
    Ok(util::native_obj(interp, &cls, c))
}

fn h_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "name", 1, 1)?;
    let n = with_hash(interp, &p[0], |h| h.name)?;
    Ok(interp.new_str(n))
}

fn h_block_size(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "block_size", 1, 1)?;
    Ok(Value::Int(
        with_hash(interp, &p[0], |h| h.block_size)? as i64
    ))
}

fn h_digest_size(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "digest_size", 1, 1)?;
    Ok(Value::Int(
        with_hash(interp, &p[0], |h| h.digest_size)? as i64
    ))
}

const METHODS: &[(&str, gilvm_vm::NativeFn)] = &[
    ("update", h_update),
    ("digest", h_digest),
    ("hexdigest", h_hexdigest),
    ("copy", h_copy),
];

fn hash_type(interp: &mut Interp, name: &str, module: &str) -> ObjRef {
    let t = util::native_type(interp, name, module, METHODS);
    util::add_property(interp, &t, "name", h_name);
    util::add_property(interp, &t, "block_size", h_block_size);
    util::add_property(interp, &t, "digest_size", h_digest_size);
    t
}

/// The constructor of `ALGOS[i]`: `(data=b'', *, usedforsecurity=True, string=None)`.
fn construct(interp: &mut Interp, args: Args<'_>, i: usize) -> PyResult {
    let a = &ALGOS[i];
    let b = util::bind(
        interp,
        &Args {
            all: &args.all[..args.pos().len().min(1)],
            kwnames: &[],
        },
        a.name,
        &["data"],
        0,
    )?;
    if args.pos().len() > 1 {
        return Err(interp.type_error(format!(
            "{}() takes at most 1 positional argument ({} given)",
            a.name,
            args.pos().len()
        )));
    }
    args.check_kw(interp, a.name, &["data", "usedforsecurity", "string"])?;
    let data = b[0].clone().or_else(|| args.kw("data").cloned());
    let init = initial_data(interp, &data, &args.kw("string").cloned())?;
    let mut h = HashObj {
        h: (a.new)(),
        name: a.name,
        block_size: a.block_size,
        digest_size: a.digest_size,
    };
    if let Some(d) = init {
        h.h.update(&d);
    }
    let cls = types().algos[i].clone();
    Ok(util::native_obj(interp, &cls, h))
}

macro_rules! constructors {
    ($($f:ident = $i:expr),* $(,)?) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            construct(interp, args, $i)
        })*
    };
}
constructors!(
    new_md5 = 0,
    new_sha1 = 1,
    new_sha224 = 2,
    new_sha256 = 3,
    new_sha384 = 4,
    new_sha512 = 5,
);

/// `__new__` of the `_sha3` types (which are classes in CPython, not functions).
fn sha3_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some(Value::Obj(cls)) = args.pos().first() else {
        return Err(interp.type_error("__new__(X): X is not a type object"));
    };
    let i = types()
        .algos
        .iter()
        .position(|t| t.is(cls))
        .ok_or_else(|| interp.type_error("__new__(X): X is not a _sha3 type"))?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    construct(interp, rest, i)
}

// ---- blake2 ----

struct B2Limits {
    name: &'static str,
    title: &'static str,
    max_digest: usize,
    max_key: usize,
    salt: usize,
    person: usize,
    block: usize,
}

const B2B: B2Limits = B2Limits {
    name: "blake2b",
    title: "Blake2b",
    max_digest: 64,
    max_key: 64,
    salt: 16,
    person: 16,
    block: 128,
};
const B2S: B2Limits = B2Limits {
    name: "blake2s",
    title: "Blake2s",
    max_digest: 32,
    max_key: 32,
    salt: 8,
    person: 8,
    block: 64,
};

const B2_PARAMS: &[&str] = &[
    "data",
    "digest_size",
    "key",
    "salt",
    "person",
    "fanout",
    "depth",
    "leaf_size",
    "node_offset",
    "node_depth",
    "inner_size",
    "last_node",
    "usedforsecurity",
    "string",
];

fn u64_arg(interp: &mut Interp, v: &Value) -> PyResult<u64> {
    match crate::common::int_arg(interp, v)? {
        Some(b) => {
            if b.sign() == num_bigint::Sign::Minus {
                return Err(interp.overflow_error("Cannot convert negative int"));
            }
            match u64::try_from(&b) {
                Ok(u) => Ok(u),
                Err(_) => {
                    Err(interp.overflow_error("Python int too large for C unsigned long long"))
                }
            }
        }
        None => Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(v)
        ))),
    }
}

fn blake2_new(interp: &mut Interp, args: Args<'_>, big: bool) -> PyResult {
    let lim = if big { &B2B } else { &B2S };
    let Some(Value::Obj(cls)) = args.pos().first() else {
        return Err(interp.type_error("__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    if args.pos().len() > 2 {
        return Err(interp.type_error(format!(
            "{}() takes at most 1 positional argument ({} given)",
            lim.name,
            args.pos().len() - 1
        )));
    }
    let mut slots: Vec<Option<Value>> = vec![None; B2_PARAMS.len()];
    if let Some(d) = args.pos().get(1) {
        slots[0] = Some(d.clone());
    }
    for (k, v) in args.kwargs() {
        match B2_PARAMS.iter().position(|n| *n == k) {
            Some(0) if slots[0].is_some() => {
                return Err(interp.type_error(format!(
                    "argument for {}() given by name ('data') and position (1)",
                    lim.name
                )))
            }
            Some(i) => slots[i] = Some(v.clone()),
            None => {
                return Err(interp.type_error(format!(
                    "{}() got an unexpected keyword argument '{k}'",
                    lim.name
                )))
            }
        }
    }
    let bytes_opt = |interp: &Interp, v: &Option<Value>| -> PyResult<Vec<u8>> {
        match v {
            None => Ok(Vec::new()),
            Some(v) => data_arg(interp, v),
        }
    };
    let digest_size = match &slots[1] {
        None => lim.max_digest as i64,
        Some(v) => interp.index_value(v)?,
    };
    if digest_size < 1 || digest_size > lim.max_digest as i64 {
        return Err(interp.value_error(format!(
            "digest_size for {} must be between 1 and {} bytes, here it is {digest_size}",
            lim.title, lim.max_digest
        )));
    }
    let key = bytes_opt(interp, &slots[2])?;
    if key.len() > lim.max_key {
        return Err(interp.value_error(format!("maximum key length is {} bytes", lim.max_key)));
    }
    let salt = bytes_opt(interp, &slots[3])?;
    if salt.len() > lim.salt {
        return Err(interp.value_error(format!("maximum salt length is {} bytes", lim.salt)));
    }
    let person = bytes_opt(interp, &slots[4])?;
    if person.len() > lim.person {
        return Err(interp.value_error(format!("maximum person length is {} bytes", lim.person)));
    }
    let int_or = |interp: &mut Interp, v: &Option<Value>, d: i64| -> PyResult<i64> {
        match v {
            None => Ok(d),
            Some(v) => interp.index_value(v),
        }
    };
    let fanout = int_or(interp, &slots[5], 1)?;
    if !(0..=255).contains(&fanout) {
        return Err(interp.value_error("fanout must be between 0 and 255"));
    }
    let depth = int_or(interp, &slots[6], 1)?;
    if !(1..=255).contains(&depth) {
        return Err(interp.value_error("depth must be between 1 and 255"));
    }
    let leaf_size = match &slots[7] {
        None => 0,
        Some(v) => u64_arg(interp, v)?,
    };
    if leaf_size > u32::MAX as u64 {
        return Err(interp.overflow_error("leaf_size is too large"));
    }
    let node_offset = match &slots[8] {
        None => 0,
        Some(v) => u64_arg(interp, v)?,
    };
    if !big && node_offset >= 1 << 48 {
        return Err(interp.overflow_error("node_offset is too large"));
    }
    let node_depth = int_or(interp, &slots[9], 0)?;
    if !(0..=255).contains(&node_depth) {
        return Err(interp.value_error("node_depth must be between 0 and 255"));
    }
    let inner_size = int_or(interp, &slots[10], 0)?;
    if inner_size < 0 || inner_size > lim.max_digest as i64 {
        return Err(interp.value_error(format!(
            "inner_size must be between 0 and is {}",
            lim.max_digest
        )));
    }
    let last_node = match &slots[11] {
        None => false,
        Some(v) => interp.truthy(v)?,
    };
    let init = initial_data(interp, &slots[0], &slots[13])?;
    let h = if big {
        let mut p = B2bParams::new();
        p.hash_length(digest_size as usize)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout as u8)
            .max_depth(depth as u8)
            .max_leaf_length(leaf_size as u32)
            .node_offset(node_offset)
            .node_depth(node_depth as u8)
            .inner_hash_length(inner_size as usize)
            .last_node(last_node);
        Hasher::Blake2b(Box::new(p.to_state()))
    } else {
        let mut p = B2sParams::new();
        p.hash_length(digest_size as usize)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout as u8)
            .max_depth(depth as u8)
            .max_leaf_length(leaf_size as u32)
            .node_offset(node_offset)
            .node_depth(node_depth as u8)
            .inner_hash_length(inner_size as usize)
            .last_node(last_node);
        Hasher::Blake2s(Box::new(p.to_state()))
    };
    let mut obj = HashObj {
        h,
        name: lim.name,
        block_size: lim.block,
        digest_size: digest_size as usize,
    };
    if let Some(d) = init {
        obj.h.update(&d);
    }
    Ok(util::native_obj(interp, &cls, obj))
}

fn blake2b_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    blake2_new(interp, args, true)
}

fn blake2s_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    blake2_new(interp, args, false)
}

fn ensure_types(interp: &mut Interp) {
    if TYPES.get().is_some() {
        return;
    }
    let algos = ALGOS
        .iter()
        .map(|a| hash_type(interp, a.type_name, a.module))
        .collect::<Vec<_>>();
    for t in &algos[6..] {
        add_static(interp, t, "__new__", sha3_new);
    }
    let blake2b = hash_type(interp, "blake2b", "_blake2");
    add_static(interp, &blake2b, "__new__", blake2b_new);
    let blake2s = hash_type(interp, "blake2s", "_blake2");
    add_static(interp, &blake2s, "__new__", blake2s_new);
    for (t, l) in [(&blake2b, &B2B), (&blake2s, &B2S)] {
        for (n, v) in [
            ("SALT_SIZE", l.salt),
            ("PERSON_SIZE", l.person),
            ("MAX_KEY_SIZE", l.max_key),
            ("MAX_DIGEST_SIZE", l.max_digest),
        ] {
            util::set_attr(interp, t, n, Value::Int(v as i64));
        }
    }
    let _ = TYPES.set(Statics(Types {
        algos,
        blake2b,
        blake2s,
    }));
}

/// Adds the types of `ALGOS[range]` to `m` under their type names.
fn add_types(interp: &mut Interp, m: &ObjRef, range: std::ops::Range<usize>) {
    for i in range {
        interp.add_value(m, ALGOS[i].type_name, Value::Obj(types().algos[i].clone()));
    }
}

pub fn init_md5(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    ensure_types(interp);
    add_types(interp, m, 0..1);
    interp.add_function(m, "md5", new_md5);
    Ok(())
}

pub fn init_sha1(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    ensure_types(interp);
    add_types(interp, m, 1..2);
    interp.add_function(m, "sha1", new_sha1);
    Ok(())
}

pub fn init_sha2(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    ensure_types(interp);
    add_types(interp, m, 2..6);
    interp.add_function(m, "sha224", new_sha224);
    interp.add_function(m, "sha256", new_sha256);
    interp.add_function(m, "sha384", new_sha384);
    interp.add_function(m, "sha512", new_sha512);
    Ok(())
}

pub fn init_sha3(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    ensure_types(interp);
    // In `_sha3` the types themselves are the constructors.
    add_types(interp, m, 6..12);
    let imp = interp.new_str("tiny_sha3");
    interp.add_value(m, "implementation", imp);
    Ok(())
}

pub fn init_blake2(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    ensure_types(interp);
    let t = types();
    interp.add_value(m, "blake2b", Value::Obj(t.blake2b.clone()));
    interp.add_value(m, "blake2s", Value::Obj(t.blake2s.clone()));
    for (n, v) in [
        ("BLAKE2B_SALT_SIZE", 16),
        ("BLAKE2B_PERSON_SIZE", 16),
        ("BLAKE2B_MAX_KEY_SIZE", 64),
        ("BLAKE2B_MAX_DIGEST_SIZE", 64),
        ("BLAKE2S_SALT_SIZE", 8),
        ("BLAKE2S_PERSON_SIZE", 8),
        ("BLAKE2S_MAX_KEY_SIZE", 32),
        ("BLAKE2S_MAX_DIGEST_SIZE", 32),
    ] {
        interp.add_value(m, n, Value::Int(v));
    }
    Ok(())
}
