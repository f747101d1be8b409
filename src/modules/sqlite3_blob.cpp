// sqlite3.Blob (Connection.blobopen): incremental I/O on one BLOB value with
// read/write/seek/tell, len(), indexing and slicing, and the context manager.
//
// Thread safety: a blob's handle and offset are read and written only under
// its connection's lock (ConnLock, sqlite3_internal.h), like a cursor's
// state; sqlite3_blob_read/write run detached with the lock held. The
// connection keeps its open blobs in ConnState::blobs (under the same lock)
// so that close() closes them first.
#include <algorithm>
#include <climits>
#include <string>

#include "modules/sqlite3_internal.h"
#include "objects/buffer.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "runtime/heap.h"
#include "modules/lazy/sqlite3_lazy.h"  // last: redirects the library's names

namespace ftpy {

// Thread safety: its handle and offset are guarded by its connection's mutex.
Type g_sqlite_blob_type;

namespace {

struct BlobObject : Object {
  Value connection;     // owned ConnectionObject
  sqlite3_blob* blob;   // null once closed
  int64_t offset;
};

BlobObject* blob_of(Value v) { return v.as<BlobObject>(); }
ConnState* blob_conn(BlobObject* b) { return conn_state(b->connection); }

// Closes the handle and forgets the blob in its connection. Lock held.
void close_locked(BlobObject* b) {
  if (!b->blob) return;
  sqlite3_blob* h = b->blob;
  b->blob = nullptr;
  {
    DetachedScope d;
    sqlite3_blob_close(h);
  }
  auto& v = blob_conn(b)->blobs;
  v.erase(std::remove(v.begin(), v.end(), static_cast<Object*>(b)), v.end());
}

// CPython's check_blob: the connection's thread and open checks, then the
// blob's. Lock held.
bool check_blob(BlobObject* b) {
  if (!conn_check(blob_conn(b))) return false;
  if (!b->blob) {
    err_set_str(g_sqlite_ProgrammingError, "Cannot operate on a closed blob.");
    return false;
  }
  return true;
}

std::nullptr_t blob_error(BlobObject* b, int rc) {
  if (rc == SQLITE_ABORT)
    return err_set_str(g_sqlite_OperationalError, "Cannot operate on an expired blob handle");
  return sqlite_raise_error(blob_conn(b)->db);
}

bool read_at(BlobObject* b, int64_t off, int64_t n, std::string* out) {
  out->resize(static_cast<size_t>(n));
  int rc;
  {
    DetachedScope d;
    rc = sqlite3_blob_read(b->blob, out->data(), static_cast<int>(n), static_cast<int>(off));
  }
  if (rc != SQLITE_OK) {
    blob_error(b, rc);
    return false;
  }
  return true;
}

bool write_at(BlobObject* b, int64_t off, const std::string& data) {
  int rc;
  {
    DetachedScope d;
    rc = sqlite3_blob_write(b->blob, data.data(), static_cast<int>(data.size()), static_cast<int>(off));
  }
  if (rc != SQLITE_OK) {
    blob_error(b, rc);
    return false;
  }
  return true;
}

void blob_dealloc(Object* o) {
  auto* b = static_cast<BlobObject*>(o);
  if (b->connection) {
    ConnLock lock(blob_conn(b)->mu);
    close_locked(b);
  }
  decref(b->connection);
  free_object(o);
}

void blob_traverse(Object* o, VisitFn visit, void* arg) {
  auto* b = static_cast<BlobObject*>(o);
  if (b->connection) visit(b->connection, arg);
}

Ref<> blob_no_new(Type* type, const Value*, size_t, Value) {
  return err_format(g_TypeError, "cannot create '%s' instances", type->name);
}

Ref<> blob_close(Value self, Value*) {
  BlobObject* b = blob_of(self);
  ConnLock lock(blob_conn(b)->mu);
  if (!conn_check(blob_conn(b))) return nullptr;
  close_locked(b);
  return new_none();
}

Ref<> blob_read(Value self, Value* args) {
  int32_t length = -1;
  if (!args[0].is_null() && !to_c_int(args[0], &length)) return nullptr;
  BlobObject* b = blob_of(self);
  std::string data;
  {
    ConnLock lock(blob_conn(b)->mu);
    if (!check_blob(b)) return nullptr;
    int64_t max = sqlite3_blob_bytes(b->blob) - b->offset;
    int64_t n = (length < 0 || length > max) ? max : length;
    if (n > 0) {
      if (!read_at(b, b->offset, n, &data)) return nullptr;
      b->offset += n;
    }
  }
  return bytes_from(data);
}

Ref<> blob_write(Value self, Value* args) {
  std::string data;
  int r = sqlite_blob_bytes(args[0], &data);
  if (r < 0) return nullptr;
  if (r == 0)
    return err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(args[0])));
  BlobObject* b = blob_of(self);
  ConnLock lock(blob_conn(b)->mu);
  if (!check_blob(b)) return nullptr;
  int64_t remaining = sqlite3_blob_bytes(b->blob) - b->offset;
  if (static_cast<int64_t>(data.size()) > remaining)
    return err_set_str(g_ValueError, "data longer than blob length");
  if (!write_at(b, b->offset, data)) return nullptr;
  b->offset += static_cast<int64_t>(data.size());
  return new_none();
}

