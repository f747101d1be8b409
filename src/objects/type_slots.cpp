// The dunder <-> slot table (one table per concept: kSlotDefs below).
//
// Both directions use it:
//   - static types: a slot the type defines is published in its dict as a
//     `wrapper_descriptor` (so `int.__add__`, `object.__repr__` exist and can be
//     called explicitly, e.g. from super());
//   - heap types: a dunder defined in Python fills the slot with a trampoline
//     that looks the dunder up on the instance's type and calls it. When the
//     dunder found along the MRO is itself a wrapper of the same slot, the
//     wrapped C++ function is used directly, so `class L(list): pass` keeps
//     list's fast slots.
#include <cstring>
#include <iterator>
#include <new>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/list.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/heap.h"
#include "vm/function.h"

namespace ftpy {

bool is_slot_wrapper_of(Value f, GetAttrFn fn);

namespace {

enum SlotKind : uint8_t {
  kRepr, kStr, kHash, kCall, kIter, kNext, kGetattribute, kGetattr, kSetattr, kDelattr,
  kDescrGet, kDescrSet, kDescrDelete, kInit, kNew, kDel, kRichCmp, kBinary, kBinaryR,
  kInplace, kNeg, kPos, kAbs, kInvert, kInt, kFloat, kIndex, kBool, kLen, kGetItem,
  kSetItem, kDelItem, kContains, kDivmod, kDivmodR, kPow, kPowR,
};

struct SlotDef {
  const char* name;
  SlotKind kind;
  int op;       // CompareOp or BinaryOp where relevant
  int nargs;    // arguments after self for the wrapper (-1: varargs)
  // CPython's text signature and docstring for the wrapper, split at "\n--\n\n"
  // (inspect.signature reads __text_signature__, pydoc shows __doc__).
  const char* doc;
  Str* iname;   // interned name, filled at init
};

SlotDef kSlotDefs[] = {
    {"__repr__", kRepr, 0, 0, "($self, /)\n--\n\nReturn repr(self)."},
    {"__str__", kStr, 0, 0, "($self, /)\n--\n\nReturn str(self)."},
    {"__hash__", kHash, 0, 0, "($self, /)\n--\n\nReturn hash(self)."},
    {"__call__", kCall, 0, -1, "($self, /, *args, **kwargs)\n--\n\nCall self as a function."},
    {"__iter__", kIter, 0, 0, "($self, /)\n--\n\nImplement iter(self)."},
    {"__next__", kNext, 0, 0, "($self, /)\n--\n\nImplement next(self)."},
    {"__getattribute__", kGetattribute, 0, 1, "($self, name, /)\n--\n\nReturn getattr(self, name)."},
    {"__getattr__", kGetattr, 0, 1, "($self, name, /)\n--\n\nReturn getattr(self, name)."},
    {"__setattr__", kSetattr, 0, 2, "($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."},
    {"__delattr__", kDelattr, 0, 1, "($self, name, /)\n--\n\nImplement delattr(self, name)."},
    {"__get__", kDescrGet, 0, -1, 
     "($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner."},
    {"__set__", kDescrSet, 0, 2, "($self, instance, value, /)\n--\n\nSet an attribute of instance to value."},
    {"__delete__", kDescrDelete, 0, 1, "($self, instance, /)\n--\n\nDelete an attribute of instance."},
    {"__init__", kInit, 0, -1, 
     "($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature."},
    {"__new__", kNew, 0, -1, 
     "($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) for accurate signature."},
    {"__del__", kDel, 0, 0, "($self, /)\n--\n\nCalled when the instance is about to be destroyed."},
    {"__lt__", kRichCmp, kLt, 1, "($self, value, /)\n--\n\nReturn self<value."},
    {"__le__", kRichCmp, kLe, 1, "($self, value, /)\n--\n\nReturn self<=value."},
    {"__eq__", kRichCmp, kEq, 1, "($self, value, /)\n--\n\nReturn self==value."},
    {"__ne__", kRichCmp, kNe, 1, "($self, value, /)\n--\n\nReturn self!=value."},
    {"__gt__", kRichCmp, kGt, 1, "($self, value, /)\n--\n\nReturn self>value."},
    {"__ge__", kRichCmp, kGe, 1, "($self, value, /)\n--\n\nReturn self>=value."},
    {"__add__", kBinary, kOpAdd, 1, "($self, value, /)\n--\n\nReturn self+value."},
    {"__radd__", kBinaryR, kOpAdd, 1, "($self, value, /)\n--\n\nReturn value+self."},
    {"__sub__", kBinary, kOpSub, 1, "($self, value, /)\n--\n\nReturn self-value."},
    {"__rsub__", kBinaryR, kOpSub, 1, "($self, value, /)\n--\n\nReturn value-self."},
    {"__mul__", kBinary, kOpMul, 1, "($self, value, /)\n--\n\nReturn self*value."},
    {"__rmul__", kBinaryR, kOpMul, 1, "($self, value, /)\n--\n\nReturn value*self."},
    {"__truediv__", kBinary, kOpTrueDiv, 1, "($self, value, /)\n--\n\nReturn self/value."},
    {"__rtruediv__", kBinaryR, kOpTrueDiv, 1, "($self, value, /)\n--\n\nReturn value/self."},
    {"__floordiv__", kBinary, kOpFloorDiv, 1, "($self, value, /)\n--\n\nReturn self//value."},
    {"__rfloordiv__", kBinaryR, kOpFloorDiv, 1, "($self, value, /)\n--\n\nReturn value//self."},
    {"__mod__", kBinary, kOpMod, 1, "($self, value, /)\n--\n\nReturn self%value."},
    {"__rmod__", kBinaryR, kOpMod, 1, "($self, value, /)\n--\n\nReturn value%self."},
    {"__pow__", kPow, kOpPow, -1, "($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."},
    {"__rpow__", kPowR, kOpPow, -1, "($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."},
    {"__lshift__", kBinary, kOpLshift, 1, "($self, value, /)\n--\n\nReturn self<<value."},
    {"__rlshift__", kBinaryR, kOpLshift, 1, "($self, value, /)\n--\n\nReturn value<<self."},
    {"__rshift__", kBinary, kOpRshift, 1, "($self, value, /)\n--\n\nReturn self>>value."},
    {"__rrshift__", kBinaryR, kOpRshift, 1, "($self, value, /)\n--\n\nReturn value>>self."},
    {"__and__", kBinary, kOpAnd, 1, "($self, value, /)\n--\n\nReturn self&value."},
    {"__rand__", kBinaryR, kOpAnd, 1, "($self, value, /)\n--\n\nReturn value&self."},
    {"__or__", kBinary, kOpOr, 1, "($self, value, /)\n--\n\nReturn self|value."},
    {"__ror__", kBinaryR, kOpOr, 1, "($self, value, /)\n--\n\nReturn value|self."},
    {"__xor__", kBinary, kOpXor, 1, "($self, value, /)\n--\n\nReturn self^value."},
    {"__rxor__", kBinaryR, kOpXor, 1, "($self, value, /)\n--\n\nReturn value^self."},
    {"__matmul__", kBinary, kOpMatMul, 1, "($self, value, /)\n--\n\nReturn self@value."},
    {"__rmatmul__", kBinaryR, kOpMatMul, 1, "($self, value, /)\n--\n\nReturn value@self."},
    {"__iadd__", kInplace, kOpAdd, 1, "($self, value, /)\n--\n\nReturn self+=value."},
    {"__isub__", kInplace, kOpSub, 1, "($self, value, /)\n--\n\nReturn self-=value."},
    {"__imul__", kInplace, kOpMul, 1, "($self, value, /)\n--\n\nReturn self*=value."},
    {"__itruediv__", kInplace, kOpTrueDiv, 1, "($self, value, /)\n--\n\nReturn self/=value."},
    {"__ifloordiv__", kInplace, kOpFloorDiv, 1, "($self, value, /)\n--\n\nReturn self//=value."},
    {"__imod__", kInplace, kOpMod, 1, "($self, value, /)\n--\n\nReturn self%=value."},
    {"__ipow__", kInplace, kOpPow, 1, "($self, value, /)\n--\n\nReturn self**=value."},
    {"__ilshift__", kInplace, kOpLshift, 1, "($self, value, /)\n--\n\nReturn self<<=value."},
    {"__irshift__", kInplace, kOpRshift, 1, "($self, value, /)\n--\n\nReturn self>>=value."},
    {"__iand__", kInplace, kOpAnd, 1, "($self, value, /)\n--\n\nReturn self&=value."},
    {"__ior__", kInplace, kOpOr, 1, "($self, value, /)\n--\n\nReturn self|=value."},
    {"__ixor__", kInplace, kOpXor, 1, "($self, value, /)\n--\n\nReturn self^=value."},
    {"__imatmul__", kInplace, kOpMatMul, 1, "($self, value, /)\n--\n\nReturn self@=value."},
    {"__neg__", kNeg, 0, 0, "($self, /)\n--\n\n-self"},
    {"__pos__", kPos, 0, 0, "($self, /)\n--\n\n+self"},
    {"__abs__", kAbs, 0, 0, "($self, /)\n--\n\nabs(self)"},
    {"__invert__", kInvert, 0, 0, "($self, /)\n--\n\n~self"},
    {"__int__", kInt, 0, 0, "($self, /)\n--\n\nint(self)"},
    {"__float__", kFloat, 0, 0, "($self, /)\n--\n\nfloat(self)"},
    {"__index__", kIndex, 0, 0, 
     "($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index into a list."},
    {"__bool__", kBool, 0, 0, "($self, /)\n--\n\nTrue if self else False"},
    {"__len__", kLen, 0, 0, "($self, /)\n--\n\nReturn len(self)."},
    {"__getitem__", kGetItem, 0, 1, "($self, key, /)\n--\n\nReturn self[key]."},
    {"__setitem__", kSetItem, 0, 2, "($self, key, value, /)\n--\n\nSet self[key] to value."},
    {"__delitem__", kDelItem, 0, 1, "($self, key, /)\n--\n\nDelete self[key]."},
    {"__contains__", kContains, 0, 1, "($self, key, /)\n--\n\nReturn key in self."},
    {"__divmod__", kDivmod, 0, 1, "($self, value, /)\n--\n\nReturn divmod(self, value)."},
    {"__rdivmod__", kDivmodR, 0, 1, "($self, value, /)\n--\n\nReturn divmod(value, self)."},
};
constexpr size_t kNumSlotDefs = sizeof(kSlotDefs) / sizeof(kSlotDefs[0]);

void ensure_names() {
  if (kSlotDefs[0].iname) return;
  for (SlotDef& d : kSlotDefs) d.iname = str_intern(d.name);
}

// Identity of the C++ slot a row refers to, for "is this wrapper the same slot".
void* slot_fn(Type* t, const SlotDef& d) {
  switch (d.kind) {
    case kRepr: return reinterpret_cast<void*>(t->tp_repr);
    case kStr: return reinterpret_cast<void*>(t->tp_str);
    case kHash: return reinterpret_cast<void*>(t->tp_hash);
    case kCall: return reinterpret_cast<void*>(t->tp_call);
    case kIter: return reinterpret_cast<void*>(t->tp_iter);
    case kNext: return reinterpret_cast<void*>(t->tp_iternext);
    case kGetattribute: case kGetattr: return reinterpret_cast<void*>(t->tp_getattro);
    case kSetattr: case kDelattr: return reinterpret_cast<void*>(t->tp_setattro);
    case kDescrGet: return reinterpret_cast<void*>(t->tp_descr_get);
    case kDescrSet: case kDescrDelete: return reinterpret_cast<void*>(t->tp_descr_set);
    case kInit: return reinterpret_cast<void*>(t->tp_init);
    case kNew: return reinterpret_cast<void*>(t->tp_new);
    case kDel: return reinterpret_cast<void*>(t->tp_finalize);
    case kRichCmp: return reinterpret_cast<void*>(t->tp_richcompare);
    case kBinary: case kBinaryR: return reinterpret_cast<void*>(t->nb_binary[d.op]);
    case kInplace: return reinterpret_cast<void*>(t->nb_inplace[d.op]);
    case kNeg: return reinterpret_cast<void*>(t->nb_negative);
    case kPos: return reinterpret_cast<void*>(t->nb_positive);
    case kAbs: return reinterpret_cast<void*>(t->nb_absolute);
    case kInvert: return reinterpret_cast<void*>(t->nb_invert);
    case kInt: return reinterpret_cast<void*>(t->nb_int);
    case kFloat: return reinterpret_cast<void*>(t->nb_float);
    case kIndex: return reinterpret_cast<void*>(t->nb_index);
    case kBool: return reinterpret_cast<void*>(t->nb_bool);
    case kLen: return reinterpret_cast<void*>(t->mp_length);
    case kGetItem: return reinterpret_cast<void*>(t->mp_subscript);
    case kSetItem: case kDelItem: return reinterpret_cast<void*>(t->mp_ass_subscript);
    case kContains: return reinterpret_cast<void*>(t->sq_contains);
    case kDivmod: case kDivmodR: return reinterpret_cast<void*>(t->nb_divmod);
    case kPow: case kPowR: return reinterpret_cast<void*>(t->nb_binary[kOpPow]);
  }
  return nullptr;
}

// --- wrapper_descriptor and method-wrapper ----------------------------------------------

struct SlotWrapper : Object {
  const SlotDef* def;
  Type* owner;
};
struct MethodWrapper : Object {
  Value descr;  // owned SlotWrapper
  Value self;   // owned
};
Type g_wrapper_descr_type;
Type g_method_wrapper_type;

std::nullptr_t arity_error(const SlotDef* d, size_t got) {
  return err_format(g_TypeError, "expected %d argument%s, got %zu", d->nargs, d->nargs == 1 ? "" : "s", got);
}

Ref<> bool_result(int r) {
  if (r < 0) return nullptr;
  return new_bool(r);
}

Ref<> none_result(int r) {
  if (r < 0) return nullptr;
  return new_none();
}

Ref<> attr_name_error(Value name) {
  return err_format(g_TypeError, "attribute name must be string, not '%s'", type_name(type_of(name)));
}

Ref<> wrapper_invoke(const SlotDef* d, Type* t, Value self, const Value* a, size_t n, Value kw) {
  if (d->nargs >= 0 && (n != static_cast<size_t>(d->nargs) || (!kw.is_null() && tuple_size(kw) > 0))) {
    if (!kw.is_null() && tuple_size(kw) > 0)
      return err_format(g_TypeError, "wrapper %s() takes no keyword arguments", d->name);
    return arity_error(d, n);
  }
  switch (d->kind) {
    case kRepr: return t->tp_repr(self);
    case kStr: return t->tp_str(self);
    case kHash: {
      int64_t h = t->tp_hash(self);
      if (h == -1 && err_occurred()) return nullptr;
      return int_from_int64(h);
    }
    case kCall: return t->tp_call(self, a, n, kw);
    case kIter: return t->tp_iter(self);
    case kNext: {
      Ref<> r = t->tp_iternext(self);
      if (!r && !err_occurred()) return err_set_object(g_StopIteration, Value());
      return r;
    }
    // The getattro/setattro slots may take their name to be a str (getattr()
    // and the VM check before calling them); a wrapper called directly
    // (type.__getattribute__(int, True)) must check it. type's own setattro
    // (every type object's) checks after its immutable-type test, whose
    // message comes first.
    case kGetattribute: case kGetattr:
      if (!is_str(a[0])) return attr_name_error(a[0]);
      return t->tp_getattro(self, a[0]);
    case kSetattr: case kDelattr:
      if (!is_str(a[0]) && !(self.is_obj() && has_flag(type_of(self), kTypeTypeSubclass)))
        return attr_name_error(a[0]);
      return none_result(t->tp_setattro(self, a[0], d->kind == kSetattr ? a[1] : Value()));
    case kDescrGet: {
      if (n < 1 || n > 2) return err_format(g_TypeError, "expected 1 or 2 arguments, got %zu", n);
      Value obj = is_none(a[0]) ? Value() : a[0];
      Value type = n > 1 && !is_none(a[1]) ? a[1] : Value();
      if (obj.is_null() && type.is_null())
        return err_set_str(g_TypeError, "__get__(None, None) is invalid");
      return t->tp_descr_get(self, obj, type);
    }
    case kDescrSet: return none_result(t->tp_descr_set(self, a[0], a[1]));
    case kDescrDelete: return none_result(t->tp_descr_set(self, a[0], Value()));
    case kInit: return none_result(t->tp_init(self, a, n, kw));
    case kNew: return err_set_str(g_SystemError, "__new__ wrapper misuse");
    case kDel: t->tp_finalize(self.obj()); return err_occurred() ? nullptr : new_none();
    case kRichCmp: return t->tp_richcompare(self, a[0], static_cast<CompareOp>(d->op));
    case kBinary: return t->nb_binary[d->op](self, a[0]);
    case kBinaryR: return t->nb_binary[d->op](a[0], self);
    case kInplace: return t->nb_inplace[d->op](self, a[0]);
    case kNeg: return t->nb_negative(self);
    case kPos: return t->nb_positive(self);
    case kAbs: return t->nb_absolute(self);
    case kInvert: return t->nb_invert(self);
    case kInt: return t->nb_int(self);
    case kFloat: return t->nb_float(self);
    case kIndex: return t->nb_index(self);
    case kBool: return bool_result(t->nb_bool(self));
    case kLen: {
      int64_t len = t->mp_length(self);
      if (len < 0) return nullptr;
      return int_from_int64(len);
    }
    case kGetItem: return t->mp_subscript(self, a[0]);
    case kSetItem: return none_result(t->mp_ass_subscript(self, a[0], a[1]));
    case kDelItem: return none_result(t->mp_ass_subscript(self, a[0], Value()));
    case kContains: return bool_result(t->sq_contains(self, a[0]));
    case kDivmod: return t->nb_divmod(self, a[0]);
    case kDivmodR: return t->nb_divmod(a[0], self);
    case kPow:
      if (n == 1) return t->nb_binary[kOpPow](self, a[0]);
      if (n == 2 && t->nb_power) return t->nb_power(self, a[0], a[1]);
      return err_format(g_TypeError, "expected 1 or 2 arguments, got %zu", n);
    case kPowR:
      if (n == 1) return t->nb_binary[kOpPow](a[0], self);
      if (n == 2 && t->nb_power) return t->nb_power(a[0], self, a[1]);
      return err_format(g_TypeError, "expected 1 or 2 arguments, got %zu", n);
  }
  return nullptr;
}

void wrapper_dealloc(Object* o) { free_object(o); }

Ref<> wrapper_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* w = callable.as<SlotWrapper>();
  if (nargs < 1)
    return err_format(g_TypeError, "descriptor '%s' of '%s' object needs an argument", w->def->name,
                      type_name(w->owner));
  if (!is_subtype(type_of(args[0]), w->owner))
    return err_format(g_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", w->def->name,
                      type_name(w->owner), type_name(type_of(args[0])));
  try {  // std::bad_alloc: see native.cpp invoke
    return wrapper_invoke(w->def, w->owner, args[0], args + 1, nargs - 1, kwnames);
  } catch (const std::bad_alloc&) {
    return err_no_memory();
  }
}

Ref<> wrapper_get(Value descr, Value obj, Value type) {
  if (obj.is_null()) return Ref<>::borrow(descr);
  auto* w = descr.as<SlotWrapper>();
  if (!is_subtype(type_of(obj), w->owner))
    return err_format(g_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                      w->def->name, type_tp_name(w->owner),
                      type_tp_name(type_of(obj)));
  auto* m = alloc_object<MethodWrapper>(&g_method_wrapper_type);
  if (!m) return nullptr;
  m->descr = Ref<>::borrow(descr).release();
  m->self = Ref<>::borrow(obj).release();
  return Ref<>::steal(Value(m));
}

Ref<> wrapper_repr(Value v) {
  auto* w = v.as<SlotWrapper>();
  return str_from_utf8(std::string("<slot wrapper '") + w->def->name + "' of '" + type_name(w->owner) +
                       "' objects>");
}

Ref<> wrapper_get_name(Value v) { return Ref<>(v.as<SlotWrapper>()->def->iname); }
Ref<> wrapper_get_qualname(Value v) {
  auto* w = v.as<SlotWrapper>();
  return str_from_utf8(type_qualname_utf8(w->owner) + "." + w->def->name);
}
Ref<> wrapper_get_objclass(Value v) { return Ref<>::borrow(Value(v.as<SlotWrapper>()->owner)); }
// The two halves of SlotDef::doc.
Ref<> slot_doc_part(const SlotDef* d, bool signature) {
  const char* sep = std::strstr(d->doc, "\n--\n\n");
  if (signature) return str_from_utf8(std::string_view(d->doc, sep - d->doc));
  return str_from_utf8(sep + 5);
}
Ref<> wrapper_get_doc(Value v) { return slot_doc_part(v.as<SlotWrapper>()->def, false); }
Ref<> wrapper_get_text_signature(Value v) { return slot_doc_part(v.as<SlotWrapper>()->def, true); }
const GetSetDef kWrapperGetSets[] = {{"__name__", wrapper_get_name, nullptr},
                                     {"__qualname__", wrapper_get_qualname, nullptr},
                                     {"__objclass__", wrapper_get_objclass, nullptr},
                                     {"__doc__", wrapper_get_doc, nullptr},
                                     {"__text_signature__", wrapper_get_text_signature, nullptr},
                                     {nullptr}};

void method_wrapper_dealloc(Object* o) {
  auto* m = static_cast<MethodWrapper*>(o);
  decref(m->descr);
  decref(m->self);
  free_object(o);
}

Ref<> method_wrapper_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* m = callable.as<MethodWrapper>();
  auto* w = m->descr.as<SlotWrapper>();
  return wrapper_invoke(w->def, w->owner, m->self, args, nargs, kwnames);
}

