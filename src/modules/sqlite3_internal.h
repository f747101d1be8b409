// Internals shared by the files of the `_sqlite3` module:
//   sqlite3_module.cpp      module functions, exceptions, constants, adapters
//   sqlite3_connection.cpp  Connection, its statement cache and the callbacks
//                           (functions, aggregates, collations, authorizer)
//   sqlite3_cursor.cpp      Cursor: binding, stepping, fetching, converters
//   sqlite3_row.cpp         Row
//
// Threading model. Connections are opened in SQLite's multi-thread mode
// (SQLITE_OPEN_NOMUTEX): SQLite keeps its global and shared-cache mutexes but
// not a per-connection one, because ours already serialises every call on a
// connection (serialized mode's second mutex cost 6% of the instructions of
// a mixed insert/select benchmark). The one call made without our lock,
// sqlite3_interrupt, is documented safe from any thread. Each Connection
// owns a ConnState whose recursive mutex (ConnLock) guards
// the sqlite3 handle, the statement cache, the connection's Python-valued
// settings and the state of every Cursor over it: a Cursor operation takes its
// connection's lock. The lock is taken with a try_lock first and waited for
// detached otherwise, so a thread waiting for a busy connection never stalls
// a stop-the-world. Every sqlite3_prepare/sqlite3_step (which may wait up to
// `timeout` on a locked database file) runs detached with the lock held; a
// callback into Python that SQLite makes from inside them (a user function,
// aggregate, collation, authorizer, progress handler) re-attaches for its
// duration (CallbackAttach). The mutex is recursive because such a callback
// may use the same connection again, as CPython allows.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "objects/type.h"
#include "runtime/ref.h"
#include "runtime/thread_state.h"

namespace ftpy {

extern Type g_sqlite_connection_type;
extern Type g_sqlite_cursor_type;
extern Type g_sqlite_row_type;
extern Type g_sqlite_prepare_protocol_type;
extern Type g_sqlite_blob_type;

// The module's exception classes (heap types, immortal once made).
extern Type* g_sqlite_Warning;
extern Type* g_sqlite_Error;
extern Type* g_sqlite_InterfaceError;
extern Type* g_sqlite_DatabaseError;
extern Type* g_sqlite_DataError;
extern Type* g_sqlite_OperationalError;
extern Type* g_sqlite_IntegrityError;
extern Type* g_sqlite_InternalError;
extern Type* g_sqlite_ProgrammingError;
extern Type* g_sqlite_NotSupportedError;

// Module state: the adapters dict {(type, PrepareProtocol): callable}, the
// converters dict {NAME: callable} (both thread-safe dicts, made once and
// never replaced), whether an adapter was registered for int/float/str/
// bytearray (then every parameter goes through adapt()), and
// enable_callback_tracebacks.
Value sqlite_adapters();
Value sqlite_converters();
bool sqlite_base_type_adapted();
bool sqlite_callback_tracebacks();

constexpr int kParseDecltypes = 1;
constexpr int kParseColnames = 2;

// Locks a connection's mutex; a contended wait happens detached.
class ConnLock {
 public:
  explicit ConnLock(std::recursive_mutex& mu) : mu_(mu) {
    if (!mu_.try_lock()) {
      DetachedScope d;
      mu_.lock();
    }
  }
  ~ConnLock() { mu_.unlock(); }
  ConnLock(const ConnLock&) = delete;
  ConnLock& operator=(const ConnLock&) = delete;

 private:
  std::recursive_mutex& mu_;
};

// Re-attaches a thread that SQLite calls back while it runs detached inside
// sqlite3_step/prepare; detaches again on leaving.
class CallbackAttach {
 public:
  CallbackAttach() : reattached_(!thread_is_attached()) {
    if (reattached_) thread_reattach();
  }
  ~CallbackAttach() {
    if (reattached_) thread_detach_for_blocking();
  }
  CallbackAttach(const CallbackAttach&) = delete;
  CallbackAttach& operator=(const CallbackAttach&) = delete;

 private:
  bool reattached_;
};

// A prepared statement checked out of the cache (or fresh).
struct Stmt {
  sqlite3_stmt* st = nullptr;
  std::string sql;
  bool is_dml = false;
};

// Least-recently-used cache of prepared statements that no cursor is using.
// A cursor takes a statement out while it runs and gives it back reset.
// Guarded by the connection's lock.
class StmtCache {
 public:
  explicit StmtCache(size_t max = 128) : max_(max) {}
  ~StmtCache() { clear(); }
  void set_max(size_t m) { max_ = m; }
  bool take(const std::string& sql, Stmt* out);
  void put(Stmt s);
  void clear();

