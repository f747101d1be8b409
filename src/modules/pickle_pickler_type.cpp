// _pickle.Pickler, _pickle.PicklerMemoProxy and the module's dump() and
// dumps(): the objects around the pickler of pickle_pickler.cpp.
//
// Thread safety: a Pickler's state is touched only inside a critical section
// on the Pickler. dump() holds it for the whole dump; because the section is
// suspended while the thread blocks or runs code that takes other locks, a
// second thread could then enter, so dump() also marks the Pickler busy, and
// a second dump() or __init__() on a busy Pickler raises RuntimeError instead
// of interleaving with the first. The dump reads the fields that Python code
// can replace meanwhile (dispatch_table, persistent_id, the file's write) as
// owned references. dump() and dumps() of the module use a state on the C++
// stack that no other thread can see.
#include <string>

#include "modules/pickle_pickler.h"
#include "modules/pickle_shared.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "vm/function.h"

namespace ftpy {

Type g_pickler_type;

namespace {

Value interned(const char* s) { return Value(str_intern(s)); }
using P = PicklerState;
void set_field(Value* slot, Value v) { pickler_set_field(slot, v); }

// --- settings -----------------------------------------------------------------------------------

bool set_protocol(P& p, Value protocol, Value fix_imports) {
  int64_t proto;
  if (protocol.is_null() || is_none(protocol)) {
    proto = kPickleDefaultProtocol;
  } else {
    if (!to_int64(protocol, &proto)) return false;
    if (proto < INT32_MIN || proto > INT32_MAX) {
      if (proto > INT32_MAX) {
        err_format(g_ValueError, "pickle protocol must be <= %d", kPickleHighestProtocol);
        return false;
      }
      proto = -1;
    }
    if (proto < 0) {
      proto = kPickleHighestProtocol;
    } else if (proto > kPickleHighestProtocol) {
      err_format(g_ValueError, "pickle protocol must be <= %d", kPickleHighestProtocol);
      return false;
    }
  }
  int fi = fix_imports.is_null() ? 1 : truthy(fix_imports);
  if (fi < 0) return false;
  p.proto = static_cast<int>(proto);
  p.bin = proto > 0;
  p.fix_imports = fi && proto < 3;
  return true;
}

bool set_buffer_callback(P& p, Value cb) {
  if (!cb.is_null() && is_none(cb)) cb = Value();
  if (!cb.is_null() && p.proto < 5) {
    err_set_str(g_ValueError, "buffer_callback needs protocol >= 5");
    return false;
  }
  set_field(&p.buffer_callback, cb);
  return true;
}

bool set_output(P& p, Value file) {
  Ref<> w = getattr_opt(file, interned("write"));
  if (!w) {
    if (!err_occurred()) err_set_str(g_TypeError, "file must have a 'write' attribute");
    return false;
  }
  set_field(&p.write, w.val());
  return true;
}

// --- the Pickler type ---------------------------------------------------------------------------

struct PicklerObject : Object {
  PicklerState* st;
};

PicklerState* state_of(Value self) { return self.as<PicklerObject>()->st; }

Ref<> pickler_tp_new(Type* type, const Value*, size_t, Value) {
  auto* o = alloc_object<PicklerObject>(type, type->basic_size);
  if (!o) return nullptr;
  o->st = new PicklerState();
  return Ref<>::steal(Value(o));
}

int pickler_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig =
      native_parse_signature("Pickler(file, protocol=None, fix_imports=True, buffer_callback=None)", nullptr);
  Value a[4];
  Ref<> hold[4];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return -1;
  auto* o = self.as<PicklerObject>();
  CriticalSection cs(o);
  P& p = *o->st;
  if (p.busy) {
    err_set_str(g_RuntimeError, "Pickler.dump() is already running");
    return -1;
  }
  if (p.initialized) {
    // A second __init__ starts over.
    p.clear_refs();
    p.memo.clear();
    p.initialized = false;
  }
  if (!set_protocol(p, a[1], a[2])) return -1;
  if (!set_output(p, a[0])) return -1;
  if (!set_buffer_callback(p, a[3])) return -1;
  p.out.clear();
  p.frame_start = -1;
  p.fast = 0;
  p.fast_nesting = 0;
  set_field(&p.fast_memo, Value());
  // persistent_id and dispatch_table as the object shows them now (a
  // subclass's method or class attribute); a persistent_id method of the
  // Pickler itself is kept unbound, so the Pickler does not own itself.
  Ref<> pid = getattr_opt(self, interned("persistent_id"));
  if (!pid && err_occurred()) return -1;
  if (pid) {
    if (is_method(pid.val()) && pid.val().as<Method>()->self == self) {
      set_field(&p.pers_func, pid.val().as<Method>()->func);
      p.pers_func_bound = true;
    } else {
      set_field(&p.pers_func, pid.val());
      p.pers_func_bound = false;
    }
  }
  Ref<> dt = getattr_opt(self, interned("dispatch_table"));
  if (!dt && err_occurred()) return -1;
  set_field(&p.dispatch_table, dt ? dt.val() : Value());
  p.initialized = true;
  return 0;
}

void pickler_dealloc(Object* o) {
  auto* po = static_cast<PicklerObject*>(o);
  delete po->st;
  po->st = nullptr;
  free_object(o);
}

void pickler_traverse(Object* o, VisitFn visit, void* arg) {
  P* p = static_cast<PicklerObject*>(o)->st;
  if (!p) return;
  for (Value v : {p->write, p->buffer_callback, p->pers_func, p->dispatch_table, p->reducer_override, p->fast_memo})
    if (!v.is_null()) visit(v, arg);
  p->memo.each([&](Value v, int64_t) {
    if (v.is_obj()) visit(v, arg);
  });
}

void pickler_clear(Object* o) {
  P* p = static_cast<PicklerObject*>(o)->st;
  if (!p || p->busy) return;
  p->clear_refs();
  p->memo.clear();
}

Ref<> pickler_dump(Value self, Value* args) {
  auto* o = self.as<PicklerObject>();
  CriticalSection cs(o);
  P& p = *o->st;
  if (!p.initialized)
    return err_format(g_pickling_error, "Pickler.__init__() was not called by %s.__init__()", type_of(self)->name);
  if (p.busy) return err_set_str(g_RuntimeError, "Pickler.dump() is already running");
  p.busy = true;
  p.self = self;
  p.out.clear();
  p.frame_start = -1;
  // reducer_override is looked up for each dump (a subclass's method).
  Ref<> ro = type_of(self) == &g_pickler_type ? nullptr : getattr_opt(self, interned("reducer_override"));
  int r = ro || !err_occurred() ? 0 : -1;
  if (r == 0) {
    set_field(&p.reducer_override, ro ? ro.val() : Value());
    r = pickler_run(p, args[0]);
    // Drop it now: a bound method of the Pickler would keep it alive.
    set_field(&p.reducer_override, Value());
  }
  if (r == 0) r = pickler_flush(p);
  p.out.clear();
  p.out.shrink_to_fit();
  p.busy = false;
  p.self = Value();
  if (r < 0) return nullptr;
  return new_none();
}

Ref<> pickler_clear_memo(Value self, Value*) {
  auto* o = self.as<PicklerObject>();
  PickleMemo old;
  {
    CriticalSection cs(o);
    o->st->memo.swap(old);
  }
  return new_none();  // `old` releases the objects outside the section
}

Ref<> pickler_sizeof(Value self, Value*) {
  auto* o = self.as<PicklerObject>();
  CriticalSection cs(o);
  P& p = *o->st;
  size_t n = type_of(self)->basic_size + sizeof(PicklerState) + p.memo.bytes() + p.out.capacity();
  return int_from_uint64(n);
}

// _pickle.PicklerMemoProxy: what Pickler.memo returns. copy() gives
// {id(obj): (index, obj)}, clear() empties the memo.
// Thread safety: its one field is set at creation and immutable; the memo it
// shows is read under the Pickler's critical section.
struct MemoProxy : Object {
  Value pickler;  // owned
};
Type g_pickler_memo_proxy_type;

Ref<> memo_copy(Value self, Value*) {
  auto* o = self.as<MemoProxy>()->pickler.as<PicklerObject>();
  CriticalSection cs(o);
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  bool ok = true;
  o->st->memo.each([&](Value v, int64_t idx) {
    if (!ok) return;
    Ref<> key = int_from_uint64(v.is_small() ? v.bits() : reinterpret_cast<uint64_t>(v.obj()));
    Ref<> index = int_from_int64(idx);
    Ref<Tuple> pair = key && index ? tuple_pack({index.val(), v}) : nullptr;
    ok = pair && dict_set_item(d.val(), key.val(), pair.val()) >= 0;
  });
  if (!ok) return nullptr;
  return d;
}

Ref<> memo_clear(Value self, Value*) { return pickler_clear_memo(self.as<MemoProxy>()->pickler, nullptr); }

Ref<> memo_reduce(Value self, Value*) {
  Ref<> d = memo_copy(self, nullptr);
  if (!d) return nullptr;
  Ref<Tuple> args = tuple_pack({d.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(static_cast<Object*>(&g_dict_type)), args.val()});
}

const MethodDef kMemoProxyMethods[] = {
    {"clear($self, /)", memo_clear, "Remove all items from memo."},
    {"copy($self, /)", memo_copy, "Copy the memo to a new object."},
    {"__reduce__($self, /)", memo_reduce, "Implement pickle support."},
    {nullptr}};

Ref<> memo_get(Value self) {
  auto* m = alloc_object<MemoProxy>(&g_pickler_memo_proxy_type);
  if (!m) return nullptr;
  incref(self);
  m->pickler = self;
  return Ref<>::steal(Value(m));
}

int memo_set(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_TypeError, "attribute deletion is not supported");
    return -1;
  }
  PickleMemo fresh;
  if (type_of(v) == &g_pickler_memo_proxy_type) {
    auto* src = v.as<MemoProxy>()->pickler.as<PicklerObject>();
    CriticalSection cs(src);
    src->st->memo.each([&](Value k, int64_t idx) { fresh.set(k, idx); });
  } else if (is_dict(v)) {
    int64_t pos = 0;
    Ref<> k, val;
    while (dict_next(v, &pos, &k, &val)) {
      if (!is_tuple(val.val()) || tuple_size(val.val()) != 2) {
        err_set_str(g_TypeError, "'memo' values must be 2-item tuples");
        return -1;
      }
      int64_t idx;
      if (!to_int64(tuple_item(val.val(), 0), &idx)) return -1;
      fresh.set(tuple_item(val.val(), 1), idx);
    }
  } else {
    err_format(g_TypeError, "'memo' attribute must be a PicklerMemoProxy object or dict, not %s", type_of(v)->name);
    return -1;
  }
  auto* o = self.as<PicklerObject>();
  CriticalSection cs(o);
  o->st->memo.swap(fresh);
  return 0;  // `fresh` now holds the old memo and releases it
}

