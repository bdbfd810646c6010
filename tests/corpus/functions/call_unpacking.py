# * and ** unpacking in calls.
def f(a, b, c, d=0):
    return f"a={a} b={b} c={c} d={d}"

args = [1, 2, 3]
print(f(*args))
print(f(*args, 4))
print(f(0, *[1, 2]))
print(f(*(1,), *[2], *range(3, 4)))
print(f(*"xyz"))
kwargs = {"c": 30, "d": 40}
print(f(1, 2, **kwargs))
print(f(**{"a": "A", "b": "B", "c": "C"}))
print(f(1, *[2], **{"c": 3}, d=4))
print(f(*[1, 2], c=3, **{"d": 4}))
print(f(**{"a": 1}, **{"b": 2}, c=3))

# unpacking iterables of different kinds
print(f(*{10: "x", 20: "y", 30: "z"}))
print(f(*(n * n for n in range(3))))
print(max(*[3, 1, 2]), min(*"hello"), print(*[], sep="?") is None)
print(*["a", "b"], *("c",), sep="")
print(*range(5))

# duplicate keyword is an error
try:
    f(1, 2, 3, **{"a": 9})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*[1, 2, 3, 4, 5])
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{"zz": 1})
except TypeError as e:
    print("TypeError:", e)

# forwarding with unpacking
def collect(*args, **kwargs):
    return args, kwargs

print(collect(*[1, 2], *[3], x=1, **{"y": 2}))
print(collect(**dict(zip("abc", range(3)))))

# zip-transpose idiom
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)))
print([list(row) for row in zip(*zip(*matrix))])

# dict merge via ** in a call to dict
defaults = {"color": "red", "size": 1}
overrides = {"size": 5}
print(dict(**defaults, shape="round"), dict(defaults, **overrides), {**defaults, **overrides})
