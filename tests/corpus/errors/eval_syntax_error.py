# A SyntaxError from eval() that is not caught.
print("before")
eval("(1 + )")
