# Case mapping and classification beyond ASCII (CPython's Unicode database rules).
def show(*xs):
    print(*[ascii(x) for x in xs])

words = ["straße", "ǆemal ǈub", "ﬁsh ﬂour", "ΣΑΣ ΟΔΥΣΣΕΥΣ", "İstanbul", "ῼ ᾳ", "ŉ", "Ǆ", "ǅ", "ſt",
         "Ꭰꭰ", "ᏸ", "ꙋ", "ǰ", "ΐ", "ﬀ", "µ", "ÿ", "ı", "K", "Å", "Ω", "ꞵ", "Ⱥ", "ɐ"]
for w in words:
    show(w, w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
# final sigma rules
for w in ["Σ", "ΑΣ", "ΑΣ.", "ΑΣΑ", "Α.Σ", "ΑΣ'", "ΑΣ'Α", "A\u0345Σ", "ΣΑ", " Σ ", "ΑΣ\u0301", "ΑΣ1"]:
    show(w, w.lower(), w.swapcase(), w.title(), w.capitalize())
# title with apostrophes, digits, mixed scripts
for w in ["they're bill's friends", "hello_world-foo bar", "3rd ÉTAGE", "élan vital", "ǆ", "aǅb", "ΣΑΣ σας"]:
    show(w.title(), w.istitle(), w.title().istitle())
# classification
samples = ["٣٤", "²", "½", "Ⅷ", "一二三", "①", "𝟘𝟙", "٣a", "١٢٣", "ⅷ", "x²", "12", "1.5", "", "ǅ", "Ǆ", "ǆ",
           "ǅa", "ǅA", "Ab Ǆ", "\u2028", "\u00a0", "\u200b", "\ufeff", "\u0085", "\x1c", "\t", "é", "ª", "ʰ",
           "𝔄", "_a", "a_1", "1a", "ℕ", "℘x", "·", "x·", "ⅸ", "〇", "⑩", "\U0001F600", "a\u0301", "\ue000"]
print("s alpha decimal digit numeric alnum space upper lower title ident printable ascii")
for t in samples:
    show(t, t.isalpha(), t.isdecimal(), t.isdigit(), t.isnumeric(), t.isalnum(), t.isspace(), t.isupper(),
         t.islower(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii())
print(repr("\u200b\u00ad\u2028x\ue000\U0001F600\u0378"), ascii("é☃"), repr("\x7f\x9f\xa0\xad\xff"))
print(len("ǅ".upper()), len("ß".upper()), len("ﬃ".upper()), "ﬃ".upper(), "İ".lower() == "i\u0307")
