// _io.FileIO: raw, unbuffered binary I/O on a file descriptor.
//
// Thread safety: every method runs in a critical section on the FileIO, so
// the descriptor is never closed while another thread of ours reads it and
// position-changing calls do not interleave. The read/write system calls are
// blocking regions (io_internal.h).
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/io_internal.h"
#include "modules/io_module.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "vm/warn.h"

namespace ftpy {

Type g_fileio_type;

namespace {

struct FileIO : IOBaseObj {
  int fd;
  uint8_t readable, writable, appending, created, closefd;
  int8_t seekable;  // -1 unknown
  int64_t blksize;
  Value name;  // owned; stored in dict as well for attribute access
};

FileIO* as_file(Value v) { return v.as<FileIO>(); }

std::nullptr_t closed_err() { return io_closed_error(false); }

Ref<> fileio_new(Type* type, const Value*, size_t, Value) {
  auto* f = alloc_object<FileIO>(type, type->basic_size);
  if (!f) return nullptr;
  f->fd = -1;
  f->seekable = -1;
  f->closefd = 1;
  return Ref<>::steal(Value(f));
}

int internal_close(FileIO* f) {
  int fd = f->fd;
  f->fd = -1;
  if (fd >= 0 && f->closefd) {
    if (::close(fd) < 0) {
      err_from_errno(errno);
      return -1;
    }
  }
  return 0;
}

void fileio_dealloc(Object* o) {
  if (io_finalize_for_dealloc(o)) return;
  io_base_clear_weakrefs(o);
  auto* f = static_cast<FileIO*>(o);
  if (f->fd >= 0 && f->closefd) ::close(f->fd);
  decref(f->name);
  io_base_dealloc_fields(o);
  free_object(o);
}

void fileio_traverse(Object* o, VisitFn visit, void* arg) {
  io_base_traverse(o, visit, arg);
  visit(static_cast<FileIO*>(o)->name, arg);
}

int fileio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("FileIO(file, mode='r', closefd=True, opener=None)", nullptr);
  Value a[4];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return -1;
  FileIO* f = as_file(self);
  CriticalSection cs(self);
  if (f->fd >= 0) {
    if (f->closefd) {
      if (internal_close(f) < 0) return -1;
    } else {
      f->fd = -1;
    }
  }
  Value file = a[0], mode_v = a[1], opener = a[3];
  int closefd = truthy(a[2]);
  if (closefd < 0) return -1;
  if (is_instance_exact(file, &g_float_type) || (file.is_obj() && is_subtype(type_of(file), &g_float_type))) {
    err_set_str(g_TypeError, "integer argument expected, got float");
    return -1;
  }
  int fd = -1;
  std::string path;
  if (is_int(file)) {
    int64_t v;
    if (!to_int64(file, &v)) return -1;
    if (v < 0) {
      err_set_str(g_ValueError, "negative file descriptor");
      return -1;
    }
    if (v > INT_MAX) {
      err_set_str(g_OverflowError, "signed integer is greater than maximum");
      return -1;
    }
    fd = static_cast<int>(v);
  } else {
    if (!io_path_bytes(file, &path)) return -1;
  }
  if (!is_str(mode_v)) {
    err_format(g_TypeError, "FileIO() argument 'mode' must be str, not %s", type_name(type_of(mode_v)));
    return -1;
  }
  std::string_view mode = str_view(mode_v);
  bool rwa = false, plus = false;
  f->readable = f->writable = f->appending = f->created = 0;
  int flags = 0;
  for (char c : mode) {
    switch (c) {
      case 'x': case 'r': case 'w': case 'a':
        if (rwa) goto bad_mode;
        rwa = true;
        if (c == 'x') { f->created = 1; f->writable = 1; flags |= O_EXCL | O_CREAT; }
        else if (c == 'r') { f->readable = 1; }
        else if (c == 'w') { f->writable = 1; flags |= O_CREAT | O_TRUNC; }
        else { f->writable = 1; f->appending = 1; flags |= O_APPEND | O_CREAT; }
        break;
      case '+':
        if (plus) goto bad_mode;
        f->readable = f->writable = 1;
        plus = true;
        break;
      case 'b':
        break;
      default: {
        err_format(g_ValueError, "invalid mode: %.200s", std::string(mode).c_str());
        return -1;
      }
    }
  }
  if (!rwa) goto bad_mode;
  if (f->readable && f->writable) flags |= O_RDWR;
  else if (f->readable) flags |= O_RDONLY;
  else flags |= O_WRONLY;
  flags |= O_CLOEXEC;

