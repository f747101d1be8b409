// The abstract object protocol (protocol.h).
#include "objects/protocol.h"

#include <new>
#include <cmath>
#include <cstring>
#include <vector>

#include "objects/dict.h"
#include "objects/instance_values.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/generic_alias.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/thread_state.h"

namespace ftpy {

// --- text ---------------------------------------------------------------------

namespace {
struct DepthGuard {
  ThreadState* ts;
  bool ok;
  DepthGuard() : ts(tstate()) {
    ok = ++ts->c_depth <= g_recursion_limit.load(std::memory_order_relaxed) + 50;
    if (!ok) err_set_str(g_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
  }
  ~DepthGuard() { --ts->c_depth; }
};
}  // namespace

Ref<> repr(Value v) {
  UnaryFn f = type_of(v)->tp_repr;
  DepthGuard g;
  if (!g.ok) return nullptr;
  Ref<> r = f(v);
  if (r && !is_str(r.val()))
    return err_format(g_TypeError, "__repr__ returned non-string (type %s)", type_name(type_of(r.val())));
  return r;
}

Ref<> str(Value v) {
  if (is_str_exact(v)) return Ref<>::borrow(v);
  UnaryFn f = type_of(v)->tp_str;
  if (!f) return repr(v);
  DepthGuard g;
  if (!g.ok) return nullptr;
  Ref<> r = f(v);
  if (r && !is_str(r.val()))
    return err_format(g_TypeError, "__str__ returned non-string (type %s)", type_name(type_of(r.val())));
  return r;
}

Ref<> ascii(Value v) {
  Ref<> r = repr(v);
  if (!r) return nullptr;
  Str* s = r.val().as<Str>();
  if (s->ascii) return r;
  std::string out;
  char buf[16];
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c < 128) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (c <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", c);
    else if (c <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", c);
    else std::snprintf(buf, sizeof buf, "\\U%08x", c);
    out += buf;
  }
  return str_from_ascii(out);
}

std::string repr_utf8(Value v) {
  if (v.is_null()) return "<NULL>";
  Ref<> r = repr(v);
  if (!r) {
    err_clear();
    return "<object repr() failed>";
  }
  return std::string(str_view(r.val()));
}

std::string str_utf8(Value v) {
  if (v.is_null()) return "<NULL>";
  Ref<> r = str(v);
  if (!r) {
    err_clear();
    return "<object str() failed>";
  }
  return std::string(str_view(r.val()));
}

Ref<> format(Value v, Value spec) {
  Value s = spec.is_null() ? str_empty() : spec;
  if (is_str_exact(v) && s.as<Str>()->length == 0) return Ref<>::borrow(v);
  Value args[1] = {s};
  // Looked up on the type: format(int, '') must use type.__format__, not
  // the unbound int.__format__ found by int's own attribute lookup.
  Ref<> r = call_special(v, ids::__format__, args, 1);
  if (r && !is_str(r.val()))
    return err_format(g_TypeError, "__format__ must return a str, not %s", type_name(type_of(r.val())));
  return r;
}

// Recursive repr guard (Py_ReprEnter): a per-thread list of containers being
// printed.
namespace {
thread_local std::vector<Object*> tls_repr_stack;
}
bool repr_enter(Value v) {
  for (Object* o : tls_repr_stack)
    if (o == v.obj()) return false;
  tls_repr_stack.push_back(v.obj());
  return true;
}
void repr_leave(Value v) {
  for (size_t i = tls_repr_stack.size(); i > 0; i--) {
    if (tls_repr_stack[i - 1] == v.obj()) {
      tls_repr_stack.erase(tls_repr_stack.begin() + static_cast<long>(i - 1));
      return;
    }
  }
}

// --- hashing, truth -------------------------------------------------------------

int64_t hash(Value v) {
  if (v.is_small()) return int_hash(v);
  HashFn f = type_of(v)->tp_hash;
  if (!f) {
    err_format(g_TypeError, "unhashable type: '%s'", type_tp_name(type_of(v)));
    return -1;
  }
  return f(v);
}

int truthy(Value v) {
  if (v.is_small()) return v.small_value() != 0;
  if (v == true_value()) return 1;
  if (v == false_value() || is_none(v)) return 0;
  Type* t = type_of(v);
  if (t->nb_bool) return t->nb_bool(v);
  if (t->mp_length) {
    int64_t n = t->mp_length(v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

// --- attributes -------------------------------------------------------------------

Value* instance_dict_slot_raw(Value obj) {
  if (!obj.is_obj()) return nullptr;
  Type* t = type_of(obj);
  int32_t off = t->dict_offset;
  if (off == 0) return nullptr;
  char* base = reinterpret_cast<char*>(obj.obj());
  if (off > 0) return reinterpret_cast<Value*>(base + off);
  size_t used = (t->tp_var_size(obj.obj()) + 7) & ~size_t{7};
  return reinterpret_cast<Value*>(base + used + (-off - 8));
}

Value* instance_dict_slot(Value obj) {
  Value* slot = instance_dict_slot_raw(obj);
  if (slot && (type_of(obj)->flags & kTypeInlineValues) && !inline_values_materialize(obj.obj(), type_of(obj), false))
    return nullptr;
  return slot;
}

int instance_attr_lookup(Value obj, Type* t, Value name, Ref<>* out) {
  if (t->flags & kTypeInlineValues) {
    uint64_t bits = inline_values_slot(obj.obj(), t)->load(std::memory_order_acquire);
    if (slot_holds_values(bits)) {
      if (is_str_exact(name)) return inline_values_get(t, bits, name.as<Str>(), out);
      // A str subclass may define its own __eq__ and __hash__: a dict decides.
      if (!inline_values_materialize(obj.obj(), t, false)) return -1;
    }
  }
  Value* slot = instance_dict_slot_raw(obj);
  if (!slot) return 0;
  // `obj.__dict__ = ...` may replace the dict at any time; it retires the
  // old one (type.cpp), and dict lookups take a reference before waiting
  // for the dict's lock, so a borrowed load is enough here.
  Value d = std::atomic_ref<Value>(*slot).load(std::memory_order_acquire);
  if (d.is_null()) return 0;
  if (is_str_exact(name)) return dict_get_item_str(d, name.as<Str>(), out);
  Ref<> hold_dict = Ref<>::borrow(d);  // a str subclass's __hash__ may run first
  return dict_get_item(d, name, out);
}

namespace {

// object.__getattribute__; with `suppress`, an attribute that is simply
// absent returns null with no exception, so getattr(o, name, default) and
// hasattr() do not build (and format) an AttributeError only to drop it.
// Measured: the pure-Python pickler's getattr(self, "reducer_override",
// None) per object made that 14% of a pickle.dumps run.
Ref<> generic_getattr_impl(Value obj, Value name, bool suppress) {
  Type* t = type_of(obj);
  if (!is_str(name))
    return err_format(g_TypeError, "attribute name must be string, not '%s'", type_name(type_of(name)));
  Value attr = type_lookup(t, name);
  Ref<> hold = Ref<>::borrow(attr);
  DescrGetFn get = nullptr;
  if (attr) {
    Type* at = type_of(attr);
    get = at->tp_descr_get;
    if (get && at->tp_descr_set) return get(attr, obj, Value(t));  // data descriptor
  }
  if (t->dict_offset) {
    Ref<> v;
    int r = instance_attr_lookup(obj, t, name, &v);
    if (r < 0) return nullptr;
    if (r > 0) return v;
  }
  if (get) return get(attr, obj, Value(t));
  if (attr) return hold;
  if (suppress) return nullptr;
  return attribute_error(obj, name);
}

}  // namespace

Ref<> generic_getattr(Value obj, Value name) { return generic_getattr_impl(obj, name, false); }

std::nullptr_t attribute_error(Value obj, Value name) {
  Type* t = type_of(obj);
  if (is_module(obj)) return module_attribute_error(obj, name);
  err_format(g_AttributeError, "'%s' object has no attribute '%s'", t->name, str_view(name).data());
  // AttributeError.name / .obj feed "Did you mean" suggestions in tracebacks.
  exception_set_extra_attr(err_peek(), name, obj);
  return nullptr;
}

int generic_setattr(Value obj, Value name, Value v) {
  Type* t = type_of(obj);
  if (!is_str(name)) {
    err_format(g_TypeError, "attribute name must be string, not '%s'", type_name(type_of(name)));
    return -1;
  }
  Value attr = type_lookup(t, name);
  if (attr) {
    DescrSetFn set = type_of(attr)->tp_descr_set;
    if (set) {
      Ref<> hold = Ref<>::borrow(attr);
      return set(attr, obj, v);
    }
  }
  bool exact = is_str_exact(name);
  if ((t->flags & kTypeInlineValues) && exact) {
    int r = inline_values_store(obj.obj(), t, str_intern(name.as<Str>()), v);
    if (r == 0 && v.is_null()) {
      err_format(g_AttributeError, "'%s' object has no attribute '%s'", t->name, str_view(name).data());
      return -1;
    }
    return r < 0 ? -1 : 0;
  }
  // A str subclass's name object becomes the dict key itself, as in CPython.
  if ((t->flags & kTypeInlineValues) && !inline_values_materialize(obj.obj(), t, true)) return -1;
  Value* slot = instance_dict_slot_raw(obj);
  if (!slot) {
    if (attr)
      err_format(g_AttributeError, "'%s' object attribute '%s' is read-only", t->name, str_view(name).data());
    else
      // CPython 3.11's wording (3.13 adds "and no __dict__ for setting new
      // attributes" for built-in types).
      err_format(g_AttributeError, "'%s' object has no attribute '%s'", t->name, str_view(name).data());
    return -1;
  }
  Str* iname = exact ? str_intern(name.as<Str>()) : name.as<Str>();
  if (!v.is_null()) return instance_dict_store(t, slot, iname, v);
  // Held: waiting for the dict's lock is a quiescent state, after which a
  // dict replaced by `obj.__dict__ = ...` may be freed.
  Ref<> d = Ref<>::borrow(std::atomic_ref<Value>(*slot).load(std::memory_order_acquire));
  int r = d ? dict_del_item(d.val(), Value(iname)) : 0;
  if (r == 0) {
    err_format(g_AttributeError, "'%s' object has no attribute '%s'", t->name, str_view(name).data());
    return -1;
  }
  return r < 0 ? -1 : 0;
}

int instance_dict_store(Type* t, Value* slot, Str* name, Value v) {
  if (t->flags & kTypeInlineValues)
    return inline_values_store(reinterpret_cast<Object*>(reinterpret_cast<char*>(slot) - t->dict_offset), t, name, v);
  auto* aslot = reinterpret_cast<std::atomic<uint64_t>*>(slot);
  uint64_t bits = aslot->load(std::memory_order_acquire);
  if (bits == Value().bits()) {
    // The first attribute goes into the new dict before it is published:
    // until then no other thread can see it. Sized for as many attributes
    // as the class's instances have had, its table comes in the same
    // allocation (dict_new_presized).
    int64_t hint = t->dict_size_hint.load(std::memory_order_relaxed);
    Ref<Dict> nd = dict_new_presized(hint > 0 ? hint : 1, true);
    if (!nd || dict_set_item(nd.val(), Value(name), v) < 0) return -1;
    if (aslot->compare_exchange_strong(bits, nd.val().bits(), std::memory_order_acq_rel)) {
      (void)nd.release();
      return 0;
    }
    // A racing thread published one first: bits is that one. (Dropping ours
    // releases v's extra reference.)
  }
  // Held: waiting for the dict's lock is a quiescent state, after which a
  // dict replaced by `obj.__dict__ = ...` may be freed.
  Ref<> d = Ref<>::borrow(Value(bits));
  if (dict_set_item(d.val(), Value(name), v) < 0) return -1;
  int64_t n = dict_size(d.val());
  if (n > t->dict_size_hint.load(std::memory_order_relaxed) && n <= 255)
    t->dict_size_hint.store(static_cast<uint8_t>(n), std::memory_order_relaxed);
  return 0;
}

Ref<> getattr(Value obj, Value name) {
  Type* t = type_of(obj);
  if (!is_str(name))
    return err_format(g_TypeError, "attribute name must be string, not '%s'", type_name(type_of(name)));
  GetAttrFn f = t->tp_getattro;
  if (!f) return attribute_error(obj, name);
  return f(obj, name);
}

Ref<> getattr(Value obj, const char* name) { return getattr(obj, Value(str_intern(name))); }

Ref<> getattr_opt(Value obj, Value name) {
  Ref<> r = type_of(obj)->tp_getattro == generic_getattr ? generic_getattr_impl(obj, name, true)
                                                          : getattr(obj, name);
  if (!r && err_matches(g_AttributeError)) err_clear();  // raised by a descriptor or __getattr__
  return r;
}

int setattr(Value obj, Value name, Value v) {
  Type* t = type_of(obj);
  if (!is_str(name)) {
    err_format(g_TypeError, "attribute name must be string, not '%s'", type_name(type_of(name)));
    return -1;
  }
  SetAttrFn f = t->tp_setattro;
  if (!f) {
    err_format(g_AttributeError, "'%s' object has no attribute '%s'", t->name, str_view(name).data());
    return -1;
  }
  return f(obj, name, v);
}

int setattr(Value obj, const char* name, Value v) { return setattr(obj, Value(str_intern(name)), v); }

int hasattr(Value obj, Value name) {
  Ref<> r = getattr_opt(obj, name);
  if (r) return 1;
  return err_occurred() ? -1 : 0;
}

// --- calls ------------------------------------------------------------------------

Ref<> call(Value f, const Value* args, size_t nargs, Value kwnames) {
  CallFn c = type_of(f)->tp_call;
  if (!c) return err_format(g_TypeError, "'%s' object is not callable", type_tp_name(type_of(f)));
  ThreadState* ts = tstate();
  if (++ts->c_depth > g_recursion_limit.load(std::memory_order_relaxed) + 50) {
    // Creating the RecursionError is itself a call: let it through.
    int depth = ts->c_depth - 1;
    ts->c_depth = 0;
    err_set_str(g_RecursionError, "maximum recursion depth exceeded");
    ts->c_depth = depth;
    return nullptr;
  }
  Ref<> r = c(f, args, nargs, kwnames);
  --ts->c_depth;
  return r;
}

Ref<> call0(Value f) { return call(f, nullptr, 0); }
Ref<> call1(Value f, Value a) { return call(f, &a, 1); }
Ref<> call2(Value f, Value a, Value b) {
  Value args[2] = {a, b};
  return call(f, args, 2);
}

Ref<> call_tuple_dict(Value f, Value args, Value kwargs) {
  Tuple* t = args.as<Tuple>();
  if (kwargs.is_null() || dict_size(kwargs) == 0) return call(f, t->items, static_cast<size_t>(t->size));
  int64_t nk = dict_size(kwargs);
  std::vector<Value> all(t->items, t->items + t->size);
  Ref<Tuple> names = tuple_new(nk);
  if (!names) return nullptr;
  std::vector<Ref<>> keep;
  int64_t pos = 0, i = 0;
  Ref<> k, v;
  while (dict_next(kwargs, &pos, &k, &v) && i < nk) {
    if (!is_str(k.val())) return err_set_str(g_TypeError, "keywords must be strings");
    all.push_back(v.val());
    keep.push_back(v);
    tuple_init_item(names.get(), i++, k);
  }
  return call(f, all.data(), static_cast<size_t>(t->size), names.val());
}

Ref<> call_method(Value obj, Value name, const Value* args, size_t nargs) {
  Ref<> m = getattr(obj, name);
  if (!m) return nullptr;
  return call(m.val(), args, nargs);
}

Ref<> call_method(Value obj, const char* name, const Value* args, size_t nargs) {
  return call_method(obj, Value(str_intern(name)), args, nargs);
}

int callable(Value v) { return type_of(v)->tp_call != nullptr; }

// --- comparison ----------------------------------------------------------------------

namespace {
Ref<> richcompare_unguarded(Value a, Value b, CompareOp op) {
  static const char* const kOpSyms[] = {"<", "<=", "==", "!=", ">", ">="};
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool checked_reverse = false;
  // A subclass that overrides the reflected operation gets the first try.
  if (ta != tb && is_subtype(tb, ta) && tb->tp_richcompare) {
    checked_reverse = true;
    Ref<> r = tb->tp_richcompare(b, a, reverse_compare_op(op));
    if (!r || r.val() != not_implemented()) return r;
  }
  if (ta->tp_richcompare) {
    Ref<> r = ta->tp_richcompare(a, b, op);
    if (!r || r.val() != not_implemented()) return r;
  }
  if (!checked_reverse && tb->tp_richcompare) {
    Ref<> r = tb->tp_richcompare(b, a, reverse_compare_op(op));
    if (!r || r.val() != not_implemented()) return r;
  }
  if (op == kEq) return new_bool(a == b);
  if (op == kNe) return new_bool(a != b);
  return err_format(g_TypeError, "'%s' not supported between instances of '%s' and '%s'", kOpSyms[op],
                    type_tp_name(ta), type_tp_name(tb));
}
}  // namespace

Ref<> richcompare(Value a, Value b, CompareOp op) {
  // Containers compare their items through here: two deeply nested lists
  // would otherwise recurse until the C++ stack overflows.
  ThreadState* ts = tstate();
  if (++ts->c_depth > g_recursion_limit.load(std::memory_order_relaxed) + 50) {
    --ts->c_depth;
    return err_set_str(g_RecursionError, "maximum recursion depth exceeded in comparison");
  }
  Ref<> r = richcompare_unguarded(a, b, op);
  --ts->c_depth;
  return r;
}

int richcompare_bool(Value a, Value b, CompareOp op) {
  if (a == b) {
    if (op == kEq) return 1;
    if (op == kNe) return 0;
  }
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    switch (op) {
      case kLt: return x < y;
      case kLe: return x <= y;
      case kEq: return x == y;
      case kNe: return x != y;
      case kGt: return x > y;
      case kGe: return x >= y;
    }
  }
  Ref<> r = richcompare(a, b, op);
  if (!r) return -1;
  if (r.val() == true_value()) return 1;
  if (r.val() == false_value()) return 0;
  return truthy(r.val());
}

int equal(Value a, Value b) { return richcompare_bool(a, b, kEq); }

// --- operators ------------------------------------------------------------------------

namespace {
const char* const kBinarySyms[kNumBinaryOps] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<",
                                                ">>", "&", "|", "^", "@"};
const char* const kBinaryPlainSyms[kNumBinaryOps] = {"+", "-", "*", "/", "//", "%", "**", "<<",
                                                     ">>", "&", "|", "^", "@"};
const char* const kInplaceSyms[kNumBinaryOps] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=",
                                                 ">>=", "&=", "|=", "^=", "@="};

Ref<> binary_dispatch(Value a, Value b, BinaryOp op) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  BinaryFn fa = ta->nb_binary[op];
  BinaryFn fb = tb != ta ? tb->nb_binary[op] : nullptr;
  if (fb == fa) fb = nullptr;
  if (fa) {
    if (fb && is_subtype(tb, ta)) {
      Ref<> r = fb(a, b);
      if (!r || r.val() != not_implemented()) return r;
      fb = nullptr;
    }
    Ref<> r = fa(a, b);
    if (!r || r.val() != not_implemented()) return r;
  }
  if (fb) return fb(a, b);
  return Ref<>::steal(not_implemented());
}

std::nullptr_t binop_type_error(Value a, Value b, const char* sym) {
  return err_format(g_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym,
                    type_tp_name(type_of(a)), type_tp_name(type_of(b)));
}

// `seq * x` where x is not an integer: the sequence types' own slots handle
// int counts, so reaching here means the count had the wrong type.
Ref<> sequence_fallback(Value a, Value b, BinaryOp op) {
  constexpr uint32_t kSeqFlags = kTypeStrSubclass | kTypeListSubclass | kTypeTupleSubclass | kTypeBytesSubclass;
  if (op == kOpMul) {
    Value count = Value();
    if (type_of(a)->flags & kSeqFlags) count = b;
    else if (type_of(b)->flags & kSeqFlags) count = a;
    if (!count.is_null() && !type_of(count)->nb_index)
      return err_format(g_TypeError, "can't multiply sequence by non-int of type '%s'",
                        type_tp_name(type_of(count)));
  }
  return Ref<>::steal(not_implemented());
}

}  // namespace

const char* binary_op_symbol(BinaryOp op) { return kBinaryPlainSyms[op]; }
const char* inplace_op_symbol(BinaryOp op) { return kInplaceSyms[op]; }

namespace {
Ref<> binary_op_impl(Value a, Value b, BinaryOp op) {
  Ref<> r = binary_dispatch(a, b, op);
  if (!r || r.val() != not_implemented()) return r;
  r = sequence_fallback(a, b, op);
  if (!r || r.val() != not_implemented()) return r;
  if (op == kOpAdd && is_str(a))
    return err_format(g_TypeError, "can only concatenate str (not \"%s\") to str", type_tp_name(type_of(b)));
  if (op == kOpAdd && is_list(a))
    return err_format(g_TypeError, "can only concatenate list (not \"%s\") to list", type_tp_name(type_of(b)));
  if (op == kOpAdd && is_tuple(a))
    return err_format(g_TypeError, "can only concatenate tuple (not \"%s\") to tuple", type_tp_name(type_of(b)));
  return binop_type_error(a, b, kBinarySyms[op]);
}

Ref<> inplace_op_impl(Value a, Value b, BinaryOp op) {
  BinaryFn fi = type_of(a)->nb_inplace[op];
  if (fi) {
    Ref<> r = fi(a, b);
    if (!r || r.val() != not_implemented()) return r;
  }
  Ref<> r = binary_dispatch(a, b, op);
  if (!r || r.val() != not_implemented()) return r;
  r = sequence_fallback(a, b, op);
  if (!r || r.val() != not_implemented()) return r;
  if (op == kOpAdd && is_str(a))
    return err_format(g_TypeError, "can only concatenate str (not \"%s\") to str", type_tp_name(type_of(b)));
  if (op == kOpAdd && is_list(a))
    return err_format(g_TypeError, "can only concatenate list (not \"%s\") to list", type_tp_name(type_of(b)));
  if (op == kOpAdd && is_tuple(a))
    return err_format(g_TypeError, "can only concatenate tuple (not \"%s\") to tuple", type_tp_name(type_of(b)));
  return binop_type_error(a, b, kInplaceSyms[op]);
}
}  // namespace

// Operators on built-in sequences build C++ containers: a std::bad_alloc
// (array * 2**31 under a memory limit) becomes MemoryError, as at the other
// native call boundaries (native.cpp invoke).
Ref<> binary_op(Value a, Value b, BinaryOp op) {
  try {
    return binary_op_impl(a, b, op);
  } catch (const std::bad_alloc&) {
    return err_no_memory();
  }
}

Ref<> inplace_op(Value a, Value b, BinaryOp op) {
  try {
    return inplace_op_impl(a, b, op);
  } catch (const std::bad_alloc&) {
    return err_no_memory();
  }
}

Ref<> power(Value a, Value b, Value mod) {
  if (mod.is_null() || is_none(mod)) return binary_op(a, b, kOpPow);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if (ta->nb_power) {
    Ref<> r = ta->nb_power(a, b, mod);
    if (!r || r.val() != not_implemented()) return r;
  }
  if (tb != ta && tb->nb_power) {
    Ref<> r = tb->nb_power(a, b, mod);
    if (!r || r.val() != not_implemented()) return r;
  }
  // CPython's ternary_op tries the modulus's type too: pow(1, 2, 3.0) gets
  // float's "pow() 3rd argument not allowed unless all arguments are
  // integers". Built-in types only: a class's __pow__ slot serves its
  // instances as the first operand.
  Type* tm = type_of(mod);
  if (tm != ta && tm != tb && tm->nb_power && !has_flag(tm, kTypeHeapType) && tm->nb_power != ta->nb_power &&
      tm->nb_power != tb->nb_power) {
    Ref<> r = tm->nb_power(a, b, mod);
    if (!r || r.val() != not_implemented()) return r;
  }
  return err_format(g_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                    type_tp_name(ta), type_tp_name(tb), type_tp_name(type_of(mod)));
}

namespace {
Ref<> unary(Value v, UnaryFn f, const char* sym) {
  if (!f) return err_format(g_TypeError, "bad operand type for %s: '%s'", sym, type_tp_name(type_of(v)));
  return f(v);
}
}  // namespace

Ref<> negative(Value v) {
  if (v.is_small()) return int_from_int64(-v.small_value());
  return unary(v, type_of(v)->nb_negative, "unary -");
}
Ref<> positive(Value v) { return unary(v, type_of(v)->nb_positive, "unary +"); }
Ref<> invert(Value v) { return unary(v, type_of(v)->nb_invert, "unary ~"); }
Ref<> absolute(Value v) { return unary(v, type_of(v)->nb_absolute, "abs()"); }

// --- numbers -------------------------------------------------------------------------------

Ref<> number_index(Value v) {
  if (v.is_small()) return Ref<>::borrow(v);
  if (is_int(v) && type_of(v) == &g_int_type) return Ref<>::borrow(v);
  UnaryFn f = type_of(v)->nb_index;
  if (!f)
    return err_format(g_TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(v)));
  Ref<> r = f(v);
  if (r && !is_int(r.val()))
    return err_format(g_TypeError, "__index__ returned non-int (type %s)", type_name(type_of(r.val())));
  return r;
}

