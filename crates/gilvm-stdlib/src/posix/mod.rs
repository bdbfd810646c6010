//! The `posix` module: what CPython's `Modules/posixmodule.c` gives the Lib's `os.py`,
//! `posixpath`, `shutil`, `tempfile`, `glob`, `pathlib`, `subprocess` and `platform`.
//!
//! **Shape.** One file per area: `args.rs` (argument binding, C ints and `path_t`),
//! `error.rs` (the errno-selected `OSError` subclasses with `filename`/`filename2`),
//! `stat.rs` (the stat family and `os.stat_result`), `dir.rs` (`listdir`, `scandir`,
//! `DirEntry`), `fd.rs` (descriptor operations), `fs.rs` (path operations), `process.rs`
//! (ids, fork/exec/wait, the wait-status macros), `misc.rs` (the environment, `uname`,
//! `urandom`, …). Struct sequences come from `crate::structseq`.
//!
//! **Invariants.** Paths go to the system as bytes: a `str` is encoded as UTF-8, the
//! file-system encoding (names that are not UTF-8 come back with U+FFFD: gilvm's `str`
//! cannot hold `surrogateescape`'s lone surrogates); `bytes` in gives `bytes` out. Every
//! call that may block (`open`, `read`, `write`, `waitpid`, `stat`, directory reads, …)
//! runs detached from the interpreter (the GIL released), and a call interrupted by a
//! signal runs the handlers and is retried (PEP 475). Descriptors that `posix` creates
//! are non-inheritable (PEP 446). No state is kept here besides immortal type objects.
pub(crate) mod args;
mod dir;
pub(crate) mod error;
pub(crate) mod fd;
mod fs;
mod misc;
mod process;
mod stat;

use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Interp, NativeFn, PyResult};

pub(crate) use args::{bytes_of, fspath_opt};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat::stat),
    ("lstat", stat::lstat),
    ("fstat", stat::fstat),
    ("listdir", dir::listdir),
    ("scandir", dir::scandir),
    ("open", fd::open),
    ("close", fd::close),
    ("closerange", fd::closerange),
    ("read", fd::read),
    ("readinto", fd::readinto),
    ("write", fd::write),
    ("lseek", fd::lseek),
    ("pipe", fd::pipe),
    ("openpty", fd::openpty),
    ("pipe2", fd::pipe2),
    ("dup", fd::dup),
    ("dup2", fd::dup2),
    ("get_inheritable", fd::get_inheritable),
    ("set_inheritable", fd::set_inheritable),
    ("get_blocking", fd::get_blocking),
    ("set_blocking", fd::set_blocking),
    ("fsync", fd::fsync),
    ("fdatasync", fd::fdatasync),
    ("ftruncate", fd::ftruncate),
    ("truncate", fd::truncate),
    ("isatty", fd::isatty),
    ("ttyname", fd::ttyname),
    ("device_encoding", fd::device_encoding),
    ("_is_inputhook_installed", misc::is_inputhook_installed),
    ("_inputhook", misc::inputhook),
    ("get_terminal_size", fd::get_terminal_size),
    ("mkdir", fs::mkdir),
    ("rmdir", fs::rmdir),
    ("unlink", fs::unlink),
    ("remove", fs::remove),
    ("rename", fs::rename),
    ("replace", fs::replace),
    ("link", fs::link),
    ("symlink", fs::symlink),
    ("readlink", fs::readlink),
    ("chmod", fs::chmod),
    ("fchmod", fs::fchmod),
    ("chown", fs::chown),
    ("lchown", fs::lchown),
    ("utime", fs::utime),
    ("access", fs::access),
    ("chdir", fs::chdir),
    ("fchdir", fs::fchdir),
    ("getcwd", fs::getcwd),
    ("getcwdb", fs::getcwdb),
    ("mkfifo", fs::mkfifo),
    ("fspath", fs::fspath),
    ("getpid", process::getpid),
    ("getppid", process::getppid),
    ("getuid", process::getuid),
    ("geteuid", process::geteuid),
    ("getgid", process::getgid),
    ("getegid", process::getegid),
    ("getpgrp", process::getpgrp),
    ("getpgid", process::getpgid),
    ("getsid", process::getsid),
    ("setsid", process::setsid),
    ("setpgid", process::setpgid),
    ("getgroups", process::getgroups),
    ("getlogin", process::getlogin),
    ("kill", process::kill),
    ("killpg", process::killpg),
    ("_exit", process::exit_now),
    ("abort", process::abort),
    ("fork", process::fork),
    ("register_at_fork", process::register_at_fork),
    ("execv", process::execv),
    ("execve", process::execve),
    ("waitpid", process::waitpid),
    ("wait", process::wait),
    ("WIFEXITED", process::wifexited),
    ("WEXITSTATUS", process::wexitstatus),
    ("WIFSIGNALED", process::wifsignaled),
    ("WTERMSIG", process::wtermsig),
    ("WIFSTOPPED", process::wifstopped),
    ("WSTOPSIG", process::wstopsig),
    ("WCOREDUMP", process::wcoredump),
    ("WIFCONTINUED", process::wifcontinued),
    ("waitstatus_to_exitcode", process::waitstatus_to_exitcode),
    ("system", process::system),
    ("umask", process::umask),
    ("nice", process::nice),
    ("sched_yield", process::sched_yield),
    ("times", process::times),
    ("_create_environ", misc::create_environ),
    ("putenv", misc::putenv),
    ("unsetenv", misc::unsetenv),
    ("uname", misc::uname),
    ("urandom", misc::urandom),
    ("cpu_count", misc::cpu_count),
    ("strerror", misc::strerror),
    ("getloadavg", misc::getloadavg),
    ("sysconf", misc::sysconf),
];

