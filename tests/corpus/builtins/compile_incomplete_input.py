# compile()'s PyCF_ALLOW_INCOMPLETE_INPUT as codeop uses it (unfinished input raises
# _IncompleteInputError), and SyntaxError's location attributes from its arguments.
import codeop
cases = ["if 1:", "if 1:\n", "if 1:\n  pass", "if 1:\n  pass\n", "if 1:\n  pass\n\n", "1 +", "(1,", "x = '''a", "def f(:", "print(1)", "@dec", "x = 1 \\", "for x in y:\n  if x:\n    pass\n", "", "# c", "[1,\n2"]
for s in cases:
    for sym in ("single", "exec"):
        try:
            r = codeop.compile_command(s, symbol=sym)
            print(repr(s), sym, "None" if r is None else "code")
        except SyntaxError as e:
            print(repr(s), sym, type(e).__name__, e.msg)
try:
    compile("if 1:", "<s>", "exec", flags=0x4000)
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno)
try:
    compile("if 1:\n  pass", "<s>", "exec", flags=0x4000 | 0x200)
    print("compiled")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
e = SyntaxError('m', ('f.py', 1, 2, 't', 1, 3))
print(e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.print_file_and_line, str(e))
e = SyntaxError('m', ('f', 1, 2, 't'))
print(e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, str(e))
class S(SyntaxError): pass
e = S('m', ('dir/f', 3, 2, 't'))
print(e.filename, e.lineno, str(e), repr(e))
e = SyntaxError('only')
print(e.filename, e.lineno, e.msg, str(e))
e = SyntaxError()
print(e.msg, e.filename, str(e))
e.filename = 'x.py'; e.lineno = 7
print(e.filename, e.lineno)
try:
    compile("if 1:", "<s>", "exec", flags=0x4000)
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno)
import codeop
print(codeop.compile_command("x = (1,\n2"))
print(type(codeop.compile_command("x = (1,\n2)")).__name__)
