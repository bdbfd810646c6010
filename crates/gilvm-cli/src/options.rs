//! python3's command line, parsed as CPython parses it.
//!
//! CPython reads its options with a getopt of its own (short options that combine, `-c`
//! and `-m` ending the option list and taking the rest of their word or the next word,
//! `--` and `-` ending it too, a handful of long options), then applies the `PYTHON*`
//! environment variables unless `-E` or `-I` says not to. This module reproduces that
//! grammar and its error messages, because users type the same command lines at gilvm that
//! they type at python3: `gilvm -uc 'code'`, `gilvm -Wd script.py`, `gilvm -m json.tool`.
//! (clap cannot express it: `-c` takes the rest of its own word and ends the option list,
//! and the messages are CPython's.)
//!
//! Nothing here touches the VM: [`parse`] turns `argv` and the environment into an
//! [`Options`] value, and `lib.rs` turns that into the VM's configuration.

/// What the command line asks to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Run {
    /// `-c cmd`.
    Command(String),
    /// `-m mod`.
    Module(String),
    /// A script file.
    File(String),
    /// `-` or no program at all: standard input (the REPL when it is a terminal).
    Stdin { explicit: bool },
}

/// Which help text `-h` and its long forms ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Help {
    Usage,
    Env,
    XOptions,
    All,
}

/// The parsed command line, with the environment applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub run: Run,
    /// `sys.argv[1:]`.
    pub args: Vec<String>,
    pub help: Option<Help>,
    /// `-V` given this many times.
    pub version: u8,
    pub bytes_warning: u8,
    pub dont_write_bytecode: bool,
    pub debug: u8,
    pub ignore_environment: bool,
    pub inspect: bool,
    pub isolated: bool,
    pub optimize: u8,
    pub safe_path: bool,
    pub quiet: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub unbuffered: bool,
    pub verbose: u8,
    /// `-X dev` or `PYTHONDEVMODE`.
    pub dev_mode: bool,
    /// `-x`: the first line of the script is not Python.
    pub skip_first_line: bool,
    /// `PYTHONWARNINGS` entries, then `-W` options, in order.
    pub warnoptions: Vec<String>,
    /// `-X` options, in order.
    pub xoptions: Vec<String>,
    pub check_hash_based_pycs: Option<String>,
    /// `PYTHONPATH` (None under `-E`).
    pub pythonpath: Option<String>,
    /// `PYTHONSTARTUP` (None under `-E`).
    pub startup: Option<String>,
    /// `PYTHON_GIL` (None under `-E` or when unset or empty).
    pub python_gil: Option<String>,
}

/// A usage error: CPython prints the message, the usage line and a hint, and exits with 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

/// The short options and whether each takes an argument, as CPython 3.14's getopt
/// (`-t` is accepted and ignored, as CPython still does).
fn short_takes_arg(c: char) -> Option<bool> {
    match c {
        'c' | 'm' | 'W' | 'X' => Some(true),
        'b' | 'B' | 'd' | 'E' | 'h' | '?' | 'i' | 'I' | 'O' | 'P' | 'q' | 's' | 'S' | 't' | 'u'
        | 'v' | 'V' | 'x' => Some(false),
        _ => None,
    }
}

impl Options {
    fn empty() -> Options {
        Options {
            run: Run::Stdin { explicit: false },
            args: vec![],
            help: None,
            version: 0,
            bytes_warning: 0,
            dont_write_bytecode: false,
            debug: 0,
            ignore_environment: false,
            inspect: false,
            isolated: false,
            optimize: 0,
            safe_path: false,
            quiet: false,
            no_user_site: false,
            no_site: false,
            unbuffered: false,
            verbose: 0,
            dev_mode: false,
            skip_first_line: false,
            warnoptions: vec![],
            xoptions: vec![],
            check_hash_based_pycs: None,
            pythonpath: None,
            startup: None,
            python_gil: None,
        }
    }
}

