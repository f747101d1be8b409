// sqlite3.Connection: opening and closing, transactions (the implicit BEGIN
// before DML of CPython 3.11), the statement cache, user functions,
// aggregates, collations, the authorizer/progress/trace callbacks, backup.
//
// Thread safety: the handle is opened in SQLite's multi-thread mode
// (SQLITE_OPEN_NOMUTEX) and every Connection owns a ConnState whose
// recursive mutex, waited on
// detached, guards the handle, the statement cache, the Python-valued
// settings and the state of every cursor over it; prepare/step run detached
// with the mutex held and callbacks into Python re-attach (see
// sqlite3_internal.h for the whole model).
#include <chrono>
#include <thread>

#include "modules/sqlite3_internal.h"
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
#include "modules/buffer_util.h"
#include "modules/module_args.h"
#include "runtime/heap.h"
#include "vm/import.h"
#include "modules/lazy/sqlite3_lazy.h"  // last: redirects the library's names

namespace ftpy {

// Thread safety: a per-connection recursive mutex (ConnState::mu) held through
// every operation, waited on detached; SQLite in multi-thread mode underneath.
Type g_sqlite_connection_type;
// The result of Connection.__call__; carries no state (immutable).
Type g_sqlite_statement_type;

// --- statement cache ---------------------------------------------------------

bool StmtCache::take(const std::string& sql, Stmt* out) {
  auto it = index_.find(sql);
  if (it == index_.end()) return false;
  *out = std::move(*it->second);
  lru_.erase(it->second);
  index_.erase(it);
  return true;
}

void StmtCache::put(Stmt s) {
  if (max_ == 0) {
    sqlite3_finalize(s.st);
    return;
  }
  lru_.push_front(std::move(s));
  index_.emplace(lru_.front().sql, lru_.begin());
  while (lru_.size() > max_) {
    Stmt& old = lru_.back();
    auto range = index_.equal_range(old.sql);
    for (auto it = range.first; it != range.second; ++it)
      if (it->second == std::prev(lru_.end())) {
        index_.erase(it);
        break;
      }
    sqlite3_finalize(old.st);
    lru_.pop_back();
  }
}

void StmtCache::clear() {
  for (Stmt& s : lru_) sqlite3_finalize(s.st);
  lru_.clear();
  index_.clear();
}

// --- shared helpers ----------------------------------------------------------

bool conn_check(ConnState* st, bool check_thread) {
  if (!st->initialized) {
    err_set_str(g_sqlite_ProgrammingError, "Base Connection.__init__ not called.");
    return false;
  }
  if (check_thread && st->check_same_thread && tstate()->ident != st->thread_ident) {
    err_format(g_sqlite_ProgrammingError,
               "SQLite objects created in a thread can only be used in that same thread. The object was "
               "created in thread id %lu and this is thread id %lu.",
               static_cast<unsigned long>(st->thread_ident), static_cast<unsigned long>(tstate()->ident));
    return false;
  }
  if (!st->db) {
    err_set_str(g_sqlite_ProgrammingError, "Cannot operate on a closed database.");
    return false;
  }
  return true;
}

namespace {

// CPython 3.11's lstrip_sql: the first character after whitespace and
// comments, or null if there is none.
const char* lstrip_sql(const char* p) {
  for (; *p; p++) {
    switch (*p) {
      case ' ': case '\t': case '\f': case '\n': case '\r': break;
      case '-':
        if (p[1] == '-') {
          p += 2;
          while (*p && *p != '\n') p++;
          if (!*p) return nullptr;
          continue;
        }
        return p;
      case '/':
        if (p[1] == '*') {
          p += 2;
          while (*p && (p[0] != '*' || p[1] != '/')) p++;
          if (!*p) return nullptr;
          p++;
          continue;
        }
        return p;
      default: return p;
    }
  }
  return nullptr;
}

bool starts_with_nocase(const char* p, const char* word) {
  for (; *word; ++p, ++word)
    if (!*p || (*p | 0x20) != *word) return false;
  return true;
}

}  // namespace

int stmt_step(sqlite3_stmt* s) {
  DetachedScope d;
  return sqlite3_step(s);
}

bool conn_prepare(ConnState* st, Value sql_str, Stmt* out) {
  std::string sql;
  if (!str_utf8_strict(sql_str.as<Str>(), &sql)) return false;
  if (sql.find('\0') != std::string::npos) {
    err_set_str(g_sqlite_ProgrammingError, "the query contains a null character");
    return false;
  }
  if (static_cast<int64_t>(sql.size()) > sqlite3_limit(st->db, SQLITE_LIMIT_SQL_LENGTH, -1)) {
    err_set_str(g_sqlite_DataError, "query string is too large");
    return false;
  }
  if (st->cache.take(sql, out)) return true;
  sqlite3_stmt* s = nullptr;
  const char* tail = nullptr;
  int rc;
  {
    DetachedScope d;
    rc = sqlite3_prepare_v2(st->db, sql.c_str(), static_cast<int>(sql.size() + 1), &s, &tail);
  }
  if (rc != SQLITE_OK) {
    sqlite_raise_error(st->db);
    sqlite3_finalize(s);
    return false;
  }
  if (tail && lstrip_sql(tail)) {
    sqlite3_finalize(s);
    err_set_str(g_sqlite_ProgrammingError, "You can only execute one statement at a time.");
    return false;
  }
  out->st = s;
  out->sql = std::move(sql);
  const char* p = lstrip_sql(out->sql.c_str());
  out->is_dml = p && (starts_with_nocase(p, "insert") || starts_with_nocase(p, "update") ||
                      starts_with_nocase(p, "delete") || starts_with_nocase(p, "replace"));
  return true;
}

void conn_release_stmt(ConnState* st, Stmt* s) {
  if (!s->st) return;
  // Closed, or re-opened by a second __init__ since the statement was made.
  if (!st->db || sqlite3_db_handle(s->st) != st->db) {
    sqlite3_finalize(s->st);
    return;
  }
  sqlite3_reset(s->st);
  sqlite3_clear_bindings(s->st);
  st->cache.put(std::move(*s));
}

bool conn_exec_simple(ConnState* st, const char* sql) {
  sqlite3_stmt* s = nullptr;
  int rc;
  {
    DetachedScope d;
    rc = sqlite3_prepare_v2(st->db, sql, -1, &s, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
  }
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    sqlite_raise_error(st->db);
    sqlite3_finalize(s);
    return false;
  }
  sqlite3_finalize(s);
  return true;
}

namespace {

ConnState* self_state(Value self) { return conn_state(self); }

// Validates an isolation level and sets the begin statement. Lock held.
bool set_isolation_level(ConnState* st, Value v) {
  if (is_none(v)) {
    st->has_begin = false;
    st->begin_statement.clear();
  } else {
    if (!is_str(v)) {
      err_set_str(g_TypeError, "isolation_level must be str or None");
      return false;
    }
    std::string level(str_view(v));
    std::string up;
    for (char c : level) up += static_cast<char>((c >= 'a' && c <= 'z') ? c - 32 : c);
    if (!(up.empty() || up == "DEFERRED" || up == "IMMEDIATE" || up == "EXCLUSIVE")) {
      err_set_str(g_ValueError, "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
      return false;
    }
    // The stored level is the canonical spelling, as CPython keeps it.
    Ref<Str> canon = str_from_ascii(up);
    if (!canon) return false;
    st->has_begin = true;
    st->begin_statement = "BEGIN " + up;
    st->isolation_level = std::move(canon);
    return true;
  }
  st->isolation_level = Ref<>::borrow(v);
  return true;
}

// Closes the handle (statements first). Lock held.
bool close_locked(ConnState* st) {
  if (!st->db) return true;
  sqlite_close_blobs_locked(st);
  st->cache.clear();
  int rc;
  {
    std::lock_guard<std::mutex> g(st->interrupt_mu);
    rc = sqlite3_close_v2(st->db);
    if (rc == SQLITE_OK) st->db = nullptr;
  }
  if (rc != SQLITE_OK) {
    sqlite_raise_error(st->db);
    return false;
  }
  return true;
}

Ref<> conn_new(Type* type, const Value*, size_t, Value) {
  auto* o = alloc_object<ConnectionObject>(type, type->basic_size);
  if (!o) return nullptr;
  o->st = new ConnState();
  Ref<> self = Ref<>::steal(Value(o));
  Ref<List> cbs = list_new();
  if (!cbs) return nullptr;
  o->st->callbacks = std::move(cbs);
  o->st->isolation_level = Ref<>::borrow(str_empty());
  o->st->row_factory = new_none();
  o->st->text_factory = Ref<>::borrow(Value(&g_str_type));
  return self;
}

int conn_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature(
      "Connection(database, timeout=5.0, detect_types=0, isolation_level='', check_same_thread=True, "
      "factory=None, cached_statements=128, uri=False)",
      nullptr);
  Value a[8];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return -1;
  // The database name: str, bytes or os.PathLike.
  Ref<> path = Ref<>::borrow(a[0]);
  if (!is_str(path.val()) && !is_bytes(path.val())) {
    Ref<> fs = getattr_opt(type_of(path.val()), Value(str_intern("__fspath__")));
    if (!fs) {
      if (err_occurred()) return -1;
      err_format(g_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(type_of(a[0])));
      return -1;
    }
    path = call1(fs.val(), a[0]);
    if (!path) return -1;
  }
  std::string db_name;
  if (is_str(path.val())) {
    if (!str_utf8_strict(path.val().as<Str>(), &db_name)) return -1;
  } else if (is_bytes(path.val())) {
    db_name = std::string(bytes_view(path.val()));
  } else {
    err_format(g_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(type_of(a[0])));
    return -1;
  }
  double timeout;
  int32_t detect_types, cached;
  if (!to_double(a[1], &timeout) || !to_c_int(a[2], &detect_types) || !to_c_int(a[6], &cached)) return -1;
  int same_thread = truthy(a[4]);
  int uri = truthy(a[7]);
  if (same_thread < 0 || uri < 0) return -1;
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!set_isolation_level(st, a[3])) return -1;
  if (!close_locked(st)) return -1;
  st->initialized = false;
  // A second __init__ starts from the defaults again, as in CPython.
  Ref<> old_rf = std::move(st->row_factory), old_tf = std::move(st->text_factory);
  st->row_factory = new_none();
  st->text_factory = Ref<>::borrow(Value(&g_str_type));
  sqlite3* db = nullptr;
  int rc;
  {
    DetachedScope d;
    rc = sqlite3_open_v2(db_name.c_str(), &db,
                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                             (uri ? SQLITE_OPEN_URI : 0),
                         nullptr);
  }
  if (rc != SQLITE_OK) {
    if (db) {
      sqlite_raise_error(db);
      sqlite3_close_v2(db);
    } else {
      err_no_memory();
    }
    return -1;
  }
  sqlite3_busy_timeout(db, static_cast<int>(timeout * 1000));
  st->db = db;
  st->detect_types = detect_types;
  st->check_same_thread = same_thread != 0;
  st->thread_ident = tstate()->ident;
  st->cache.set_max(cached < 0 ? 0 : static_cast<size_t>(cached));
  st->initialized = true;
  return 0;
}

void conn_traverse(Object* o, VisitFn visit, void* arg) {
  ConnState* st = static_cast<ConnectionObject*>(o)->st;
  for (const Ref<>* r : {&st->isolation_level, &st->row_factory, &st->text_factory, &st->callbacks,
                         &st->authorizer, &st->progress_handler, &st->trace_callback})
    if (*r) visit(r->val(), arg);
}

void conn_clear(Object* o) {
  ConnState* st = static_cast<ConnectionObject*>(o)->st;
  Ref<> drop[7];
  {
    ConnLock lock(st->mu);
    drop[0] = std::move(st->row_factory);
    drop[1] = std::move(st->text_factory);
    drop[2] = std::move(st->authorizer);
    drop[3] = std::move(st->progress_handler);
    drop[4] = std::move(st->trace_callback);
    drop[5] = std::move(st->isolation_level);
    // The callbacks list stays: SQLite still points at its items until close.
  }
}

void conn_dealloc(Object* o) {
  auto* c = static_cast<ConnectionObject*>(o);
  ConnState* st = c->st;
  st->cache.clear();
  if (st->db) sqlite3_close_v2(st->db);  // a zombie until cursors finalise their statements
  delete st;
  free_object(o);
}

// --- methods -------------------------------------------------------------------

Ref<> make_cursor(Value self, Value factory) {
  ConnState* st = self_state(self);
  {
    ConnLock lock(st->mu);
    if (!conn_check(st)) return nullptr;
  }
  Ref<> cur = call1(factory.is_null() ? Value(&g_sqlite_cursor_type) : factory, self);
  if (!cur) return nullptr;
  if (!is_subtype(type_of(cur.val()), &g_sqlite_cursor_type))
    return err_format(g_TypeError, "factory must return a cursor, not %s", type_name(type_of(cur.val())));
  Ref<> rf;
  {
    ConnLock lock(st->mu);
    rf = st->row_factory;
  }
  if (rf && !is_none(rf.val())) {
    auto* c = cur.val().as<CursorObject>();
    Ref<> old;
    ConnLock lock(st->mu);
    old = Ref<>::steal(c->row_factory);
    c->row_factory = rf.release();
  }
  return cur;
}

Ref<> conn_cursor(Value self, Value* args) { return make_cursor(self, args[0]); }

Ref<> conn_execute(Value self, Value* args) {
  Ref<> cur = make_cursor(self, Value());
  if (!cur) return nullptr;
  return cursor_execute(cur.val(), args[0], args[1], false);
}

Ref<> conn_executemany(Value self, Value* args) {
  Ref<> cur = make_cursor(self, Value());
  if (!cur) return nullptr;
  return cursor_execute(cur.val(), args[0], args[1], true);
}

Ref<> conn_executescript(Value self, Value* args) {
  Ref<> cur = make_cursor(self, Value());
  if (!cur) return nullptr;
  return cursor_executescript_impl(cur.val(), args[0]);
}

Ref<> conn_end_transaction(Value self, const char* sql) {
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  if (!sqlite3_get_autocommit(st->db) && !conn_exec_simple(st, sql)) return nullptr;
  return new_none();
}

Ref<> conn_commit(Value self, Value*) { return conn_end_transaction(self, "COMMIT"); }
Ref<> conn_rollback(Value self, Value*) { return conn_end_transaction(self, "ROLLBACK"); }

Ref<> conn_close(Value self, Value*) {
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!st->initialized || (st->check_same_thread && tstate()->ident != st->thread_ident))
    return (void)conn_check(st), nullptr;
  if (!close_locked(st)) return nullptr;
  return new_none();
}

