# Edge cases of _sre: anchors with pos/endpos, Unicode and ASCII classes, lookbehind over
# wide text, case folding, empty matches, unmatched groups, templates, astral characters,
# negative counts, copy and hashing.
from _re_harness import re
print(re.compile('^a').search('ba', 1), re.compile('a$').search('ab', 0, 1), re.compile(r'\Ab').search('ab', 1))
print(re.findall(r'\d', '1٢३'), re.findall(r'\d', '1٢३', re.A), re.findall(rb'\w', b'a\xe9'))
print(re.findall(r'(?<=☃)\w', '☃a☃b'), re.findall(r'(?<=é)\w', 'éaéb'))
print(re.match(r'(?i)[a-z]+', 'ÀbÇ'), re.match(r'(?i)k', '\u212a'), re.match(r'(?ia)k', '\u212a'))
print(re.sub('', '-', 'abc'), re.sub('$', 'X', 'a\nb\n'), re.split('', 'ab'))
print(re.match(r'(a)|b', 'b').regs, re.match(r'(?:(a)|b)+', 'ab').groups(), re.match(r'(a)*', 'aaa').span(1))
m = re.match(r'(?P<n>x)', 'x')
print(m.start('n'), m.span('n'), m.group(True), m.groupdict())
print(re.fullmatch('a|ab', 'ab'))
print(int(re.compile(r'a', re.I).flags), int(re.compile(rb'a').flags), int(re.compile(r'a', re.A).flags))
print(re.sub(b'a', b'\\n', b'xa'), re.sub('(?P<x>a)', r'\g<0>\g<x>', 'a'))
print(re.findall('a|', 'aba'), list(re.finditer('', 'ab', )), re.subn('', '', ''))
s = '\U0001f600x\U0001f600'
print(re.findall('.', s), re.sub('x', 'y', s), [m.span() for m in re.finditer('\U0001f600', s)])
p = re.compile('(a)(b)?')
print(p.match('a').expand(r'[\1][\2]'), p.match('ab').expand(r'\g<2>\g<1>'))
print(p.sub(lambda m: m.group(2) or '-', 'ab a'), p.scanner('aab').search().span())
print(re.compile('x').split('axbxc', maxsplit=-1), re.compile('x').sub('y', 'xx', count=-1))
print(repr(re.compile('a').match('a', pos=0, endpos=1)))
import copy
p = re.compile('a')
print(copy.copy(p) is p, copy.deepcopy(p) is p, p == copy.copy(p), hash(p) == hash(re.compile('a')))