  if (fd >= 0) {
    f->fd = fd;
    f->closefd = closefd != 0;
  } else {
    f->closefd = 1;
    if (!closefd) {
      err_set_str(g_ValueError, "Cannot use closefd=False with file name");
      return -1;
    }
    if (is_none(opener)) {
      int r;
      do {
        BlockingRegion br;  // blocking: detaches (issue: free threading)
        r = ::open(path.c_str(), flags, 0666);
      } while (r < 0 && errno == EINTR);
      if (r < 0) {
        int saved = errno;  // before any Python code runs
        err_from_errno(saved, io_error_filename(file).val());
        return -1;
      }
      fd = r;
    } else {
      Ref<> fl = small_int(flags);
      Ref<> r = call2(opener, file, fl.val());
      if (!r) return -1;
      int64_t v;
      if (!is_int(r.val())) {
        err_format(g_TypeError, "expected integer from opener");
        return -1;
      }
      if (!to_int64(r.val(), &v)) return -1;
      if (v < 0) {
        err_format(g_ValueError, "opener returned %lld", static_cast<long long>(v));
        return -1;
      }
      fd = static_cast<int>(v);
    }
    f->fd = fd;
  }
  f->blksize = kDefaultBufferSize;
  struct stat st;
  if (::fstat(f->fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      int saved = f->fd;
      f->fd = -1;
      if (f->closefd) ::close(saved);
      err_from_errno(EISDIR, io_error_filename(file).val());
      return -1;
    }
    if (st.st_blksize > 1) f->blksize = st.st_blksize;
  } else if (errno == EBADF) {
    f->fd = -1;
    err_from_errno(EBADF);
    return -1;
  }
  {
    Value old = f->name;
    f->name = Ref<>::borrow(file).release();
    decref(old);
  }
  if (f->appending) ::lseek(f->fd, 0, SEEK_END);
  return 0;

bad_mode:
  err_set_str(g_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
  return -1;
}

#define CHECK_OPEN(f) \
  if ((f)->fd < 0) return closed_err()

Ref<> fileio_readall_locked(FileIO* f) {
  std::string out;
  struct stat st;
  size_t chunk = 65536;
  if (::fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) {
    off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
    if (pos >= 0 && st.st_size > pos) chunk = static_cast<size_t>(st.st_size - pos) + 1;
  }
  for (;;) {
    size_t old = out.size();
    out.resize(old + chunk);
    int64_t n = sys_read(f->fd, out.data() + old, chunk);
    if (n < 0) {
      out.resize(old);
      if (errno == EAGAIN) {
        if (old == 0) return new_none();
        break;
      }
      return err_from_errno(errno);
    }
    out.resize(old + static_cast<size_t>(n));
    if (n == 0) break;
    if (chunk < (1u << 20)) chunk *= 2;
  }
  return bytes_from(out);
}

Ref<> fileio_read(Value self, Value* args) {
  FileIO* f = as_file(self);
  CriticalSection cs(self);
  CHECK_OPEN(f);
  if (!f->readable) return io_unsupported("File not open for reading");
  int64_t n;
  if (!io_size_arg(args[0], &n)) return nullptr;
  if (n < 0) return fileio_readall_locked(f);
  std::string buf(static_cast<size_t>(n), '\0');
  int64_t r = sys_read(f->fd, buf.data(), static_cast<size_t>(n));
  if (r < 0) {
    if (errno == EAGAIN) return new_none();
    return err_from_errno(errno);
  }
  buf.resize(static_cast<size_t>(r));
  return bytes_from(buf);
}

Ref<> fileio_readall(Value self, Value*) {
  FileIO* f = as_file(self);
  CriticalSection cs(self);
  CHECK_OPEN(f);
  if (!f->readable) return io_unsupported("File not open for reading");
  return fileio_readall_locked(f);
}

Ref<> fileio_readinto(Value self, Value* args) {
  FileIO* f = as_file(self);
  CriticalSection cs(self);
  CHECK_OPEN(f);
  if (!f->readable) return io_unsupported("File not open for reading");
  int64_t n = io_buffer_length(args[0]);
  if (n < 0) return nullptr;
  std::string buf(static_cast<size_t>(n), '\0');
  int64_t r = sys_read(f->fd, buf.data(), static_cast<size_t>(n));
  if (r < 0) {
    if (errno == EAGAIN) return new_none();
    return err_from_errno(errno);
  }
  buf.resize(static_cast<size_t>(r));
  if (io_buffer_fill(args[0], buf) < 0) return nullptr;
  return int_from_int64(r);
}

Ref<> fileio_write(Value self, Value* args) {
  FileIO* f = as_file(self);
  std::string data;
  if (!buffer_copy_or_error(args[0], &data)) return nullptr;
  CriticalSection cs(self);
  CHECK_OPEN(f);
  if (!f->writable) return io_unsupported("File not open for writing");
  int64_t r = sys_write(f->fd, data.data(), data.size());
  if (r < 0) {
    if (errno == EAGAIN) return new_none();
    return err_from_errno(errno);
  }
  return int_from_int64(r);
}

Ref<> fileio_seek(Value self, Value* args) {
  FileIO* f = as_file(self);
  if (is_instance_exact(args[0], &g_float_type)) return err_set_str(g_TypeError, "an integer is required");
  int64_t pos, whence;
  if (!to_int64(args[0], &pos) || !to_int64(args[1], &whence)) return nullptr;
  CriticalSection cs(self);
  CHECK_OPEN(f);
  off_t r = ::lseek(f->fd, static_cast<off_t>(pos), static_cast<int>(whence));
  if (r < 0) return err_from_errno(errno);
  if (f->seekable < 0) f->seekable = 1;
  return int_from_int64(r);
}

Ref<> fileio_tell(Value self, Value*) {
  FileIO* f = as_file(self);
  CriticalSection cs(self);
  CHECK_OPEN(f);
  off_t r = ::lseek(f->fd, 0, SEEK_CUR);
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> fileio_truncate(Value self, Value* args) {
  FileIO* f = as_file(self);
  CriticalSection cs(self);
  CHECK_OPEN(f);
  if (!f->writable) return io_unsupported("File not open for writing");
  int64_t size;
  if (args[0].is_null() || is_none(args[0])) {
    off_t r = ::lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) return err_from_errno(errno);
    size = r;
  } else if (!to_int64(args[0], &size)) {
    return nullptr;
  }
  int r;
  {
    BlockingRegion br;  // blocking: detaches (issue: free threading)
    r = ::ftruncate(f->fd, static_cast<off_t>(size));
  }
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(size);
}

Ref<> fileio_close(Value self, Value*) {
  FileIO* f = as_file(self);
  CriticalSection cs(self);
  f->base_closed = 1;
  if (internal_close(f) < 0) return nullptr;
  return new_none();
}

Ref<> fileio_seekable(Value self, Value*) {
  FileIO* f = as_file(self);
  CriticalSection cs(self);
  CHECK_OPEN(f);
  if (f->seekable < 0) f->seekable = ::lseek(f->fd, 0, SEEK_CUR) >= 0 ? 1 : 0;
  return new_bool(f->seekable == 1);
}
Ref<> fileio_readable(Value self, Value*) {
  FileIO* f = as_file(self);
  CHECK_OPEN(f);
  return new_bool(f->readable);
}
Ref<> fileio_writable(Value self, Value*) {
  FileIO* f = as_file(self);
  CHECK_OPEN(f);
  return new_bool(f->writable);
}
Ref<> fileio_fileno(Value self, Value*) {
  FileIO* f = as_file(self);
  CHECK_OPEN(f);
  return small_int(f->fd);
}
Ref<> fileio_isatty(Value self, Value*) {
  FileIO* f = as_file(self);
  CHECK_OPEN(f);
  return new_bool(::isatty(f->fd) == 1);
}

const char* mode_string(FileIO* f) {
  if (f->created) return f->readable ? "xb+" : "xb";
  if (f->appending) return f->readable ? "ab+" : "ab";
  if (f->readable) return f->writable ? "rb+" : "rb";
  return "wb";
}

Ref<> fileio_mode_get(Value self) { return str_from_ascii(mode_string(as_file(self))); }
Ref<> fileio_closed_get(Value self) { return new_bool(as_file(self)->fd < 0); }
Ref<> fileio_closefd_get(Value self) { return new_bool(as_file(self)->closefd != 0); }
Ref<> fileio_blksize_get(Value self) { return int_from_int64(as_file(self)->blksize); }
Ref<> fileio_name_get(Value self) {
  FileIO* f = as_file(self);
  if (f->name.is_null()) return err_set_str(g_AttributeError, "name");
  return Ref<>::borrow(f->name);
}
int fileio_name_set(Value self, Value v) {
  FileIO* f = as_file(self);
  if (v.is_null()) {
    err_set_str(g_AttributeError, "name");
    return -1;
  }
  CriticalSection cs(self);
  Value old = f->name;
  f->name = Ref<>::borrow(v).release();
  decref(old);
  return 0;
}

Ref<> fileio_repr(Value self) {
  FileIO* f = as_file(self);
  std::string tn = std::string("_io.") + type_name(type_of(self));
  if (f->fd < 0) return str_from_utf8("<" + tn + " [closed]>");
  std::string out = "<" + tn;
  if (!f->name.is_null()) {
    Ref<> r = repr(f->name);
    if (!r) return nullptr;
    out += " name=" + std::string(str_view(r.val()));
  } else {
    out += " fd=" + std::to_string(f->fd);
  }
  out += std::string(" mode='") + mode_string(f) + "' closefd=" + (f->closefd ? "True" : "False") + ">";
  return str_from_utf8(out);
}

// _dealloc_warn(source): a file object dies still open. The warning names
// `source`, the outermost object of the stack (the TextIOWrapper a program
// dropped), as CPython's does; only a descriptor this object would close
// counts as leaked.
Ref<> fileio_dealloc_warn(Value self, Value* a) {
  FileIO* f = as_file(self);
  if (f->fd < 0 || !f->closefd) return new_none();
  Ref<> r = repr(a[0]);
  if (!r) return nullptr;
  // A warning turned into an error (-W error) is reported here, against
  // the raw file, as CPython does: the layers above pass over failures.
  if (!warn_from_runtime(g_ResourceWarning, std::string("unclosed file ") + std::string(str_view(r.val())), a[0]))
    err_write_unraisable(nullptr, self);
  return new_none();
}

const MethodDef kFileIOMethods[] = {
    {"_dealloc_warn($self, source, /)", fileio_dealloc_warn, nullptr},
    {"read($self, size=-1, /)", fileio_read, "Read at most size bytes, returned as bytes."},
    {"readall($self, /)", fileio_readall, "Read all data from the file, returned as bytes."},
    {"readinto($self, buffer, /)", fileio_readinto, "Same as RawIOBase.readinto()."},
    {"write($self, b, /)", fileio_write, "Write buffer b to file, return number of bytes written."},
    {"seek($self, pos, whence=0, /)", fileio_seek, "Move to new file position and return the file position."},
    {"tell($self, /)", fileio_tell, "Current file position."},
    {"truncate($self, size=None, /)", fileio_truncate, "Truncate the file to at most size bytes."},
    {"close($self, /)", fileio_close, "Close the file."},
    {"seekable($self, /)", fileio_seekable, "True if file supports random-access."},
    {"readable($self, /)", fileio_readable, "True if file was opened in a read mode."},
    {"writable($self, /)", fileio_writable, "True if file was opened in a write mode."},
    {"fileno($self, /)", fileio_fileno, "Return the underlying file descriptor (an integer)."},
    {"isatty($self, /)", fileio_isatty, "True if the file is connected to a TTY device."},
    {nullptr}};

const GetSetDef kFileIOGetSets[] = {
    {"mode", fileio_mode_get, nullptr, "String giving the file mode"},
    {"closed", fileio_closed_get, nullptr, "True if the file is closed"},
    {"closefd", fileio_closefd_get, nullptr, "True if the file descriptor will be closed by close()."},
    {"_blksize", fileio_blksize_get, nullptr, nullptr},
    {"name", fileio_name_get, fileio_name_set, nullptr},
    {nullptr}};

}  // namespace

void io_fileio_init() {
  Type* t = &g_fileio_type;
  io_type_setup(t, "_io.FileIO", &g_rawiobase_type, sizeof(FileIO));
  t->tp_new = fileio_new;
  t->tp_init = fileio_init;
  t->tp_dealloc = fileio_dealloc;
  t->tp_traverse = fileio_traverse;
  t->tp_repr = fileio_repr;
  t->methods = kFileIOMethods;
  t->getsets = kFileIOGetSets;
  t->doc = "Open a file.";
  type_ready(t);
}

}  // namespace ftpy
