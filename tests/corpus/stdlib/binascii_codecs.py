# binascii and base64: base64 (strict mode, newline), hex with separators, crc32/crc_hqx, uu.
import base64
import binascii

data = bytes(range(0, 256, 7))
e = binascii.b2a_base64(data)
print(e, binascii.b2a_base64(b"ab", newline=False), binascii.b2a_base64(b""))
print(binascii.a2b_base64(e) == data, binascii.a2b_base64("YWJj"), binascii.a2b_base64(b"Y W\nJj"))
print(binascii.a2b_base64(b"YWI="), binascii.a2b_base64(b"YWJ=j"), binascii.a2b_base64(b"YQ==YQ"), binascii.a2b_base64(b"YW=I="))


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: binascii.a2b_base64(b"YWJ"))
t(lambda: binascii.a2b_base64(b"Y"))
t(lambda: binascii.a2b_base64(b"YWJjZ"))
t(lambda: binascii.a2b_base64(b"=YWJj", strict_mode=True))
t(lambda: binascii.a2b_base64(b"YW=Jj", strict_mode=True))
t(lambda: binascii.a2b_base64(b"YW Jj", strict_mode=True))
t(lambda: binascii.a2b_base64(b"YWI=a", strict_mode=True))
t(lambda: binascii.a2b_base64(b"YWJj", strict_mode=True))
t(lambda: binascii.a2b_base64("é"))
t(lambda: binascii.b2a_base64("abc"))

print(binascii.hexlify(b"\x01\xab\xff"), binascii.b2a_hex(b"abc"), binascii.hexlify(b"abcdef", "-"))
print(binascii.hexlify(b"abcdef", b":", 2), binascii.hexlify(b"abcde", ":", -2), binascii.hexlify(b"abcde", " ", 2))
print(binascii.unhexlify(b"01abFF"), binascii.a2b_hex("6162"))
t(lambda: binascii.unhexlify(b"abc"))
t(lambda: binascii.unhexlify(b"zz"))
t(lambda: binascii.hexlify(b"ab", "--"))
print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.crc32(b"abc", -1), binascii.crc32(b""), binascii.crc_hqx(b"123456789", 0), binascii.crc_hqx(b"abc", 0xFFFF))
u = binascii.b2a_uu(b"Cat")
print(u, binascii.a2b_uu(u), binascii.b2a_uu(b"", backtick=True), binascii.b2a_uu(b"\x00\x00\x00", backtick=True))
print(binascii.a2b_uu(binascii.b2a_uu(data[:45])) == data[:45])
for s in [b"", b"\n", b" ", b"#0V%T", b"#0V%T  \n", b"#0V%Tx\n", b"#0V", b"!", b"`", b"#0V%T\r\n", b"$0V%T", b"#0V%T`", b"#0V%T~~", b"\x7f", b"#\x01"]:
    t(lambda: binascii.a2b_uu(s))
t(lambda: binascii.b2a_uu(b"x" * 46))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__name__)

print(base64.b64encode(b"gilvm runs CPython's Lib"), base64.b64decode(b"Z2lsdm0="))
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.urlsafe_b64decode(b"-__-"))
print(base64.b32encode(b"hello"), base64.b32decode(b"NBSWY3DP"), base64.b16encode(b"\x01\xfe"), base64.b16decode(b"01FE"))
print(base64.b85encode(b"hello world"), base64.a85encode(b"hello world"))
print(base64.b64decode(b"YWJj", validate=True), base64.standard_b64encode(b"x"))
t(lambda: base64.b64decode(b"YW!j", validate=True))
print(base64.encodebytes(b"x" * 60))
for s in [b"YWI=garbage", b"YQ==YWI=", b"YQ==YWJj", b"YQ=YWJj", b"YQ=", b"YQ===", b"YWI==", b"=YWJj",
          b"YWJj=", b"Y=WJj", b"YQ==Y", b"YWI=YQ==", b"YQ=\n=", b"YQ*=*=", b"YWJ=j"]:
    for strict in (False, True):
        t(lambda: binascii.a2b_base64(s, strict_mode=strict))
