# Ends with an exception raised inside an except block (implicit chaining).
def parse(text):
    try:
        return int(text)
    except ValueError:
        return None

print(parse("12"), parse("x"))

# chaining that is caught shows __context__
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("inner handler failed")
except RuntimeError as e:
    print("caught:", repr(e), "context:", repr(e.__context__))

config = {"port": "8080", "host": "localhost"}

def get_port(cfg):
    try:
        return int(cfg["port"])
    except KeyError:
        raise ValueError("x")

print(get_port(config))
del config["port"]
print("about to fail")
print(get_port(config))
print("never printed")
