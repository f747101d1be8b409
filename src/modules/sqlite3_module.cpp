// The `_sqlite3` module: module functions (connect, adapt, register_adapter,
// register_converter, complete_statement, ...), the DB-API exception classes,
// the SQLite constants, error raising, and the conversions between Python
// values and SQLite values shared by Connection and Cursor.
//
// Thread safety: the module state is made once (std::call_once) and then
// immutable, except the adapters/converters dicts (thread-safe built-in
// dicts) and two flags that are relaxed atomics. The types' own locking is
// described in sqlite3_internal.h.
#include <atomic>
#include <mutex>

#include "modules/buffer_util.h"
#include "modules/sqlite3_internal.h"
#include "modules/sqlite3_module.h"
#include "objects/buffer.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/bytearray.h"
#include "objects/tuple.h"
#include "runtime/thread_state.h"
#include "modules/lazy/sqlite3_lazy.h"  // last: redirects the library's names

namespace ftpy {

Type* g_sqlite_Warning;
Type* g_sqlite_Error;
Type* g_sqlite_InterfaceError;
Type* g_sqlite_DatabaseError;
Type* g_sqlite_DataError;
Type* g_sqlite_OperationalError;
Type* g_sqlite_IntegrityError;
Type* g_sqlite_InternalError;
Type* g_sqlite_ProgrammingError;
Type* g_sqlite_NotSupportedError;

// A bare type whose only use is as the `proto` key of the adapters dict.
// Immutable: instances carry no state.
Type g_sqlite_prepare_protocol_type;

namespace {

Value g_adapters;    // dict, immortal once made
Value g_converters;  // dict, immortal once made
std::atomic<bool> g_base_type_adapted{false};
std::atomic<bool> g_callback_tracebacks{false};
bool g_init_ok = false;

struct NamedCode {
  const char* name;
  int value;
};
#define SQLITE_ROW_OF(n) {#n, n},
#include "modules/sqlite3_constants.inc"
const NamedCode kResultCodes[] = {SQLITE_RESULT_CODES(SQLITE_ROW_OF){nullptr, 0}};
const NamedCode kOtherConstants[] = {SQLITE_OTHER_CONSTANTS(SQLITE_ROW_OF){nullptr, 0}};
#undef SQLITE_ROW_OF

const char* error_name(int code) {
  for (const NamedCode* c = kResultCodes; c->name; ++c)
    if (c->value == code) return c->name;
  return nullptr;
}

Type* make_exception(const char* name, Type* base) {
  Ref<Str> n = str_from_ascii(name);
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("sqlite3");
  if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return nullptr;
  Ref<Tuple> bases = tuple_pack({Value(base)});
  if (!bases) return nullptr;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (!cls) return nullptr;
  return cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
}

Ref<> proto_new(Type* type, const Value*, size_t, Value) {
  Object* o = alloc_object<Object>(type, type->basic_size);
  if (!o) return nullptr;
  return Ref<>::steal(Value(o));
}

void proto_dealloc(Object* o) { free_object(o); }

void sqlite_init_once() {
  if (sqlite3_initialize() != SQLITE_OK) return;
  Type* t = &g_sqlite_prepare_protocol_type;
  t->name = "sqlite3.PrepareProtocol";
  t->basic_size = sizeof(Object);
  t->flags = kTypeBaseType;
  t->tp_new = proto_new;
  t->tp_dealloc = proto_dealloc;
  t->doc = "PEP 246 style object adaption protocol type.";
  type_ready(t);
  sqlite_row_type_init();
  sqlite_cursor_type_init();
  sqlite_connection_type_init();
  sqlite_blob_type_init();
  if (!(g_sqlite_Warning = make_exception("Warning", g_Exception))) return;
  if (!(g_sqlite_Error = make_exception("Error", g_Exception))) return;
  if (!(g_sqlite_InterfaceError = make_exception("InterfaceError", g_sqlite_Error))) return;
  if (!(g_sqlite_DatabaseError = make_exception("DatabaseError", g_sqlite_Error))) return;
  if (!(g_sqlite_DataError = make_exception("DataError", g_sqlite_DatabaseError))) return;
  if (!(g_sqlite_OperationalError = make_exception("OperationalError", g_sqlite_DatabaseError))) return;
  if (!(g_sqlite_IntegrityError = make_exception("IntegrityError", g_sqlite_DatabaseError))) return;
  if (!(g_sqlite_InternalError = make_exception("InternalError", g_sqlite_DatabaseError))) return;
  if (!(g_sqlite_ProgrammingError = make_exception("ProgrammingError", g_sqlite_DatabaseError))) return;
  if (!(g_sqlite_NotSupportedError = make_exception("NotSupportedError", g_sqlite_DatabaseError))) return;
  Ref<Dict> a = dict_new(), c = dict_new();
  if (!a || !c) return;
  g_adapters = a.release();
  g_converters = c.release();
  g_init_ok = true;
}

// connect(database, timeout=5.0, detect_types=0, isolation_level='',
// check_same_thread=True, factory=Connection, cached_statements=128,
// uri=False): the arguments go unchanged to factory, as in CPython.
Ref<> mod_connect(Value, Value* args) {
  Value pos = args[0], kw = args[1];
  Value factory = Value(&g_sqlite_connection_type);
  Ref<> from_kw;
  if (tuple_size(pos) > 5) {
    factory = tuple_item(pos, 5);
  } else {
    Ref<Str> key = str_from_ascii("factory");
    if (!key) return nullptr;
    int r = dict_get_item(kw, key.val(), &from_kw);
    if (r < 0) return nullptr;
    if (r > 0) factory = from_kw.val();
  }
  if (tuple_size(pos) == 0) {
    Ref<Str> key = str_from_ascii("database");
    if (!key) return nullptr;
    int r = dict_contains(kw, key.val());
    if (r < 0) return nullptr;
    if (r == 0) return err_set_str(g_TypeError, "connect() missing required argument 'database' (pos 1)");
  }
  return call_tuple_dict(factory, pos, kw);
}

Ref<> mod_complete_statement(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "complete_statement() argument 'statement' must be str, not %s",
                      type_name(type_of(args[0])));
  std::string sql(str_view(args[0]));
  return new_bool(sqlite3_complete(sql.c_str()) != 0);
}

Ref<> mod_register_adapter(Value, Value* args) {
  Value type = args[0];
  if (type == Value(&g_int_type) || type == Value(&g_float_type) || type == Value(&g_str_type) ||
      type == Value(&g_bytearray_type))
    g_base_type_adapted.store(true, std::memory_order_relaxed);
  Ref<Tuple> key = tuple_pack({type, Value(&g_sqlite_prepare_protocol_type)});
  if (!key || dict_set_item(g_adapters, key.val(), args[1]) < 0) return nullptr;
  return new_none();
}

Ref<> mod_register_converter(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "register_converter() argument 1 must be str, not %s",
                      type_name(type_of(args[0])));
  Ref<> upper = call_method(args[0], "upper", nullptr, 0);
  if (!upper || dict_set_item(g_converters, upper.val(), args[1]) < 0) return nullptr;
  return new_none();
}

