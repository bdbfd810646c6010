# unicodedata: names, lookup, categories, numeric values, properties, normalization, and
# the Unicode 3.2.0 database object.
import unicodedata as ud

for c in 'aA1 \u00e9\u20ac\u4e00\U0001f600\u0661\u00bd\u2167\u0301\t':
    print(hex(ord(c)), ud.name(c, '?'), ud.category(c), ud.bidirectional(c), ud.combining(c),
          ud.east_asian_width(c), ud.mirrored(c), repr(ud.decomposition(c)),
          ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None))
print(ud.lookup('LATIN SMALL LETTER E WITH ACUTE'), ud.lookup('euro sign'), ud.lookup('GRINNING FACE'))
print(ud.name('('), ud.mirrored('('), ud.name('\uac00'), ud.lookup('HANGUL SYLLABLE GAG'))
print(ud.name('\u4e00'), ud.lookup('CJK UNIFIED IDEOGRAPH-4E01'))
for form in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    s = ud.normalize(form, 'e\u0301 \u00e9 \ufb01 \u2167 \u1e9b\u0323')
    print(form, [hex(ord(c)) for c in s], ud.is_normalized(form, s), ud.is_normalized(form, '\u00e9'))
print(ud.ucd_3_2_0.unidata_version, ud.ucd_3_2_0.category('\u20ac'), ud.ucd_3_2_0.name('a'))
def err(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
err(lambda: ud.name('\x00'))
err(lambda: ud.lookup('NO SUCH THING'))
err(lambda: ud.decimal('a'))
err(lambda: ud.digit('x'))
err(lambda: ud.numeric('x'))
err(lambda: ud.normalize('NFX', 'a'))
err(lambda: ud.category('ab'))
err(lambda: ud.category(5))
