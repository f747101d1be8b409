// The _operator module: the operator functions (lt, add, getitem, iadd, ...)
// and the attrgetter / itemgetter / methodcaller callables. lib/operator.py
// adds the __dunder__ aliases.
//
// Thread safety: the functions are stateless; attrgetter, itemgetter and
// methodcaller objects are immutable after construction.
#include "modules/operator_module.h"

#include <string>
#include <vector>

#include "modules/module_args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_attrgetter_type, g_itemgetter_type, g_methodcaller_type;

namespace {

// --- functions ---------------------------------------------------------------------------------

#define CMP_FN(name, op) \
  Ref<> op_##name(Value, Value* a) { return richcompare(a[0], a[1], op); }
CMP_FN(lt, kLt)
CMP_FN(le, kLe)
CMP_FN(eq, kEq)
CMP_FN(ne, kNe)
CMP_FN(ge, kGe)
CMP_FN(gt, kGt)

#define BIN_FN(name, op)                                                             \
  Ref<> op_##name(Value, Value* a) { return binary_op(a[0], a[1], op); }             \
  Ref<> op_i##name(Value, Value* a) { return inplace_op(a[0], a[1], op); }
BIN_FN(add, kOpAdd)
BIN_FN(sub, kOpSub)
BIN_FN(mul, kOpMul)
BIN_FN(truediv, kOpTrueDiv)
BIN_FN(floordiv, kOpFloorDiv)
BIN_FN(mod, kOpMod)
BIN_FN(lshift, kOpLshift)
BIN_FN(rshift, kOpRshift)
BIN_FN(and_, kOpAnd)
BIN_FN(or_, kOpOr)
BIN_FN(xor, kOpXor)
BIN_FN(matmul, kOpMatMul)
BIN_FN(pow, kOpPow)

Ref<> op_not_(Value, Value* a) {
  int t = truthy(a[0]);
  if (t < 0) return nullptr;
  return new_bool(!t);
}
Ref<> op_truth(Value, Value* a) {
  int t = truthy(a[0]);
  if (t < 0) return nullptr;
  return new_bool(t);
}
Ref<> op_is_(Value, Value* a) { return new_bool(a[0] == a[1]); }
Ref<> op_is_not(Value, Value* a) { return new_bool(a[0] != a[1]); }
Ref<> op_abs(Value, Value* a) { return absolute(a[0]); }
Ref<> op_neg(Value, Value* a) { return negative(a[0]); }
Ref<> op_pos(Value, Value* a) { return positive(a[0]); }
Ref<> op_inv(Value, Value* a) { return invert(a[0]); }
Ref<> op_index(Value, Value* a) { return number_index(a[0]); }

// PySequence_Check: supports indexing and is not a dict.
bool is_sequence(Value v) {
  Type* t = type_of(v);
  return t->mp_subscript && !has_flag(t, kTypeDictSubclass);
}

Ref<> op_concat(Value, Value* a) {
  if (!is_sequence(a[0])) return err_format(g_TypeError, "'%s' object can't be concatenated", type_name(type_of(a[0])));
  return binary_op(a[0], a[1], kOpAdd);
}
Ref<> op_iconcat(Value, Value* a) {
  if (!is_sequence(a[0])) return err_format(g_TypeError, "'%s' object can't be concatenated", type_name(type_of(a[0])));
  return inplace_op(a[0], a[1], kOpAdd);
}

Ref<> op_contains(Value, Value* a) {
  int r = contains(a[0], a[1]);
  if (r < 0) return nullptr;
  return new_bool(r);
}

// Walk `seq` comparing with `x` (identity first, then ==). Returns the count of
// matches (stop_at_first: the index of the first one, or -1).
bool sequence_scan(Value seq, Value x, bool stop_at_first, int64_t* out) {
  Ref<> it = get_iter(seq);
  if (!it) return false;
  int64_t n = 0, i = 0;
  for (;; i++) {
    Ref<> item = iter_next(it.val());
    if (!item) {
      if (err_occurred()) return false;
      break;
    }
    int eq = item.val() == x ? 1 : richcompare_bool(item.val(), x, kEq);
    if (eq < 0) return false;
    if (eq) {
      if (stop_at_first) {
        *out = i;
        return true;
      }
      n++;
    }
  }
  *out = stop_at_first ? -1 : n;
  return true;
}

Ref<> op_countOf(Value, Value* a) {
  int64_t n;
  if (!sequence_scan(a[0], a[1], false, &n)) return nullptr;
  return int_from_int64(n);
}
Ref<> op_indexOf(Value, Value* a) {
  int64_t i;
  if (!sequence_scan(a[0], a[1], true, &i)) return nullptr;
  if (i < 0) return err_set_str(g_ValueError, "sequence.index(x): x not in sequence");
  return int_from_int64(i);
}
Ref<> op_getitem(Value, Value* a) { return getitem(a[0], a[1]); }
Ref<> op_setitem(Value, Value* a) {
  if (setitem(a[0], a[1], a[2]) < 0) return nullptr;
  return new_none();
}
Ref<> op_delitem(Value, Value* a) {
  if (delitem(a[0], a[1]) < 0) return nullptr;
  return new_none();
}

Ref<> op_length_hint(Value, Value* a) {
  Value obj = a[0], dflt = a[1];
  if (!is_int(dflt))
    return err_format(g_TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(dflt)));
  Type* t = type_of(obj);
  if (t->mp_length) {
    int64_t n = length(obj);
    if (n >= 0) return int_from_int64(n);
    if (!err_matches(g_TypeError)) return nullptr;
    err_clear();
  }
  Value hint = type_lookup(t, Value(ids::__length_hint__));
  if (!hint) return Ref<>::borrow(dflt);
  Ref<> r = call1(hint, obj);
  if (!r) {
    if (err_matches(g_TypeError)) {
      err_clear();
      return Ref<>::borrow(dflt);
    }
    return nullptr;
  }
  if (r.val() == not_implemented()) return Ref<>::borrow(dflt);
  if (!is_int(r.val()))
    return err_format(g_TypeError, "__length_hint__ must be an integer, not %s", type_name(type_of(r.val())));
  if (int_sign(r.val()) < 0) return err_set_str(g_ValueError, "__length_hint__() should return >= 0");
  return r;
}

