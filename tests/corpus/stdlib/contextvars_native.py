# _contextvars (the C module under the Lib's contextvars.py): ContextVar, Token, Context,
# copy_context, per-thread current contexts.
import _contextvars as cv
import threading

v = cv.ContextVar("v", default=1)
w = cv.ContextVar("w")
print(v.name, w.name, type(v).__name__, type(v).__module__)
print(v.get(), v.get(5), w.get("fallback"))
try:
    w.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0] is w)

t = v.set(2)
print(v.get(), t.var is v, t.old_value is cv.Token.MISSING, repr(cv.Token.MISSING))
t2 = v.set(3)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
try:
    v.reset(t2)
except RuntimeError as e:
    print("RuntimeError", str(e).endswith("has already been used once"), "used" in repr(t2))
v.reset(t)
print(v.get())
t3 = w.set("x")
try:
    v.reset(t3)
except ValueError as e:
    print("ValueError", str(e).endswith("was created by a different ContextVar"))
w.reset(t3)

# Token as a context manager (3.14)
with v.set(10) as tok:
    print("inside", v.get(), tok.old_value)
print("outside", v.get())

# Contexts
ctx = cv.copy_context()
print(type(ctx).__name__, len(ctx), v in ctx, list(ctx.keys()) == [], ctx.get(v, "none"))
v.set(7)
print(v.get(), v in ctx, len(cv.copy_context()))


def in_ctx(a, b=0):
    v.set(a + b)
    return v.get(), len(cv.copy_context())


print(ctx.run(in_ctx, 100, b=1), v.get(), ctx[v], len(ctx))
print([k.name for k in ctx], [x for x in ctx.values()], [(k.name, x) for k, x in ctx.items()])
c2 = ctx.copy()
print(c2 == ctx, c2 is ctx, cv.Context() == cv.Context(), len(cv.Context()))
c2.run(v.set, 5)
print(c2[v], ctx[v])
try:
    ctx[w]
except KeyError as e:
    print("KeyError", e.args[0] is w)
try:
    ctx["v"]
except TypeError as e:
    print("TypeError:", e)


def reenter():
    ctx.run(lambda: None)


try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("cannot enter context:"), str(e).endswith("is already entered"))
tok = ctx.run(v.set, 42)
try:
    v.reset(tok)
except ValueError as e:
    print("ValueError", str(e).endswith("was created in a different Context"))

# Errors of the constructors
for call in (lambda: cv.ContextVar(1), lambda: cv.ContextVar("a", "b"), cv.Token,
             lambda: cv.Context(1), lambda: v.set()):
    try:
        call()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__ + ":", e)

# Each thread has its own current context (here an empty one given to each thread).
v.set("main")
seen = []


def th(n):
    seen.append(v.get())
    v.set(n)
    seen.append(v.get())


ts = [threading.Thread(target=th, args=(i,), context=cv.Context()) for i in range(3)]
for t in ts:
    t.start()
    t.join()
print(seen, v.get())
