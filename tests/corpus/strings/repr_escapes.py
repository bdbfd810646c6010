# repr() of strings: quote choice and escapes.
samples = ["plain", "it's", 'a"b', "both ' and \"", "\n\t\\", "bell\a", "\x00\x01\x1f\x7f", "\r",
           "café", "日本語", "snow ☃", "emoji 😀", "\xa0nbsp", "\u200bzero width", "\xad",
           "tab\there", "back\\slash", "", "'", '"', "'\"", "\\n is not newline", "\x80\x9f", "\u2028"]
for s in samples:
    print(len(s), repr(s))

print(repr("it's"), repr('a"b'), repr('\n\t\\'), repr("é"))
print(str("it's"), str('a"b'))
print(["it's", 'a"b', "\n", "é"])
print(("x", "y\\z"), {"k'ey": 'v"al'})
print(repr(repr("a")), repr(repr("it's")))
print("%r" % "tab\t", "{!r}".format("nl\n"), f"{'q' + chr(39)!r}")


# escapes in literals
print("a\tb", "a\\tb", r"a\tb", "x\x41y", "\u0041\U0001F600", "\101")
print(len("\n"), len(r"\n"), len("\\"), len("\x41"), len("\u00e9"), len("é"))
print('single "double" inside', "double 'single' inside", 'esc \' quote', "esc \" quote")
print("""triple "quoted" 'string'""", '''another "one"''')
# repr of strings inside containers and of mixed quotes
quotes = ["'", '"', "'\"", "a'b\"c"]
for q in quotes:
    print(len(q), repr(q), [q], (q,))
print(repr("x" * 3 + "\t"), repr("é" * 2), repr(str(12)), repr(""))
multi = """line one
line two\
 continued"""
print(multi)
print(repr(multi))