Ref<> method_wrapper_repr(Value v) {
  auto* m = v.as<MethodWrapper>();
  auto* w = m->descr.as<SlotWrapper>();
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(m->self.obj()));
  return str_from_utf8(std::string("<method-wrapper '") + w->def->name + "' of " + type_name(type_of(m->self)) +
                       " object at " + addr + ">");
}
Ref<> method_wrapper_get_self(Value v) { return Ref<>::borrow(v.as<MethodWrapper>()->self); }
Ref<> method_wrapper_get_name(Value v) { return Ref<>(v.as<MethodWrapper>()->descr.as<SlotWrapper>()->def->iname); }
Ref<> method_wrapper_get_qualname(Value v) { return wrapper_get_qualname(v.as<MethodWrapper>()->descr); }
Ref<> method_wrapper_get_doc(Value v) { return wrapper_get_doc(v.as<MethodWrapper>()->descr); }
Ref<> method_wrapper_get_text_signature(Value v) {
  return wrapper_get_text_signature(v.as<MethodWrapper>()->descr);
}
const GetSetDef kMethodWrapperGetSets[] = {{"__self__", method_wrapper_get_self, nullptr},
                                           {"__name__", method_wrapper_get_name, nullptr},
                                           {"__qualname__", method_wrapper_get_qualname, nullptr},
                                           {"__doc__", method_wrapper_get_doc, nullptr},
                                           {"__text_signature__", method_wrapper_get_text_signature, nullptr},
                                           {nullptr}};

