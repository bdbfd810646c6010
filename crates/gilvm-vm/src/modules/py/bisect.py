"""Binary search over sorted sequences, and insertion that keeps them sorted
(gilvm's implementation).

All functions take the sequence a, the value x, optional bounds lo and hi
(hi=None means len(a)) restricting the slice a[lo:hi] that is searched, and
an optional keyword-only key function.  The key is applied to the elements of
a only; for the insort functions it is also applied to x before searching.
Only the '<' operator is used to compare.
"""


def _lo_arg(lo):
    # lo accepts anything with __index__, like CPython.
    try:
        to_int = type(lo).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(lo).__name__) from None
    return to_int(lo)


def _hi_arg(hi):
    try:
        to_int = type(hi).__index__
    except AttributeError:
        raise TypeError("argument should be integer or None, not '%s'"
                        % type(hi).__name__) from None
    return to_int(hi)


def _bounds(a, lo, hi):
    """lo and hi checked and defaulted in CPython's order: lo's type, hi's type, lo < 0, then
    len(a) for a missing hi (an explicit hi=-1 counts as missing, as in CPython)."""
    if type(lo) is not int:
        lo = _lo_arg(lo)
    if hi is not None and type(hi) is not int:
        hi = _hi_arg(hi)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None or hi == -1:
        hi = len(a)
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Return the index where x would be inserted into the sorted a, after
    any items equal to x.

    Everything in a[lo:i] is <= x and everything in a[i:hi] is > x."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) >> 1
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) >> 1
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Return the index where x would be inserted into the sorted a, before
    any items equal to x.

    Everything in a[lo:i] is < x and everything in a[i:hi] is >= x."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) >> 1
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) >> 1
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into the sorted a, after any items equal to x."""
    if key is None:
        where = bisect_right(a, x, lo, hi)
    else:
        where = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(where, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into the sorted a, before any items equal to x."""
    if key is None:
        where = bisect_left(a, x, lo, hi)
    else:
        where = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(where, x)


# The short names are the "right" variants.
bisect = bisect_right
insort = insort_right
