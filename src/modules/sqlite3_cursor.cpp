// sqlite3.Cursor: execute/executemany/executescript with qmark and named
// parameters, the implicit BEGIN before DML, fetching with converters
// (PARSE_DECLTYPES/PARSE_COLNAMES), text_factory and row_factory,
// description/rowcount/lastrowid.
//
// Thread safety: a cursor's state (its statement, description, counters,
// row_factory) is read and written only under its connection's lock
// (ConnLock on the ConnState, sqlite3_internal.h), which also serialises
// the statement steps; `connection` is set once by __init__. row_factory
// calls run after the lock is released.
#include <cstring>
#include <string>
#include <vector>

#include "modules/sqlite3_internal.h"
#include "objects/bytearray.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "runtime/heap.h"
#include "modules/lazy/sqlite3_lazy.h"  // last: redirects the library's names

namespace ftpy {

// Thread safety: its state is guarded by its connection's mutex (ConnLock).
Type g_sqlite_cursor_type;

namespace {

CursorObject* cur_of(Value v) { return v.as<CursorObject>(); }

void set_field(Value* slot, Ref<> v) {
  Value old = *slot;
  *slot = v.release();
  decref(old);
}

// CPython's check_cursor, then the connection's thread and open checks.
// Connection lock held.
bool check_cursor(CursorObject* c) {
  if (!c->initialized) {
    err_set_str(g_sqlite_ProgrammingError, "Base Cursor.__init__ not called.");
    return false;
  }
  if (c->closed) {
    err_set_str(g_sqlite_ProgrammingError, "Cannot operate on a closed cursor.");
    return false;
  }
  if (c->locked) {
    err_set_str(g_sqlite_ProgrammingError, "Recursive use of cursors not allowed.");
    return false;
  }
  return conn_check(conn_state(c->connection));
}

// The state's lock, for a cursor whose __init__ may not have run.
struct CursorLock {
  explicit CursorLock(CursorObject* c)
      : st(c->connection ? conn_state(c->connection) : nullptr), lock(st ? &st->mu : &dummy) {}
  ConnState* st;
  static std::recursive_mutex dummy;
  struct L {
    explicit L(std::recursive_mutex* m) : l(*m) {}
    ConnLock l;
  } lock;
};
std::recursive_mutex CursorLock::dummy;

void release_stmt(CursorObject* c) {
  if (!c->stmt) return;
  Stmt* s = c->stmt;
  c->stmt = nullptr;
  c->has_row = false;
  if (c->connection) {
    conn_release_stmt(conn_state(c->connection), s);
  } else {
    sqlite3_finalize(s->st);
  }
  delete s;
}

Ref<> cursor_new(Type* type, const Value*, size_t, Value) {
  auto* c = alloc_object<CursorObject>(type, type->basic_size);
  if (!c) return nullptr;
  c->description = new_none().release();
  c->row_factory = new_none().release();
  c->lastrowid = new_none().release();
  c->rowcount = -1;
  c->arraysize = 1;
  return Ref<>::steal(Value(c));
}

int cursor_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("Cursor(connection, /)", nullptr);
  Value a[1];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return -1;
  if (!is_subtype(type_of(a[0]), &g_sqlite_connection_type)) {
    err_format(g_TypeError, "Cursor() argument 1 must be sqlite3.Connection, not %s", type_name(type_of(a[0])));
    return -1;
  }
  CursorObject* c = cur_of(self);
  if (c->connection) {
    ConnLock lock(conn_state(c->connection)->mu);
    if (c->locked) {
      err_set_str(g_sqlite_ProgrammingError, "Recursive use of cursors not allowed.");
      return -1;
    }
    release_stmt(c);
  }
  set_field(&c->connection, Ref<>::borrow(a[0]));
  c->initialized = true;
  return 0;
}

void cursor_traverse(Object* o, VisitFn visit, void* arg) {
  auto* c = static_cast<CursorObject*>(o);
  for (Value v : {c->connection, c->description, c->row_factory, c->lastrowid, c->converters})
    if (v) visit(v, arg);
}

void cursor_clear(Object* o) {
  auto* c = static_cast<CursorObject*>(o);
  if (c->connection) {
    ConnLock lock(conn_state(c->connection)->mu);
    release_stmt(c);
  }
  for (Value* slot : {&c->description, &c->row_factory, &c->lastrowid, &c->converters, &c->connection}) {
    Value old = *slot;
    *slot = Value();
    decref(old);
  }
}

void cursor_dealloc(Object* o) {
  auto* c = static_cast<CursorObject*>(o);
  if (o->ob_type == &g_sqlite_cursor_type) weakref_clear_all(o);
  if (c->stmt) {
    if (c->connection) {
      ConnLock lock(conn_state(c->connection)->mu);
      release_stmt(c);
    } else {
      release_stmt(c);
    }
  }
  decref(c->description);
  decref(c->row_factory);
  decref(c->lastrowid);
  decref(c->converters);
  decref(c->connection);
  free_object(o);
}

// --- converters ----------------------------------------------------------------

Ref<> get_converter(const char* p, size_t n) {
  Ref<Str> key = str_from_utf8(std::string_view(p, n));
  if (!key) return nullptr;
  Ref<> up = call_method(key.val(), "upper", nullptr, 0);
  if (!up) return nullptr;
  Ref<> conv;
  int r = dict_get_item(sqlite_converters(), up.val(), &conv);
  if (r < 0) return nullptr;
  return r ? conv : new_none();
}

// The converters of the statement's columns (a list, or null when
// detect_types is off). Lock held.
bool build_converters(CursorObject* c, ConnState* st, sqlite3_stmt* s) {
  set_field(&c->converters, Ref<>());
  if (!st->detect_types) return true;
  int n = sqlite3_column_count(s);
  Ref<List> list = list_new();
  if (!list) return false;
  for (int i = 0; i < n; i++) {
    Ref<> conv;
    if (st->detect_types & kParseColnames) {
      const char* name = sqlite3_column_name(s, i);
      const char* start = nullptr;
      for (const char* p = name; p && *p; p++) {
        if (*p == '[') {
          start = p + 1;
        } else if (*p == ']' && start) {
          conv = get_converter(start, p - start);
          if (!conv) return false;
          break;
        }
      }
    }
    if ((!conv || is_none(conv.val())) && (st->detect_types & kParseDecltypes)) {
      const char* decl = sqlite3_column_decltype(s, i);
      if (decl) {
        const char* p = decl;
        while (*p && *p != ' ' && *p != '(') p++;
        conv = get_converter(decl, p - decl);
        if (!conv) return false;
      }
    }
    if (list_append(list.val(), conv ? conv.val() : none()) < 0) return false;
  }
  set_field(&c->converters, std::move(list));
  return true;
}

Ref<> column_name(ConnState* st, sqlite3_stmt* s, int i) {
  const char* name = sqlite3_column_name(s, i);
  if (!name) return err_no_memory();
  size_t n = std::strlen(name);
  if (st->detect_types & kParseColnames) {
    for (const char* p = name; *p; p++) {
      if (*p == '[') {
        if (p != name && p[-1] == ' ') p--;
        n = p - name;
        break;
      }
    }
  }
  return str_from_utf8(std::string_view(name, n));
}

bool build_description(CursorObject* c, ConnState* st, sqlite3_stmt* s) {
  int n = sqlite3_column_count(s);
  if (n == 0) {
    set_field(&c->description, new_none());
    return true;
  }
  Ref<Tuple> desc = tuple_new(n);
  if (!desc) return false;
  for (int i = 0; i < n; i++) {
    Ref<> name = column_name(st, s, i);
    if (!name) return false;
    Ref<Tuple> item = tuple_pack({name.val(), none(), none(), none(), none(), none(), none()});
    if (!item) return false;
    tuple_init_item(desc.get(), i, std::move(item));
  }
  set_field(&c->description, std::move(desc));
  return true;
}

// --- binding ---------------------------------------------------------------------

bool need_adapt(Value v) {
  if (sqlite_base_type_adapted()) return true;
  if (is_int_exact(v) || is_instance_exact(v, &g_float_type) || is_str_exact(v) ||
      is_instance_exact(v, &g_bytearray_type))
    return false;
  return true;
}

bool bind_value(sqlite3_stmt* s, int i, Value v) {
  if (!need_adapt(v)) return bind_one(s, i, v);
  Ref<> a = sqlite_adapt(v, Value(&g_sqlite_prepare_protocol_type), v);
  if (!a) return false;
  return bind_one(s, i, a.val());
}

bool bind_parameters(sqlite3_stmt* s, Value params) {
  int needed = sqlite3_bind_parameter_count(s);
  Type* t = type_of(params);
  if (is_tuple_exact(params) || is_list_exact(params) || (!is_dict(params) && t->mp_subscript)) {
    int64_t n = length(params);
    if (n < 0) return false;
    if (n != needed) {
      err_format(g_sqlite_ProgrammingError,
                 "Incorrect number of bindings supplied. The current statement uses %d, and there are %lld "
                 "supplied.",
                 needed, static_cast<long long>(n));
      return false;
    }
    for (int i = 0; i < needed; i++) {
      Ref<> item = getitem(params, Value::small(i));
      if (!item || !bind_value(s, i + 1, item.val())) return false;
    }
    return true;
  }
  if (is_dict(params)) {
    for (int i = 1; i <= needed; i++) {
      const char* name = sqlite3_bind_parameter_name(s, i);
      if (!name) {
        err_format(g_sqlite_ProgrammingError,
                   "Binding %d has no name, but you supplied a dictionary (which has only names).", i);
        return false;
      }
      Ref<Str> key = str_from_utf8(name + 1);
      if (!key) return false;
      Ref<> item;
      if (is_dict_exact(params)) {
        int r = dict_get_item(params, key.val(), &item);
        if (r < 0) return false;
      } else {
        item = getitem(params, key.val());
        if (!item) {
          if (!err_matches(g_KeyError)) return false;
          err_clear();
        }
      }
      if (!item) {
        err_format(g_sqlite_ProgrammingError, "You did not supply a value for binding parameter :%s.", name + 1);
        return false;
      }
      if (!bind_value(s, i, item.val())) return false;
    }
    return true;
  }
  err_set_str(g_sqlite_ProgrammingError, "parameters are of unsupported type");
  return false;
}

// Clears `locked` when an operation ends.
struct Busy {
  explicit Busy(CursorObject* c) : c_(c) { c_->locked = true; }
  ~Busy() { c_->locked = false; }
  CursorObject* c_;
};

}  // namespace

