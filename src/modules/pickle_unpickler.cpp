// _pickle.Unpickler, load and loads: the whole opcode loop of the pickle
// format (protocols 0-5) in C++, with CPython 3.11's messages.
//
// Input comes either from a bytes-like object (loads: read in place) or from
// a file object's read()/readline() (load / Unpickler(file)): the file is
// asked for exactly the bytes an opcode needs, except inside a protocol 4
// frame, whose bytes are read at once (as CPython's C unpickler does when the
// file cannot peek), so the file is left just after the STOP opcode.
//
// Thread safety: an Unpickler's fields (the memo, the input state, the
// settings) are touched only inside a critical section on the Unpickler.
// load() holds it for the whole load; since the section is suspended while
// the thread blocks or runs code that takes other locks, a second thread
// could then enter, so load() also marks the Unpickler busy and a second
// load() on a busy Unpickler raises instead of interleaving with the first.
// The value stack and the marks belong to one load() call (C++ locals).
#include <gmp.h>

#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "modules/pickle_shared.h"
#include "objects/bytearray.h"
#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "vm/import.h"

namespace ftpy {

Type g_unpickler_type;

namespace {

// The memo: dense indices in a vector, anything far beyond its end in a map
// (a hostile LONG_BINPUT index must not allocate gigabytes).
struct Memo {
  std::vector<Value> dense;  // owned; null = unset
  std::unordered_map<uint64_t, Value> sparse;  // owned
  uint64_t count = 0;  // entries set (MEMOIZE's next index)

  ~Memo() { clear(); }
  void clear() {
    for (Value v : dense) decref(v);
    dense.clear();
    for (auto& kv : sparse) decref(kv.second);
    sparse.clear();
    count = 0;
  }
  Value get(uint64_t i) const {
    if (i < dense.size()) return dense[i];
    auto it = sparse.find(i);
    return it == sparse.end() ? Value() : it->second;
  }
  void put(uint64_t i, Value v) {
    incref(v);
    if (i < dense.size() || i < dense.size() * 2 + 1024) {
      if (i >= dense.size()) dense.resize(i + 1);
      if (dense[i].is_null()) count++;
      decref(dense[i]);
      dense[i] = v;
      return;
    }
    auto [it, fresh] = sparse.try_emplace(i, v);
    if (!fresh) {
      decref(it->second);
      it->second = v;
    } else {
      count++;
    }
  }
  template <typename F>
  void each(F f) const {
    for (size_t i = 0; i < dense.size(); i++)
      if (!dense[i].is_null()) f(i, dense[i]);
    for (auto& kv : sparse) f(kv.first, kv.second);
  }
};

struct UnpicklerState {
  bool initialized = false;
  bool busy = false;
  bool fix_imports = true;
  int proto = 0;
  std::string encoding = "ASCII";
  std::string errors = "strict";
  Value file_read;      // owned bound methods, or null (loads)
  Value file_readline;
  Value buffers;        // owned iterator, or null
  Value persistent_load;  // owned, or null
  Memo memo;
  // Input: [data, data + len), read position pos. `holder` keeps the bytes
  // alive (loads' argument); `pending` holds what was read from a file.
  Value holder;
  const uint8_t* data = nullptr;
  int64_t len = 0, pos = 0;
  std::string pending;

  ~UnpicklerState() {
    decref(file_read);
    decref(file_readline);
    decref(buffers);
    decref(persistent_load);
    decref(holder);
  }
};

struct UnpicklerObject : Object {
  UnpicklerState* st;
};

UnpicklerState* state_of(Value self) { return self.as<UnpicklerObject>()->st; }

void set_field(Value* slot, Value v) {
  incref(v);
  Value old = *slot;
  *slot = v;
  decref(old);
}

std::nullptr_t unpickling_error(const char* msg) { return err_set_str(g_unpickling_error, msg); }
std::nullptr_t truncated() { return unpickling_error("pickle data was truncated"); }

// --- input --------------------------------------------------------------------------------------

void input_reset(UnpicklerState* st) {
  decref(st->holder);
  st->holder = Value();
  st->data = nullptr;
  st->len = st->pos = 0;
  st->pending.clear();
}

// Read `n` more bytes from the file into the pending buffer; false with an
// exception (a short read is "truncated").
bool file_fill(UnpicklerState* st, int64_t n) {
  if (st->file_read.is_null()) return truncated(), false;
  // Drop what was consumed so the buffer does not grow without bound.
  if (st->pos > 0) {
    st->pending.erase(0, static_cast<size_t>(st->pos));
    st->pos = 0;
  }
  Ref<> count = int_from_int64(n);
  if (!count) return false;
  Value a = count.val();
  Ref<> chunk = call(st->file_read, &a, 1);  // may block: the section is suspended meanwhile
  if (!chunk) return false;
  const uint8_t* p;
  int64_t got;
  if (!get_buffer(chunk.val(), &p, &got)) {
    err_clear();
    err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_of(chunk.val())->name);
    return false;
  }
  st->pending.append(reinterpret_cast<const char*>(p), static_cast<size_t>(got));
  st->data = reinterpret_cast<const uint8_t*>(st->pending.data());
  st->len = static_cast<int64_t>(st->pending.size());
  if (got < n) return truncated(), false;
  return true;
}

// The next n bytes; the pointer stays valid until the next read.
inline const uint8_t* read_bytes(UnpicklerState* st, int64_t n) {
  if (st->len - st->pos < n) {
    if (!file_fill(st, n - (st->len - st->pos))) return nullptr;
  }
  const uint8_t* p = st->data + st->pos;
  st->pos += n;
  return p;
}

// The next line, newline included in *n.
const uint8_t* read_line(UnpicklerState* st, int64_t* n) {
  const uint8_t* start = st->data + st->pos;
  const void* nl = st->len > st->pos ? memchr(start, '\n', static_cast<size_t>(st->len - st->pos)) : nullptr;
  if (nl) {
    *n = static_cast<const uint8_t*>(nl) - start + 1;
    st->pos += *n;
    return start;
  }
  if (st->file_readline.is_null()) return truncated();
  if (st->pos > 0) {
    st->pending.erase(0, static_cast<size_t>(st->pos));
    st->pos = 0;
  }
  Ref<> line = call(st->file_readline, nullptr, 0);
  if (!line) return nullptr;
  const uint8_t* p;
  int64_t got;
  if (!get_buffer(line.val(), &p, &got)) {
    err_clear();
    return err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_of(line.val())->name);
  }
  st->pending.append(reinterpret_cast<const char*>(p), static_cast<size_t>(got));
  st->data = reinterpret_cast<const uint8_t*>(st->pending.data());
  st->len = static_cast<int64_t>(st->pending.size());
  if (st->len == 0 || st->data[st->len - 1] != '\n') return truncated();
  *n = st->len;
  st->pos = st->len;
  return st->data;
}

