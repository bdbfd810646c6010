# f-strings: expressions, conversions, nested format specs.
name = "World"
n = 42
pi = 3.14159265
print(f"Hello, {name}!", f"{n}", f"{n + 1}", f"{n * 2}")
print(f"{name!r}", f"{name!s}", f"{'quoted'!r}", f"{n!r}", f"{[1, 'a']!s}", f"{chr(9)!r}")
print(f"{pi:.2f}", f"{pi:10.3f}|", f"{pi:<10.1f}|", f"{n:05d}", f"{n:x}", f"{n:#b}")
w, p = 12, 4
print(f"{pi:{w}.{p}f}|", f"{name:{w}}|", f"{name:>{w}}|", f"{name:^{w}}|", f"{n:{'0'}{w}d}")
fill, align = "*", "^"
print(f"{name:{fill}{align}{w}}", f"{'x':{fill}<{p}}")
print(f"{{braces}}", f"{{{n}}}", f"{n}{{}}")
print(f"{'nested ' + name.upper()}", f"{len(name)}", f"{name[::-1]}", f"{name[0]}")
print(f"{3 if n > 10 else 4}", f"{[i * i for i in range(4)]}", f"{ {'k': n} }")
print(f"{1e16}", f"{0.1 + 0.2}", f"{None}", f"{True}", f"{-0.0}", f"{2 ** 70}")
items = {"apple": 1.5, "banana": 0.25}
for k, v in items.items():
    print(f"{k:<10}|{v:>8.2f}|{v:8.1%}|")
print(f"{'left':<8}|{'right':>8}|{'center':^8}|")
print(f"{1234567.891:,.2f}", f"{1234567:_}", f"{-5:+}", f"{5:+}", f"{5: }", f"{-5: }")
x = 10
print(f"{x:>{x}}", f"{x!r:>{x // 2}}", f"{'é':>3}|")
multi = (f"part one {n} "
         f"part two {name}")
print(multi)
print(f'single {name!r} quotes', f"""triple {n}""")
val = 255
print(f"{val:#x} {val:#o} {val:#b} {val:X} {val:08b} {val:e} {val:g}")
def fmt(v, width, prec):
    return f"[{v:{width}.{prec}f}]"
print(fmt(2.5, 8, 3), fmt(-1 / 3, 10, 5), fmt(100, 1, 0))