// --- values ------------------------------------------------------------------------

Ref<> column_value(ConnState* st, sqlite3_stmt* s, int i) {
  switch (sqlite3_column_type(s, i)) {
    case SQLITE_INTEGER: return int_from_int64(sqlite3_column_int64(s, i));
    case SQLITE_FLOAT: return float_new(sqlite3_column_double(s, i));
    case SQLITE_NULL: return new_none();
    case SQLITE_BLOB: {
      const void* p = sqlite3_column_blob(s, i);
      int n = sqlite3_column_bytes(s, i);
      if (!p && n) return err_no_memory();
      return bytes_from(p, n);
    }
    default: break;
  }
  const char* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  int n = sqlite3_column_bytes(s, i);
  if (!p && n) return err_no_memory();
  std::string_view text(p ? p : "", n);
  Value tf = st->text_factory ? st->text_factory.val() : Value(&g_str_type);
  if (tf == Value(&g_str_type)) {
    Ref<> r = str_from_utf8(text);
    if (r || !err_matches(g_UnicodeDecodeError)) return r;
    err_clear();
    Ref<> raw = bytes_from(text);
    Ref<Str> enc = str_from_ascii("utf-8"), errs = str_from_ascii("replace");
    if (!raw || !enc || !errs) return nullptr;
    Value dargs[2] = {enc.val(), errs.val()};
    Ref<> shown = call_method(raw.val(), "decode", dargs, 2);
    if (!shown) return nullptr;
    return err_format(g_sqlite_OperationalError, "Could not decode to UTF-8 column '%s' with text '%s'",
                      sqlite3_column_name(s, i), std::string(str_view(shown.val())).c_str());
  }
  Ref<> raw = bytes_from(text);
  if (!raw || tf == Value(&g_bytes_type)) return raw;
  return call1(tf, raw.val());
}