uint64_t le_uint(const uint8_t* p, int n) {
  uint64_t v = 0;
  for (int i = n - 1; i >= 0; i--) v = (v << 8) | p[i];
  return v;
}

// An int from n little-endian two's-complement bytes (LONG1/LONG4).
Ref<> int_from_le_bytes(const uint8_t* p, int64_t n) {
  if (n == 0) return int_from_int64(0);
  if (n <= 8) {
    uint64_t u = le_uint(p, static_cast<int>(n));
    if (n < 8 && (p[n - 1] & 0x80)) u |= ~uint64_t{0} << (8 * n);
    return int_from_int64(static_cast<int64_t>(u));
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, static_cast<size_t>(n), -1, 1, 0, 0, p);
  if (p[n - 1] & 0x80) {
    mpz_t m;
    mpz_init(m);
    mpz_ui_pow_ui(m, 2, static_cast<unsigned long>(n) * 8);
    mpz_sub(z, z, m);
    mpz_clear(m);
  }
  Ref<> r = int_from_mpz_move(z);
  mpz_clear(z);
  return r;
}

// --- the value stack of one load() --------------------------------------------------------------

struct Stack {
  std::vector<Value> items;  // owned
  std::vector<size_t> marks;

  ~Stack() {
    for (Value v : items) decref(v);
  }
  size_t fence() const { return marks.empty() ? 0 : marks.back(); }
  void push(Ref<> v) { items.push_back(v.release()); }
  void push_borrowed(Value v) {
    incref(v);
    items.push_back(v);
  }
  std::nullptr_t underflow() const {
    return unpickling_error(marks.empty() ? "unpickling stack underflow" : "unexpected MARK found");
  }
  Ref<> pop() {
    if (items.size() <= fence()) return underflow();
    Value v = items.back();
    items.pop_back();
    return Ref<>::steal(v);
  }
  // The top item, borrowed (null + underflow error when there is none).
  Value top() const {
    if (items.size() <= fence()) return underflow(), Value();
    return items.back();
  }
  // Pop the topmost mark: the index where its items start; -1 with an error.
  int64_t pop_mark() {
    if (marks.empty()) {
      unpickling_error("could not find MARK");
      return -1;
    }
    size_t m = marks.back();
    marks.pop_back();
    return static_cast<int64_t>(m);
  }
  Ref<Tuple> take_tuple(size_t from) {
    size_t n = items.size() - from;
    Ref<Tuple> t = tuple_new(static_cast<int64_t>(n));
    if (!t) return nullptr;
    for (size_t i = 0; i < n; i++) t->items[i] = items[from + i];
    items.resize(from);
    return t;
  }
  Ref<List> take_list(size_t from) {
    size_t n = items.size() - from;
    Ref<List> l = list_new(static_cast<int64_t>(n));
    if (!l) return nullptr;
    for (size_t i = 0; i < n; i++) list_init_item(l.get(), static_cast<int64_t>(i), Ref<>::steal(items[from + i]));
    items.resize(from);
    return l;
  }
  void drop_from(size_t from) {
    for (size_t i = from; i < items.size(); i++) decref(items[i]);
    items.resize(from);
  }
};

// --- find_class and friends ---------------------------------------------------------------------

