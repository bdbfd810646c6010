# Patterns of the kinds the Lib and the regex benchmarks use: json's scanner patterns with
# positions, verbose patterns, alternations, lookarounds, repeats with groups, case-folding
# with non-ASCII text, and one compiled pattern shared by several threads.
import threading
from _re_harness import re

FLAGS = re.VERBOSE | re.MULTILINE | re.DOTALL
NUMBER_RE = re.compile(r'(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?', FLAGS)
STRINGCHUNK = re.compile(r'(.*?)(["\\\x00-\x1f])', FLAGS)
WHITESPACE = re.compile(r'[ \t\n\r]*', FLAGS)
doc = '  {"a": -12.5e3, "b\\n": [1, 2]}'
i = WHITESPACE.match(doc, 0).end()
print(i, doc[i], NUMBER_RE.match(doc, 8).groups(), NUMBER_RE.match(doc, 8).end())
m = STRINGCHUNK.match(doc, 4)
print(m.groups(), m.end(), STRINGCHUNK.match(doc, 10).groups())

# textwrap's word splitting pattern (verbose, lookarounds, character classes).
ws = r'[\t\n\x0b\x0c\r ]'
nows = r'[^\t\n\x0b\x0c\r ]'
wordsep_re = re.compile(r'''
        ( # any whitespace
          %(ws)s+
        | # em-dash between words
          (?<=%(wp)s) -{2,} (?=\w)
        | # word, possibly hyphenated
          %(nws)s+? (?:
            # hyphenated word
              -(?: (?<=%(lt)s{2}-) | (?<=%(lt)s-%(lt)s-))
              (?= %(lt)s -? %(lt)s)
            | # end of word
              (?=%(ws)s|\Z)
            | # em-dash
              (?<=%(wp)s) (?=-{2,}\w)
            )
        )''' % {'wp': r'[\w!"\'&.,?]', 'lt': r'[^\d\W]',
                'ws': ws, 'nws': nows},
        re.VERBOSE)
print([c for c in wordsep_re.split('Hello there -- this is a well-known long-winded test, ok?') if c])

# Benchmark-like patterns.
dna = 'GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG' * 5 + 'agggtaaa|tttaccct' + 'cgt' * 7
for v in ['agggtaaa|tttaccct', '[cgt]gggtaaa|tttaccc[acg]', 'ag[act]gtaaa|tttac[agt]ct']:
    print(v, len(re.findall(v, dna, re.I)))
subst = [('tHa[Nt]', '<4>'), ('aND|caN|Ha[DS]|WaS', '<3>'), ('a[NSt]|BY', '<2>'), ('<[^>]*>', '|')]
s = 'tHaNt aND caN HaD WaS aN BY'
for p, r in subst:
    s = re.sub(p, r, s)
print(s)
email = re.compile(r'([a-zA-Z][\w.-]*)@((?:[\w-]+\.)+[a-zA-Z]{2,})')
print(email.findall('mail a.b@x.org, c_d@mail.example.com or bad@host'))
print(re.findall(r'(?:^|,)("(?:[^"]|"")*"|[^,]*)', 'a,"b,c","d""e",f'))
print(re.sub(r'(?m)^\s+|\s+$', '', '  one  \n   two\t\n'), re.findall(r'\d{3}-\d{4}', 'call 555-1234 or 555-9876'))
print(re.match(r'(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<H>\d\d):(?P<M>\d\d))?', '2024-05-06T07:08').groupdict())
print(re.sub(r'\b(\w)(\w*)\b', lambda m: m.group(1).upper() + m.group(2), 'the quick brown fox'))
print(re.findall(r'(?i)straße|STRASSE', 'Straße strasse'), re.findall(r'(?i)[α-ω]+', 'ΑΒΓ δεζ'))
print(re.sub('(?i)ß', 'ss', 'Fuß FUSS'), re.split(r'(?<=[.!?])\s+', 'One. Two! Three? Four'))
print(re.findall(r'[\u0400-\u04ff]+', 'abc привет мир xyz'), re.search(r'\S+$', 'ends with ☃').group())
big = 'x' * 10000 + 'needle' + 'y' * 10000
print(re.search('needle', big).span(), len(re.findall('x+', big)), len(re.sub('y', 'z', big)))
wide = '☃' * 5000 + 'needle' + '漢' * 5000
print(re.search('needle', wide).span(), len(re.findall('☃', wide)), re.split('needle', wide)[1][:3])

pat = re.compile(r'(\w+)=(\d+)')
text = ' '.join('k%d=%d' % (i, i) for i in range(200))
results = []
def worker():
    total = 0
    for _ in range(20):
        total += sum(int(v) for _, v in pat.findall(text))
        total += len(pat.sub(r'\2=\1', text))
        total += sum(1 for _ in pat.finditer(text))
    results.append(total)
threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
