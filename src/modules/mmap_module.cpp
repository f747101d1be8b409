// The `mmap` module: mmap.mmap over mmap(2)/mremap(2)/msync(2), as CPython
// 3.11 has it on Linux (methods, indexing, slicing, the buffer protocol, the
// constants and the error messages).
//
// Thread safety: every field of an MmapObject (data, size, pos, exports, the
// file descriptor) is read and written inside the object's CriticalSection,
// and so is the mapped memory when this module touches it; buffer exports
// name the mmap as their lock (objects/buffer.h), so memoryview, bytes(),
// struct and friends copy in and out under the same section. An export
// counts in `exports`, and while it is non-zero close() and resize() raise
// BufferError, so the mapping an exported pointer points into stays mapped.
// Arguments are converted (and other objects' buffers copied) before the
// section is taken, so no Python code runs inside it. The one call that may
// block for long, msync (flush), runs detached; detaching suspends the
// section, so flush pins the mapping by counting itself as an export first.
#include "modules/mmap_module.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <mutex>
#include <string>

#include "modules/buffer_util.h"
#include "modules/posix_ids.h"
#include "objects/buffer.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

enum Access : int { kAccessDefault = 0, kAccessRead = 1, kAccessWrite = 2, kAccessCopy = 3 };

Type g_mmap_type;
Type g_mmap_iter_type;

struct MmapObject : Object {
  uint8_t* data;    // null once closed (or never mapped)
  int64_t size;     // bytes mapped
  int64_t pos;      // the file-like position
  int64_t offset;   // offset into the file the map starts at
  int64_t exports;  // live buffer exports plus flushes in progress
  int fd;           // a dup of the caller's descriptor; -1 for anonymous maps
  int flags;
  int prot;
  int access;
  Value weakreflist;
};

struct MmapIter : Object {
  Value map;      // owned; null once exhausted
  int64_t index;  // under the iterator's section
};

MmapObject* M(Value v) { return v.as<MmapObject>(); }

// CPython's CHECK_VALID: the section is held.
bool check_valid(MmapObject* m) {
  if (m->data) return true;
  err_set_str(g_ValueError, "mmap closed or invalid");
  return false;
}

bool check_writable(MmapObject* m) {
  if (m->access != kAccessRead) return true;
  err_set_str(g_TypeError, "mmap can't modify a readonly memory map.");
  return false;
}

