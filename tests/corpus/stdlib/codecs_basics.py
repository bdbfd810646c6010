# _codecs under the Lib's codecs and encodings: lookup, encode/decode with the Unicode
# codecs, the charmap code pages, the escape codecs, error handlers (built-in and
# registered), incremental decoders, and str.encode/bytes.decode through the registry.
import codecs

for name in ['utf-8', 'UTF8', 'latin_1', 'cp1252', 'utf-16', 'utf_32_be', 'ascii', 'U8', 'iso-8859-15']:
    print(name, '->', codecs.lookup(name).name)
try:
    codecs.lookup('no-such-codec')
except LookupError as e:
    print('LookupError:', e)

s = 'h\xe9llo \u20ac \U0001f600'
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
    b = codecs.encode(s, enc)
    print(enc, b.hex(), codecs.decode(b, enc) == s)
print(codecs.utf_8_encode('a\xe9'), codecs.utf_8_decode(b'a\xc3\xa9\xe2\x82', 'strict', False))
print(codecs.utf_16_ex_decode(b'\xff\xfea\x00', 'strict', 0, True), codecs.utf_16_ex_decode(b'\xfe\xff\x00a', 'strict', 0, True))
print(codecs.latin_1_encode('caf\xe9'), codecs.latin_1_decode(b'caf\xe9'), codecs.ascii_decode(b'abc'))

for enc in ['cp1252', 'cp437', 'iso8859_15', 'koi8_r', 'mac_roman', 'cp850']:
    t = 'caf\xe9 \u20ac' if enc in ('cp1252', 'iso8859_15') else 'caf' if enc == 'koi8_r' else 'caf\xe9'
    b = t.encode(enc)
    print(enc, b, b.decode(enc))
print('привет'.encode('koi8_r'), b'\xd0\xd2\xc9\xd7\xc5\xd4'.decode('koi8_r'))

print(codecs.encode('a\tb\\c\u20ac\x01', 'unicode_escape'), codecs.decode(rb'a\tb\\c\u20ac\x41\N{BULLET}\101', 'unicode_escape'))
print(codecs.encode('a\\b\u20ac\xe9', 'raw_unicode_escape'), codecs.decode(rb'a\u20ac\\u0041', 'raw_unicode_escape'))
print(codecs.escape_encode(b"a'\n\x00\xff"), codecs.escape_decode(rb"a\n\x41\\"))

u = 'a\xe9\u20ac\U0001f600z'
for errors in ['ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'namereplace']:
    print(errors, u.encode('ascii', errors), u.encode('latin-1', errors))
bad = b'a\xff\xc3(z\xe2\x82'
for errors in ['ignore', 'replace', 'backslashreplace']:
    print(errors, repr(bad.decode('utf-8', errors)), repr(bad.decode('ascii', errors)))

def err(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
err(lambda: u.encode('ascii'))
err(lambda: 'ab\u20acc\u20ac'.encode('latin-1'))
err(lambda: bad.decode('utf-8'))
err(lambda: b'\xe2\x82'.decode('utf-8'))
err(lambda: b'a\x80\x81'.decode('ascii'))
err(lambda: '\u0100'.encode('cp1252'))
err(lambda: b'\x81'.decode('cp1252'))
err(lambda: 'x'.encode('no-such-codec'))
err(lambda: 'x'.encode('utf-8', 'no-such-handler') + '\u20ac'.encode('ascii', 'no-such-handler'))
err(lambda: 'x'.encode('rot13'))
err(lambda: codecs.lookup_error('nope'))
err(lambda: codecs.decode(b'\\x4', 'unicode_escape'))
err(lambda: b'\x00a\x00'.decode('utf-16-be'))
try:
    'a\u20acb'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
try:
    b'ab\xffc'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)

def handler(e):
    return ('<%d:%d>' % (e.start, e.end), e.end)
codecs.register_error('test.angle', handler)
print('a\u20ac\u20acb'.encode('ascii', 'test.angle'), b'a\xff\xfeb'.decode('utf-8', 'test.angle'))
print(codecs.lookup_error('test.angle') is handler, codecs.lookup_error('strict') is codecs.strict_errors)

d = codecs.getincrementaldecoder('utf-8')()
print([d.decode(x) for x in [b'a\xe2', b'\x82', b'\xacb']], d.decode(b'', final=True))
e = codecs.getincrementalencoder('utf-16')()
print(e.encode('ab'), e.encode('c'))
d = codecs.getincrementaldecoder('utf-16')()
print(d.decode(b'\xff\xfea'), d.decode(b'\x00b\x00'))

def search(name):
    if name == 'rot_x':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (bytes(b).decode().lower(), len(b)), name='rot_x')
codecs.register(search)
print('abc'.encode('rot-x'), b'ABC'.decode('rot_x'), codecs.lookup('ROT_X').name)
codecs.unregister(search)
err(lambda: codecs.lookup('rot_y'))
print(codecs.charmap_decode(b'\x00\x01\x02', 'strict', 'abc'), codecs.charmap_decode(b'\x00\x01', 'replace', {0: 'x', 1: None}))
m = codecs.charmap_build('abc')
print(codecs.charmap_encode('cab', 'strict', m), codecs.charmap_encode('ab', 'strict', {97: 1, 98: b'zz'}))
