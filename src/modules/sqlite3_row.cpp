// sqlite3.Row: a row tuple with the cursor's description, indexed by
// position, slice or case-insensitive column name.
//
// Thread safety: immutable after construction (both fields are tuples or
// None set by __new__), so it needs no lock.
#include "modules/sqlite3_internal.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

// Thread safety: immutable after construction.
Type g_sqlite_row_type;

namespace {

struct RowObject : Object {
  Value data;         // owned tuple
  Value description;  // owned tuple or None
};

RowObject* row_of(Value v) { return v.as<RowObject>(); }

Ref<> row_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("Row(cursor, data, /)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  if (!is_subtype(type_of(a[0]), &g_sqlite_cursor_type))
    return err_format(g_TypeError, "Row() argument 1 must be sqlite3.Cursor, not %s", type_name(type_of(a[0])));
  if (!is_tuple(a[1]))
    return err_format(g_TypeError, "Row() argument 2 must be tuple, not %s", type_name(type_of(a[1])));
  Ref<> desc = getattr(a[0], "description");
  if (!desc) return nullptr;
  auto* r = alloc_object<RowObject>(type, type->basic_size);
  if (!r) return nullptr;
  r->data = Ref<>::borrow(a[1]).release();
  r->description = desc.release();
  return Ref<>::steal(Value(r));
}

void row_dealloc(Object* o) {
  auto* r = static_cast<RowObject*>(o);
  decref(r->data);
  decref(r->description);
  free_object(o);
}

void row_traverse(Object* o, VisitFn visit, void* arg) {
  auto* r = static_cast<RowObject*>(o);
  if (r->data) visit(r->data, arg);
  if (r->description) visit(r->description, arg);
}

// Column names compare as CPython's Row does: ASCII letters case-insensitively,
// every other character exactly ('\xff' does not match '\u0178'). Comparing
// the UTF-8 forms byte by byte does that, since non-ASCII bytes are >= 0x80.
int names_equal(Value a, Value b) {
  std::string_view x = str_view(a), y = str_view(b);
  if (x.size() != y.size()) return 0;
  for (size_t i = 0; i < x.size(); i++) {
    unsigned char c = x[i], d = y[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (d >= 'A' && d <= 'Z') d += 32;
    if (c != d) return 0;
  }
  return 1;
}

Ref<> row_subscript(Value self, Value key) {
  RowObject* r = row_of(self);
  if (is_int(key)) {
    int64_t i;
    if (!to_index(key, &i)) return nullptr;
    int64_t n = tuple_size(r->data);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return err_set_str(g_IndexError, "tuple index out of range");
    return Ref<>::borrow(tuple_item(r->data, i));
  }
  if (is_str(key)) {
    if (is_tuple(r->description)) {
      int64_t n = tuple_size(r->description);
      for (int64_t i = 0; i < n; i++) {
        Value col = tuple_item(r->description, i);
        Value name = is_tuple(col) && tuple_size(col) > 0 ? tuple_item(col, 0) : Value();
        if (!name || !is_str(name)) continue;
        int eq = names_equal(key, name);
        if (eq < 0) return nullptr;
        if (eq && i < tuple_size(r->data)) return Ref<>::borrow(tuple_item(r->data, i));
      }
    }
    return err_set_str(g_IndexError, "No item with that key");
  }
  if (is_slice(key)) return getitem(r->data, key);
  return err_set_str(g_IndexError, "Index must be int or string");
}

int64_t row_length(Value self) { return tuple_size(row_of(self)->data); }

Ref<> row_iter(Value self) { return get_iter(row_of(self)->data); }

int64_t row_hash(Value self) {
  RowObject* r = row_of(self);
  int64_t h1 = hash(r->description);
  if (h1 == -1) return -1;
  int64_t h2 = hash(r->data);
  if (h2 == -1) return -1;
  int64_t h = h1 ^ h2;
  return h == -1 ? -2 : h;
}

Ref<> row_richcompare(Value a, Value b, CompareOp op) {
  if ((op != kEq && op != kNe) || !is_subtype(type_of(b), &g_sqlite_row_type))
    return Ref<>::borrow(not_implemented());
  RowObject* x = row_of(a);
  RowObject* y = row_of(b);
  int eq = equal(x->description, y->description);
  if (eq < 0) return nullptr;
  if (eq) {
    eq = equal(x->data, y->data);
    if (eq < 0) return nullptr;
  }
  return new_bool(op == kEq ? eq != 0 : eq == 0);
}

Ref<> row_keys(Value self, Value*) {
  RowObject* r = row_of(self);
  Ref<List> out = list_new();
  if (!out) return nullptr;
  if (is_tuple(r->description)) {
    for (int64_t i = 0; i < tuple_size(r->description); i++) {
      Value col = tuple_item(r->description, i);
      if (!is_tuple(col) || tuple_size(col) == 0) continue;
      if (list_append(out.val(), tuple_item(col, 0)) < 0) return nullptr;
    }
  }
  return out;
}

const MethodDef kRowMethods[] = {
    {"keys($self, /)", row_keys, "Returns the keys of the row."},
    {nullptr}};

}  // namespace

void sqlite_row_type_init() {
  Type* t = &g_sqlite_row_type;
  t->name = "sqlite3.Row";
  t->basic_size = sizeof(RowObject);
  t->flags = kTypeBaseType | kTypeHasGc | kTypeSequence;
  t->tp_new = row_new;
  t->tp_dealloc = row_dealloc;
  t->tp_traverse = row_traverse;
  t->tp_hash = row_hash;
  t->tp_richcompare = row_richcompare;
  t->tp_iter = row_iter;
  t->mp_length = row_length;
  t->mp_subscript = row_subscript;
  t->methods = kRowMethods;
  type_ready(t);
}

}  // namespace ftpy
