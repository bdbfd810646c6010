//! `sys`'s description of the interpreter: `version`, `version_info`, `hexversion`,
//! `implementation`, `flags` (struct sequences, as CPython's: namedtuple classes whose
//! repr is `sys.version_info(major=3, ...)`), `platlibdir`, `orig_argv`.
//!
//! gilvm implements CPython 3.14's language, so it reports 3.14.0; what is gilvm's own is
//! `implementation` (`name` 'gilvm', `cache_tag` 'gilvm-314', `version` gilvm's version).
use gilvm_object::{ObjRef, Value};

use crate::interp::Interp;
use crate::modules::namedtuple::make_namedtuple;
use crate::modules::util;

/// The Python version gilvm implements.
const MAJOR: i64 = 3;
const MINOR: i64 = 14;
const MICRO: i64 = 0;

fn instance(interp: &mut Interp, cls: &ObjRef, items: Vec<Value>) -> Value {
    interp
        .call1(&Value::Obj(cls.clone()), &items)
        .unwrap_or(Value::None)
}

/// Adds the attributes to `sys` (module `m`).
pub fn init(interp: &mut Interp, m: &ObjRef, cfg: &crate::Config) {
    let build = if gilvm_sync::FREE_THREADING {
        " experimental free-threading build"
    } else {
        ""
    };
    let version = format!(
        "{MAJOR}.{MINOR}.{MICRO} (gilvm {}{build}) [rustc]",
        env!("CARGO_PKG_VERSION")
    );
    let v = interp.new_str(version);
    interp.add_value(m, "version", v);
    let vi_cls = make_namedtuple(
        interp,
        "sys.version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![],
        "builtins",
    );
    util::set_short_name(interp, &vi_cls, "version_info", "sys");
    let final_ = interp.new_str("final");
    let vi = instance(
        interp,
        &vi_cls,
        vec![
            Value::Int(MAJOR),
            Value::Int(MINOR),
            Value::Int(MICRO),
            final_.clone(),
            Value::Int(0),
        ],
    );
    interp.add_value(m, "version_info", vi.clone());
    let hex = (MAJOR << 24) | (MINOR << 16) | (MICRO << 8) | 0xf0;
    interp.add_value(m, "hexversion", Value::Int(hex));

    // `implementation`: gilvm's own version in the same format.
    let mut parts = env!("CARGO_PKG_VERSION")
        .split('.')
        .map(|p| p.parse::<i64>().unwrap_or(0));
    let (a, b, c) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    let own = instance(
        interp,
        &vi_cls,
        vec![
            Value::Int(a),
            Value::Int(b),
            Value::Int(c),
            final_,
            Value::Int(0),
        ],
    );
    // Issue 19: a `types.SimpleNamespace`, as CPython's.
    let name = interp.new_str("gilvm");
    let tag = interp.new_str(format!("gilvm-{MAJOR}{MINOR}"));
    let arch = interp.new_str(format!(
        "{}-{}-gnu",
        std::env::consts::ARCH,
        std::env::consts::OS
    ));
    let imp = crate::builtins::namespace::new_namespace(
        interp,
        vec![
            ("name", name),
            ("cache_tag", tag),
            ("version", own),
            (
                "hexversion",
                Value::Int((a << 24) | (b << 16) | (c << 8) | 0xf0),
            ),
            ("_multiarch", arch),
            ("supports_isolated_interpreters", Value::Bool(false)),
        ],
    )
    .unwrap_or(Value::None);
    interp.add_value(m, "implementation", imp);
    numeric_facts(interp, m);
    prefixes(interp, m);

    // `flags`: CPython 3.14's 18 sequence fields, and the three attribute-only ones.
    let fields = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let fl_cls = make_namedtuple(interp, "sys.flags", &fields, vec![], "builtins");
    util::set_short_name(interp, &fl_cls, "flags", "sys");
    // The command line's flags (`Config::flags`, with the PYTHON* variables applied).
    let f = &cfg.flags;
    let int = |v: u8| Value::Int(v as i64);
    let vals: Vec<Value> = vec![
        int(f.debug),
        int(f.inspect as u8),
        int(f.interactive as u8),
        int(f.optimize),
        int(f.dont_write_bytecode as u8),
        int(f.no_user_site as u8),
        int(f.no_site as u8),
        int(f.ignore_environment as u8),
        int(f.verbose),
        int(f.bytes_warning),
        int(f.quiet as u8),
        Value::Int(1),
        int(f.isolated as u8),
        Value::Bool(f.dev_mode),
        Value::Int(0),
        Value::Int(0),
        Value::Bool(f.safe_path),
        Value::Int(4300),
    ];
    let gil = match (gilvm_sync::FREE_THREADING, cfg.gil) {
        (false, _) => Value::Int(1),
        (true, None) => Value::None,
        (true, Some(b)) => Value::Int(b as i64),
    };
    let ft = Value::Int(gilvm_sync::FREE_THREADING as i64);
    util::set_attr(interp, &fl_cls, "gil", gil);
    util::set_attr(interp, &fl_cls, "thread_inherit_context", ft.clone());
    util::set_attr(interp, &fl_cls, "context_aware_warnings", ft);
    util::set_attr(interp, &fl_cls, "n_fields", Value::Int(21));
    util::set_attr(interp, &fl_cls, "n_sequence_fields", Value::Int(18));
    let flags = instance(interp, &fl_cls, vals);
    interp.add_value(m, "flags", flags);
    // The bytecode cache (pycache.rs) reads these at each import, as CPython's importlib.
    interp.add_value(m, "dont_write_bytecode", Value::Bool(f.dont_write_bytecode));
    interp.add_value(m, "pycache_prefix", Value::None);
    // CPython's notice, which `site` shows as `copyright` (gilvm runs CPython's Lib).
    let copyright = interp.new_str(
        "Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved.\n\n\
         Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n\
         Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n\
         All Rights Reserved.\n\n\
         Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n\
         All Rights Reserved.",
    );
    interp.add_value(m, "copyright", copyright);

    let lib = interp.new_str("lib");
    interp.add_value(m, "platlibdir", lib);
    // The command line as the process received it (an embedder's config may leave it
    // empty: then the process's own arguments).
    let orig_args: Vec<String> = if cfg.orig_argv.is_empty() {
        crate::main_program::os_args()
    } else {
        cfg.orig_argv.clone()
    };
    let orig: Vec<Value> = orig_args.into_iter().map(|a| interp.new_str(a)).collect();
    let orig = interp.new_list(orig);
    interp.add_value(m, "orig_argv", orig);
}

