// The errno module: the error-number constants of the platform and the
// `errorcode` dict mapping numbers back to names.
// Thread safety: the module dict is built once at import.
#include <cerrno>

#include "modules/errno_module.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"

namespace ftpy {

namespace {

struct ErrnoRow {
  const char* name;
  int value;
};

// Aliases first: for numbers with two names errorcode keeps the later row,
// which is the name CPython reports (EAGAIN over EWOULDBLOCK, ...).
#define FTPY_ERRNO_ALIASES(X) X(EDEADLK) X(EOPNOTSUPP) X(EWOULDBLOCK)
#define FTPY_ERRNO_NAMES(X) \
  X(E2BIG) X(EACCES) X(EADDRINUSE) X(EADDRNOTAVAIL) X(EADV) X(EAFNOSUPPORT) X(EAGAIN) X(EALREADY) \
  X(EBADE) X(EBADF) X(EBADFD) X(EBADMSG) X(EBADR) X(EBADRQC) X(EBADSLT) X(EBFONT) \
  X(EBUSY) X(ECANCELED) X(ECHILD) X(ECHRNG) X(ECOMM) X(ECONNABORTED) X(ECONNREFUSED) X(ECONNRESET) \
  X(EDEADLOCK) X(EDESTADDRREQ) X(EDOM) X(EDOTDOT) X(EDQUOT) X(EEXIST) X(EFAULT) X(EFBIG) \
  X(EHOSTDOWN) X(EHOSTUNREACH) X(EIDRM) X(EILSEQ) X(EINPROGRESS) X(EINTR) X(EINVAL) X(EIO) \
  X(EISCONN) X(EISDIR) X(EISNAM) X(EKEYEXPIRED) X(EKEYREJECTED) X(EKEYREVOKED) X(EL2HLT) X(EL2NSYNC) \
  X(EL3HLT) X(EL3RST) X(ELIBACC) X(ELIBBAD) X(ELIBEXEC) X(ELIBMAX) X(ELIBSCN) X(ELNRNG) \
  X(ELOOP) X(EMEDIUMTYPE) X(EMFILE) X(EMLINK) X(EMSGSIZE) X(EMULTIHOP) X(ENAMETOOLONG) X(ENAVAIL) \
  X(ENETDOWN) X(ENETRESET) X(ENETUNREACH) X(ENFILE) X(ENOANO) X(ENOBUFS) X(ENOCSI) X(ENODATA) \
  X(ENODEV) X(ENOENT) X(ENOEXEC) X(ENOKEY) X(ENOLCK) X(ENOLINK) X(ENOMEDIUM) X(ENOMEM) \
  X(ENOMSG) X(ENONET) X(ENOPKG) X(ENOPROTOOPT) X(ENOSPC) X(ENOSR) X(ENOSTR) X(ENOSYS) \
  X(ENOTBLK) X(ENOTCONN) X(ENOTDIR) X(ENOTEMPTY) X(ENOTNAM) X(ENOTRECOVERABLE) X(ENOTSOCK) X(ENOTSUP) \
  X(ENOTTY) X(ENOTUNIQ) X(ENXIO) X(EOVERFLOW) X(EOWNERDEAD) X(EPERM) X(EPFNOSUPPORT) X(EPIPE) \
  X(EPROTO) X(EPROTONOSUPPORT) X(EPROTOTYPE) X(ERANGE) X(EREMCHG) X(EREMOTE) X(EREMOTEIO) X(ERESTART) \
  X(ERFKILL) X(EROFS) X(ESHUTDOWN) X(ESOCKTNOSUPPORT) X(ESPIPE) X(ESRCH) X(ESRMNT) X(ESTALE) \
  X(ESTRPIPE) X(ETIME) X(ETIMEDOUT) X(ETOOMANYREFS) X(ETXTBSY) X(EUCLEAN) X(EUNATCH) X(EUSERS) \
  X(EXDEV) X(EXFULL)

#define FTPY_ERRNO_ROW(n) {#n, n},
const ErrnoRow kErrnoRows[] = {FTPY_ERRNO_ALIASES(FTPY_ERRNO_ROW) FTPY_ERRNO_NAMES(FTPY_ERRNO_ROW)};
#undef FTPY_ERRNO_ROW

}  // namespace

Ref<> errno_module_create() {
  Ref<> m = module_new("errno");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  Ref<Dict> codes = dict_new();
  if (!codes) return nullptr;
  for (const ErrnoRow& r : kErrnoRows) {
    Ref<> v = small_int(r.value);
    Ref<Str> name = str_from_ascii(r.name);
    if (!name || dict_set_item(d, name.val(), v.val()) < 0) return nullptr;
    if (dict_set_item(codes.val(), v.val(), name.val()) < 0) return nullptr;
  }
  if (dict_set_item_str(d, "errorcode", codes.val()) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
