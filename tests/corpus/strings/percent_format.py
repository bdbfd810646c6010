# printf-style % formatting.
pi = 3.14159265
print("%5.2f|%-5s|%r|%d|%05d|%x|%%" % (pi, "ab", "ab", 42, 42, 255))
print("%s and %s" % ("this", "that"), "%d%%" % 50, "%s" % "single", "%s" % (1,))
print("%d %i %u" % (3.99, -7, 12), "%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8))
print("%e|%E|%.2e|%g|%G|%.3g" % (12345.678, 0.000123, 1e10, 0.00001234, 1e20, 3.14159))
print("%f|%.0f|%.1f|%10.3f|%-10.3f|%+.2f|% .2f" % (2.5, 2.5, 0.05, pi, pi, pi, pi))
print("%5d|%-5d|%+d|% d|%05d|%-05d|%5s|%-5s|" % (42, 42, 42, 42, -42, 42, "x", "x"))
print("%.3s|%10.2s|%-6.4s|" % ("abcdef", "abcdef", "abcdef"))
print("%c%c%c" % (72, "i", 33), "%s" % None, "%s %s" % (True, False), "%d" % True)
print("%r %r %r" % ("it's", 'a"b', "tab\t"), "%s" % [1, "two", (3,)], "%r" % {"k": "v"})
print("%(name)s is %(age)d years, %(name)r" % {"name": "Ann", "age": 40})
print("%(x)5.1f|%(y)-4s|" % {"x": 2.25, "y": "ok"})
print("%*d|%-*d|%.*f" % (6, 7, 6, 7, 2, 1.23456))
print("%s" % 2 ** 70, "%d" % 2 ** 70, "%x" % 2 ** 70, "%20d|" % -(2 ** 64))
print("%.2f %.2f %.2f %.2f" % (0.125, 0.375, 2.675, 1e-7))
print("%s" % 0.1, "%r" % 0.30000000000000004, "%s" % 1e16, "%s" % -0.0)
print("%f %e %g" % (float("inf"), float("-inf"), float("nan")))
print("%5s|%-8r|" % ((1, 2), [3]))

# building lines of a report
items = [("widget", 4, 3.5), ("gadget", 10, 12.25), ("doohickey", 1, 100.0)]
for name, qty, price in items:
    print("%-10s x%3d @ %7.2f = %8.2f" % (name, qty, price, qty * price))
total = sum(q * p for _, q, p in items)
print("%-10s %22.2f" % ("TOTAL", total))

# % with a single non-tuple value and tuple needing wrapping
value = (1, 2)
print("value: %s" % (value,))
print("%s-%s" % value)
msg = "%s"
print(msg % "plain", (msg * 3) % (1, 2, 3))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
