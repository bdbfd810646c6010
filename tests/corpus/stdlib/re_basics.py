# The Lib's re over gilvm's _sre: match/search/fullmatch, groups, named groups, spans,
# findall/finditer, split, sub/subn (literal, template, callable), flags, bytes patterns,
# reprs and errors.
from _re_harness import re

m = re.match(r'(\w+) (\w+)', 'Isaac Newton, physicist')
print(m.group(0), '|', m.group(1), '|', m.group(2), '|', m.group(1, 2))
print(m.groups(), m.span(), m.start(2), m.end(2), m.span(1))
print(m[0], m[1], m.pos, m.endpos, m.lastindex, m.lastgroup)
print(repr(m))
print(m.string, m.re.pattern, m.regs)

m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Malcolm Reynolds')
print(m.group('first'), m['last'], m.groupdict(), m.lastgroup, m.lastindex)
print(m.re.groupindex, m.re.groups)
print(m.expand(r'\g<last>, \g<first> (\2)'))

m = re.match(r'(a)?(b)?c', 'c')
print(m.groups(), m.groups('-'), m.span(1), m.start(1), m.group(1), m.lastindex)
m = re.match(r'(?P<x>a)|(?P<y>b)', 'b')
print(m.groupdict(), m.groupdict(0), m.lastgroup)

print(re.search(r'\d+', 'abc 123 def 45').group(), re.search('x', 'abc'))
print(re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'))
p = re.compile(r'\d+')
print(p.match('a12', 1), p.match('a12', 1, 2), p.search('123', 5), p.search('12345', -3, 2))
print(p.fullmatch('a12b', 1, 3).group(), p.findall('1 22 333 4444', 3, 9))

print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'(\d)?x', 'x1x'))
print([m.span() for m in re.finditer(r'\w+', 'he said hi')])
print(re.findall(r'', 'abc'), re.findall(r'a*', 'baaac'))
print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', maxsplit=1))
print(re.split(r'x*', 'axbc'), re.split(r'(a)|b', 'cadbe'))
print(re.sub(r'\d', '#', 'a1b22c'), re.subn(r'\d', '#', 'a1b22c'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home and ann@work'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'hi there', count=1))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a5 b10 c'))
print(re.sub('x*', '-', 'abxd'), re.sub(r'a|(b)', r'[\1]', 'ab'))
print(re.sub(r'\s+', ' ', '  a \t b\n c  ').strip(), re.subn('a', 'b', 'aaa', count=2))
print(re.sub(r'(a)', r'\n\1\\', 'xa'))

print(re.findall(r'[a-z]+', 'ABC def GHi', re.I), re.match('abc', 'ABC', re.IGNORECASE).group())
print(re.findall(r'^\w', 'one\ntwo\nthree', re.M), re.findall(r'a.b', 'a\nb', re.S))
print(re.findall(r'''(?x) \d+  # digits
                    [a-z]   # a letter''', '12a 3b'))
print(re.findall(r'\w+', 'héllo wörld'), re.findall(r'\w+', 'héllo wörld', re.A))
print(re.match(r'(?i)straße', 'STRASSE'), re.match(r'(?i)σ', 'Σ').group())
print(re.findall(r'\bfoo\b', 'foo foobar (foo)'), re.findall(r'(?<=-)\w+', 'a-b -cd'))
print(re.findall(r'\w+(?=!)', 'hi! yo ok!'), re.findall(r'(?<!a)b', 'ab cb b'))
print(re.match(r'(a+)+$', 'aaaa').group(), re.match(r'(?:ab){2,3}', 'abababab').group())
print(re.match(r'a{2}?', 'aaa').group(), re.match(r'a*?b', 'aaab').group(), re.match(r'a++', 'aaa').group())
print(re.match(r'(?>a+)b', 'aaab').group(), re.match(r'(a)(?(1)b|c)', 'ab').group())
print(re.match(r'(\w)\1', 'aa').group(), re.match(r'(?P<c>\w)(?P=c)', 'bb').group())
print(re.search(r'[^\W\d_]+', '12_ab3').group(), re.search(r'[\d-]+', 'x-12-y').group())
print(re.findall('[éà]', 'café à la'), re.findall('[一-龥]+', 'abc漢字def'))
print(re.sub('é', 'e', 'éléphant'), re.split('→', 'a→b→c'))
s = 'ünïcödé ☃ and 漢字 text'
print([(m.group(), m.span()) for m in re.finditer(r'\w+', s)])

b = re.compile(rb'(\d+)-(\d+)')
m = b.search(b'tel 555-1234 x')
print(m.group(), m.groups(), m.span(2), repr(m))
print(b.findall(b'1-2 3-4'), b.sub(rb'\2-\1', b'1-2 3-4'), re.split(rb',', b'a,b'))
print(re.match(rb'[a-z]+', bytearray(b'abc1')).group(), re.findall(rb'\w', b'a\xe9b'))

print(re.compile('abc'), re.compile('a.c', re.I | re.S), re.compile(b'x', re.I), re.compile('x', re.A))
print(re.compile('x' * 300))
print(re.compile('abc') == re.compile('abc'), re.compile('abc') == re.compile('abd'))
sc = re.compile(r'\d').scanner('a1b2')
print(sc.search().group(), sc.search().group(), sc.search(), sc.pattern.pattern)
sc = re.compile(r'\d').scanner('12a3')
print(sc.match().group(), sc.match().group(), sc.match())

for bad in ['(', 'a)', '[a', '*a', r'\1(a)', '(?P<1>a)', 'a{2,1}']:
    try:
        re.compile(bad)
    except re.error as e:
        print('error:', e, e.pos)
def err(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__ + ':', e)
err(lambda: re.match('a', b'a'))
err(lambda: re.match(b'a', 'a'))
err(lambda: re.match('a', 5))
err(lambda: re.match('(a)', 'a').group(2))
err(lambda: re.match('(a)', 'a').group('x'))
err(lambda: re.match('(a)', 'a')[-1])
err(lambda: re.sub('(a)', r'\2', 'a'))
err(lambda: re.sub('a', lambda m: 5, 'a'))
err(lambda: re.compile('a').match())
err(lambda: re.compile('a').sub('b'))
