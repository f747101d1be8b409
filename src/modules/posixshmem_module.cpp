// The `_posixshmem` module (CPython 3.11's, on Linux): shm_open(path, flags,
// mode=0o777) -> fd and shm_unlink(path), retried on EINTR after the signal
// handlers ran, with OSError naming the path.
//
// Thread safety: stateless; the calls run detached.
#include "modules/posixshmem_module.h"

#include <fcntl.h>
#include <sys/mman.h>

#include <cerrno>
#include <string>

#include "modules/posix_ids.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"

namespace ftpy {

namespace {

// The path as CPython passes it: str only, its UTF-8 up to the first NUL
// (CPython 3.11 does not check for one; the C call stops there).
bool path_arg(const char* fn, Value v, std::string* out) {
  if (!is_str(v)) {
    err_format(g_TypeError, "%s() argument 'path' must be str, not %s", fn, type_name(type_of(v)));
    return false;
  }
  std::string_view s = str_view(v);
  out->assign(s.substr(0, s.find('\0')));
  return true;
}

Ref<> shm_open_fn(Value, Value* args) {
  std::string path;
  int flags, mode;
  if (!path_arg("shm_open", args[0], &path) || !c_int_arg(args[1], &flags) || !c_int_arg(args[2], &mode))
    return nullptr;
  bool failed;
  int fd = retry_detached([&] { return shm_open(path.c_str(), flags, static_cast<mode_t>(mode)); }, &failed);
  if (failed) return nullptr;
  if (fd < 0) return err_from_errno(errno, args[0]);
  return int_from_int64(fd);
}

Ref<> shm_unlink_fn(Value, Value* args) {
  std::string path;
  if (!path_arg("shm_unlink", args[0], &path)) return nullptr;
  bool failed;
  int rc = retry_detached([&] { return shm_unlink(path.c_str()); }, &failed);
  if (failed) return nullptr;
  if (rc < 0) return err_from_errno(errno, args[0]);
  return new_none();
}

const MethodDef kShmFunctions[] = {
    {"shm_open(path, flags, mode=511)", shm_open_fn, "Open a shared memory object.  Returns a file descriptor (integer)."},
    {"shm_unlink(path)", shm_unlink_fn,
     "Remove a shared memory object (similar to unlink()).\n\nRemove a shared memory object.  Similar to unlink()."},
    {nullptr}};

}  // namespace

Ref<> posixshmem_module_create() {
  Ref<> m = module_new("_posixshmem");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kShmFunctions) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