bool check_resizeable(MmapObject* m) {
  if (m->exports > 0) {
    err_set_str(g_BufferError, "mmap can't resize with extant buffers exported.");
    return false;
  }
  if (m->access == kAccessWrite || m->access == kAccessDefault) return true;
  err_set_str(g_TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
  return false;
}

// A Py_ssize_t argument ('n'): __index__, OverflowError outside 64 bits.
bool ssize_arg(Value v, int64_t* out) { return to_int64(v, out); }

// An optional 'n' argument: a null slot keeps *out.
bool opt_ssize_arg(Value v, int64_t* out) { return v.is_null() || ssize_arg(v, out); }

void unmap_locked(MmapObject* m) {
  if (m->data) munmap(m->data, static_cast<size_t>(m->size));
  m->data = nullptr;
  if (m->fd >= 0) close(m->fd);
  m->fd = -1;
}

void mmap_dealloc(Object* o) {
  auto* m = static_cast<MmapObject*>(o);
  if (o->ob_type == &g_mmap_type) weakref_clear_all(o);
  unmap_locked(m);
  if (Value* d = instance_dict_slot(Value(o))) {
    decref(*d);
    *d = Value();
  }
  free_object(o);
}

Ref<> mmap_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature(
      "mmap(fileno, length, flags=1, prot=3, access=0, offset=0)", nullptr);
  Value a[6];
  Ref<> hold[6];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  int fd, flags, prot, access;
  int64_t map_size, offset;
  if (!c_int_arg(a[0], &fd) || !ssize_arg(a[1], &map_size) || !c_int_arg(a[2], &flags) ||
      !c_int_arg(a[3], &prot) || !c_int_arg(a[4], &access) || !to_int64(a[5], &offset))
    return nullptr;
  if (map_size < 0) return err_set_str(g_OverflowError, "memory mapped length must be positive");
  if (offset < 0) return err_set_str(g_OverflowError, "memory mapped offset must be positive");
  if (access != kAccessDefault && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ)))
    return err_set_str(g_ValueError, "mmap can't specify both access and flags, prot.");
  switch (access) {
    case kAccessRead:
      flags = MAP_SHARED;
      prot = PROT_READ;
      break;
    case kAccessWrite:
      flags = MAP_SHARED;
      prot = PROT_READ | PROT_WRITE;
      break;
    case kAccessCopy:
      flags = MAP_PRIVATE;
      prot = PROT_READ | PROT_WRITE;
      break;
    case kAccessDefault:
      // The access a prot amounts to, for the write and resize checks.
      if ((prot & PROT_READ) && (prot & PROT_WRITE)) {
      } else if (prot & PROT_WRITE) {
        access = kAccessWrite;
      } else {
        access = kAccessRead;
      }
      break;
    default:
      return err_set_str(g_ValueError, "mmap invalid access parameter.");
  }
  struct stat st;
  if (fd != -1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    if (map_size == 0) {
      if (st.st_size == 0) return err_set_str(g_ValueError, "cannot mmap an empty file");
      if (offset >= st.st_size) return err_set_str(g_ValueError, "mmap offset is greater than file size");
      map_size = st.st_size - offset;
    } else if (offset > st.st_size || st.st_size - offset < map_size) {
      return err_set_str(g_ValueError, "mmap length is greater than file size");
    }
  }
  auto* m = alloc_object<MmapObject>(type, type->basic_size);
  if (!m) return nullptr;
  Ref<> obj = Ref<>::steal(Value(m));
  m->data = nullptr;
  m->size = map_size;
  m->pos = 0;
  m->offset = offset;
  m->exports = 0;
  m->fd = -1;
  m->flags = flags;
  m->prot = prot;
  m->access = access;
  m->weakreflist = Value();
  if (fd == -1) {
    flags |= MAP_ANONYMOUS;
  } else {
    m->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (m->fd < 0) return err_from_errno(errno);
  }
  void* p;
  {
    DetachedScope detached;  // MAP_POPULATE, or a slow file system, may take a while
    p = mmap(nullptr, static_cast<size_t>(map_size), prot, flags, m->fd, static_cast<off_t>(offset));
  }
  if (p == MAP_FAILED) return err_from_errno(errno);
  m->data = static_cast<uint8_t*>(p);
  return obj;
}

// --- methods ---------------------------------------------------------------------------------------

Ref<> mmap_close(Value self, Value*) {
  MmapObject* m = M(self);
  CriticalSection cs(self);
  if (m->exports > 0) return err_set_str(g_BufferError, "cannot close exported pointers exist");
  unmap_locked(m);
  return new_none();
}

Ref<> mmap_get_closed(Value self) {
  CriticalSection cs(self);
  return new_bool(M(self)->data == nullptr);
}

Ref<> mmap_enter(Value self, Value*) {
  CriticalSection cs(self);
  if (!check_valid(M(self))) return nullptr;
  return Ref<>::borrow(self);
}

// CPython 3.11's __exit__ closes directly: a subclass's close() is not called.
Ref<> mmap_exit(Value self, Value*) { return mmap_close(self, nullptr); }

Ref<> mmap_read_byte(Value self, Value*) {
  MmapObject* m = M(self);
  CriticalSection cs(self);
  if (!check_valid(m)) return nullptr;
  if (m->pos >= m->size) return err_set_str(g_ValueError, "read byte out of range");
  return int_from_int64(m->data[m->pos++]);
}

