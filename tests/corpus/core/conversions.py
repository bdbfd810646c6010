# hex/bin/oct, int() with bases, float(), chr/ord, str().
for n in [0, 1, 10, 255, 256, -1, -255, 2 ** 40, -(2 ** 65)]:
    print(n, hex(n), bin(n), oct(n))

print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0), int('ff', base=16))
print(int('777', 8), int('0o777', 0), int('101', 2), int('0b101', 0), int('-101', 2))
print(int('z', 36), int('Zz', 36), int('10', 36), int('12', 3))
print(int(' 12 '), int('\t-12\n'), int('+0'), int('0'), int('00'), int('1_2_3'))
print(int(3.9), int(-3.9), int(1e3), int(True), int('123456789012345678901234567890'))
print(int(' 0x1F ', 16), int('1f', 16) == 0x1f)

print(float('1e3'), float('-1.5e-3'), float(' 3.25 '), float('0'), float(10))
print(float('inf'), float('-inf'), float('nan'), float('+1.0'))

print(chr(65), chr(97), chr(48), chr(32) + "|", chr(0x263A), chr(233), chr(0x1F600))
print(ord('A'), ord('a'), ord('0'), ord(' '), ord('\n'), ord('é'), ord('☺'), ord('😀'))
print(''.join(chr(ord(c) + 1) for c in "HAL"))
print([ord(c) for c in "Hi!"], [chr(i) for i in range(97, 102)])
print(chr(ord('a') + 25), ord(chr(1000)) == 1000)

print(str(42), str(-3.5), str(True), str(None), str(10 ** 25), str(0.1))
print(repr(42), repr("42"), repr(1.0), repr(None), repr(False))
print(bool(0), bool(1), bool("0"), bool(""), bool(0.0), bool([]))

# round-trip conversions
for s in ["0", "7", "-15", "1024", "99999999999999999999"]:
    n = int(s)
    print(s, n, str(n) == s, int(hex(n), 16) == n, int(bin(n), 2) == n, int(oct(n), 8) == n)

# building numbers from digits
digits = [3, 1, 4, 1, 5, 9, 2, 6]
num = 0
for d in digits:
    num = num * 10 + d
print(num, int("".join(str(d) for d in digits)) == num)
print(int(str(num)[::-1]))

# hex formatting helpers
print(hex(255)[2:].zfill(4), bin(5)[2:].zfill(8), oct(8)[2:])
