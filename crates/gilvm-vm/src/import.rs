//! The import system: `sys.modules`, native modules registered through the embedding API,
//! and `.py` modules and packages found on `sys.path`.
use gilvm_object::payload::Module;
use gilvm_object::Owned;
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::{PyErr, PyResult};
use crate::eval::str_of;
use crate::interp::Interp;

/// Where a module's source is (see [`Interp::find_source`]).
pub(crate) enum Found {
    /// Shipped in the binary: (source, is a package).
    Embedded(&'static str, bool),
    /// A `name.py` file.
    File(std::path::PathBuf),
    /// A package: its `__init__.py` and its directory.
    Package(std::path::PathBuf, std::path::PathBuf),
    /// A namespace package: its directories (no `__init__.py`).
    Namespace(Vec<String>),
    /// A spec returned by a finder of `sys.meta_path` or a path hook.
    Spec(Value),
}

impl Interp {
    /// A new module object with its dict holding `__name__`.
    pub fn new_module(&mut self, name: &str) -> ObjRef {
        let dict = self.new_dict_obj();
        // Interned (immortal): every function defined in the module records it as its
        // `__module__` through a lock-free cache, which holds only immortal objects in the
        // free-threaded build.
        let n = Value::Obj(self.intern(name));
        self.dict_set_str(&dict, self.g.names.name.clone(), n.clone());
        self.dict_set_str(&dict, self.g.names.doc.clone(), Value::None);
        self.dict_set_str(&dict, self.g.names.package.clone(), Value::None);
        self.dict_set_str(&dict, self.g.names.spec.clone(), Value::None);
        self.dict_set_str(&dict, self.g.names.loader.clone(), Value::None);
        self.new_obj(Owned::Module(Module {
            name: n,
            dict,
            class: gilvm_object::instclass::ClassSlot::new(self.g.types.module.clone()),
        }))
    }

    /// The module's namespace dict.
    pub fn module_dict(m: &ObjRef) -> Option<&ObjRef> {
        match m.payload() {
            Payload::Module(m) => Some(&m.dict),
            _ => None,
        }
    }

    /// Runs a module-level code object in `globals`.
    pub fn run_code(&mut self, code: ObjRef, globals: &ObjRef) -> PyResult {
        let frame = self.new_frame(code, globals.clone(), None);
        self.run_frame(frame)
    }

    /// Compiles source into a code object, raising SyntaxError on errors.
    pub fn compile_source(&mut self, source: &str, filename: &str) -> PyResult<ObjRef> {
        crate::traceback::register_source(filename, source);
        let fname = self.intern(filename);
        match gilvm_compiler::compile_module(self.py, source, &fname) {
            Ok(code) => {
                crate::syntax_warnings::show_syntax_warnings(source, filename);
                if std::env::var_os("GILVM_DIS").is_some() {
                    crate::modules::io::write_stderr(&gilvm_compiler::dis::disassemble(&code));
                }
                Ok(self.new_obj(Owned::Code(code)))
            }
            Err(e) => Err(self.syntax_error_from(&e, filename)),
        }
    }

    /// A SyntaxError/IndentationError exception from a compile error.
    pub fn syntax_error_from(&mut self, e: &gilvm_compiler::CompileError, filename: &str) -> PyErr {
        let ty = match e.kind {
            gilvm_compiler::ErrorKind::SyntaxError => self.g.exc.syntax_error.clone(),
            gilvm_compiler::ErrorKind::IndentationError => self.g.exc.indentation_error.clone(),
        };
        let msg = self.new_str(e.msg.clone());
        let fname = self.new_str(filename);
        let text = self.new_str(format!("{}\n", e.text));
        let details = self.new_tuple(vec![
            fname.clone(),
            Value::Int(e.line as i64),
            Value::Int(e.col as i64),
            text.clone(),
            Value::Int(e.line as i64),
            Value::Int(e.end_col as i64),
        ]);
        let exc = self.new_exception(&ty, vec![msg.clone(), details]);
        if let Payload::Instance(i) = exc.payload() {
            {
                let set = |s: &Interp, k: &str, v: Value| i.attr_set(s.py, s.intern(k), v);
                set(self, "msg", msg);
                set(self, "filename", fname);
                set(self, "lineno", Value::Int(e.line as i64));
                set(self, "offset", Value::Int(e.col as i64));
                set(self, "text", text);
                set(self, "end_lineno", Value::Int(e.line as i64));
                set(self, "end_offset", Value::Int(e.end_col as i64));
            }
        }
        PyErr(exc)
    }

