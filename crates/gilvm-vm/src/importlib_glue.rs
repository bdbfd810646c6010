//! What Python code sees of the import system: `__spec__`/`__loader__`, `sys.meta_path`,
//! `sys.path_hooks`, namespace packages and specs from Python finders.
//!
//! **What.** gilvm searches and loads modules in Rust (`import.rs`). The objects that
//! CPython's importlib exposes (module specs, loaders, the default finders) come from a
//! small Python module shipped in the binary, `_gilvm_bootstrap`
//! (modules/py/gilvm_bootstrap.py), loaded at the first import that misses `sys.modules`.
//! From then on:
//! - every module gets `__spec__` and `__loader__` before its code runs (the modules
//!   imported before, `sys`, `builtins`, `_imp` and the bootstrap itself, are given theirs
//!   when it finishes);
//! - `sys.meta_path` starts as `[BuiltinImporter, FrozenImporter, PathFinder]`; an import
//!   walks it in order, doing the native search for these three and calling
//!   `find_spec(name, path, None)` on any other finder a program put there;
//! - a `sys.path` entry for which a hook of `sys.path_hooks` returns a finder (cached in
//!   `sys.path_importer_cache`) is searched by that finder; the others natively.
//!
//! **Why this split.** Searching and compiling in Rust keeps start-up and imports fast
//! (no Python code between `import json` and the compilation of json's source), while the
//! standard library's `importlib`, `runpy` and `pkgutil` find the same modules through the
//! default finders' Python methods, which call back into the same Rust search (`_imp`).
//!
//! **Invariants.** The three default finder classes are immortal and recognised by
//! address. Before the bootstrap has loaded (or while it loads, on any thread), imports use
//! the default order and set no spec; the bootstrap fixes those modules up afterwards.
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyResult;
use crate::import::Found;
use crate::interp::Interp;

/// One entry of `sys.meta_path`.
pub(crate) enum Finder {
    Builtin,
    Frozen,
    Path,
    Other(Value),
}

const NOT_LOADED: u8 = 0;
const LOADING: u8 = 1;
const LOADED: u8 = 2;
static STATE: AtomicU8 = AtomicU8::new(NOT_LOADED);
/// Addresses of BuiltinImporter, FrozenImporter, PathFinder (immortal classes).
static BUILTIN: AtomicUsize = AtomicUsize::new(0);
static FROZEN: AtomicUsize = AtomicUsize::new(0);
static PATH: AtomicUsize = AtomicUsize::new(0);

const BOOTSTRAP: &str = "_gilvm_bootstrap";

impl Interp {
    /// Loads `_gilvm_bootstrap` once (see the module comment).
    pub(crate) fn ensure_import_bootstrap(&mut self) -> PyResult<()> {
        if STATE.load(Ordering::Acquire) != NOT_LOADED {
            return Ok(());
        }
        if STATE
            .compare_exchange(NOT_LOADED, LOADING, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return Ok(());
        }
        let r = self.load_import_bootstrap();
        if r.is_err() {
            STATE.store(NOT_LOADED, Ordering::Release);
        }
        r
    }