Ref<> conn_enter(Value self, Value*) {
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  return Ref<>::borrow(self);
}

Ref<> conn_exit(Value self, Value* args) {
  bool ok = is_none(args[0]);
  Ref<> r = conn_end_transaction(self, ok ? "COMMIT" : "ROLLBACK");
  if (!r) {
    if (!ok) return nullptr;
    // A failed commit is rolled back; the commit's error is the one raised.
    Ref<> exc = err_fetch();
    Ref<> r2 = conn_end_transaction(self, "ROLLBACK");
    if (!r2) err_clear();
    err_restore(std::move(exc));
    return nullptr;
  }
  return new_bool(false);
}

// --- callbacks --------------------------------------------------------------------

// Reports (enable_callback_tracebacks) or clears the pending exception of a
// failed callback.
void callback_error(Value callable) {
  if (sqlite_callback_tracebacks())
    err_write_unraisable(nullptr, callable);
  else
    err_clear();
}

// Gives a Python result to SQLite; false (exception pending, or none for an
// unsupported type) if it cannot.
bool set_result(sqlite3_context* ctx, Value v) {
  if (is_none(v)) {
    sqlite3_result_null(ctx);
  } else if (is_int(v)) {
    int64_t x;
    if (!int_as_int64(v, &x)) {
      err_set_str(g_OverflowError, "Python int too large to convert to SQLite INTEGER");
      return false;
    }
    sqlite3_result_int64(ctx, x);
  } else if (is_float(v)) {
    sqlite3_result_double(ctx, float_value(v));
  } else if (is_str(v)) {
    std::string u;
    if (!str_utf8_strict(v.as<Str>(), &u)) return false;
    sqlite3_result_text64(ctx, u.data(), u.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } else {
    std::string b;
    if (sqlite_blob_bytes(v, &b) <= 0) return false;
    sqlite3_result_blob64(ctx, b.data(), b.size(), SQLITE_TRANSIENT);
  }
  return true;
}

void result_error(sqlite3_context* ctx, Value callable, const char* msg) {
  if (err_matches(g_OverflowError)) {
    sqlite3_result_error_toobig(ctx);
  } else if (err_matches(g_MemoryError)) {
    sqlite3_result_error_nomem(ctx);
  } else {
    sqlite3_result_error(ctx, msg, -1);
  }
  callback_error(callable);
}

bool build_args(int argc, sqlite3_value** argv, std::vector<Ref<>>* out) {
  for (int i = 0; i < argc; i++) {
    Ref<> v = sqlite_value_to_py(argv[i]);
    if (!v) return false;
    out->push_back(std::move(v));
  }
  return true;
}

Ref<> call_with(Value f, const std::vector<Ref<>>& args) {
  std::vector<Value> raw;
  for (const Ref<>& r : args) raw.push_back(r.val());
  return call(f, raw.data(), raw.size());
}

void func_callback(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  CallbackAttach attach;
  Value func(static_cast<Object*>(sqlite3_user_data(ctx)));
  std::vector<Ref<>> args;
  Ref<> res;
  if (build_args(argc, argv, &args)) res = call_with(func, args);
  if (res && set_result(ctx, res.val())) return;
  result_error(ctx, func, "user-defined function raised exception");
}

// The aggregate instance of `ctx`, made by calling the class on first use;
// null after reporting a failure as the result.
Value agg_instance(sqlite3_context* ctx, Value cls) {
  auto* slot = static_cast<uint64_t*>(sqlite3_aggregate_context(ctx, sizeof(uint64_t)));
  if (!slot) {
    sqlite3_result_error_nomem(ctx);
    return Value();
  }
  if (*slot == 0) {
    Ref<> inst = call0(cls);
    if (!inst) {
      result_error(ctx, cls, "user-defined aggregate's '__init__' method raised error");
      return Value();
    }
    *slot = inst.release().bits();
  }
  return Value(*slot);
}

// inst.<meth>(*argv) for an aggregate or window function; false after
// reporting a failure as the result.
bool agg_call(sqlite3_context* ctx, Value cls, Value inst, const char* meth, int argc, sqlite3_value** argv,
              Ref<>* out) {
  Ref<> m = getattr(inst, meth);
  if (!m) {
    std::string msg = std::string("user-defined aggregate's '") + meth + "' method not defined";
    result_error(ctx, cls, msg.c_str());
    return false;
  }
  std::vector<Ref<>> args;
  Ref<> res;
  if (build_args(argc, argv, &args)) res = call_with(m.val(), args);
  if (!res) {
    std::string msg = std::string("user-defined aggregate's '") + meth + "' method raised error";
    result_error(ctx, cls, msg.c_str());
    return false;
  }
  if (out) *out = std::move(res);
  return true;
}

void step_callback(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  CallbackAttach attach;
  Value cls(static_cast<Object*>(sqlite3_user_data(ctx)));
  Value inst = agg_instance(ctx, cls);
  if (inst) agg_call(ctx, cls, inst, "step", argc, argv, nullptr);
}

void inverse_callback(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  CallbackAttach attach;
  Value cls(static_cast<Object*>(sqlite3_user_data(ctx)));
  Value inst = agg_instance(ctx, cls);
  if (inst) agg_call(ctx, cls, inst, "inverse", argc, argv, nullptr);
}

void value_callback(sqlite3_context* ctx) {
  CallbackAttach attach;
  Value cls(static_cast<Object*>(sqlite3_user_data(ctx)));
  Value inst = agg_instance(ctx, cls);
  Ref<> res;
  if (!inst || !agg_call(ctx, cls, inst, "value", 0, nullptr, &res)) return;
  if (!set_result(ctx, res.val())) result_error(ctx, cls, "user-defined aggregate's 'value' method raised error");
}

void final_callback(sqlite3_context* ctx) {
  CallbackAttach attach;
  Value cls(static_cast<Object*>(sqlite3_user_data(ctx)));
  auto* slot = static_cast<uint64_t*>(sqlite3_aggregate_context(ctx, 0));
  if (!slot || *slot == 0) return;  // __init__ failed: its error is already the result
  Ref<> inst = Ref<>::steal(Value(*slot));
  *slot = 0;
  // An error from step() stays the result.
  Ref<> fin = getattr(inst.val(), "finalize");
  if (!fin) {
    result_error(ctx, cls, "user-defined aggregate's 'finalize' method not defined");
    return;
  }
  Ref<> res = call0(fin.val());
  if (res && set_result(ctx, res.val())) return;
  result_error(ctx, cls, "user-defined aggregate's 'finalize' method raised error");
}

int collation_callback(void* ud, int n1, const void* p1, int n2, const void* p2) {
  CallbackAttach attach;
  Value func(static_cast<Object*>(ud));
  Ref<> a = str_from_utf8(std::string_view(static_cast<const char*>(p1), n1));
  Ref<> b = a ? Ref<>(str_from_utf8(std::string_view(static_cast<const char*>(p2), n2))) : Ref<>();
  Ref<> res = b ? call2(func, a.val(), b.val()) : Ref<>();
  int out = 0;
  if (res && is_int(res.val())) {
    int s = int_sign(res.val());
    out = s > 0 ? 1 : s < 0 ? -1 : 0;
  } else if (!res) {
    callback_error(func);
  }
  return out;
}

Ref<> opt_text(const char* s) { return s ? Ref<>(str_from_utf8(s)) : new_none(); }

int authorizer_callback(void* ud, int action, const char* a1, const char* a2, const char* dbname,
                        const char* source) {
  CallbackAttach attach;
  Value func(static_cast<Object*>(ud));
  Ref<> act = int_from_int64(action);
  Ref<> s1 = opt_text(a1), s2 = opt_text(a2), s3 = opt_text(dbname), s4 = opt_text(source);
  if (!act || !s1 || !s2 || !s3 || !s4) {
    callback_error(func);
    return SQLITE_DENY;
  }
  Value argv[5] = {act.val(), s1.val(), s2.val(), s3.val(), s4.val()};
  Ref<> res = call(func, argv, 5);
  int64_t rc;
  if (!res) {
    callback_error(func);
    return SQLITE_DENY;
  }
  if (!is_int(res.val()) || !int_as_int64(res.val(), &rc) || rc < INT32_MIN || rc > INT32_MAX) return SQLITE_DENY;
  return static_cast<int>(rc);
}

int progress_callback(void* ud) {
  CallbackAttach attach;
  Value func(static_cast<Object*>(ud));
  Ref<> res = call0(func);
  if (!res) {
    callback_error(func);
    return -1;
  }
  int t = truthy(res.val());
  if (t < 0) {
    callback_error(func);
    return -1;
  }
  return t;
}

int trace_callback(unsigned type, void* ud, void* p, void*) {
  if (type != SQLITE_TRACE_STMT) return 0;
  CallbackAttach attach;
  Value func(static_cast<Object*>(ud));
  auto* stmt = static_cast<sqlite3_stmt*>(p);
  char* expanded = sqlite3_expanded_sql(stmt);
  if (!expanded) {
    // Longer than SQLITE_LIMIT_LENGTH: reported, then the unexpanded SQL.
    err_set_str(g_sqlite_DataError, "Expanded SQL string exceeds the maximum string length");
    callback_error(func);
  }
  Ref<> text = str_from_utf8(expanded ? expanded : sqlite3_sql(stmt));
  sqlite3_free(expanded);
  Ref<> res = text ? call1(func, text.val()) : Ref<>();
  if (!res) callback_error(func);
  return 0;
}

// Keeps `v` alive as long as the connection (SQLite holds it borrowed).
bool keep_alive(ConnState* st, Value v) { return list_append(st->callbacks.val(), v) >= 0; }

Ref<> conn_create_function(Value self, Value* args) {
  Value name = args[0], func = args[2];
  if (!is_str(name))
    return err_format(g_TypeError, "create_function() argument 'name' must be str, not %s", type_name(type_of(name)));
  int32_t narg;
  if (!to_c_int(args[1], &narg)) return nullptr;
  int det = truthy(args[3]);
  if (det < 0) return nullptr;
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  int flags = SQLITE_UTF8 | (det ? SQLITE_DETERMINISTIC : 0);
  std::string n;
  if (!str_utf8_strict(name.as<Str>(), &n)) return nullptr;
  // As in CPython, None is registered like any object (calling it fails).
  if (!keep_alive(st, func)) return nullptr;
  int rc = sqlite3_create_function_v2(st->db, n.c_str(), narg, flags, func.obj(), func_callback, nullptr, nullptr,
                                      nullptr);
  if (rc != SQLITE_OK) return err_set_str(g_sqlite_OperationalError, "Error creating function");
  return new_none();
}

Ref<> conn_create_aggregate(Value self, Value* args) {
  Value name = args[0], cls = args[2];
  if (!is_str(name))
    return err_format(g_TypeError, "create_aggregate() argument 'name' must be str, not %s",
                      type_name(type_of(name)));
  int32_t narg;
  if (!to_c_int(args[1], &narg)) return nullptr;
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  std::string n;
  if (!str_utf8_strict(name.as<Str>(), &n)) return nullptr;
  if (!keep_alive(st, cls)) return nullptr;
  int rc = sqlite3_create_function_v2(st->db, n.c_str(), narg, SQLITE_UTF8, cls.obj(), nullptr, step_callback,
                                      final_callback, nullptr);
  if (rc != SQLITE_OK) return err_set_str(g_sqlite_OperationalError, "Error creating aggregate");
  return new_none();
}

Ref<> conn_create_window_function(Value self, Value* args) {
  Value name = args[0], cls = args[2];
  if (!is_str(name))
    return err_format(g_TypeError, "create_window_function() argument 1 must be str, not %s",
                      type_name(type_of(name)));
  int32_t narg;
  if (!to_c_int(args[1], &narg)) return nullptr;
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  std::string n;
  if (!str_utf8_strict(name.as<Str>(), &n)) return nullptr;
  int rc;
  if (is_none(cls)) {
    rc = sqlite3_create_window_function(st->db, n.c_str(), narg, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr,
                                        nullptr, nullptr);
  } else {
    if (!keep_alive(st, cls)) return nullptr;
    rc = sqlite3_create_window_function(st->db, n.c_str(), narg, SQLITE_UTF8 | SQLITE_DETERMINISTIC, cls.obj(),
                                        step_callback, final_callback, value_callback, inverse_callback, nullptr);
  }
  if (rc != SQLITE_OK) return err_set_str(g_sqlite_ProgrammingError, sqlite3_errstr(rc));
  return new_none();
}

Ref<> conn_create_collation(Value self, Value* args) {
  Value name = args[0], func = args[1];
  if (!is_str(name))
    return err_format(g_TypeError, "create_collation() argument 1 must be str, not %s", type_name(type_of(name)));
  if (!is_none(func)) {
    int c = callable(func);
    if (c < 0) return nullptr;
    if (!c) return err_set_str(g_TypeError, "parameter must be callable");
  }
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  std::string n;
  if (!str_utf8_strict(name.as<Str>(), &n)) return nullptr;
  int rc;
  if (is_none(func)) {
    rc = sqlite3_create_collation_v2(st->db, n.c_str(), SQLITE_UTF8, nullptr, nullptr, nullptr);
  } else {
    if (!keep_alive(st, func)) return nullptr;
    rc = sqlite3_create_collation_v2(st->db, n.c_str(), SQLITE_UTF8, func.obj(), collation_callback, nullptr);
  }
  if (rc != SQLITE_OK) return sqlite_raise_error(st->db);
  return new_none();
}

Ref<> conn_set_authorizer(Value self, Value* args) {
  Value func = args[0];
  ConnState* st = self_state(self);
  Ref<> old;
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  int rc;
  if (is_none(func)) {
    rc = sqlite3_set_authorizer(st->db, nullptr, nullptr);
  } else {
    int c = callable(func);
    if (c < 0) return nullptr;
    if (!c) return err_set_str(g_TypeError, "parameter must be callable");
    rc = sqlite3_set_authorizer(st->db, authorizer_callback, func.obj());
  }
  if (rc != SQLITE_OK) return err_set_str(g_sqlite_OperationalError, "Error setting authorizer callback");
  old = std::move(st->authorizer);
  if (!is_none(func)) st->authorizer = Ref<>::borrow(func);
  return new_none();
}

Ref<> conn_set_progress_handler(Value self, Value* args) {
  Value func = args[0];
  int32_t n;
  if (!to_c_int(args[1], &n)) return nullptr;
  ConnState* st = self_state(self);
  Ref<> old;
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  if (is_none(func)) {
    sqlite3_progress_handler(st->db, 0, nullptr, nullptr);
  } else {
    sqlite3_progress_handler(st->db, n, progress_callback, func.obj());
  }
  old = std::move(st->progress_handler);
  if (!is_none(func)) st->progress_handler = Ref<>::borrow(func);
  return new_none();
}

Ref<> conn_set_trace_callback(Value self, Value* args) {
  Value func = args[0];
  ConnState* st = self_state(self);
  Ref<> old;
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  if (is_none(func)) {
    sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, nullptr, nullptr);
  } else {
    sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, trace_callback, func.obj());
  }
  old = std::move(st->trace_callback);
  if (!is_none(func)) st->trace_callback = Ref<>::borrow(func);
  return new_none();
}

