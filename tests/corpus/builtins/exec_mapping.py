# exec() with a locals mapping that is not a dict: names go through the mapping protocol.
class Logged:
    def __init__(self):
        self.data = {}
        self.log = []
    def __getitem__(self, key):
        self.log.append(("get", key))
        return self.data[key]
    def __setitem__(self, key, value):
        self.log.append(("set", key))
        self.data[key] = value
    def __delitem__(self, key):
        self.log.append(("del", key))
        del self.data[key]

m = Logged()
exec("a = 1\nb = a + 1\ndel a\nc = len('xyz')", {}, m)
print(m.data)
print(m.log)

# A mapping that makes up values: unknown names resolve through it before globals.
class Default(dict):
    def __missing__(self, key):
        return key.upper()
print(eval("foo + bar", {}, Default()))

class Upper:
    def __getitem__(self, key):
        if key.startswith("u_"):
            return key[2:].upper()
        raise KeyError(key)
print(eval("u_hello + ' ' + str(len('ab'))", {}, Upper()))
try:
    eval("missing_name", {}, Upper())
except NameError as e:
    print("NameError:", e)

# A failing __getitem__ propagates its exception.
class Broken:
    def __getitem__(self, key):
        raise ValueError("broken " + key)
try:
    eval("q", {}, Broken())
except ValueError as e:
    print("ValueError:", e)

# Bad namespaces.
for args in [("x = 1", []), ("x = 1", {}, 5), ("x = 1", None, 3)]:
    try:
        exec(*args)
    except TypeError as e:
        print("TypeError:", e)
for args in [("1", []), ("1", {}, 5), ("1", Upper())]:
    try:
        eval(*args)
    except TypeError as e:
        print("TypeError:", e)