Ref<> mod_adapt(Value, Value* args) {
  Value proto = args[1].is_null() ? Value(&g_sqlite_prepare_protocol_type) : args[1];
  return sqlite_adapt(args[0], proto, args[2]);
}

Ref<> mod_enable_callback_tracebacks(Value, Value* args) {
  int t = truthy(args[0]);
  if (t < 0) return nullptr;
  g_callback_tracebacks.store(t != 0, std::memory_order_relaxed);
  return new_none();
}

Ref<> mod_enable_shared_cache(Value, Value* args) {
  int32_t flag;
  if (!to_c_int(args[0], &flag)) return nullptr;
  if (sqlite3_enable_shared_cache(flag) != SQLITE_OK)
    return err_set_str(g_sqlite_OperationalError, "Changing the shared_cache flag failed");
  return new_none();
}

const MethodDef kModuleFunctions[] = {
    {"connect(*args, **kwargs)", mod_connect, "Opens a connection to the SQLite database file database."},
    {"complete_statement(statement)", mod_complete_statement,
     "Checks if a string contains a complete SQL statement."},
    {"register_adapter(type, adapter, /)", mod_register_adapter, "Register a function to adapt Python objects to SQLite values."},
    {"register_converter(typename, converter, /)", mod_register_converter,
     "Register a function to convert SQLite values to Python objects."},
    {"adapt(obj, proto=?, alt=?, /)", mod_adapt, "Adapt given object to given protocol."},
    {"enable_callback_tracebacks(enable, /)", mod_enable_callback_tracebacks,
     "Enable or disable callback functions throwing errors to stderr."},
    {"enable_shared_cache(do_enable)", mod_enable_shared_cache, "Enable or disable shared cache mode for the calling thread."},
    {nullptr}};