// No lock: it must reach a statement that another thread steps under the
// connection's lock. interrupt_mu keeps close() from freeing the handle.
Ref<> conn_interrupt(Value self, Value*) {
  ConnState* st = self_state(self);
  std::lock_guard<std::mutex> g(st->interrupt_mu);
  if (!st->initialized) return err_set_str(g_sqlite_ProgrammingError, "Base Connection.__init__ not called.");
  if (!st->db) return err_set_str(g_sqlite_ProgrammingError, "Cannot operate on a closed database.");
  sqlite3_interrupt(st->db);
  return new_none();
}

Ref<> conn_iterdump(Value self, Value*) {
  ConnState* st = self_state(self);
  {
    ConnLock lock(st->mu);
    if (!conn_check(st)) return nullptr;
  }
  Ref<> mod = import_module("sqlite3.dump");
  if (!mod) return nullptr;
  Ref<> fn = getattr(mod.val(), "_iterdump");
  if (!fn) return nullptr;
  return call1(fn.val(), self);
}

Ref<> conn_backup(Value self, Value* args) {
  Value target = args[0], progress = args[2], name = args[3];
  int32_t pages;
  double sleep_s;
  if (!to_c_int(args[1], &pages) || !to_double(args[4], &sleep_s)) return nullptr;
  if (!is_subtype(type_of(target), &g_sqlite_connection_type))
    return err_format(g_TypeError, "backup() argument 'target' must be sqlite3.Connection, not %s",
                      type_name(type_of(target)));
  if (target == self) return err_set_str(g_ValueError, "target cannot be the same connection instance");
  if (!is_none(progress)) {
    int c = callable(progress);
    if (c < 0) return nullptr;
    if (!c) return err_set_str(g_TypeError, "progress argument must be a callable");
  }
  if (!is_str(name))
    return err_format(g_TypeError, "backup() argument 'name' must be str, not %s", type_name(type_of(name)));
  if (pages == 0) pages = -1;
  ConnState* st = self_state(self);
  ConnState* tst = conn_state(target);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  ConnLock tlock(tst->mu);
  if (!conn_check(tst)) return nullptr;
  std::string n;
  if (!str_utf8_strict(name.as<Str>(), &n)) return nullptr;
  sqlite3_backup* bck;
  {
    DetachedScope d;
    bck = sqlite3_backup_init(tst->db, "main", st->db, n.c_str());
  }
  if (!bck) return sqlite_raise_error(tst->db);
  int rc;
  do {
    {
      DetachedScope d;
      rc = sqlite3_backup_step(bck, pages);
    }
    if (!is_none(progress)) {
      Ref<> s = int_from_int64(rc), rem = int_from_int64(sqlite3_backup_remaining(bck)),
            cnt = int_from_int64(sqlite3_backup_pagecount(bck));
      Value argv[3] = {s.val(), rem.val(), cnt.val()};
      Ref<> r = (s && rem && cnt) ? call(progress, argv, 3) : Ref<>();
      if (!r) {
        sqlite3_backup_finish(bck);
        return nullptr;
      }
    }
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      DetachedScope d;
      std::this_thread::sleep_for(std::chrono::duration<double>(sleep_s));
    }
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  rc = sqlite3_backup_finish(bck);
  if (rc != SQLITE_OK) return sqlite_raise_error(tst->db);
  return new_none();
}

