# Comprehensions, generator expressions and lambdas inside annotations compile (they are
# scopes of their own); the annotated assignments still bind their values.
x: sum(1 for c in "ab") = 1
print(x)
y: [i * 2 for i in range(3)] = "list comprehension"
print(y)
z: {k: v for k, v in [(1, 2)]} = "dict comprehension"
print(z)
w: (lambda: 0) = "lambda"
print(w)


class C:
    a: sum(1 for c in "abc") = 3
    b: {n for n in range(2)} = 4


print(C.a, C.b)


def f(p: sum(1 for c in "x") = 5, *args: [a for a in ()], **kw: (lambda: 1)) -> [r for r in "r"]:
    q: [i for i in undefined_name] = p
    return q


print(f())
print(f(6))


def outer():
    n = 2

    def inner(v: [n for _ in range(n)] = 7):
        return v

    return inner()


print(outer())
