# The Lib's trace module on sys.settrace's line events: --trace output (each line as it
# runs) and --count counts (lines and how often they ran), as `python -m trace` makes them.
import sys
import trace


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def classify(xs):
    out = []
    for x in xs:
        if x % 2:
            out.append("odd")
        else:
            out.append("even")
    return out


t = trace.Trace(count=0, trace=1, countfuncs=0, ignoredirs=[sys.prefix, sys.exec_prefix])
print(t.runfunc(fib, 3))

c = trace.Trace(count=1, trace=0)
print(c.runfunc(classify, [1, 2, 3]))
counts = c.results().counts
mine = sorted((line, n) for (fname, line), n in counts.items() if fname == __file__)
for line, n in mine:
    print(f"line {line}: {n}")

f = trace.Trace(count=0, trace=0, countfuncs=1)
f.runfunc(classify, [4])
print(sorted(name for (_, _, name) in f.results().calledfuncs))
