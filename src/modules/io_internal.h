// Private helpers shared by the _io, posix and time modules: the bytes API,
// the blocking-call wrappers, and the common base layout of every _io object.
//
// Blocking: every system call that may wait (read, write, sleep, waitpid, ...)
// runs inside a BlockingRegion, which detaches the thread (DetachedScope,
// runtime/thread_state.h): the GIL and the thread's critical sections are
// released meanwhile and a stop-the-world does not wait for it. Nothing inside
// a region may touch Python objects: only the system call.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "objects/type.h"
#include "runtime/ref.h"
#include "runtime/thread_state.h"

// bytes lives on another branch until it merges into main; compile against its
// API either way (the declarations are identical to objects/bytes.h).
#if __has_include("objects/bytes.h")
#include "objects/bytearray.h"
#include "objects/bytes.h"
#include "objects/codecs.h"
#define FTPY_IO_HAVE_BYTES 1
#else
#define FTPY_IO_HAVE_BYTES 0
namespace ftpy {
struct Str;
struct Bytes : Object {
  int64_t size;
  int64_t hash;
  alignas(8) unsigned char data[];
};
extern Type g_bytes_type;
extern Type g_bytearray_type;
inline bool is_bytes(Value v) { return v.is_obj() && has_flag(v.obj()->ob_type, kTypeBytesSubclass); }
inline const uint8_t* bytes_data(Value v) { return v.as<Bytes>()->data; }
inline int64_t bytes_size(Value v) { return v.as<Bytes>()->size; }
inline std::string_view bytes_view(Value v) {
  return {reinterpret_cast<const char*>(v.as<Bytes>()->data), static_cast<size_t>(v.as<Bytes>()->size)};
}
Ref<> bytes_from(const void* p, size_t n);
inline Ref<> bytes_from(std::string_view s) { return bytes_from(s.data(), s.size()); }
Value bytes_empty();
bool buffer_copy(Value obj, std::string* out);
bool buffer_copy_or_error(Value obj, std::string* out);
bool is_bytes_like(Value obj);
struct ByteArray : Object {
  std::atomic<int64_t> size;
  int64_t capacity;
  uint8_t* data;
  int64_t exports;
};
int64_t bytearray_size(Value ba);
inline bool is_bytearray(Value v) { return v.is_obj() && is_subtype(v.obj()->ob_type, &g_bytearray_type); }
Ref<> codec_decode(const uint8_t* p, int64_t n, std::string_view encoding, std::string_view errors,
                   Value source = Value());
Ref<> codec_encode(Str* s, std::string_view encoding, std::string_view errors);
std::string codec_normalize(std::string_view encoding);
}  // namespace ftpy
#endif

namespace ftpy {

// RAII marker around a call that may block. See the file comment.
using BlockingRegion = DetachedScope;

// read/write/... retried on EINTR; -1 with errno set on failure.
int64_t sys_read(int fd, void* buf, size_t n);
int64_t sys_write(int fd, const void* buf, size_t n);

// Copy `data` into a writable buffer object (bytearray); returns the number of
// bytes copied, or -1 with TypeError if `buf` is not writable.
int64_t io_buffer_length(Value buf);  // -1 with TypeError
int io_buffer_fill(Value buf, const std::string& data);

// os.fspath semantics: str/bytes pass through, else __fspath__; -1 TypeError.
// `out` receives the path in the file system encoding (UTF-8).
Ref<> io_fspath(Value path);
// The filename an OSError about `path` carries: an os.PathLike's fspath
// (str or bytes), anything else (str, bytes, an fd, null) as it is.
Ref<> io_error_filename(Value path);
bool io_path_bytes(Value path, std::string* out, const char* funcname = nullptr);

// The layout every _io object starts with: an instance __dict__ and the
// _IOBase "closed" flag (used only by classes that do not define their own
// notion of closed, i.e. Python subclasses of the ABCs).
// Every _io object takes weak references, as CPython's do (a WeakSet of open
// files, weakref.finalize on a file): `weakreflist` is the list head
// (objects/weakref.h) that io_type_setup's weaklist_offset names.
struct IOBaseObj : Object {
  Value dict;
  Value weakreflist;
  uint8_t base_closed;
  uint8_t finalizing;
};

extern Type g_iobase_type;
extern Type g_rawiobase_type;
extern Type g_bufferediobase_type;
extern Type g_textiobase_type;
extern Type g_fileio_type;
extern Type g_bytesio_type;
extern Type g_stringio_type;
extern Type g_buffered_reader_type;
extern Type g_buffered_writer_type;
extern Type g_buffered_random_type;
extern Type g_textiowrapper_type;
extern Type* g_UnsupportedOperation;

constexpr int64_t kDefaultBufferSize = 8192;

// Raise io.UnsupportedOperation(msg).
std::nullptr_t io_unsupported(const char* msg);
// ValueError("I/O operation on closed file."), with or without the period.
std::nullptr_t io_closed_error(bool period = true);

// Shared dealloc step: if the object is still open, run its close() with the
// object temporarily resurrected (CPython's IOBase finalizer). Returns true if
// the object was resurrected by close() and must not be freed.
bool io_finalize_for_dealloc(Object* o);
// Clears the weak references to a dying _io object (after its finalizer ran,
// before its fields go); a no-op for an object that has none.
void io_base_clear_weakrefs(Object* o);
void io_base_dealloc_fields(Object* o);  // drops the instance dict
void io_base_traverse(Object* o, VisitFn visit, void* arg);

// Common boilerplate to register an _io type.
void io_type_setup(Type* t, const char* name, Type* base, uint32_t size);

// Parse a size argument: None or missing -> -1; else an index.
bool io_size_arg(Value v, int64_t* out);

}  // namespace ftpy