Ref<> conn_getlimit(Value self, Value* args) {
  int32_t cat;
  if (!to_c_int(args[0], &cat)) return nullptr;
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  int v = sqlite3_limit(st->db, cat, -1);
  if (v < 0) return err_set_str(g_sqlite_ProgrammingError, "'category' is out of bounds");
  return int_from_int64(v);
}

Ref<> conn_setlimit(Value self, Value* args) {
  int32_t cat, val;
  if (!to_c_int(args[0], &cat) || !to_c_int(args[1], &val)) return nullptr;
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  int v = sqlite3_limit(st->db, cat, val);
  if (v < 0) return err_set_str(g_sqlite_ProgrammingError, "'category' is out of bounds");
  return int_from_int64(v);
}

// con(sql): compiles `sql` and returns an opaque sqlite3.Statement (the
// prepared statement goes to the cache), as CPython's Connection.__call__.
Ref<> conn_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  ConnState* st = self_state(self);
  {
    ConnLock lock(st->mu);
    if (!conn_check(st)) return nullptr;
    if (!check_no_kwargs("Connection", kwnames)) return nullptr;
    if (nargs != 1) return err_format(g_TypeError, "function takes exactly 1 argument (%zu given)", nargs);
    if (!is_str(args[0]))
      return err_format(g_TypeError, "argument 1 must be str, not %s", type_name(type_of(args[0])));
    Stmt s;
    if (!conn_prepare(st, args[0], &s)) return nullptr;
    conn_release_stmt(st, &s);
  }
  Object* o = alloc_object<Object>(&g_sqlite_statement_type, g_sqlite_statement_type.basic_size);
  if (!o) return nullptr;
  return Ref<>::steal(Value(o));
}