/// A struct sequence `sys.<name>` with `fields` set to `values`.
fn struct_seq(interp: &mut Interp, m: &ObjRef, name: &str, fields: &[&str], values: Vec<Value>) {
    let cls = make_namedtuple(interp, &format!("sys.{name}"), fields, vec![], "builtins");
    util::set_short_name(interp, &cls, name, "sys");
    let v = instance(interp, &cls, values);
    interp.add_value(m, name, v);
}

/// `hash_info`, `float_info`, `int_info`, `float_repr_style`, `thread_info`, `abiflags`:
/// the facts the Lib's numeric modules read (fractions, decimal, statistics).
fn numeric_facts(interp: &mut Interp, m: &ObjRef) {
    let siphash = interp.new_str("siphash13");
    // gilvm's numeric hash is CPython's (modulus 2**61 - 1, the same inf/nan/imag).
    struct_seq(
        interp,
        m,
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
        vec![
            Value::Int(64),
            Value::Int((1i64 << 61) - 1),
            Value::Int(314_159),
            Value::Int(0),
            Value::Int(1_000_003),
            siphash,
            Value::Int(64),
            Value::Int(128),
            Value::Int(0),
        ],
    );
    struct_seq(
        interp,
        m,
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vec![
            Value::Float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::Float(f64::EPSILON),
            Value::Int(f64::RADIX as i64),
            Value::Int(1),
        ],
    );
    struct_seq(
        interp,
        m,
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        vec![
            Value::Int(30),
            Value::Int(4),
            Value::Int(4300),
            Value::Int(640),
        ],
    );
    let (pthread, semaphore) = (interp.new_str("pthread"), interp.new_str("semaphore"));
    struct_seq(
        interp,
        m,
        "thread_info",
        &["name", "lock", "version"],
        vec![pthread, semaphore, Value::None],
    );
    let short = interp.new_str("short");
    interp.add_value(m, "float_repr_style", short);
    let abiflags = interp.new_str(if gilvm_sync::FREE_THREADING { "t" } else { "" });
    interp.add_value(m, "abiflags", abiflags);
}

/// `prefix`, `exec_prefix`, `base_prefix`, `base_exec_prefix`: the directory above the
/// executable's (the embedded standard library appears at `<prefix>/lib/python3.14`).
fn prefixes(interp: &mut Interp, m: &ObjRef) {
    let prefix = std::env::current_exe()
        .ok()
        .and_then(|e| {
            e.parent()?
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "/usr/local".to_string());
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        let v = interp.new_str(prefix.clone());
        interp.add_value(m, name, v);
    }
}
