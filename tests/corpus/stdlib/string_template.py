# string.Template: substitute / safe_substitute with $name, ${name} and $$, the
# KeyError / ValueError cases, a custom delimiter, get_identifiers() and is_valid().
from string import Template


def show(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


t = Template('$who likes $what, ${who}s cost $$${price}.')
print(t.template)
print(t.substitute(who='tim', what='kung pao', price=10))
print(t.substitute({'who': 'ann', 'what': 'tea', 'price': 2.5}))
print(t.substitute({'who': 'ann', 'what': 'tea', 'price': 1}, who='bob'))
print(t.safe_substitute(who='tim'))
print(t.safe_substitute())
print(t.get_identifiers(), t.is_valid())
print(Template('${a}${a}$b$a').get_identifiers())
print(Template('$_x1 $x_ $X $é').safe_substitute(_x1=1, x_=2, X=3))
print(Template('$abc.def $abcdef').safe_substitute(abc='A'))
print(Template('${ a } ${a-b} ${} ${a').safe_substitute(a=1))
print(Template('trailing $').safe_substitute(), Template('$$').substitute(), Template('$$$$x').substitute(x=1))
print(Template('no placeholders').substitute(), Template('').substitute(x=1))
print(Template('$x').substitute(x=None), Template('$x').substitute(x=[1, 'a']), Template('$x$y').substitute(x=1.5, y=True))
print(Template('$mapping $self').substitute(mapping='m', self='s'))


class Lookup:
    def __getitem__(self, key):
        if key == 'missing':
            raise KeyError(key)
        return key.upper()


print(Template('$a-$bc').substitute(Lookup()), Template('$a $missing').safe_substitute(Lookup()))
print(Template('$a $b').substitute(Lookup(), a='kw'))

show('missing', Template('hello $name').substitute)
show('missing braced', Template('hello ${name}').substitute, other=1)
show('missing chained', Template('$a $zz').substitute, {'a': 1}, b=2)
show('custom KeyError', Template('$missing').substitute, Lookup())
show('invalid end', Template('cost: $').substitute)
show('invalid digit', Template('$1 dollars').substitute)
show('invalid brace', Template('x ${ name}').substitute, name=1)
show('invalid line 2', Template('first line\nsecond $ line').substitute)
show('invalid line 3', Template('a\nb\n$').substitute)
show('invalid crlf', Template('ab\r\n  $!').substitute)
show('invalid after ok', Template('$a then $').substitute, a=1)
show('missing before invalid', Template('$zz then $').substitute)
show('too many positional', Template('$a').substitute, {}, {})
show('safe too many', Template('$a').safe_substitute, {}, {})
for text in ['$ok', '$$', '$', '${x}', '${x', '$1', 'plain', 'a$$b${c}d$e']:
    tt = Template(text)
    print(repr(text), tt.is_valid(), tt.get_identifiers(), repr(tt.safe_substitute(x='X', ok='OK')))


class Percent(Template):
    delimiter = '%'


p = Percent('%who owes %{amount} (100%% sure), %%x')
print(p.substitute(who='al', amount=5), p.get_identifiers())
show('percent invalid', Percent('50% off').substitute)
print(Percent('50% off').safe_substitute(), Percent('$x %x').substitute(x=1))


class Long(Template):
    delimiter = '<<'


print(Long('<<a and <<{b} and <<<<c and <<').safe_substitute(a=1, b=2), Long('<<a').get_identifiers())
print(Template.delimiter, Percent.delimiter, p.template)
