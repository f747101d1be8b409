// The interpreter loop (DESIGN.md §2): direct-threaded dispatch (computed
// goto) over ftpy bytecode (compile/opcodes.h), with Python-to-Python calls
// and returns handled inside the loop on the per-thread frame stack, so they
// do not recurse on the C++ stack.
//
// Conventions inside the loop:
//   - every Value on the value stack is an owned reference;
//   - `this_instr` is the instruction being executed (for tracebacks and the
//     exception table); `ip` already points past it and its cache units
//     (set by the handler's TARGET);
//   - a failing handler jumps to `error` with the exception pending; `error`
//     adds a traceback entry, chains __context__, then `exception_unwind`
//     finds a handler in this frame or pops to the caller;
//   - DISPATCH() is a computed goto, which does NOT run destructors of the
//     handler's locals: a Ref<> still holding a value must be released or
//     reset before DISPATCH() (plain `goto error` does run them);
//   - safepoints (STYLE.md: "name every safepoint"): JUMP_BACKWARD, CALL,
//     RESUME and returns check the thread's eval_breaker.
#include "vm/eval.h"

#include <cstring>
#include <vector>

#include "compile/opcodes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/ids.h"
#include "objects/instance_values.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/iterators.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/interp.h"
#include "runtime/qsbr.h"
#include "runtime/thread_state.h"
#include "vm/call.h"
#include "vm/frame.h"
#include "vm/gen.h"
#include "vm/import.h"
#include "vm/safepoint.h"
#include "vm/specialize.h"
#include "vm/specialize_attr_call.h"
#include "vm/trace.h"
#include "vm/traceback.h"
#include "vm/typing_intrinsics.h"
#include "modules/sys_module.h"

