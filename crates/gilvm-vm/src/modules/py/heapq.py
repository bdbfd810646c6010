"""Heap queue (priority queue) functions for gilvm.

A heap here is an ordinary list kept in min-heap order: for every index i that
has children, heap[i] <= heap[2*i+1] and heap[i] <= heap[2*i+2], so heap[0]
is always the smallest item.  Only the '<' operator is used to compare items.

The layouts produced by every operation are the ones CPython produces, so
programs that print a heap list see the same thing on both interpreters.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _not_a_list(fname, heap, several):
    # Same wording as CPython's argument checking for these functions.
    what = 'argument 1' if several else 'argument'
    got = 'None' if heap is None else type(heap).__name__
    return TypeError('%s() %s must be list, not %s' % (fname, what, got))


# ---------------------------------------------------------------------------
# Sifting helpers.  The names and signatures are the traditional ones (some
# code reaches for heapq._siftdown / heapq._siftup), even though "down" moves
# an item towards the root and "up" moves it towards the leaves.

def _siftdown(heap, startpos, pos):
    """Move heap[pos] towards the root (stopping at startpos) until its
    parent is not greater than it."""
    item = heap[pos]
    while pos > startpos:
        up = (pos - 1) >> 1
        above = heap[up]
        if not item < above:
            break
        heap[pos] = above
        pos = up
    heap[pos] = item


def _siftup(heap, pos):
    """Restore the heap below pos, assuming both subtrees of pos are heaps.

    The hole at pos is first pushed all the way down to a leaf along the path
    of smaller children, then the displaced item is floated back up from that
    leaf.  This needs fewer comparisons on average than stopping early."""
    size = len(heap)
    top = pos
    item = heap[pos]
    kid = 2 * pos + 1
    while kid < size:
        other = kid + 1
        if other < size and not heap[kid] < heap[other]:
            kid = other
        heap[pos] = heap[kid]
        pos = kid
        kid = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, top, pos)


def _siftdown_max(heap, startpos, pos):
    """Max-heap counterpart of _siftdown."""
    item = heap[pos]
    while pos > startpos:
        up = (pos - 1) >> 1
        above = heap[up]
        if not above < item:
            break
        heap[pos] = above
        pos = up
    heap[pos] = item


def _siftup_max(heap, pos):
    """Max-heap counterpart of _siftup."""
    size = len(heap)
    top = pos
    item = heap[pos]
    kid = 2 * pos + 1
    while kid < size:
        other = kid + 1
        if other < size and not heap[other] < heap[kid]:
            kid = other
        heap[pos] = heap[kid]
        pos = kid
        kid = 2 * pos + 1
    heap[pos] = item
    _siftdown_max(heap, top, pos)


# ---------------------------------------------------------------------------
# Public heap operations.

def heappush(heap, item):
    """Add item to the heap, keeping the heap invariant."""
    if type(heap) is not list and not issubclass(type(heap), list):
        raise _not_a_list('heappush', heap, True)
    pos = len(heap)
    heap.append(item)
    # Float the new item up (inlined _siftdown(heap, 0, pos)).
    while pos > 0:
        up = (pos - 1) >> 1
        above = heap[up]
        if not item < above:
            break
        heap[pos] = above
        pos = up
    heap[pos] = item


def heappop(heap):
    """Remove and return the smallest item of the heap."""
    if type(heap) is not list and not issubclass(type(heap), list):
        raise _not_a_list('heappop', heap, False)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    # Put the last item at the root and sift it (inlined _siftup(heap, 0)).
    size = len(heap)
    pos = 0
    kid = 1
    while kid < size:
        other = kid + 1
        if other < size and not heap[kid] < heap[other]:
            kid = other
        heap[pos] = heap[kid]
        pos = kid
        kid = 2 * pos + 1
    while pos > 0:
        up = (pos - 1) >> 1
        above = heap[up]
        if not last < above:
            break
        heap[pos] = above
        pos = up
    heap[pos] = last
    return smallest


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (in one step).

    The returned value may be larger than item.  Raises IndexError on an
    empty heap."""
    if type(heap) is not list and not issubclass(type(heap), list):
        raise _not_a_list('heapreplace', heap, True)
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push item, then pop and return the smallest item (in one step).

    When item is not greater than the current smallest item (or the heap is
    empty) it is returned directly and the heap is left untouched."""
    if type(heap) is not list and not issubclass(type(heap), list):
        raise _not_a_list('heappushpop', heap, True)
    if heap and heap[0] < item:
        smallest = heap[0]
        heap[0] = item
        _siftup(heap, 0)
        return smallest
    return item


def heapify(x):
    """Rearrange the list x into heap order, in place, in linear time."""
    if type(x) is not list and not issubclass(type(x), list):
        raise _not_a_list('heapify', x, False)
    # Every index from len(x)//2 on is a leaf; fix the subtrees bottom-up.
    pos = (len(x) >> 1) - 1
    while pos >= 0:
        _siftup(x, pos)
        pos -= 1


# Max-heap variants (private, as in CPython 3.13; merge and nsmallest use them).

def _heappop_max(heap):
    """Remove and return the largest item of a max-heap."""
    if type(heap) is not list and not issubclass(type(heap), list):
        raise _not_a_list('_heappop_max', heap, False)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    largest = heap[0]
    heap[0] = last
    _siftup_max(heap, 0)
    return largest


def _heapreplace_max(heap, item):
    """Pop and return the largest item of a max-heap, then push item."""
    if type(heap) is not list and not issubclass(type(heap), list):
        raise _not_a_list('_heapreplace_max', heap, True)
    if not heap:
        raise IndexError('index out of range')
    largest = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return largest


def _heapify_max(x):
    """Rearrange the list x into max-heap order, in place."""
    if type(x) is not list and not issubclass(type(x), list):
        raise _not_a_list('_heapify_max', x, False)
    pos = (len(x) >> 1) - 1
    while pos >= 0:
        _siftup_max(x, pos)
        pos -= 1


# ---------------------------------------------------------------------------
# Higher-level helpers.

def merge(*iterables, key=None, reverse=False):
    """Lazily merge several sorted inputs into one sorted stream.

    Each input must already be sorted (by key, and in descending order when
    reverse is true).  Equal items come out in the order of the inputs they
    came from.  Returns an iterator; the inputs are consumed as needed."""
    if reverse:
        make_heap = _heapify_max
        drop_top = _heappop_max
        swap_top = _heapreplace_max
        sign = -1
    else:
        make_heap = heapify
        drop_top = heappop
        swap_top = heapreplace
        sign = 1

    # Heap entries are lists so the current value can be updated in place:
    #   [value, rank, iterator]             without key
    #   [key(value), rank, value, iterator] with key
    # rank = input number * sign is unique, so ties between equal values are
    # broken by input order and the trailing fields are never compared.
    entries = []
    if key is None:
        rank = 0
        for source in iterables:
            it = iter(source)
            for first in it:
                entries.append([first, rank, it])
                break
            rank += sign
        make_heap(entries)
        while len(entries) > 1:
            try:
                while True:
                    entry = entries[0]
                    yield entry[0]
                    entry[0] = next(entry[2])
                    swap_top(entries, entry)
            except StopIteration:
                drop_top(entries)
        if entries:
            entry = entries[0]
            yield entry[0]
            yield from entry[2]
        return

    rank = 0
    for source in iterables:
        it = iter(source)
        for first in it:
            entries.append([key(first), rank, first, it])
            break
        rank += sign
    make_heap(entries)
    while len(entries) > 1:
        try:
            while True:
                entry = entries[0]
                yield entry[2]
                value = next(entry[3])
                entry[0] = key(value)
                entry[2] = value
                swap_top(entries, entry)
        except StopIteration:
            drop_top(entries)
    if entries:
        entry = entries[0]
        yield entry[2]
        yield from entry[3]


def nsmallest(n, iterable, key=None):
    """Return a list of the n smallest items of iterable.

    Same result as sorted(iterable, key=key)[:n] (equal items keep their
    original order), but only n items are held in memory at a time."""
    if n == 1:
        missing = object()
        if key is None:
            best = min(iter(iterable), default=missing)
        else:
            best = min(iter(iterable), default=missing, key=key)
        if best is missing:
            return []
        return [best]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]

    # Keep the n best candidates seen so far in a max-heap, so the worst of
    # them is at the root.  Each entry carries its position in the input,
    # which makes entries unique and keeps equal items in input order.
    it = iter(iterable)
    if key is None:
        kept = [(item, index) for index, item in zip(range(n), it)]
        if not kept:
            return kept
        _heapify_max(kept)
        worst = kept[0][0]
        index = n
        for item in it:
            if item < worst:
                _heapreplace_max(kept, (item, index))
                worst = kept[0][0]
            index += 1
        kept.sort()
        return [entry[0] for entry in kept]

    kept = [(key(item), index, item) for index, item in zip(range(n), it)]
    if not kept:
        return kept
    _heapify_max(kept)
    worst = kept[0][0]
    index = n
    for item in it:
        k = key(item)
        if k < worst:
            _heapreplace_max(kept, (k, index, item))
            worst = kept[0][0]
        index += 1
    kept.sort()
    return [entry[2] for entry in kept]


def nlargest(n, iterable, key=None):
    """Return a list of the n largest items of iterable, largest first.

    Same result as sorted(iterable, key=key, reverse=True)[:n] (equal items
    keep their original order), but only n items are held in memory."""
    if n == 1:
        missing = object()
        if key is None:
            best = max(iter(iterable), default=missing)
        else:
            best = max(iter(iterable), default=missing, key=key)
        if best is missing:
            return []
        return [best]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]

    # Keep the n best candidates in a min-heap (the weakest at the root).
    # Positions are stored negated so that, among equal items, the earlier
    # one compares greater and therefore survives and sorts first.
    it = iter(iterable)
    if key is None:
        kept = [(item, index) for index, item in zip(range(0, -n, -1), it)]
        if not kept:
            return kept
        heapify(kept)
        worst = kept[0][0]
        index = -n
        for item in it:
            if worst < item:
                heapreplace(kept, (item, index))
                worst = kept[0][0]
            index -= 1
        kept.sort(reverse=True)
        return [entry[0] for entry in kept]

    kept = [(key(item), index, item)
            for index, item in zip(range(0, -n, -1), it)]
    if not kept:
        return kept
    heapify(kept)
    worst = kept[0][0]
    index = -n
    for item in it:
        k = key(item)
        if worst < k:
            heapreplace(kept, (k, index, item))
            worst = kept[0][0]
        index -= 1
    kept.sort(reverse=True)
    return [entry[2] for entry in kept]