Ref<> op_call(Value, Value* a) { return call_tuple_dict(a[0], a[1], a[2]); }

// _compare_digest(a, b): constant-time comparison of str (ASCII) or bytes-like values.
Ref<> op_compare_digest(Value, Value* a) {
  if (is_str(a[0]) && is_str(a[1])) {
    Str* x = a[0].as<Str>();
    Str* y = a[1].as<Str>();
    if (!x->ascii || !y->ascii)
      return err_set_str(g_TypeError, "comparing strings with non-ASCII characters is not supported");
    std::string_view sx = str_view(x), sy = str_view(y);
    unsigned diff = sx.size() != sy.size();
    for (size_t i = 0; i < sy.size(); i++) diff |= static_cast<unsigned char>(sx[i % (sx.size() ? sx.size() : 1)]) ^
                                                   static_cast<unsigned char>(sy[i]);
    return new_bool(diff == 0 && sx.size() == sy.size());
  }
  return err_format(g_TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                    type_tp_name(type_of(a[0])), type_tp_name(type_of(a[1])));
}

#define F1(name, doc) {#name "(a, /)", op_##name, doc}
#define F2(name, doc) {#name "(a, b, /)", op_##name, doc}
const MethodDef kOperatorFunctions[] = {
    F2(lt, "Same as a < b."), F2(le, "Same as a <= b."), F2(eq, "Same as a == b."), F2(ne, "Same as a != b."),
    F2(ge, "Same as a >= b."), F2(gt, "Same as a > b."),
    F1(not_, "Same as not a."), F1(truth, "Return True if a is true, False otherwise."),
    F2(is_, "Same as a is b."), F2(is_not, "Same as a is not b."),
    F1(abs, "Same as abs(a)."), F1(neg, "Same as -a."), F1(pos, "Same as +a."), F1(inv, "Same as ~a."),
    {"invert(a, /)", op_inv, "Same as ~a."}, F1(index, "Same as a.__index__()"),
    F2(add, "Same as a + b."), F2(sub, "Same as a - b."), F2(mul, "Same as a * b."),
    F2(truediv, "Same as a / b."), F2(floordiv, "Same as a // b."), F2(mod, "Same as a % b."),
    F2(lshift, "Same as a << b."), F2(rshift, "Same as a >> b."), F2(and_, "Same as a & b."),
    F2(or_, "Same as a | b."), F2(xor, "Same as a ^ b."), F2(matmul, "Same as a @ b."), F2(pow, "Same as a ** b."),
    F2(iadd, "Same as a += b."), F2(isub, "Same as a -= b."), F2(imul, "Same as a *= b."),
    F2(itruediv, "Same as a /= b."), F2(ifloordiv, "Same as a //= b."), F2(imod, "Same as a %= b."),
    F2(ilshift, "Same as a <<= b."), F2(irshift, "Same as a >>= b."), {"iand(a, b, /)", op_iand_, "Same as a &= b."},
    {"ior(a, b, /)", op_ior_, "Same as a |= b."}, F2(ixor, "Same as a ^= b."), F2(imatmul, "Same as a @= b."),
    F2(ipow, "Same as a **= b."),
    F2(concat, "Same as a + b, for a and b sequences."), F2(iconcat, "Same as a += b, for a and b sequences."),
    F2(contains, "Same as b in a (note reversed operands)."),
    F2(countOf, "Return the number of items in a which are, or which equal, b."),
    F2(indexOf, "Return the first index of b in a."), F2(getitem, "Same as a[b]."),
    F2(delitem, "Same as del a[b]."), {"setitem(a, b, c, /)", op_setitem, "Same as a[b] = c."},
    {"length_hint(obj, default=0, /)", op_length_hint,
     "Return an estimate of the number of items in obj.\n\nThis is useful for presizing containers when building "
     "from an iterable.\n\nIf the object supports len(), the result will be exact.\nOtherwise, it may over- or "
     "under-estimate by an arbitrary amount.\nThe result will be an integer >= 0."},
    {"call(obj, /, *args, **kwargs)", op_call, "Same as obj(*args, **kwargs)."},
    {"_compare_digest(a, b, /)", op_compare_digest, "Return 'a == b'."},
    {nullptr}};