    fn load_import_bootstrap(&mut self) -> PyResult<()> {
        let Some((source, _)) = crate::modules::embedded(BOOTSTRAP) else {
            return Err(self.import_error("gilvm's import bootstrap is missing"));
        };
        let m = self.load_found(BOOTSTRAP, Found::Embedded(source, false))?;
        let mv = Value::Obj(m);
        let mut finders = Vec::new();
        for (name, slot) in [
            ("BuiltinImporter", &BUILTIN),
            ("FrozenImporter", &FROZEN),
            ("PathFinder", &PATH),
        ] {
            let cls = self.getattr_str(&mv, name)?;
            if let Value::Obj(o) = &cls {
                o.make_immortal();
                slot.store(o.addr(), Ordering::Release);
            }
            finders.push(cls);
        }
        // sys.meta_path, extended in place (a program may hold the list).
        let meta = self.getattr_str(&Value::Obj(self.g.sys.clone()), "meta_path")?;
        for f in finders {
            self.call_method(&meta, "append", &[f])?;
        }
        STATE.store(LOADED, Ordering::Release);
        // The modules imported so far get their specs now.
        let items = self.dict_items(&self.g.modules.clone())?;
        for (k, v) in items {
            let (Some(name), Value::Obj(m)) = (k.as_str().map(|s| s.to_string()), v) else {
                continue;
            };
            if name == "__main__" {
                continue;
            }
            let Some(d) = Self::module_dict(&m).cloned() else {
                continue;
            };
            if !matches!(
                self.dict_get_str(&d, &self.g.names.spec.clone()),
                None | Some(Value::None)
            ) {
                continue;
            }
            let native = self
                .g
                .native_modules
                .lock()
                .iter()
                .any(|def| def.name == name)
                || name == "sys"
                || name == "builtins";
            if native {
                self.set_module_spec(&m, &name, "builtin", Value::None)?;
            } else if let Some((_, is_pkg)) = crate::modules::embedded(&name) {
                self.set_module_spec(&m, &name, "frozen", Value::Bool(is_pkg))?;
            } else if let Some(f) = self.dict_get_str(&d, &self.g.names.file.clone()) {
                let is_pkg = self.dict_get_str(&d, &self.g.names.path.clone()).is_some();
                self.set_module_spec(&m, &name, if is_pkg { "package" } else { "file" }, f)?;
            }
        }
        Ok(())
    }

    fn bootstrap_attr(&mut self, name: &str) -> PyResult {
        let m = self.import_module(BOOTSTRAP)?;
        self.getattr_str(&Value::Obj(m), name)
    }

    /// Sets `__spec__` and `__loader__` of module `m` from a spec of `kind` (`builtin`,
    /// `frozen`, `file`, `package`, `namespace`) at `location`; a package's `__path__` is
    /// the spec's `submodule_search_locations`. Nothing before the bootstrap has loaded.
    pub(crate) fn set_module_spec(
        &mut self,
        m: &ObjRef,
        name: &str,
        kind: &str,
        location: Value,
    ) -> PyResult<()> {
        if STATE.load(Ordering::Acquire) != LOADED {
            return Ok(());
        }
        let spec_for = self.bootstrap_attr("_spec_for")?;
        let n = self.new_str(name);
        let k = self.new_str(kind);
        let spec = self.call1(&spec_for, &[n, k, location])?;
        let loader = self.getattr_str(&spec, "loader")?;
        let Some(d) = Self::module_dict(m).cloned() else {
            return Ok(());
        };
        self.dict_set_str(&d, self.g.names.spec.clone(), spec.clone());
        self.dict_set_str(&d, self.g.names.loader.clone(), loader);
        if kind == "package" {
            let locs = self.getattr_str(&spec, "submodule_search_locations")?;
            self.dict_set_str(&d, self.g.names.path.clone(), locs);
        }
        Ok(())
    }

    /// The finders of `sys.meta_path`, the default ones recognised.
    pub(crate) fn meta_path_finders(&mut self) -> PyResult<Vec<Finder>> {
        if STATE.load(Ordering::Acquire) != LOADED {
            return Ok(vec![Finder::Builtin, Finder::Frozen, Finder::Path]);
        }
        let meta = self.getattr_str(&Value::Obj(self.g.sys.clone()), "meta_path")?;
        if meta.is_none() {
            return Err(self.import_error("sys.meta_path is None, Python is likely shutting down"));
        }
        let (b, f, p) = (
            BUILTIN.load(Ordering::Acquire),
            FROZEN.load(Ordering::Acquire),
            PATH.load(Ordering::Acquire),
        );
        Ok(self
            .collect(&meta)?
            .into_iter()
            .map(|v| match &v {
                Value::Obj(o) if o.addr() == b => Finder::Builtin,
                Value::Obj(o) if o.addr() == f => Finder::Frozen,
                Value::Obj(o) if o.addr() == p => Finder::Path,
                _ => Finder::Other(v),
            })
            .collect())
    }