Ref<> statement_no_new(Type* type, const Value*, size_t, Value) {
  return err_format(g_TypeError, "cannot create '%s' instances", type->name);
}

void statement_dealloc(Object* o) { free_object(o); }

// --- attributes ------------------------------------------------------------------

Ref<> get_isolation_level(Value self) {
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  return st->isolation_level;
}

int set_isolation_level_attr(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_AttributeError, "cannot delete attribute");
    return -1;
  }
  ConnState* st = self_state(self);
  Ref<> old;
  ConnLock lock(st->mu);
  if (!conn_check(st)) return -1;
  old = st->isolation_level;
  if (!set_isolation_level(st, v)) return -1;
  // None turns autocommit on: end the open transaction.
  if (is_none(v) && !sqlite3_get_autocommit(st->db) && !conn_exec_simple(st, "COMMIT")) return -1;
  return 0;
}

Ref<> get_total_changes(Value self) {
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  return int_from_int64(sqlite3_total_changes64(st->db));
}

Ref<> get_in_transaction(Value self) {
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  return new_bool(!sqlite3_get_autocommit(st->db));
}

Ref<> get_row_factory(Value self) {
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  return st->row_factory ? st->row_factory : new_none();
}

int set_row_factory(Value self, Value v) {
  ConnState* st = self_state(self);
  Ref<> old;
  ConnLock lock(st->mu);
  old = std::move(st->row_factory);
  st->row_factory = v.is_null() ? new_none() : Ref<>::borrow(v);
  return 0;
}

