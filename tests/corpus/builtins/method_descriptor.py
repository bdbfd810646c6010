# method_descriptor: a builtin type's method looked up on the class (list.append), its
# own type, distinct from builtin_function_or_method (len, [].append); __get__,
# __objclass__, __qualname__, __reduce__, and pickling through it.
import copy
import inspect
import pickle
import types
from collections import deque

d = list.append
print(type(d).__name__, type(len).__name__, type(str.join).__name__)
print(type(d) is type(str.join), type(d) is type(len))
print(type(d) is types.MethodDescriptorType)
print(repr(d), repr(str.join), repr(dict.get))
print(d.__name__, d.__qualname__, d.__objclass__)
print(str.join.__qualname__, deque.append.__qualname__, deque.append.__objclass__)
print(repr(deque.append))

# Calling through the descriptor and through __get__.
lst = [1]
d(lst, 2)
b = d.__get__(lst)
b(3)
print(lst, b.__self__ is lst, b.__name__)
print(d.__get__(None, list) is d)
print(str.upper.__get__("abc")(), str.join.__get__(",")(["a", "b"]))

for args in [(5,), (None,), (None, int), (None, 5)]:
    try:
        d.__get__(*args)
    except TypeError as e:
        print("TypeError:", e)

# Pickling and copying by reference: (getattr, (list, 'append')).
print(d.__reduce__())
print(str.join.__reduce__())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    assert pickle.loads(pickle.dumps(d, proto)) is d
print(pickle.loads(pickle.dumps(str.join)) is str.join)
print(pickle.loads(pickle.dumps([list.append, dict.keys, len])))
print(copy.copy(d) is d, copy.deepcopy(d) is d)

# inspect's view.
print(inspect.ismethoddescriptor(d), inspect.isbuiltin(d), inspect.isroutine(d))
print(inspect.ismethoddescriptor(len), inspect.isbuiltin(len))
print(callable(d), hasattr(type(d), "__get__"), hasattr(type(len), "__get__"))

try:
    class Sub(type(d)):
        pass
except TypeError as e:
    print("TypeError:", e)