Ref<> persistent_id_get(Value self) {
  auto* o = self.as<PicklerObject>();
  CriticalSection cs(o);
  P& p = *o->st;
  if (p.pers_func.is_null()) return err_set_object(g_AttributeError, interned("persistent_id"));
  if (p.pers_func_bound) return method_new(p.pers_func, self);
  return Ref<>::borrow(p.pers_func);
}

int persistent_id_set(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_TypeError, "attribute deletion is not supported");
    return -1;
  }
  if (!callable(v)) {
    err_set_str(g_TypeError, "persistent_id must be a callable taking one argument");
    return -1;
  }
  auto* o = self.as<PicklerObject>();
  Value old;
  {
    CriticalSection cs(o);
    incref(v);
    old = o->st->pers_func;
    o->st->pers_func = v;
    o->st->pers_func_bound = false;
  }
  decref(old);
  return 0;
}

Ref<> dispatch_table_get(Value self) {
  auto* o = self.as<PicklerObject>();
  CriticalSection cs(o);
  if (o->st->dispatch_table.is_null()) return attribute_error(self, interned("dispatch_table"));
  return Ref<>::borrow(o->st->dispatch_table);
}

int dispatch_table_set(Value self, Value v) {
  auto* o = self.as<PicklerObject>();
  Value old;
  {
    CriticalSection cs(o);
    old = o->st->dispatch_table;
    if (v.is_null() && old.is_null()) {
      attribute_error(self, interned("dispatch_table"));
      return -1;
    }
    incref(v);
    o->st->dispatch_table = v;
  }
  decref(old);
  return 0;
}

