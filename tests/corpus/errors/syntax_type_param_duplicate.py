# PEP 695: a type parameter name used twice.
print("never printed")
class C[T, *T]: pass
