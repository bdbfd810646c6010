# Floor division and modulo sign rules.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 5), (-1, 5)]
for a, b in pairs:
    print(a, b, "->", a // b, a % b, divmod(a, b), a // b * b + a % b == a)

print("floats")
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (7, 0.5), (-1, 3.0), (0.0, -3)]
for a, b in fpairs:
    print(a, b, "->", a // b, a % b, divmod(a, b))

print("big")
B = 10 ** 20 + 3
for a, b in [(B, 7), (-B, 7), (B, -7), (-B, -7), (7, B), (-7, B), (7, -B), (-7, -B)]:
    q, r = divmod(a, b)
    print(q, r, a // b == q, a % b == r, q * b + r == a)

print("big by big")
C = 3 ** 50
for a, b in [(B * C + 1, C), (-(B * C) - 1, C), (B * C + 1, -C)]:
    print(a // b, a % b)

print("mixed signs of zero result")
print(-0 // 5, 0 % -5, -5 % 5, 5 % -5)
print(-0.0 // 1, 0.0 % -1, -1.0 % 1)
print(-3 % 3.0, 3 % -3.0)

print("true division")
print(7 / 2, -7 / 2, 7 / -2, 1 / 4, -1 / 4)
print(10 ** 20 / 10 ** 18, (10 ** 20 + 1) / 10)
print(6 / 3, type(6 / 3).__name__)

print("modulo used as cycle")
for i in range(-5, 6):
    print(i % 3, end=" ")
print()
for i in range(-5, 6):
    print(i // 3, end=" ")
print()