// `bin` and `fast` are C ints in CPython (T_INT members).
int int_member_set(Value v, int* field, Object* o) {
  if (v.is_null()) {
    err_set_str(g_TypeError, "can't delete numeric/char attribute");
    return -1;
  }
  int64_t x;
  if (!to_int64(v, &x)) return -1;
  if (x < INT32_MIN || x > INT32_MAX) {
    err_set_str(g_OverflowError, "Python int too large to convert to C int");
    return -1;
  }
  CriticalSection cs(o);
  *field = static_cast<int>(x);
  return 0;
}

Ref<> int_member_get(Value self, int PicklerState::*field) {
  int v;
  {
    CriticalSection cs(self.obj());
    v = state_of(self)->*field;
  }
  return int_from_int64(v);
}

Ref<> bin_get(Value self) { return int_member_get(self, &PicklerState::bin); }
int bin_set(Value self, Value v) { return int_member_set(v, &state_of(self)->bin, self.obj()); }
Ref<> fast_get(Value self) { return int_member_get(self, &PicklerState::fast); }
int fast_set(Value self, Value v) { return int_member_set(v, &state_of(self)->fast, self.obj()); }

const MethodDef kPicklerMethods[] = {
    {"dump($self, obj, /)", pickler_dump, "Write a pickle of obj to the file."},
    {"clear_memo($self, /)", pickler_clear_memo,
     "Forget the objects pickled so far, so the next dump() writes them in\nfull instead of referring back to them."},
    {"__sizeof__($self, /)", pickler_sizeof, "Returns size in memory, in bytes."},
    {nullptr}};

