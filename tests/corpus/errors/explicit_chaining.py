# Ends with `raise X from Y`.
type_names = ["int", "float", "str"]
print(type_names)

def to_number(text):
    try:
        return int(text)
    except ValueError as exc:
        raise TypeError("not a number: " + repr(text)) from exc

print(to_number("5"), to_number("-12"))
try:
    to_number("five")
except TypeError as e:
    print("caught:", e, "cause:", repr(e.__cause__))

def load(settings, key):
    try:
        return settings[key]
    except KeyError as err:
        raise LookupError("setting " + key + " is required") from err

settings = {"mode": "fast", "level": 3}
print(load(settings, "mode"), load(settings, "level"))
for key in ["mode", "level"]:
    print(key, "=", load(settings, key))
missing = [k for k in ["mode", "path", "level"] if k not in settings]
print("missing settings:", missing)
print("about to fail")
print(load(settings, "path"))
print("never printed")