int set_int(Value d, const char* name, int64_t v) {
  Ref<> i = int_from_int64(v);
  return i ? dict_set_item_str(d, name, i.val()) : -1;
}

int set_text(Value d, const char* name, const char* v) {
  Ref<> s = str_from_utf8(v);
  return s ? dict_set_item_str(d, name, s.val()) : -1;
}

}  // namespace

Value sqlite_adapters() { return g_adapters; }
Value sqlite_converters() { return g_converters; }
bool sqlite_base_type_adapted() { return g_base_type_adapted.load(std::memory_order_relaxed); }
bool sqlite_callback_tracebacks() { return g_callback_tracebacks.load(std::memory_order_relaxed); }

std::nullptr_t sqlite_raise_code(int code, const char* msg) {
  if (err_occurred()) return nullptr;
  Type* cls;
  switch (code & 0xff) {
    case SQLITE_INTERNAL: case SQLITE_NOTFOUND: cls = g_sqlite_InternalError; break;
    case SQLITE_NOMEM: return err_no_memory();
    case SQLITE_ERROR: case SQLITE_PERM: case SQLITE_ABORT: case SQLITE_BUSY: case SQLITE_LOCKED:
    case SQLITE_READONLY: case SQLITE_INTERRUPT: case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL: case SQLITE_EMPTY: case SQLITE_SCHEMA:
      cls = g_sqlite_OperationalError;
      break;
    case SQLITE_CORRUPT: cls = g_sqlite_DatabaseError; break;
    case SQLITE_TOOBIG: cls = g_sqlite_DataError; break;
    case SQLITE_CONSTRAINT: case SQLITE_MISMATCH: cls = g_sqlite_IntegrityError; break;
    case SQLITE_MISUSE: case SQLITE_RANGE: cls = g_sqlite_InterfaceError; break;
    default: cls = g_sqlite_DatabaseError; break;
  }
  Ref<Str> text = str_from_utf8(msg ? msg : "unknown error");
  if (!text) return nullptr;
  Ref<> exc = call1(Value(cls), text.val());
  if (!exc) return nullptr;
  Ref<> ec = int_from_int64(code);
  const char* name = error_name(code);
  Ref<> en = name ? Ref<>(str_from_ascii(name)) : new_none();
  if (!ec || !en || setattr(exc.val(), "sqlite_errorcode", ec.val()) < 0 ||
      setattr(exc.val(), "sqlite_errorname", en.val()) < 0)
    return nullptr;
  return err_set_instance(exc.val());
}

std::nullptr_t sqlite_raise_error(sqlite3* db) {
  if (err_occurred()) return nullptr;
  return sqlite_raise_code(sqlite3_extended_errcode(db), sqlite3_errmsg(db));
}

Ref<> sqlite_adapt(Value obj, Value proto, Value alt) {
  Ref<Tuple> key = tuple_pack({Value(type_of(obj)), proto});
  if (!key) return nullptr;
  Ref<> adapter;
  int r = dict_get_item(g_adapters, key.val(), &adapter);
  if (r < 0) return nullptr;
  if (r > 0) return call1(adapter.val(), obj);
  Ref<> meth = getattr_opt(proto, Value(str_intern("__adapt__")));
  if (err_occurred()) return nullptr;
  if (meth) {
    Ref<> res = call1(meth.val(), obj);
    if (res && !is_none(res.val())) return res;
    if (!res) {
      if (!err_matches(g_TypeError)) return nullptr;
      err_clear();
    }
  }
  meth = getattr_opt(obj, Value(str_intern("__conform__")));
  if (err_occurred()) return nullptr;
  if (meth) {
    Ref<> res = call1(meth.val(), proto);
    if (res && !is_none(res.val())) return res;
    if (!res) {
      if (!err_matches(g_TypeError)) return nullptr;
      err_clear();
    }
  }
  if (!alt.is_null()) return Ref<>::borrow(alt);
  return err_set_str(g_sqlite_ProgrammingError, "can't adapt");
}

int sqlite_blob_bytes(Value v, std::string* out) {
  if (!has_buffer(v)) return 0;
  BufferView view;
  if (!object_get_buffer(v, &view, kBufSimple)) return -1;
  if (!view.contiguous()) {
    buffer_release(&view);
    err_set_str(g_BufferError, "memoryview: underlying buffer is not C-contiguous");
    return -1;
  }
  buffer_view_copy(view, out);
  buffer_release(&view);
  return 1;
}

