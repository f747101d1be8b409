// _ftpy_codecs: the stateful codec primitives of CPython's `_codecs` that
// lib/codecs.py cannot build from str.encode/bytes.decode, because they
// report how much input they consumed: utf_7_decode (whose incremental
// decoder keeps an unfinished shift sequence for the next chunk), and its
// partner utf_7_encode. lib/codecs.py re-exports them, and lib/_codecs.py
// from it, under CPython's names.
//
// Thread safety: pure functions of their arguments (the input is copied
// out of its buffer first).
#include "modules/ftpy_codecs_module.h"

#include <string>

#include "modules/buffer_util.h"
#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

namespace {

// The errors argument: None means strict; anything else must be a str.
bool errors_arg(const char* fname, Value v, std::string* out) {
  if (v.is_null() || is_none(v)) {
    *out = "strict";
    return true;
  }
  if (!is_str(v)) {
    err_format(g_TypeError, "%s() argument 2 must be str or None, not %s", fname, type_name(type_of(v)));
    return false;
  }
  *out = str_utf8(v);
  return true;
}

// utf_7_encode(str, errors=None, /) -> (bytes, len(str))
Ref<> utf_7_encode(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "utf_7_encode() argument 1 must be str, not %s", type_name(type_of(args[0])));
  std::string errors;
  if (!errors_arg("utf_7_encode", args[1], &errors)) return nullptr;
  Ref<> out = codec_encode(args[0].as<Str>(), "utf-7", errors);
  if (!out) return nullptr;
  Ref<> n = small_int(args[0].as<Str>()->length);
  return tuple_pack({out.val(), n.val()});
}

// utf_7_decode(data, errors=None, final=False, /) -> (str, bytes consumed)
Ref<> utf_7_decode(Value, Value* args) {
  std::string data;
  if (!module_buffer_or_error(args[0], &data)) return nullptr;
  std::string errors;
  if (!errors_arg("utf_7_decode", args[1], &errors)) return nullptr;
  int final = args[2].is_null() ? 0 : truthy(args[2]);
  if (final < 0) return nullptr;
  int64_t consumed = 0;
  Value source = is_bytes(args[0]) ? args[0] : Value();
  Ref<> text = codec_decode_utf7(reinterpret_cast<const uint8_t*>(data.data()), static_cast<int64_t>(data.size()),
                                 errors, final != 0, &consumed, source);
  if (!text) return nullptr;
  Ref<> n = small_int(consumed);
  return tuple_pack({text.val(), n.val()});
}

const MethodDef kFtpyCodecsFunctions[] = {
    {"utf_7_encode(str, errors=None, /)", utf_7_encode, nullptr},
    {"utf_7_decode(data, errors=None, final=?, /)", utf_7_decode, nullptr},
    {nullptr}};

}  // namespace

Ref<> ftpy_codecs_module_create() {
  Ref<> m = module_new("_ftpy_codecs");
  if (!m) return nullptr;
  // The functions are CPython's _codecs ones (which re-exports them): made
  // while the module is named so, their __module__ and argument errors say
  // "_codecs" ("_codecs.utf_7_decode() takes no keyword arguments").
  Value d = module_dict(m.val());
  if (dict_set_item(d, Value(ids::__name__), Value(str_intern("_codecs"))) < 0 ||
      native_add_functions(m.val(), kFtpyCodecsFunctions) < 0 ||
      dict_set_item(d, Value(ids::__name__), Value(str_intern("_ftpy_codecs"))) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
