# Ends with `raise SystemExit(2)`: exit status 2, no traceback.
def parse_args(argv):
    options = {}
    for arg in argv:
        if arg.startswith("--"):
            key, _, value = arg[2:].partition("=")
            options[key] = value or True
    return options

print(parse_args(["--verbose", "--level=3", "file.txt"]))
print(parse_args([]))

try:
    raise SystemExit(5)
except SystemExit as e:
    print("caught", type(e).__name__, e.code)

# SystemExit is not an Exception subclass
try:
    try:
        raise SystemExit(1)
    except Exception:
        print("not reached")
except BaseException as e:
    print("BaseException handler got", type(e).__name__, isinstance(e, Exception))

options = parse_args(["--help"])
if "help" in options:
    print("usage: prog [--verbose] [--level=N] files...")
    raise SystemExit(2)
print("never printed")
