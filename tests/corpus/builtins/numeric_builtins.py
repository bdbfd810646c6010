# round, divmod, pow, abs, chr, ord, hex, bin, oct as builtins.
print(round(3.14159), round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(1234, -2), round(-7.5))
print(round(0.5), round(1.5), round(2.675, 2), round(10, 1), type(round(10.4)).__name__)
print(divmod(20, 6), divmod(-20, 6), divmod(20, -6), divmod(20.5, 6), divmod(2 ** 70, 10 ** 9))
print(pow(2, 8), pow(2, -2), pow(2.5, 2), pow(-2, 3), pow(7, 2, 10), pow(3, 1000, 7), pow(4, -1, 7))
print(abs(-7), abs(7), abs(-7.25), abs(0.0), abs(-(10 ** 20)), abs(False))
print(chr(65), chr(122), chr(8364), chr(0x1F40D), ord("A"), ord("z"), ord("€"), ord("\t"))
print(hex(0), hex(255), hex(-255), hex(2 ** 64), bin(0), bin(10), bin(-10), oct(0), oct(64), oct(-64))
print(int(hex(12345), 16), int(bin(12345), 2), int(oct(12345), 8))

# errors from numeric builtins
for bad in [lambda: divmod(1, 0), lambda: pow(0, -1), lambda: chr(-1), lambda: ord("ab"), lambda: ord(""),
            lambda: hex(1.5), lambda: abs("x"), lambda: round("x"), lambda: pow(2, -1, 4), lambda: divmod(1.0, 0.0)]:
    try:
        print(bad())
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)

# a table of conversions
print("n    hex    bin        oct")
for n in [0, 1, 7, 8, 15, 16, 100, 255]:
    print(str(n).ljust(4), hex(n).ljust(6), bin(n).ljust(10), oct(n))

# character arithmetic
alphabet = "".join(chr(c) for c in range(ord("a"), ord("z") + 1))
print(alphabet, len(alphabet))
rot13 = "".join(chr((ord(c) - 97 + 13) % 26 + 97) for c in "hello")
print(rot13, "".join(chr((ord(c) - 97 + 13) % 26 + 97) for c in rot13))
print(sum(ord(c) for c in "checksum") % 256)

# rounding money and splitting
total = 100
parts = 3
share, remainder = divmod(total, parts)
print(share, remainder, [share + (1 if i < remainder else 0) for i in range(parts)])
print(round(100 / 3, 2), round(200 / 3, 2), round(2 / 3, 4))
