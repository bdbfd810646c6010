# The native _json: scanner, encoder, string helpers, errors.
import json
import _json
import json.decoder, json.encoder, json.scanner
from collections import OrderedDict
from decimal import Decimal

print(json.decoder.c_scanstring is _json.scanstring, json.scanner.c_make_scanner is _json.make_scanner)
print(json.encoder.c_make_encoder is _json.make_encoder, _json.make_scanner.__name__, _json.make_encoder.__name__)
print(_json.scanstring('"abc\\n\\u00e9\\ud83d\\ude00" tail', 1))
print(_json.encode_basestring_ascii('é\u2028x"\\\n\x01😀'), _json.encode_basestring('é\n\x1f"'))

doc = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\te"}, "e": [], "f": {}, "g": -0, "h": 1E+2}'
v = json.loads(doc)
print(v)
print(json.loads('  [ 1 , [ 2 , { "x" : [ ] } ] ]  '), json.loads('"\\u00e9t\\u00e9"'), json.loads('123456789012345678901234567890'))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('{"k": 1, "k": 2}'))
print(json.loads('{"a": 1.5}', parse_float=Decimal), json.loads('[7]', parse_int=float))
print(json.loads('[-Infinity]', parse_constant=lambda s: s))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('"é ü"'), json.loads('["日本", {"ключ": "значение"}]'))

bad = ['', '[', '[1,]', '{"a":1,}', '{"a" 1}', '{1: 2}', '[1 2]', '{"a":1 "b":2}', '"abc',
       '"a\\q"', '"\\u12"', '"\\u0041', '"\\ud800\\u12"', '"a\x01b"', 'nul', '[1] x', '{"a": }', '-', '01', '"\\', '[é]']
for s in bad:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), "->", e.msg, e.pos, e.lineno, e.colno)
print(json.loads('"a\x01b"', strict=False))

data = {"name": "gilvm", "list": [1, 2.0, 3.25, None, True, False, "x\u00e9"], "nested": {"z": [], "a": {}},
        "float": 1e100, "neg": -0.0, "big": 2**70}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps([1, [2, [3]]], indent="\t"))
print(json.dumps({1: "int", 2.5: "float", True: "t", None: "n"}))
print(json.dumps({"a": 1, (1, 2): 3}, skipkeys=True))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps((1, 2)), json.dumps("plain"), json.dumps(None), json.dumps(3.0))
print(json.dumps(Decimal("1.5"), default=str), json.dumps({"s": {1, 2}}, default=sorted))

import enum
class Color(enum.IntEnum):
    RED = 1
class F(float):
    def __repr__(self):
        return "F!"
print(json.dumps([Color.RED, F(2.5), {Color.RED: F(1.0)}]))
class D(dict):
    pass
print(json.dumps(D(b=1, a=2), sort_keys=True), json.dumps(OrderedDict([("z", 1), ("y", 2)])))

for obj, kw in [([1, {2: object()}], {}), ({"a": [1, 2, {"b": float("nan")}]}, {"allow_nan": False}),
                ({(1, 2): 3}, {}), ([set()], {}), ({"a": 1, 2: 3}, {"sort_keys": True})]:
    try:
        json.dumps(obj, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e, getattr(e, "__notes__", None))
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e, e.__notes__)
print(json.dumps(a, check_circular=False) if False else "skipped")
enc = _json.make_encoder(None, None, _json.encode_basestring_ascii, None, ":", ",", False, False, True)
print(enc([1, "a", {"x": None}], 0))
print(list(json.JSONEncoder().iterencode({"a": [1]})))