namespace ftpy {

Value current_builtins_dict() { return current_builtins(); }

namespace {

// bool_value (objects/protocol.h) lives in another file and so is a call;
// the loop's comparisons and tests build their bools here.
inline Value bool_of(bool b) { return b ? true_value() : false_value(); }

// decref, recording `lasti` in the frame on the owner's path to death only
// (DECREF_SYNC_LINE in eval_frame says why).
[[gnu::always_inline]] inline void decref_sync_line(Value v, Frame* f, int32_t lasti) {
  if (!v.is_obj()) return;
  decref_with(v.obj(), [f, lasti](Object* o) {
    f->lasti = lasti;
    rc::merge_zero_local(o);
  });
}

std::nullptr_t name_error(Value name) {
  err_format(g_NameError, "name '%s' is not defined", str_view(name).data());
  exception_set_extra_attr(err_peek(), name, Value());
  return nullptr;
}

std::nullptr_t unbound_local_error(Value name) {
  return err_format(g_UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value",
                    str_view(name).data());
}

std::nullptr_t unbound_free_error(Code* co, int32_t i) {
  Value name = tuple_item(co->localsplusnames, i);
  if (i < co->nlocals + co->ncells) return unbound_local_error(name);
  err_format(g_NameError,
             "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
             str_view(name).data());
  exception_set_extra_attr(err_peek(), name, Value());  // NameError.name, as CPython sets it
  return nullptr;
}

// LOAD_GLOBAL / LOAD_NAME fallbacks.
Ref<> load_global(Value globals, Value builtins, Value name) {
  Ref<> v;
  int r = dict_get_item_str(globals, name.as<Str>(), &v);
  if (r < 0) return nullptr;
  if (r > 0) return v;
  if (is_dict_exact(builtins)) {
    r = dict_get_item_str(builtins, name.as<Str>(), &v);
    if (r < 0) return nullptr;
    if (r > 0) return v;
  } else {
    v = getitem(builtins, name);
    if (v) return v;
    if (!err_matches(g_KeyError)) return nullptr;
    err_clear();
  }
  return name_error(name);
}

// LOAD_GLOBAL's inline cache (2 units; DESIGN.md §2 quickening, §4.6):
//   unit 0: 0 = empty, else (entry index + 1) << 1 | where (0 globals, 1 builtins)
//   unit 1: for builtins, the globals' keys version that proved the name absent.
// A hit re-checks that the entry still holds the name (identity), so the
// cache needs no invalidation and holds no reference; racing threads may
// overwrite each other's units, and any mix of them is still checked.
constexpr uint32_t kGlobalInBuiltins = 1;

// The value is borrowed (dict_entry_peek: alive until this thread's next
// quiescent state), so the hit path needs no Ref<> in memory; null on a miss.
inline Value load_global_cache_peek(const uint32_t* cache, Value globals, Value builtins, Value name) {
  uint32_t c0 = __atomic_load_n(cache, __ATOMIC_RELAXED);
  if (c0 == 0) return Value();
  int64_t ix = static_cast<int64_t>(c0 >> 1) - 1;
  if (!(c0 & kGlobalInBuiltins)) return dict_entry_peek(globals, ix, name.as<Str>());
  if (dict_keys_version_peek(globals) != __atomic_load_n(cache + 1, __ATOMIC_RELAXED)) return Value();
  return dict_entry_peek(builtins, ix, name.as<Str>());
}

Ref<> load_global_and_cache(uint32_t* cache, Value globals, Value builtins, Value name) {
  if (!is_dict_exact(globals) || !is_dict_exact(builtins) || !is_str_exact(name))
    return load_global(globals, builtins, name);
  uint32_t version = dict_keys_version(globals);  // before the lookup that proves absence
  Ref<> v;
  int r = dict_get_item_str(globals, name.as<Str>(), &v);
  if (r < 0) return nullptr;
  int64_t ix;
  uint32_t where;
  if (r > 0) {
    ix = dict_entry_index(globals, name.as<Str>());
    where = 0;
  } else {
    r = dict_get_item_str(builtins, name.as<Str>(), &v);
    if (r < 0) return nullptr;
    if (r == 0) return name_error(name);
    ix = version != 0 ? dict_entry_index(builtins, name.as<Str>()) : -1;
    where = kGlobalInBuiltins;
  }
  if (ix >= 0 && ix < (int64_t{1} << 30)) {
    __atomic_store_n(cache + 1, version, __ATOMIC_RELAXED);
    __atomic_store_n(cache, static_cast<uint32_t>((ix + 1) << 1) | where, __ATOMIC_RELAXED);
  }
  return v;
}

Ref<> mapping_get(Value mapping, Value key, bool* found) {
  *found = false;
  if (is_dict_exact(mapping)) {
    Ref<> v;
    int r = dict_get_item(mapping, key, &v);
    if (r < 0) return nullptr;
    *found = r > 0;
    return v;
  }
  Ref<> v = getitem(mapping, key);
  if (v) {
    *found = true;
    return v;
  }
  if (err_matches(g_KeyError)) {
    err_clear();
    return nullptr;
  }
  return nullptr;
}

int unpack_iterable(Value seq, int before, int after, Value* out /* filled top-first */) {
  // `out[0]` receives the last item (deepest on the stack gets the first item):
  // callers write them so the first item ends on top.
  Ref<> it = get_iter(seq);
  if (!it) {
    if (err_matches(g_TypeError) && !type_of(seq)->tp_iter && !type_of(seq)->mp_subscript) {
      err_clear();
      err_format(g_TypeError, "cannot unpack non-iterable %s object", type_name(type_of(seq)));
    }
    return -1;
  }
  std::vector<Ref<>> items;
  for (int i = 0; i < before; i++) {
    Ref<> x = iter_next(it.val());
    if (!x) {
      if (err_occurred()) return -1;
      if (after < 0)
        err_format(g_ValueError, "not enough values to unpack (expected %d, got %d)", before, i);
      else
        err_format(g_ValueError, "not enough values to unpack (expected at least %d, got %d)", before + after, i);
      return -1;
    }
    items.push_back(std::move(x));
  }
  if (after < 0) {
    Ref<> extra = iter_next(it.val());
    if (extra) {
      // CPython 3.11's wording (3.14 adds ", got N" when the length is known).
      err_format(g_ValueError, "too many values to unpack (expected %d)", before);
      return -1;
    }
    if (err_occurred()) return -1;
    for (int i = 0; i < before; i++) out[before - 1 - i] = items[i].release();
    return 0;
  }
  Ref<> rest = sequence_list(it.val());
  if (!rest) return -1;
  int64_t n = list_size(rest.val());
  if (n < after) {
    err_format(g_ValueError, "not enough values to unpack (expected at least %d, got %lld)", before + after,
               static_cast<long long>(before + n));
    return -1;
  }
  // out layout (top-first): items[0..before), then the list, then the tail.
  int total = before + 1 + after;
  int k = total - 1;
  for (int i = 0; i < before; i++) out[k--] = items[i].release();
  Ref<List> star = list_new();
  for (int64_t i = 0; i < n - after; i++) {
    Ref<> x = list_get(rest.val(), i);
    list_append(star.val(), x.val());
  }
  out[k--] = star.release();
  for (int64_t i = n - after; i < n; i++) out[k--] = list_get(rest.val(), i).release();
  return 0;
}

// LOAD_ATTR method form: the method without binding when possible.
// Returns 1 with (*meth = function, self kept) or 0 with *meth = attribute.
int get_method(Value obj, Value name, Ref<>* meth) {
  Type* t = type_of(obj);
  if (t->tp_getattro != generic_getattr || !is_str_exact(name)) {
    *meth = getattr(obj, name);
    return *meth ? 0 : -1;
  }
  Value descr = type_lookup(t, name);
  Ref<> hold = Ref<>::borrow(descr);
  bool is_meth = false;
  DescrGetFn get = nullptr;
  if (descr) {
    Type* dt = type_of(descr);
    if (dt->flags & kTypeMethodDescriptor) {
      is_meth = true;
    } else {
      get = dt->tp_descr_get;
      if (get && dt->tp_descr_set) {
        *meth = get(descr, obj, Value(t));
        return *meth ? 0 : -1;
      }
    }
  }
  if (t->dict_offset) {
    Ref<> v;
    int r = instance_attr_lookup(obj, t, name, &v);
    if (r < 0) return -1;
    if (r > 0) {
      *meth = std::move(v);
      return 0;
    }
  }
  if (is_meth) {
    *meth = std::move(hold);
    return 1;
  }
  if (get) {
    *meth = get(descr, obj, Value(t));
    return *meth ? 0 : -1;
  }
  if (descr) {
    *meth = std::move(hold);
    return 0;
  }
  attribute_error(obj, name);
  return -1;
}

Ref<> do_raise(Value exc, Value cause) {
  Ref<> inst;
  if (is_exception_class(exc)) {
    inst = call0(exc);
    if (!inst) return nullptr;
    if (!is_exception_instance(inst.val()))
      return err_format(g_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                        repr_utf8(exc).c_str(), type_name(type_of(inst.val())));
  } else if (is_exception_instance(exc)) {
    inst = Ref<>::borrow(exc);
  } else {
    return err_set_str(g_TypeError, "exceptions must derive from BaseException");
  }
  if (!cause.is_null()) {
    Ref<> c;
    if (is_none(cause)) {
      exception_set_cause(inst.val(), Value());
    } else if (is_exception_class(cause)) {
      c = call0(cause);
      if (!c) return nullptr;
      exception_set_cause(inst.val(), c.val());
    } else if (is_exception_instance(cause)) {
      exception_set_cause(inst.val(), cause);
    } else {
      return err_set_str(g_TypeError, "exception causes must derive from BaseException");
    }
  }
  err_restore(std::move(inst));
  return nullptr;
}

// Set __context__ of a newly raised exception to the one being handled,
// breaking cycles as CPython does.
void chain_context(ThreadState* ts, Value exc) {
  Value ctx = handled_exception(ts);
  if (exc.is_null() || ctx.is_null() || !is_exception_instance(exc)) return;
  if (ctx == exc || !is_exception_instance(ctx)) return;
  if (!exception_context(exc).is_null()) return;
  // Avoid cycles: if exc is already in ctx's context chain, cut it there.
  Value o = ctx;
  while (true) {
    Value c = exception_context(o);
    if (c.is_null() || !is_exception_instance(c)) break;
    if (c == exc) {
      exception_set_context(o, Value());
      break;
    }
    o = c;
  }
  exception_set_context(exc, ctx);
}

Ref<> format_value(Value v, uint32_t a, Value spec) {
  Ref<> conv;
  switch (a & 3) {
    case kFmtStr: conv = str(v); break;
    case kFmtRepr: conv = repr(v); break;
    case kFmtAscii: conv = ascii(v); break;
    default: conv = Ref<>::borrow(v); break;
  }
  if (!conv) return nullptr;
  if (spec.is_null() && is_str_exact(conv.val())) return conv;
  return format(conv.val(), spec);
}

Ref<> build_string(Value* items, uint32_t n) {
  std::string s;
  bool ascii_only = true;
  for (uint32_t i = 0; i < n; i++) {
    Str* p = items[i].as<Str>();
    if (!p->ascii) ascii_only = false;
    s += str_view(p);
  }
  return ascii_only ? Ref<>(str_from_ascii(s)) : Ref<>(str_from_utf8(s));
}

int dict_merge_for_call(Value callable, Value dict, Value other) {
  if (!is_dict(other) && !type_lookup(type_of(other), Value(ids::keys))) {
    err_format(g_TypeError, "%s argument after ** must be a mapping, not %s",
               callable_display_name(callable).c_str(), type_name(type_of(other)));
    return -1;
  }
  // CPython's rule (as dict.update): a dict whose type keeps dict's
  // __iter__ is read directly, stored values included (a __getitem__
  // override is not consulted); anything else through keys() and [key].
  bool direct = is_dict(other) && (is_dict_exact(other) || type_of(other)->tp_iter == g_dict_type.tp_iter);
  Ref<> items = direct ? dict_items_list(other) : Ref<>();
  Ref<> keys = direct ? Ref<>() : call_method(other, "keys", nullptr, 0);
  if (direct ? !items : !keys) return -1;
  Ref<> it = get_iter(direct ? items.val() : keys.val());
  if (!it) return -1;
  for (;;) {
    Ref<> entry = iter_next(it.val());
    if (!entry) return err_occurred() ? -1 : 0;
    Ref<> k = direct ? Ref<>::borrow(tuple_item(entry.val(), 0)) : entry;
    if (!is_str(k.val())) {
      err_format(g_TypeError, "keywords must be strings");
      return -1;
    }
    int c = dict_contains(dict, k.val());
    if (c < 0) return -1;
    if (c) {
      err_format(g_TypeError, "%s got multiple values for keyword argument '%s'",
                 callable_display_name(callable).c_str(), str_view(k.val()).data());
      return -1;
    }
    Ref<> v = direct ? Ref<>::borrow(tuple_item(entry.val(), 1)) : getitem(other, k.val());
    if (!v || dict_set_item(dict, k.val(), v.val()) < 0) return -1;
  }
}

// Is `t` (or a base) the named built-in type? For types defined in files this
// one does not depend on.
bool has_builtin_base(Type* t, const char* name) {
  Tuple* mro = t->mro.as<Tuple>();
  for (int64_t i = 0; i < mro->size; i++) {
    Type* k = mro->items[i].as<Type>();
    if (!(k->flags & kTypeHeapType) && std::strcmp(k->name, name) == 0) return true;
  }
  return false;
}
bool is_bytearray_type(Type* t) { return has_builtin_base(t, "bytearray"); }
// Classes whose instances match `Cls(x)` against themselves (PEP 634).
bool is_self_matching_builtin(Type* t) {
  for (const char* n : {"bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"})
    if (has_builtin_base(t, n)) return true;
  return false;
}

int check_match_mapping(Value v) { return (type_of(v)->flags & kTypeMapping) ? 1 : 0; }
int check_match_sequence(Value v) {
  Type* t = type_of(v);
  if (t->flags & (kTypeStrSubclass | kTypeBytesSubclass)) return 0;
  if (is_bytearray_type(t)) return 0;
  return (t->flags & kTypeSequence) ? 1 : 0;
}

Ref<> match_keys(Value subject, Value keys) {
  int64_t n = tuple_size(keys);
  if (n == 0) return Ref<>(empty_tuple());
  Ref<> get = getattr(subject, Value(ids::get));
  if (!get) return nullptr;
  Ref<Object> sentinel = Ref<>(list_new());
  Ref<Tuple> values = tuple_new(n);
  std::vector<Value> seen;
  for (int64_t i = 0; i < n; i++) {
    Value k = tuple_item(keys, i);
    for (Value s : seen) {
      int eq = richcompare_bool(s, k, kEq);
      if (eq < 0) return nullptr;
      if (eq) return err_format(g_ValueError, "mapping pattern checks duplicate key (%s)", repr_utf8(k).c_str());
    }
    seen.push_back(k);
    Ref<> v = call2(get.val(), k, sentinel.val());
    if (!v) return nullptr;
    if (v.val() == sentinel.val()) return new_none();
    tuple_init_item(values.get(), i, std::move(v));
  }
  return values;
}

Ref<> match_class_attr(Value subject, Value name, Type* cls) {
  Ref<> v = getattr(subject, name);
  if (!v && err_matches(g_AttributeError)) {
    err_clear();
    return nullptr;
  }
  return v;
}

// MATCH_CLASS: returns the attribute tuple, None for no match, null on error.
Ref<> match_class(Value subject, Value cls, int64_t nargs, Value kwnames) {
  if (!has_flag(type_of(cls), kTypeTypeSubclass))
    return err_set_str(g_TypeError, "called match pattern must be a class");
  int inst = is_instance(subject, cls);
  if (inst < 0) return nullptr;
  if (!inst) return new_none();
  Type* t = cls.as<Type>();
  std::vector<Ref<>> attrs;
  std::vector<Value> seen;
  bool match_self = false;
  Ref<> match_args;
  if (nargs) {
    match_args = getattr_opt(cls, Value(ids::__match_args__));
    if (!match_args && err_occurred()) return nullptr;
    if (match_args) {
      if (!is_tuple(match_args.val()))
        return err_format(g_TypeError, "%s.__match_args__ must be a tuple (got %s)", type_name(t),
                          type_name(type_of(match_args.val())));
    } else {
      // Built-in types that match themselves with one positional pattern.
      constexpr uint32_t kSelfMatch = kTypeIntSubclass | kTypeStrSubclass | kTypeTupleSubclass | kTypeListSubclass |
                                      kTypeDictSubclass | kTypeBytesSubclass | kTypeFloatSubclass;
      match_self = (t->flags & kSelfMatch) || is_self_matching_builtin(t);
      match_args = Ref<>(empty_tuple());
    }
    int64_t allowed = match_self ? 1 : tuple_size(match_args.val());
    if (nargs > allowed)
      return err_format(g_TypeError, "%s() accepts %lld positional sub-pattern%s (%lld given)", type_name(t),
                        static_cast<long long>(allowed), allowed == 1 ? "" : "s", static_cast<long long>(nargs));
    if (match_self) {
      attrs.push_back(Ref<>::borrow(subject));
    } else {
      for (int64_t i = 0; i < nargs; i++) {
        Value name = tuple_item(match_args.val(), i);
        if (!is_str(name))
          return err_format(g_TypeError, "__match_args__ elements must be strings (got %s)", type_name(type_of(name)));
        seen.push_back(name);
        Ref<> v = match_class_attr(subject, name, t);
        if (!v) return err_occurred() ? nullptr : new_none();
        attrs.push_back(std::move(v));
      }
    }
  }
  for (int64_t i = 0; i < tuple_size(kwnames); i++) {
    Value name = tuple_item(kwnames, i);
    for (Value s : seen)
      if (str_equal(s.as<Str>(), name.as<Str>()))
        return err_format(g_TypeError, "%s() got multiple sub-patterns for attribute '%s'", type_name(t),
                          str_view(name).data());
    seen.push_back(name);
    Ref<> v = match_class_attr(subject, name, t);
    if (!v) return err_occurred() ? nullptr : new_none();
    attrs.push_back(std::move(v));
  }
  Ref<Tuple> out = tuple_new(static_cast<int64_t>(attrs.size()));
  for (size_t i = 0; i < attrs.size(); i++) tuple_init_item(out.get(), static_cast<int64_t>(i), std::move(attrs[i]));
  return out;
}

Ref<> import_from(Value module, Value name) {
  Ref<> v = getattr(module, name);
  if (v || !err_matches(g_AttributeError)) return v;
  err_clear();
  // A submodule imported as a side effect may be in sys.modules only.
  Ref<> pkgname = getattr_opt(module, Value(ids::__name__));
  if (pkgname && is_str(pkgname.val())) {
    std::string full = std::string(str_view(pkgname.val())) + "." + std::string(str_view(name));
    Ref<Str> fn = str_from_utf8(full);
    Ref<> m;
    if (dict_get_item(g_interp.modules, fn.val(), &m) > 0) return m;
  }
  err_clear();
  std::string modname = pkgname && is_str(pkgname.val()) ? std::string(str_view(pkgname.val())) : "<unknown module name>";
  Ref<> file = getattr_opt(module, Value(ids::__file__));
  err_clear();
  if (is_module_initializing(module))
    err_format(g_ImportError,
               "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import) (%s)",
               str_view(name).data(), modname.c_str(),
               file && is_str(file.val()) ? std::string(str_view(file.val())).c_str() : "unknown location");
  else if (file && is_str(file.val()))
    err_format(g_ImportError, "cannot import name '%s' from '%s' (%s)", str_view(name).data(), modname.c_str(),
               std::string(str_view(file.val())).c_str());
  else
    err_format(g_ImportError, "cannot import name '%s' from '%s' (unknown location)", str_view(name).data(),
               modname.c_str());
  Value e = err_peek();
  if (!e.is_null()) {
    exception_set_extra(e, kImportName, pkgname ? pkgname.val() : Value());
    exception_set_extra(e, kImportNameFrom, name);
  }
  return nullptr;
}

Ref<> intrinsic1(ThreadState* ts, Frame* f, uint32_t which, Value v) {
  switch (which) {
    case kIntrinsicPrint: return sys_displayhook(v);
    case kIntrinsicImportStar: {
      Value locals = f->locals.is_null() ? f->globals : f->locals;
      if (import_all_from(locals, v) < 0) return nullptr;
      return new_none();
    }
    case kIntrinsicStopIterationError: {
      Code* co = f->code;
      const char* what = (co->flags & kCoCoroutine) ? "coroutine" : (co->flags & kCoAsyncGenerator) ? "async generator" : "generator";
      Ref<> exc = Ref<>::borrow(v);
      if (is_subtype(type_of(v), g_StopIteration)) {
        err_format(g_RuntimeError, "%s raised StopIteration", what);
      } else if ((co->flags & kCoAsyncGenerator) && is_subtype(type_of(v), g_StopAsyncIteration)) {
        err_format(g_RuntimeError, "%s raised StopAsyncIteration", what);
      } else {
        return exc;  // the RERAISE that follows re-raises it without a new traceback entry
      }
      Value e = err_peek();
      exception_set_cause(e, v);
      exception_set_context(e, v);
      return nullptr;
    }
    case kIntrinsicAsyncGenWrap: return async_gen_wrap_value(v);
    case kIntrinsicUnaryPositive: return positive(v);
    case kIntrinsicListToTuple: return list_as_tuple(v);
    default: return typing_intrinsic1(which, v);
  }
}

Ref<> intrinsic2(uint32_t which, Value a, Value b) {
  if (which == kIntrinsicPrepReraiseStar) return exception_group_prep_reraise(a, b);
  return typing_intrinsic2(which, a, b);
}

}  // namespace

// ---------------------------------------------------------------------------
// The loop, compiled twice (vm/trace.h says why): eval_loop<false> is the
// plain loop and has no event code; eval_loop<true> runs frames while a
// profile or trace hook is installed. The `if constexpr (kTracing)` parts are
// all the difference. A frame moves between them at safepoints: the loop that
// sees the change saves the frame and runs the other variant nested with
// mode kEvalAdopt ("adopt the running frame"); when the adopted loop in turn wants to
// switch back it returns to the one that nested it (ts->eval_switch), so the
// C++ stack holds at most two loops per eval_frame however often hooks come
// and go.

namespace {
Ref<> eval_frame_traced(ThreadState* ts, Frame* entry, int mode);
}  // namespace

// eval_loop's `mode`: a new entry (0), a generator resumed by throw() (1),
// or adopting the running frame ts->frame from the other variant.
enum EvalMode : int { kEvalEntry = 0, kEvalThrow = 1, kEvalAdopt = 2, kEvalAdoptEntryFrame = 3 };

template <bool kTracing>
Ref<> eval_loop(ThreadState* ts, Frame* entry, int mode) {
  // The dispatch table: one label per opcode row, op_unknown elsewhere. The
  // tracing loop runs every specialised form as its generic base (whose
  // specialisation attempts it skips): the events sit in the generic
  // handlers only, and a superinstruction would hide the second
  // instruction's line.
  static void* kDispatch[256];
  if (!kDispatch[0]) {
    for (int i = 0; i < 256; i++) kDispatch[i] = &&op_unknown;
#define FTPY_LABEL(name, pop, push, cache, flags) kDispatch[OP_##name] = &&target_##name;
    FTPY_OPCODES(FTPY_LABEL)
#undef FTPY_LABEL
#define FTPY_SPECIALIZED_LABEL(name, base) kDispatch[OP_##name] = kTracing ? &&op_##base : &&target_##name;
    FTPY_SPECIALIZED(FTPY_SPECIALIZED_LABEL)
#undef FTPY_SPECIALIZED_LABEL
  }

  Frame* f = entry;
  Code* co;
  uint32_t* ip;
  uint32_t* this_instr;
  Value* sp;
  uint32_t a;
  Ref<> retval;

#define LOAD_FRAME()            \
  do {                          \
    co = f->code;               \
    ip = f->ip;                 \
    sp = f->sp;                 \
  } while (0)
// LOAD_FRAME for a frame just pushed for `callee_code` (frame_init_header's ip and
// sp), from registers: reading back the fields just stored made the load wait
// on the stores (deltablue: the call path's hottest instructions in perf).
#define LOAD_NEW_FRAME(callee_code)                    \
  do {                                                \
    co = (callee_code);                               \
    ip = co->code;                                    \
    sp = f->localsplus + co->nlocalsplus();           \
  } while (0)
#define SAVE_FRAME()   \
  do {                 \
    f->ip = ip;        \
    SAVE_FRAME_NO_IP(); \
  } while (0)
// The paths every handler can reach (error, unwinding, return) leave the
// frame without resuming it, so they need no `ip`: not reading it there keeps
// each handler's `ip` a short-lived value of its own instead of one variable
// live across the whole loop (which the register allocator spills).
#define SAVE_FRAME_NO_IP()                                    \
  do {                                                        \
    f->sp = sp;                                               \
    f->lasti = static_cast<int32_t>(this_instr - co->code);   \
  } while (0)
// Code that runs when an object dies (__del__, a weakref callback, the
// warning for a coroutine never awaited) may ask for this frame's line, and
// lasti is otherwise saved only at calls. Instructions that drop a variable's
// or a statement's value record it first: the cold ones always
// (SYNC_LASTI), the hot ones only on the path where this thread's count
// reaches zero (decref_sync_line), so their fast path is unchanged.
#define SYNC_LASTI() (f->lasti = static_cast<int32_t>(this_instr - co->code))
#define DECREF_SYNC_LINE(v) decref_sync_line((v), f, static_cast<int32_t>(this_instr - co->code))
// Only `this_instr` stays live across the indirect jump: each handler's
// TARGET recomputes `ip` from it with its own constant cache size, so
// dispatch needs no cache-size lookup and one register fewer, and reloads
// the argument (an L1 hit; quickening rewrites only the opcode byte, so it is
// the one dispatched on), which handlers that take none never do. Computed
// at dispatch, `a` was live across the jump and spilled to the stack.
// The tracing loop with a trace function set goes through trace_line first
// (line and opcode events); the plain loop has no such test.
#define DISPATCH()                                                    \
  do {                                                                \
    this_instr = ip;                                                  \
    if constexpr (kTracing) {                                         \
      if (ts->trace_fn != nullptr) goto trace_line;                   \
    }                                                                 \
    goto* kDispatch[__atomic_load_n(ip, __ATOMIC_RELAXED) & 0xFF];    \
  } while (0)
// Every handler starts with TARGET(NAME) (or TARGET_NO_ARG). The dispatch
// table points at `target_NAME`, which only these macros define, so a handler
// with a bare label does not build; `op_NAME` is for `goto` from a
// specialised form to its base (same cache size by construction: opcodes.h).
#define TARGET(name)                                                  \
  target_##name : __attribute__((unused));                           \
  op_##name : __attribute__((unused));                               \
  ip = this_instr + 1 + op_cache(OP_##name);                         \
  a = __atomic_load_n(this_instr, __ATOMIC_RELAXED) >> 8;
// TARGET for a handler that takes no argument: an atomic load is not
// removed when its result goes unused, so these skip it.
#define TARGET_NO_ARG(name)                                           \
  target_##name : __attribute__((unused));                           \
  op_##name : __attribute__((unused));                               \
  ip = this_instr + 1 + op_cache(OP_##name);
// The fast locals sit at a fixed offset in the frame: addressing them off `f`
// keeps a register free for the values live across dispatch.
#define LOCALS (f->localsplus)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
#define JUMPTO(t) (ip = co->code + (t))
#define GOTO_ERROR() goto error
// The plain loop moves to the tracing one here when a hook was installed
// (kBreakTrace); the tracing loop checks at each safepoint whether the hooks
// are gone. Either way the frame is saved with `ip` at the next instruction.
#define SAFEPOINT()                                                              \
  do {                                                                           \
    if constexpr (!kTracing) {                                                   \
      if (ts->eval_breaker.load(std::memory_order_relaxed)) {                    \
        SAVE_FRAME();                                                            \
        if (handle_eval_breaker(ts) < 0) goto error;                            \
        if (trace_wanted(ts)) goto switch_variant;                               \
      }                                                                          \
    } else {                                                                     \
      if (ts->eval_breaker.load(std::memory_order_relaxed) & ~kBreakTrace) {     \
        SAVE_FRAME();                                                            \
        if (handle_eval_breaker(ts) < 0) goto error;                            \
      }                                                                          \
      if (!trace_wanted(ts)) {                                                   \
        SAVE_FRAME();                                                            \
        goto switch_variant;                                                     \
      }                                                                          \
    }                                                                            \
  } while (0)

  // RERAISE with a saved lasti: the handler is looked up at the RERAISE
  // itself (unwind_at), while f->lasti gets the restored index.
  int32_t unwind_at = -1;
  // (An adopted frame is linked the same way: switch_variant unlinked it.)
  f->previous = ts->frame;
  ts->frame = f;
  f->is_entry = 1;
  LOAD_FRAME();
  this_instr = ip;
  // The address of a local, not __builtin_frame_address: that would force a
  // frame pointer and take %rbp away from the loop's register allocation.
  char stack_probe;
  if (reinterpret_cast<uintptr_t>(&stack_probe) < ts->eval_entry_limit) [[unlikely]] {
    if (reinterpret_cast<uintptr_t>(&stack_probe) < ts->c_stack_limit) {
      // Nested loops (Python called from native code) recurse on the C++
      // stack; raise inside the frame before it overflows.
      if (mode == kEvalThrow) err_clear();
      if (mode >= kEvalAdopt) f->is_entry = mode == kEvalAdoptEntryFrame;
      err_set_str(g_RecursionError, "maximum recursion depth exceeded");
      goto exception_unwind_noadd;
    }
    if constexpr (!kTracing) {
      // A hook is installed (eval_entry_limit): run this frame in the
      // tracing loop from here (it has not run yet, or resumes after its
      // yield).
      if (mode < kEvalAdopt && trace_wanted(ts)) {
        ts->frame = f->previous;
        return eval_frame_traced(ts, f, mode);
      }
    }
  }
  if (mode) [[unlikely]] {
    if (mode >= kEvalAdopt) {
      f->is_entry = mode == kEvalAdoptEntryFrame;
      goto resume_frame;
    }
    if (!err_occurred()) err_set_str(g_SystemError, "generator resumed by throw() without an exception");
    if constexpr (kTracing) {
      // CPython reports the frame's entry before the thrown exception.
      Ref<> exc = err_fetch();
      SAVE_FRAME();
      if (trace_call_event(ts, f) < 0) goto exception_unwind_noadd;
      err_restore(std::move(exc));
    }
    goto exception_unwind_noadd;
  }

resume_frame:
  DISPATCH();

switch_variant: {
  // SAFEPOINT saved the frame. An adopted loop hands it back to the loop
  // that nested it; otherwise run the other variant nested on this frame
  // (unlinked here, linked again by its entry), and continue here with
  // whatever frame it hands back.
  if (mode >= kEvalAdopt) {
    ts->eval_switch = true;
    return nullptr;
  }
  ts->frame = f->previous;
  int adopt = f->is_entry ? kEvalAdoptEntryFrame : kEvalAdopt;
  Ref<> r = kTracing ? eval_loop<false>(ts, f, adopt) : eval_frame_traced(ts, f, adopt);
  if (r || !ts->eval_switch) return r;
  ts->eval_switch = false;
  f = ts->frame;
  LOAD_FRAME();
  DISPATCH();
}

trace_line : __attribute__((unused));
{
  // The tracing loop only. f->lasti is the instruction this frame ran
  // last (-1 in a new frame): the line rule compares with it.
  int32_t cur = static_cast<int32_t>(this_instr - co->code);
  int32_t prev = f->lasti;
  f->lasti = cur;
  f->sp = sp;
  f->ip = this_instr;
  if (!ts->tracing && trace_instruction(ts, f, cur, prev) < 0) {
    ip = this_instr + 1 + op_cache(instr_op(__atomic_load_n(this_instr, __ATOMIC_RELAXED)));
    goto error;
  }
  goto* kDispatch[__atomic_load_n(this_instr, __ATOMIC_RELAXED) & 0xFF];
}

TARGET_NO_ARG(NOP)
  DISPATCH();
TARGET_NO_ARG(RESUME)
  if constexpr (kTracing) {
    // 'call': a function's first RESUME, or a generator resumed after its
    // yield (CPython 3.11 reports each resumption as a call).
    SAVE_FRAME();
    if (trace_call_event(ts, f) < 0) goto error;
  }
  DISPATCH();
TARGET_NO_ARG(RETURN_GENERATOR)
  DISPATCH();

TARGET_NO_ARG(POP_TOP) {
  Value v = POP();
  DECREF_SYNC_LINE(v);
  DISPATCH();
}

TARGET_NO_ARG(PUSH_NULL)
  PUSH(Value());
  DISPATCH();

TARGET(COPY) {
  Value v = PEEK(a);
  incref(v);
  PUSH(v);
  DISPATCH();
}

TARGET(SWAP) {
  Value t = TOP();
  TOP() = PEEK(a);
  PEEK(a) = t;
  DISPATCH();
}

TARGET(LOAD_CONST) {
  Value v = tuple_item(co->consts, a);
  incref(v);
  PUSH(v);
  DISPATCH();
}

TARGET(LOAD_SMALL_INT) {
  int32_t v = static_cast<int32_t>(a << 8) >> 8;
  PUSH(Value::small(v));
  DISPATCH();
}

TARGET(LOAD_FAST) {
  Value v = LOCALS[a];
  if (v.is_null()) [[unlikely]] {
    unbound_local_error(tuple_item(co->localsplusnames, a));
    GOTO_ERROR();
  }
  incref(v);
  PUSH(v);
  DISPATCH();
}

TARGET(LOAD_FAST__LOAD_ATTR) {
  // `self.x`: when the LOAD_ATTR that follows is LOAD_ATTR_INLINE_VALUE, its
  // common case runs here on the local's own reference, which saves the
  // object's increment, its decrement after the load and a dispatch. The
  // opcode and cache are read as the dispatch and the handler would
  // (specialize.h: relaxed, every unit validated); on any miss the object is
  // pushed and the LOAD_ATTR runs as usual. This path cannot fail, block or
  // run Python code.
  Value v = LOCALS[a];
  if (v.is_null()) [[unlikely]] {
    unbound_local_error(tuple_item(co->localsplusnames, a));
    GOTO_ERROR();
  }
  uint32_t next = __atomic_load_n(ip, __ATOMIC_RELAXED);
  if (instr_op(next) == OP_LOAD_ATTR_INLINE_VALUE && !v.is_small()) {
    Value r = spec_inline_value_hit(v, tuple_item(co->names, instr_arg(next) >> 1).as<Str>(), ip);
    if (!r.is_null()) {
      incref(r);
      PUSH(r);
      if (instr_arg(next) & 1) PUSH(Value());  // the method form: [attribute, null]
      ip += 1 + op_cache(OP_LOAD_ATTR);
      DISPATCH();
    }
  }
  incref(v);
  PUSH(v);
  this_instr = ip;
  goto* kDispatch[instr_op(next)];
}

TARGET(LOAD_FAST__LOAD_FAST) {
  // Two locals pushed in one step (`x * x`, `f(a, b)`). The second unit is
  // LOAD_FAST or one of its pair forms: its argument is the local's index
  // either way. An unbound second local is left to that unit, which then
  // raises at its own position.
  Value v = LOCALS[a];
  if (v.is_null()) [[unlikely]] {
    unbound_local_error(tuple_item(co->localsplusnames, a));
    GOTO_ERROR();
  }
  uint32_t next = __atomic_load_n(ip, __ATOMIC_RELAXED);
  Value w = LOCALS[instr_arg(next)];
  incref(v);
  PUSH(v);
  if (w.is_null()) [[unlikely]] {
    this_instr = ip;
    goto* kDispatch[instr_op(next)];
  }
  incref(w);
  PUSH(w);
  ip += 1;
  DISPATCH();
}

TARGET(STORE_FAST) {
  Value old = LOCALS[a];
  LOCALS[a] = POP();
  if (old.is_obj()) {
    decref_with(old.obj(), [&](Object* o) __attribute__((always_inline)) {
      if (o->ob_type == &g_float_type && o->ob_ref_shared.load(std::memory_order_acquire) == 0) [[likely]] {
        float_dealloc_exact(static_cast<Float*>(o));
      } else {
        SYNC_LASTI();
        rc::merge_zero_local(o);
      }
    });
  }
  DISPATCH();
}

TARGET(DELETE_FAST) {
  Value old = LOCALS[a];
  if (old.is_null()) {
    unbound_local_error(tuple_item(co->localsplusnames, a));
    GOTO_ERROR();
  }
  LOCALS[a] = Value();
  SYNC_LASTI();
  decref(old);
  DISPATCH();
}

TARGET(MAKE_CELL) {
  Value initial = LOCALS[a];
  Ref<> cell = cell_new(initial);
  if (!cell) GOTO_ERROR();
  LOCALS[a] = cell.release();
  decref(initial);
  DISPATCH();
}

TARGET(LOAD_CLOSURE) {
  Value c = LOCALS[a];
  incref(c);
  PUSH(c);
  DISPATCH();
}

TARGET(LOAD_DEREF) {
  Value v = cell_get(LOCALS[a]);
  if (v.is_null()) {
    unbound_free_error(co, static_cast<int32_t>(a));
    GOTO_ERROR();
  }
  incref(v);
  PUSH(v);
  DISPATCH();
}

TARGET(STORE_DEREF) {
  Value v = POP();
  cell_set(LOCALS[a], v);
  decref(v);
  DISPATCH();
}

TARGET(DELETE_DEREF) {
  if (cell_get(LOCALS[a]).is_null()) {
    unbound_free_error(co, static_cast<int32_t>(a));
    GOTO_ERROR();
  }
  cell_set(LOCALS[a], Value());
  DISPATCH();
}

TARGET(LOAD_FROM_DICT_OR_DEREF) {
  Value mapping = POP();
  Value name = tuple_item(co->localsplusnames, a);
  bool found;
  Ref<> v = mapping_get(mapping, name, &found);
  decref(mapping);
  if (!found) {
    if (err_occurred()) GOTO_ERROR();
    Value c = cell_get(LOCALS[a]);
    if (c.is_null()) {
      unbound_free_error(co, static_cast<int32_t>(a));
      GOTO_ERROR();
    }
    v = Ref<>::borrow(c);
  }
  PUSH(v.release());
  DISPATCH();
}

TARGET(LOAD_LOCALS) {
  if (f->locals.is_null()) {
    err_set_str(g_SystemError, "no locals found");
    GOTO_ERROR();
  }
  incref(f->locals);
  PUSH(f->locals);
  DISPATCH();
}

TARGET(LOAD_NAME) {
  Value name = tuple_item(co->names, a);
  if (f->locals.is_null()) {
    err_format(g_SystemError, "no locals when loading %s", repr_utf8(name).c_str());
    GOTO_ERROR();
  }
  bool found;
  Ref<> v = mapping_get(f->locals, name, &found);
  if (!found) {
    if (err_occurred()) GOTO_ERROR();
    v = load_global(f->globals, f->builtins, name);
    if (!v) GOTO_ERROR();
  }
  PUSH(v.release());
  DISPATCH();
}

TARGET(STORE_NAME) {
  SYNC_LASTI();
  Value name = tuple_item(co->names, a);
  Value v = POP();
  int r;
  if (is_dict_exact(f->locals)) r = dict_set_item(f->locals, name, v);
  else r = setitem(f->locals, name, v);
  decref(v);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(DELETE_NAME) {
  SYNC_LASTI();
  Value name = tuple_item(co->names, a);
  int r = is_dict_exact(f->locals) ? dict_del_item(f->locals, name) : (delitem(f->locals, name) < 0 ? -1 : 1);
  if (r == 0 || (r < 0 && err_matches(g_KeyError))) {
    err_clear();
    name_error(name);
    GOTO_ERROR();
  }
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(LOAD_GLOBAL) {
  Value name = tuple_item(co->names, a >> 1);
  Value v = load_global_cache_peek(this_instr + 1, f->globals, f->builtins, name);
  if (!v.is_null()) [[likely]] {
    incref(v);
  } else {
    Ref<> r = load_global_and_cache(this_instr + 1, f->globals, f->builtins, name);
    if (!r) GOTO_ERROR();
    v = r.release();
  }
  PUSH(v);
  if (a & 1) PUSH(Value());
  DISPATCH();
}

TARGET(STORE_GLOBAL) {
  SYNC_LASTI();
  Value v = POP();
  int r = dict_set_item(f->globals, tuple_item(co->names, a), v);
  decref(v);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(DELETE_GLOBAL) {
  SYNC_LASTI();
  Value name = tuple_item(co->names, a);
  int r = dict_del_item(f->globals, name);
  if (r < 0) GOTO_ERROR();
  if (r == 0) {
    name_error(name);
    GOTO_ERROR();
  }
  DISPATCH();
}

TARGET(LOAD_ATTR) {
  Value name = tuple_item(co->names, a >> 1);
  Value obj = TOP();
  if (!kTracing && spec_should_try(this_instr) && specialize_load_attr(this_instr, obj, name, a & 1)) {
    ip = this_instr;
    DISPATCH();
  }
  SYNC_LASTI();  // a property or __getattr__ may look at this frame's line
  if (a & 1) {
    Ref<> meth;
    int r = get_method(obj, name, &meth);
    if (r < 0) GOTO_ERROR();
    if (r == 1) {
      // [method, self]
      TOP() = meth.release();
      PUSH(obj);
    } else {
      TOP() = meth.release();
      decref(obj);
      PUSH(Value());
    }
  } else {
    Ref<> v = getattr(obj, name);
    if (!v) GOTO_ERROR();
    TOP() = v.release();
    decref(obj);
  }
  DISPATCH();
}

TARGET(STORE_ATTR) {
  if (!kTracing && spec_should_try(this_instr) && specialize_store_attr(this_instr, TOP(), tuple_item(co->names, a))) {
    ip = this_instr;
    DISPATCH();
  }
  SYNC_LASTI();
  Value obj = POP();
  Value v = POP();
  int r = setattr(obj, tuple_item(co->names, a), v);
  decref(obj);
  decref(v);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(DELETE_ATTR) {
  SYNC_LASTI();
  Value obj = POP();
  int r = setattr(obj, tuple_item(co->names, a), Value());
  decref(obj);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(LOAD_SUPER_ATTR) {
  Value self = POP();
  Value cls = POP();
  Value global_super = POP();
  Value name = tuple_item(co->names, a >> 2);
  Ref<> sup;
  {
    Value args[2] = {cls, self};
    sup = call(global_super, args, 2);
  }
  Ref<> attr;
  if (sup) attr = getattr(sup.val(), name);
  decref(global_super);
  decref(cls);
  if (!attr) {
    decref(self);
    GOTO_ERROR();
  }
  if (a & 1) {
    PUSH(attr.release());
    PUSH(Value());
    decref(self);
  } else {
    PUSH(attr.release());
    decref(self);
  }
  sup.reset();  // computed goto skips destructors
  attr.reset();  // computed goto skips destructors
  DISPATCH();
}

// The base handlers of the arithmetic family count executions and misses of
// their specialised forms (vm/eval_arith.inc) and specialise when the count
// runs out (vm/specialize.h).
TARGET(BINARY_OP) {
  if (!kTracing && counter_expired(this_instr + 1)) [[unlikely]]
    specialize_binary_op(this_instr, SECOND(), TOP());
  SYNC_LASTI();
  Value rhs = POP();
  Value lhs = TOP();
  Ref<> r = a >= 16 ? inplace_op(lhs, rhs, static_cast<BinaryOp>(a - 16)) : binary_op(lhs, rhs, static_cast<BinaryOp>(a));
  decref(rhs);
  if (!r) GOTO_ERROR();
  TOP() = r.release();
  decref(lhs);
  DISPATCH();
}

TARGET(UNARY_NEGATIVE) {
  SYNC_LASTI();
  Value v = TOP();
  Ref<> r = negative(v);
  if (!r) GOTO_ERROR();
  TOP() = r.release();
  decref(v);
  DISPATCH();
}

TARGET(UNARY_INVERT) {
  SYNC_LASTI();
  Value v = TOP();
  Ref<> r = invert(v);
  if (!r) GOTO_ERROR();
  TOP() = r.release();
  decref(v);
  DISPATCH();
}

TARGET(UNARY_POSITIVE) {
  SYNC_LASTI();
  Value v = TOP();
  Ref<> r = positive(v);
  if (!r) GOTO_ERROR();
  TOP() = r.release();
  decref(v);
  DISPATCH();
}

TARGET(UNARY_NOT) {
  SYNC_LASTI();
  Value v = TOP();
  int t = truthy(v);
  if (t < 0) GOTO_ERROR();
  TOP() = bool_of(!t);
  decref(v);
  DISPATCH();
}

TARGET(TO_BOOL) {
  SYNC_LASTI();
  Value v = TOP();
  int t = truthy(v);
  if (t < 0) GOTO_ERROR();
  TOP() = bool_of(t);
  decref(v);
  DISPATCH();
}

TARGET(COMPARE_OP) {
  if (!kTracing && counter_expired(this_instr + 1)) [[unlikely]]
    specialize_compare_op(this_instr, SECOND(), TOP());
  SYNC_LASTI();
  Value rhs = POP();
  Value lhs = TOP();
  Ref<> r = richcompare(lhs, rhs, static_cast<CompareOp>(a & 7));
  decref(rhs);
  if (!r) GOTO_ERROR();
  TOP() = r.release();
  decref(lhs);
  DISPATCH();
}

TARGET(IS_OP) {
  Value rhs = POP();
  Value lhs = TOP();
  bool b = (lhs == rhs) != (a != 0);
  decref(rhs);
  decref(lhs);
  TOP() = bool_of(b);
  DISPATCH();
}

TARGET(CONTAINS_OP) {
  // Exact sets and dicts are tested directly: `x in s` is the inner loop of
  // search programs, and the generic path adds two indirect calls.
  Value container = POP();
  Value item = TOP();
  int r;
  Type* ct = type_of(container);
  if (ct == &g_set_type || ct == &g_frozenset_type)
    r = set_contains(container, item);
  else if (ct == &g_dict_type)
    r = dict_contains(container, item);
  else {
    SYNC_LASTI();
    r = contains(container, item);
  }
  decref(container);
  if (r < 0) GOTO_ERROR();
  decref(item);
  TOP() = bool_of((r != 0) != (a != 0));
  DISPATCH();
}

TARGET(BINARY_SUBSCR) {
  if (!kTracing && counter_expired(this_instr + 1)) [[unlikely]]
    specialize_binary_subscr(this_instr, SECOND(), TOP());
  SYNC_LASTI();
  Value key = POP();
  Value container = TOP();
  Ref<> r = getitem(container, key);
  decref(key);
  if (!r) GOTO_ERROR();
  TOP() = r.release();
  decref(container);
  DISPATCH();
}

TARGET(STORE_SUBSCR) {
  if (!kTracing && counter_expired(this_instr + 1)) [[unlikely]]
    specialize_store_subscr(this_instr, SECOND(), TOP());
  SYNC_LASTI();
  Value key = POP();
  Value container = POP();
  Value v = POP();
  int r = setitem(container, key, v);
  decref(key);
  decref(container);
  decref(v);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(DELETE_SUBSCR) {
  SYNC_LASTI();
  Value key = POP();
  Value container = POP();
  int r = delitem(container, key);
  decref(key);
  decref(container);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

// Slices of exact lists are taken from the bounds directly, with no slice
// object (a quarter of fannkuch's instructions went to building and freeing
// them); anything else gets a slice object and its own subscript.
TARGET(BINARY_SLICE) {
  Value step = (a & 1) ? POP() : Value();
  Value stop = POP();
  Value start = POP();
  Value container = TOP();
  Ref<> r;
  if (is_list_exact(container)) {
    r = list_get_slice(container, start, stop, step);
  } else {
    SYNC_LASTI();
    Ref<> sl = slice_new(start, stop, step);
    if (sl) r = getitem(container, sl.val());
  }
  decref(start);
  decref(stop);
  decref(step);
  if (!r) GOTO_ERROR();
  TOP() = r.release();
  decref(container);
  DISPATCH();
}

// [value, container, start, stop]. A value that is a list only this frame's
// stack references is read in place (the usual `a[i:j] = b[k::-1]`).
TARGET(STORE_SLICE) {
  Value stop = POP();
  Value start = POP();
  Value container = POP();
  Value v = POP();
  int r;
  if (is_list_exact(container)) {
    bool v_private = v != container && is_list_exact(v) && is_uniquely_referenced(v.obj());
    r = list_set_slice(container, start, stop, Value(), v, v_private);
  } else {
    SYNC_LASTI();
    Ref<> sl = slice_new(start, stop, Value());
    r = sl ? setitem(container, sl.val(), v) : -1;
  }
  decref(stop);
  decref(start);
  decref(container);
  decref(v);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(BUILD_SLICE) {
  Value step = a == 3 ? POP() : Value();
  Value stop = POP();
  Value start = POP();
  Ref<> sl = slice_new(start, stop, step);
  decref(start);
  decref(stop);
  decref(step);
  if (!sl) GOTO_ERROR();
  PUSH(sl.release());
  DISPATCH();
}

TARGET(BUILD_TUPLE) {
  Ref<Tuple> t = tuple_new(a);
  if (!t) GOTO_ERROR();
  sp -= a;
  for (uint32_t i = 0; i < a; i++) t->items[i] = sp[i];
  PUSH(t.release());
  DISPATCH();
}

TARGET(BUILD_LIST) {
  Ref<List> l = list_new(a);
  if (!l) GOTO_ERROR();
  sp -= a;
  for (uint32_t i = 0; i < a; i++) list_init_item(l.get(), i, Ref<>::steal(sp[i]));
  PUSH(l.release());
  DISPATCH();
}

TARGET(BUILD_SET) {
  Ref<> s = set_new(Value());
  if (!s) GOTO_ERROR();
  int err = 0;
  for (uint32_t i = a; i > 0; i--) {
    Value v = PEEK(i);
    if (!err && set_add(s.val(), v) < 0) err = 1;
  }
  for (uint32_t i = 0; i < a; i++) decref(POP());
  if (err) GOTO_ERROR();
  PUSH(s.release());
  DISPATCH();
}

TARGET(BUILD_MAP) {
  Ref<Dict> d = dict_new_presized(a);
  if (!d) GOTO_ERROR();
  int err = 0;
  for (uint32_t i = 0; i < a && !err; i++) {
    Value k = PEEK(2 * (a - i)), v = PEEK(2 * (a - i) - 1);
    if (dict_set_item(d.val(), k, v) < 0) err = 1;
  }
  for (uint32_t i = 0; i < 2 * a; i++) decref(POP());
  if (err) GOTO_ERROR();
  PUSH(d.release());
  DISPATCH();
}

TARGET(BUILD_STRING) {
  Ref<> s = build_string(sp - a, a);
  for (uint32_t i = 0; i < a; i++) decref(POP());
  if (!s) GOTO_ERROR();
  PUSH(s.release());
  DISPATCH();
}

TARGET(LIST_APPEND) {
  Value v = POP();
  int r = list_append(PEEK(a), v);
  decref(v);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(SET_ADD) {
  Value v = POP();
  int r = set_add(PEEK(a), v);
  decref(v);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(MAP_ADD) {
  Value v = POP();
  Value k = POP();
  int r = dict_set_item(PEEK(a), k, v);
  decref(k);
  decref(v);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(LIST_EXTEND) {
  Value it = POP();
  int r = list_extend(PEEK(a), it);
  if (r < 0 && err_matches(g_TypeError) && !type_of(it)->tp_iter && !type_of(it)->mp_subscript) {
    err_clear();
    err_format(g_TypeError, "Value after * must be an iterable, not %s", type_name(type_of(it)));
  }
  decref(it);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(SET_UPDATE) {
  // The target is the exact set BUILD_SET made: update it directly (a
  // display of constants is BUILD_SET 0 + a frozenset constant + this).
  Value it = POP();
  int r = set_update_op(PEEK(a), it, kOpOr);
  decref(it);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(DICT_UPDATE) {
  Value m = POP();
  int r = dict_merge(PEEK(a), m, true);
  if (r < 0 && err_matches(g_AttributeError)) {
    err_clear();
    err_format(g_TypeError, "'%s' object is not a mapping", type_name(type_of(m)));
  }
  decref(m);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(DICT_MERGE) {
  Value m = POP();
  int r = dict_merge_for_call(PEEK(a + 3), PEEK(a), m);
  decref(m);
  if (r < 0) GOTO_ERROR();
  DISPATCH();
}

TARGET(LIST_TO_TUPLE) {
  Value l = TOP();
  Ref<> t = list_as_tuple(l);
  if (!t) GOTO_ERROR();
  TOP() = t.release();
  decref(l);
  DISPATCH();
}

TARGET(UNPACK_SEQUENCE) {
  if (!kTracing && counter_expired(this_instr + 1)) [[unlikely]]
    specialize_unpack_sequence(this_instr, TOP());
  Value seq = POP();
  if ((is_tuple_exact(seq) || is_list_exact(seq))) {
    Ref<> snap = is_list(seq) ? list_as_tuple(seq) : Ref<>::borrow(seq);
    Tuple* t = snap.val().as<Tuple>();
    if (t->size == static_cast<int64_t>(a)) {
      for (int64_t i = t->size - 1; i >= 0; i--) {
        incref(t->items[i]);
        PUSH(t->items[i]);
      }
      decref(seq);
      snap.reset();  // computed goto skips destructors
      DISPATCH();
    }
    if (t->size < static_cast<int64_t>(a))
      err_format(g_ValueError, "not enough values to unpack (expected %u, got %lld)", a, static_cast<long long>(t->size));
    else
      err_format(g_ValueError, "too many values to unpack (expected %u)", a);  // 3.11: no count
    decref(seq);
    GOTO_ERROR();
  }
  int r = unpack_iterable(seq, static_cast<int>(a), -1, sp);
  decref(seq);
  if (r < 0) GOTO_ERROR();
  sp += a;
  DISPATCH();
}

TARGET(UNPACK_EX) {
  Value seq = POP();
  int before = static_cast<int>(a & 0xFF), after = static_cast<int>(a >> 8);
  if (is_tuple_exact(seq) || is_list_exact(seq)) {
    // The items of one snapshot, without an iterator; too few items take
    // the generic path for its message.
    Ref<> snap = is_list_exact(seq) ? list_as_tuple(seq) : Ref<>::borrow(seq);
    if (!snap) {
      decref(seq);
      GOTO_ERROR();
    }
    Tuple* t = snap.val().as<Tuple>();
    int64_t n = t->size;
    if (n >= before + after) {
      Ref<List> star = list_from_array(t->items + before, n - before - after);
      if (!star) {
        snap.reset();  // computed goto skips destructors
        decref(seq);
        GOTO_ERROR();
      }
      // Top-first, as unpack_iterable fills it: the first item ends on top.
      int k = before + after;
      for (int i = 0; i < before; i++) {
        incref(t->items[i]);
        sp[k--] = t->items[i];
      }
      sp[k--] = star.release();
      for (int64_t i = n - after; i < n; i++) {
        incref(t->items[i]);
        sp[k--] = t->items[i];
      }
      sp += before + 1 + after;
      snap.reset();  // computed goto skips destructors
      decref(seq);
      DISPATCH();
    }
    snap.reset();
  }
  int r = unpack_iterable(seq, before, after, sp);
  decref(seq);
  if (r < 0) GOTO_ERROR();
  sp += before + 1 + after;
  DISPATCH();
}

TARGET(JUMP_FORWARD)
  JUMPTO(a);
  DISPATCH();

TARGET(JUMP_BACKWARD)
  JUMPTO(a);
  SAFEPOINT();
  DISPATCH();

TARGET(POP_JUMP_IF_FALSE) {
  Value v = POP();
  if (v == false_value()) {
    JUMPTO(a);
  } else if (v != true_value()) {
    SYNC_LASTI();
    int t = truthy(v);
    decref(v);
    if (t < 0) GOTO_ERROR();
    if (!t) JUMPTO(a);
  }
  DISPATCH();
}

TARGET(POP_JUMP_IF_TRUE) {
  Value v = POP();
  if (v == true_value()) {
    JUMPTO(a);
  } else if (v != false_value()) {
    SYNC_LASTI();
    int t = truthy(v);
    decref(v);
    if (t < 0) GOTO_ERROR();
    if (t) JUMPTO(a);
  }
  DISPATCH();
}

TARGET(POP_JUMP_IF_NONE) {
  Value v = POP();
  if (is_none(v)) JUMPTO(a);
  else decref(v);
  DISPATCH();
}

TARGET(POP_JUMP_IF_NOT_NONE) {
  Value v = POP();
  if (!is_none(v)) {
    decref(v);
    JUMPTO(a);
  }
  DISPATCH();
}

TARGET(JUMP_IF_FALSE_OR_POP) {
  Value v = TOP();
  int t = truthy(v);
  if (t < 0) GOTO_ERROR();
  if (!t) {
    JUMPTO(a);
  } else {
    (void)POP();
    decref(v);
  }
  DISPATCH();
}

TARGET(JUMP_IF_TRUE_OR_POP) {
  Value v = TOP();
  int t = truthy(v);
  if (t < 0) GOTO_ERROR();
  if (t) {
    JUMPTO(a);
  } else {
    (void)POP();
    decref(v);
  }
  DISPATCH();
}

TARGET(GET_ITER) {
  SYNC_LASTI();
  Value v = TOP();
  Ref<> it = get_iter(v);
  if (!it) GOTO_ERROR();
  TOP() = it.release();
  decref(v);
  DISPATCH();
}

TARGET(FOR_ITER) {
  if (!kTracing && counter_expired(this_instr + 1)) [[unlikely]]
    specialize_for_iter(this_instr, TOP());
  Value it = TOP();
  Ref<> next;
  UnaryFn fn = type_of(it)->tp_iternext;
  if (!fn) {
    err_format(g_TypeError, "'%s' object is not an iterator", type_tp_name(type_of(it)));
    GOTO_ERROR();
  }
  next = fn(it);
  if (next) {
    PUSH(next.release());
    DISPATCH();
  }
  if (err_occurred()) {
    if (!err_matches(g_StopIteration)) GOTO_ERROR();
    err_clear();
  }
  (void)POP();
  decref(it);
  JUMPTO(a);
  DISPATCH();
}

#include "vm/eval_arith.inc"

TARGET(GET_YIELD_FROM_ITER) {
  Value v = TOP();
  if (is_coroutine(v)) {
    if (!(co->flags & (kCoCoroutine | kCoIterableCoroutine))) {
      err_set_str(g_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
      GOTO_ERROR();
    }
    DISPATCH();
  }
  if (is_generator(v)) DISPATCH();
  Ref<> it = get_iter(v);
  if (!it) GOTO_ERROR();
  TOP() = it.release();
  decref(v);
  DISPATCH();
}

TARGET(SEND) {
  Value v = TOP();
  Value recv = SECOND();
  Ref<> r;
  bool returned = false;
  if (is_generator(recv) || is_coroutine(recv)) {
    SAVE_FRAME();
    r = gen_send_ex(recv, v, false, &returned);
  } else if (is_none(v)) {
    UnaryFn fn = type_of(recv)->tp_iternext;
    if (!fn) {
      r = call_method(recv, "send", &v, 1);
    } else {
      r = fn(recv);
    }
    if (!r) {
      if (err_occurred() && !err_matches(g_StopIteration)) GOTO_ERROR();
      // Iterator exhausted: the result is StopIteration.value (None if plain).
      Ref<> e = err_fetch();
      r = e ? Ref<>::borrow(exception_extra(e.val(), kStopValue)) : new_none();
      if (!r) r = new_none();
      returned = true;
    }
  } else {
    r = call_method(recv, "send", &v, 1);
    if (!r) {
      if (!err_matches(g_StopIteration)) GOTO_ERROR();
      Ref<> e = err_fetch();
      Value val = exception_extra(e.val(), kStopValue);
      r = val.is_null() ? new_none() : Ref<>::borrow(val);
      returned = true;
    }
  }
  if (!r) GOTO_ERROR();
  if (returned) {
    (void)POP();
    decref(v);
    (void)POP();
    decref(recv);
    PUSH(r.release());
    JUMPTO(a);
  } else {
    TOP() = r.release();
    decref(v);
  }
  DISPATCH();
}

TARGET(YIELD_VALUE) {
  retval = Ref<>::steal(POP());
  SAVE_FRAME();
  if constexpr (kTracing) {
    if (trace_return_event(ts, f, retval.val()) < 0) {
      retval.reset();
      goto error;
    }
  }
  f->pad = 1;  // yielded (see gen.cpp)
  ts->frame = f->previous;
  return retval;
}

TARGET(RETURN_CONST) {
  retval = Ref<>::borrow(tuple_item(co->consts, a));
  goto do_return;
}

TARGET_NO_ARG(RETURN_VALUE) {
  retval = Ref<>::steal(POP());
  goto do_return;
}

do_return: {
  SAVE_FRAME_NO_IP();
  if constexpr (kTracing) {
    if (trace_return_event(ts, f, retval.val()) < 0) {
      retval.reset();
      goto error;
    }
  }
  f->pad = 0;  // returned
  if (f->is_entry) {
    ts->frame = f->previous;
    return retval;
  }
  Frame* caller = f->previous;
  bool init = f->is_init;
  ts->frame = caller;
  frame_pop_returned(ts, f);
  f = caller;
  LOAD_FRAME();
  if (init) [[unlikely]] {
    // CALL_ALLOC_AND_ENTER_INIT: the instance is already the caller's top.
    if (!is_none(retval.val())) {
      this_instr = co->code + f->lasti;  // the error belongs to the CALL
      err_format(g_TypeError, "__init__() should return None, not '%s'", type_name(type_of(retval.val())));
      retval.reset();
      GOTO_ERROR();
    }
    retval.reset();
    DISPATCH();
  }
  PUSH(retval.release());
  DISPATCH();
}

TARGET(CALL) {
  // [callable, self_or_null, args...]
  Value* base = sp - a - 2;
  if (!kTracing && spec_should_try(this_instr) && specialize_call(this_instr, base[0], base[1], a)) {
    ip = this_instr;
    DISPATCH();
  }
  Value callable = base[0];
  Value* args = base + 2;
  uint32_t nargs = a;
  if (!base[1].is_null()) {
    args = base + 1;
    nargs++;
  } else if (is_method(callable)) {
    // Unpack a bound method in place: [func, self, args...].
    Value func = callable.as<Method>()->func;
    incref(func);
    base[1] = Ref<>::borrow(callable.as<Method>()->self).release();
    base[0] = func;
    decref(callable);
    callable = func;
    args = base + 1;
    nargs++;
  }
  SAVE_FRAME();
  if (is_python_function(callable)) {
    // frame_for_call takes over the argument references.
    Frame* nf = frame_for_call(ts, callable.as<Function>(), args, nargs, Value());
    // The caller's stack no longer holds the callable or the arguments: save
    // that, so the result is pushed at `base` and an unwinding caller does not
    // release them again.
    sp = base;
    f->sp = sp;
    decref(callable);
    if (!nf) GOTO_ERROR();
    if (nf == kGeneratorCreated) {
      PUSH(ts->pending_generator.release());
      DISPATCH();
    }
    nf->previous = f;
    ts->frame = nf;
    f = nf;
    LOAD_NEW_FRAME(nf->code);
    this_instr = ip;  // the callee's first instruction, for the safepoint's lasti
    SAFEPOINT();
    DISPATCH();
  }
  Ref<> r = kTracing ? trace_native_call(ts, callable, args, nargs, Value()) : call(callable, args, nargs);
  for (Value* p = args; p < sp; p++) decref(*p);
  sp = base;
  decref(callable);
  if (!r) GOTO_ERROR();
  PUSH(r.release());
  SAFEPOINT();
  DISPATCH();
}

TARGET(CALL_KW) {
  Value kwnames = POP();
  Value* base = sp - a - 2;
  Value callable = base[0];
  Value* args = base + 2;
  uint32_t nargs = a - static_cast<uint32_t>(tuple_size(kwnames));
  if (!base[1].is_null()) {
    args = base + 1;
    nargs++;
  } else if (is_method(callable)) {
    Value func = callable.as<Method>()->func;
    incref(func);
    base[1] = Ref<>::borrow(callable.as<Method>()->self).release();
    base[0] = func;
    decref(callable);
    callable = func;
    args = base + 1;
    nargs++;
  }
  SAVE_FRAME();
  if (is_python_function(callable)) {
    Frame* nf = frame_for_call(ts, callable.as<Function>(), args, nargs, kwnames);
    sp = base;
    f->sp = sp;
    decref(callable);
    decref(kwnames);
    if (!nf) GOTO_ERROR();
    if (nf == kGeneratorCreated) {
      PUSH(ts->pending_generator.release());
      DISPATCH();
    }
    nf->previous = f;
    ts->frame = nf;
    f = nf;
    LOAD_NEW_FRAME(nf->code);
    this_instr = ip;  // the callee's first instruction, for the safepoint's lasti
    SAFEPOINT();
    DISPATCH();
  }
  Ref<> r = kTracing ? trace_native_call(ts, callable, args, nargs, kwnames) : call(callable, args, nargs, kwnames);
  for (Value* p = args; p < sp; p++) decref(*p);
  sp = base;
  decref(callable);
  decref(kwnames);
  if (!r) GOTO_ERROR();
  PUSH(r.release());
  SAFEPOINT();
  DISPATCH();
}

TARGET(CALL_FUNCTION_EX) {
  Value kwargs = (a & 1) ? POP() : Value();
  Value cargs = POP();
  Value self_or_null = POP();
  Value callable = POP();
  Ref<> argt;
  if (is_tuple_exact(cargs)) {
    argt = Ref<>::borrow(cargs);
  } else {
    argt = sequence_tuple(cargs);
    if (!argt && err_matches(g_TypeError) && !type_of(cargs)->tp_iter && !type_of(cargs)->mp_subscript) {
      err_clear();
      err_format(g_TypeError, "%s argument after * must be an iterable, not %s",
                 callable_display_name(callable).c_str(), type_name(type_of(cargs)));
    }
  }
  Ref<> r;
  if (argt) {
    if (!self_or_null.is_null()) {
      Tuple* t = argt.val().as<Tuple>();
      Ref<Tuple> t2 = tuple_new(t->size + 1);
      tuple_init_item(t2.get(), 0, Ref<>::borrow(self_or_null));
      for (int64_t i = 0; i < t->size; i++) tuple_init_item(t2.get(), i + 1, Ref<>::borrow(t->items[i]));
      argt = std::move(t2);
    }
    SAVE_FRAME();
    Ref<Dict> kw;
    if (!kwargs.is_null() && !is_dict_exact(kwargs)) {
      kw = dict_new();
      if (dict_merge_for_call(callable, kw.val(), kwargs) < 0) kw.reset();
    }
    if (kwargs.is_null() || kw || is_dict_exact(kwargs)) {
      Value kwv = kw ? kw.val() : kwargs;
      r = kTracing ? trace_native_call_tuple(ts, callable, argt.val(), kwv) : call_tuple_dict(callable, argt.val(), kwv);
    }
  }
  decref(kwargs);
  decref(cargs);
  decref(self_or_null);
  decref(callable);
  if (!r) GOTO_ERROR();
  PUSH(r.release());
  SAFEPOINT();
  argt.reset();  // computed goto skips destructors
  DISPATCH();
}

TARGET(MAKE_FUNCTION) {
  Value code = POP();
  Value annotate = (a & 16) ? POP() : Value();
  Value closure = (a & 8) ? POP() : Value();
  Value annotations = (a & 4) ? POP() : Value();
  Value kwdefaults = (a & 2) ? POP() : Value();
  Value defaults = (a & 1) ? POP() : Value();
  Ref<> fn = function_new(code, f->globals, Value());
  if (fn) {
    Function* fo = fn.val().as<Function>();
    fo->closure = closure;
    fo->defaults = defaults;
    fo->kwdefaults = kwdefaults;
    if (!annotations.is_null()) {
      if (is_tuple(annotations)) {
        Ref<Dict> d = dict_new();
        for (int64_t i = 0; i + 1 < tuple_size(annotations); i += 2)
          dict_set_item(d.val(), tuple_item(annotations, i), tuple_item(annotations, i + 1));
        decref(annotations);
        fo->annotations = d.release();
      } else {
        fo->annotations = annotations;
      }
    }
    decref(annotate);
  } else {
    decref(closure);
    decref(defaults);
    decref(kwdefaults);
    decref(annotations);
    decref(annotate);
  }
  decref(code);
  if (!fn) GOTO_ERROR();
  PUSH(fn.release());
  DISPATCH();
}

TARGET(LOAD_BUILD_CLASS) {
  Ref<> bc;
  int r = dict_get_item_str(f->builtins, ids::__build_class__, &bc);
  if (r <= 0) {
    if (r == 0) err_set_str(g_NameError, "__build_class__ not found");
    GOTO_ERROR();
  }
  PUSH(bc.release());
  DISPATCH();
}

TARGET(IMPORT_NAME) {
  Value fromlist = POP();
  Value level = POP();
  SAVE_FRAME();
  Ref<> m = import_name(f, tuple_item(co->names, a), fromlist, level);
  decref(fromlist);
  decref(level);
  if (!m) GOTO_ERROR();
  PUSH(m.release());
  DISPATCH();
}

TARGET(IMPORT_FROM) {
  Ref<> v = import_from(TOP(), tuple_item(co->names, a));
  if (!v) GOTO_ERROR();
  PUSH(v.release());
  DISPATCH();
}

TARGET(CALL_INTRINSIC_1) {
  Value v = TOP();
  SAVE_FRAME();
  Ref<> r = intrinsic1(ts, f, a, v);
  if (!r) GOTO_ERROR();
  TOP() = r.release();
  decref(v);
  DISPATCH();
}

TARGET(CALL_INTRINSIC_2) {
  Value y = POP();
  Value x = TOP();
  Ref<> r = intrinsic2(a, x, y);
  decref(y);
  if (!r) GOTO_ERROR();
  TOP() = r.release();
  decref(x);
  DISPATCH();
}

TARGET(RAISE_VARARGS) {
  Value cause = a == 2 ? POP() : Value();
  Value exc = a >= 1 ? POP() : Value();
  if (a == 0) {
    Value handled = handled_exception(ts);
    if (handled.is_null()) {
      err_set_str(g_RuntimeError, "No active exception to reraise");
      GOTO_ERROR();
    }
    err_restore(Ref<>::borrow(handled));
    goto exception_unwind;
  }
  do_raise(exc, cause);
  decref(exc);
  decref(cause);
  GOTO_ERROR();
}

TARGET(RERAISE) {
  Value exc = POP();
  int32_t restored = -1;
  if (a) {
    Value lasti = POP();
    if (lasti.is_small()) restored = static_cast<int32_t>(lasti.small_value());
    decref(lasti);
  }
  err_restore(Ref<>::steal(exc));
  SAVE_FRAME();
  if (restored >= 0) {
    unwind_at = f->lasti;
    f->lasti = restored;
  }
  goto exception_unwind_keep_lasti;
}

TARGET(PUSH_EXC_INFO) {
  Value exc = TOP();
  Value prev = ts->handled ? ts->handled.release() : none();
  ts->handled = Ref<>::borrow(exc);
  TOP() = prev;
  PUSH(exc);
  DISPATCH();
}

TARGET(POP_EXCEPT) {
  Value prev = POP();
  if (is_none(prev)) ts->handled.reset();
  else ts->handled = Ref<>::borrow(prev);
  decref(prev);
  DISPATCH();
}

TARGET(CHECK_EXC_MATCH) {
  Value type = POP();
  int r = check_except_type_valid(type) < 0 ? -1 : exception_matches(TOP(), type);
  decref(type);
  if (r < 0) GOTO_ERROR();
  PUSH(bool_of(r));
  DISPATCH();
}

TARGET(CHECK_EG_MATCH) {
  Value type = POP();
  Value exc = POP();
  if (check_except_type_valid(type) < 0) {
    decref(type);
    decref(exc);
    GOTO_ERROR();
  }
  if (is_tuple(type)) {
    for (int64_t i = 0; i < tuple_size(type); i++) {
      if (is_exception_class(tuple_item(type, i)) && is_subtype(tuple_item(type, i).as<Type>(), g_BaseExceptionGroup)) {
        err_set_str(g_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
        decref(type);
        decref(exc);
        GOTO_ERROR();
      }
    }
  } else if (is_exception_class(type) && is_subtype(type.as<Type>(), g_BaseExceptionGroup)) {
    err_set_str(g_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    decref(type);
    decref(exc);
    GOTO_ERROR();
  }
  Ref<> match, rest;
  bool ok = exception_group_split(exc, type, &match, &rest);
  decref(type);
  if (!ok) {
    decref(exc);
    GOTO_ERROR();
  }
  if (!match) {
    PUSH(exc);
    PUSH(none());
    DISPATCH();
  }
  decref(exc);
  PUSH(rest ? rest.release() : none());
  // The matched group becomes the handled exception.
  ts->handled = match;
  PUSH(match.release());
  DISPATCH();
}

TARGET(BEFORE_WITH) {
  Value mgr = TOP();
  Type* t = type_of(mgr);
  Value enter = type_lookup(t, Value(ids::__enter__));
  Value exit = type_lookup(t, Value(ids::__exit__));
  if (!enter || !exit) {
    err_format(g_TypeError, !enter ? "'%s' object does not support the context manager protocol"
                                   : "'%s' object does not support the context manager protocol (missed __exit__ method)",
               type_name(t));
    GOTO_ERROR();
  }
  // __exit__ goes on the stack as a call's callable and self_or_null: a
  // function or method descriptor with the manager as self (no bound method
  // allocated and freed per `with`), anything else bound, with null.
  Ref<> exit_func;
  bool exit_unbound = type_of(exit)->flags & kTypeMethodDescriptor;
  if (exit_unbound) {
    exit_func = Ref<>::borrow(exit);
  } else {
    DescrGetFn get = type_of(exit)->tp_descr_get;
    exit_func = get ? get(exit, mgr, Value(t)) : Ref<>::borrow(exit);
    if (!exit_func) GOTO_ERROR();
  }
  Ref<> entered;
  {
    Ref<> hold = Ref<>::borrow(enter);
    Type* et = type_of(enter);
    SAVE_FRAME();
    if (et->flags & kTypeMethodDescriptor) {
      // A function or method descriptor: call it with the manager as self
      // instead of allocating (and freeing) a bound method every time.
      entered = call(enter, &mgr, 1);
    } else {
      DescrGetFn get = et->tp_descr_get;
      Ref<> bound_enter = get ? get(enter, mgr, Value(t)) : Ref<>::borrow(enter);
      if (!bound_enter) GOTO_ERROR();
      entered = call0(bound_enter.val());
    }
  }
  if (!entered) GOTO_ERROR();
  TOP() = exit_func.release();
  if (exit_unbound) {
    PUSH(mgr);  // the manager's reference moves to the self slot
  } else {
    PUSH(Value());
    decref(mgr);
  }
  PUSH(entered.release());
  DISPATCH();
}

TARGET(BEFORE_ASYNC_WITH) {
  Value mgr = TOP();
  Type* t = type_of(mgr);
  Value enter = type_lookup(t, Value(ids::__aenter__));
  Value exit = type_lookup(t, Value(ids::__aexit__));
  if (!enter || !exit) {
    err_format(g_TypeError, !enter ? "'%s' object does not support the asynchronous context manager protocol"
                                   : "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
               type_name(t));
    GOTO_ERROR();
  }
  Ref<> bound_exit = getattr(mgr, Value(ids::__aexit__));
  if (!bound_exit) GOTO_ERROR();
  Ref<> entered = call_method(mgr, Value(ids::__aenter__), nullptr, 0);
  if (!entered) GOTO_ERROR();
  Ref<> aw = get_awaitable(entered.val(), 1);
  if (!aw) GOTO_ERROR();
  TOP() = bound_exit.release();
  decref(mgr);
  PUSH(Value());  // self_or_null of the __aexit__ call
  PUSH(aw.release());
  entered.reset();  // computed goto skips destructors
  DISPATCH();
}

TARGET(WITH_EXCEPT_START) {
  Value exc = TOP();
  Value exit_func = PEEK(5);
  Value exit_self = PEEK(4);
  Value tb = exception_traceback(exc);
  Value args[4] = {exit_self, Value(type_of(exc)), exc, tb.is_null() ? none() : tb};
  SAVE_FRAME();
  bool has_self = !exit_self.is_null();
  Ref<> r = call(exit_func, args + !has_self, 3 + has_self);
  if (!r) GOTO_ERROR();
  PUSH(r.release());
  DISPATCH();
}

TARGET(SETUP_ANNOTATIONS) {
  Value loc = f->locals;
  if (loc.is_null()) {
    err_set_str(g_SystemError, "no locals found when setting up annotations");
    GOTO_ERROR();
  }
  bool found;
  Ref<> v = mapping_get(loc, Value(ids::__annotations__), &found);
  if (!found) {
    if (err_occurred()) GOTO_ERROR();
    Ref<Dict> d = dict_new();
    if (setitem(loc, Value(ids::__annotations__), d.val()) < 0) GOTO_ERROR();
  }
  v.reset();  // computed goto skips destructors
  DISPATCH();
}

TARGET(FORMAT_VALUE) {
  Value spec = (a & kFmtHasSpec) ? POP() : Value();
  SYNC_LASTI();
  Value v = TOP();
  Ref<> r = format_value(v, a, spec);
  decref(spec);
  if (!r) GOTO_ERROR();
  TOP() = r.release();
  decref(v);
  DISPATCH();
}

TARGET(LOAD_ASSERTION_ERROR)
  PUSH(Value(g_AssertionError));
  DISPATCH();

TARGET(GET_AWAITABLE) {
  Value v = TOP();
  Ref<> aw = get_awaitable(v, static_cast<int>(a));
  if (!aw) GOTO_ERROR();
  TOP() = aw.release();
  decref(v);
  DISPATCH();
}

TARGET(GET_AITER) {
  Value v = TOP();
  Type* t = type_of(v);
  Value m = type_lookup(t, Value(ids::__aiter__));
  if (!m) {
    err_format(g_TypeError, "'async for' requires an object with __aiter__ method, got %s", type_name(t));
    GOTO_ERROR();
  }
  Ref<> it = call1(m, v);
  if (!it) GOTO_ERROR();
  if (!type_lookup(type_of(it.val()), Value(ids::__anext__))) {
    err_format(g_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
               type_name(type_of(it.val())));
    GOTO_ERROR();
  }
  TOP() = it.release();
  decref(v);
  DISPATCH();
}

TARGET(GET_ANEXT) {
  Value it = TOP();
  Value m = type_lookup(type_of(it), Value(ids::__anext__));
  if (!m) {
    err_format(g_TypeError, "'async for' requires an iterator with __anext__ method, got %s", type_name(type_of(it)));
    GOTO_ERROR();
  }
  Ref<> next = call1(m, it);
  if (!next) GOTO_ERROR();
  Ref<> aw = get_awaitable(next.val(), 0);
  if (!aw) {
    if (err_matches(g_TypeError)) {
      err_clear();
      err_format(g_TypeError, "'async for' received an invalid object from __anext__: %s",
                 type_name(type_of(next.val())));
    }
    GOTO_ERROR();
  }
  PUSH(aw.release());
  next.reset();  // computed goto skips destructors
  DISPATCH();
}

TARGET(END_ASYNC_FOR) {
  Value exc = POP();
  Value aiter = POP();
  if (is_subtype(type_of(exc), g_StopAsyncIteration)) {
    decref(exc);
    decref(aiter);
    DISPATCH();
  }
  decref(aiter);
  err_restore(Ref<>::steal(exc));
  // Re-raised from this instruction: look the handler up here, not at the
  // instruction that raised first (that one's handler brought us here).
  goto exception_unwind;
}

TARGET(CLEANUP_THROW) {
  Value exc = POP();
  Value last_sent = POP();
  Value sub = POP();
  if (is_subtype(type_of(exc), g_StopIteration)) {
    Value val = exception_extra(exc, kStopValue);
    Ref<> v = val.is_null() ? new_none() : Ref<>::borrow(val);
    decref(exc);
    decref(last_sent);
    decref(sub);
    PUSH(none());
    PUSH(v.release());
    DISPATCH();
  }
  decref(last_sent);
  decref(sub);
  err_restore(Ref<>::steal(exc));
  goto exception_unwind;  // the handler of this instruction (see END_ASYNC_FOR)
}

TARGET(MATCH_CLASS) {
  Value names = POP();
  Value cls = POP();
  Value subject = POP();
  Ref<> r = match_class(subject, cls, a, names);
  decref(names);
  decref(cls);
  decref(subject);
  if (!r) GOTO_ERROR();
  PUSH(r.release());
  DISPATCH();
}

TARGET(MATCH_MAPPING)
  PUSH(bool_of(check_match_mapping(TOP())));
  DISPATCH();

TARGET(MATCH_SEQUENCE)
  PUSH(bool_of(check_match_sequence(TOP())));
  DISPATCH();

TARGET(MATCH_KEYS) {
  Ref<> r = match_keys(SECOND(), TOP());
  if (!r) GOTO_ERROR();
  PUSH(r.release());
  DISPATCH();
}

TARGET(GET_LEN) {
  int64_t n = length(TOP());
  if (n < 0) GOTO_ERROR();
  Ref<> v = int_from_int64(n);
  PUSH(v.release());
  DISPATCH();
}

#include "vm/eval_attr_call.inc"

op_unknown:
  ip = this_instr + 1;
  err_format(g_SystemError, "unknown opcode %u", *this_instr & 0xFF);
  GOTO_ERROR();

// --- errors ------------------------------------------------------------------

error : {
  SAVE_FRAME_NO_IP();
  Value exc = err_peek();
  if (exc.is_null()) {
    err_set_str(g_SystemError, "error return without exception set");
    exc = err_peek();
  }
  chain_context(ts, exc);
  traceback_add(exc, f);
  if constexpr (kTracing) {
    if (ts->trace_fn) (void)trace_exception_event(ts, f);  // a raising hook replaces exc
  }
  goto exception_unwind_keep_lasti;
}

exception_unwind_noadd:
  // Entry with throwflag: the exception was thrown into a suspended frame.
  {
    Value exc = err_peek();
    chain_context(ts, exc);
    traceback_add(exc, f);
  }
  if constexpr (kTracing) {
    if (ts->trace_fn) (void)trace_exception_event(ts, f);
  }
  goto exception_unwind_keep_lasti;

exception_unwind:
  SAVE_FRAME_NO_IP();
exception_unwind_keep_lasti : {
  const ExceptionTableEntry* h =
      code_find_handler(co, static_cast<uint32_t>(unwind_at >= 0 ? unwind_at : f->lasti));
  unwind_at = -1;
  if (h) {
    Value* target_sp = f->stack_base() + h->depth;
    if (sp < target_sp) {
      // The compiler's recorded depth and the VM disagree: never let the
      // handler run on values that are not there.
      err_clear();
      err_format(g_SystemError, "exception handler at %u expects stack depth %u, found %d", h->target,
                 static_cast<unsigned>(h->depth), static_cast<int>(sp - f->stack_base()));
      h = nullptr;
    }
  }
  if (h) {
    Value* target_sp = f->stack_base() + h->depth;
    while (sp > target_sp) decref(POP());
    if (h->lasti) PUSH(Value::small(f->lasti));
    PUSH(err_fetch().release());
    JUMPTO(h->target);
    DISPATCH();
  }
  // No handler here: leave this frame.
  while (sp > f->stack_base()) decref(POP());
  f->sp = sp;
  if constexpr (kTracing) {
    // 'return' with None as the exception leaves; a hook that raises
    // replaces the exception (CPython's rule).
    Ref<> exc = err_fetch();
    if (trace_return_event(ts, f, Value()) < 0) exc = err_fetch();
    err_restore(std::move(exc));
  }
  f->pad = 2;  // raised
  if (f->is_entry) {
    ts->frame = f->previous;
    return nullptr;
  }
  Frame* caller = f->previous;
  ts->frame = caller;
  frame_pop(ts, f);
  f = caller;
  LOAD_FRAME();
  this_instr = co->code + f->lasti;
  {
    Value exc = err_peek();
    traceback_add(exc, f);
  }
  if constexpr (kTracing) {
    if (ts->trace_fn) (void)trace_exception_event(ts, f);
  }
  goto exception_unwind_keep_lasti;
}
}

template Ref<> eval_loop<false>(ThreadState* ts, Frame* entry, int mode);

namespace {
Ref<> eval_frame_traced(ThreadState* ts, Frame* entry, int mode) { return eval_loop<true>(ts, entry, mode); }
}  // namespace

}  // namespace ftpy
