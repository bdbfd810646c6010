# Float literals and their repr / str.
print(0.1 + 0.2)
print(0.1, 0.2, 0.3, 0.5, 1.5)
print(1e16, 1e15, 123456789012345678.0)
print(1e-5, 1e-4, 0.0001, 0.00001)
print(-0.0, 0.0, -0.0 == 0.0)
print(float('inf'), float('-inf'), -float('inf'))
print(float('nan'), float('nan') == float('nan'))
print(1.0, 2.0, 100.0, -3.0)
print(1 / 3, 2 / 3, 10 / 3)
print(1e22, 1e21, 1e20, 1e23)
print(1.5e300 * 1.5e300)
print(5e-324, 2.2250738585072014e-308)
print(1.7976931348623157e308)
print(3.14159, 2.718281828459045)
print(123.456, -0.001, 1.0e10, 12345678.9)
print(repr(1.1), str(2.2), repr(-0.5))
print([0.1, 0.25, 1e100, -1e-100])

# float from strings
print(float('1e3'), float('  2.5 '), float('-7'), float('inf'), float('-Infinity'))
print(float('1_000.5'), float('.5'), float('5.'), float('1E-3'))
print(float(3), float(-0), float(True))

# arithmetic results
print(0.1 * 3, 0.3 / 0.1, 1.1 + 2.2, 3.3 - 1.1)
print(2.0 ** 0.5, 10.0 ** -2, 2 ** 0.5)
print(7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2)
print(1e308 * 10, -1e308 * 10)
print(float('inf') - float('inf'))
print(0.1 + 0.7, 4.35 * 100, 1.15 * 100)

# int <-> float conversions
print(int(2.5), int(-2.5), int(1e10), int(1e20))
print(float(2 ** 53), float(2 ** 53 + 1), float(10 ** 20))
print(2 ** 53 == float(2 ** 53), 2 ** 53 + 1 == float(2 ** 53 + 1))

# is_integer and comparisons
print((3.0).is_integer(), (3.5).is_integer())
print(1.0 == 1, 0.5 < 1, 2 > 1.5)