    /// `import name` machinery (IMPORT_NAME).
    pub fn import_name(
        &mut self,
        name: &ObjRef,
        fromlist: &Value,
        level: &Value,
        globals: &ObjRef,
    ) -> PyResult {
        let mut full = str_of(name).to_string();
        let level = match level {
            Value::Int(i) => *i as usize,
            _ => 0,
        };
        if level > 0 {
            let pkg = self
                .dict_get_str(globals, &self.g.names.package.clone())
                .and_then(|p| p.as_str().map(|s| s.to_string()));
            let pkg = match pkg {
                Some(p) if !p.is_empty() => p,
                _ => {
                    let modname = self
                        .dict_get_str(globals, &self.g.names.name.clone())
                        .and_then(|p| p.as_str().map(|s| s.to_string()))
                        .unwrap_or_default();
                    let is_pkg = self
                        .dict_get_str(globals, &self.g.names.path.clone())
                        .is_some();
                    if is_pkg {
                        modname
                    } else {
                        match modname.rfind('.') {
                            Some(i) => modname[..i].to_string(),
                            None => {
                                return Err(self.import_error(
                                    "attempted relative import with no known parent package",
                                ))
                            }
                        }
                    }
                }
            };
            let mut base = pkg.as_str();
            for _ in 1..level {
                base = match base.rfind('.') {
                    Some(i) => &base[..i],
                    None => {
                        return Err(
                            self.import_error("attempted relative import beyond top-level package")
                        )
                    }
                };
            }
            full = if full.is_empty() {
                base.to_string()
            } else {
                format!("{base}.{full}")
            };
        }
        // Import each prefix.
        let parts: Vec<&str> = full.split('.').collect();
        let mut top = None;
        let mut prefix = String::new();
        let mut last = None;
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(p);
            let m = self.import_module(&prefix)?;
            if i == 0 {
                top = Some(m.clone());
            }
            last = Some(m);
        }
        let has_fromlist = match fromlist {
            Value::None => false,
            other => self.truthy(other)?,
        };
        if has_fromlist || level > 0 && str_of(name).is_empty() {
            Ok(Value::Obj(last.unwrap()))
        } else if level > 0 {
            Ok(Value::Obj(last.unwrap()))
        } else {
            Ok(Value::Obj(top.unwrap()))
        }
    }

    /// Imports one fully qualified module (its parent must be imported already): a hit in
    /// `sys.modules`, else the finders of `sys.meta_path` in order (gilvm's default ones
    /// search natively; see `importlib_glue.rs`).
    pub fn import_module(&mut self, name: &str) -> PyResult<ObjRef> {
        let key = self.new_str(name);
        match self.dict_get(&self.g.modules.clone(), &key)? {
            Some(Value::Obj(m)) => return Ok(m),
            // `sys.modules[name] = None` blocks the import (pyperformance's
            // `*_pure_python` benchmarks keep `_pickle` out this way).
            Some(Value::None) => {
                return Err(self.module_not_found(
                    &format!("import of {name} halted; None in sys.modules"),
                    name,
                ))
            }
            _ => {}
        }
        self.ensure_import_bootstrap()?;
        let finders = self.meta_path_finders()?;
        for finder in finders {
            let found = match finder {
                crate::importlib_glue::Finder::Builtin => {
                    if let Some(m) = self.load_native(name, &key)? {
                        self.trace_import(name, &m);
                        return Ok(m);
                    }
                    continue;
                }
                crate::importlib_glue::Finder::Frozen => match crate::modules::embedded(name) {
                    Some((source, is_pkg)) => Found::Embedded(source, is_pkg),
                    None => continue,
                },
                crate::importlib_glue::Finder::Path => match self.find_on_path(name)? {
                    Some(f) => f,
                    None => continue,
                },
                crate::importlib_glue::Finder::Other(f) => match self.find_spec_with(&f, name)? {
                    Some(spec) => Found::Spec(spec),
                    None => continue,
                },
            };
            let m = self.load_found(name, found)?;
            self.trace_import(name, &m);
            return Ok(m);
        }
        Err(self.module_not_found(&format!("No module named '{name}'"), name))
    }

    /// `-v`: CPython's line for each module imported, once it has run
    /// (`import 'json.decoder' # <loader>`, the loader's repr from the module's spec). Only
    /// these lines: CPython's other `-v` lines (bytecode-cache matches, `# destroy …` at
    /// exit) are not written.
    fn trace_import(&mut self, name: &str, m: &ObjRef) {
        if self.g.config.get().is_none_or(|c| c.flags.verbose == 0) {
            return;
        }
        let loader = self
            .getattr_str(&Value::Obj(m.clone()), "__spec__")
            .and_then(|spec| self.getattr_str(&spec, "loader"))
            .and_then(|l| self.repr(&l))
            .unwrap_or_else(|_| "None".into());
        crate::modules::io::write_stderr(&format!(
            "import {} # {loader}\n",
            crate::repr::str_repr(name)
        ));
    }