Ref<> method_wrapper_richcompare(Value a, Value b, CompareOp op) {
  if ((op != kEq && op != kNe) || type_of(b) != &g_method_wrapper_type) return Ref<>::steal(not_implemented());
  auto* x = a.as<MethodWrapper>();
  auto* y = b.as<MethodWrapper>();
  bool eq = x->descr == y->descr && x->self == y->self;
  return new_bool(op == kEq ? eq : !eq);
}

Ref<> wrapper_reduce(Value v, Value*) { return reduce_as_getattr(v, "__objclass__"); }
Ref<> method_wrapper_reduce(Value v, Value*) { return reduce_as_getattr(v, "__self__"); }
const MethodDef kWrapperMethods[] = {{"__reduce__($self, /)", wrapper_reduce, nullptr}, {nullptr}};
const MethodDef kMethodWrapperMethods[] = {{"__reduce__($self, /)", method_wrapper_reduce, nullptr}, {nullptr}};

void wrapper_types_init() {
  if (g_wrapper_descr_type.flags & kTypeReady) return;
  Type* t = &g_wrapper_descr_type;
  t->name = "wrapper_descriptor";
  t->basic_size = sizeof(SlotWrapper);
  t->flags = kTypeMethodDescriptor;
  t->tp_dealloc = wrapper_dealloc;
  t->tp_call = wrapper_call;
  t->tp_descr_get = wrapper_get;
  t->tp_repr = wrapper_repr;
  t->getsets = kWrapperGetSets;
  t->methods = kWrapperMethods;
  t->tp_getattro = generic_getattr;
  t->ob_type = &g_type_type;
  t = &g_method_wrapper_type;
  t->name = "method-wrapper";
  t->basic_size = sizeof(MethodWrapper);
  t->tp_dealloc = method_wrapper_dealloc;
  t->tp_call = method_wrapper_call;
  t->tp_repr = method_wrapper_repr;
  t->tp_richcompare = method_wrapper_richcompare;
  t->getsets = kMethodWrapperGetSets;
  t->methods = kMethodWrapperMethods;
  t->tp_getattro = generic_getattr;
  t->ob_type = &g_type_type;
}

