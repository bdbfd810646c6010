# Ends with sys.exit(3): exit status 3, no traceback, empty stderr.
import sys

def process(items):
    done = []
    for item in items:
        if item < 0:
            return done, item
        done.append(item * 2)
    return done, None

result, bad = process([1, 2, 3])
print(result, bad)
result, bad = process([4, -1, 5])
print(result, bad)

# SystemExit can be caught like any exception
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit with code", e.code)

# finally blocks run on the way out
def shutdown(code):
    try:
        print("shutting down with", code)
        sys.exit(code)
    finally:
        print("cleanup in finally")

print("about to exit")
shutdown(3)
print("never printed")