Ref<> mmap_readline(Value self, Value*) {
  MmapObject* m = M(self);
  std::string out;
  {
    CriticalSection cs(self);
    if (!check_valid(m)) return nullptr;
    int64_t start = m->pos < m->size ? m->pos : m->size;
    int64_t remaining = m->size - start;
    const void* nl = remaining > 0 ? std::memchr(m->data + start, '\n', static_cast<size_t>(remaining)) : nullptr;
    int64_t end = nl ? static_cast<const uint8_t*>(nl) - m->data + 1 : m->size;
    out.assign(reinterpret_cast<const char*>(m->data + start), static_cast<size_t>(end - start));
    m->pos += end - start;  // a position past a shrunk end stays there, as in CPython
  }
  return bytes_from(out);
}

Ref<> mmap_read(Value self, Value* args) {
  MmapObject* m = M(self);
  int64_t n = -1;
  if (!args[0].is_null() && !is_none(args[0])) {
    if (!is_int(args[0]) && !type_of(args[0])->nb_index)
      return err_format(g_TypeError, "argument should be integer or None, not '%s'", type_name(type_of(args[0])));
    if (!ssize_arg(args[0], &n)) return nullptr;
  }
  std::string out;
  {
    CriticalSection cs(self);
    if (!check_valid(m)) return nullptr;
    int64_t remaining = m->pos < m->size ? m->size - m->pos : 0;
    if (n < 0 || n > remaining) n = remaining;
    if (n > 0) out.assign(reinterpret_cast<const char*>(m->data + m->pos), static_cast<size_t>(n));
    m->pos += n;
  }
  return bytes_from(out);
}

Ref<> mmap_write(Value self, Value* args) {
  MmapObject* m = M(self);
  std::string in;
  if (!module_buffer_or_error(args[0], &in)) return nullptr;
  CriticalSection cs(self);
  if (!check_valid(m) || !check_writable(m)) return nullptr;
  int64_t len = static_cast<int64_t>(in.size());
  if (m->pos > m->size || m->size - m->pos < len) return err_set_str(g_ValueError, "data out of range");
  if (len) std::memcpy(m->data + m->pos, in.data(), in.size());
  m->pos += len;
  return int_from_int64(len);
}

Ref<> mmap_write_byte(Value self, Value* args) {
  MmapObject* m = M(self);
  int64_t v;
  if (!ssize_arg(args[0], &v)) return nullptr;
  if (v > 255) return err_set_str(g_OverflowError, "unsigned byte integer is greater than maximum");
  if (v < 0) return err_set_str(g_OverflowError, "unsigned byte integer is less than minimum");
  CriticalSection cs(self);
  if (!check_valid(m) || !check_writable(m)) return nullptr;
  if (m->pos >= m->size) return err_set_str(g_ValueError, "write byte out of range");
  m->data[m->pos++] = static_cast<uint8_t>(v);
  return new_none();
}

Ref<> mmap_seek(Value self, Value* args) {
  MmapObject* m = M(self);
  int64_t dist;
  int how = 0;
  if (!ssize_arg(args[0], &dist)) return nullptr;
  if (!args[1].is_null() && !c_int_arg(args[1], &how)) return nullptr;
  CriticalSection cs(self);
  if (!check_valid(m)) return nullptr;
  int64_t where;
  switch (how) {
    case 0: where = dist; break;
    case 1:
      if (__builtin_add_overflow(m->pos, dist, &where)) return err_set_str(g_ValueError, "seek out of range");
      break;
    case 2:
      if (__builtin_add_overflow(m->size, dist, &where)) return err_set_str(g_ValueError, "seek out of range");
      break;
    default: return err_set_str(g_ValueError, "unknown seek type");
  }
  if (where > m->size || where < 0) return err_set_str(g_ValueError, "seek out of range");
  m->pos = where;
  return new_none();
}

Ref<> mmap_tell(Value self, Value*) {
  CriticalSection cs(self);
  if (!check_valid(M(self))) return nullptr;
  return int_from_int64(M(self)->pos);
}

// The size of the underlying file (CPython 3.11 asks fstat even for an
// anonymous map, whose descriptor -1 gives EBADF).
Ref<> mmap_size(Value self, Value*) {
  struct stat st;
  {
    CriticalSection cs(self);
    if (!check_valid(M(self))) return nullptr;
    if (fstat(M(self)->fd, &st) != 0) return err_from_errno(errno);
  }
  return int_from_int64(st.st_size);
}

