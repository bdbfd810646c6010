# Ends with sys.exit("message"): message on stderr, exit status 1.
import sys

def validate(config):
    missing = [key for key in ["name", "version"] if key not in config]
    return missing

print(validate({"name": "x", "version": 1}))
print(validate({"name": "x"}))

try:
    sys.exit("caught message")
except SystemExit as e:
    print("caught SystemExit:", repr(e.code), e.args)

config = {"name": "gilvm"}
for key, value in config.items():
    print(key, "=", value)

missing = validate(config)
if missing:
    print("configuration incomplete")
    sys.exit("error: missing keys: " + ", ".join(missing))
print("never printed")
