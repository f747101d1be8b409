// tuple: construction (incl. subclasses, which are variable-sized with their
// __dict__ slot after the items), subscripting, + and *, and the methods.
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

size_t tuple_var_size(Object* o) { return sizeof(Tuple) + sizeof(Value) * static_cast<Tuple*>(o)->size; }

// A subclass instance holding a copy of `items`.
Ref<> tuple_subtype_new(Type* t, Value items) {
  int64_t n = tuple_size(items);
  size_t used = (sizeof(Tuple) + sizeof(Value) * n + 7) & ~size_t{7};
  size_t extra = t->basic_size > g_tuple_type.basic_size ? t->basic_size - g_tuple_type.basic_size : 0;
  size_t size = used + extra + (t->dict_offset < 0 ? sizeof(Value) : 0);
  Tuple* r = alloc_object<Tuple>(t, size);
  if (!r) return nullptr;
  r->size = n;
  for (int64_t i = 0; i < n; i++) r->items[i] = Ref<>::borrow(tuple_item(items, i)).release();
  return Ref<>::steal(Value(r));
}

Ref<> tuple_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames) > 0 && t == &g_tuple_type)
    return err_set_str(g_TypeError, "tuple() takes no keyword arguments");
  if (nargs > 1) return err_format(g_TypeError, "tuple expected at most 1 argument, got %zu", nargs);
  Ref<> items = nargs ? sequence_tuple(args[0]) : Ref<>(empty_tuple());
  if (!items) return nullptr;
  if (t == &g_tuple_type) {
    if (is_tuple_exact(items.val())) return items;
    return tuple_from_array(items.val().as<Tuple>()->items, tuple_size(items.val()));
  }
  return tuple_subtype_new(t, items.val());
}

Ref<> tuple_iter(Value self) { return tuple_iter_new(self); }

Ref<> tuple_item_checked(Value self, int64_t i) {
  int64_t n = tuple_size(self);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return err_set_str(g_IndexError, "tuple index out of range");
  return Ref<>::borrow(tuple_item(self, i));
}

Ref<> tuple_subscript(Value self, Value key) {
  if (key.is_small()) return tuple_item_checked(self, key.small_value());
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(key, tuple_size(self), &start, &stop, &step, &n)) return nullptr;
    if (step == 1) return tuple_slice(self, start, start + n);
    Ref<Tuple> r = tuple_new(n);
    if (!r) return nullptr;
    for (int64_t i = 0, j = start; i < n; i++, j += step) tuple_init_item(r.get(), i, Ref<>::borrow(tuple_item(self, j)));
    return r;
  }
  if (type_of(key)->nb_index) {
    int64_t i;
    if (!to_index(key, &i)) return nullptr;
    return tuple_item_checked(self, i);
  }
  return err_format(g_TypeError, "tuple indices must be integers or slices, not %s", type_tp_name(type_of(key)));
}

Ref<> tuple_concat(Value a, Value b) {
  if (!is_tuple(a) || !is_tuple(b)) return Ref<>::steal(not_implemented());
  int64_t na = tuple_size(a), nb = tuple_size(b);
  if (nb == 0 && is_tuple_exact(a)) return Ref<>::borrow(a);
  if (na == 0 && is_tuple_exact(b)) return Ref<>::borrow(b);
  Ref<Tuple> r = tuple_new(na + nb);
  if (!r) return nullptr;
  for (int64_t i = 0; i < na; i++) tuple_init_item(r.get(), i, Ref<>::borrow(tuple_item(a, i)));
  for (int64_t i = 0; i < nb; i++) tuple_init_item(r.get(), na + i, Ref<>::borrow(tuple_item(b, i)));
  return r;
}