// find/rfind: CPython clamps start (default: the position) and end (default:
// the size) like slice bounds.
Ref<> mmap_find_impl(Value self, Value* args, bool reverse) {
  MmapObject* m = M(self);
  std::string sub;
  if (!module_buffer_or_error(args[0], &sub)) return nullptr;
  int64_t start = 0, end = 0;
  bool have_start = !args[1].is_null(), have_end = !args[2].is_null();
  if (have_start && !ssize_arg(args[1], &start)) return nullptr;
  if (have_end && !ssize_arg(args[2], &end)) return nullptr;
  CriticalSection cs(self);
  if (!check_valid(m)) return nullptr;
  if (!have_start) start = m->pos;
  if (!have_end) end = m->size;
  auto clamp = [&](int64_t v) {
    if (v < 0) v += m->size;
    if (v < 0) return int64_t{0};
    return v > m->size ? m->size : v;
  };
  start = clamp(start);
  end = clamp(end);
  int64_t n = static_cast<int64_t>(sub.size());
  if (end - start < n) return int_from_int64(-1);
  if (n == 0) return int_from_int64(reverse ? end : start);
  std::string_view hay(reinterpret_cast<const char*>(m->data + start), static_cast<size_t>(end - start));
  size_t at = reverse ? hay.rfind(sub) : hay.find(sub);
  return int_from_int64(at == std::string_view::npos ? -1 : start + static_cast<int64_t>(at));
}

Ref<> mmap_find(Value self, Value* args) { return mmap_find_impl(self, args, false); }
Ref<> mmap_rfind(Value self, Value* args) { return mmap_find_impl(self, args, true); }

Ref<> mmap_flush(Value self, Value* args) {
  MmapObject* m = M(self);
  int64_t offset = 0, size = 0;
  {
    CriticalSection cs(self);
    if (!check_valid(m)) return nullptr;
    size = m->size;
  }
  if (!opt_ssize_arg(args[0], &offset) || !opt_ssize_arg(args[1], &size)) return nullptr;
  uint8_t* addr;
  {
    CriticalSection cs(self);
    if (!check_valid(m)) return nullptr;
    if (size < 0 || offset < 0 || m->size - offset < size)
      return err_set_str(g_ValueError, "flush values out of range");
    if (m->access == kAccessRead || m->access == kAccessCopy) return new_none();
    addr = m->data + offset;
    m->exports++;  // pin the mapping while msync runs detached
  }
  int rc, err;
  {
    DetachedScope detached;
    rc = msync(addr, static_cast<size_t>(size), MS_SYNC);
    err = errno;
  }
  {
    CriticalSection cs(self);
    m->exports--;
  }
  if (rc != 0) return err_from_errno(err);
  return new_none();
}

Ref<> mmap_madvise(Value self, Value* args) {
  MmapObject* m = M(self);
  int option;
  int64_t start = 0, length = 0;
  if (!c_int_arg(args[0], &option) || !opt_ssize_arg(args[1], &start)) return nullptr;
  bool have_length = !args[2].is_null();
  if (have_length && !ssize_arg(args[2], &length)) return nullptr;
  CriticalSection cs(self);
  if (!check_valid(m)) return nullptr;
  if (!have_length) length = m->size;
  if (start < 0 || start >= m->size) return err_set_str(g_ValueError, "madvise start out of bounds");
  if (length < 0) return err_set_str(g_ValueError, "madvise length invalid");
  if (INT64_MAX - start < length) return err_set_str(g_OverflowError, "madvise length too large");
  if (length > m->size - start) length = m->size - start;
  if (madvise(m->data + start, static_cast<size_t>(length), option) != 0) return err_from_errno(errno);
  return new_none();
}

