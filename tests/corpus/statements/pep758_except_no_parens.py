# PEP 758 (CPython 3.14): except and except* take several types without parentheses.
def check(exc):
    try:
        raise exc
    except ValueError, TypeError:
        return "value or type"
    except KeyError, IndexError, AttributeError:
        return "lookup"
    except (ZeroDivisionError, OverflowError) as e:
        return "arith " + type(e).__name__
for exc in [ValueError(), TypeError(), KeyError(1), IndexError(), AttributeError(), ZeroDivisionError(), OverflowError()]:
    print(type(exc).__name__, "->", check(exc))

for src in ["try:\n    pass\nexcept ValueError, TypeError as e:\n    pass\n",
            "try:\n    pass\nexcept* ValueError, TypeError as e:\n    pass\n"]:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_offset)
