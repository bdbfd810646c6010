# and / or / not, short-circuiting, truthiness and conditional expressions.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or 0)
print([] and "x", [0] and "x", "a" or "b", 0 or [] or {} or "last")
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0.0 or None)
print(not 0, not 1, not "", not "a", not None, not [], not [0])

# truthiness of many values
values = [0, 1, -1, 0.0, 0.5, "", " ", [], [0], (), (0,), {}, {0: 0}, None, True, False, range(0), range(1)]
for val in values:
    print(repr(val), bool(val), "yes" if val else "no")

# short-circuit: right side not evaluated
log = []
def t(name, result):
    log.append(name)
    return result

print(t("a", False) and t("b", True))
print(log)
log.clear()
print(t("a", True) or t("b", True))
print(log)
log.clear()
print(t("a", True) and t("b", 0) and t("c", 1))
print(log)
log.clear()
print(t("a", 0) or t("b", "") or t("c", "found"))
print(log)

# conditional expressions
for n in range(-2, 3):
    kind = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, kind)
x = 10
print("big" if x > 5 else "small", ("even" if x % 2 == 0 else "odd"))
print([("F" if i % 3 == 0 else "") + ("B" if i % 5 == 0 else "") or str(i) for i in range(1, 16)])

# conditional expression is lazy too
log.clear()
r = t("then", 1) if t("cond", False) else t("else", 2)
print(r, log)

# precedence: not binds weaker than comparisons, and binds tighter than or
print(not 1 == 2, True or False and False, (True or False) and False)
print(1 or 0 and 0, (1 or 0) and 0)

# all / any built on truthiness
print(all([1, "a", [1]]), all([1, "", 2]), any([0, "", None]), any([0, "x"]))

# boolean operators with comparison chains
a, b, c = 1, 2, 3
print(a < b and b < c, a > b or b > c, not (a < b) or c == 3)
