# A SyntaxError from compile() names the given file name.
print("before")
compile("x = 1\nif x\n    pass\n", "generated.py", "exec")