const GetSetDef kPicklerGetSets[] = {
    {"memo", memo_get, memo_set, nullptr},
    {"persistent_id", persistent_id_get, persistent_id_set, nullptr},
    {"dispatch_table", dispatch_table_get, dispatch_table_set, nullptr},
    {"bin", bin_get, bin_set, nullptr},
    {"fast", fast_get, fast_set, nullptr},
    {nullptr}};

// dump() / dumps(): a Pickler state of their own on the C++ stack.
Ref<> dump_with(Value obj, Value file, Value protocol, Value fix_imports, Value buffer_callback) {
  PicklerState p;
  if (!set_protocol(p, protocol, fix_imports)) return nullptr;
  if (!file.is_null() && !set_output(p, file)) return nullptr;
  if (!set_buffer_callback(p, buffer_callback)) return nullptr;
  if (pickler_run(p, obj) < 0) return nullptr;
  if (!file.is_null()) {
    if (pickler_flush(p) < 0) return nullptr;
    return new_none();
  }
  return bytes_from(p.out.data(), p.out.size());
}

}  // namespace

Ref<> pickle_dump(Value, Value* args) { return dump_with(args[0], args[1], args[2], args[3], args[4]); }
Ref<> pickle_dumps(Value, Value* args) { return dump_with(args[0], Value(), args[1], args[2], args[3]); }

void pickle_pickler_types_init() {
  Type* m = &g_pickler_memo_proxy_type;
  m->name = "_pickle.PicklerMemoProxy";
  m->basic_size = sizeof(MemoProxy);
  m->flags = kTypeHasGc;
  m->tp_dealloc = [](Object* o) {
    decref(static_cast<MemoProxy*>(o)->pickler);
    free_object(o);
  };
  m->tp_traverse = [](Object* o, VisitFn visit, void* arg) { visit(static_cast<MemoProxy*>(o)->pickler, arg); };
  m->methods = kMemoProxyMethods;
  m->ob_type = &g_type_type;
  type_ready(m);

  Type* t = &g_pickler_type;
  t->name = "_pickle.Pickler";
  t->basic_size = sizeof(PicklerObject);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->tp_new = pickler_tp_new;
  t->tp_init = pickler_tp_init;
  t->tp_dealloc = pickler_dealloc;
  t->tp_traverse = pickler_traverse;
  t->tp_clear = pickler_clear;
  t->methods = kPicklerMethods;
  t->getsets = kPicklerGetSets;
  t->doc =
      "Pickler(file, protocol=None, fix_imports=True, buffer_callback=None)\n--\n\n"
      "Writes pickles of objects to a binary file (anything with a write()\n"
      "method taking bytes). protocol: 0 to 5, default 4, negative for the\n"
      "highest. fix_imports: below protocol 3, write Python 2 module names.\n"
      "buffer_callback (protocol 5): called with each PickleBuffer; a false\n"
      "result leaves the buffer out of the stream.";
  t->ob_type = &g_type_type;
  type_ready(t);
}

}  // namespace ftpy
