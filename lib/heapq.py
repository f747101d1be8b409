"""Heap queue algorithm (a.k.a. priority queue), min-heaps and max-heaps
kept in plain lists with heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2]
(ftpy).  Like every list operation these are not atomic as a whole: guard a
heap shared between threads with a lock (queue.PriorityQueue does)."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop', 'heappush_max',
           'heappop_max', 'heapify_max', 'heapreplace_max', 'heappushpop_max']


def _check(heap, where='heap argument'):
    # `where` names the argument as CPython's messages do: "heappush()
    # argument 1" for two-argument functions, "heapify() argument" otherwise.
    if not isinstance(heap, list):
        raise TypeError('%s must be list, not %s' % (where, _type_name(heap)))


def _type_name(obj):
    return 'None' if obj is None else type(obj).__name__


# Heap maintenance.  `_rise` moves the item at pos towards the root while
# it must come before its parent.  `_fall` re-establishes the heap below
# pos by walking the hole at pos down to a leaf (always towards the child
# that must come first) and then letting the displaced item rise from
# there: about half the comparisons of the naive sift, and the same
# arrangement of equal items as CPython.  `first(a, b)` is a < b for
# min-heaps and b < a for max-heaps.

def _min_first(a, b):
    return a < b


def _max_first(a, b):
    return b < a


def _rise(heap, pos, top, first):
    item = heap[pos]
    while pos > top:
        up = (pos - 1) >> 1
        if not first(item, heap[up]):
            break
        heap[pos] = heap[up]
        pos = up
    heap[pos] = item


def _fall(heap, pos, first):
    size = len(heap)
    top = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < size:
        other = child + 1
        if other < size and not first(heap[child], heap[other]):
            child = other
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _rise(heap, pos, top, first)


def _siftdown(heap, startpos, pos):
    _rise(heap, pos, startpos, _min_first)


def _siftup(heap, pos):
    _fall(heap, pos, _min_first)


def _siftdown_max(heap, startpos, pos):
    _rise(heap, pos, startpos, _max_first)


def _siftup_max(heap, pos):
    _fall(heap, pos, _max_first)


def heappush(heap, item, /):
    """Add item to heap, keeping it a heap."""
    _check(heap, 'heappush() argument 1')
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap, /):
    """Remove and return the smallest item of heap."""
    _check(heap, 'heappop() argument')
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item, /):
    """Pop and return the current smallest value, and add the new item."""
    _check(heap, 'heapreplace() argument 1')
    if not heap:
        raise IndexError('index out of range')
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item, /):
    """Push item on the heap, then pop and return the smallest item."""
    _check(heap, 'heappushpop() argument 1')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(heap, /):
    """Rearrange list x into a heap, in linear time."""
    _check(heap, 'heapify() argument')
    for i in reversed(range(len(heap) // 2)):
        _siftup(heap, i)


def heappush_max(heap, item, /):
    """Push item onto max heap, maintaining the heap invariant."""
    _check(heap, 'heappush_max() argument 1')
    heap.append(item)
    _siftdown_max(heap, 0, len(heap) - 1)


def heappop_max(heap, /):
    """Maxheap variant of heappop."""
    _check(heap, 'heappop_max() argument')
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def heapreplace_max(heap, item, /):
    """Maxheap variant of heapreplace."""
    _check(heap, 'heapreplace_max() argument 1')
    if not heap:
        raise IndexError('index out of range')
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def heappushpop_max(heap, item, /):
    """Maxheap variant of heappushpop."""
    _check(heap, 'heappushpop_max() argument 1')
    if heap and item < heap[0]:
        item, heap[0] = heap[0], item
        _siftup_max(heap, 0)
    return item


def heapify_max(heap, /):
    """Transform list into a maxheap, in-place, in O(len(heap)) time."""
    _check(heap, 'heapify_max() argument')
    for i in reversed(range(len(heap) // 2)):
        _siftup_max(heap, i)


# Old private names, used by some third-party code.
_heappop_max = heappop_max
_heapify_max = heapify_max
_heapreplace_max = heapreplace_max


def merge(*iterables, key=None, reverse=False):
    """Lazily merge sorted iterables into one sorted iterator; key and
    reverse as for sorted().  Among equal items, earlier iterables first."""
    # Entries are [sortkey, order, value, next]; order breaks ties stably.
    # For reverse the heap is a max-heap and order counts down.
    h = []
    if reverse:
        push, pop, replace, fix = heappush_max, heappop_max, heapreplace_max, heapify_max
        direction = -1
    else:
        push, pop, replace, fix = heappush, heappop, heapreplace, heapify
        direction = 1
    for order, it in enumerate(map(iter, iterables)):
        nxt = it.__next__
        try:
            value = nxt()
        except StopIteration:
            continue
        k = value if key is None else key(value)
        h.append([k, order * direction, value, nxt])
    fix(h)
    while len(h) > 1:
        try:
            while True:
                entry = h[0]
                yield entry[2]
                value = entry[3]()
                entry[0] = value if key is None else key(value)
                entry[2] = value
                replace(h, entry)
        except StopIteration:
            pop(h)
    if h:
        entry = h[0]
        yield entry[2]
        nxt = entry[3]
        while True:
            try:
                value = nxt()
            except StopIteration:
                return
            yield value


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, smallest first: the same as
    sorted(iterable, key=key)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key) if key is not None \
            else min(it, default=sentinel)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    # Keep a max-heap of the n smallest seen so far, as (key, order, value).
    it = iter(iterable)
    result = []
    for order, elem in zip(range(n), it):
        result.append((elem if key is None else key(elem), order, elem))
    if not result:
        return result
    heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = elem if key is None else key(elem)
        if k < top:
            heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [r[2] for r in result]


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, largest first: the same as
    sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key) if key is not None \
            else max(it, default=sentinel)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    # A min-heap of the n largest; order counts down so that among equal
    # keys the earlier element sorts as larger (stability of sorted()).
    it = iter(iterable)
    result = []
    for order, elem in zip(range(0, -n, -1), it):
        result.append((elem if key is None else key(elem), order, elem))
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = elem if key is None else key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [r[2] for r in result]


# heapq's heap operations are C in CPython (_heapq): their frames, and
# those of the helpers they share, stay out of tracebacks (a comparison
# that fails in user code still shows the user's frames).
def _hide_frames():
    import sys
    if hasattr(sys, '_ftpy_hide_frames'):
        sys._ftpy_hide_frames(
            _check, _type_name, _min_first, _max_first, _rise, _fall,
            _siftdown, _siftup, _siftdown_max, _siftup_max, heappush, heappop,
            heapreplace, heappushpop, heapify, heappush_max, heappop_max,
            heapreplace_max, heappushpop_max, heapify_max)
_hide_frames()
del _hide_frames

# The native versions (src/modules/heapq_module.cpp), as CPython's _heapq;
# merge, nsmallest and nlargest find them as module globals.
try:
    from _heapq import heappush, heappop, heapreplace, heappushpop, heapify
    from _heapq import _heappop_max, _heapreplace_max, _heapify_max
except ImportError:
    pass