    /// Runs the module that a finder found.
    pub(crate) fn load_found(&mut self, name: &str, found: Found) -> PyResult<ObjRef> {
        match found {
            Found::Embedded(source, is_pkg) => self.exec_embedded_module(name, source, is_pkg),
            Found::File(file) => self.exec_source_module(name, &file, None),
            Found::Package(init, dir) => self.exec_source_module(name, &init, Some(&dir)),
            Found::Namespace(dirs) => self.new_namespace_package(name, dirs),
            Found::Spec(spec) => self.load_from_spec(name, spec),
        }
    }

    /// A native module, created and initialised (None when there is none of that name).
    fn load_native(&mut self, name: &str, key: &Value) -> PyResult<Option<ObjRef>> {
        let native = self
            .g
            .native_modules
            .lock()
            .iter()
            .find(|d| d.name == name)
            .cloned();
        let Some(def) = native else {
            return Ok(None);
        };
        crate::gilctl::before_native_import(self, &def);
        let m = self.new_module(name);
        self.set_module_spec(&m, name, "builtin", Value::None)?;
        self.dict_set(&self.g.modules.clone(), key.clone(), Value::Obj(m.clone()))?;
        if let Err(e) = (def.init)(self, &m) {
            let _ = self.dict_remove(&self.g.modules.clone(), key);
            return Err(e);
        }
        Ok(Some(m))
    }

    /// Where the source of module `name` is: shipped in the binary, or a file or package
    /// found on its parent package's `__path__` (the parent is imported first) or on
    /// `sys.path`. None when there is none.
    pub(crate) fn find_source(&mut self, name: &str) -> PyResult<Option<Found>> {
        // Python modules shipped in the binary.
        if let Some((source, is_pkg)) = crate::modules::embedded(name) {
            return Ok(Some(Found::Embedded(source, is_pkg)));
        }
        self.find_on_path(name)
    }

    /// The search of gilvm's PathFinder: the parent package's `__path__` (the parent is
    /// imported first) or `sys.path`.
    pub(crate) fn find_on_path(&mut self, name: &str) -> PyResult<Option<Found>> {
        let (parent, short) = match name.rfind('.') {
            Some(i) => (Some(&name[..i]), &name[i + 1..]),
            None => (None, name),
        };
        let dirs: Vec<String> = match parent {
            Some(p) => {
                let pm = self.import_module(p)?;
                if let Some((source, is_pkg)) = crate::modules::embedded(name) {
                    return Ok(Some(Found::Embedded(source, is_pkg)));
                }
                let path = Self::module_dict(&pm)
                    .and_then(|d| self.dict_get_str(d, &self.g.names.path.clone()));
                match path {
                    Some(pv) => self
                        .collect(&pv)?
                        .iter()
                        .filter_map(|v| v.as_str().map(|s| s.to_string()))
                        .collect(),
                    None => {
                        return Err(self.module_not_found(
                            &format!("No module named '{name}'; '{p}' is not a package"),
                            name,
                        ))
                    }
                }
            }
            None => self.sys_path()?,
        };
        self.find_in_dirs(name, short, &dirs)
    }

    /// Searches `dirs` for `short` (the last part of `name`): a path hook's finder where
    /// `sys.path_hooks` gives one for a directory, else a package (`short/__init__.py`),
    /// a module (`short.py`) or, when nothing else is found in any directory, the
    /// directories named `short` as one namespace package.
    pub(crate) fn find_in_dirs(
        &mut self,
        name: &str,
        short: &str,
        dirs: &[String],
    ) -> PyResult<Option<Found>> {
        let hooks = self.path_hooks()?;
        let mut portions = Vec::new();
        for dir in dirs {
            if !hooks.is_empty() {
                if let Some(finder) = self.path_entry_finder(dir, &hooks)? {
                    // A path entry finder's find_spec(fullname, target=None).
                    if let Some(fs) = self.getattr_opt(&finder, &self.intern("find_spec"))? {
                        let n = self.new_str(name);
                        let spec = self.call1(&fs, &[n])?;
                        if !spec.is_none() {
                            return Ok(Some(Found::Spec(spec)));
                        }
                    }
                    continue;
                }
            }
            // '' is the current directory, as an absolute path (CPython's FileFinder).
            let base = if dir.is_empty() {
                std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."))
            } else {
                std::path::PathBuf::from(dir)
            };
            let pkg_dir = base.join(short);
            let pkg_init = pkg_dir.join("__init__.py");
            if crate::vfs::is_file(&pkg_init) {
                return Ok(Some(Found::Package(pkg_init, pkg_dir)));
            }
            let file = base.join(format!("{short}.py"));
            if crate::vfs::is_file(&file) {
                return Ok(Some(Found::File(file)));
            }
            if crate::vfs::is_dir(&pkg_dir) {
                portions.push(pkg_dir.to_string_lossy().into_owned());
            }
        }
        if portions.is_empty() {
            Ok(None)
        } else {
            Ok(Some(Found::Namespace(portions)))
        }
    }

