# Decorators: plain, with arguments, stacked.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper

@shout
def greet(name):
    return "hello " + name

print(greet("world"))

def trace(fn):
    def wrapper(*args, **kwargs):
        print("  call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("  return", result)
        return result
    wrapper.__name__ = fn.__name__
    return wrapper

@trace
def add(a, b=0):
    return a + b

add(1, 2)
add(5, b=6)
print(add.__name__)

# decorator with arguments
def repeat(times):
    def decorator(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorator

@repeat(3)
def roll(x):
    return x * 2

print(roll(4))

def prefix(tag, sep=": "):
    def deco(fn):
        def inner(msg):
            return tag + sep + fn(msg)
        return inner
    return deco

@prefix("INFO")
def info(msg):
    return msg

@prefix("WARN", sep=" - ")
def warn(msg):
    return msg.upper()

print(info("started"), "|", warn("disk low"))

# stacked decorators apply bottom-up
def bold(fn):
    return lambda: "<b>" + fn() + "</b>"

def italic(fn):
    return lambda: "<i>" + fn() + "</i>"

@bold
@italic
def text():
    return "hi"

print(text())

@italic
@bold
@shout
def other():
    return "stacked"

print(other())

# decorator that registers functions
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco

@register("double")
def double(x):
    return 2 * x

@register("negate")
def negate(x):
    return -x

print(sorted(registry), [registry[k](7) for k in sorted(registry)], double(3))

# decorator counting calls with state in a closure
def counted(fn):
    count = 0
    def wrapper(*a):
        nonlocal count
        count += 1
        return fn(*a), count
    return wrapper

@counted
def ident(x):
    return x

print(ident("a"), ident("b"), ident("c"))

# decorator applied manually is equivalent
def plain(x):
    return x + 1
manual = shout(lambda: "manual")
print(manual(), trace(plain)(1))