Ref<> slot_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames);

// tp_name as CPython shows it: "time.struct_time" for a native type, the
// __name__ for a class.

// tp_new exposed as `T.__new__(subtype, *args, **kwargs)`: a builtin whose self
// is the owner type.
Ref<> tp_new_wrapper(Value self, Value* args) {
  Type* owner = self.as<Type>();
  Value a = args[0];  // *args tuple
  Value kw = args[1];
  if (tuple_size(a) < 1) return err_format(g_TypeError, "%s.__new__(): not enough arguments", type_name(owner));
  Value sub = tuple_item(a, 0);
  if (!has_flag(type_of(sub), kTypeTypeSubclass))
    return err_format(g_TypeError, "%s.__new__(X): X is not a type object (%s)", type_name(owner),
                      type_name(type_of(sub)));
  Type* st = sub.as<Type>();
  if (!is_subtype(st, owner))
    return err_format(g_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type_tp_name(owner),
                      type_tp_name(st), type_tp_name(st), type_tp_name(owner));
  // The nearest base of st whose __new__ is native must be built by owner's
  // tp_new, else the instance would miss the initialisation its C++ layout
  // needs (object.__new__(tuple subclass) would leave the items unset).
  Type* solid = st;
  while (solid && solid->tp_new == slot_tp_new) solid = solid->base;
  if (solid && solid->tp_new != owner->tp_new)
    return err_format(g_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type_tp_name(owner),
                      type_tp_name(st), type_tp_name(solid));
  // Forward remaining positional args and keywords.
  std::vector<Value> all;
  for (int64_t i = 1; i < tuple_size(a); i++) all.push_back(tuple_item(a, i));
  Ref<Tuple> names;
  std::vector<Ref<>> keep;
  if (dict_size(kw) > 0) {
    names = tuple_new(dict_size(kw));
    int64_t pos = 0, i = 0;
    Ref<> k, v;
    while (dict_next(kw, &pos, &k, &v)) {
      all.push_back(v.val());
      keep.push_back(v);
      tuple_init_item(names.get(), i++, k);
    }
  }
  size_t npos = static_cast<size_t>(tuple_size(a) - 1);
  return owner->tp_new(st, all.data(), npos, names ? names.val() : Value());
}
// The doc's header gives CPython's __text_signature__, "($type, *args, **kwargs)".
const MethodDef kTpNewDef = {"__new__(*args, **kwargs)", tp_new_wrapper,
                             "__new__($type, *args, **kwargs)\n--\n\n"
                             "Create and return a new object.  See help(type) for accurate signature."};

// --- trampolines for heap types ---------------------------------------------------------------