Ref<> mmap_move(Value self, Value* args) {
  MmapObject* m = M(self);
  int64_t dest, src, cnt;
  if (!ssize_arg(args[0], &dest) || !ssize_arg(args[1], &src) || !ssize_arg(args[2], &cnt)) return nullptr;
  CriticalSection cs(self);
  if (!check_valid(m) || !check_writable(m)) return nullptr;
  if (dest < 0 || src < 0 || cnt < 0 || m->size - dest < cnt || m->size - src < cnt)
    return err_set_str(g_ValueError, "source, destination, or count out of range");
  std::memmove(m->data + dest, m->data + src, static_cast<size_t>(cnt));
  return new_none();
}

// Linux grows or shrinks a map in place or moves it (MREMAP_MAYMOVE); a
// file-backed map first resizes the file to offset + new size.  Every
// reader holds the object's critical section, so no access sees the map
// while it moves.
Ref<> mmap_resize(Value self, Value* args) {
  MmapObject* m = M(self);
  int64_t new_size;
  if (!ssize_arg(args[0], &new_size)) return nullptr;
  CriticalSection cs(self);
  if (!check_valid(m) || !check_resizeable(m)) return nullptr;
  if (new_size < 0 || INT64_MAX - new_size < m->offset) return err_set_str(g_ValueError, "new size out of range");
  // Growing a MAP_SHARED anonymous map with mremap leaves the new pages
  // without shmem behind them (kernel bug 8691): the first touch is SIGBUS.
  // CPython 3.14 refuses it with this message.
  if (m->fd == -1 && !(m->flags & MAP_PRIVATE) && new_size > m->size)
    return err_set_str(g_ValueError, "mmap: can't expand a shared anonymous mapping on Linux");
  if (m->fd != -1 && ftruncate(m->fd, static_cast<off_t>(m->offset + new_size)) == -1) return err_from_errno(errno);
  void* p = mremap(m->data, static_cast<size_t>(m->size), static_cast<size_t>(new_size), MREMAP_MAYMOVE);
  if (p == MAP_FAILED) return err_from_errno(errno);
  m->data = static_cast<uint8_t*>(p);
  m->size = new_size;
  return new_none();
}

