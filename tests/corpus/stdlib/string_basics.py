# string: the character-class constants and capwords().
import string

for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits',
             'octdigits', 'punctuation', 'printable', 'whitespace']:
    value = getattr(string, name)
    print(name, len(value), repr(value))
print(string.ascii_letters == string.ascii_lowercase + string.ascii_uppercase)
print(all(c in string.printable for c in string.ascii_letters + string.digits + string.punctuation + string.whitespace))
print(''.join(sorted(string.punctuation)) == ''.join(sorted(set(string.punctuation))))
print([c for c in string.punctuation if c.isalnum()], all(c.isspace() for c in string.whitespace))
print(sum(1 for c in map(chr, range(128)) if c in string.printable), len(set(string.printable)))
print(int('ff', 16) == sum(1 for c in 'ff' for _ in [c] if c in string.hexdigits) + 253)
print([c for c in 'g7Fz08' if c in string.hexdigits], [c for c in '0789' if c in string.octdigits])
print(sorted(string.__all__))

print(repr(string.capwords('hello world')))
print(repr(string.capwords('  hello   wORLD  again ')))
print(repr(string.capwords("it's a 1st-class test")))
print(repr(string.capwords('tab\tsep\nnewline')))
print(repr(string.capwords('')), repr(string.capwords('   ')))
print(repr(string.capwords('a-b-c', '-')), repr(string.capwords('--a--bc-', '-')))
print(repr(string.capwords('one, two,three', ', ')))
print(repr(string.capwords('ÉCOLE élève ß')))
print(repr(string.capwords('x y', None)), repr(string.capwords(sep=None, s='ab cd')))
for args in [('a b', ''), (5,), ('a b', 1), ('a b', 0), (None, ' ')]:
    try:
        print(string.capwords(*args))
    except Exception as e:
        print(type(e).__name__ + ':', e)