    /// Whether ImportError `e` has `name` as its `name` attribute.
    fn exc_name_is(&mut self, e: &PyErr, name: &str) -> bool {
        let ev = Value::Obj(e.0.clone());
        matches!(self.getattr_str(&ev, "name"), Ok(v) if v.as_str() == Some(name))
    }

    pub(crate) fn module_not_found(&mut self, msg: &str, name: &str) -> PyErr {
        let e = self.err(&self.g.exc.module_not_found_error.clone(), msg);
        if let Payload::Instance(i) = e.0.payload() {
            let n = self.new_str(name);
            i.attr_set(self.py, self.intern("name"), n);
        }
        e
    }

    pub(crate) fn sys_path(&mut self) -> PyResult<Vec<String>> {
        let sys = self.g.sys.clone();
        let p = Self::module_dict(&sys).and_then(|d| self.dict_get_str(d, &self.intern("path")));
        match p {
            Some(v) => Ok(self
                .collect(&v)?
                .iter()
                .filter_map(|x| x.as_str().map(|s| s.to_string()))
                .collect()),
            None => Ok(vec![]),
        }
    }

    fn exec_source_module(
        &mut self,
        name: &str,
        file: &std::path::Path,
        pkg_dir: Option<&std::path::Path>,
    ) -> PyResult<ObjRef> {
        let fname = file.to_string_lossy().trim_start_matches("./").to_string();
        let m = self.new_module(name);
        let d = Self::module_dict(&m).unwrap().clone();
        let fv = self.new_str(fname.clone());
        self.dict_set_str(&d, self.g.names.file.clone(), fv);
        self.dict_set_str(
            &d,
            self.g.names.builtins.clone(),
            Value::Obj(self.g.builtins.clone()),
        );
        match pkg_dir {
            Some(p) => {
                let pv = self.new_str(p.to_string_lossy().to_string());
                let l = self.new_list(vec![pv]);
                self.dict_set_str(&d, self.g.names.path.clone(), l);
                let pkg = self.new_str(name);
                self.dict_set_str(&d, self.g.names.package.clone(), pkg);
            }
            None => {
                let pkg = self.new_str(name.rsplit_once('.').map(|x| x.0).unwrap_or(""));
                self.dict_set_str(&d, self.g.names.package.clone(), pkg);
            }
        }
        let (kind, loc) = match pkg_dir {
            Some(_) => ("package", file),
            None => ("file", file),
        };
        let loc = self.new_str(loc.to_string_lossy().trim_start_matches("./").to_string());
        self.set_module_spec(&m, name, kind, loc)?;
        let key = self.new_str(name);
        self.dict_set(&self.g.modules.clone(), key.clone(), Value::Obj(m.clone()))?;
        // The bytecode cache (pycache.rs) reads or compiles the source.
        let code = match crate::pycache::module_code(self, file, &fname) {
            Ok(c) => c,
            Err(e) => {
                let _ = self.dict_remove(&self.g.modules.clone(), &key);
                return Err(e);
            }
        };
        if let Err(e) = self.run_code(code, &d) {
            let _ = self.dict_remove(&self.g.modules.clone(), &key);
            return Err(e);
        }
        // Bind the submodule on its parent.
        if let Some((parent, short)) = name.rsplit_once('.') {
            let pk = self.new_str(parent);
            if let Some(Value::Obj(pm)) = self.dict_get(&self.g.modules.clone(), &pk)? {
                if let Some(pd) = Self::module_dict(&pm) {
                    self.dict_set_str(pd, self.intern(short), Value::Obj(m.clone()));
                }
            }
        }
        // A module may replace itself in sys.modules.
        match self.dict_get(&self.g.modules.clone(), &key)? {
            Some(Value::Obj(m2)) => Ok(m2),
            _ => Ok(m),
        }
    }

