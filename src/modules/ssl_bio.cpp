// _ssl.MemoryBIO: a memory buffer OpenSSL reads from or writes to, the
// transport of an SSLObject (ssl.SSLContext.wrap_bio, asyncio's sslproto).
// Thread safety: see MemoryBIOObject in ssl_internal.h (a std::mutex guards
// the BIO; contended waits are detached; no Python code runs under it).
#include <climits>
#include <string>

#include "modules/buffer_util.h"
#include "modules/bz2_lzma_shared.h"
#include "modules/ssl_internal.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "modules/lazy/ssl_lazy.h"  // last: redirects the library's names

namespace ftpy {

Type g_memorybio_type;

namespace {

MemoryBIOObject* as_bio(Value v) { return v.as<MemoryBIOObject>(); }

Ref<> bio_tp_new(Type* t, const Value*, size_t nargs, Value kwnames) {
  if (nargs > 0) return err_set_str(g_TypeError, "MemoryBIO() takes no positional arguments");
  if (!kwnames.is_null() && tuple_size(kwnames) > 0)
    return err_set_str(g_TypeError, "MemoryBIO() takes no keyword arguments");
  BIO* bio = BIO_new(BIO_s_mem());
  if (!bio) return err_set_str(g_MemoryError, "failed to allocate BIO");
  // An empty buffer reads as "try again" rather than EOF, until write_eof().
  BIO_set_retry_read(bio);
  BIO_set_mem_eof_return(bio, -1);
  auto* b = alloc_object<MemoryBIOObject>(t, t->basic_size);
  if (!b) {
    BIO_free(bio);
    return nullptr;
  }
  b->bio = bio;
  b->mu = new std::mutex();
  b->eof_written = false;
  return Ref<>::steal(Value(b));
}

void bio_dealloc(Object* o) {
  auto* b = static_cast<MemoryBIOObject*>(o);
  BIO_free(b->bio);
  delete b->mu;
  free_object(o);
}

Ref<> bio_pending(Value self) {
  MemoryBIOObject* b = as_bio(self);
  StreamLock lock(*b->mu);
  return int_from_uint64(BIO_ctrl_pending(b->bio));
}

Ref<> bio_eof(Value self) {
  MemoryBIOObject* b = as_bio(self);
  StreamLock lock(*b->mu);
  return new_bool(BIO_ctrl_pending(b->bio) == 0 && b->eof_written);
}

Ref<> bio_read(Value self, Value* args) {
  int64_t size = -1;
  if (!args[0].is_null() && !to_int64(args[0], &size)) return nullptr;
  if (size > INT_MAX) size = INT_MAX;
  MemoryBIOObject* b = as_bio(self);
  std::string buf;
  {
    StreamLock lock(*b->mu);
    int64_t avail = static_cast<int64_t>(std::min<size_t>(BIO_ctrl_pending(b->bio), INT_MAX));
    int64_t want = (size < 0 || size > avail) ? avail : size;
    buf.resize(static_cast<size_t>(want));
    if (want > 0) {
      int n = BIO_read(b->bio, buf.data(), static_cast<int>(want));
      if (n < 0) {
        if (!BIO_should_retry(b->bio)) return ssl_raise_from_queue(kLineBio);
        n = 0;
      }
      buf.resize(static_cast<size_t>(n));
    }
  }
  return bytes_from(buf);
}

Ref<> bio_write(Value self, Value* args) {
  std::string data;
  if (!module_buffer_or_error(args[0], &data)) return nullptr;
  if (data.size() > INT_MAX) return err_format(g_OverflowError, "string longer than %d bytes", INT_MAX);
  MemoryBIOObject* b = as_bio(self);
  int n;
  {
    StreamLock lock(*b->mu);
    if (b->eof_written) return err_set_str(g_ssl_errors.error, "cannot write() after write_eof()");
    n = BIO_write(b->bio, data.data(), static_cast<int>(data.size()));
  }
  if (n < 0) return ssl_raise_from_queue(kLineBio);
  return int_from_int64(n);
}

Ref<> bio_write_eof(Value self, Value*) {
  MemoryBIOObject* b = as_bio(self);
  StreamLock lock(*b->mu);
  b->eof_written = true;
  // Reads past the end now return EOF instead of "try again".
  BIO_clear_retry_flags(b->bio);
  BIO_set_mem_eof_return(b->bio, 0);
  return new_none();
}

const MethodDef kBioMethods[] = {
    {"read($self, size=-1, /)", bio_read,
     "Read up to size bytes from the memory BIO.\n\nIf size is not specified, read the entire buffer.\nIf the return "
     "value is an empty bytes instance, this means either\nEOF or that no data is available. Use the \"eof\"\n"
     "property to distinguish between the two."},
    {"write($self, b, /)", bio_write,
     "Writes the bytes b into the memory BIO.\n\nReturns the number of bytes written."},
    {"write_eof($self, /)", bio_write_eof,
     "Write an EOF marker to the memory BIO.\n\nWhen all data has been read, the \"eof\" property will be True."},
    {nullptr}};

const GetSetDef kBioGetSets[] = {
    {"pending", bio_pending, nullptr, "The number of bytes pending in the memory BIO."},
    {"eof", bio_eof, nullptr, "Whether the memory BIO is at EOF."},
    {nullptr}};

}  // namespace

void memorybio_type_init() {
  Type* t = &g_memorybio_type;
  t->name = "_ssl.MemoryBIO";
  t->basic_size = sizeof(MemoryBIOObject);
  t->flags = 0;
  t->tp_new = bio_tp_new;
  t->tp_dealloc = bio_dealloc;
  t->methods = kBioMethods;
  t->getsets = kBioGetSets;
  type_ready(t);
}

}  // namespace ftpy