Ref<> tuple_repeat(Value a, Value b) {
  Value seq = a, count = b;
  if (!is_tuple(a)) std::swap(seq, count);
  if (!is_tuple(seq) || !type_of(count)->nb_index) return Ref<>::steal(not_implemented());
  int64_t k;
  if (count.is_small()) {
    k = count.small_value();
  } else {
    Ref<> i = number_index(count);
    if (!i) return nullptr;
    if (!int_as_int64(i.val(), &k)) {
      if (int_sign(i.val()) < 0) k = 0;
      else return err_format(g_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(type_of(count)));
    }
  }
  int64_t n = tuple_size(seq);
  if (k == 1 && is_tuple_exact(seq)) return Ref<>::borrow(seq);
  if (k <= 0 || n == 0) return empty_tuple();
  if (k > INT64_MAX / 16 / n) return err_no_memory();
  Ref<Tuple> r = tuple_new(n * k);
  if (!r) return nullptr;
  for (int64_t j = 0; j < k; j++)
    for (int64_t i = 0; i < n; i++) tuple_init_item(r.get(), j * n + i, Ref<>::borrow(tuple_item(seq, i)));
  return r;
}

Ref<> m_count(Value self, Value* args) {
  int64_t c = 0;
  for (int64_t i = 0; i < tuple_size(self); i++) {
    int r = richcompare_bool(tuple_item(self, i), args[0], kEq);
    if (r < 0) return nullptr;
    c += r;
  }
  return int_from_int64(c);
}

bool index_bound(Value v, int64_t len, int64_t* out) {
  if (!v.is_small() && !type_of(v)->nb_index) {
    err_set_str(g_TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  if (!slice_bound_clamped(v, out)) return false;
  if (*out < 0) {
    *out += len;
    if (*out < 0) *out = 0;
  }
  return true;
}

Ref<> m_index(Value self, Value* args) {
  int64_t n = tuple_size(self);
  int64_t start = 0, stop = n;
  if (!args[1].is_null() && !index_bound(args[1], n, &start)) return nullptr;
  if (!args[2].is_null() && !index_bound(args[2], n, &stop)) return nullptr;
  if (stop > n) stop = n;
  for (int64_t i = start; i < stop; i++) {
    int r = richcompare_bool(tuple_item(self, i), args[0], kEq);
    if (r < 0) return nullptr;
    if (r) return int_from_int64(i);
  }
  return err_set_str(g_ValueError, "tuple.index(x): x not in tuple");
}

Ref<> m_getnewargs(Value self, Value*) {
  Ref<> plain = tuple_slice(self, 0, tuple_size(self));
  if (!plain) return nullptr;
  if (!is_tuple_exact(plain.val())) plain = tuple_from_array(plain.val().as<Tuple>()->items, tuple_size(self));
  if (!plain) return nullptr;
  return tuple_pack({plain.val()});
}

Ref<> m_class_getitem(Value cls, Value* args) { return generic_alias_new(cls, args[0]); }

Ref<> m_sizeof(Value self, Value*) { return int_from_int64(24 + 8 * tuple_size(self)); }

const MethodDef kTupleMethods[] = {
    {"count($self, value, /)", m_count, "Return number of occurrences of value."},
    {"index($self, value, start=?, stop=?, /)", m_index,
     "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\n"
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"__getnewargs__($self, /)", m_getnewargs, nullptr},
    {"__class_getitem__($type, item, /)", m_class_getitem, "See PEP 585", kMethClass},
    {"__sizeof__($self, /)", m_sizeof, "Return the size of the tuple in memory, in bytes."},
    {nullptr}};

}  // namespace

void tuple_fill_methods(Type* t) {
  t->tp_new = tuple_tp_new;
  t->tp_iter = tuple_iter;
  t->tp_var_size = tuple_var_size;
  t->mp_subscript = tuple_subscript;
  t->nb_binary[kOpAdd] = tuple_concat;
  t->nb_binary[kOpMul] = tuple_repeat;
  t->methods = kTupleMethods;
  t->doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\n"
           "If iterable is specified the tuple is initialized from iterable's items.\n\n"
           "If the argument is a tuple, the return value is the same object.";
}

}  // namespace ftpy
