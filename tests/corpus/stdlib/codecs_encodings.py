# The Lib's encodings through str.encode/bytes.decode and codecs: BOM codecs, iterencode/
# iterdecode, code pages (cp1252, cp500, mac_greek, cp437, iso8859_15), escape codecs, rot13.
import codecs
print('abc'.encode('utf-8-sig'), b'\xef\xbb\xbfabc'.decode('utf-8-sig'), b'abc'.decode('utf-8-sig'))
print('ab'.encode('utf-16'), b'\xff\xfea\x00'.decode('utf-16'), 'ab'.encode('utf_32'))
print(list(codecs.iterdecode([b'\xe2\x82', b'\xac'], 'utf-8')), b''.join(codecs.iterencode(['a', '\u20ac'], 'utf-16-le')))
print('€'.encode('cp1252'), b'\x80\x9f'.decode('cp1252'), b'\x81'.decode('cp1252', 'replace'), b'\x81'.decode('cp1252', 'ignore'))
print('Ω'.encode('mac_greek'), 'ÿ'.encode('latin_1'), 'ñ'.encode('cp437'), b'\xa4'.decode('iso8859_15'))
print(codecs.lookup('utf-8').incrementalencoder, codecs.lookup('latin-1').name, codecs.getencoder('ascii')('ab'))
print(codecs.decode(b'a\\x41', 'unicode_escape'), codecs.decode('a\\u0041', 'unicode_escape'))
print('\u20ac'.encode('raw_unicode_escape'), b'\\u20ac'.decode('raw_unicode_escape'), 'a'.encode('utf-32-be'))
print(codecs.encode('abc', 'rot13'), codecs.BOM_UTF8, codecs.BOM_UTF16_LE)
print('é'.encode('ascii', 'backslashreplace').decode('unicode_escape'))
print(b'\xff'.decode('latin-1'), 'abc'.encode('idna') if False else '')
print(bytearray(b'caf\xe9').decode('cp1252'), memoryview(b'abc').tobytes().decode('cp500'))
print('hello'.encode('cp500'), 'x'.encode('utf_16_be'))
