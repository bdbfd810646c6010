#!/usr/bin/env python3
"""Generates crates/gilvm-vm/src/builtins/str_unicode_data.rs: the Unicode character
properties CPython's str methods use, computed the way CPython's
Tools/unicode/makeunicodedata.py computes them.

Input: the Unicode Character Database text files (Debian package `unicode-data`, UCD
15.0.0, in /usr/share/unicode), plus the Unicode 15.1 additions CPython 3.13 has (listed
below by hand). Run: python3 crates/gilvm-vm/tools/gen_unicode_data.py [UCD_DIR]
"""
import bz2
import os
import sys

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "builtins", "str_unicode_data.rs")

ALPHA, DECIMAL, DIGIT, NUMERIC, PRINTABLE, SPACE, LOWER, UPPER, TITLE, CASED, CASE_IGNORABLE, XID_START, XID_CONTINUE = (1 << i for i in range(13))
N = 0x110000

def ucd(name):
    return open(os.path.join(UCD, name), encoding="utf-8")

category = [None] * N
bidi = [None] * N
decimal = [False] * N
digit = [False] * N
numeric = [False] * N
upper_s = {}
lower_s = {}
title_s = {}

first = None
for line in ucd("UnicodeData.txt"):
    f = line.rstrip("\n").split(";")
    cp = int(f[0], 16)
    name = f[1]
    if name.endswith(", First>"):
        first = cp
        continue
    rng = range(first, cp + 1) if name.endswith(", Last>") else range(cp, cp + 1)
    first = None
    for c in rng:
        category[c] = f[2]
        bidi[c] = f[4]
        decimal[c] = f[6] != ""
        digit[c] = f[7] != ""
        numeric[c] = f[8] != ""
    if f[12]:
        upper_s[cp] = int(f[12], 16)
    if f[13]:
        lower_s[cp] = int(f[13], 16)
    if f[14]:
        title_s[cp] = int(f[14], 16)

with bz2.open(os.path.join(UCD, "Unihan_NumericValues.txt.bz2"), "rt", encoding="utf-8") as fh:
    for line in fh:
        if line.startswith("#") or not line.strip():
            continue
        cp, tag, _ = line.split("\t", 2)
        if tag in ("kAccountingNumeric", "kPrimaryNumeric", "kOtherNumeric"):
            numeric[int(cp[2:], 16)] = True

props = {}
for line in ucd("DerivedCoreProperties.txt"):
    line = line.split("#")[0].strip()
    if not line:
        continue
    r, p = [x.strip() for x in line.split(";")[:2]]
    if p not in ("Lowercase", "Uppercase", "Cased", "Case_Ignorable", "XID_Start", "XID_Continue"):
        continue
    a, _, b = r.partition("..")
    a = int(a, 16)
    b = int(b, 16) if b else a
    s = props.setdefault(p, set())
    s.update(range(a, b + 1))

# Unicode 15.1 (CPython 3.13's version) on top of 15.0.
for c in range(0x2EBF0, 0x2EE5E):  # CJK Unified Ideographs Extension I
    category[c] = "Lo"
    bidi[c] = "L"
    props["XID_Start"].add(c)
    props["XID_Continue"].add(c)
for c in list(range(0x2FFC, 0x3000)) + [0x31EF]:  # ideographic description characters
    category[c] = "So"
    bidi[c] = "ON"
for c in (0x200C, 0x200D, 0x30FB, 0xFF65):  # added to Other_ID_Continue in 15.1
    props["XID_Continue"].add(c)

flags = [0] * N
for c in range(N):
    cat = category[c]
    f = 0
    if cat in ("Lm", "Lt", "Lu", "Ll", "Lo"):
        f |= ALPHA
    if decimal[c]:
        f |= DECIMAL
    if digit[c]:
        f |= DIGIT
    if numeric[c]:
        f |= NUMERIC
    if c == 0x20 or (cat is not None and cat[0] not in "CZ"):
        f |= PRINTABLE
    if cat == "Zs" or bidi[c] in ("WS", "B", "S"):
        f |= SPACE
    if c in props["Lowercase"]:
        f |= LOWER
    if c in props["Uppercase"]:
        f |= UPPER
    if cat == "Lt":
        f |= TITLE
    if c in props["Cased"]:
        f |= CASED
    if c in props["Case_Ignorable"]:
        f |= CASE_IGNORABLE
    if c in props["XID_Start"]:
        f |= XID_START
    if c in props["XID_Continue"]:
        f |= XID_CONTINUE
    flags[c] = f

runs = []
prev = None
for c in range(N):
    if flags[c] != prev:
        runs.append((c, flags[c]))
        prev = flags[c]