// `first` followed by args[0..n): the argument array of a call with the
// receiver prepended, on the stack for the usual few arguments (instance
// creation runs this for every __init__ call).
class SelfArgs {
 public:
  SelfArgs(Value first, const Value* args, size_t n) {
    if (n + 1 > kInline) {
      big_.resize(n + 1);
      all_ = big_.data();
    }
    all_[0] = first;
    for (size_t i = 0; i < n; i++) all_[i + 1] = args[i];
  }
  SelfArgs(const SelfArgs&) = delete;
  SelfArgs& operator=(const SelfArgs&) = delete;
  Value* data() { return all_; }

 private:
  static constexpr size_t kInline = 8;
  Value buf_[kInline];
  std::vector<Value> big_;
  Value* all_ = buf_;
};

}  // namespace

// Look up `name` on type(self) and call it with self prepended.
Ref<> call_special(Value self, Str* name, const Value* args, size_t nargs) {
  Value f = type_lookup(type_of(self), Value(name));
  if (!f) return attribute_error(self, Value(name));
  Ref<> hold = Ref<>::borrow(f);
  SelfArgs sa(self, args, nargs);
  Value* all = sa.data();
  Type* ft = type_of(f);
  if (is_python_function(f) || (ft->flags & kTypeMethodDescriptor)) return call(f, all, nargs + 1);
  if (ft->tp_descr_get) {
    Ref<> bound = ft->tp_descr_get(f, self, Value(type_of(self)));
    if (!bound) return nullptr;
    return call(bound.val(), args, nargs);
  }
  return call(f, args, nargs);
}

// Like call_special but returns NotImplemented when the type lacks the dunder.
Ref<> call_special_opt(Value self, Str* name, const Value* args, size_t nargs) {
  if (!type_lookup(type_of(self), Value(name))) return Ref<>::steal(not_implemented());
  return call_special(self, name, args, nargs);
}

namespace {

Str* name_of(SlotKind k, int op = 0) {
  for (SlotDef& d : kSlotDefs)
    if (d.kind == k && d.op == op) return d.iname;
  return nullptr;
}

Ref<> slot_tp_repr(Value self) { return call_special(self, ids::__repr__, nullptr, 0); }
Ref<> slot_tp_str(Value self) { return call_special(self, ids::__str__, nullptr, 0); }
int64_t slot_tp_hash(Value self) {
  Ref<> r = call_special(self, ids::__hash__, nullptr, 0);
  if (!r) return -1;
  if (!is_int(r.val())) {
    err_set_str(g_TypeError, "__hash__ method should return an integer");
    return -1;
  }
  int64_t h;
  if (int_as_int64(r.val(), &h)) return h == -1 ? -2 : h;
  return int_hash(r.val());
}
Ref<> slot_tp_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value f = type_lookup(type_of(self), Value(ids::__call__));
  if (!f) return err_format(g_TypeError, "'%s' object is not callable", type_tp_name(type_of(self)));
  Ref<> hold = Ref<>::borrow(f);
  DescrGetFn get = type_of(f)->tp_descr_get;
  Ref<> bound = get ? get(f, self, Value(type_of(self))) : Ref<>::borrow(f);
  if (!bound) return nullptr;
  return call(bound.val(), args, nargs, kwnames);
}
Ref<> slot_tp_iter(Value self) {
  Value f = type_lookup(type_of(self), Value(ids::__iter__));
  if (f && is_none(f)) return err_format(g_TypeError, "'%s' object is not iterable", type_tp_name(type_of(self)));
  return call_special(self, ids::__iter__, nullptr, 0);
}
Ref<> slot_tp_iternext(Value self) {
  Ref<> r = call_special(self, ids::__next__, nullptr, 0);
  return r;
}
Ref<> slot_tp_getattr_hook(Value self, Value name) {
  Type* t = type_of(self);
  Value ga = type_lookup(t, Value(ids::__getattribute__));
  Ref<> r;
  if (!ga || is_slot_wrapper_of(ga, generic_getattr)) {
    r = generic_getattr(self, name);
  } else {
    r = call_special(self, ids::__getattribute__, &name, 1);
  }
  if (r || !err_matches(g_AttributeError)) return r;
  Value gattr = type_lookup(t, Value(ids::__getattr__));
  if (!gattr) return r;
  err_clear();
  return call_special(self, ids::__getattr__, &name, 1);
}
int slot_tp_setattro(Value self, Value name, Value v) {
  Ref<> r;
  if (v.is_null()) {
    r = call_special(self, ids::__delattr__, &name, 1);
  } else {
    Value args[2] = {name, v};
    r = call_special(self, ids::__setattr__, args, 2);
  }
  return r ? 0 : -1;
}
Ref<> slot_tp_descr_get(Value self, Value obj, Value type) {
  Value args[2] = {obj.is_null() ? none() : obj, type.is_null() ? none() : type};
  return call_special(self, ids::__get__, args, 2);
}
int slot_tp_descr_set(Value self, Value obj, Value v) {
  Ref<> r;
  // A descriptor with only __set__ (or only __delete__): CPython's error
  // names just the missing method.
  Str* needed = v.is_null() ? ids::__delete__ : ids::__set__;
  if (!type_lookup(type_of(self), Value(needed))) {
    err_set_str(g_AttributeError, str_view(Value(needed)).data());
    return -1;
  }
  if (v.is_null()) {
    r = call_special(self, ids::__delete__, &obj, 1);
  } else {
    Value args[2] = {obj, v};
    r = call_special(self, ids::__set__, args, 2);
  }
  return r ? 0 : -1;
}
int slot_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value f = type_lookup(type_of(self), Value(ids::__init__));
  if (!f) return 0;
  Ref<> hold = Ref<>::borrow(f);
  Ref<> r;
  DescrGetFn get = type_of(f)->tp_descr_get;
  if (is_python_function(f) || (type_of(f)->flags & kTypeMethodDescriptor)) {
    size_t total = nargs + (kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames)));
    SelfArgs all(self, args, total);
    r = call(f, all.data(), nargs + 1, kwnames);
  } else if (!get) {
    // Not a descriptor (a callable instance, a builtin function): called as
    // found, without self, as every special method lookup does.
    r = call(f, args, nargs, kwnames);
  } else {
    Ref<> bound = get(f, self, Value(type_of(self)));
    if (!bound) return -1;
    r = call(bound.val(), args, nargs, kwnames);
  }
  if (!r) return -1;
  if (!is_none(r.val())) {
    err_format(g_TypeError, "__init__() should return None, not '%s'", type_name(type_of(r.val())));
    return -1;
  }
  return 0;
}
Ref<> slot_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value f = type_lookup(type, Value(ids::__new__));
  if (!f) return err_set_str(g_TypeError, "no __new__");
  Ref<> hold = Ref<>::borrow(f);
  // __new__ is a staticmethod: unwrap and call with the class first.
  DescrGetFn get = type_of(f)->tp_descr_get;
  Ref<> fn = get ? get(f, Value(), Value(type)) : Ref<>::borrow(f);
  if (!fn) return nullptr;
  size_t total = nargs + (kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames)));
  SelfArgs all(Value(type), args, total);
  return call(fn.val(), all.data(), nargs + 1, kwnames);
}
void slot_tp_finalize(Object* o) {
  Value self(o);
  Ref<> saved = err_fetch();
  Ref<> r = call_special(self, ids::__del__, nullptr, 0);
  if (!r) {
    // CPython 3.11 reports the class's __del__ function, with err_msg None.
    Value method = type_lookup(type_of(self), Value(ids::__del__));
    err_write_unraisable(nullptr, method.is_null() ? self : method);
  }
  err_restore(std::move(saved));
}
// No table filled on first use: threads comparing for the first time at once
// raced on it (TSan, specialize_arith.py).
Str* richcompare_name(CompareOp op) {
  switch (op) {
    case kLt: return ids::__lt__;
    case kLe: return ids::__le__;
    case kEq: return ids::__eq__;
    case kNe: return ids::__ne__;
    case kGt: return ids::__gt__;
    case kGe: return ids::__ge__;
  }
  return ids::__eq__;  // unreachable: every CompareOp is listed
}