Ref<> get_text_factory(Value self) {
  ConnState* st = self_state(self);
  ConnLock lock(st->mu);
  return st->text_factory ? st->text_factory : new_none();
}

int set_text_factory(Value self, Value v) {
  ConnState* st = self_state(self);
  Ref<> old;
  ConnLock lock(st->mu);
  old = std::move(st->text_factory);
  st->text_factory = v.is_null() ? new_none() : Ref<>::borrow(v);
  return 0;
}

#define EXC_GETTER(N) \
  Ref<> get_##N(Value) { return Ref<>::borrow(Value(g_sqlite_##N)); }
EXC_GETTER(Warning)
EXC_GETTER(Error)
EXC_GETTER(InterfaceError)
EXC_GETTER(DatabaseError)
EXC_GETTER(DataError)
EXC_GETTER(OperationalError)
EXC_GETTER(IntegrityError)
EXC_GETTER(InternalError)
EXC_GETTER(ProgrammingError)
EXC_GETTER(NotSupportedError)
#undef EXC_GETTER

const MethodDef kConnMethods[] = {
    {"cursor($self, /, factory=?)", conn_cursor, "Return a cursor for the connection."},
    {"execute($self, sql, parameters=(), /)", conn_execute, "Executes an SQL statement."},
    {"executemany($self, sql, parameters, /)", conn_executemany, "Repeatedly executes an SQL statement."},
    {"executescript($self, sql_script, /)", conn_executescript, "Executes multiple SQL statements at once."},
    {"commit($self, /)", conn_commit, "Commit any pending transaction to the database."},
    {"rollback($self, /)", conn_rollback, "Roll back to the start of any pending transaction."},
    {"close($self, /)", conn_close, "Close the database connection."},
    {"__enter__($self, /)", conn_enter, "Called when the connection is used as a context manager."},
    {"__exit__($self, type, value, traceback, /)", conn_exit, "Called when the connection is used as a context manager."},
    {"create_function($self, /, name, narg, func, *, deterministic=False)", conn_create_function,
     "Creates a new function."},
    {"create_aggregate($self, /, name, n_arg, aggregate_class)", conn_create_aggregate, "Creates a new aggregate."},
    {"create_window_function($self, name, num_params, aggregate_class, /)", conn_create_window_function,
     "Creates or redefines an aggregate window function. Non-standard."},
    {"create_collation($self, name, callback, /)", conn_create_collation, "Creates a collation function."},
    {"set_authorizer($self, /, authorizer_callback)", conn_set_authorizer, "Sets authorizer callback."},
    {"set_progress_handler($self, /, progress_handler, n)", conn_set_progress_handler,
     "Sets progress handler callback."},
    {"set_trace_callback($self, /, trace_callback)", conn_set_trace_callback, "Sets a trace callback called for each SQL statement."},
    {"interrupt($self, /)", conn_interrupt, "Abort any pending database operation."},
    {"iterdump($self, /)", conn_iterdump, "Returns iterator to the dump of the database in an SQL text format."},
    {"backup($self, /, target, *, pages=-1, progress=None, name='main', sleep=0.25)", conn_backup,
     "Makes a backup of the database."},
    {"blobopen($self, table, column, row, /, *, readonly=False, name='main')", sqlite_blob_open,
     "Open and return a BLOB object."},
    {"getlimit($self, category, /)", conn_getlimit, "Get connection run-time limits."},
    {"setlimit($self, category, limit, /)", conn_setlimit, "Set connection run-time limits."},
    {nullptr}};