namespace {

// The current row as a tuple (converters applied), then steps to the next
// one. Null without an exception when there is no row. Lock held.
Ref<> next_row_locked(CursorObject* c, ConnState* st) {
  if (!c->stmt || !c->has_row) return nullptr;
  sqlite3_stmt* s = c->stmt->st;
  int n = sqlite3_data_count(s);
  Ref<Tuple> row = tuple_new(n);
  if (!row) return nullptr;
  for (int i = 0; i < n; i++) {
    Ref<> v;
    Ref<> conv_ref;
    if (c->converters) conv_ref = list_get_or_null(c->converters, i);
    Value conv = conv_ref.val();
    if (conv && !is_none(conv)) {
      // NULL and zero-sized values give None without calling the converter.
      const void* p = sqlite3_column_blob(s, i);
      if (!p) {
        v = new_none();
      } else {
        Ref<> raw = bytes_from(p, sqlite3_column_bytes(s, i));
        if (!raw) return nullptr;
        v = call1(conv, raw.val());
      }
    } else {
      v = column_value(st, s, i);
    }
    if (!v) return nullptr;
    tuple_init_item(row.get(), i, std::move(v));
  }
  int rc = stmt_step(s);
  if (rc == SQLITE_ROW) return row;
  if (rc != SQLITE_DONE) {
    sqlite_raise_error(sqlite3_db_handle(s));
    release_stmt(c);
    return nullptr;
  }
  // A DML statement with RETURNING counts its changes once it is done.
  if (c->stmt->is_dml) c->rowcount = sqlite3_changes(sqlite3_db_handle(s));
  release_stmt(c);
  return row;
}

// Fetches one row with row_factory applied; null without an exception at
// the end.
Ref<> fetch_one(Value self) {
  CursorObject* c = cur_of(self);
  Ref<> row, rf;
  {
    CursorLock lock(c);
    if (!check_cursor(c)) return nullptr;
    Busy busy(c);  // a converter that uses this cursor is refused
    row = next_row_locked(c, lock.st);
    if (!row) return nullptr;
    rf = Ref<>::borrow(c->row_factory);
  }
  if (!is_none(rf.val())) return call2(rf.val(), self, row.val());
  return row;
}

Ref<> cursor_iternext(Value self) { return fetch_one(self); }

Ref<> cursor_iter(Value self) { return Ref<>::borrow(self); }

Ref<> cursor_fetchone(Value self, Value*) {
  Ref<> r = fetch_one(self);
  if (!r && !err_occurred()) return new_none();
  return r;
}

// Up to `max` rows; as in CPython, a size of 0 or less means all of them.
Ref<> fetch_list(Value self, int64_t max) {
  Ref<List> out = list_new();
  if (!out) return nullptr;
  for (int64_t i = 0; max <= 0 || i < max; i++) {
    Ref<> r = fetch_one(self);
    if (!r) {
      if (err_occurred()) return nullptr;
      break;
    }
    if (list_append(out.val(), r.val()) < 0) return nullptr;
  }
  return out;
}

Ref<> cursor_fetchmany(Value self, Value* args) {
  int64_t n;
  if (args[0].is_null()) {
    CursorLock lock(cur_of(self));
    n = cur_of(self)->arraysize;
  } else {
    int32_t v;
    if (!to_c_int(args[0], &v)) return nullptr;
    n = v;
  }
  return fetch_list(self, n);
}

Ref<> cursor_fetchall(Value self, Value*) { return fetch_list(self, -1); }

Ref<> cursor_execute_m(Value self, Value* args) { return cursor_execute(self, args[0], args[1], false); }
Ref<> cursor_executemany_m(Value self, Value* args) { return cursor_execute(self, args[0], args[1], true); }
Ref<> cursor_executescript_m(Value self, Value* args) { return cursor_executescript_impl(self, args[0]); }

Ref<> cursor_close(Value self, Value*) {
  CursorObject* c = cur_of(self);
  if (!c->connection) return err_set_str(g_sqlite_ProgrammingError, "Base Cursor.__init__ not called.");
  CursorLock lock(c);
  if (c->locked) return err_set_str(g_sqlite_ProgrammingError, "Recursive use of cursors not allowed.");
  if (!conn_check(lock.st)) return nullptr;
  release_stmt(c);
  c->closed = true;
  return new_none();
}

Ref<> cursor_noop(Value, Value*) { return new_none(); }

Ref<> get_connection(Value self) {
  CursorObject* c = cur_of(self);
  return c->connection ? Ref<>::borrow(c->connection) : new_none();
}

#define LOCKED_GETTER(field)                 \
  Ref<> get_##field(Value self) {            \
    CursorObject* c = cur_of(self);          \
    CursorLock lock(c);                      \
    return Ref<>::borrow(c->field);          \
  }