bool to_int64(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  Ref<> i = number_index(v);
  if (!i) return false;
  if (!int_as_int64(i.val(), out)) {
    err_set_str(g_OverflowError, "Python int too large to convert to C long");
    return false;
  }
  return true;
}

bool to_c_int(Value v, int32_t* out) {
  int64_t x;
  if (!to_int64(v, &x)) {
    if (!err_matches(g_OverflowError)) return false;
    err_clear();
    x = INT64_MAX;
  }
  if (x < INT32_MIN || x > INT32_MAX) {
    err_set_str(g_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int32_t>(x);
  return true;
}

bool to_index(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  Ref<> i = number_index(v);
  if (!i) return false;
  if (!int_as_int64(i.val(), out)) {
    err_format(g_IndexError, "cannot fit '%s' into an index-sized integer", type_name(type_of(v)));
    return false;
  }
  return true;
}

Ref<> number_int(Value v) {
  if (v.is_small()) return Ref<>::borrow(v);
  Type* t = type_of(v);
  if (t == &g_int_type) return Ref<>::borrow(v);
  if (t->nb_int) {
    Ref<> r = t->nb_int(v);
    if (r && !is_int(r.val()))
      return err_format(g_TypeError, "__int__ returned non-int (type %s)", type_name(type_of(r.val())));
    if (r && !r.val().is_small() && type_of(r.val()) != &g_int_type) {
      mpz_t z;
      mpz_init(z);
      int_to_mpz(r.val(), z);
      Ref<> out = int_from_mpz(z);
      mpz_clear(z);
      return out;
    }
    return r;
  }
  if (t->nb_index) return number_index(v);
  Value trunc = type_lookup(t, Value(ids::__trunc__));
  if (trunc) {
    Ref<> r = call1(trunc, v);
    if (!r) return nullptr;
    if (is_int(r.val())) return r;
    return number_index(r.val());
  }
  if (is_str(v)) return int_from_string(str_view(v), 10);
  return err_format(g_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    type_tp_name(t));
}

Ref<> number_float(Value v) {
  if (is_float(v)) return type_of(v) == &g_float_type ? Ref<>::borrow(v) : float_new(float_value(v));
  double d;
  if (!to_double(v, &d)) return nullptr;
  return float_new(d);
}

bool to_double(Value v, double* out) {
  if (is_float(v)) {
    *out = float_value(v);
    return true;
  }
  if (is_int(v)) {
    bool overflow;
    *out = int_as_double(v, &overflow);
    if (overflow) {
      err_set_str(g_OverflowError, "int too large to convert to float");
      return false;
    }
    return true;
  }
  Type* t = type_of(v);
  if (t->nb_float) {
    Ref<> r = t->nb_float(v);
    if (!r) return false;
    if (!is_float(r.val())) {
      err_format(g_TypeError, "%s.__float__ returned non-float (type %s)", type_name(t),
                 type_name(type_of(r.val())));
      return false;
    }
    *out = float_value(r.val());
    return true;
  }
  if (t->nb_index) {
    Ref<> i = number_index(v);
    if (!i) return false;
    return to_double(i.val(), out);
  }
  err_format(g_TypeError, "must be real number, not %s", type_name(t));
  return false;
}

// --- containers and iteration ----------------------------------------------------------------

Ref<> get_iter(Value v) {
  Type* t = type_of(v);
  if (t->tp_iter) {
    Ref<> it = t->tp_iter(v);
    if (it && !type_of(it.val())->tp_iternext)
      return err_format(g_TypeError, "iter() returned non-iterator of type '%s'", type_name(type_of(it.val())));
    return it;
  }
  if (t->mp_subscript && !(t->flags & kTypeMapping)) return seq_iter_new(v);
  if (t->mp_subscript && is_dict(v) == false) return seq_iter_new(v);
  return err_format(g_TypeError, "'%s' object is not iterable", type_tp_name(t));
}

Ref<> iter_next(Value it) {
  UnaryFn f = type_of(it)->tp_iternext;
  if (!f) return err_format(g_TypeError, "'%s' object is not an iterator", type_tp_name(type_of(it)));
  // Wrapping iterators (map, filter, zip, itertools) call this for the
  // iterator below them: a deep chain recurses here without Python frames.
  if (native_stack_low()) return err_set_str(g_RecursionError, "maximum recursion depth exceeded");
  Ref<> r = f(it);
  if (!r && err_matches(g_StopIteration)) err_clear();
  return r;
}

int64_t length(Value v) {
  LenFn f = type_of(v)->mp_length;
  if (!f) {
    err_format(g_TypeError, "object of type '%s' has no len()", type_tp_name(type_of(v)));
    return -1;
  }
  return f(v);
}

Ref<> getitem(Value obj, Value key) {
  Type* t = type_of(obj);
  if (t->mp_subscript) return t->mp_subscript(obj, key);
  if (t->flags & kTypeTypeSubclass) {
    Value cg = type_lookup(obj.as<Type>(), Value(ids::__class_getitem__));
    if (cg) {
      Ref<> hold = Ref<>::borrow(cg);
      DescrGetFn get = type_of(cg)->tp_descr_get;
      Ref<> bound = get ? get(cg, Value(), obj) : Ref<>::borrow(cg);
      if (!bound) return nullptr;
      return call1(bound.val(), key);
    }
    // type[int] is an alias, but type subclasses and other classes are not.
    if (obj.as<Type>() == &g_type_type) return generic_alias_new(obj, key);
    return err_format(g_TypeError, "type '%s' is not subscriptable", type_tp_name(obj.as<Type>()));
  }
  return err_format(g_TypeError, "'%s' object is not subscriptable", type_tp_name(t));
}

int setitem(Value obj, Value key, Value v) {
  SetItemFn f = type_of(obj)->mp_ass_subscript;
  if (!f) {
    err_format(g_TypeError, "'%s' object does not support item assignment", type_name(type_of(obj)));
    return -1;
  }
  return f(obj, key, v);
}

int delitem(Value obj, Value key) {
  SetItemFn f = type_of(obj)->mp_ass_subscript;
  if (!f) {
    err_format(g_TypeError, "'%s' object doesn't support item deletion", type_name(type_of(obj)));
    return -1;
  }
  return f(obj, key, Value());
}

int contains(Value container, Value item) {
  Type* t = type_of(container);
  if (t->sq_contains) return t->sq_contains(container, item);
  Ref<> it = get_iter(container);
  if (!it) {
    if (err_matches(g_TypeError)) {
      err_clear();
      err_format(g_TypeError, "argument of type '%s' is not iterable", type_tp_name(t));
    }
    return -1;
  }
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) return err_occurred() ? -1 : 0;
    int r = richcompare_bool(x.val(), item, kEq);
    if (r) return r;
  }
}