const GetSetDef kConnGetSets[] = {
    {"isolation_level", get_isolation_level, set_isolation_level_attr, nullptr},
    {"total_changes", get_total_changes, nullptr, nullptr},
    {"in_transaction", get_in_transaction, nullptr, nullptr},
    {"row_factory", get_row_factory, set_row_factory, nullptr},
    {"text_factory", get_text_factory, set_text_factory, nullptr},
    {"Warning", get_Warning, nullptr, nullptr},
    {"Error", get_Error, nullptr, nullptr},
    {"InterfaceError", get_InterfaceError, nullptr, nullptr},
    {"DatabaseError", get_DatabaseError, nullptr, nullptr},
    {"DataError", get_DataError, nullptr, nullptr},
    {"OperationalError", get_OperationalError, nullptr, nullptr},
    {"IntegrityError", get_IntegrityError, nullptr, nullptr},
    {"InternalError", get_InternalError, nullptr, nullptr},
    {"ProgrammingError", get_ProgrammingError, nullptr, nullptr},
    {"NotSupportedError", get_NotSupportedError, nullptr, nullptr},
    {nullptr}};

}  // namespace

void sqlite_connection_type_init() {
  Type* t = &g_sqlite_connection_type;
  t->name = "sqlite3.Connection";
  t->basic_size = sizeof(ConnectionObject);
  t->flags = kTypeBaseType | kTypeHasGc;
  // No weak references, as in CPython 3.11.
  t->tp_new = conn_new;
  t->tp_init = conn_init;
  t->tp_call = conn_call;
  t->tp_dealloc = conn_dealloc;
  t->tp_traverse = conn_traverse;
  t->tp_clear = conn_clear;
  t->methods = kConnMethods;
  t->getsets = kConnGetSets;
  t->doc = "SQLite database connection object.";
  type_ready(t);
  t = &g_sqlite_statement_type;
  t->name = "sqlite3.Statement";
  t->basic_size = sizeof(Object);
  t->tp_new = statement_no_new;
  t->tp_dealloc = statement_dealloc;
  type_ready(t);
}

}  // namespace ftpy