Ref<> slot_tp_richcompare(Value self, Value other, CompareOp op) {
  Str* name = richcompare_name(op);
  Value f = type_lookup(type_of(self), Value(name));
  if (!f || is_none(f)) return Ref<>::steal(not_implemented());
  return call_special(self, name, &other, 1);
}

template <int Op>
Ref<> slot_nb_binary(Value a, Value b) {
  Str* fwd = name_of(kBinary, Op);
  Str* rev = name_of(kBinaryR, Op);
  if (Op == kOpPow) {
    fwd = ids::__pow__;
    rev = str_intern("__rpow__");
  }
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool do_other = ta != tb && tb->nb_binary[Op] == slot_nb_binary<Op> && type_lookup(tb, Value(rev));
  if (ta->nb_binary[Op] == slot_nb_binary<Op>) {
    if (do_other && is_subtype(tb, ta) && type_lookup(tb, Value(rev)) != type_lookup(ta, Value(rev))) {
      Ref<> r = call_special_opt(b, rev, &a, 1);
      if (!r || r.val() != not_implemented()) return r;
      do_other = false;
    }
    Ref<> r = call_special_opt(a, fwd, &b, 1);
    if (!r || r.val() != not_implemented() || ta == tb) return r;
  }
  if (do_other) return call_special_opt(b, rev, &a, 1);
  return Ref<>::steal(not_implemented());
}

template <int Op>
Ref<> slot_nb_inplace(Value a, Value b) {
  return call_special_opt(a, name_of(kInplace, Op), &b, 1);
}

Ref<> slot_nb_power3(Value a, Value b, Value m) {
  if (m.is_null() || is_none(m)) return slot_nb_binary<kOpPow>(a, b);
  if (type_of(a)->nb_power == slot_nb_power3) {
    Value args[2] = {b, m};
    return call_special_opt(a, ids::__pow__, args, 2);
  }
  return Ref<>::steal(not_implemented());
}

Ref<> slot_nb_divmod(Value a, Value b) {
  static Str* rdivmod = str_intern("__rdivmod__");
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if (ta->nb_divmod == slot_nb_divmod) {
    Ref<> r = call_special_opt(a, ids::__divmod__, &b, 1);
    if (!r || r.val() != not_implemented() || ta == tb) return r;
  }
  if (tb != ta && tb->nb_divmod == slot_nb_divmod) return call_special_opt(b, rdivmod, &a, 1);
  return Ref<>::steal(not_implemented());
}