Ref<> mmap_repr(Value self) {
  MmapObject* m = M(self);
  Type* t = type_of(self);
  const char* name = t == &g_mmap_type ? "mmap.mmap" : type_name(t);
  std::string s = std::string("<") + name;
  CriticalSection cs(self);
  if (!m->data) return str_from_utf8(s + " closed=True>");
  static const char* const kAccess[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"};
  s += " closed=False, access=";
  s += kAccess[m->access];
  s += ", length=" + std::to_string(m->size) + ", pos=" + std::to_string(m->pos) +
       ", offset=" + std::to_string(m->offset) + ">";
  return str_from_utf8(s);
}

// --- the mapping protocol ------------------------------------------------------------------------

int64_t mmap_length(Value self) {
  CriticalSection cs(self);
  if (!check_valid(M(self))) return -1;
  return M(self)->size;
}

bool index_like(Value v) { return is_int(v) || type_of(v)->nb_index != nullptr; }

// m[i] with a small int: one section, CPython's checks in its order.
Ref<> subscript_small(Value self, int64_t i) {
  MmapObject* m = M(self);
  CriticalSection cs(self);
  if (!check_valid(m)) return nullptr;
  if (i < 0) i += m->size;
  if (i < 0 || i >= m->size) return err_set_str(g_IndexError, "mmap index out of range");
  return int_from_int64(m->data[i]);
}

Ref<> mmap_subscript(Value self, Value key) {
  MmapObject* m = M(self);
  if (key.is_small()) return subscript_small(self, key.small_value());
  if (index_like(key)) {
    int64_t i;
    {
      CriticalSection cs(self);
      if (!check_valid(m)) return nullptr;
    }
    if (!to_index(key, &i)) return nullptr;
    CriticalSection cs(self);
    if (!check_valid(m)) return nullptr;
    if (i < 0) i += m->size;
    if (i < 0 || i >= m->size) return err_set_str(g_IndexError, "mmap index out of range");
    return int_from_int64(m->data[i]);
  }
  if (is_slice(key)) {
    auto* sl = key.as<Slice>();
    int64_t start, stop, step;
    {
      CriticalSection cs(self);
      if (!check_valid(m)) return nullptr;
    }
    if (!slice_unpack(sl->start, sl->stop, sl->step, &start, &stop, &step)) return nullptr;
    std::string out;
    {
      CriticalSection cs(self);
      if (!check_valid(m)) return nullptr;
      int64_t len = slice_adjust(m->size, &start, &stop, step);
      if (len > 0 && step == 1) {
        out.assign(reinterpret_cast<const char*>(m->data + start), static_cast<size_t>(len));
      } else if (len > 0) {
        out.resize(static_cast<size_t>(len));
        for (int64_t k = 0, i = start; k < len; k++, i += step) out[static_cast<size_t>(k)] = static_cast<char>(m->data[i]);
      }
    }
    return bytes_from(out);
  }
  {
    CriticalSection cs(self);
    if (!check_valid(m)) return nullptr;
  }
  return err_set_str(g_TypeError, "mmap indices must be integers");
}

// m[i] = b with small ints: one section, CPython's checks in its order.
int ass_subscript_small(Value self, int64_t i, int64_t byte) {
  MmapObject* m = M(self);
  CriticalSection cs(self);
  if (!check_valid(m) || !check_writable(m)) return -1;
  if (i < 0) i += m->size;
  if (i < 0 || i >= m->size) {
    err_set_str(g_IndexError, "mmap index out of range");
    return -1;
  }
  if (byte < 0 || byte > 255) {
    err_set_str(g_ValueError, "mmap item value must be in range(0, 256)");
    return -1;
  }
  m->data[i] = static_cast<uint8_t>(byte);
  return 0;
}

int mmap_ass_subscript(Value self, Value key, Value v) {
  MmapObject* m = M(self);
  if (key.is_small() && !v.is_null() && v.is_small()) return ass_subscript_small(self, key.small_value(), v.small_value());
  {
    CriticalSection cs(self);
    if (!check_valid(m) || !check_writable(m)) return -1;
  }
  if (index_like(key)) {
    int64_t i;
    if (!to_index(key, &i)) return -1;
    int64_t size;
    {
      CriticalSection cs(self);
      if (!check_valid(m)) return -1;
      size = m->size;
    }
    if (i < 0) i += size;
    if (i < 0 || i >= size) {
      err_set_str(g_IndexError, "mmap index out of range");
      return -1;
    }
    if (v.is_null()) {
      err_set_str(g_TypeError, "mmap doesn't support item deletion");
      return -1;
    }
    if (!index_like(v)) {
      err_set_str(g_TypeError, "mmap item value must be an int");
      return -1;
    }
    int64_t byte;
    if (!to_int64(v, &byte)) return -1;
    if (byte < 0 || byte > 255) {
      err_set_str(g_ValueError, "mmap item value must be in range(0, 256)");
      return -1;
    }
    CriticalSection cs(self);
    if (!check_valid(m)) return -1;
    if (i >= m->size) {
      err_set_str(g_IndexError, "mmap index out of range");
      return -1;
    }
    m->data[i] = static_cast<uint8_t>(byte);
    return 0;
  }
  if (is_slice(key)) {
    auto* sl = key.as<Slice>();
    int64_t start, stop, step;
    if (!slice_unpack(sl->start, sl->stop, sl->step, &start, &stop, &step)) return -1;
    if (v.is_null()) {
      err_set_str(g_TypeError, "mmap object doesn't support slice deletion");
      return -1;
    }
    std::string src;
    if (!module_buffer_or_error(v, &src)) return -1;
    CriticalSection cs(self);
    if (!check_valid(m)) return -1;
    int64_t len = slice_adjust(m->size, &start, &stop, step);
    if (static_cast<int64_t>(src.size()) != len) {
      err_set_str(g_IndexError, "mmap slice assignment is wrong size");
      return -1;
    }
    if (len > 0 && step == 1) {
      std::memcpy(m->data + start, src.data(), src.size());
    } else {
      for (int64_t k = 0, i = start; k < len; k++, i += step) m->data[i] = static_cast<uint8_t>(src[static_cast<size_t>(k)]);
    }
    return 0;
  }
  err_set_str(g_TypeError, "mmap indices must be integer");
  return -1;
}

// --- iteration: CPython iterates an mmap through its sequence item slot,
// which yields one-byte bytes objects. -------------------------------------------------------------

void mmap_iter_dealloc(Object* o) {
  decref(static_cast<MmapIter*>(o)->map);
  free_object(o);
}

Ref<> mmap_iter(Value self) {
  auto* it = alloc_object<MmapIter>(&g_mmap_iter_type);
  if (!it) return nullptr;
  incref(self);
  it->map = self;
  it->index = 0;
  return Ref<>::steal(Value(it));
}

Ref<> mmap_iter_self(Value self) { return Ref<>::borrow(self); }

Ref<> mmap_iter_next(Value self) {
  auto* it = self.as<MmapIter>();
  Ref<> map;
  int64_t i;
  {
    CriticalSection cs(self);
    if (it->map.is_null()) return nullptr;
    map = Ref<>::borrow(it->map);
    i = it->index++;
  }
  MmapObject* m = M(map.val());
  uint8_t byte = 0;
  bool have = false;
  {
    CriticalSection cs(map.val());
    if (!check_valid(m)) return nullptr;
    if (i < m->size) {
      byte = m->data[i];
      have = true;
    }
  }
  if (have) return bytes_from(&byte, 1);
  CriticalSection cs(self);
  Value old = it->map;
  it->map = Value();
  decref(old);
  return nullptr;
}

// --- the buffer protocol ---------------------------------------------------------------------------

bool mmap_get_buffer(Value self, BufferView* view, int flags) {
  MmapObject* m = M(self);
  CriticalSection cs(self);
  if (!check_valid(m)) return false;
  static uint8_t empty[1];
  view->lock = self.obj();
  view->buf = m->size ? m->data : empty;
  view->itemsize = view->stride = 1;
  view->count = view->len = m->size;
  view->format = "B";
  view->readonly = m->access == kAccessRead;
  if (!buffer_check_writable(view, flags)) return false;
  m->exports++;
  return true;
}

void mmap_release_buffer(Value self, BufferView*) {
  CriticalSection cs(self);
  M(self)->exports--;
}

const BufferProcs kMmapBufferProcs = {mmap_get_buffer, mmap_release_buffer};

const MethodDef kMmapMethods[] = {
    {"close($self, /)", mmap_close, nullptr},
    {"find($self, sub, start=?, end=?, /)", mmap_find, nullptr, kMethParseTupleMessages},
    {"rfind($self, sub, start=?, end=?, /)", mmap_rfind, nullptr, kMethParseTupleMessages},
    {"flush($self, offset=?, size=?, /)", mmap_flush, nullptr, kMethParseTupleMessages},
    {"madvise($self, option, start=?, length=?, /)", mmap_madvise, nullptr, kMethParseTupleMessages},
    {"move($self, dest, src, count, /)", mmap_move, nullptr, kMethParseTupleMessages},
    {"read($self, n=None, /)", mmap_read, nullptr},
    {"read_byte($self, /)", mmap_read_byte, nullptr},
    {"readline($self, /)", mmap_readline, nullptr},
    {"resize($self, newsize, /)", mmap_resize, nullptr, kMethParseTupleMessages},
    {"seek($self, pos, whence=?, /)", mmap_seek, nullptr, kMethParseTupleMessages},
    {"size($self, /)", mmap_size, nullptr},
    {"tell($self, /)", mmap_tell, nullptr},
    {"write($self, bytes, /)", mmap_write, nullptr, kMethParseTupleMessages},
    {"write_byte($self, byte, /)", mmap_write_byte, nullptr, kMethParseTupleMessages},
    {"__enter__($self, /)", mmap_enter, nullptr},
    {"__exit__($self, *args)", mmap_exit, nullptr, kMethIgnoresVarArgs},
    {nullptr}};

const GetSetDef kMmapGetSets[] = {{"closed", mmap_get_closed, nullptr, nullptr}, {nullptr}};

void mmap_init_once() {
  Type* t = &g_mmap_type;
  t->name = "mmap.mmap";
  t->basic_size = sizeof(MmapObject);
  t->flags = kTypeBaseType;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  t->weaklist_offset = static_cast<int32_t>(offsetof(MmapObject, weakreflist));
#pragma GCC diagnostic pop
  t->tp_new = mmap_new;
  t->tp_dealloc = mmap_dealloc;
  t->tp_repr = mmap_repr;
  t->tp_iter = mmap_iter;
  t->mp_length = mmap_length;
  t->mp_subscript = mmap_subscript;
  t->mp_ass_subscript = mmap_ass_subscript;
  t->methods = kMmapMethods;
  t->getsets = kMmapGetSets;
  t->doc =
      "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\n"
      "Unix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])\n\n"
      "Maps length bytes from the file specified by the file descriptor fileno,\n"
      "and returns a mmap object.  If length is 0, the maximum length of the map\n"
      "will be the current size of the file when mmap is called.";
  type_ready(&g_mmap_type);
  buffer_register(t, &kMmapBufferProcs);
  t = &g_mmap_iter_type;
  t->name = "iterator";
  t->basic_size = sizeof(MmapIter);
  t->tp_dealloc = mmap_iter_dealloc;
  t->tp_iter = mmap_iter_self;
  t->tp_iternext = mmap_iter_next;
  type_ready(t);
}

}  // namespace

