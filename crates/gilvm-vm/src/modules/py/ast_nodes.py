"""The node classes of the abstract syntax tree (gilvm's `_ast`, CPython's C module).

`ast` re-exports them (`from _ast import *`). Each class is built from one line of the
table below: its name, its base, its fields and its attributes. A field's suffix gives
its default when the constructor omits it (CPython 3.13's rules): `*` a list (a new
empty one), `?` optional (None), `=` an expression context (`Load()`); a field without
one is required (omitting it warns, as CPython does before 3.15). An attribute with `?`
defaults to None on the class. Nodes are plain instances with a `__dict__`; positional
constructor arguments fill the fields in order.

Invariant: the table is the grammar of CPython 3.14's `Parser/Python.asdl`; the classes
hold no state of their own, so they need no lock in the free-threaded build.
"""

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192
PyCF_OPTIMIZED_AST = 33792

_TABLE = """
operator AST . .
Add operator . -
boolop AST . .
And boolop . -
stmt AST . lineno,col_offset,end_lineno?,end_col_offset?
AnnAssign stmt target,annotation,value?,simple -
Assert stmt test,msg? -
Assign stmt targets*,value,type_comment? -
AsyncFor stmt target,iter,body*,orelse*,type_comment? -
AsyncFunctionDef stmt name,args,body*,decorator_list*,returns?,type_comment?,type_params* -
AsyncWith stmt items*,body*,type_comment? -
expr AST . lineno,col_offset,end_lineno?,end_col_offset?
Attribute expr value,attr,ctx= -
AugAssign stmt target,op,value -
Await expr value -
BinOp expr left,op,right -
BitAnd operator . -
BitOr operator . -
BitXor operator . -
BoolOp expr op,values* -
Break stmt . -
Call expr func,args*,keywords* -
ClassDef stmt name,bases*,keywords*,body*,decorator_list*,type_params* -
Compare expr left,ops*,comparators* -
Constant expr value,kind? -
Continue stmt . -
expr_context AST . .
Del expr_context . -
Delete stmt targets* -
Dict expr keys*,values* -
DictComp expr key,value,generators* -
Div operator . -
cmpop AST . .
Eq cmpop . -
excepthandler AST . lineno,col_offset,end_lineno?,end_col_offset?
ExceptHandler excepthandler type?,name?,body* -
Expr stmt value -
mod AST . .
Expression mod body -
FloorDiv operator . -
For stmt target,iter,body*,orelse*,type_comment? -
FormattedValue expr value,conversion,format_spec? -
FunctionDef stmt name,args,body*,decorator_list*,returns?,type_comment?,type_params* -
FunctionType mod argtypes*,returns -
GeneratorExp expr elt,generators* -
Global stmt names* -
Gt cmpop . -
GtE cmpop . -
If stmt test,body*,orelse* -
IfExp expr test,body,orelse -
Import stmt names* -
ImportFrom stmt module?,names*,level? -
In cmpop . -
Interactive mod body* -
Interpolation expr value,str,conversion,format_spec? -
unaryop AST . .
Invert unaryop . -
Is cmpop . -
IsNot cmpop . -
JoinedStr expr values* -
LShift operator . -
Lambda expr args,body -
List expr elts*,ctx= -
ListComp expr elt,generators* -
Load expr_context . -
Lt cmpop . -
LtE cmpop . -
MatMult operator . -
Match stmt subject,cases* -
pattern AST . lineno,col_offset,end_lineno,end_col_offset
MatchAs pattern pattern?,name? -
MatchClass pattern cls,patterns*,kwd_attrs*,kwd_patterns* -
MatchMapping pattern keys*,patterns*,rest? -
MatchOr pattern patterns* -
MatchSequence pattern patterns* -
MatchSingleton pattern value -
MatchStar pattern name? -
MatchValue pattern value -
Mod operator . -
Module mod body*,type_ignores* -
Mult operator . -
Name expr id,ctx= -
NamedExpr expr target,value -
Nonlocal stmt names* -
Not unaryop . -
NotEq cmpop . -
NotIn cmpop . -
Or boolop . -
type_param AST . lineno,col_offset,end_lineno,end_col_offset
ParamSpec type_param name,default_value? -
Pass stmt . -
Pow operator . -
RShift operator . -
Raise stmt exc?,cause? -
Return stmt value? -
Set expr elts* -
SetComp expr elt,generators* -
Slice expr lower?,upper?,step? -
Starred expr value,ctx= -
Store expr_context . -
Sub operator . -
Subscript expr value,slice,ctx= -
TemplateStr expr values* -
Try stmt body*,handlers*,orelse*,finalbody* -
TryStar stmt body*,handlers*,orelse*,finalbody* -
Tuple expr elts*,ctx= -
TypeAlias stmt name,type_params*,value -
type_ignore AST . .
TypeIgnore type_ignore lineno,tag -
TypeVar type_param name,bound?,default_value? -
TypeVarTuple type_param name,default_value? -
UAdd unaryop . -
USub unaryop . -
UnaryOp expr op,operand -
While stmt test,body*,orelse* -
With stmt items*,body*,type_comment? -
Yield expr value? -
YieldFrom expr value -
alias AST name,asname? lineno,col_offset,end_lineno?,end_col_offset?
arg AST arg,annotation?,type_comment? lineno,col_offset,end_lineno?,end_col_offset?
arguments AST posonlyargs*,args*,vararg?,kwonlyargs*,kw_defaults*,kwarg?,defaults* .
comprehension AST target,iter,ifs*,is_async .
keyword AST arg?,value lineno,col_offset,end_lineno?,end_col_offset?
match_case AST pattern,guard?,body* .
withitem AST context_expr,optional_vars? .
"""

