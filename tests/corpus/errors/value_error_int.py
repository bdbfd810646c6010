# Ends with an uncaught ValueError from int('abc').
inputs = ["12", " 42 ", "-7", "0x1f", "1e3", "abc", "3.5"]
for text in inputs:
    try:
        print(repr(text), "->", int(text))
    except ValueError as e:
        print(repr(text), "-> caught:", e)

for text, base in [("ff", 16), ("777", 8), ("102", 2)]:
    try:
        print(text, base, int(text, base))
    except ValueError as e:
        print("caught:", e)

def parse_all(texts):
    return [int(t) for t in texts]

print(parse_all(["1", "2", "3"]))
print(sum(parse_all(["10", "20"])))
try:
    float("abc")
except ValueError as e:
    print("caught:", e)
# int() accepts surrounding whitespace and underscores between digits
for text in ["  8  ", "1_000", "+15"]:
    print(repr(text), int(text))
print("parsed total:", sum(int(t) for t in ["4", "5", "6"]))
print("about to fail")
value = int('abc')
print("never printed", value)