Ref<> blob_seek(Value self, Value* args) {
  int32_t offset, origin = 0;
  if (!to_c_int(args[0], &offset)) return nullptr;
  if (!args[1].is_null() && !to_c_int(args[1], &origin)) return nullptr;
  BlobObject* b = blob_of(self);
  ConnLock lock(blob_conn(b)->mu);
  if (!check_blob(b)) return nullptr;
  int64_t len = sqlite3_blob_bytes(b->blob);
  int64_t target = offset;
  switch (origin) {
    case SEEK_SET: break;
    case SEEK_CUR:
      if (offset > INT_MAX - b->offset) return err_set_str(g_OverflowError, "seek offset results in overflow");
      target += b->offset;
      break;
    case SEEK_END:
      if (offset > INT_MAX - len) return err_set_str(g_OverflowError, "seek offset results in overflow");
      target += len;
      break;
    default:
      return err_set_str(g_ValueError, "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END");
  }
  if (target < 0 || target > len) return err_set_str(g_ValueError, "offset out of blob range");
  b->offset = target;
  return new_none();
}

Ref<> blob_tell(Value self, Value*) {
  BlobObject* b = blob_of(self);
  ConnLock lock(blob_conn(b)->mu);
  if (!check_blob(b)) return nullptr;
  return int_from_int64(b->offset);
}

Ref<> blob_enter(Value self, Value*) {
  BlobObject* b = blob_of(self);
  ConnLock lock(blob_conn(b)->mu);
  if (!check_blob(b)) return nullptr;
  return Ref<>::borrow(self);
}

Ref<> blob_exit(Value self, Value*) {
  BlobObject* b = blob_of(self);
  ConnLock lock(blob_conn(b)->mu);
  if (!check_blob(b)) return nullptr;
  close_locked(b);
  return new_bool(false);
}

int64_t blob_length(Value self) {
  BlobObject* b = blob_of(self);
  ConnLock lock(blob_conn(b)->mu);
  if (!check_blob(b)) return -1;
  return sqlite3_blob_bytes(b->blob);
}

// An integer index into a blob of `len` bytes; IndexError when outside it.
bool blob_index(Value key, int64_t len, int64_t* out) {
  Ref<> i = number_index(key);
  if (!i) return false;
  int64_t v;
  if (!int_as_int64(i.val(), &v)) {
    err_format(g_IndexError, "cannot fit '%s' into an index-sized integer", type_name(type_of(key)));
    return false;
  }
  if (v < 0) v += len;
  if (v < 0 || v >= len) {
    err_set_str(g_IndexError, "Blob index out of range");
    return false;
  }
  *out = v;
  return true;
}

bool is_index_like(Value key) { return is_int(key) || type_of(key)->nb_index; }

Ref<> blob_subscript(Value self, Value key) {
  BlobObject* b = blob_of(self);
  ConnLock lock(blob_conn(b)->mu);
  if (!check_blob(b)) return nullptr;
  int64_t len = sqlite3_blob_bytes(b->blob);
  if (is_index_like(key)) {
    int64_t i;
    if (!blob_index(key, len, &i)) return nullptr;
    std::string byte;
    if (!read_at(b, i, 1, &byte)) return nullptr;
    return int_from_int64(static_cast<unsigned char>(byte[0]));
  }
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(key, len, &start, &stop, &step, &n)) return nullptr;
    if (n <= 0) return bytes_from("", 0);
    if (step == 1) {
      std::string data;
      if (!read_at(b, start, n, &data)) return nullptr;
      return bytes_from(data);
    }
    std::string all, out;
    if (!read_at(b, 0, len, &all)) return nullptr;
    for (int64_t k = 0, i = start; k < n; k++, i += step) out += all[static_cast<size_t>(i)];
    return bytes_from(out);
  }
  return err_set_str(g_TypeError, "Blob indices must be integers");
}