_kinds = {}

# The type of each field, for `_field_types` (CPython's from the ASDL): by field name, a
# class's own entry first; `list[T]` for `*` fields, `T | None` for `?` fields.
_FIELD_TYPES = {
    'body': 'stmt', 'Expression.body': 'expr', 'Lambda.body': 'expr', 'IfExp.body': 'expr',
    'orelse': 'stmt', 'IfExp.orelse': 'expr', 'finalbody': 'stmt',
    'Constant.value': 'object', 'MatchSingleton.value': 'object', 'value': 'expr',
    'name': 'str', 'TypeAlias.name': 'expr', 'args': 'arguments', 'Call.args': 'expr',
    'posonlyargs': 'arg', 'arguments.args': 'arg', 'kwonlyargs': 'arg', 'vararg': 'arg',
    'kwarg': 'arg', 'keywords': 'keyword', 'type_params': 'type_param', 'names': 'alias',
    'Global.names': 'str', 'Nonlocal.names': 'str', 'module': 'str', 'level': 'int',
    'BinOp.op': 'operator', 'AugAssign.op': 'operator', 'BoolOp.op': 'boolop',
    'UnaryOp.op': 'unaryop', 'items': 'withitem', 'cases': 'match_case',
    'handlers': 'excepthandler', 'simple': 'int', 'ctx': 'expr_context',
    'generators': 'comprehension', 'ops': 'cmpop', 'conversion': 'int', 'kind': 'str',
    'attr': 'str', 'id': 'str', 'Interpolation.str': 'object', 'patterns': 'pattern',
    'pattern': 'pattern', 'kwd_attrs': 'str', 'kwd_patterns': 'pattern', 'rest': 'str',
    'arg': 'str', 'type_comment': 'str', 'asname': 'str', 'is_async': 'int',
    'tag': 'str', 'lineno': 'int', 'type_ignores': 'type_ignore',
}


def _field_type(cls, f, k):
    t = _FIELD_TYPES.get(cls + '.' + f) or _FIELD_TYPES.get(f, 'expr')
    t = {'str': str, 'int': int, 'object': object}.get(t) or globals()[t]
    if k == '*':
        return list[t]
    if k == '?':
        return t | None
    return t