    /// `finder.find_spec(name, parent.__path__ or None, None)`; None when the finder has
    /// no `find_spec` or finds nothing.
    pub(crate) fn find_spec_with(&mut self, finder: &Value, name: &str) -> PyResult<Option<Value>> {
        let Some(find_spec) = self.getattr_opt(finder, &self.intern("find_spec"))? else {
            return Ok(None);
        };
        let path = match name.rsplit_once('.') {
            Some((parent, _)) => {
                let pm = self.import_module(parent)?;
                Self::module_dict(&pm)
                    .and_then(|d| self.dict_get_str(d, &self.g.names.path.clone()))
                    .unwrap_or(Value::None)
            }
            None => Value::None,
        };
        let n = self.new_str(name);
        let spec = self.call1(&find_spec, &[n, path, Value::None])?;
        Ok(if spec.is_none() { None } else { Some(spec) })
    }

    /// Loads a module from a spec that a Python finder returned.
    pub(crate) fn load_from_spec(&mut self, name: &str, spec: Value) -> PyResult<ObjRef> {
        let load = self.bootstrap_attr("_load")?;
        let m = self.call1(&load, &[spec])?;
        let Value::Obj(m) = m else {
            return Err(self.import_error(format!("loading {name} gave no module")));
        };
        self.bind_to_parent(name, &m)?;
        Ok(m)
    }

    /// A namespace package over `dirs`.
    pub(crate) fn new_namespace_package(
        &mut self,
        name: &str,
        dirs: Vec<String>,
    ) -> PyResult<ObjRef> {
        let m = self.new_module(name);
        let d = Self::module_dict(&m).expect("a module has a dict").clone();
        let items: Vec<Value> = dirs.into_iter().map(|s| self.new_str(s)).collect();
        let path = self.new_list(items);
        self.dict_set_str(&d, self.g.names.path.clone(), path.clone());
        let pkg = self.new_str(name);
        self.dict_set_str(&d, self.g.names.package.clone(), pkg);
        self.set_module_spec(&m, name, "namespace", path)?;
        let key = self.new_str(name);
        self.dict_set(&self.g.modules.clone(), key, Value::Obj(m.clone()))?;
        self.bind_to_parent(name, &m)?;
        Ok(m)
    }

    /// Binds submodule `m` as an attribute of its parent package.
    pub(crate) fn bind_to_parent(&mut self, name: &str, m: &ObjRef) -> PyResult<()> {
        if let Some((parent, short)) = name.rsplit_once('.') {
            let pk = self.new_str(parent);
            if let Some(Value::Obj(pm)) = self.dict_get(&self.g.modules.clone(), &pk)? {
                if let Some(pd) = Self::module_dict(&pm) {
                    self.dict_set_str(pd, self.intern(short), Value::Obj(m.clone()));
                }
            }
        }
        Ok(())
    }

    /// `sys.path_hooks` (empty when absent).
    pub(crate) fn path_hooks(&mut self) -> PyResult<Vec<Value>> {
        let sys = Value::Obj(self.g.sys.clone());
        match self.getattr_opt(&sys, &self.intern("path_hooks"))? {
            Some(Value::Obj(l)) if matches!(l.payload(), Payload::List(_)) => {
                self.collect(&Value::Obj(l))
            }
            _ => Ok(vec![]),
        }
    }

    /// The finder a path hook gives for `dir`, through `sys.path_importer_cache`; None
    /// when no hook takes the entry (then it is searched natively).
    pub(crate) fn path_entry_finder(
        &mut self,
        dir: &str,
        hooks: &[Value],
    ) -> PyResult<Option<Value>> {
        let sys = Value::Obj(self.g.sys.clone());
        let cache = self.getattr_opt(&sys, &self.intern("path_importer_cache"))?;
        let key = self.new_str(dir);
        let cache = match cache {
            Some(Value::Obj(c)) if matches!(c.payload(), Payload::Dict(_)) => Some(c),
            _ => None,
        };
        if let Some(c) = &cache {
            if let Some(f) = self.dict_get(c, &key)? {
                return Ok(if f.is_none() { None } else { Some(f) });
            }
        }
        let mut found = None;
        for hook in hooks {
            match self.call1(hook, std::slice::from_ref(&key)) {
                Ok(f) => {
                    found = Some(f);
                    break;
                }
                Err(e) if self.matches(&e, &self.g.exc.import_error.clone()) => continue,
                Err(e) => return Err(e),
            }
        }
        if let Some(c) = &cache {
            self.dict_set(c, key, found.clone().unwrap_or(Value::None))?;
        }
        Ok(found.filter(|f| !f.is_none()))
    }
}
