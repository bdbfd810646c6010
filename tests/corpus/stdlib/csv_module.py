# The csv module on _csv: reader/writer with each quoting mode, dialects, DictReader/
# DictWriter, Sniffer and the errors.
import csv
import io

def show_rows(text, **kw):
    try:
        r = csv.reader(io.StringIO(text, newline=''), **kw)
        print([row for row in r], r.line_num)
    except Exception as e:
        print(type(e).__name__, e)

def show_write(rows, **kw):
    s = io.StringIO()
    try:
        w = csv.writer(s, **kw)
        for row in rows:
            w.writerow(row)
    except Exception as e:
        print(type(e).__name__, e)
    print(repr(s.getvalue()))

show_rows('a,b,c\r\n1,2,3\r\n')
show_rows('a,"b,c",d\n"x""y",,z\n')
show_rows('"multi\nline",2\nnext,row\n')
show_rows('a;b;c\n', delimiter=';')
show_rows('a, b,  c\n', skipinitialspace=True)
show_rows('1,"2",3.5,x\n', quoting=csv.QUOTE_NONNUMERIC)
show_rows(',"",x\n', quoting=csv.QUOTE_NOTNULL)
show_rows(',"",1.5,"s"\n', quoting=csv.QUOTE_STRINGS)
show_rows('a\\,b,c\n', escapechar='\\', quoting=csv.QUOTE_NONE)
show_rows('"a"b,c\n', strict=True)
show_rows('"a"b,c\n')
show_rows('"unterminated\n', strict=True)
show_rows('"unterminated\n')
show_rows('a\rb,c\n')
show_rows('\n\na\n\n')
show_rows('a\0b,c\n')
show_rows('x' * 20 + '\n')

show_write([['a', 'b,c', 'd"e', 'f\ng', 1, 2.5, None, '']])
show_write([['a', 1, None, 2.5]], quoting=csv.QUOTE_ALL)
show_write([['a', 1, None, 2.5]], quoting=csv.QUOTE_NONNUMERIC)
show_write([['a', 1, None, 2.5, '']], quoting=csv.QUOTE_STRINGS)
show_write([['a', 1, None, 2.5, '']], quoting=csv.QUOTE_NOTNULL)
show_write([['a,b', 'c']], quoting=csv.QUOTE_NONE, escapechar='\\')
show_write([['a,b', 'c']], quoting=csv.QUOTE_NONE)
show_write([['a"b']], doublequote=False, escapechar='\\')
show_write([['a"b']], doublequote=False)
show_write([[''], [None], []])
show_write([['', ''], [None, None]], delimiter=' ', skipinitialspace=True)
show_write([[None]], quoting=csv.QUOTE_NOTNULL)
show_write([['x', 'y']], lineterminator='\n', delimiter='\t')
show_write([5])
show_write([iter(['g', 'en'])])

csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()))
d = csv.get_dialect('pipes')
print(d.delimiter, d.quoting, d.quotechar, d.doublequote, d.escapechar, repr(d.lineterminator),
      d.skipinitialspace, d.strict, type(d).__name__)
show_write([['a', 'b']], dialect='pipes')
csv.unregister_dialect('pipes')
for f, a in [(csv.get_dialect, ('pipes',)), (csv.unregister_dialect, ('pipes',)),
             (csv.register_dialect, (1,))]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
try:
    d.delimiter = 'x'
except AttributeError as e:
    print('AttributeError', e)
for kw in [dict(quoting=None), dict(quoting=42), dict(delimiter='::'), dict(delimiter=''),
           dict(delimiter=None), dict(quotechar=4), dict(escapechar='ab'),
           dict(lineterminator=None), dict(delimiter='\n'), dict(quotechar=','),
           dict(escapechar='"'), dict(escapechar=' ', skipinitialspace=True),
           dict(quotechar=None, quoting=csv.QUOTE_ALL), dict(quotechar=None)]:
    try:
        r = csv.reader([], **kw)
        print('ok', r.dialect.quoting, repr(r.dialect.quotechar))
    except Exception as e:
        print(type(e).__name__, e)

class Semi(csv.Dialect):
    delimiter = ';'
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
show_write([["it's", 'a;b']], dialect=Semi)
show_rows("'it''s';x\n", dialect=Semi)
class Bad(csv.Dialect):
    delimiter = ';;'
try:
    Bad()
except csv.Error as e:
    print('Error', e)

print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
show_rows('x' * 20 + '\n')
csv.field_size_limit(128 * 1024)
try:
    csv.field_size_limit('x')
except TypeError as e:
    print('TypeError', e)

try:
    next(csv.reader([b'a,b']))
except csv.Error as e:
    print('Error', e)
try:
    csv.writer(5)
except TypeError as e:
    print('TypeError', e)

src = io.StringIO('name,age\r\nann,3\r\nbob,4,extra\r\ncy\r\n')
for row in csv.DictReader(src, restkey='more', restval='?'):
    print(row)
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=['a', 'b'], extrasaction='ignore')
w.writeheader()
w.writerow({'a': 1, 'b': 'x,y', 'c': 3})
w.writerows([{'a': 2}, {'b': 5}])
print(repr(out.getvalue()))
try:
    csv.DictWriter(io.StringIO(), ['a']).writerow({'z': 1})
except ValueError as e:
    print('ValueError', e)

sample = 'name;age;city\nann;3;"Paris; FR"\nbob;4;Rome\n'
sn = csv.Sniffer()
dia = sn.sniff(sample)
print(repr(dia.delimiter), repr(dia.quotechar), dia.doublequote, dia.skipinitialspace)
print(sn.has_header(sample))
print(list(csv.reader(io.StringIO(sample), dia)))
try:
    sn.sniff('')
except csv.Error as e:
    print('Error', e)
print(repr(csv.Sniffer().sniff('a,b,c\n1,2,3\n', delimiters=',').delimiter))