LOCKED_GETTER(description)
LOCKED_GETTER(lastrowid)
LOCKED_GETTER(row_factory)
#undef LOCKED_GETTER

Ref<> get_rowcount(Value self) {
  CursorObject* c = cur_of(self);
  CursorLock lock(c);
  return int_from_int64(c->rowcount);
}

Ref<> get_arraysize(Value self) {
  CursorObject* c = cur_of(self);
  CursorLock lock(c);
  return int_from_int64(c->arraysize);
}

int set_arraysize(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_AttributeError, "cannot delete attribute");
    return -1;
  }
  int32_t n;
  if (!to_c_int(v, &n)) return -1;
  CursorObject* c = cur_of(self);
  CursorLock lock(c);
  c->arraysize = n;
  return 0;
}

int set_row_factory(Value self, Value v) {
  CursorObject* c = cur_of(self);
  Ref<> nv = v.is_null() ? new_none() : Ref<>::borrow(v);
  Value old;
  {
    CursorLock lock(c);
    old = c->row_factory;
    c->row_factory = nv.release();
  }
  decref(old);
  return 0;
}

const MethodDef kCursorMethods[] = {
    {"execute($self, sql, parameters=(), /)", cursor_execute_m, "Executes an SQL statement."},
    {"executemany($self, sql, seq_of_parameters, /)", cursor_executemany_m, "Repeatedly executes an SQL statement."},
    {"executescript($self, sql_script, /)", cursor_executescript_m, "Executes multiple SQL statements at once."},
    {"fetchone($self, /)", cursor_fetchone, "Fetches one row from the resultset."},
    {"fetchmany($self, /, size=?)", cursor_fetchmany, "Fetches several rows from the resultset."},
    {"fetchall($self, /)", cursor_fetchall, "Fetches all rows from the resultset."},
    {"close($self, /)", cursor_close, "Closes the cursor."},
    {"setinputsizes($self, sizes, /)", cursor_noop, "Required by DB-API. Does nothing in sqlite3."},
    {"setoutputsize($self, size, column=None, /)", cursor_noop, "Required by DB-API. Does nothing in sqlite3."},
    {nullptr}};