/// Parses `args` (without the program name) and applies `env` (a lookup of environment
/// variables; empty values count as unset, as CPython's).
pub fn parse(args: &[String], env: &dyn Fn(&str) -> Option<String>) -> Result<Options, UsageError> {
    let mut o = Options::empty();
    let mut cmd_warn = vec![];
    let mut i = 0;
    let mut program: Option<Run> = None;
    'words: while i < args.len() {
        let word = &args[i];
        i += 1;
        if word == "--" {
            break;
        }
        if word == "-" {
            program = Some(Run::Stdin { explicit: true });
            break;
        }
        if !word.starts_with('-') {
            i -= 1;
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            match long {
                "help" => o.help = Some(Help::Usage),
                "help-env" => o.help = Some(Help::Env),
                "help-xoptions" => o.help = Some(Help::XOptions),
                "help-all" => o.help = Some(Help::All),
                "version" => o.version += 1,
                "check-hash-based-pycs" => {
                    let Some(v) = args.get(i) else {
                        return Err(UsageError(
                            "Argument expected for the --check-hash-based-pycs option".into(),
                        ));
                    };
                    i += 1;
                    if !matches!(v.as_str(), "default" | "always" | "never") {
                        return Err(UsageError(
                            "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"
                                .into(),
                        ));
                    }
                    o.check_hash_based_pycs = Some(v.clone());
                }
                _ => return Err(UsageError(format!("Unknown option: {word}"))),
            }
            continue;
        }
        let chars: Vec<char> = word[1..].chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            k += 1;
            let Some(takes) = short_takes_arg(c) else {
                return Err(UsageError(format!("Unknown option: -{c}")));
            };
            if takes {
                let value: String = if k < chars.len() {
                    chars[k..].iter().collect()
                } else if let Some(v) = args.get(i) {
                    i += 1;
                    v.clone()
                } else {
                    return Err(UsageError(format!("Argument expected for the -{c} option")));
                };
                match c {
                    'c' => {
                        program = Some(Run::Command(value));
                        break 'words;
                    }
                    'm' => {
                        program = Some(Run::Module(value));
                        break 'words;
                    }
                    'W' => cmd_warn.push(value),
                    _ => o.xoptions.push(value),
                }
                continue 'words;
            }
            match c {
                'b' => o.bytes_warning = o.bytes_warning.saturating_add(1),
                'B' => o.dont_write_bytecode = true,
                'd' => o.debug = o.debug.saturating_add(1),
                'E' => o.ignore_environment = true,
                'h' | '?' => o.help = Some(Help::Usage),
                'i' => o.inspect = true,
                'I' => {
                    o.isolated = true;
                    o.ignore_environment = true;
                    o.safe_path = true;
                    o.no_user_site = true;
                }
                'O' => o.optimize = o.optimize.saturating_add(1),
                'P' => o.safe_path = true,
                'q' => o.quiet = true,
                's' => o.no_user_site = true,
                'S' => o.no_site = true,
                'u' => o.unbuffered = true,
                'v' => o.verbose = o.verbose.saturating_add(1),
                'V' => o.version = o.version.saturating_add(1),
                'x' => o.skip_first_line = true,
                _ => {} // -t: accepted, no effect
            }
        }
    }
    let rest = &args[i..];
    o.run = match program {
        Some(p) => p,
        None => match rest.first() {
            Some(f) => {
                i += 1;
                Run::File(f.clone())
            }
            None => Run::Stdin { explicit: false },
        },
    };
    o.args = args[i.min(args.len())..].to_vec();
    apply_env(&mut o, env);
    o.dev_mode |= o.xoptions.iter().any(|x| x == "dev");
    // CPython's order of the warning options, the last one winning: the development
    // mode's `default`, PYTHONWARNINGS (apply_env put it there), -W, then -b's.
    if o.dev_mode {
        o.warnoptions.insert(0, "default".into());
    }
    o.warnoptions.extend(cmd_warn);
    // -b / -bb: the BytesWarning filter comes last, so that it wins (CPython's order:
    // PYTHONWARNINGS, then -W, then this).
    match o.bytes_warning {
        0 => {}
        1 => o.warnoptions.push("default::BytesWarning".into()),
        _ => o.warnoptions.push("error::BytesWarning".into()),
    }
    Ok(o)
}

