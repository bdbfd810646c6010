# Bitwise operations and shifts on small, big and negative ints.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~b)
print(a << 2, a >> 2, 1 << 10, 1024 >> 3)
print(-1 & 0xFF, -1 | 0, -1 ^ 0xF, ~-1, ~0)
print(-16 >> 2, -17 >> 2, -1 >> 100, 5 >> 100)
print(-5 & 3, -5 | 3, -5 ^ 3)

big = 2 ** 100 + 12345
print(big & 0xFFFF, big | 1, big ^ big, big >> 90, big << 10)
print(1 << 100, (1 << 100) >> 100, (1 << 200) >> 199)
print(~big, -big & 0xFFFFFFFF, -big >> 50)
print((2 ** 128 - 1) & (2 ** 64 - 1) == 2 ** 64 - 1)
print((2 ** 128 - 1) ^ (2 ** 64 - 1))
print((2 ** 80) | (2 ** 40), (2 ** 80 + 2 ** 40) & (2 ** 40))
print(-(2 ** 100) >> 3, -(2 ** 100) >> 101)
print(-(2 ** 70) & (2 ** 72 - 1))
print(-(2 ** 70) | 5, -(2 ** 70) ^ -(2 ** 69))
print(12345678901234567890 & -12345678901234567890)

# shifts by large amounts
print(1 << 64, 3 << 65, -3 << 65)
print((1 << 1000) >> 998)

# bit_length / counting bits
for n in [0, 1, 2, 255, 256, -1, -256, 2 ** 64]:
    print(n, n.bit_length(), bin(n).count("1"))

# masks and popcount in a loop
mask = 0
for i in range(0, 130, 13):
    mask |= 1 << i
print(mask, bin(mask))
count = 0
m = mask
while m:
    m &= m - 1
    count += 1
print("bits set:", count)

# xor swap
p, q = 2 ** 90, 77
p ^= q
q ^= p
p ^= q
print(p, q)

# bools in bitwise ops
print(True & False, True | False, True ^ True, type(True & True).__name__, ~True)