const GetSetDef kCursorGetSets[] = {
    {"connection", get_connection, nullptr, nullptr},
    {"description", get_description, nullptr, nullptr},
    {"lastrowid", get_lastrowid, nullptr, nullptr},
    {"rowcount", get_rowcount, nullptr, nullptr},
    {"arraysize", get_arraysize, set_arraysize, nullptr},
    {"row_factory", get_row_factory, set_row_factory, nullptr},
    {nullptr}};

}  // namespace

Ref<> cursor_execute(Value self, Value sql, Value params, bool many) {
  CursorObject* c = cur_of(self);
  if (!is_str(sql))
    return err_format(g_TypeError, "%s() argument 1 must be str, not %s", many ? "executemany" : "execute",
                      type_name(type_of(sql)));
  CursorLock lock(c);
  if (!check_cursor(c)) return nullptr;
  ConnState* st = lock.st;
  Busy busy(c);
  release_stmt(c);
  Ref<> iter;
  if (many && !(iter = get_iter(params))) return nullptr;
  set_field(&c->description, new_none());
  c->rowcount = -1;
  auto* stmt = new Stmt();
  if (!conn_prepare(st, sql, stmt)) {
    delete stmt;
    return nullptr;
  }
  c->stmt = stmt;
  if (!stmt->st) {  // empty or only comments
    release_stmt(c);
    return Ref<>::borrow(self);
  }
  if (many && !stmt->is_dml) {
    release_stmt(c);
    return err_set_str(g_sqlite_ProgrammingError, "executemany() can only execute DML statements.");
  }
  if (st->has_begin && stmt->is_dml && sqlite3_get_autocommit(st->db) &&
      !conn_exec_simple(st, st->begin_statement.c_str())) {
    release_stmt(c);
    return nullptr;
  }
  if (!build_converters(c, st, stmt->st)) {
    release_stmt(c);
    return nullptr;
  }
  c->rowcount = stmt->is_dml ? 0 : -1;
  bool first = true;
  for (;;) {
    Ref<> p;
    if (many) {
      p = iter_next(iter.val());
      if (!p) {
        if (err_occurred()) break;
        break;
      }
    } else {
      if (!first) break;
      p = Ref<>::borrow(params);
    }
    first = false;
    sqlite3_reset(stmt->st);
    sqlite3_clear_bindings(stmt->st);
    if (!bind_parameters(stmt->st, p.val())) break;
    int rc = stmt_step(stmt->st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      sqlite_raise_error(st->db);
      break;
    }
    if (!build_description(c, st, stmt->st)) break;
    if (rc == SQLITE_ROW) {
      if (many) {
        err_set_str(g_sqlite_ProgrammingError, "executemany() can only execute DML statements.");
        break;
      }
      c->has_row = true;
    } else if (stmt->is_dml) {
      c->rowcount += sqlite3_changes(st->db);
    }
    if (!many) {
      Ref<> lr = int_from_int64(sqlite3_last_insert_rowid(st->db));
      if (!lr) break;
      set_field(&c->lastrowid, std::move(lr));
    }
  }
  if (err_occurred()) {
    c->rowcount = -1;
    release_stmt(c);
    return nullptr;
  }
  if (!c->has_row) release_stmt(c);
  return Ref<>::borrow(self);
}