// --- attrgetter --------------------------------------------------------------------------------

struct Getter : Object {
  Value items;  // owned tuple: attrgetter: tuples of interned name parts; itemgetter: the items
  Value reprs;  // attrgetter: tuple of the original dotted names (for repr)
};

void getter_dealloc(Object* o) {
  auto* g = static_cast<Getter*>(o);
  decref(g->items);
  decref(g->reprs);
  free_object(o);
}
void getter_traverse(Object* o, VisitFn visit, void* arg) {
  auto* g = static_cast<Getter*>(o);
  if (g->items) visit(g->items, arg);
  if (g->reprs) visit(g->reprs, arg);
}

Ref<> attrgetter_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("attrgetter", kwnames)) return nullptr;
  if (nargs < 1) return err_set_str(g_TypeError, "attrgetter expected 1 argument, got 0");
  Ref<Tuple> items = tuple_new(static_cast<int64_t>(nargs));
  if (!items) return nullptr;
  for (size_t i = 0; i < nargs; i++) items->items[i] = none();
  for (size_t i = 0; i < nargs; i++) {
    if (!is_str(args[i])) return err_set_str(g_TypeError, "attribute name must be a string");
    std::string_view s = str_view(args[i]);
    std::vector<Value> parts;
    size_t start = 0;
    for (;;) {
      size_t dot = s.find('.', start);
      std::string_view part = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
      parts.push_back(Value(str_intern(part)));
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    Ref<Tuple> t = tuple_from_array(parts.data(), static_cast<int64_t>(parts.size()));
    if (!t) return nullptr;
    items->items[i] = t.release();
  }
  Ref<Tuple> reprs = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (!reprs) return nullptr;
  auto* g = alloc_object<Getter>(type, type->basic_size);
  if (!g) return nullptr;
  g->items = items.release();
  g->reprs = reprs.release();
  return Ref<>::steal(Value(g));
}

