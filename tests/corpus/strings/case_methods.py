# Case conversion and classification methods.
words = ["hello", "WORLD", "Python Rocks", "mIxEd CaSe", "o'neil's book", "123abc", "", "ÉCOLE é", "ß"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase())

print("hello world".title(), "they're bill's".title(), "a1b2 c3".title(), "HELLO".capitalize())

# is* predicates
samples = ["123", "12.5", "abc", "ABC", "Abc", "abc123", " ", "\t\n", "", "a b", "٣", "x_y", "ÄÖ", "hello world", "HELLO WORLD", "Hello World", "123ABC", "abc!"]
print("sample isdigit isalpha isalnum isspace isupper islower")
for t in samples:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower())

print("Title Case".istitle(), "Not title".istitle(), "42".isnumeric(), "42".isdecimal(), "x1".isidentifier())

# classify characters of a string
text = "Hello, World 2024!"
digits = sum(1 for c in text if c.isdigit())
letters = sum(1 for c in text if c.isalpha())
uppers = [c for c in text if c.isupper()]
spaces = text.count(" ")
print(digits, letters, uppers, spaces)
print("".join(c.upper() if i % 2 == 0 else c.lower() for i, c in enumerate("alternating")))

# case-insensitive comparison
a, b = "Python", "PYTHON"
print(a == b, a.lower() == b.lower(), a.upper() == b, a.casefold() == b.casefold())
names = ["bob", "Alice", "carol", "Dave"]
print(sorted(names), sorted(names, key=str.lower))

# snake_case to CamelCase and back
def camel(s):
    return "".join(p.capitalize() for p in s.split("_"))

def snake(s):
    out = ""
    for ch in s:
        if ch.isupper() and out:
            out += "_"
        out += ch.lower()
    return out

for name in ["read_file_now", "x", "http_server"]:
    c = camel(name)
    print(name, c, snake(c))