bool bind_one(sqlite3_stmt* s, int i, Value v) {
  int rc;
  if (is_none(v)) {
    rc = sqlite3_bind_null(s, i);
  } else if (is_int(v)) {
    int64_t x;
    if (!int_as_int64(v, &x)) {
      err_set_str(g_OverflowError, "Python int too large to convert to SQLite INTEGER");
      return false;
    }
    rc = sqlite3_bind_int64(s, i, x);
  } else if (is_float(v)) {
    rc = sqlite3_bind_double(s, i, float_value(v));
  } else if (is_str(v)) {
    std::string u;
    if (!str_utf8_strict(v.as<Str>(), &u)) return false;
    rc = sqlite3_bind_text64(s, i, u.data(), u.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } else {
    std::string b;
    int r = sqlite_blob_bytes(v, &b);
    if (r < 0) return false;
    if (r == 0) {
      err_format(g_sqlite_ProgrammingError, "Error binding parameter %d: type '%s' is not supported", i,
                 type_name(type_of(v)));
      return false;
    }
    rc = sqlite3_bind_blob64(s, i, b.data(), b.size(), SQLITE_TRANSIENT);
  }
  if (rc != SQLITE_OK) {
    sqlite_raise_error(sqlite3_db_handle(s));
    return false;
  }
  return true;
}

Ref<> sqlite_value_to_py(sqlite3_value* v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return int_from_int64(sqlite3_value_int64(v));
    case SQLITE_FLOAT: return float_new(sqlite3_value_double(v));
    case SQLITE_TEXT: {
      const unsigned char* p = sqlite3_value_text(v);
      int n = sqlite3_value_bytes(v);
      if (!p && n) return err_no_memory();
      return str_from_utf8(std::string_view(reinterpret_cast<const char*>(p), n));
    }
    case SQLITE_BLOB: {
      const void* p = sqlite3_value_blob(v);
      int n = sqlite3_value_bytes(v);
      if (!p && n) return err_no_memory();
      return bytes_from(p, n);
    }
    default: return new_none();
  }
}

Ref<> sqlite3_module_create() {
  if (!lazy_lib_load(sqlite3_lib, "_sqlite3")) return nullptr;
  static std::once_flag once;
  std::call_once(once, sqlite_init_once);
  if (!g_init_ok) return err_set_str(g_ImportError, "_sqlite3: cannot initialise the SQLite library");
  Ref<> m = module_new("_sqlite3");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kModuleFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  struct {
    const char* name;
    Type* t;
  } types[] = {{"Connection", &g_sqlite_connection_type},
               {"Cursor", &g_sqlite_cursor_type},
               {"Row", &g_sqlite_row_type},
               {"PrepareProtocol", &g_sqlite_prepare_protocol_type},
               {"Blob", &g_sqlite_blob_type},
               {"Warning", g_sqlite_Warning},
               {"Error", g_sqlite_Error},
               {"InterfaceError", g_sqlite_InterfaceError},
               {"DatabaseError", g_sqlite_DatabaseError},
               {"DataError", g_sqlite_DataError},
               {"OperationalError", g_sqlite_OperationalError},
               {"IntegrityError", g_sqlite_IntegrityError},
               {"InternalError", g_sqlite_InternalError},
               {"ProgrammingError", g_sqlite_ProgrammingError},
               {"NotSupportedError", g_sqlite_NotSupportedError}};
  for (auto& e : types)
    if (dict_set_item_str(d, e.name, Value(e.t)) < 0) return nullptr;
  for (const NamedCode* c = kResultCodes; c->name; ++c)
    if (set_int(d, c->name, c->value) < 0) return nullptr;
  for (const NamedCode* c = kOtherConstants; c->name; ++c)
    if (set_int(d, c->name, c->value) < 0) return nullptr;
  // threadsafety as CPython derives it from the library's compile-time
  // mode: serialized is DB-API level 3 (threads may share a connection,
  // which ftpy's per-connection mutex allows in multi-thread mode too).
  int ts = sqlite3_threadsafe();
  if (set_int(d, "PARSE_DECLTYPES", kParseDecltypes) < 0 || set_int(d, "PARSE_COLNAMES", kParseColnames) < 0 ||
      set_int(d, "threadsafety", ts == 1 ? 3 : ts == 2 ? 1 : 0) < 0 || set_text(d, "version", "2.6.0") < 0 ||
      set_text(d, "sqlite_version", sqlite3_libversion()) < 0 ||
      dict_set_item_str(d, "adapters", g_adapters) < 0 || dict_set_item_str(d, "converters", g_converters) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