Ref<> attr_chain(Value obj, Value parts) {
  Ref<> cur = Ref<>::borrow(obj);
  for (int64_t i = 0; i < tuple_size(parts); i++) {
    cur = getattr(cur.val(), tuple_item(parts, i));
    if (!cur) return nullptr;
  }
  return cur;
}

bool one_positional(const char* name, size_t nargs, Value kwnames) {
  return check_no_kwargs(name, kwnames) && check_positional(name, nargs, Value(), 1, 1);
}

Ref<> attrgetter_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!one_positional("attrgetter", nargs, kwnames)) return nullptr;
  auto* g = self.as<Getter>();
  int64_t n = tuple_size(g->items);
  if (n == 1) return attr_chain(args[0], tuple_item(g->items, 0));
  Ref<Tuple> r = tuple_new(n);
  if (!r) return nullptr;
  for (int64_t i = 0; i < n; i++) {
    Ref<> v = attr_chain(args[0], tuple_item(g->items, i));
    if (!v) return nullptr;
    tuple_init_item(r.get(), i, std::move(v));
  }
  return r;
}

Ref<> getter_repr(Value self, const char* name, Value items) {
  std::string s = name;
  s += "(";
  if (!repr_enter(self)) return str_from_ascii("...");
  bool ok = true;
  for (int64_t i = 0; ok && i < tuple_size(items); i++) {
    if (i) s += ", ";
    ok = append_repr(s, tuple_item(items, i));
  }
  repr_leave(self);
  if (!ok) return nullptr;
  s += ")";
  return str_result(s);
}

Ref<> attrgetter_repr(Value self) { return getter_repr(self, "operator.attrgetter", self.as<Getter>()->reprs); }

Ref<> attrgetter_reduce(Value self, Value*) {
  return tuple_pack({Value(type_of(self)), self.as<Getter>()->reprs});
}

// --- itemgetter --------------------------------------------------------------------------------

Ref<> itemgetter_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("itemgetter", kwnames)) return nullptr;
  if (nargs < 1) return err_set_str(g_TypeError, "itemgetter expected 1 argument, got 0");
  Ref<Tuple> items = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (!items) return nullptr;
  auto* g = alloc_object<Getter>(type, type->basic_size);
  if (!g) return nullptr;
  g->items = items.release();
  return Ref<>::steal(Value(g));
}

Ref<> itemgetter_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!one_positional("itemgetter", nargs, kwnames)) return nullptr;
  auto* g = self.as<Getter>();
  int64_t n = tuple_size(g->items);
  if (n == 1) return getitem(args[0], tuple_item(g->items, 0));
  Ref<Tuple> r = tuple_new(n);
  if (!r) return nullptr;
  for (int64_t i = 0; i < n; i++) {
    Ref<> v = getitem(args[0], tuple_item(g->items, i));
    if (!v) return nullptr;
    tuple_init_item(r.get(), i, std::move(v));
  }
  return r;
}

Ref<> itemgetter_repr(Value self) { return getter_repr(self, "operator.itemgetter", self.as<Getter>()->items); }
Ref<> itemgetter_reduce(Value self, Value*) {
  return tuple_pack({Value(type_of(self)), self.as<Getter>()->items});
}

const MethodDef kAttrGetterMethods[] = {{"__reduce__($self, /)", attrgetter_reduce, "Return state information for pickling"},
                                        {nullptr}};
const MethodDef kItemGetterMethods[] = {{"__reduce__($self, /)", itemgetter_reduce, "Return state information for pickling"},
                                        {nullptr}};

// --- methodcaller ------------------------------------------------------------------------------

struct MethodCaller : Object {
  Value name;    // owned interned str
  Value args;    // owned tuple
  Value kwargs;  // owned dict
};

void methodcaller_dealloc(Object* o) {
  auto* m = static_cast<MethodCaller*>(o);
  decref(m->name);
  decref(m->args);
  decref(m->kwargs);
  free_object(o);
}
void methodcaller_traverse(Object* o, VisitFn visit, void* arg) {
  auto* m = static_cast<MethodCaller*>(o);
  for (Value v : {m->name, m->args, m->kwargs})
    if (v) visit(v, arg);
}