Ref<> slot_nb_neg(Value v) { return call_special(v, ids::__neg__, nullptr, 0); }
Ref<> slot_nb_pos(Value v) { return call_special(v, ids::__pos__, nullptr, 0); }
Ref<> slot_nb_abs(Value v) { return call_special(v, ids::__abs__, nullptr, 0); }
Ref<> slot_nb_invert(Value v) { return call_special(v, ids::__invert__, nullptr, 0); }
Ref<> slot_nb_int(Value v) { return call_special(v, ids::__int__, nullptr, 0); }
Ref<> slot_nb_float(Value v) { return call_special(v, ids::__float__, nullptr, 0); }
Ref<> slot_nb_index(Value v) { return call_special(v, ids::__index__, nullptr, 0); }
int slot_nb_bool(Value v) {
  Ref<> r = call_special(v, ids::__bool__, nullptr, 0);
  if (!r) return -1;
  if (!is_bool(r.val())) {
    err_format(g_TypeError, "__bool__ should return bool, returned %s", type_name(type_of(r.val())));
    return -1;
  }
  return r.val() == true_value();
}
int64_t slot_mp_length(Value v) {
  Ref<> r = call_special(v, ids::__len__, nullptr, 0);
  if (!r) return -1;
  if (!is_int(r.val())) {
    err_format(g_TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(r.val())));
    return -1;
  }
  if (int_sign(r.val()) < 0) {
    err_set_str(g_ValueError, "__len__() should return >= 0");
    return -1;
  }
  int64_t n;
  if (!int_as_int64(r.val(), &n)) {
    err_set_str(g_OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  return n;
}
Ref<> slot_mp_subscript(Value self, Value key) { return call_special(self, ids::__getitem__, &key, 1); }
int slot_mp_ass_subscript(Value self, Value key, Value v) {
  Ref<> r;
  if (v.is_null()) {
    r = call_special(self, ids::__delitem__, &key, 1);
  } else {
    Value args[2] = {key, v};
    r = call_special(self, ids::__setitem__, args, 2);
  }
  return r ? 0 : -1;
}
int slot_sq_contains(Value self, Value item) {
  Value f = type_lookup(type_of(self), Value(ids::__contains__));
  if (f && is_none(f)) {
    err_format(g_TypeError, "'%s' object is not a container", type_name(type_of(self)));
    return -1;
  }
  Ref<> r = call_special(self, ids::__contains__, &item, 1);
  if (!r) return -1;
  return truthy(r.val());
}

// The trampoline for a row.
void* trampoline_for(const SlotDef& d) {
  switch (d.kind) {
    case kRepr: return reinterpret_cast<void*>(slot_tp_repr);
    case kStr: return reinterpret_cast<void*>(slot_tp_str);
    case kHash: return reinterpret_cast<void*>(slot_tp_hash);
    case kCall: return reinterpret_cast<void*>(slot_tp_call);
    case kIter: return reinterpret_cast<void*>(slot_tp_iter);
    case kNext: return reinterpret_cast<void*>(slot_tp_iternext);
    case kGetattribute: case kGetattr: return reinterpret_cast<void*>(slot_tp_getattr_hook);
    case kSetattr: case kDelattr: return reinterpret_cast<void*>(slot_tp_setattro);
    case kDescrGet: return reinterpret_cast<void*>(slot_tp_descr_get);
    case kDescrSet: case kDescrDelete: return reinterpret_cast<void*>(slot_tp_descr_set);
    case kInit: return reinterpret_cast<void*>(slot_tp_init);
    case kNew: return reinterpret_cast<void*>(slot_tp_new);
    case kDel: return reinterpret_cast<void*>(slot_tp_finalize);
    case kRichCmp: return reinterpret_cast<void*>(slot_tp_richcompare);
    case kBinary: case kBinaryR: case kPow: case kPowR:
      switch (d.op) {
#define CASE(op) case op: return reinterpret_cast<void*>(slot_nb_binary<op>);
        CASE(kOpAdd) CASE(kOpSub) CASE(kOpMul) CASE(kOpTrueDiv) CASE(kOpFloorDiv) CASE(kOpMod)
        CASE(kOpPow) CASE(kOpLshift) CASE(kOpRshift) CASE(kOpAnd) CASE(kOpOr) CASE(kOpXor) CASE(kOpMatMul)
#undef CASE
      }
      return nullptr;
    case kInplace:
      switch (d.op) {
#define CASE(op) case op: return reinterpret_cast<void*>(slot_nb_inplace<op>);
        CASE(kOpAdd) CASE(kOpSub) CASE(kOpMul) CASE(kOpTrueDiv) CASE(kOpFloorDiv) CASE(kOpMod)
        CASE(kOpPow) CASE(kOpLshift) CASE(kOpRshift) CASE(kOpAnd) CASE(kOpOr) CASE(kOpXor) CASE(kOpMatMul)
#undef CASE
      }
      return nullptr;
    case kNeg: return reinterpret_cast<void*>(slot_nb_neg);
    case kPos: return reinterpret_cast<void*>(slot_nb_pos);
    case kAbs: return reinterpret_cast<void*>(slot_nb_abs);
    case kInvert: return reinterpret_cast<void*>(slot_nb_invert);
    case kInt: return reinterpret_cast<void*>(slot_nb_int);
    case kFloat: return reinterpret_cast<void*>(slot_nb_float);
    case kIndex: return reinterpret_cast<void*>(slot_nb_index);
    case kBool: return reinterpret_cast<void*>(slot_nb_bool);
    case kLen: return reinterpret_cast<void*>(slot_mp_length);
    case kGetItem: return reinterpret_cast<void*>(slot_mp_subscript);
    case kSetItem: case kDelItem: return reinterpret_cast<void*>(slot_mp_ass_subscript);
    case kContains: return reinterpret_cast<void*>(slot_sq_contains);
    case kDivmod: case kDivmodR: return reinterpret_cast<void*>(slot_nb_divmod);
  }
  return nullptr;
}

void set_slot(Type* t, const SlotDef& d, void* fn) {
  switch (d.kind) {
    case kRepr: t->tp_repr = reinterpret_cast<UnaryFn>(fn); break;
    case kStr: t->tp_str = reinterpret_cast<UnaryFn>(fn); break;
    case kHash: t->tp_hash = reinterpret_cast<HashFn>(fn); break;
    case kCall: t->tp_call = reinterpret_cast<CallFn>(fn); break;
    case kIter: t->tp_iter = reinterpret_cast<UnaryFn>(fn); break;
    case kNext: t->tp_iternext = reinterpret_cast<UnaryFn>(fn); break;
    case kGetattribute: case kGetattr: t->tp_getattro = reinterpret_cast<GetAttrFn>(fn); break;
    case kSetattr: case kDelattr: t->tp_setattro = reinterpret_cast<SetAttrFn>(fn); break;
    case kDescrGet: t->tp_descr_get = reinterpret_cast<DescrGetFn>(fn); break;
    case kDescrSet: case kDescrDelete: t->tp_descr_set = reinterpret_cast<DescrSetFn>(fn); break;
    case kInit: t->tp_init = reinterpret_cast<InitFn>(fn); break;
    case kNew: t->tp_new = reinterpret_cast<NewFn>(fn); break;
    case kDel: t->tp_finalize = reinterpret_cast<DeallocFn>(fn); break;
    case kRichCmp: t->tp_richcompare = reinterpret_cast<RichCmpFn>(fn); break;
    case kBinary: case kBinaryR: t->nb_binary[d.op] = reinterpret_cast<BinaryFn>(fn); break;
    case kPow: case kPowR:
      t->nb_binary[kOpPow] = reinterpret_cast<BinaryFn>(fn);
      t->nb_power = fn == trampoline_for(d) ? slot_nb_power3 : t->nb_power;
      break;
    case kInplace: t->nb_inplace[d.op] = reinterpret_cast<BinaryFn>(fn); break;
    case kNeg: t->nb_negative = reinterpret_cast<UnaryFn>(fn); break;
    case kPos: t->nb_positive = reinterpret_cast<UnaryFn>(fn); break;
    case kAbs: t->nb_absolute = reinterpret_cast<UnaryFn>(fn); break;
    case kInvert: t->nb_invert = reinterpret_cast<UnaryFn>(fn); break;
    case kInt: t->nb_int = reinterpret_cast<UnaryFn>(fn); break;
    case kFloat: t->nb_float = reinterpret_cast<UnaryFn>(fn); break;
    case kIndex: t->nb_index = reinterpret_cast<UnaryFn>(fn); break;
    case kBool: t->nb_bool = reinterpret_cast<InquiryFn>(fn); break;
    case kLen: t->mp_length = reinterpret_cast<LenFn>(fn); break;
    case kGetItem: t->mp_subscript = reinterpret_cast<GetItemFn>(fn); break;
    case kSetItem: case kDelItem: t->mp_ass_subscript = reinterpret_cast<SetItemFn>(fn); break;
    case kContains: t->sq_contains = reinterpret_cast<ContainsFn>(fn); break;
    case kDivmod: case kDivmodR: t->nb_divmod = reinterpret_cast<BinaryFn>(fn); break;
  }
}

// Rows that share one slot (e.g. __add__/__radd__, __setattr__/__delattr__) are
// decided together: the slot gets the trampoline if any of them is defined in
// Python, the wrapped C++ function if every definition found is a wrapper of
// that same slot, or null if none is found (or the dunder is None).
bool same_slot(const SlotDef& a, const SlotDef& b) {
  if (a.kind == b.kind) return a.op == b.op;
  auto group = [](const SlotDef& d) -> int {
    switch (d.kind) {
      case kBinary: case kBinaryR: return 100 + d.op;
      case kPow: case kPowR: return 100 + kOpPow;
      case kGetattribute: case kGetattr: return 1;
      case kSetattr: case kDelattr: return 2;
      case kDescrSet: case kDescrDelete: return 3;
      case kSetItem: case kDelItem: return 4;
      case kDivmod: case kDivmodR: return 5;
      default: return -1 - d.kind;
    }
  };
  return group(a) == group(b) && group(a) >= 0;
}

// For each row, the rows that fill the same C++ slot (itself included), and
// whether it is the first of them: a class fills each slot once. Scanning
// every row for every row made class creation quadratic in the table (14% of
// the instructions of importing 13 stdlib modules went to update_slot).
// Built once (a function-local static: thread-safe initialisation).
struct SlotGroups {
  std::vector<std::vector<uint16_t>> members;
  std::vector<bool> first;
};
const SlotGroups& slot_groups() {
  static const SlotGroups g = [] {
    SlotGroups r;
    size_t n = std::size(kSlotDefs);
    r.members.resize(n);
    r.first.resize(n);
    for (size_t i = 0; i < n; i++) {
      bool first = true;
      for (size_t j = 0; j < n; j++) {
        bool same = kSlotDefs[i].kind == kRichCmp ? kSlotDefs[j].kind == kRichCmp
                                                  : same_slot(kSlotDefs[j], kSlotDefs[i]);
        if (!same) continue;
        r.members[i].push_back(static_cast<uint16_t>(j));
        if (j < i) first = false;
      }
      r.first[i] = first;
    }
    return r;
  }();
  return g;
}

void update_slot(Type* t, const SlotDef& row) {
  const std::vector<uint16_t>& group = slot_groups().members[static_cast<size_t>(&row - kSlotDefs)];
  if (row.kind == kRichCmp) {
    // All six comparison dunders share tp_richcompare.
    bool any_python = false, any = false;
    void* wrapped = nullptr;
    for (uint16_t k : group) {
      const SlotDef& d = kSlotDefs[k];
      Value f = type_lookup(t, Value(d.iname));
      if (!f) continue;
      any = true;
      if (type_of(f) == &g_wrapper_descr_type && f.as<SlotWrapper>()->def->kind == kRichCmp) {
        void* w = reinterpret_cast<void*>(f.as<SlotWrapper>()->owner->tp_richcompare);
        if (!wrapped) wrapped = w;
        else if (wrapped != w) any_python = true;
      } else {
        any_python = true;
      }
    }
    t->tp_richcompare = any_python ? slot_tp_richcompare
                                   : any ? reinterpret_cast<RichCmpFn>(wrapped) : nullptr;
    return;
  }
  bool any_python = false, any = false;
  void* wrapped = nullptr;
  for (uint16_t k : group) {
    const SlotDef& d = kSlotDefs[k];
    Value f = type_lookup(t, Value(d.iname));
    if (!f) continue;
    any = true;
    if (is_none(f)) {
      // __hash__ = None makes instances unhashable (an empty slot). Any other
      // dunder set to None still fills the slot, as in CPython: the slot
      // function then reports it ("'NoneType' object is not callable", or
      // "not iterable"/"not a container" for __iter__/__contains__). An empty
      // slot would instead fall back to a base's behaviour, or for tp_repr
      // be called as a null pointer.
      if (row.kind != kHash) any_python = true;
      continue;
    }
    if (type_of(f) == &g_wrapper_descr_type && same_slot(*f.as<SlotWrapper>()->def, row)) {
      void* w = slot_fn(f.as<SlotWrapper>()->owner, row);
      if (!wrapped) wrapped = w;
      else if (wrapped != w) any_python = true;
    } else if (d.kind == kNew && type_of(f) == &g_native_function_type &&
               f.as<NativeFunction>()->def == &kTpNewDef) {
      void* w = reinterpret_cast<void*>(f.as<NativeFunction>()->self.as<Type>()->tp_new);
      if (!wrapped) wrapped = w;
      else if (wrapped != w) any_python = true;
    } else {
      any_python = true;
    }
  }
  void* fn;
  if (any_python) fn = trampoline_for(row);
  else if (wrapped) fn = wrapped;
  else fn = nullptr;  // not defined anywhere, or set to None (e.g. __hash__ = None)
  if (!any && (row.kind == kGetattribute || row.kind == kGetattr)) fn = reinterpret_cast<void*>(generic_getattr);
  if (!any && (row.kind == kSetattr || row.kind == kDelattr)) fn = reinterpret_cast<void*>(generic_setattr);
  set_slot(t, row, fn);
}

}  // namespace