Ref<> cursor_executescript_impl(Value self, Value script) {
  CursorObject* c = cur_of(self);
  if (!is_str(script))
    return err_format(g_TypeError, "executescript() argument must be str, not %s", type_name(type_of(script)));
  std::string sql;
  if (!str_utf8_strict(script.as<Str>(), &sql)) return nullptr;
  if (sql.find('\0') != std::string::npos) return err_set_str(g_ValueError, "embedded null character");
  CursorLock lock(c);
  if (!check_cursor(c)) return nullptr;
  ConnState* st = lock.st;
  Busy busy(c);
  release_stmt(c);
  if (static_cast<int64_t>(sql.size()) > sqlite3_limit(st->db, SQLITE_LIMIT_SQL_LENGTH, -1))
    return err_set_str(g_sqlite_DataError, "query string is too large");
  if (!sqlite3_get_autocommit(st->db) && !conn_exec_simple(st, "COMMIT")) return nullptr;
  const char* p = sql.c_str();
  for (;;) {
    sqlite3_stmt* s = nullptr;
    const char* tail = nullptr;
    int rc;
    {
      DetachedScope d;
      rc = sqlite3_prepare_v2(st->db, p, -1, &s, &tail);
      if (rc == SQLITE_OK && s) {
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        }
        rc = sqlite3_finalize(s);
      }
    }
    if (rc != SQLITE_OK) return sqlite_raise_error(st->db);
    if (!tail || !*tail) break;
    p = tail;
  }
  return Ref<>::borrow(self);
}

void sqlite_cursor_type_init() {
  Type* t = &g_sqlite_cursor_type;
  t->name = "sqlite3.Cursor";
  t->basic_size = sizeof(CursorObject);
  t->flags = kTypeBaseType | kTypeHasGc;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  t->weaklist_offset = static_cast<int32_t>(offsetof(CursorObject, weakreflist));
#pragma GCC diagnostic pop
  t->tp_new = cursor_new;
  t->tp_init = cursor_init;
  t->tp_dealloc = cursor_dealloc;
  t->tp_traverse = cursor_traverse;
  t->tp_clear = cursor_clear;
  t->tp_iter = cursor_iter;
  t->tp_iternext = cursor_iternext;
  t->methods = kCursorMethods;
  t->getsets = kCursorGetSets;
  t->doc = "SQLite database cursor class.";
  type_ready(t);
}

}  // namespace ftpy
