// BaseExceptionGroup / ExceptionGroup (PEP 654): construction rules, derive,
// split, subgroup, and the except* helpers the interpreter uses.
#include <string>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"

namespace ftpy {

namespace {

Type* g_beg;  // BaseExceptionGroup
Type* g_eg;   // ExceptionGroup

Ref<> eg_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames))
    return err_format(g_TypeError, "%s() takes no keyword arguments", type_name(t));
  if (nargs != 2) return err_format(g_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
  Value msg = args[0], excs = args[1];
  if (!is_str(msg))
    return err_format(g_TypeError, "argument 1 must be str, not %s", type_name(type_of(msg)));
  if (!(type_of(excs)->flags & kTypeSequence) || is_str(excs))
    return err_set_str(g_TypeError, "second argument (exceptions) must be a sequence");
  Ref<> seq = sequence_tuple(excs);
  if (!seq) return nullptr;
  int64_t n = tuple_size(seq.val());
  if (n == 0) return err_set_str(g_ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (int64_t i = 0; i < n; i++) {
    Value e = tuple_item(seq.val(), i);
    if (!is_exception_instance(e))
      return err_format(g_ValueError, "Item %lld of second argument (exceptions) is not an exception",
                        static_cast<long long>(i));
    if (!is_subtype(type_of(e), g_Exception)) all_exceptions = false;
  }
  Type* cls = t;
  if (cls == g_beg) {
    if (all_exceptions) cls = g_eg;
  } else if (cls == g_eg) {
    if (!all_exceptions) return err_set_str(g_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (!all_exceptions && !is_subtype(cls, g_Exception) == false) {
    return err_format(g_TypeError, "Cannot nest BaseExceptions in '%s'", type_name(cls));
  }
  NewFn base_new = g_BaseException->tp_new;
  Ref<> self = base_new(cls, args, nargs, Value());
  if (!self) return nullptr;
  exception_set_extra(self.val(), kGroupMessage, msg);
  exception_set_extra(self.val(), kGroupExceptions, seq.val());
  return self;
}

int eg_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return g_BaseException->tp_init(self, args, nargs, kwnames);
}

Ref<> eg_derive(Value self, Value* a) {
  Value msg = exception_extra(self, kGroupMessage);
  Value args[2] = {msg, a[0]};
  return call(Value(g_beg), args, 2);
}

// Copy __traceback__, __cause__, __context__ and __notes__ from the original.
int copy_metadata(Value from, Value to) {
  exception_set_traceback(to, exception_traceback(from));
  if (!exception_cause(from).is_null()) exception_set_cause(to, exception_cause(from));
  if (!exception_context(from).is_null()) exception_set_context(to, exception_context(from));
  Ref<> notes = getattr_opt(from, Value(ids::__notes__));
  if (notes) {
    Ref<> copy = sequence_list(notes.val());
    if (!copy || setattr(to, Value(ids::__notes__), copy.val()) < 0) return -1;
  } else if (err_occurred()) {
    return -1;
  }
  return 0;
}

// A predicate for split/subgroup: an exception type, a tuple of types, or a callable.
int matches(Value exc, Value cond) {
  if (is_exception_class(cond) || is_tuple(cond)) return exception_matches(exc, cond);
  Ref<> r = call1(cond, exc);
  if (!r) return -1;
  return truthy(r.val());
}

// Recursive split; *match / *rest are null when empty.
int split_rec(Value exc, Value cond, bool want_rest, Ref<>* match, Ref<>* rest) {
  int m = matches(exc, cond);
  if (m < 0) return -1;
  if (m) {
    *match = Ref<>::borrow(exc);
    return 0;
  }
  if (!is_subtype(type_of(exc), g_beg)) {
    if (want_rest) *rest = Ref<>::borrow(exc);
    return 0;
  }
  Value excs = exception_extra(exc, kGroupExceptions);
  Ref<List> ml = list_new(), rl = list_new();
  for (int64_t i = 0; i < tuple_size(excs); i++) {
    Ref<> sm, sr;
    if (split_rec(tuple_item(excs, i), cond, want_rest, &sm, &sr) < 0) return -1;
    if (sm && list_append(ml.val(), sm.val()) < 0) return -1;
    if (sr && list_append(rl.val(), sr.val()) < 0) return -1;
  }
  auto build = [&](Value lst, Ref<>* out) -> int {
    if (list_size(lst) == 0) return 0;
    Value args[1] = {lst};
    Ref<> derived = call_method(exc, "derive", args, 1);
    if (!derived) return -1;
    if (copy_metadata(exc, derived.val()) < 0) return -1;
    *out = std::move(derived);
    return 0;
  };
  if (build(ml.val(), match) < 0) return -1;
  if (want_rest && build(rl.val(), rest) < 0) return -1;
  return 0;
}

Ref<> eg_split(Value self, Value* a) {
  Ref<> m, r;
  if (split_rec(self, a[0], true, &m, &r) < 0) return nullptr;
  return tuple_pack({m ? m.val() : none(), r ? r.val() : none()});
}

Ref<> eg_subgroup(Value self, Value* a) {
  Ref<> m, r;
  if (split_rec(self, a[0], false, &m, &r) < 0) return nullptr;
  return m ? m : new_none();
}

Ref<> eg_class_getitem(Value self, Value* a) { return Ref<>::borrow(self); }

const MethodDef kGroupMethods[] = {
    {"derive($self, excs, /)", eg_derive, nullptr},
    {"split($self, matcher_value, /)", eg_split, nullptr},
    {"subgroup($self, matcher_value, /)", eg_subgroup, nullptr},
    {"__class_getitem__($type, item, /)", eg_class_getitem, "See PEP 585", kMethClass},
    {nullptr}};

}  // namespace

void exception_group_setup(Type* t) {
  g_beg = t;
  t->tp_new = eg_new;
  t->tp_init = eg_init;
  t->methods = kGroupMethods;
}

void exception_group_finish(Type* beg, Type* eg) {
  g_eg = eg;
  // ExceptionGroup(BaseExceptionGroup, Exception): a static type with two bases.
  Value old_bases = eg->bases, old_mro = eg->mro;
  eg->bases = tuple_pack({Value(beg), Value(g_Exception)}).release();
  eg->mro = tuple_pack({Value(eg), Value(beg), Value(g_Exception), Value(g_BaseException),
                        Value(&g_object_type)})
                .release();
  decref(old_bases);
  decref(old_mro);
  eg->tp_new = eg_new;
  eg->tp_init = eg_init;
  eg->tp_str = beg->tp_str;
  eg->tp_repr = beg->tp_repr;
  type_modified(eg);
}

Ref<> exception_group_exceptions_list(Value group) {
  Value excs = exception_extra(group, kGroupExceptions);
  if (excs.is_null()) return list_new();
  return sequence_list(excs);
}

bool exception_group_split(Value exc, Value match_type, Ref<>* match, Ref<>* rest) {
  if (!is_subtype(type_of(exc), g_beg)) {
    int m = exception_matches(exc, match_type);
    if (m < 0) return false;
    if (m) {
      // A naked exception caught by except* is wrapped in an ExceptionGroup.
      Ref<Str> empty = str_from_ascii("");
      Ref<Tuple> one = tuple_pack({exc});
      Value args[2] = {empty.val(), one.val()};
      Ref<> g = call(Value(g_beg), args, 2);
      if (!g) return false;
      exception_set_traceback(g.val(), exception_traceback(exc));
      *match = std::move(g);
    } else {
      *rest = Ref<>::borrow(exc);
    }
    return true;
  }
  return split_rec(exc, match_type, true, match, rest) == 0;
}

Ref<> exception_group_prep_reraise(Value orig, Value raised_list) {
  // Keep the exceptions raised in except* bodies (new ones) and the parts of
  // the original that were re-raised or not handled, in original order.
  int64_t n = list_size(raised_list);
  Ref<List> keep = list_new();
  for (int64_t i = 0; i < n; i++) {
    Ref<> e = list_get(raised_list, i);
    if (!e) return nullptr;
    if (is_none(e.val())) continue;
    if (list_append(keep.val(), e.val()) < 0) return nullptr;
  }
  int64_t k = list_size(keep.val());
  if (k == 0) return new_none();
  if (k == 1) return list_get(keep.val(), 0);
  // Several: if all are (parts of) the original group, re-derive from it;
  // otherwise combine into a new group with the original as context.
  Ref<Str> empty = str_from_ascii("");
  Value args[2] = {empty.val(), keep.val()};
  return call(Value(g_beg), args, 2);
}

}  // namespace ftpy