/// The `HAVE_*` capabilities os.py turns into `supports_dir_fd`, `supports_fd` and
/// `supports_follow_symlinks` (each is implemented here with the `*at` call).
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FEXECVE",
    "HAVE_FSTATAT",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LCHOWN",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

/// Integer constants (Linux values, from the `libc` crate).
const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_FSYNC", libc::O_FSYNC as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_LARGEFILE", libc::O_LARGEFILE as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("WEXITED", libc::WEXITED as i64),
    ("WSTOPPED", libc::WSTOPPED as i64),
    ("WNOWAIT", libc::WNOWAIT as i64),
    ("P_PID", libc::P_PID as i64),
    ("P_PGID", libc::P_PGID as i64),
    ("P_ALL", libc::P_ALL as i64),
    ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
    ("PRIO_PGRP", libc::PRIO_PGRP as i64),
    ("PRIO_USER", libc::PRIO_USER as i64),
    ("F_LOCK", libc::F_LOCK as i64),
    ("F_TLOCK", libc::F_TLOCK as i64),
    ("F_ULOCK", libc::F_ULOCK as i64),
    ("F_TEST", libc::F_TEST as i64),
    ("SCHED_OTHER", libc::SCHED_OTHER as i64),
    ("SCHED_FIFO", libc::SCHED_FIFO as i64),
    ("SCHED_RR", libc::SCHED_RR as i64),
    ("SCHED_BATCH", libc::SCHED_BATCH as i64),
    ("SCHED_IDLE", libc::SCHED_IDLE as i64),
    ("RTLD_LAZY", libc::RTLD_LAZY as i64),
    ("RTLD_NOW", libc::RTLD_NOW as i64),
    ("RTLD_GLOBAL", libc::RTLD_GLOBAL as i64),
    ("RTLD_LOCAL", libc::RTLD_LOCAL as i64),
    ("RTLD_NODELETE", libc::RTLD_NODELETE as i64),
    ("RTLD_NOLOAD", libc::RTLD_NOLOAD as i64),
    ("RTLD_DEEPBIND", libc::RTLD_DEEPBIND as i64),
    ("CLD_EXITED", libc::CLD_EXITED as i64),
    ("CLD_KILLED", libc::CLD_KILLED as i64),
    ("CLD_DUMPED", libc::CLD_DUMPED as i64),
    ("CLD_TRAPPED", libc::CLD_TRAPPED as i64),
    ("CLD_STOPPED", libc::CLD_STOPPED as i64),
    ("CLD_CONTINUED", libc::CLD_CONTINUED as i64),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
    ("GRND_NONBLOCK", libc::GRND_NONBLOCK as i64),
    ("GRND_RANDOM", libc::GRND_RANDOM as i64),
    ("ST_RDONLY", libc::ST_RDONLY as i64),
    ("ST_NOSUID", libc::ST_NOSUID as i64),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
];

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    for (n, f) in FUNCTIONS {
        interp.add_function(m, n, *f);
    }
    for (n, v) in CONSTANTS {
        interp.add_value(m, n, Value::Int(*v));
    }
    let have = HAVE_FUNCTIONS.iter().map(|h| interp.new_str(*h)).collect();
    let have = interp.new_list(have);
    interp.add_value(m, "_have_functions", have);
    let env = misc::environ_dict(interp)?;
    interp.add_value(m, "environ", Value::Obj(env));
    let e = Value::Obj(interp.g.exc.os_error.clone());
    interp.add_value(m, "error", e);
    let names = interp.new_dict_obj();
    for (n, c) in misc::SYSCONF_NAMES {
        let k = interp.new_str(*n);
        interp.dict_set(&names, k, Value::Int(*c as i64))?;
    }
    interp.add_value(m, "sysconf_names", Value::Obj(names));
    let t = stat::stat_result_type(interp)?;
    interp.add_value(m, "stat_result", Value::Obj(t));
    let t = dir::dir_entry_type(interp)?;
    interp.add_value(m, "DirEntry", Value::Obj(t));
    let t = fd::terminal_size_type(interp)?;
    interp.add_value(m, "terminal_size", Value::Obj(t));
    let t = process::times_result_type(interp)?;
    interp.add_value(m, "times_result", Value::Obj(t));
    Ok(())
}