Ref<> mmap_module_create() {
  static std::once_flag once;
  std::call_once(once, mmap_init_once);
  Ref<> m = module_new("mmap");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "mmap", Value(&g_mmap_type)) < 0) return nullptr;
  if (dict_set_item_str(d, "error", Value(g_OSError)) < 0) return nullptr;
  long page = sysconf(_SC_PAGESIZE);
  struct Const {
    const char* name;
    int64_t value;
  };
  const Const kConsts[] = {
      {"PROT_EXEC", PROT_EXEC},
      {"PROT_READ", PROT_READ},
      {"PROT_WRITE", PROT_WRITE},
      {"MAP_SHARED", MAP_SHARED},
      {"MAP_PRIVATE", MAP_PRIVATE},
      {"MAP_DENYWRITE", MAP_DENYWRITE},
      {"MAP_EXECUTABLE", MAP_EXECUTABLE},
      {"MAP_ANON", MAP_ANONYMOUS},
      {"MAP_ANONYMOUS", MAP_ANONYMOUS},
      {"MAP_POPULATE", MAP_POPULATE},
      {"MAP_STACK", MAP_STACK},
      {"PAGESIZE", page},
      {"ALLOCATIONGRANULARITY", page},
      {"ACCESS_DEFAULT", kAccessDefault},
      {"ACCESS_READ", kAccessRead},
      {"ACCESS_WRITE", kAccessWrite},
      {"ACCESS_COPY", kAccessCopy},
      {"MADV_NORMAL", MADV_NORMAL},
      {"MADV_RANDOM", MADV_RANDOM},
      {"MADV_SEQUENTIAL", MADV_SEQUENTIAL},
      {"MADV_WILLNEED", MADV_WILLNEED},
      {"MADV_DONTNEED", MADV_DONTNEED},
      {"MADV_REMOVE", MADV_REMOVE},
      {"MADV_DONTFORK", MADV_DONTFORK},
      {"MADV_DOFORK", MADV_DOFORK},
      {"MADV_HWPOISON", MADV_HWPOISON},
      {"MADV_MERGEABLE", MADV_MERGEABLE},
      {"MADV_UNMERGEABLE", MADV_UNMERGEABLE},
      {"MADV_HUGEPAGE", MADV_HUGEPAGE},
      {"MADV_NOHUGEPAGE", MADV_NOHUGEPAGE},
      {"MADV_DONTDUMP", MADV_DONTDUMP},
      {"MADV_DODUMP", MADV_DODUMP},
      {"MADV_FREE", MADV_FREE},
  };
  for (const Const& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