// getattr through a dotted path (protocol 4+ qualified names), with
// pickle's "Can't get attribute" message.
Ref<> get_dotted(Value module, Value name, bool dotted) {
  if (!dotted) {
    Ref<> r = getattr(module, name);
    if (!r && err_matches(g_AttributeError)) {
      err_clear();
      Ref<> mr = repr(module);
      Ref<> nr = repr(name);
      if (!mr || !nr) return nullptr;
      return err_format(g_AttributeError, "Can't get attribute %s on %s", str_utf8(nr.val()).c_str(),
                        str_utf8(mr.val()).c_str());
    }
    return r;
  }
  std::string_view full = str_view(name);
  Ref<> obj = Ref<>::borrow(module);
  size_t start = 0;
  for (;;) {
    size_t dot = full.find('.', start);
    std::string_view part = full.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (part == "<locals>") {
      Ref<> mr = repr(module);
      Ref<> nr = repr(name);
      if (!mr || !nr) return nullptr;
      return err_format(g_AttributeError, "Can't get local attribute %s on %s", str_utf8(nr.val()).c_str(),
                        str_utf8(mr.val()).c_str());
    }
    Ref<Str> pn = str_from_utf8(part);
    if (!pn) return nullptr;
    Ref<> next = getattr(obj.val(), pn.val());
    if (!next) {
      if (!err_matches(g_AttributeError)) return nullptr;
      err_clear();
      Ref<> mr = repr(module);
      Ref<> nr = repr(name);
      if (!mr || !nr) return nullptr;
      return err_format(g_AttributeError, "Can't get attribute %s on %s", str_utf8(nr.val()).c_str(),
                        str_utf8(mr.val()).c_str());
    }
    obj = std::move(next);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return obj;
}

Ref<> find_class_impl(UnpicklerState* st, Value module_name, Value global_name) {
  Ref<> mod_name = Ref<>::borrow(module_name);
  Ref<> glob_name = Ref<>::borrow(global_name);
  if (st->proto < 3 && st->fix_imports) {
    Ref<> compat = import_module("_compat_pickle");
    if (!compat) return nullptr;
    Ref<> name_map = getattr(compat.val(), "NAME_MAPPING");
    Ref<> import_map = getattr(compat.val(), "IMPORT_MAPPING");
    if (!name_map || !import_map) return nullptr;
    Ref<Tuple> key = tuple_pack({module_name, global_name});
    if (!key) return nullptr;
    Ref<> hit;
    int r = dict_get_item(name_map.val(), key.val(), &hit);
    if (r < 0) return nullptr;
    if (r > 0) {
      if (!is_tuple(hit.val()) || tuple_size(hit.val()) != 2)
        return err_format(g_RuntimeError, "_compat_pickle.NAME_MAPPING values should be 2-tuples, not %s",
                          type_of(hit.val())->name);
      mod_name = Ref<>::borrow(tuple_item(hit.val(), 0));
      glob_name = Ref<>::borrow(tuple_item(hit.val(), 1));
      if (!is_str(mod_name.val()) || !is_str(glob_name.val()))
        return err_format(g_RuntimeError, "_compat_pickle.NAME_MAPPING values should be pairs of str, not (%s, %s)",
                          type_of(mod_name.val())->name, type_of(glob_name.val())->name);
    } else {
      r = dict_get_item(import_map.val(), module_name, &hit);
      if (r < 0) return nullptr;
      if (r > 0) {
        if (!is_str(hit.val()))
          return err_format(g_RuntimeError, "_compat_pickle.IMPORT_MAPPING values should be strings, not %s",
                            type_of(hit.val())->name);
        mod_name = std::move(hit);
      }
    }
  }
  Ref<> imported = import_module_level(mod_name.val(), Value(), Value(), 0);
  if (!imported) return nullptr;
  // As CPython: the module is what sys.modules holds under the name.
  Ref<> sys = import_module("sys");
  if (!sys) return nullptr;
  Ref<> modules = getattr(sys.val(), "modules");
  if (!modules) return nullptr;
  Ref<> mod = getitem(modules.val(), mod_name.val());
  if (!mod) return nullptr;
  if (!is_str(glob_name.val())) return err_set_str(g_TypeError, "attribute name must be string");
  return get_dotted(mod.val(), glob_name.val(), st->proto >= 4);
}

Ref<> call_find_class(Value self, Value module_name, Value global_name) {
  if (type_of(self) == &g_unpickler_type) return find_class_impl(state_of(self), module_name, global_name);
  Value a[2] = {module_name, global_name};
  return call_method(self, "find_class", a, 2);
}

Ref<> call_persistent_load(Value self, UnpicklerState* st, Value pid) {
  Ref<> fn;
  if (!st->persistent_load.is_null()) {
    fn = Ref<>::borrow(st->persistent_load);
  } else if (type_of(self) != &g_unpickler_type) {
    Ref<Str> name = str_from_ascii("persistent_load");
    if (!name) return nullptr;
    fn = getattr_opt(self, name.val());
    if (!fn && err_occurred()) return nullptr;
  }
  if (!fn)
    return unpickling_error(
        "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
  return call1(fn.val(), pid);
}

Ref<> decode_string(UnpicklerState* st, const uint8_t* p, int64_t n) {
  if (st->encoding == "bytes") return bytes_from(p, static_cast<size_t>(n));
  return codec_decode(p, n, st->encoding, st->errors);
}

// cls.__new__(cls, *args, **kwargs) for NEWOBJ / NEWOBJ_EX (kwargs null
// for NEWOBJ).
Ref<> new_object(Value cls, Value args, Value kwargs, const char* op) {
  if (!is_subtype(type_of(cls), &g_type_type))
    return err_format(g_unpickling_error, "%s class argument must be a type, not %s", op, type_of(cls)->name);
  if (!is_tuple(args))
    return err_format(g_unpickling_error, "%s args argument must be a tuple, not %s", op, type_of(args)->name);
  if (op[6] == '_' && !is_dict(kwargs))
    return err_format(g_unpickling_error, "%s kwargs argument must be a dict, not %s", op, type_of(kwargs)->name);
  Type* t = cls.as<Type>();
  if (!t->tp_new) return err_format(g_unpickling_error, "%s class argument '%s' doesn't have __new__", op, t->name);
  Ref<> new_fn = getattr(cls, "__new__");
  if (!new_fn) return nullptr;
  std::vector<Value> argv;
  argv.push_back(cls);
  for (int64_t i = 0; i < tuple_size(args); i++) argv.push_back(tuple_item(args, i));
  if (kwargs.is_null() || dict_size(kwargs) == 0) return call(new_fn.val(), argv.data(), argv.size());
  Ref<Tuple> all = tuple_new(static_cast<int64_t>(argv.size()));
  if (!all) return nullptr;
  for (size_t i = 0; i < argv.size(); i++) {
    incref(argv[i]);
    all->items[i] = argv[i];
  }
  return call_tuple_dict(new_fn.val(), all.val(), kwargs);
}

// OBJ and INST: cls(*args), or cls.__new__(cls) for a class with no
// __getinitargs__ and no arguments (old-style instances without __init__).
Ref<> instantiate(Value cls, Value args) {
  if (tuple_size(args) == 0 && is_subtype(type_of(cls), &g_type_type)) {
    Ref<Str> gi = str_from_ascii("__getinitargs__");
    if (!gi) return nullptr;
    Ref<> has = getattr_opt(cls, gi.val());
    if (!has && err_occurred()) return nullptr;
    if (!has) {
      Ref<> new_fn = getattr(cls, "__new__");
      if (!new_fn) return nullptr;
      return call1(new_fn.val(), cls);
    }
  }
  return call_tuple_dict(cls, args, Value());
}

int build(Value inst, Value state_in) {
  Ref<Str> ss = str_from_ascii("__setstate__");
  if (!ss) return -1;
  Ref<> setstate = getattr_opt(inst, ss.val());
  if (!setstate && err_occurred()) return -1;
  if (setstate) {
    Ref<> r = call1(setstate.val(), state_in);
    return r ? 0 : -1;
  }
  Value state = state_in, slotstate;
  if (is_tuple(state) && tuple_size(state) == 2) {
    slotstate = tuple_item(state, 1);
    state = tuple_item(state, 0);
  }
  if (!is_none(state)) {
    if (!is_dict(state)) {
      unpickling_error("state is not a dictionary");
      return -1;
    }
    Ref<> idict = getattr(inst, "__dict__");
    if (!idict) return -1;
    int64_t pos = 0;
    Ref<> k, v;
    while (dict_next(state, &pos, &k, &v)) {
      Value key = k.val();
      if (is_str_exact(key)) key = Value(str_intern(str_view(key)));
      if (setitem(idict.val(), key, v.val()) < 0) return -1;
    }
  }
  if (!slotstate.is_null() && !is_none(slotstate)) {
    if (!is_dict(slotstate)) {
      unpickling_error("slot state is not a dictionary");
      return -1;
    }
    int64_t pos = 0;
    Ref<> k, v;
    while (dict_next(slotstate, &pos, &k, &v))
      if (setattr(inst, k.val(), v.val()) < 0) return -1;
  }
  return 0;
}

int extend_list(Value list, Stack& s, size_t from) {
  if (is_list_exact(list)) {
    for (size_t i = from; i < s.items.size(); i++)
      if (list_append(list, s.items[i]) < 0) return -1;
    s.drop_from(from);
    return 0;
  }
  Ref<Str> ext_name = str_from_ascii("extend");
  if (!ext_name) return -1;
  Ref<> ext = getattr_opt(list, ext_name.val());
  if (!ext && err_occurred()) return -1;
  if (ext) {
    Ref<List> items = s.take_list(from);
    if (!items) return -1;
    return call1(ext.val(), items.val()) ? 0 : -1;
  }
  Ref<> app = getattr(list, "append");
  if (!app) return -1;
  for (size_t i = from; i < s.items.size(); i++)
    if (!call1(app.val(), s.items[i])) return -1;
  s.drop_from(from);
  return 0;
}

int set_items(Value dict, Stack& s, size_t from, const char* op) {
  if ((s.items.size() - from) % 2 != 0) {
    err_format(g_unpickling_error, "odd number of items for %s", op);
    return -1;
  }
  for (size_t i = from; i < s.items.size(); i += 2)
    if (setitem(dict, s.items[i], s.items[i + 1]) < 0) return -1;
  s.drop_from(from);
  return 0;
}

int add_items(Value set, Stack& s, size_t from) {
  if (is_set(set)) {
    for (size_t i = from; i < s.items.size(); i++)
      if (set_add(set, s.items[i]) < 0) return -1;
    s.drop_from(from);
    return 0;
  }
  Ref<> add = getattr(set, "add");
  if (!add) return -1;
  for (size_t i = from; i < s.items.size(); i++)
    if (!call1(add.val(), s.items[i])) return -1;
  s.drop_from(from);
  return 0;
}

Ref<> load_extension(Value self, uint64_t code) {
  if (code == 0) return unpickling_error("EXT specifies code <= 0");
  Ref<> copyreg = import_module("copyreg");
  if (!copyreg) return nullptr;
  Ref<> cache = getattr(copyreg.val(), "_extension_cache");
  Ref<> inverted = cache ? getattr(copyreg.val(), "_inverted_registry") : nullptr;
  if (!inverted) return nullptr;
  Ref<> key_code = int_from_uint64(code);
  if (!key_code) return nullptr;
  Ref<> hit;
  int r = dict_get_item(cache.val(), key_code.val(), &hit);
  if (r < 0) return nullptr;
  if (r > 0) return hit;
  r = dict_get_item(inverted.val(), key_code.val(), &hit);
  if (r < 0) return nullptr;
  if (r == 0) return err_format(g_ValueError, "unregistered extension code %llu", static_cast<unsigned long long>(code));
  Value key = hit.val();
  if (!is_tuple(key) || tuple_size(key) != 2 || !is_str(tuple_item(key, 0)) || !is_str(tuple_item(key, 1)))
    return err_format(g_ValueError, "_inverted_registry[%llu] isn't a 2-tuple of strings",
                      static_cast<unsigned long long>(code));
  Ref<> obj = call_find_class(self, tuple_item(key, 0), tuple_item(key, 1));
  if (!obj) return nullptr;
  if (setitem(cache.val(), key_code.val(), obj.val()) < 0) return nullptr;
  return obj;
}

// The text of a protocol 0 line without its newline, as a string_view.
inline std::string_view line_text(const uint8_t* p, int64_t n) {
  return std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n > 0 ? n - 1 : 0));
}