def _warn(msg):
    import warnings
    warnings.warn(msg, DeprecationWarning, stacklevel=3)


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        cls = type(self)
        fields = cls._fields
        name = cls.__name__
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError(f"{name} constructor takes at most {n} positional "
                            f"argument{'' if n == 1 else 's'}")
        for f, v in zip(fields, args):
            setattr(self, f, v)
        given = set(fields[:len(args)])
        attrs = cls._attributes
        for k, v in kwargs.items():
            if k in given:
                raise TypeError(f"{name} got multiple values for argument '{k}'")
            if k not in fields and k not in attrs:
                _warn(f"{name}.__init__ got an unexpected keyword argument '{k}'. "
                      "Support for arbitrary keyword arguments is deprecated and will "
                      "be removed in Python 3.15.")
            setattr(self, k, v)
            given.add(k)
        kinds = _kinds.get(cls)
        if kinds is None:
            return
        for f in fields:
            if f in given:
                continue
            k = kinds.get(f, '')
            if k == '*':
                setattr(self, f, [])
            elif k == '?':
                setattr(self, f, None)
            elif k == '=':
                setattr(self, f, Load())
            else:
                _warn(f"{name}.__init__ missing 1 required positional argument: "
                      f"'{f}'. This will become an error in Python 3.15.")

    def __reduce__(self):
        d = getattr(self, '__dict__', None) or {}
        fields = type(self)._fields
        return (type(self), (None,) * len(fields) if d and fields else (), dict(d))

    def __replace__(self, **kwargs):
        cls = type(self)
        values = {}
        for f in cls._fields + cls._attributes:
            try:
                values[f] = getattr(self, f)
            except AttributeError:
                pass
        values.update(kwargs)
        return cls(**values)

    def __repr__(self):
        return _repr(self, 0)


def _repr_value(v, depth):
    if isinstance(v, AST):
        return _repr(v, depth + 1)
    if isinstance(v, list):
        if not v:
            return '[]'
        items = [_repr_value(x, depth) for x in (v if len(v) <= 2 else (v[0], v[-1]))]
        if len(v) > 2:
            return f'[{items[0]}, ..., {items[1]}]'
        return '[' + ', '.join(items) + ']'
    return repr(v)


def _repr(node, depth):
    cls = type(node)
    if depth >= 3:
        return f'{cls.__name__}(...)'
    parts = []
    for f in cls._fields:
        try:
            v = getattr(node, f)
        except AttributeError:
            continue
        parts.append(f'{f}={_repr_value(v, depth)}')
    return f"{cls.__name__}({', '.join(parts)})"


AST.__module__ = 'ast'


def _build():
    g = globals()
    pending = []
    for line in _TABLE.strip().splitlines():
        name, base, fields, attrs = line.split(' ')
        ns = {'__module__': 'ast'}
        kinds = {}
        if fields != '.':
            names = []
            for f in fields.split(','):
                k = f[-1] if f[-1] in '*?=' else ''
                f = f.rstrip('*?=')
                names.append(f)
                kinds[f] = k
                if k == '?':
                    ns[f] = None
            ns['_fields'] = tuple(names)
            ns['__match_args__'] = tuple(names)
        elif base == 'AST':
            ns['_fields'] = ()
            ns['__match_args__'] = ()
        if attrs != '-':
            names = []
            for a in ([] if attrs == '.' else attrs.split(',')):
                if a.endswith('?'):
                    a = a[:-1]
                    ns[a] = None
                names.append(a)
            ns['_attributes'] = tuple(names)
        cls = type(name, (g[base],), ns)
        if kinds:
            _kinds[cls] = kinds
        g[name] = cls
        pending.append((cls, kinds))
    # Field types name classes defined later in the table: filled in at the end.
    for cls, kinds in pending:
        cls._field_types = {f: _field_type(cls.__name__, f, k) for f, k in kinds.items()}
        cls.__annotations__ = dict(cls._field_types)


_build()
del _build