 private:
  size_t max_;
  std::list<Stmt> lru_;  // most recent first
  std::unordered_multimap<std::string, std::list<Stmt>::iterator> index_;
};

// The C++ state of a Connection (see the top for the locking).
struct ConnState {
  std::recursive_mutex mu;
  // Guards `db` against close() for sqlite3_interrupt, which runs without
  // `mu` (it must reach a statement stepping under `mu`).
  std::mutex interrupt_mu;
  sqlite3* db = nullptr;  // null: never opened, or closed
  bool initialized = false;
  bool check_same_thread = true;
  uint64_t thread_ident = 0;
  int detect_types = 0;
  // Implicit transactions: "BEGIN " + isolation level before DML, unless
  // isolation_level is None.
  bool has_begin = true;
  std::string begin_statement = "BEGIN ";
  StmtCache cache;
  // Python-valued settings (guarded by `mu`; visited by the collector).
  Ref<> isolation_level;  // '' by default, or None
  Ref<> row_factory;      // None by default
  Ref<> text_factory;     // str by default
  Ref<> callbacks;        // list keeping functions/aggregates/collations alive
  Ref<> authorizer, progress_handler, trace_callback;
  // Open sqlite3.Blob objects (borrowed: each removes itself when closed or
  // freed), closed by close().
  std::vector<Object*> blobs;
};

struct ConnectionObject : Object {
  ConnState* st;  // owned
};

struct CursorObject : Object {
  // Set by __init__ (under no lock: construction); every later read or
  // write of the fields below happens under the connection's lock.
  Value connection;  // owned ConnectionObject, null before __init__
  bool initialized;
  bool closed;
  bool locked;   // an operation is running (recursive use check)
  bool has_row;  // stmt holds a row not yet fetched
  Stmt* stmt;    // checked out of the connection's cache, or null
  Value description;  // owned
  Value row_factory;  // owned
  Value lastrowid;    // owned
  Value converters;   // owned list (one converter or None a column), or null
  int64_t rowcount;
  int64_t arraysize;
  Object* weakreflist;
};

inline ConnState* conn_state(Value v) { return v.as<ConnectionObject>()->st; }

// Raises the exception for the connection's last error (the class chosen
// from the primary result code as CPython does, with sqlite_errorcode and
// sqlite_errorname). Keeps an already pending Python exception.
std::nullptr_t sqlite_raise_error(sqlite3* db);
// The same for an explicit code/message (no handle, e.g. a failed open).
std::nullptr_t sqlite_raise_code(int code, const char* msg);

// Checks (and raises CPython's ProgrammingErrors): the connection was
// initialised, is open, and (with check_same_thread) is used by its thread.
bool conn_check(ConnState* st, bool check_thread = true);
// Prepares `sql` (detached) into `out`, from the cache when possible;
// raises for errors, "You can only execute one statement at a time.", and
// an empty statement yields out->st == nullptr. Lock held.
bool conn_prepare(ConnState* st, Value sql_str, Stmt* out);
// Runs one statement that returns no rows ("BEGIN ", "COMMIT"). Lock held.
bool conn_exec_simple(ConnState* st, const char* sql);
// Gives a statement back to the cache (or finalises it if the connection
// is closed). Lock held.
void conn_release_stmt(ConnState* st, Stmt* s);

// sqlite3_step, detached. Lock held.
int stmt_step(sqlite3_stmt* s);

// The value of column `i` of the current row as a Python object, text
// through the connection's text_factory. Lock held.
Ref<> column_value(ConnState* st, sqlite3_stmt* s, int i);
// One SQLite value (a user function's argument) as a Python object.
Ref<> sqlite_value_to_py(sqlite3_value* v);
// Adapts a parameter through the adapters and __conform__ (CPython's
// microprotocols), returning `alt` (when non-null) if nothing adapts it.
Ref<> sqlite_adapt(Value obj, Value proto, Value alt);
// The bytes of a buffer-protocol object: 1 copied, 0 not a buffer, -1 error
// (BufferError for a non-contiguous one, as CPython).
int sqlite_blob_bytes(Value v, std::string* out);
// Binds one parameter (1-based index); raises for an unsupported type.
bool bind_one(sqlite3_stmt* s, int i, Value v);

// Cursor entry points that Connection.execute* reuse.
Ref<> cursor_execute(Value self, Value sql, Value params, bool many);
Ref<> cursor_executescript_impl(Value self, Value script);

// Connection.blobopen(table, column, row, /, *, readonly, name) with the
// bound arguments; closing every open blob of a connection (lock held).
Ref<> sqlite_blob_open(Value conn, Value* args);
void sqlite_close_blobs_locked(ConnState* st);

// The `Row` and `Cursor` type setup (called from the module's init).
void sqlite_blob_type_init();
void sqlite_row_type_init();
void sqlite_cursor_type_init();
void sqlite_connection_type_init();

}  // namespace ftpy