bool is_slot_wrapper_of(Value f, GetAttrFn fn) {
  return type_of(f) == &g_wrapper_descr_type &&
         f.as<SlotWrapper>()->owner->tp_getattro == fn;
}

// The built-in sequences whose + is CPython's sq_concat, which has no
// reflected form: they publish __add__ but no __radd__ (dir([]) and
// [].__radd__ as in CPython). By name, as the types live in several files.
namespace {
bool concat_only(const Type* t) {
  static constexpr std::string_view kNames[] = {"str",   "bytes",             "bytearray",  "list",
                                                "tuple", "collections.deque", "array.array"};
  if ((t->flags & kTypeHeapType) || !t->name) return false;
  for (std::string_view n : kNames)
    if (n == t->name) return true;
  return false;
}
}  // namespace

void slots_add_wrappers(Type* t) {
  ensure_names();
  wrapper_types_init();
  for (const SlotDef& d : kSlotDefs) {
    if (d.kind == kGetattr || d.kind == kNew) continue;
    if (d.kind == kBinaryR && d.op == kOpAdd && concat_only(t)) continue;
    void* mine = slot_fn(t, d);
    if (!mine) continue;
    void* inherited = t->base ? slot_fn(t->base, d) : nullptr;
    if (mine == inherited) continue;  // the base's wrapper is found through the MRO
    if (dict_contains(t->dict, Value(d.iname)) != 0) continue;
    auto* w = alloc_object<SlotWrapper>(&g_wrapper_descr_type);
    w->def = &d;
    w->owner = t;
    Ref<> wr = Ref<>::steal(Value(w));
    dict_set_item(t->dict, Value(d.iname), wr.val());
  }
  // __new__ as a builtin bound to the type.
  if (t->tp_new && (!t->base || t->tp_new != t->base->tp_new) && dict_contains(t->dict, Value(ids::__new__)) == 0) {
    Ref<> f = native_function_new(&kTpNewDef, Value(t), Value());
    dict_set_item(t->dict, Value(ids::__new__), f.val());
  }
}

void slots_fill_from_dict(Type* t) {
  ensure_names();
  const SlotGroups& groups = slot_groups();
  for (size_t i = 0; i < std::size(kSlotDefs); i++)
    if (groups.first[i]) update_slot(t, kSlotDefs[i]);
  // Finalizers only exist for __del__ defined in Python.
  if (!type_lookup(t, Value(ids::__del__))) t->tp_finalize = nullptr;
}

bool slots_name_has_slot(Str* name) {
  ensure_names();
  for (const SlotDef& d : kSlotDefs)
    if (d.iname == name) return true;
  return false;
}

void slots_update_for_name(Type* t, Str* name) {
  ensure_names();
  if (!(t->flags & kTypeHeapType)) return;
  for (const SlotDef& d : kSlotDefs) {
    if (d.iname != name) continue;
    update_slot(t, d);
    if (d.kind == kDel && !type_lookup(t, Value(ids::__del__))) t->tp_finalize = nullptr;
  }
  if (!t->subclasses.is_null()) {
    int64_t n = list_size(t->subclasses);
    for (int64_t i = 0; i < n; i++) {
      Ref<> k = list_get(t->subclasses, i);
      if (k) slots_update_for_name(k.val().as<Type>(), name);
      else err_clear();
    }
  }
}

void slot_wrapper_types_ready() {
  ensure_names();
  wrapper_types_init();
  g_wrapper_descr_type.flags &= ~kTypeReady;
  type_ready(&g_wrapper_descr_type);
  type_ready(&g_method_wrapper_type);
}

}  // namespace ftpy