# Full case mappings (SpecialCasing unconditional entries override the simple ones).
special = {}
for line in ucd("SpecialCasing.txt"):
    line = line.split("#")[0].strip()
    if not line:
        continue
    f = [x.strip() for x in line.split(";")]
    if f[4]:  # conditional mapping: CPython ignores these
        continue
    cp = int(f[0], 16)
    conv = lambda s: [int(x, 16) for x in s.split()]
    special[cp] = (conv(f[1]), conv(f[2]), conv(f[3]))

def full_lower(c):
    if c in special:
        return special[c][0]
    return [lower_s.get(c, c)]

def full_upper(c):
    if c in special:
        return special[c][2]
    return [upper_s.get(c, c)]

def full_title(c):
    if c in special:
        return special[c][1]
    if c in title_s:
        return [title_s[c]]
    return full_upper(c)

fold = {}
for line in ucd("CaseFolding.txt"):
    line = line.split("#")[0].strip()
    if not line:
        continue
    f = [x.strip() for x in line.split(";")]
    if f[1] in ("C", "F"):
        fold[int(f[0], 16)] = [int(x, 16) for x in f[2].split()]

title_delta = sorted((c, full_title(c)) for c in range(N) if category[c] is not None and full_title(c) != full_upper(c))
# CPython folds a character without a CaseFolding entry to itself when that differs from
# its lower-case mapping (the Cherokee capitals), else to its lower case.
fold_delta = sorted((c, fold.get(c, [c])) for c in range(N) if category[c] is not None and fold.get(c, [c]) != full_lower(c))
lower_map = sorted((c, full_lower(c)) for c in range(N) if category[c] is not None and full_lower(c) != [c])
upper_map = sorted((c, full_upper(c)) for c in range(N) if category[c] is not None and full_upper(c) != [c])

def chars(m):
    return "".join("\\u{%x}" % x for x in m)

out = []
out.append("//! Generated by crates/gilvm-vm/tools/gen_unicode_data.py from the Unicode Character")
out.append("//! Database 15.0 plus the 15.1 additions (CPython 3.13's Unicode version). Do not edit.")
out.append("")
for i, n in enumerate(["ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "PRINTABLE", "SPACE", "LOWER", "UPPER", "TITLE", "CASED", "CASE_IGNORABLE", "XID_START", "XID_CONTINUE"]):
    out.append(f"pub const {n}: u16 = 1 << {i};")
out.append("")
out.append("/// Runs of code points with equal flags: (first code point, flags), sorted.")
out.append(f"pub static RUNS: [(u32, u16); {len(runs)}] = [")
line = "   "
for c, f in runs:
    item = f" (0x{c:x}, 0x{f:x}),"
    if len(line) + len(item) > 100:
        out.append(line)
        line = "   "
    line += item
out.append(line)
out.append("];")
out.append("")
out.append("/// Flags of the ASCII characters.")
out.append("pub static ASCII: [u16; 128] = [")
for i in range(0, 128, 16):
    out.append("    " + " ".join(f"0x{flags[c]:x}," for c in range(i, i + 16)))
out.append("];")
out.append("")
def table(name, doc, rows, path):
    lines = [f"/// {doc}", f"pub static {name}: [(char, &str); {len(rows)}] = ["]
    line = "   "
    for c, m in rows:
        item = f" ('\\u{{{c:x}}}', \"{chars(m)}\"),"
        if len(line) + len(item) > 118:
            lines.append(line)
            line = "   "
        line += item
    lines.append(line)
    lines.append("];")
    lines.append("")
    return lines

case = ["//! Generated by crates/gilvm-vm/tools/gen_unicode_data.py from the Unicode Character",
        "//! Database 15.0 (CPython 3.13's 15.1 adds no case mappings). Do not edit.",
        "//! Full case mappings: SpecialCasing's unconditional entries, else UnicodeData's.", ""]
case += table("LOWER_MAP", "Characters whose full lower-case mapping is not themselves.", lower_map, None)
case += table("UPPER_MAP", "Characters whose full upper-case mapping is not themselves.", upper_map, None)
case += table("TITLE_DELTA", "Characters whose full title-case mapping differs from the full upper-case one.", title_delta, None)
case += table("FOLD_DELTA", "Characters whose case folding differs from their full lower-case mapping.", fold_delta, None)
with open(OUT.replace("str_unicode_data.rs", "str_case_data.rs"), "w", encoding="utf-8") as fh:
    fh.write("\n".join(case))
with open(OUT, "w", encoding="utf-8") as fh:
    fh.write("\n".join(out) + "\n")
print(f"{len(runs)} runs, {len(lower_map)} lower, {len(upper_map)} upper, {len(title_delta)} title deltas, {len(fold_delta)} fold deltas")