Ref<> methodcaller_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) return err_set_str(g_TypeError, "methodcaller needs at least one argument, the method name");
  if (!is_str(args[0])) return err_set_str(g_TypeError, "method name must be a string");
  Ref<Tuple> rest = tuple_from_array(args + 1, static_cast<int64_t>(nargs - 1));
  if (!rest) return nullptr;
  Ref<Dict> kw = dict_new();
  if (!kw) return nullptr;
  if (!kwnames.is_null())
    for (int64_t k = 0; k < tuple_size(kwnames); k++)
      if (dict_set_item(kw.val(), tuple_item(kwnames, k), args[nargs + k]) < 0) return nullptr;
  auto* m = alloc_object<MethodCaller>(type, type->basic_size);
  if (!m) return nullptr;
  m->name = Value(str_intern(args[0].as<Str>()));
  m->args = rest.release();
  m->kwargs = kw.release();
  return Ref<>::steal(Value(m));
}

Ref<> methodcaller_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!one_positional("methodcaller", nargs, kwnames)) return nullptr;
  auto* m = self.as<MethodCaller>();
  Ref<> method = getattr(args[0], m->name);
  if (!method) return nullptr;
  return call_tuple_dict(method.val(), m->args, dict_size(m->kwargs) ? m->kwargs : Value());
}

Ref<> methodcaller_repr(Value self) {
  auto* m = self.as<MethodCaller>();
  if (!repr_enter(self)) return str_from_ascii("...");
  std::string s = "operator.methodcaller(";
  bool ok = append_repr(s, m->name);
  for (int64_t i = 0; ok && i < tuple_size(m->args); i++) {
    s += ", ";
    ok = append_repr(s, tuple_item(m->args, i));
  }
  int64_t pos = 0;
  Ref<> k, v;
  while (ok && dict_next(m->kwargs, &pos, &k, &v)) {
    s += ", ";
    s += str_view(k.val());
    s += "=";
    ok = append_repr(s, v.val());
  }
  repr_leave(self);
  if (!ok) return nullptr;
  s += ")";
  return str_result(s);
}

void getter_type(Type* t, const char* name, NewFn nw, CallFn cl, UnaryFn rp, const MethodDef* methods,
                 DeallocFn dealloc, TraverseFn traverse, size_t size, const char* doc) {
  t->name = name;
  t->basic_size = static_cast<uint32_t>(size);
  t->flags = kTypeHasGc;
  t->tp_dealloc = dealloc;
  t->tp_traverse = traverse;
  t->tp_new = nw;
  t->tp_call = cl;
  t->tp_repr = rp;
  t->methods = methods;
  t->doc = doc;
  t->ob_type = &g_type_type;
  type_ready(t);
}

}  // namespace

void operator_types_init() {
  static bool done = false;
  if (done) return;
  done = true;
  getter_type(&g_attrgetter_type, "operator.attrgetter", attrgetter_tp_new, attrgetter_call, attrgetter_repr,
              kAttrGetterMethods, getter_dealloc, getter_traverse, sizeof(Getter),
              "Return a callable object that fetches the given attribute(s) from its operand.");
  getter_type(&g_itemgetter_type, "operator.itemgetter", itemgetter_tp_new, itemgetter_call, itemgetter_repr,
              kItemGetterMethods, getter_dealloc, getter_traverse, sizeof(Getter),
              "Return a callable object that fetches the given item(s) from its operand.");
  getter_type(&g_methodcaller_type, "operator.methodcaller", methodcaller_tp_new, methodcaller_call,
              methodcaller_repr, nullptr, methodcaller_dealloc, methodcaller_traverse, sizeof(MethodCaller),
              "Return a callable object that calls the given method on its operand.");
}

Ref<> operator_module_create() {
  operator_types_init();
  Ref<> m = module_new("_operator");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kOperatorFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "attrgetter", Value(static_cast<Object*>(&g_attrgetter_type))) < 0) return nullptr;
  if (dict_set_item_str(d, "itemgetter", Value(static_cast<Object*>(&g_itemgetter_type))) < 0) return nullptr;
  if (dict_set_item_str(d, "methodcaller", Value(static_cast<Object*>(&g_methodcaller_type))) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
