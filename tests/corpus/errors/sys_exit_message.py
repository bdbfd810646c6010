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

# the exit message may be any object; strings are printed to stderr
for candidate in [{"name": "a", "version": 2}, {"version": 3}]:
    print(candidate, "->", validate(candidate) or "complete")

def describe(cfg):
    return ", ".join(f"{k}={v!r}" for k, v in cfg.items())

print(describe(config))
missing = validate(config)
if missing:
    print("configuration incomplete")
    sys.exit("error: missing keys: " + ", ".join(missing))
print("never printed")