int blob_ass_subscript(Value self, Value key, Value v) {
  BlobObject* b = blob_of(self);
  ConnLock lock(blob_conn(b)->mu);
  if (!check_blob(b)) return -1;
  if (v.is_null()) {
    err_set_str(g_TypeError, "Blob doesn't support item deletion");
    return -1;
  }
  int64_t len = sqlite3_blob_bytes(b->blob);
  if (is_index_like(key)) {
    int64_t i;
    if (!blob_index(key, len, &i)) return -1;
    Ref<> iv = number_index(v);
    if (!iv) return -1;
    int64_t byte;
    if (!int_as_int64(iv.val(), &byte) || byte < 0 || byte > 255) {
      err_set_str(g_ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    return write_at(b, i, std::string(1, static_cast<char>(byte))) ? 0 : -1;
  }
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(key, len, &start, &stop, &step, &n)) return -1;
    std::string data;
    int r = sqlite_blob_bytes(v, &data);
    if (r < 0) return -1;
    if (r == 0) {
      err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v)));
      return -1;
    }
    if (static_cast<int64_t>(data.size()) != std::max<int64_t>(n, 0)) {
      err_set_str(g_IndexError, "Blob slice assignment is wrong size");
      return -1;
    }
    if (n <= 0) return 0;
    if (step == 1) return write_at(b, start, data) ? 0 : -1;
    std::string all;
    if (!read_at(b, 0, len, &all)) return -1;
    for (int64_t k = 0, i = start; k < n; k++, i += step) all[static_cast<size_t>(i)] = data[static_cast<size_t>(k)];
    return write_at(b, 0, all) ? 0 : -1;
  }
  err_set_str(g_TypeError, "Blob indices must be integers");
  return -1;
}

// CPython's Blob has no sequence protocol, so it is not iterable even though
// it can be indexed (ftpy's iter() would otherwise fall back to indexing).
Ref<> blob_iter(Value self) {
  return err_format(g_TypeError, "'%s' object is not iterable", type_of(self)->name);
}

const MethodDef kBlobMethods[] = {
    {"close($self, /)", blob_close, "Close the blob."},
    {"read($self, length=-1, /)", blob_read, "Read data at the current offset position."},
    {"write($self, data, /)", blob_write, "Write data at the current offset."},
    {"seek($self, offset, origin=0, /)", blob_seek, "Set the current access position to offset."},
    {"tell($self, /)", blob_tell, "Return the current access position for the blob."},
    {"__enter__($self, /)", blob_enter, "Blob context manager enter."},
    {"__exit__($self, type, val, tb, /)", blob_exit, "Blob context manager exit."},
    {nullptr}};

}  // namespace

Ref<> sqlite_blob_open(Value conn, Value* args) {
  Value table = args[0], column = args[1], name = args[4];
  for (Value s : {table, column, name})
    if (!is_str(s)) return err_format(g_TypeError, "blobopen() argument must be str, not %s", type_name(type_of(s)));
  int64_t row;
  if (!to_int64(args[2], &row)) return nullptr;
  int ro = truthy(args[3]);
  if (ro < 0) return nullptr;
  std::string t, c, n;
  if (!str_utf8_strict(table.as<Str>(), &t) || !str_utf8_strict(column.as<Str>(), &c) ||
      !str_utf8_strict(name.as<Str>(), &n))
    return nullptr;
  ConnState* st = conn_state(conn);
  ConnLock lock(st->mu);
  if (!conn_check(st)) return nullptr;
  sqlite3_blob* h = nullptr;
  int rc;
  {
    DetachedScope d;
    rc = sqlite3_blob_open(st->db, n.c_str(), t.c_str(), c.c_str(), row, ro ? 0 : 1, &h);
  }
  if (rc != SQLITE_OK) return sqlite_raise_error(st->db);
  auto* b = alloc_object<BlobObject>(&g_sqlite_blob_type);
  if (!b) {
    sqlite3_blob_close(h);
    return nullptr;
  }
  b->connection = Ref<>::borrow(conn).release();
  b->blob = h;
  st->blobs.push_back(b);
  return Ref<>::steal(Value(b));
}

void sqlite_close_blobs_locked(ConnState* st) {
  std::vector<Object*> open;
  open.swap(st->blobs);
  for (Object* o : open) {
    auto* b = static_cast<BlobObject*>(o);
    if (b->blob) sqlite3_blob_close(b->blob);
    b->blob = nullptr;
  }
}

void sqlite_blob_type_init() {
  Type* t = &g_sqlite_blob_type;
  t->name = "sqlite3.Blob";
  t->basic_size = sizeof(BlobObject);
  t->flags = kTypeHasGc;
  t->tp_new = blob_no_new;
  t->tp_dealloc = blob_dealloc;
  t->tp_traverse = blob_traverse;
  t->tp_iter = blob_iter;
  t->mp_length = blob_length;
  t->mp_subscript = blob_subscript;
  t->mp_ass_subscript = blob_ass_subscript;
  t->methods = kBlobMethods;
  type_ready(t);
}

}  // namespace ftpy