Ref<> sequence_list(Value iterable) {
  Ref<List> l = list_new();
  if (!l) return nullptr;
  if (list_extend(l.val(), iterable) < 0) return nullptr;
  return l;
}

Ref<> sequence_tuple(Value iterable) {
  if (is_tuple_exact(iterable)) return Ref<>::borrow(iterable);
  if (is_list_exact(iterable)) return list_as_tuple(iterable);  // a subclass may override __iter__
  Ref<> l = sequence_list(iterable);
  if (!l) return nullptr;
  return list_as_tuple(l.val());
}

// --- types --------------------------------------------------------------------------------------

int is_instance(Value obj, Value cls) {
  if (type_of(obj) == static_cast<Type*>(cls.obj()) && cls.is_obj()) return 1;
  if (is_tuple(cls)) {
    for (int64_t i = 0; i < tuple_size(cls); i++) {
      int r = is_instance(obj, tuple_item(cls, i));
      if (r) return r;
    }
    return 0;
  }
  Type* ct = type_of(cls);
  if (ct == &g_type_type) return is_subtype(type_of(obj), cls.as<Type>());
  Value check = type_lookup(ct, Value(ids::__instancecheck__));
  if (check) {
    Ref<> r = call2(check, cls, obj);
    if (!r) return -1;
    return truthy(r.val());
  }
  if (!(ct->flags & kTypeTypeSubclass)) {
    err_set_str(g_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
  }
  return is_subtype(type_of(obj), cls.as<Type>());
}

int is_subclass(Value derived, Value cls) {
  if (is_tuple(cls)) {
    for (int64_t i = 0; i < tuple_size(cls); i++) {
      int r = is_subclass(derived, tuple_item(cls, i));
      if (r) return r;
    }
    return 0;
  }
  Type* ct = type_of(cls);
  if (ct != &g_type_type) {
    Value check = type_lookup(ct, Value(ids::__subclasscheck__));
    if (check) {
      Ref<> r = call2(check, cls, derived);
      if (!r) return -1;
      return truthy(r.val());
    }
  }
  if (!(type_of(derived)->flags & kTypeTypeSubclass)) {
    err_set_str(g_TypeError, "issubclass() arg 1 must be a class");
    return -1;
  }
  if (!(ct->flags & kTypeTypeSubclass)) {
    err_set_str(g_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return is_subtype(derived.as<Type>(), cls.as<Type>());
}

}  // namespace ftpy
