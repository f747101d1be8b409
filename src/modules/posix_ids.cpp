#include "modules/posix_ids.h"

#include <climits>
#include <cstring>

#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/type.h"

namespace ftpy {

IdParse id_from_object(Value v, const char* what, uint32_t* out) {
  if (!is_int(v) && !type_of(v)->nb_index) {
    err_format(g_TypeError, "%s should be integer, not %s", what, type_name(type_of(v)));
    return IdParse::kError;
  }
  Ref<> i = number_index(v);
  if (!i) return IdParse::kError;
  __int128 x;
  bool fits = int_as_int128(i.val(), &x);
  // CPython converts through a C long, then an unsigned long. A value that
  // fits a long but not the 32-bit id type is reported as "less than
  // minimum" whatever its sign (3.11's converter does so), while one that
  // needs the unsigned long is "greater than maximum".
  const char* bound = nullptr;
  if (!fits) {
    bound = int_sign(i.val()) < 0 ? "less than minimum" : "greater than maximum";
  } else if (x == -1) {
    *out = static_cast<uint32_t>(-1);
    return IdParse::kOk;
  } else if (x < 0 || (x > UINT32_MAX && x <= INT64_MAX)) {
    bound = "less than minimum";
  } else if (x > INT64_MAX) {
    bound = "greater than maximum";
  }
  if (bound) {
    err_format(g_OverflowError, "%s is %s", what, bound);
    return IdParse::kOverflow;
  }
  *out = static_cast<uint32_t>(x);
  return IdParse::kOk;
}

bool c_int_arg(Value v, int* out) {
  int64_t x;
  if (!to_int64(v, &x)) return false;
  if (x < INT_MIN || x > INT_MAX) {
    err_set_str(g_OverflowError, x < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

Ref<> id_to_int(uint32_t id) {
  if (id == static_cast<uint32_t>(-1)) return int_from_int64(-1);
  return int_from_int64(id);
}

Ref<> os_text(const char* s) {
  if (!s) s = "";
  return codec_decode(reinterpret_cast<const uint8_t*>(s), static_cast<int64_t>(std::strlen(s)), "utf-8",
                      "surrogateescape");
}

bool os_text_bytes(Value str, std::string* out) {
  Ref<> b = codec_encode(str.as<Str>(), "utf-8", "surrogateescape");
  if (!b) return false;
  std::string_view v = bytes_view(b.val());
  if (v.find('\0') != std::string_view::npos) {
    err_set_str(g_ValueError, "embedded null byte");
    return false;
  }
  out->assign(v);
  return true;
}

bool fd_from_object(Value v, int* out) {
  Ref<> n;
  if (is_int(v)) {
    n = Ref<>::borrow(v);
  } else {
    Ref<> m = getattr_opt(v, Value(str_intern("fileno")));
    if (!m) {
      if (!err_occurred())
        err_set_str(g_TypeError, "argument must be an int, or have a fileno() method.");
      return false;
    }
    n = call(m.val(), nullptr, 0);
    if (!n) return false;
    if (!is_int(n.val())) {
      err_set_str(g_TypeError, "fileno() returned a non-integer");
      return false;
    }
  }
  int64_t fd;
  if (!to_int64(n.val(), &fd)) return false;
  if (fd < 0) {
    err_format(g_ValueError, "file descriptor cannot be a negative integer (%lld)", static_cast<long long>(fd));
    return false;
  }
  if (fd > INT_MAX) {
    err_set_str(g_OverflowError, "fd is greater than maximum");
    return false;
  }
  *out = static_cast<int>(fd);
  return true;
}

}  // namespace ftpy
