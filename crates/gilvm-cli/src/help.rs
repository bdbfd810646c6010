//! `gilvm -h` and its long forms: python3's options, and what gilvm adds.
use crate::options::Help;

/// The usage line, with the program name as typed.
pub fn usage_line(prog: &str) -> String {
    format!("usage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

const OPTIONS: &str = "\
Options (and the environment variables that do the same):
-b     : warn when bytes or bytearray are converted to str or compared with
         str, or bytes with int (-bb: raise an error instead)
-B     : do not write .pyc files (gilvm writes none); also PYTHONDONTWRITEBYTECODE=x
-c cmd : run the program given as a string (ends the option list)
-d     : parser debugging output (no effect in gilvm); also PYTHONDEBUG=x
-E     : ignore the PYTHON* environment variables (PYTHONPATH, PYTHON_GIL, ...)
-h     : print this help and exit (also -? or --help)
-i     : go on at the interactive prompt after the program has run, even when
         standard input is not a terminal; also PYTHONINSPECT=x
-I     : isolate from the user's environment (implies -E, -P and -s)
-m mod : run a module as the main program (ends the option list)
-O     : remove assert statements and code that depends on __debug__;
         also PYTHONOPTIMIZE=x
-OO    : as -O, and discard docstrings
-P     : do not put the script's directory (or the current directory) in front
         of sys.path; also PYTHONSAFEPATH
-q     : no version banner at the interactive prompt
-s     : do not add the user site directory to sys.path; also PYTHONNOUSERSITE=x
-S     : do not run site initialisation (no exit()/quit() in builtins)
-u     : unbuffered stdout and stderr (stdin is unaffected); also PYTHONUNBUFFERED=x
-v     : verbose imports (may be repeated); also PYTHONVERBOSE=x
-V     : print the version and exit (also --version; twice: more about the build)
-W arg : warning control, arg is action:message:category:module:lineno;
         also PYTHONWARNINGS=arg
-x     : skip the first line of the source (for non-Unix forms of #!cmd)
-X opt : implementation-specific option (see --help-xoptions)
--check-hash-based-pycs always|default|never:
         accepted for compatibility (gilvm writes no .pyc files)
--help-env: the environment variables gilvm reads, then exit
--help-xoptions: the -X options, then exit
--help-all: all of the above, then exit

Arguments:
file   : the program, read from a file
-      : the program, read from standard input (the default; the interactive
         prompt when standard input is a terminal)
arg ...: arguments for the program, in sys.argv[1:]
";

const ENV: &str = "\
Environment variables:
PYTHON_GIL      : 0 runs the free-threaded build without the GIL, 1 with it
                  (the same as -X gil); the GIL build accepts only 1
PYTHONBREAKPOINT: the function breakpoint() calls; 0 disables it
PYTHONDEBUG     : the same as -d
PYTHONDONTWRITEBYTECODE: the same as -B
PYTHONINSPECT   : the same as -i
PYTHONNOUSERSITE: the same as -s
PYTHONOPTIMIZE  : the same as -O (a number: that many times)
PYTHONPATH      : ':'-separated directories put in front of the module search path
PYTHONSAFEPATH  : the same as -P
PYTHONSTARTUP   : a file run before the first interactive prompt
PYTHONUNBUFFERED: the same as -u
PYTHONVERBOSE   : the same as -v
PYTHONWARNINGS  : the same as -W (comma-separated)
GILVM_STATS     : 1 prints the contention statistics at exit (as -X gilstats)
";

const XOPTIONS: &str = "\
The -X options of gilvm:
-X gil=[0|1]    : run with the GIL off (free-threaded build) or on; also PYTHON_GIL
-X gilstats     : at exit, print where threads waited: the GIL, object locks,
                  shared reference counts, stop-the-world pauses
-X trace=FILE.json: write a timeline of the run (Perfetto / chrome://tracing)
-X trace-ascii[=FROM_MS:TO_MS]: draw the timeline as text at exit
Any other -X option is kept in sys._xoptions.
";

/// The text for `which`.
pub fn text(prog: &str, which: Help) -> String {
    let usage = usage_line(prog);
    match which {
        Help::Usage => format!("{usage}\n{OPTIONS}"),
        Help::Env => ENV.to_string(),
        Help::XOptions => XOPTIONS.to_string(),
        Help::All => format!("{usage}\n{OPTIONS}\n{ENV}\n{XOPTIONS}"),
    }
}