// --- the opcode loop ----------------------------------------------------------------------------

Ref<> load_impl(Value self, UnpicklerState* st) {
  Stack s;
  for (;;) {
    const uint8_t* p = read_bytes(st, 1);
    if (!p) {
      if (err_matches(g_unpickling_error)) {
        err_clear();
        err_set_str(g_EOFError, "Ran out of input");
      }
      return nullptr;
    }
    uint8_t op = *p;
    switch (op) {
      case kOp_MARK:
        s.marks.push_back(s.items.size());
        break;
      case kOp_STOP:
        return s.pop();
      case kOp_POP:
        if (!s.marks.empty() && s.marks.back() == s.items.size()) {
          s.marks.pop_back();
        } else {
          if (!s.pop()) return nullptr;
        }
        break;
      case kOp_POP_MARK: {
        int64_t m = s.pop_mark();
        if (m < 0) return nullptr;
        s.drop_from(static_cast<size_t>(m));
        break;
      }
      case kOp_DUP: {
        Value v = s.top();
        if (v.is_null()) return nullptr;
        s.push_borrowed(v);
        break;
      }
      case kOp_NONE:
        s.push_borrowed(none());
        break;
      case kOp_NEWTRUE:
        s.push_borrowed(true_value());
        break;
      case kOp_NEWFALSE:
        s.push_borrowed(false_value());
        break;
      case kOp_BININT: {
        if (!(p = read_bytes(st, 4))) return nullptr;
        Ref<> v = int_from_int64(static_cast<int32_t>(static_cast<uint32_t>(le_uint(p, 4))));
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_BININT1:
      case kOp_BININT2: {
        int n = op == kOp_BININT1 ? 1 : 2;
        if (!(p = read_bytes(st, n))) return nullptr;
        s.push(int_from_int64(static_cast<int64_t>(le_uint(p, n))));
        break;
      }
      case kOp_INT: {
        int64_t n;
        if (!(p = read_line(st, &n))) return nullptr;
        std::string_view t = line_text(p, n);
        if (t == "00" || t == "01") {
          s.push_borrowed(t == "01" ? true_value() : false_value());
          break;
        }
        Ref<> v = int_from_string(t, 0);
        if (!v) {
          err_clear();
          return err_set_str(g_ValueError, "could not convert string to int");
        }
        s.push(std::move(v));
        break;
      }
      case kOp_LONG: {
        int64_t n;
        if (!(p = read_line(st, &n))) return nullptr;
        // The line, newline included unless a trailing L is cut off (as
        // CPython, whose message shows the text it parsed).
        std::string_view t(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
        if (n >= 2 && p[n - 2] == 'L') t = t.substr(0, static_cast<size_t>(n - 2));
        Ref<> v = int_from_string(t, 10);
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_LONG1:
      case kOp_LONG4: {
        int w = op == kOp_LONG1 ? 1 : 4;
        if (!(p = read_bytes(st, w))) return nullptr;
        int64_t n = op == kOp_LONG1 ? p[0] : static_cast<int32_t>(static_cast<uint32_t>(le_uint(p, 4)));
        if (n < 0) return unpickling_error("LONG pickle has negative byte count");
        if (!(p = read_bytes(st, n))) return nullptr;
        Ref<> v = int_from_le_bytes(p, n);
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_FLOAT: {
        int64_t n;
        if (!(p = read_line(st, &n))) return nullptr;
        std::string_view t = line_text(p, n);
        double d;
        if (!float_parse(t, &d))
          return err_format(g_ValueError, "could not convert string to float: '%.*s'", static_cast<int>(n),
                            reinterpret_cast<const char*>(p));
        s.push(float_new(d));
        break;
      }
      case kOp_BINFLOAT: {
        if (!(p = read_bytes(st, 8))) return nullptr;
        uint64_t bits = 0;
        for (int i = 0; i < 8; i++) bits = (bits << 8) | p[i];
        double d;
        memcpy(&d, &bits, 8);
        s.push(float_new(d));
        break;
      }
      case kOp_STRING: {
        int64_t n;
        if (!(p = read_line(st, &n))) return nullptr;
        std::string_view t = line_text(p, n);
        if (t.size() < 2 || t.front() != t.back() || (t.front() != '\'' && t.front() != '"'))
          return unpickling_error("the STRING opcode argument must be quoted");
        Ref<> codecs = import_module("codecs");
        if (!codecs) return nullptr;
        Ref<> raw = bytes_from(t.substr(1, t.size() - 2));
        if (!raw) return nullptr;
        Value a = raw.val();
        Ref<> dec = call_method(codecs.val(), "escape_decode", &a, 1);
        if (!dec) return nullptr;
        Value b = tuple_item(dec.val(), 0);
        Ref<> v = decode_string(st, bytes_data(b), bytes_size(b));
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_BINSTRING:
      case kOp_SHORT_BINSTRING: {
        int w = op == kOp_BINSTRING ? 4 : 1;
        if (!(p = read_bytes(st, w))) return nullptr;
        int64_t n = static_cast<int64_t>(le_uint(p, w));
        if (op == kOp_BINSTRING && n > INT32_MAX)
          return err_format(g_unpickling_error, "BINSTRING exceeds system's maximum size of %lld bytes",
                            static_cast<long long>(INT64_MAX));
        if (!(p = read_bytes(st, n))) return nullptr;
        Ref<> v = decode_string(st, p, n);
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_BINBYTES:
      case kOp_SHORT_BINBYTES:
      case kOp_BINBYTES8:
      case kOp_BYTEARRAY8: {
        int w = op == kOp_SHORT_BINBYTES ? 1 : op == kOp_BINBYTES ? 4 : 8;
        if (!(p = read_bytes(st, w))) return nullptr;
        uint64_t n = le_uint(p, w);
        if (n > static_cast<uint64_t>(INT64_MAX))
          return err_format(g_unpickling_error, "%s exceeds system's maximum size of %lld bytes",
                            op == kOp_BYTEARRAY8 ? "BYTEARRAY8" : "BINBYTES8", static_cast<long long>(INT64_MAX));
        if (!(p = read_bytes(st, static_cast<int64_t>(n)))) return nullptr;
        Ref<> v = op == kOp_BYTEARRAY8 ? bytearray_from(p, n) : bytes_from(p, n);
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_UNICODE: {
        int64_t n;
        if (!(p = read_line(st, &n))) return nullptr;
        Ref<> v = codec_decode(p, n - 1, "raw-unicode-escape", "strict");
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_BINUNICODE:
      case kOp_SHORT_BINUNICODE:
      case kOp_BINUNICODE8: {
        int w = op == kOp_SHORT_BINUNICODE ? 1 : op == kOp_BINUNICODE ? 4 : 8;
        if (!(p = read_bytes(st, w))) return nullptr;
        uint64_t n = le_uint(p, w);
        if (n > static_cast<uint64_t>(INT64_MAX))
          return err_format(g_unpickling_error, "BINUNICODE8 exceeds system's maximum size of %lld bytes",
                            static_cast<long long>(INT64_MAX));
        if (!(p = read_bytes(st, static_cast<int64_t>(n)))) return nullptr;
        Ref<> v = str_from_utf8(std::string_view(reinterpret_cast<const char*>(p), n));
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_EMPTY_TUPLE:
        s.push(empty_tuple());
        break;
      case kOp_TUPLE1:
      case kOp_TUPLE2:
      case kOp_TUPLE3: {
        size_t n = op - kOp_TUPLE1 + 1;
        if (s.items.size() < s.fence() + n) return s.underflow();
        Ref<Tuple> t = s.take_tuple(s.items.size() - n);
        if (!t) return nullptr;
        s.push(std::move(t));
        break;
      }
      case kOp_TUPLE: {
        int64_t m = s.pop_mark();
        if (m < 0) return nullptr;
        Ref<Tuple> t = s.take_tuple(static_cast<size_t>(m));
        if (!t) return nullptr;
        s.push(std::move(t));
        break;
      }
      case kOp_EMPTY_LIST: {
        Ref<List> l = list_new(0);
        if (!l) return nullptr;
        s.push(std::move(l));
        break;
      }
      case kOp_LIST: {
        int64_t m = s.pop_mark();
        if (m < 0) return nullptr;
        Ref<List> l = s.take_list(static_cast<size_t>(m));
        if (!l) return nullptr;
        s.push(std::move(l));
        break;
      }
      case kOp_EMPTY_DICT: {
        Ref<Dict> d = dict_new();
        if (!d) return nullptr;
        s.push(std::move(d));
        break;
      }
      case kOp_DICT: {
        int64_t m = s.pop_mark();
        if (m < 0) return nullptr;
        Ref<Dict> d = dict_new();
        if (!d) return nullptr;
        if (set_items(d.val(), s, static_cast<size_t>(m), "DICT") < 0) return nullptr;
        s.push(std::move(d));
        break;
      }
      case kOp_EMPTY_SET: {
        Ref<> v = set_new(Value());
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_FROZENSET: {
        int64_t m = s.pop_mark();
        if (m < 0) return nullptr;
        Ref<Tuple> t = s.take_tuple(static_cast<size_t>(m));
        if (!t) return nullptr;
        Ref<> v = frozenset_new(t.val());
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_APPEND: {
        if (s.items.size() < s.fence() + 2) return s.underflow();
        if (extend_list(s.items[s.items.size() - 2], s, s.items.size() - 1) < 0) return nullptr;
        break;
      }
      case kOp_APPENDS: {
        int64_t m = s.pop_mark();
        if (m < 0) return nullptr;
        if (m <= static_cast<int64_t>(s.fence()) || m == 0) return s.underflow();
        if (static_cast<size_t>(m) == s.items.size()) break;
        if (extend_list(s.items[m - 1], s, static_cast<size_t>(m)) < 0) return nullptr;
        break;
      }
      case kOp_SETITEM: {
        if (s.items.size() < s.fence() + 3) return s.underflow();
        if (set_items(s.items[s.items.size() - 3], s, s.items.size() - 2, "SETITEM") < 0) return nullptr;
        break;
      }
      case kOp_SETITEMS: {
        int64_t m = s.pop_mark();
        if (m < 0) return nullptr;
        if (m <= static_cast<int64_t>(s.fence()) || m == 0) return s.underflow();
        if (set_items(s.items[m - 1], s, static_cast<size_t>(m), "SETITEMS") < 0) return nullptr;
        break;
      }
      case kOp_ADDITEMS: {
        int64_t m = s.pop_mark();
        if (m < 0) return nullptr;
        if (m <= static_cast<int64_t>(s.fence()) || m == 0) return s.underflow();
        if (static_cast<size_t>(m) == s.items.size()) break;
        if (add_items(s.items[m - 1], s, static_cast<size_t>(m)) < 0) return nullptr;
        break;
      }
      case kOp_BUILD: {
        Ref<> state = s.pop();
        if (!state) return nullptr;
        Value inst = s.top();
        if (inst.is_null()) return nullptr;
        if (build(inst, state.val()) < 0) return nullptr;
        break;
      }
      case kOp_REDUCE: {
        Ref<> args = s.pop();
        if (!args) return nullptr;
        Value fn = s.top();
        if (fn.is_null()) return nullptr;
        if (!is_tuple(args.val())) return err_set_str(g_TypeError, "argument list must be a tuple");
        Ref<> r = call_tuple_dict(fn, args.val(), Value());
        if (!r) return nullptr;
        s.pop();
        s.push(std::move(r));
        break;
      }
      case kOp_NEWOBJ: {
        Ref<> args = s.pop();
        if (!args) return nullptr;
        Ref<> cls = s.pop();
        if (!cls) return nullptr;
        Ref<> r = new_object(cls.val(), args.val(), Value(), "NEWOBJ");
        if (!r) return nullptr;
        s.push(std::move(r));
        break;
      }
      case kOp_NEWOBJ_EX: {
        Ref<> kwargs = s.pop();
        if (!kwargs) return nullptr;
        Ref<> args = s.pop();
        if (!args) return nullptr;
        Ref<> cls = s.pop();
        if (!cls) return nullptr;
        Ref<> r = new_object(cls.val(), args.val(), kwargs.val(), "NEWOBJ_EX");
        if (!r) return nullptr;
        s.push(std::move(r));
        break;
      }
      case kOp_OBJ: {
        int64_t m = s.pop_mark();
        if (m < 0) return nullptr;
        if (s.items.size() <= static_cast<size_t>(m)) return s.underflow();
        Ref<Tuple> args = s.take_tuple(static_cast<size_t>(m) + 1);
        if (!args) return nullptr;
        Ref<> cls = s.pop();
        if (!cls) return nullptr;
        Ref<> r = instantiate(cls.val(), args.val());
        if (!r) return nullptr;
        s.push(std::move(r));
        break;
      }
      case kOp_INST:
      case kOp_GLOBAL: {
        int64_t n1, n2;
        if (!(p = read_line(st, &n1))) return nullptr;
        Ref<> mod = str_from_utf8(line_text(p, n1));
        if (!mod) return nullptr;
        if (!(p = read_line(st, &n2))) return nullptr;
        Ref<> name = str_from_utf8(line_text(p, n2));
        if (!name) return nullptr;
        if (op == kOp_GLOBAL) {
          Ref<> cls = call_find_class(self, mod.val(), name.val());
          if (!cls) return nullptr;
          s.push(std::move(cls));
          break;
        }
        int64_t m = s.pop_mark();
        if (m < 0) return nullptr;
        Ref<Tuple> args = s.take_tuple(static_cast<size_t>(m));
        if (!args) return nullptr;
        Ref<> cls = call_find_class(self, mod.val(), name.val());
        if (!cls) return nullptr;
        Ref<> r = instantiate(cls.val(), args.val());
        if (!r) return nullptr;
        s.push(std::move(r));
        break;
      }
      case kOp_STACK_GLOBAL: {
        Ref<> name = s.pop();
        if (!name) return nullptr;
        Ref<> mod = s.pop();
        if (!mod) return nullptr;
        if (!is_str_exact(name.val()) || !is_str_exact(mod.val())) return unpickling_error("STACK_GLOBAL requires str");
        Ref<> cls = call_find_class(self, mod.val(), name.val());
        if (!cls) return nullptr;
        s.push(std::move(cls));
        break;
      }
      case kOp_EXT1:
      case kOp_EXT2:
      case kOp_EXT4: {
        int w = op == kOp_EXT1 ? 1 : op == kOp_EXT2 ? 2 : 4;
        if (!(p = read_bytes(st, w))) return nullptr;
        Ref<> v = load_extension(self, le_uint(p, w));
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_PERSID: {
        int64_t n;
        if (!(p = read_line(st, &n))) return nullptr;
        std::string_view t = line_text(p, n);
        for (char c : t)
          if (static_cast<unsigned char>(c) >= 0x80)
            return unpickling_error("persistent IDs in protocol 0 must be ASCII strings");
        Ref<> pid = str_from_ascii(t);
        if (!pid) return nullptr;
        Ref<> v = call_persistent_load(self, st, pid.val());
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_BINPERSID: {
        Ref<> pid = s.pop();
        if (!pid) return nullptr;
        Ref<> v = call_persistent_load(self, st, pid.val());
        if (!v) return nullptr;
        s.push(std::move(v));
        break;
      }
      case kOp_GET:
      case kOp_BINGET:
      case kOp_LONG_BINGET: {
        uint64_t idx;
        Ref<> key;
        if (op == kOp_GET) {
          int64_t n;
          if (!(p = read_line(st, &n))) return nullptr;
          key = int_from_string(line_text(p, n), 10);
          if (!key) return nullptr;
          int64_t i;
          if (!to_int64(key.val(), &i)) return nullptr;
          idx = static_cast<uint64_t>(i);
        } else {
          int w = op == kOp_BINGET ? 1 : 4;
          if (!(p = read_bytes(st, w))) return nullptr;
          idx = le_uint(p, w);
        }
        Value v = st->memo.get(idx);
        if (v.is_null()) {
          if (!key) key = int_from_uint64(idx);
          if (!key) return nullptr;
          Ref<> kr = repr(key.val());
          if (!kr) return nullptr;
          return err_format(g_unpickling_error, "Memo value not found at index %s", str_utf8(kr.val()).c_str());
        }
        s.push_borrowed(v);
        break;
      }
      case kOp_PUT:
      case kOp_BINPUT:
      case kOp_LONG_BINPUT:
      case kOp_MEMOIZE: {
        uint64_t idx;
        if (op == kOp_PUT) {
          int64_t n;
          if (!(p = read_line(st, &n))) return nullptr;
          if (s.top().is_null()) return nullptr;
          Ref<> key = int_from_string(line_text(p, n), 10);
          if (!key) return nullptr;
          int64_t i;
          if (!to_int64(key.val(), &i)) return nullptr;
          if (i < 0) return err_set_str(g_ValueError, "negative PUT argument");
          idx = static_cast<uint64_t>(i);
        } else if (op == kOp_MEMOIZE) {
          idx = st->memo.count;  // the memo's length
        } else {
          int w = op == kOp_BINPUT ? 1 : 4;
          if (!(p = read_bytes(st, w))) return nullptr;
          idx = le_uint(p, w);
          if (op == kOp_LONG_BINPUT && idx > static_cast<uint64_t>(INT32_MAX) * 2 + 1)
            return err_set_str(g_ValueError, "negative LONG_BINPUT argument");
        }
        Value v = s.top();
        if (v.is_null()) return nullptr;
        st->memo.put(idx, v);
        break;
      }
      case kOp_PROTO: {
        if (!(p = read_bytes(st, 1))) return nullptr;
        int proto = p[0];
        if (proto > kPickleHighestProtocol) return err_format(g_ValueError, "unsupported pickle protocol: %d", proto);
        st->proto = proto;
        break;
      }
      case kOp_FRAME: {
        if (!(p = read_bytes(st, 8))) return nullptr;
        uint64_t n = le_uint(p, 8);
        if (n > static_cast<uint64_t>(INT64_MAX))
          return err_format(g_ValueError, "FRAME length exceeds system's maximum of %lld bytes",
                            static_cast<long long>(INT64_MAX));
        // Make the frame's bytes available at once (a file is read here).
        if (!read_bytes(st, static_cast<int64_t>(n))) return nullptr;
        st->pos -= static_cast<int64_t>(n);
        break;
      }
      case kOp_NEXT_BUFFER: {
        if (st->buffers.is_null())
          return unpickling_error("pickle stream refers to out-of-band data but no *buffers* argument was given");
        Ref<> b = iter_next(st->buffers);
        if (!b) {
          if (!err_occurred()) return unpickling_error("not enough out-of-band buffers");
          return nullptr;
        }
        s.push(std::move(b));
        break;
      }
      case kOp_READONLY_BUFFER: {
        Value top = s.top();
        if (top.is_null()) return nullptr;
        Ref<> mv = memoryview_new(top);
        if (!mv) return nullptr;
        Ref<> ro = getattr(mv.val(), "readonly");
        if (!ro) return nullptr;
        if (truthy(ro.val()) == 0) {
          Ref<> r = call_method(mv.val(), "toreadonly", nullptr, 0);
          if (!r) return nullptr;
          s.pop();
          s.push(std::move(r));
        }
        break;
      }
      default: {
        char shown[8];
        if (op >= 0x20 && op <= 0x7e && op != '\'' && op != '\\')
          snprintf(shown, sizeof shown, "%c", op);
        else
          snprintf(shown, sizeof shown, "\\x%02x", op);
        return err_format(g_unpickling_error, "invalid load key, '%s'.", shown);
      }
    }
  }
}

// Runs a whole load on an initialised Unpickler, refusing a second
// concurrent or re-entrant load (see the thread-safety note at the top).
Ref<> run_load(Value self) {
  auto* u = self.as<UnpicklerObject>();
  CriticalSection cs(u);
  UnpicklerState* st = u->st;
  if (!st || !st->initialized)
    return err_format(g_unpickling_error, "Unpickler.__init__() was not called by %s.__init__()",
                      type_of(self)->name);
  if (st->busy) return err_set_str(g_RuntimeError, "Unpickler.load() is already running");
  st->busy = true;
  Ref<> r = load_impl(self, st);
  st->busy = false;
  return r;
}

// --- settings shared by Unpickler(), load() and loads() ------------------------------------------

bool configure(UnpicklerState* st, const char* fn, Value fix_imports, Value encoding, Value errors, Value buffers) {
  int fi = truthy(fix_imports);
  if (fi < 0) return false;
  st->fix_imports = fi != 0;
  if (!is_str(encoding)) {
    err_format(g_TypeError, "%s() argument 'encoding' must be str, not %s", fn, type_of(encoding)->name);
    return false;
  }
  if (!is_str(errors)) {
    err_format(g_TypeError, "%s() argument 'errors' must be str, not %s", fn, type_of(errors)->name);
    return false;
  }
  st->encoding = std::string(str_view(encoding));
  st->errors = std::string(str_view(errors));
  decref(st->buffers);
  st->buffers = Value();
  if (!buffers.is_null() && !is_none(buffers)) {
    Ref<> it = get_iter(buffers);
    if (!it) return false;
    st->buffers = it.release();
  }
  return true;
}

bool set_file(UnpicklerState* st, Value file) {
  Ref<Str> rn = str_from_ascii("read");
  Ref<Str> ln = str_from_ascii("readline");
  if (!rn || !ln) return false;
  Ref<> rd = getattr_opt(file, rn.val());
  if (!rd && err_occurred()) return false;
  Ref<> rl = getattr_opt(file, ln.val());
  if (!rl && err_occurred()) return false;
  if (!rd || !rl) {
    err_set_str(g_TypeError, "file must have 'read' and 'readline' attributes");
    return false;
  }
  set_field(&st->file_read, rd.val());
  set_field(&st->file_readline, rl.val());
  input_reset(st);
  return true;
}

// --- the Unpickler type -------------------------------------------------------------------------

Ref<> unpickler_tp_new(Type* type, const Value*, size_t, Value) {
  auto* u = alloc_object<UnpicklerObject>(type, type->basic_size);
  if (!u) return nullptr;
  u->st = new UnpicklerState();
  return Ref<>::steal(Value(u));
}

int unpickler_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature(
      "Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=?)", nullptr);
  Value a[5];  // buffers: omitted (null) means "none given", unlike an explicit ()
  Ref<> hold[5];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return -1;
  auto* u = self.as<UnpicklerObject>();
  CriticalSection cs(u);
  UnpicklerState* st = u->st;
  if (st->busy) {
    err_set_str(g_RuntimeError, "Unpickler.load() is already running");
    return -1;
  }
  if (!set_file(st, a[0])) return -1;
  if (!configure(st, "Unpickler", a[1], a[2], a[3], a[4])) return -1;
  st->memo.clear();
  st->proto = 0;
  st->initialized = true;
  return 0;
}

void unpickler_dealloc(Object* o) {
  auto* u = static_cast<UnpicklerObject*>(o);
  delete u->st;
  u->st = nullptr;
  free_object(o);
}

void unpickler_traverse(Object* o, VisitFn visit, void* arg) {
  UnpicklerState* st = static_cast<UnpicklerObject*>(o)->st;
  if (!st) return;
  for (Value v : {st->file_read, st->file_readline, st->buffers, st->persistent_load, st->holder})
    if (!v.is_null()) visit(v, arg);
  st->memo.each([&](uint64_t, Value v) { visit(v, arg); });
}

void unpickler_clear(Object* o) {
  UnpicklerState* st = static_cast<UnpicklerObject*>(o)->st;
  if (!st || st->busy) return;
  for (Value* f : {&st->file_read, &st->file_readline, &st->buffers, &st->persistent_load}) {
    Value old = *f;
    *f = Value();
    decref(old);
  }
  st->memo.clear();
}

Ref<> unpickler_load(Value self, Value*) { return run_load(self); }

Ref<> unpickler_find_class(Value self, Value* args) {
  auto* u = self.as<UnpicklerObject>();
  UnpicklerState* st = u->st;
  return find_class_impl(st, args[0], args[1]);
}

Ref<> unpickler_sizeof(Value self, Value*) {
  UnpicklerState* st = state_of(self);
  size_t n = type_of(self)->basic_size + sizeof(UnpicklerState) + st->memo.dense.capacity() * sizeof(Value) +
             st->pending.capacity();
  return int_from_uint64(n);
}

// _pickle.UnpicklerMemoProxy: what Unpickler.memo returns, a view whose
// copy() snapshots the memo as a dict and whose clear() empties it.
// Thread safety: the proxy's one field is set at creation and immutable; the
// memo it shows is read under the Unpickler's critical section.
struct MemoProxy : Object {
  Value unpickler;  // owned
};

Ref<> memo_copy(Value self, Value*) {
  auto* u = self.as<MemoProxy>()->unpickler.as<UnpicklerObject>();
  CriticalSection cs(u);
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  bool ok = true;
  u->st->memo.each([&](uint64_t i, Value v) {
    if (!ok) return;
    Ref<> k = int_from_uint64(i);
    ok = k && dict_set_item(d.val(), k.val(), v) >= 0;
  });
  if (!ok) return nullptr;
  return d;
}

Ref<> memo_clear(Value self, Value*) {
  auto* u = self.as<MemoProxy>()->unpickler.as<UnpicklerObject>();
  Memo old;
  {
    CriticalSection cs(u);
    std::swap(u->st->memo.dense, old.dense);
    std::swap(u->st->memo.sparse, old.sparse);
    std::swap(u->st->memo.count, old.count);
  }
  return new_none();  // `old` releases the values outside the section
}

Ref<> memo_reduce(Value self, Value*) {
  Ref<> d = memo_copy(self, nullptr);
  if (!d) return nullptr;
  Ref<Tuple> args = tuple_pack({d.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(static_cast<Object*>(&g_dict_type)), args.val()});
}

Type g_memo_proxy_type;

const MethodDef kMemoProxyMethods[] = {
    {"copy($self, /)", memo_copy, "Copy the memo to a new object."},
    {"clear($self, /)", memo_clear, "Remove all items from memo."},
    {"__reduce__($self, /)", memo_reduce, "Implement pickle support."},
    {nullptr}};

Ref<> memo_get(Value self) {
  auto* p = alloc_object<MemoProxy>(&g_memo_proxy_type);
  if (!p) return nullptr;
  incref(self);
  p->unpickler = self;
  return Ref<>::steal(Value(p));
}

int memo_set(Value self, Value v) {
  if (!v.is_null() && type_of(v) == &g_memo_proxy_type) {
    Ref<> d = memo_copy(v, nullptr);
    if (!d) return -1;
    return memo_set(self, d.val());
  }
  if (v.is_null()) {
    err_set_str(g_TypeError, "attribute deletion is not supported");
    return -1;
  }
  if (!is_dict(v)) {
    err_format(g_TypeError, "'memo' attribute must be an UnpicklerMemoProxy object or dict, not %s", type_of(v)->name);
    return -1;
  }
  Memo fresh;
  int64_t pos = 0;
  Ref<> k, val;
  while (dict_next(v, &pos, &k, &val)) {
    if (!is_int(k.val())) {
      err_set_str(g_TypeError, "memo key must be integers");
      return -1;
    }
    int64_t i;
    if (!to_int64(k.val(), &i)) return -1;
    if (i < 0) {
      err_set_str(g_ValueError, "memo key must be positive integers.");
      return -1;
    }
    fresh.put(static_cast<uint64_t>(i), val.val());
  }
  auto* u = self.as<UnpicklerObject>();
  CriticalSection cs(u);
  std::swap(u->st->memo.dense, fresh.dense);
  std::swap(u->st->memo.sparse, fresh.sparse);
  std::swap(u->st->memo.count, fresh.count);
  return 0;
}

Ref<> persistent_load_get(Value self) {
  auto* u = self.as<UnpicklerObject>();
  CriticalSection cs(u);
  if (u->st->persistent_load.is_null()) {
    Ref<Str> n = str_from_ascii("persistent_load");
    return err_set_object(g_AttributeError, n.val());
  }
  return Ref<>::borrow(u->st->persistent_load);
}

int persistent_load_set(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_TypeError, "attribute deletion is not supported");
    return -1;
  }
  if (!callable(v)) {
    err_set_str(g_TypeError, "persistent_load must be a callable taking one argument");
    return -1;
  }
  auto* u = self.as<UnpicklerObject>();
  CriticalSection cs(u);
  set_field(&u->st->persistent_load, v);
  return 0;
}

const MethodDef kUnpicklerMethods[] = {
    {"load($self, /)", unpickler_load,
     "Load a pickle.\n\nRead a pickled object representation from the open file object given\nin the constructor, and "
     "return the reconstituted object hierarchy\nspecified therein."},
    {"find_class($self, module_name, global_name, /)", unpickler_find_class,
     "Return an object from a specified module.\n\nIf necessary, the module will be imported. Subclasses may override\n"
     "this method (e.g. to restrict unpickling of arbitrary classes and\nfunctions).\n\nThis method is called whenever "
     "a class or a function object is\nneeded.  Both arguments passed are str objects."},
    {"__sizeof__($self, /)", unpickler_sizeof, "Returns size in memory, in bytes."},
    {nullptr}};

const GetSetDef kUnpicklerGetSets[] = {
    {"memo", memo_get, memo_set, nullptr},
    {"persistent_load", persistent_load_get, persistent_load_set, nullptr},
    {nullptr}};

// A stack Unpickler for load()/loads(): same state, no object allocated.
Ref<> load_with(Value input, bool is_file, Value* args) {
  Ref<> u = unpickler_tp_new(&g_unpickler_type, nullptr, 0, Value());
  if (!u) return nullptr;
  UnpicklerState* st = state_of(u.val());
  if (!configure(st, is_file ? "load" : "loads", args[1], args[2], args[3], args[4])) return nullptr;
  if (is_file) {
    if (!set_file(st, input)) return nullptr;
  } else {
    if (is_str(input)) return err_set_str(g_TypeError, "a bytes-like object is required, not 'str'");
    if (is_bytes_exact(input)) {
      incref(input);
      st->holder = input;
      st->data = bytes_data(input);
      st->len = bytes_size(input);
    } else {
      std::string copy;
      if (!buffer_copy_or_error(input, &copy)) return nullptr;
      st->pending = std::move(copy);
      st->data = reinterpret_cast<const uint8_t*>(st->pending.data());
      st->len = static_cast<int64_t>(st->pending.size());
    }
  }
  st->initialized = true;
  return run_load(u.val());
}

}  // namespace

Ref<> pickle_load(Value, Value* args) { return load_with(args[0], true, args); }
Ref<> pickle_loads(Value, Value* args) { return load_with(args[0], false, args); }

void pickle_unpickler_types_init() {
  Type* m = &g_memo_proxy_type;
  m->name = "_pickle.UnpicklerMemoProxy";
  m->basic_size = sizeof(MemoProxy);
  m->flags = kTypeHasGc;
  m->tp_dealloc = [](Object* o) {
    decref(static_cast<MemoProxy*>(o)->unpickler);
    free_object(o);
  };
  m->tp_traverse = [](Object* o, VisitFn visit, void* arg) { visit(static_cast<MemoProxy*>(o)->unpickler, arg); };
  m->methods = kMemoProxyMethods;
  m->ob_type = &g_type_type;
  type_ready(m);

  Type* t = &g_unpickler_type;
  t->name = "_pickle.Unpickler";
  t->basic_size = sizeof(UnpicklerObject);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->tp_new = unpickler_tp_new;
  t->tp_init = unpickler_tp_init;
  t->tp_dealloc = unpickler_dealloc;
  t->tp_traverse = unpickler_traverse;
  t->tp_clear = unpickler_clear;
  t->methods = kUnpicklerMethods;
  t->getsets = kUnpicklerGetSets;
  t->doc =
      "Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict',\n          buffers=())\n--\n\n"
      "This takes a binary file for reading a pickle data stream.";
  t->ob_type = &g_type_type;
  type_ready(t);
}

}  // namespace ftpy