/// The `PYTHON*` variables, unless `-E`/`-I`. Flags the command line set stay set.
fn apply_env(o: &mut Options, env: &dyn Fn(&str) -> Option<String>) {
    if o.ignore_environment {
        return;
    }
    let get = |n: &str| env(n).filter(|v| !v.is_empty());
    // CPython's numeric variables: an integer is the level, anything else counts as 1.
    let level = |n: &str| get(n).map(|v| v.trim().parse::<u8>().unwrap_or(1).max(1));
    if get("PYTHONDONTWRITEBYTECODE").is_some() {
        o.dont_write_bytecode = true;
    }
    if let Some(l) = level("PYTHONDEBUG") {
        o.debug = o.debug.max(l);
    }
    if get("PYTHONINSPECT").is_some() {
        o.inspect = true;
    }
    if let Some(l) = level("PYTHONOPTIMIZE") {
        o.optimize = o.optimize.max(l);
    }
    if get("PYTHONSAFEPATH").is_some() {
        o.safe_path = true;
    }
    if get("PYTHONNOUSERSITE").is_some() {
        o.no_user_site = true;
    }
    if get("PYTHONUNBUFFERED").is_some() {
        o.unbuffered = true;
    }
    if get("PYTHONDEVMODE").is_some() {
        o.dev_mode = true;
    }
    if let Some(l) = level("PYTHONVERBOSE") {
        o.verbose = o.verbose.max(l);
    }
    if let Some(w) = get("PYTHONWARNINGS") {
        o.warnoptions.extend(
            w.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
        );
    }
    o.pythonpath = get("PYTHONPATH");
    o.startup = get("PYTHONSTARTUP");
    o.python_gil = get("PYTHON_GIL");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, UsageError> {
        let a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse(&a, &|_| None)
    }

    fn pe(args: &[&str], vars: &[(&str, &str)]) -> Options {
        let a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        parse(&a, &|n| {
            vars.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone())
        })
        .unwrap()
    }

    #[test]
    fn command_takes_rest_of_word_or_next_and_ends_options() {
        let o = p(&["-uc", "print(1)", "-x", "y"]).unwrap();
        assert_eq!(o.run, Run::Command("print(1)".into()));
        assert!(o.unbuffered);
        assert!(!o.skip_first_line);
        assert_eq!(o.args, vec!["-x", "y"]);
        let o = p(&["-cprint(2)"]).unwrap();
        assert_eq!(o.run, Run::Command("print(2)".into()));
        assert!(o.args.is_empty());
    }

    #[test]
    fn module_and_script_and_stdin() {
        let o = p(&["-m", "json.tool", "--sort-keys"]).unwrap();
        assert_eq!(o.run, Run::Module("json.tool".into()));
        assert_eq!(o.args, vec!["--sort-keys"]);
        let o = p(&["-B", "s.py", "-u"]).unwrap();
        assert_eq!(o.run, Run::File("s.py".into()));
        assert_eq!(o.args, vec!["-u"]);
        assert!(!o.unbuffered);
        let o = p(&["-", "a"]).unwrap();
        assert_eq!(o.run, Run::Stdin { explicit: true });
        assert_eq!(o.args, vec!["a"]);
        let o = p(&["--", "-c"]).unwrap();
        assert_eq!(o.run, Run::File("-c".into()));
        let o = p(&["-q"]).unwrap();
        assert_eq!(o.run, Run::Stdin { explicit: false });
    }

    #[test]
    fn errors_are_cpythons() {
        assert_eq!(p(&["-z"]).unwrap_err().0, "Unknown option: -z");
        assert_eq!(p(&["--foo"]).unwrap_err().0, "Unknown option: --foo");
        assert_eq!(
            p(&["-c"]).unwrap_err().0,
            "Argument expected for the -c option"
        );
        assert_eq!(
            p(&["-X"]).unwrap_err().0,
            "Argument expected for the -X option"
        );
        assert!(p(&["--check-hash-based-pycs", "x"]).is_err());
    }

    #[test]
    fn isolated_and_environment() {
        let o = pe(&["-I", "-c", "pass"], &[("PYTHONPATH", "/x")]);
        assert!(o.isolated && o.ignore_environment && o.safe_path && o.no_user_site);
        assert_eq!(o.pythonpath, None);
        let o = pe(
            &["-W", "once", "-c", "pass"],
            &[
                ("PYTHONWARNINGS", "error,default"),
                ("PYTHONOPTIMIZE", "2"),
                ("PYTHONUNBUFFERED", ""),
            ],
        );
        assert_eq!(o.warnoptions, vec!["error", "default", "once"]);
        assert_eq!(o.optimize, 2);
        assert!(!o.unbuffered);
        let o = pe(&["-OO", "-vv", "-Xgil=1", "-Wd"], &[]);
        assert_eq!((o.optimize, o.verbose), (2, 2));
        assert_eq!(o.xoptions, vec!["gil=1"]);
        assert_eq!(o.warnoptions, vec!["d"]);
    }

    #[test]
    fn warning_options_in_cpythons_order() {
        let o = pe(
            &["-X", "dev", "-bb", "-W", "error"],
            &[("PYTHONWARNINGS", "ignore")],
        );
        assert!(o.dev_mode);
        assert_eq!(
            o.warnoptions,
            vec!["default", "ignore", "error", "error::BytesWarning"]
        );
        let o = pe(&["-b"], &[("PYTHONDEVMODE", "1")]);
        assert_eq!(o.warnoptions, vec!["default", "default::BytesWarning"]);
        let o = pe(&["-E", "-b"], &[("PYTHONDEVMODE", "1")]);
        assert_eq!(o.warnoptions, vec!["default::BytesWarning"]);
    }
}
