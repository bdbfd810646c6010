# Lone surrogates in str: literals, chr/ord, repr/ascii, the codecs' surrogateescape and
# surrogatepass handlers, file names, json, re, unicodedata, marshal and pickle.
import codecs
import json
import marshal
import os
import pickle
import re
import sys
import tempfile
import unicodedata

s = '\ud800'
print(len(s), ord(s), hex(ord('\udcff')), repr(s), ascii('a\udc80b'))
print(chr(0xdc80) == '\udc80', '\ud83d\ude00' == '\U0001f600', len('\ud83d\ude00'))
print(repr('x' '\udfff' 'y'), repr('\U0000d801'), repr('\\ud800'), repr(r'\ud800'))
print(repr('\N{REPLACEMENT CHARACTER}\ud800\ufffd'), ord('\ufffd'))
t = 'ab\udc80cd'
print(t[2] == '\udc80', t.index('\udc80'), t.split('\udc80'), t.upper() == 'AB\udc80CD')
print(repr(t[1:3]), repr(t * 2), '\udc80' in t, t.replace('\udc80', '-'))
print(hash('\ud800') == hash(chr(0xd800)), {'\ud800': 1}.get(chr(0xd800)), {'\ufffd': 1}.get('\ud800'))
print(f'{s!r} {s!a}', ascii('%r|%a|%c' % (s, s, 0xdc81)), format(0xd801, 'c') == '\ud801')
print('\udc80'.isprintable(), '\udc80'.isalpha(), unicodedata.category('\udc80'),
      unicodedata.category('\ud800'), unicodedata.bidirectional('\udfff'))

# surrogateescape: bytes that are not UTF-8 survive a decode/encode round trip.
raw = b'caf\xc3\xa9-\xff\xfe-\xed\xa0\x80'
text = raw.decode('utf-8', 'surrogateescape')
print(ascii(text), len(text), text.encode('utf-8', 'surrogateescape') == raw)
print(ascii(b'\x80abc\xff'.decode('ascii', 'surrogateescape')),
      ascii(b'\x80\xff'.decode('latin-1', 'surrogateescape')))
print('\udc80\udcff'.encode('latin-1', 'surrogateescape'), '\udcff'.encode('ascii', 'surrogateescape'))
for bad, codec in (('\ud800', 'utf-8'), ('a\udc7f', 'ascii'), ('\udcff', 'utf-16')):
    try:
        bad.encode(codec, 'surrogateescape' if codec != 'utf-8' else 'strict')
    except UnicodeEncodeError as e:
        print(type(e).__name__, e.encoding, e.start, e.end, e.reason)

# surrogatepass: UTF-8/16/32 write and read the surrogate itself.
for codec in ('utf-8', 'utf-16-le', 'utf-16-be', 'utf-32-le', 'utf-32-be'):
    b = 'a\ud800b\udfff'.encode(codec, 'surrogatepass')
    print(codec, b, ascii(b.decode(codec, 'surrogatepass')))
try:
    b'\xed\xa0\x80'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e)
try:
    'x\ud800'.encode('utf-8')
except UnicodeEncodeError as e:
    print(e)
try:
    '\udc80'.encode('latin-1', 'surrogatepass')
except UnicodeEncodeError as e:
    print(e)
print('a\ud800'.encode('utf-8', 'replace'), 'a\ud800'.encode('utf-8', 'ignore'),
      'a\ud800'.encode('utf-8', 'backslashreplace'), 'a\ud800'.encode('utf-8', 'xmlcharrefreplace'))
print(ascii(b'a\xffb'.decode('utf-8', 'replace')), ascii(b'a\xffb'.decode('utf-8', 'backslashreplace')))
print(codecs.lookup_error('surrogateescape')(UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'x')))
print(codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-8', '\ud800', 0, 1, 'x')))
print(ascii(codecs.decode(b'\\ud800\\x41', 'unicode_escape')), codecs.encode('\udc80', 'unicode_escape'),
      codecs.encode('\udc80', 'raw_unicode_escape'))

# File names that are not UTF-8 come back as str with escaped bytes, and name the file.
with tempfile.TemporaryDirectory() as d:
    name = os.path.join(os.fsencode(d), b'f\xffg')
    with open(name, 'wb') as f:
        f.write(b'data')
    names = os.listdir(d)
    print([ascii(n) for n in names], os.fsdecode(b'f\xffg') == names[0])
    with open(os.path.join(d, names[0]), 'rb') as f:
        print(f.read(), os.path.exists(os.path.join(d, names[0])))
    print(os.fsencode(names[0]))
    try:
        os.stat('\ud800')
    except UnicodeEncodeError as e:
        print(e)

# json, re, marshal, pickle
print(ascii(json.loads('"\\ud800x\\udfff"')), json.dumps('\udc80'), ascii(json.dumps('\udc80', ensure_ascii=False)))
print(re.findall('[\ud800-\udfff]', 'a\ud801b\udc00c'), bool(re.match('\\ud800', '\ud800')),
      re.sub('\udc80', '?', 'x\udc80y'), re.split(r'\W', 'a\udc80b'))
print(ascii(marshal.loads(marshal.dumps('m\ud800n'))), ascii(pickle.loads(pickle.dumps('p\udc80q'))))
for proto in range(0, 6):
    assert pickle.loads(pickle.dumps(['\ud800\udfff', 'x'], proto)) == ['\ud800\udfff', 'x']
print(ascii(sorted(['\ud800', 'a'])), ascii(max('a\ud800')))
print(str(b'\xff', 'utf-8', 'surrogateescape') == '\udcff', sys.getfilesystemencodeerrors())
