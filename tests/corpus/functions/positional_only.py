# Positional-only parameters (/).
def pos_only(a, b, /):
    return a - b

print(pos_only(10, 3))
try:
    pos_only(a=10, b=3)
except TypeError as e:
    print("TypeError:", e)

def mixed(a, /, b, *, c):
    return (a, b, c)

print(mixed(1, 2, c=3), mixed(1, b=2, c=3))
try:
    mixed(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    mixed(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)

# positional-only names can be reused in **kwargs
def flexible(name, /, **kwargs):
    return name, kwargs

print(flexible("pos", name="kw", other=1))

def with_defaults(a, b=2, /, c=3, *, d=4):
    return a + b + c + d

print(with_defaults(1), with_defaults(1, 10), with_defaults(1, 10, 100), with_defaults(1, c=0, d=0))
try:
    with_defaults(1, b=5)
except TypeError as e:
    print("TypeError:", e)

# builtins with positional-only arguments
print(divmod(7, 2), pow(2, 5), abs(-3), len("four"))

# a small API using / and *
def clamp(value, /, low=0, high=10, *, strict=False):
    if strict and not (low <= value <= high):
        raise ValueError(f"{value} outside [{low}, {high}]")
    return max(low, min(high, value))

print(clamp(15), clamp(-5), clamp(5, 1, 3), clamp(5, high=4), clamp(7, low=8))
try:
    clamp(20, strict=True)
except ValueError as e:
    print("ValueError:", e)
try:
    clamp(value=3)
except TypeError as e:
    print("TypeError:", e)
