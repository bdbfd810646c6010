"""A small stand-in for the `pyperf` module, so that pyperformance's benchmark scripts
(`run_benchmark.py`) run unchanged on gilvm, CPython and any other interpreter without
pyperf's worker processes, its JSON files or its dependencies.

What the scripts use of pyperf is provided with the same names: `Runner` with `metadata`,
`argparser.add_argument`, `parse_args`, `bench_func`, `bench_time_func`, `bench_async_func`
(the coroutine run by `asyncio.run`) and `bench_command` (a command run as a child process,
timed from start to exit), `perf_counter` and `python_implementation`. A benchmark runs `GILVM_PYPERF_WARMUPS` untimed calls (default 1), then
`GILVM_PYPERF_LOOPS` timed calls (default 1) in this one process, and prints

    ELAPSED <seconds per call>

which `gilvm-compare --suite pyperformance` reads (the start-up of the interpreter and the
import of the benchmark are not in the figure, as with pyperf). Each process is one sample;
the comparison takes the median over several processes.
"""
import os
import sys
import time

perf_counter = time.perf_counter


def _env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


def python_implementation():
    """`sys.implementation.name` ('cpython', 'gilvm', ...), as pyperf gives it."""
    return sys.implementation.name


class _Namespace:
    def __repr__(self):
        return "Namespace(%s)" % ", ".join(
            "%s=%r" % kv for kv in sorted(self.__dict__.items()))


class _Option:
    def __init__(self, names, kwargs):
        self.names = names
        # argparse's rule: the first long option names the attribute, else the first one.
        longs = [n for n in names if n.startswith("--")]
        self.dest = kwargs.get("dest") or (longs or names)[0].lstrip("-").replace("-", "_")
        self.type = kwargs.get("type")
        self.default = kwargs.get("default")
        self.choices = kwargs.get("choices")
        self.action = kwargs.get("action")


class _ArgParser:
    """Options of the form --name=value, --name value and store_true flags; what the
    pyperformance scripts declare. Unknown options are an error, as with argparse."""

    def __init__(self):
        self._options = []

    def add_argument(self, *names, **kwargs):
        self._options.append(_Option(names, kwargs))

    def _find(self, name):
        for opt in self._options:
            if name in opt.names:
                return opt
        raise SystemExit("pyperf stand-in: unknown option %s" % name)

    def parse_args(self, argv):
        ns = _Namespace()
        for opt in self._options:
            setattr(ns, opt.dest, False if opt.action == "store_true" else opt.default)
        # Positional arguments (async_tree's benchmark name) fill the options whose name
        # has no dash, in order.
        positional = [o for o in self._options if not o.names[0].startswith("-")]
        i = 0
        while i < len(argv):
            arg = argv[i]
            if not arg.startswith("-"):
                if not positional:
                    raise SystemExit("pyperf stand-in: unexpected argument %s" % arg)
                opt = positional.pop(0)
                if opt.choices is not None and arg not in opt.choices:
                    raise SystemExit("pyperf stand-in: invalid choice %r" % arg)
                setattr(ns, opt.dest, arg if opt.type is None else opt.type(arg))
                i += 1
                continue
            name, eq, value = arg.partition("=")
            opt = self._find(name)
            if opt.action == "store_true":
                setattr(ns, opt.dest, True)
                i += 1
                continue
            if not eq:
                i += 1
                if i >= len(argv):
                    raise SystemExit("pyperf stand-in: %s needs a value" % name)
                value = argv[i]
            if opt.type is not None:
                value = opt.type(value)
            if opt.choices is not None and value not in opt.choices:
                raise SystemExit("pyperf stand-in: %s: invalid choice %r" % (name, value))
            setattr(ns, opt.dest, value)
            i += 1
        return ns


class Runner:
    def __init__(self, *args, add_cmdline_args=None, **kwargs):
        self.metadata = {}
        self.argparser = _ArgParser()
        self.args = None
        self.loops = _env_int("GILVM_PYPERF_LOOPS", 1)
        self.warmups = _env_int("GILVM_PYPERF_WARMUPS", 1)

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(sys.argv[1:] if args is None else args)
        return self.args

    def _report(self, name, seconds, calls):
        print("ELAPSED %.9f" % (seconds / calls))
        sys.stdout.flush()

    def bench_func(self, name, func, *args, inner_loops=None, **kwargs):
        self.parse_args()
        for _ in range(self.warmups):
            func(*args)
        t0 = perf_counter()
        for _ in range(self.loops):
            func(*args)
        dt = perf_counter() - t0
        self._report(name, dt, self.loops * (inner_loops or 1))

    def bench_time_func(self, name, time_func, *args, inner_loops=None, **kwargs):
        self.parse_args()
        if self.warmups:
            time_func(self.warmups, *args)
        dt = time_func(self.loops, *args)
        self._report(name, dt, self.loops * (inner_loops or 1))

    def bench_async_func(self, name, func, *args, inner_loops=None, **kwargs):
        import asyncio
        self.parse_args()

        async def timed(n):
            t0 = perf_counter()
            for _ in range(n):
                await func(*args)
            return perf_counter() - t0

        if self.warmups:
            asyncio.run(timed(self.warmups))
        dt = asyncio.run(timed(self.loops))
        self._report(name, dt, self.loops * (inner_loops or 1))

    def bench_command(self, name, command):
        import subprocess
        self.parse_args()
        for _ in range(self.warmups):
            subprocess.run(command, check=True)
        t0 = perf_counter()
        for _ in range(self.loops):
            subprocess.run(command, check=True)
        self._report(name, perf_counter() - t0, self.loops)
