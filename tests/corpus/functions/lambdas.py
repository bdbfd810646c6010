# Lambda expressions.
square = lambda x: x * x
add = lambda a, b=10: a + b
const = lambda: "constant"
varargs = lambda *a, **k: (a, k)
print(square(7), add(1), add(1, 2), const(), varargs(1, 2, x=3))
print((lambda x, y: x * y)(6, 7), (lambda: None)(), (lambda *a: len(a))(1, 2, 3))
print(square.__name__, (lambda: 0).__name__)

pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: (-p[0], p[1])))
print(list(map(lambda x: x * 2, range(5))))
print(list(filter(lambda x: x % 3 == 0, range(10))))
print(max(["apple", "fig", "banana"], key=lambda s: len(s)), min(pairs, key=lambda p: p[0]))

# lambdas returning lambdas
adder = lambda n: lambda x: x + n
print(adder(3)(4), adder(-1)(1))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))

# conditional expression inside lambda
sign = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print([sign(n) for n in (-3, 0, 8)])

# lambda in a dict dispatch table
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "//": lambda a, b: a // b,
}
for op in ops:
    print(12, op, 5, "=", ops[op](12, 5))

# keyword-only and defaults in lambdas
kw = lambda a, *, b=2: a ** b
print(kw(3), kw(3, b=3))

# immediately applied lambda with closure over loop variable
results = [(lambda v: v * 10)(i) for i in range(4)]
print(results)

# recursion through a name binding
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(20))

# sort stability with lambda keys
words = ["bb", "a", "ccc", "dd", "e", "fff"]
print(sorted(words, key=lambda w: len(w)), sorted(words, key=lambda w: -len(w)))
