// The _heapq module: lib/heapq.py's heap operations in C++ (the Python
// versions stay as the fallback, and for merge/nsmallest/nlargest).
// Measured with only the Python versions: 100,000 heappush + heappop took
// 2x python3's time.
//
// Thread safety: as in CPython, an operation as a whole is not atomic (a
// heap shared between threads needs a lock, which queue.PriorityQueue
// takes). Each read and write of the list is one atomic list operation (a
// lock-free bounds-checked read, a store through list's own item
// assignment), and a comparison that changes the heap's size raises
// RuntimeError instead of reading past the end.
#include "modules/heapq_module.h"

#include "objects/errors.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"

namespace ftpy {

namespace {

// --- heap primitives -------------------------------------------------------------------------

bool check_list(Value heap, const char* where) {
  if (is_list(heap)) return true;
  err_format(g_TypeError, "%s must be list, not %s", where,
             is_none(heap) ? "None" : type_tp_name(type_of(heap)));
  return false;
}

// heap[i], or RuntimeError if the list shrank under a comparison.
Ref<> get(Value heap, int64_t i) {
  Ref<> v = list_get_or_null(heap, i);
  if (!v) err_set_str(g_RuntimeError, "list changed size during iteration");
  return v;
}

// list.__setitem__(heap, i, v) (not a subclass's override, as CPython's C heapq).
bool put(Value heap, int64_t i, Value v) { return g_list_type.mp_ass_subscript(heap, Value::small(i), v) == 0; }

bool same_size(Value heap, int64_t size) {
  if (list_size(heap) == size) return true;
  err_set_str(g_RuntimeError, "list changed size during iteration");
  return false;
}

// a comes first: a < b in a min-heap, b < a in a max-heap. -1 on error.
int first(Value a, Value b, bool max) { return max ? richcompare_bool(b, a, kLt) : richcompare_bool(a, b, kLt); }

// Move the item at pos towards startpos while it comes before its parent.
bool sift_down(Value heap, int64_t startpos, int64_t pos, bool max) {
  int64_t size = list_size(heap);
  while (pos > startpos) {
    int64_t parentpos = (pos - 1) >> 1;
    Ref<> item = get(heap, pos);
    if (!item) return false;
    Ref<> parent = get(heap, parentpos);
    if (!parent) return false;
    int c = first(item.val(), parent.val(), max);
    if (c < 0 || !same_size(heap, size)) return false;
    if (c == 0) break;
    // Swap the two slots as they are now (the comparison may have run code).
    item = get(heap, pos);
    if (!item) return false;
    parent = get(heap, parentpos);
    if (!parent) return false;
    if (!put(heap, parentpos, item.val()) || !put(heap, pos, parent.val())) return false;
    pos = parentpos;
  }
  return true;
}

// Walk the hole at pos down to a leaf, always towards the child that comes
// first, then let the displaced item rise (about half the comparisons of a
// plain sift, and CPython's arrangement of equal items).
bool sift_up(Value heap, int64_t pos, bool max) {
  int64_t endpos = list_size(heap);
  int64_t startpos = pos;
  int64_t limit = endpos >> 1;
  while (pos < limit) {
    int64_t child = 2 * pos + 1;
    if (child + 1 < endpos) {
      Ref<> a = get(heap, child);
      if (!a) return false;
      Ref<> b = get(heap, child + 1);
      if (!b) return false;
      int c = first(a.val(), b.val(), max);
      if (c < 0 || !same_size(heap, endpos)) return false;
      if (c == 0) child++;
    }
    Ref<> up = get(heap, child);
    if (!up) return false;
    Ref<> down = get(heap, pos);
    if (!down) return false;
    if (!put(heap, child, down.val()) || !put(heap, pos, up.val())) return false;
    pos = child;
  }
  return sift_down(heap, startpos, pos, max);
}

Ref<> push(Value heap, Value item, bool max, const char* where) {
  if (!check_list(heap, where)) return nullptr;
  if (list_append(heap, item) < 0) return nullptr;
  if (!sift_down(heap, 0, list_size(heap) - 1, max)) return nullptr;
  return new_none();
}

Ref<> pop(Value heap, bool max, const char* where) {
  if (!check_list(heap, where)) return nullptr;
  int64_t n = list_size(heap);
  if (n == 0) return err_set_str(g_IndexError, "index out of range");
  Ref<> last = list_get_or_null(heap, n - 1);
  if (!last) return err_set_str(g_IndexError, "index out of range");
  if (g_list_type.mp_ass_subscript(heap, Value::small(n - 1), Value()) < 0) return nullptr;
  if (n == 1) return last;
  Ref<> top = get(heap, 0);
  if (!top || !put(heap, 0, last.val()) || !sift_up(heap, 0, max)) return nullptr;
  return top;
}

Ref<> replace(Value heap, Value item, bool max, const char* where) {
  if (!check_list(heap, where)) return nullptr;
  if (list_size(heap) == 0) return err_set_str(g_IndexError, "index out of range");
  Ref<> top = get(heap, 0);
  if (!top || !put(heap, 0, item) || !sift_up(heap, 0, max)) return nullptr;
  return top;
}

Ref<> pushpop(Value heap, Value item, bool max, const char* where) {
  if (!check_list(heap, where)) return nullptr;
  if (list_size(heap) == 0) return Ref<>::borrow(item);
  Ref<> top = get(heap, 0);
  if (!top) return nullptr;
  int c = first(top.val(), item, max);
  if (c < 0) return nullptr;
  if (c == 0) return Ref<>::borrow(item);
  if (list_size(heap) == 0) return err_set_str(g_IndexError, "index out of range");
  top = get(heap, 0);
  if (!top || !put(heap, 0, item) || !sift_up(heap, 0, max)) return nullptr;
  return top;
}

Ref<> heapify(Value heap, bool max, const char* where) {
  if (!check_list(heap, where)) return nullptr;
  for (int64_t i = list_size(heap) / 2 - 1; i >= 0; i--)
    if (!sift_up(heap, i, max)) return nullptr;
  return new_none();
}

Ref<> h_heappush(Value, Value* a) { return push(a[0], a[1], false, "heappush() argument 1"); }
Ref<> h_heappop(Value, Value* a) { return pop(a[0], false, "heappop() argument"); }
Ref<> h_heapreplace(Value, Value* a) { return replace(a[0], a[1], false, "heapreplace() argument 1"); }
Ref<> h_heappushpop(Value, Value* a) { return pushpop(a[0], a[1], false, "heappushpop() argument 1"); }
Ref<> h_heapify(Value, Value* a) { return heapify(a[0], false, "heapify() argument"); }
Ref<> h_heappop_max(Value, Value* a) { return pop(a[0], true, "_heappop_max() argument"); }
Ref<> h_heapreplace_max(Value, Value* a) { return replace(a[0], a[1], true, "_heapreplace_max() argument 1"); }
Ref<> h_heapify_max(Value, Value* a) { return heapify(a[0], true, "_heapify_max() argument"); }

const MethodDef kHeapqFunctions[] = {
    {"heappush(heap, item, /)", h_heappush, "Push item onto heap, maintaining the heap invariant."},
    {"heappop(heap, /)", h_heappop, "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heapreplace(heap, item, /)", h_heapreplace,
     "Pop and return the current smallest value, and add the new item."},
    {"heappushpop(heap, item, /)", h_heappushpop,
     "Push item on the heap, then pop and return the smallest item from the heap."},
    {"heapify(heap, /)", h_heapify, "Transform list into a heap, in-place, in O(len(heap)) time."},
    {"_heappop_max(heap, /)", h_heappop_max, "Maxheap variant of heappop."},
    {"_heapreplace_max(heap, item, /)", h_heapreplace_max, "Maxheap variant of heapreplace."},
    {"_heapify_max(heap, /)", h_heapify_max, "Maxheap variant of heapify."},
    {nullptr}};

}  // namespace

Ref<> heapq_module_create() {
  Ref<> m = module_new("_heapq");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kHeapqFunctions) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
