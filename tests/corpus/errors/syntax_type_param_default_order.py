# PEP 696: a type parameter without a default after one with a default.
print("never printed")
def f[T=int, U](): pass
