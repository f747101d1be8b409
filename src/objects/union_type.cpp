// types.UnionType: the result of `int | str` (PEP 604).
// Thread safety: immutable after construction.
#include <string>
#include <vector>

#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_union_type;

namespace {

struct Union : Object {
  Value args;  // tuple of the member types (None stored as type(None))
};

void union_dealloc(Object* o) {
  decref(static_cast<Union*>(o)->args);
  free_object(o);
}

bool is_union(Value v) { return v.is_obj() && v.obj()->ob_type == &g_union_type; }

// Operands allowed in X | Y: classes, None, unions, and generic aliases.
bool unionable(Value v) {
  if (is_none(v) || is_union(v)) return true;
  if (has_flag(type_of(v), kTypeTypeSubclass)) return true;
  return is_subtype(type_of(v), &g_generic_alias_type);
}

void flatten(Value v, std::vector<Value>* out) {
  if (is_union(v)) {
    Value a = v.as<Union>()->args;
    for (int64_t i = 0; i < tuple_size(a); i++) flatten(tuple_item(a, i), out);
    return;
  }
  Value t = is_none(v) ? Value(&g_none_type) : v;
  for (Value seen : *out)
    if (seen == t) return;
  out->push_back(t);
}

Ref<> make_union(Value a, Value b) {
  std::vector<Value> items;
  flatten(a, &items);
  flatten(b, &items);
  if (items.size() == 1) return Ref<>::borrow(items[0]);
  auto* u = alloc_object<Union>(&g_union_type);
  if (!u) return nullptr;
  Ref<> r = Ref<>::steal(Value(u));
  u->args = tuple_from_array(items.data(), static_cast<int64_t>(items.size())).release();
  return r;
}

Ref<> union_or(Value a, Value b) {
  if (!unionable(a) || !unionable(b)) return Ref<>::steal(not_implemented());
  return make_union(a, b);
}

Ref<> union_repr(Value self) {
  Value a = self.as<Union>()->args;
  std::string out;
  for (int64_t i = 0; i < tuple_size(a); i++) {
    if (i) out += " | ";
    Value t = tuple_item(a, i);
    if (t == Value(&g_none_type)) {
      out += "None";
    } else if (has_flag(type_of(t), kTypeTypeSubclass)) {
      Ref<> mod = getattr_opt(t, Value(str_intern("__module__")));
      Ref<> qn = getattr_opt(t, Value(str_intern("__qualname__")));
      err_clear();
      std::string m = mod && is_str(mod.val()) ? std::string(str_view(mod.val())) : "";
      std::string q = qn && is_str(qn.val()) ? std::string(str_view(qn.val())) : type_name(t.as<Type>());
      out += (m.empty() || m == "builtins") ? q : m + "." + q;
    } else {
      out += repr_utf8(t);
    }
  }
  return str_from_utf8(out);
}

Ref<> union_get_args(Value self) { return Ref<>::borrow(self.as<Union>()->args); }
// Computed on each read: unions are small and the attribute is rare.
Ref<> union_get_parameters(Value self) { return generic_make_parameters(self.as<Union>()->args); }
const GetSetDef kUnionGetSets[] = {{"__args__", union_get_args, nullptr},
                                   {"__parameters__", union_get_parameters, nullptr},
                                   {nullptr}};

// (list[T] | None)[int]: each member substituted, then joined with | again.
Ref<> union_subscript(Value self, Value item) {
  Value args = self.as<Union>()->args;
  Ref<> params = generic_make_parameters(args);
  if (!params) return nullptr;
  Ref<> newargs = generic_subs_parameters(self, args, params.val(), item);
  if (!newargs) return nullptr;
  Ref<> res = Ref<>::borrow(tuple_item(newargs.val(), 0));
  for (int64_t i = 1; i < tuple_size(newargs.val()); i++) {
    res = binary_op(res.val(), tuple_item(newargs.val(), i), kOpOr);
    if (!res) return nullptr;
  }
  return res;
}

Ref<> union_instancecheck(Value self, Value* a) {
  Value args = self.as<Union>()->args;
  for (int64_t i = 0; i < tuple_size(args); i++) {
    int r = is_instance(a[0], tuple_item(args, i));
    if (r < 0) return nullptr;
    if (r) return new_bool(true);
  }
  return new_bool(false);
}
Ref<> union_subclasscheck(Value self, Value* a) {
  Value args = self.as<Union>()->args;
  for (int64_t i = 0; i < tuple_size(args); i++) {
    int r = is_subclass(a[0], tuple_item(args, i));
    if (r < 0) return nullptr;
    if (r) return new_bool(true);
  }
  return new_bool(false);
}
const MethodDef kUnionMethods[] = {{"__instancecheck__($self, instance, /)", union_instancecheck, nullptr},
                                   {"__subclasscheck__($self, subclass, /)", union_subclasscheck, nullptr},
                                   {nullptr}};

int64_t union_hash(Value self) {
  // Order-independent, like hash(frozenset(args)).
  Value a = self.as<Union>()->args;
  uint64_t h = 0x9e3779b97f4a7c15ull;
  for (int64_t i = 0; i < tuple_size(a); i++) {
    int64_t x = hash(tuple_item(a, i));
    if (x == -1) return -1;
    h ^= static_cast<uint64_t>(x) * 0xff51afd7ed558ccdull;
  }
  int64_t r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

Ref<> union_richcompare(Value a, Value b, CompareOp op) {
  if ((op != kEq && op != kNe) || !is_union(b)) return Ref<>::steal(not_implemented());
  Value x = a.as<Union>()->args, y = b.as<Union>()->args;
  bool eq = tuple_size(x) == tuple_size(y);
  for (int64_t i = 0; eq && i < tuple_size(x); i++) {
    bool found = false;
    for (int64_t j = 0; j < tuple_size(y); j++)
      if (tuple_item(x, i) == tuple_item(y, j)) found = true;
    eq = found;
  }
  return new_bool(op == kEq ? eq : !eq);
}

}  // namespace

// type.__or__ / __ror__ (installed on `type` by union_type_init).
Ref<> type_or_slot(Value a, Value b) { return union_or(a, b); }

void union_type_init() {
  Type* t = &g_union_type;
  t->name = "types.UnionType";
  t->basic_size = sizeof(Union);
  t->tp_dealloc = union_dealloc;
  t->tp_repr = union_repr;
  t->tp_hash = union_hash;
  t->tp_richcompare = union_richcompare;
  t->nb_binary[kOpOr] = union_or;
  t->mp_subscript = union_subscript;
  t->getsets = kUnionGetSets;
  t->methods = kUnionMethods;
  type_ready(t);
}

}  // namespace ftpy