    fn exec_embedded_module(&mut self, name: &str, source: &str, is_pkg: bool) -> PyResult<ObjRef> {
        let fname = format!("<gilvm>/{}.py", name.replace('.', "/"));
        let m = self.new_module(name);
        let d = Self::module_dict(&m).unwrap().clone();
        let fv = self.new_str(fname.clone());
        self.dict_set_str(&d, self.g.names.file.clone(), fv);
        self.dict_set_str(
            &d,
            self.g.names.builtins.clone(),
            Value::Obj(self.g.builtins.clone()),
        );
        if is_pkg {
            let l = self.new_list(vec![]);
            self.dict_set_str(&d, self.g.names.path.clone(), l);
        }
        let pkg = self.new_str(if is_pkg {
            name
        } else {
            name.rsplit_once('.').map(|x| x.0).unwrap_or("")
        });
        self.dict_set_str(&d, self.g.names.package.clone(), pkg);
        self.set_module_spec(&m, name, "frozen", Value::Bool(is_pkg))?;
        let key = self.new_str(name);
        self.dict_set(&self.g.modules.clone(), key.clone(), Value::Obj(m.clone()))?;
        let r = self
            .compile_source(source, &fname)
            .and_then(|code| self.run_code(code, &d));
        if let Err(e) = r {
            let _ = self.dict_remove(&self.g.modules.clone(), &key);
            return Err(e);
        }
        if let Some((parent, short)) = name.rsplit_once('.') {
            let pk = self.new_str(parent);
            if let Some(Value::Obj(pm)) = self.dict_get(&self.g.modules.clone(), &pk)? {
                if let Some(pd) = Self::module_dict(&pm) {
                    self.dict_set_str(pd, self.intern(short), Value::Obj(m.clone()));
                }
            }
        }
        Ok(m)
    }

    /// `from module import name` (IMPORT_FROM).
    pub fn import_from(&mut self, m: &Value, name: &ObjRef) -> PyResult {
        // An AttributeError (a module subclass's `__getattribute__`) falls back on the
        // submodule, as in CPython (branch natives).
        if let Some(v) = self.getattr_optional(m, name)? {
            return Ok(v);
        }
        let Value::Obj(mo) = m else {
            return Err(self.import_error("bad module"));
        };
        let modname = match mo.payload() {
            Payload::Module(md) => md.name.as_str().unwrap_or("?").to_string(),
            _ => "?".into(),
        };
        // A submodule of a package.
        let is_pkg = Self::module_dict(mo)
            .and_then(|d| self.dict_get_str(d, &self.g.names.path.clone()))
            .is_some();
        if is_pkg {
            let full = format!("{modname}.{}", str_of(name));
            match self.import_module(&full) {
                Ok(sub) => return Ok(Value::Obj(sub)),
                // Only "no such submodule" means "no such name"; an error while importing
                // the submodule (even a ModuleNotFoundError for another module) propagates.
                Err(e)
                    if self.matches(&e, &self.g.exc.module_not_found_error.clone())
                        && self.exc_name_is(&e, &full) => {}
                Err(e) => return Err(e),
            }
        }
        let file = Self::module_dict(mo)
            .and_then(|d| self.dict_get_str(d, &self.g.names.file.clone()))
            .and_then(|f| f.as_str().map(|s| s.to_string()));
        let msg = match file {
            Some(f) => format!(
                "cannot import name '{}' from '{modname}' ({f})",
                str_of(name)
            ),
            None => format!(
                "cannot import name '{}' from '{modname}' (unknown location)",
                str_of(name)
            ),
        };
        Err(self.import_error(msg))
    }

    /// `from module import *`.
    pub fn import_star(&mut self, m: &Value, ns: &ObjRef) -> PyResult<()> {
        let Value::Obj(mo) = m else { return Ok(()) };
        let Some(d) = Self::module_dict(mo).cloned() else {
            return Ok(());
        };
        let all = self.dict_get_str(&d, &self.g.names.all.clone());
        match all {
            Some(names) => {
                for n in self.collect(&names)? {
                    let v = self.getattr(
                        m,
                        n.as_obj()
                            .ok_or_else(|| self.type_error("__all__ must contain strings"))?,
                    )?;
                    let Some(k) = n.as_obj().cloned() else {
                        continue;
                    };
                    self.namespace_set(ns, k, v)?;
                }
            }
            None => {
                for (k, v) in self.dict_items(&d)? {
                    if k.as_str().is_some_and(|s| !s.starts_with('_')) {
                        if let Some(k) = k.as_obj().cloned() {
                            self.namespace_set(ns, k, v)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
