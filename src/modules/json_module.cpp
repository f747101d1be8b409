// The _json module: lib/json's scanner and encoder in C++, under CPython's
// _json names and call conventions (json.decoder uses make_scanner and
// scanstring; json.encoder uses make_encoder and the encode_basestring
// pair). lib/json keeps its pure-Python versions for what these do not
// cover: iterencode() hands out CPython's streamed chunks from Python.
// Measured (/tmp-style probe of 20,000 records, 2 MB of JSON): dumps 4.3x
// and loads 5.8x slower than python3 with the Python versions.
//
// Thread safety: Scanner and Encoder objects are immutable after
// construction (the decoder's settings are read once, when the scanner is
// made, as CPython's C scanner reads them). Each call keeps its state on the
// C++ stack: the scanner's key memo and the encoder's cycle markers belong to
// one call. A container being encoded may change under another thread: a
// list is read one bounds-checked item at a time with its size re-read at
// each step (as CPython's encoder does), a dict through a snapshot of its
// items.
#include "modules/json_module.h"

#include <mutex>
#include <string>
#include <unordered_set>

#include "modules/module_args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"
#include "vm/import.h"

namespace ftpy {

namespace {

Type g_scanner_type, g_encoder_type;

// Nesting depth of arrays and objects, counted on the thread's native depth
// with CPython's messages.
struct Depth {
  ThreadState* ts;
  bool ok;
  explicit Depth(const char* what) : ts(tstate()) {
    ok = ++ts->c_depth <= g_recursion_limit.load(std::memory_order_relaxed) + 50;
    if (!ok) err_format(g_RecursionError, "maximum recursion depth exceeded%s", what);
  }
  ~Depth() { --ts->c_depth; }
};

// json.decoder.JSONDecodeError(msg, doc, pos), raised.
std::nullptr_t raise_decode_error(const char* msg, Value doc, int64_t pos) {
  Ref<> mod = import_module("json.decoder");
  if (!mod) return nullptr;
  Ref<> cls = getattr(mod.val(), "JSONDecodeError");
  if (!cls) return nullptr;
  Ref<> m = str_from_utf8(msg);
  Ref<> p = int_from_int64(pos);
  if (!m || !p) return nullptr;
  Value args[3] = {m.val(), doc, p.val()};
  Ref<> exc = call(cls.val(), args, 3);
  if (!exc) return nullptr;
  return err_set_instance(exc.val());
}

std::nullptr_t raise_stop_iteration(int64_t pos) {
  Ref<> p = int_from_int64(pos);
  if (!p) return nullptr;
  Ref<Tuple> args = tuple_pack({p.val()});
  if (!args) return nullptr;
  return err_set_object(g_StopIteration, args.val());
}

inline bool is_space(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

int hex_value(uint32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// The four hex digits after s[u] (which is 'u'), or -1.
template <typename C>
int32_t hex4(const C* s, int64_t n, int64_t u) {
  if (u + 4 >= n) return -1;
  int32_t v = 0;
  for (int64_t k = u + 1; k <= u + 4; k++) {
    int h = hex_value(s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// The JSON string whose opening quote is at s[end - 1]; *next gets the
// index after its closing quote.
template <typename C>
Ref<> scan_string(const C* s, int64_t n, Value doc, int64_t end, bool strict, int64_t* next) {
  int64_t start = end - 1;
  int64_t i = end;
  while (i < n) {
    C c = s[i];
    if (c == '"' || c == '\\' || (c < 0x20 && strict)) break;
    i++;
  }
  if (i >= n) return raise_decode_error("Unterminated string starting at", doc, start);
  if (s[i] == '"') {  // no escapes: a slice of the document
    *next = i + 1;
    return str_substring(doc.as<Str>(), end, i);
  }
  std::u32string out(s + end, s + i);
  for (;;) {
    if (i >= n) return raise_decode_error("Unterminated string starting at", doc, start);
    C c = s[i];
    if (c == '"') break;
    if (c != '\\') {
      if (c < 0x20 && strict) return raise_decode_error("Invalid control character at", doc, i);
      out.push_back(c);
      i++;
      continue;
    }
    if (i + 1 >= n) return raise_decode_error("Unterminated string starting at", doc, start);
    C kind = s[i + 1];
    if (kind != 'u') {
      char32_t e;
      switch (kind) {
        case '"': e = '"'; break;
        case '\\': e = '\\'; break;
        case '/': e = '/'; break;
        case 'b': e = '\b'; break;
        case 'f': e = '\f'; break;
        case 'n': e = '\n'; break;
        case 'r': e = '\r'; break;
        case 't': e = '\t'; break;
        default: return raise_decode_error("Invalid \\escape", doc, i);
      }
      out.push_back(e);
      i += 2;
      continue;
    }
    int32_t code = hex4(s, n, i + 1);
    if (code < 0) return raise_decode_error("Invalid \\uXXXX escape", doc, i + 1);
    i += 6;
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < n && s[i] == '\\' && s[i + 1] == 'u') {
      int32_t low = hex4(s, n, i + 1);
      if (low < 0) return raise_decode_error("Invalid \\uXXXX escape", doc, i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i += 6;
      }
    }
    out.push_back(static_cast<char32_t>(code));
  }
  *next = i + 1;
  return str_from_u32(out);
}

// --- the scanner ---------------------------------------------------------------------------------

struct Scanner : Object {
  // Owned; each may be None. Read once from the decoder at construction.
  Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
  bool strict;
};

void scanner_dealloc(Object* o) {
  auto* s = static_cast<Scanner*>(o);
  for (Value v : {s->object_hook, s->object_pairs_hook, s->parse_float, s->parse_int, s->parse_constant})
    decref(v);
  free_object(o);
}

void scanner_traverse(Object* o, VisitFn visit, void* arg) {
  auto* s = static_cast<Scanner*>(o);
  for (Value v : {s->object_hook, s->object_pairs_hook, s->parse_float, s->parse_int, s->parse_constant})
    if (v) visit(v, arg);
}

Ref<> scanner_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("make_scanner(context)", nullptr);
  Value a[1];
  Ref<> hold[1];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  Value ctx = a[0];
  Ref<> strict = getattr(ctx, "strict");
  if (!strict) return nullptr;
  int t = truthy(strict.val());
  if (t < 0) return nullptr;
  const char* names[5] = {"object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"};
  Ref<> vals[5];
  for (int k = 0; k < 5; k++) {
    vals[k] = getattr(ctx, names[k]);
    if (!vals[k]) return nullptr;
  }
  auto* s = alloc_object<Scanner>(type, type->basic_size);
  if (!s) return nullptr;
  s->strict = t != 0;
  s->object_hook = vals[0].release();
  s->object_pairs_hook = vals[1].release();
  s->parse_float = vals[2].release();
  s->parse_int = vals[3].release();
  s->parse_constant = vals[4].release();
  return Ref<>::steal(Value(s));
}

// One scan_once call over a document of code units C.
template <typename C>
struct Parse {
  const C* s;
  int64_t n;
  Value doc;  // the str being scanned: error messages and slices
  Scanner* sc;
  Ref<Dict> memo;     // equal keys share one str within the call
  int64_t stop = -1;  // no value starts here: StopIteration(stop), nothing else pending

  int64_t skip(int64_t i) const {
    while (i < n && is_space(s[i])) i++;
    return i;
  }

  bool starts_with(int64_t i, const char* word) const {
    for (; *word; word++, i++)
      if (i >= n || s[i] != static_cast<unsigned char>(*word)) return false;
    return true;
  }

  Ref<> substring(int64_t a, int64_t b) const { return str_substring(doc.as<Str>(), a, b); }

  Ref<> constant(const char* word) {
    Ref<> w = str_from_ascii(word);
    if (!w) return nullptr;
    return call1(sc->parse_constant, w.val());
  }

  Ref<> number(int64_t i, int64_t* end) {
    int64_t j = i;
    if (j < n && s[j] == '-') j++;
    if (j >= n || !is_digit(s[j])) {
      stop = i;
      return nullptr;
    }
    if (s[j] == '0') {
      j++;
    } else {
      while (j < n && is_digit(s[j])) j++;
    }
    bool integer = true;
    if (j + 1 < n && s[j] == '.' && is_digit(s[j + 1])) {
      integer = false;
      j += 2;
      while (j < n && is_digit(s[j])) j++;
    }
    if (j < n && (s[j] == 'e' || s[j] == 'E')) {
      int64_t k = j + 1;
      if (k < n && (s[k] == '+' || s[k] == '-')) k++;
      if (k < n && is_digit(s[k])) {
        while (k < n && is_digit(s[k])) k++;
        integer = false;
        j = k;
      }
    }
    *end = j;
    // The text is ASCII: copy it once for the native conversions.
    std::string text;
    text.reserve(static_cast<size_t>(j - i));
    for (int64_t k = i; k < j; k++) text.push_back(static_cast<char>(s[k]));
    Value hook = integer ? sc->parse_int : sc->parse_float;
    if (integer && hook.is_obj() && hook.obj() == &g_int_type) {
      if (text.size() <= 18) {
        int64_t v = 0;
        size_t k = text[0] == '-' ? 1 : 0;
        for (; k < text.size(); k++) v = v * 10 + (text[k] - '0');
        return int_from_int64(text[0] == '-' ? -v : v);
      }
      return int_from_string(text, 10);
    }
    if (!integer && hook.is_obj() && hook.obj() == &g_float_type) {
      double d;
      if (float_parse(text, &d)) return float_new(d);
    }
    Ref<> t = str_from_ascii(text);
    if (!t) return nullptr;
    return call1(hook, t.val());
  }

  // The value at s[i] (no leading space). No value there: null with `stop`
  // set and no exception pending.
  Ref<> value(int64_t i, int64_t* end) {
    if (i >= n) {
      stop = i;
      return nullptr;
    }
    switch (s[i]) {
      case '"':
        return scan_string(s, n, doc, i + 1, sc->strict, end);
      case '{': {
        Depth d(" while decoding a JSON object from a unicode string");
        if (!d.ok) return nullptr;
        return object(i + 1, end);
      }
      case '[': {
        Depth d(" while decoding a JSON array from a unicode string");
        if (!d.ok) return nullptr;
        return array(i + 1, end);
      }
      case 'n':
        if (starts_with(i, "null")) {
          *end = i + 4;
          return new_none();
        }
        break;
      case 't':
        if (starts_with(i, "true")) {
          *end = i + 4;
          return new_bool(true);
        }
        break;
      case 'f':
        if (starts_with(i, "false")) {
          *end = i + 5;
          return new_bool(false);
        }
        break;
      case 'N':
        if (starts_with(i, "NaN")) {
          *end = i + 3;
          return constant("NaN");
        }
        break;
      case 'I':
        if (starts_with(i, "Infinity")) {
          *end = i + 8;
          return constant("Infinity");
        }
        break;
      case '-':
        if (starts_with(i, "-Infinity")) {
          *end = i + 9;
          return constant("-Infinity");
        }
        return number(i, end);
      default:
        return number(i, end);
    }
    stop = i;
    return nullptr;
  }

  Ref<> array(int64_t i, int64_t* end) {
    Ref<List> items = list_new();
    if (!items) return nullptr;
    i = skip(i);
    if (i < n && s[i] == ']') {
      *end = i + 1;
      return items;
    }
    for (;;) {
      Ref<> item = value(i, &i);
      if (!item) return nullptr;
      if (list_append(items.val(), item.val()) < 0) return nullptr;
      i = skip(i);
      if (i < n && s[i] == ']') {
        *end = i + 1;
        return items;
      }
      if (i >= n || s[i] != ',') return raise_decode_error("Expecting ',' delimiter", doc, i);
      i = skip(i + 1);
    }
  }

  Ref<> object(int64_t i, int64_t* end) {
    bool pairs_hook = !is_none(sc->object_pairs_hook);
    Ref<> result = pairs_hook ? Ref<>(list_new()) : Ref<>(dict_new());
    if (!result) return nullptr;
    i = skip(i);
    if (!(i < n && s[i] == '}')) {
      for (;;) {
        if (i >= n || s[i] != '"')
          return raise_decode_error("Expecting property name enclosed in double quotes", doc, i);
        Ref<> key = scan_string(s, n, doc, i + 1, sc->strict, &i);
        if (!key) return nullptr;
        if (!memo) {
          memo = dict_new();
          if (!memo) return nullptr;
        }
        key = dict_setdefault(memo.val(), key.val(), key.val());
        if (!key) return nullptr;
        i = skip(i);
        if (i >= n || s[i] != ':') return raise_decode_error("Expecting ':' delimiter", doc, i);
        i = skip(i + 1);
        Ref<> val = value(i, &i);
        if (!val) return nullptr;
        if (pairs_hook) {
          Ref<Tuple> pair = tuple_pack({key.val(), val.val()});
          if (!pair || list_append(result.val(), pair.val()) < 0) return nullptr;
        } else if (dict_set_item(result.val(), key.val(), val.val()) < 0) {
          return nullptr;
        }
        i = skip(i);
        if (i < n && s[i] == '}') break;
        if (i >= n || s[i] != ',') return raise_decode_error("Expecting ',' delimiter", doc, i);
        i = skip(i + 1);
      }
    }
    *end = i + 1;
    if (pairs_hook) return call1(sc->object_pairs_hook, result.val());
    if (!is_none(sc->object_hook)) return call1(sc->object_hook, result.val());
    return result;
  }
};

template <typename C>
Ref<> scan_once(Scanner* sc, Value doc, const C* data, int64_t idx) {
  Parse<C> p{data, doc.as<Str>()->length, doc, sc};
  int64_t end = 0;
  Ref<> v = p.value(idx, &end);
  if (!v) {
    // No value at the top or (as with CPython's C scanner) at a nested
    // position: StopIteration with that position, which raw_decode turns
    // into "Expecting value".
    if (p.stop >= 0) return raise_stop_iteration(p.stop);
    return nullptr;
  }
  Ref<> e = int_from_int64(end);
  if (!e) return nullptr;
  return tuple_pack({v.val(), e.val()});
}

Ref<> scanner_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("scan_once(string, idx)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  if (!is_str(a[0]))
    return err_format(g_TypeError, "first argument must be a string, not %.80s", type_tp_name(type_of(a[0])));
  if (!is_int(a[1]))
    return err_format(g_TypeError, "'%.200s' object cannot be interpreted as an integer",
                      type_tp_name(type_of(a[1])));
  if (!a[1].is_small()) return err_set_str(g_OverflowError, "Python int too large to convert to C ssize_t");
  int64_t idx = a[1].small_value();
  if (idx < 0) return err_set_str(g_ValueError, "idx cannot be negative");
  auto* sc = self.as<Scanner>();
  Str* str = a[0].as<Str>();
  switch (str->kind) {
    case 1: return scan_once(sc, a[0], str->d1(), idx);
    case 2: return scan_once(sc, a[0], str->d2(), idx);
    default: return scan_once(sc, a[0], str->d4(), idx);
  }
}

// scanstring(string, end, strict=True) -> (str, end)
Ref<> json_scanstring(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "first argument must be a string, not %.80s", type_tp_name(type_of(args[0])));
  if (!is_int(args[1]))
    return err_format(g_TypeError, "'%.200s' object cannot be interpreted as an integer",
                      type_tp_name(type_of(args[1])));
  int t = truthy(args[2]);
  if (t < 0) return nullptr;
  Str* str = args[0].as<Str>();
  if (!args[1].is_small() || args[1].small_value() < 0 || args[1].small_value() > str->length)
    return err_set_str(g_ValueError, "end is out of bounds");
  int64_t end = args[1].small_value(), next = 0;
  Ref<> v;
  switch (str->kind) {
    case 1: v = scan_string(str->d1(), str->length, args[0], end, t != 0, &next); break;
    case 2: v = scan_string(str->d2(), str->length, args[0], end, t != 0, &next); break;
    default: v = scan_string(str->d4(), str->length, args[0], end, t != 0, &next); break;
  }
  if (!v) return nullptr;
  Ref<> e = int_from_int64(next);
  if (!e) return nullptr;
  return tuple_pack({v.val(), e.val()});
}

// --- output text ---------------------------------------------------------------------------------

// The encoder's output: bytes while every character is ASCII (the common
// case, and always with ensure_ascii), code points from the first other one.
class Out {
 public:
  void put(char c) {
    if (wide_) w_.push_back(static_cast<unsigned char>(c));
    else a_.push_back(c);
  }
  void put(std::string_view ascii) {
    if (wide_) w_.append(ascii.begin(), ascii.end());
    else a_.append(ascii);
  }
  void put_cp(uint32_t c) {
    if (c < 0x80) return put(static_cast<char>(c));
    widen();
    w_.push_back(static_cast<char32_t>(c));
  }
  void put_str(Str* s) {
    if (s->ascii) return put(std::string_view(reinterpret_cast<const char*>(s->d1()), static_cast<size_t>(s->length)));
    for (int64_t i = 0; i < s->length; i++) put_cp(s->at(i));
  }
  Ref<> finish() {
    if (!wide_) return str_from_ascii(a_);
    return str_from_u32(w_);
  }

 private:
  void widen() {
    if (wide_) return;
    wide_ = true;
    w_.assign(a_.begin(), a_.end());
    a_.clear();
  }
  bool wide_ = false;
  std::string a_;
  std::u32string w_;
};

const char kHex[] = "0123456789abcdef";

void put_u4(Out& out, uint32_t c) {
  char b[6] = {'\\', 'u', kHex[(c >> 12) & 15], kHex[(c >> 8) & 15], kHex[(c >> 4) & 15], kHex[c & 15]};
  out.put(std::string_view(b, 6));
}

// A JSON string literal for s: with `ascii`, every character from 0x7f up
// as \uXXXX (surrogate pairs above the BMP), as encode_basestring_ascii.
void quote(Out& out, Str* s, bool ascii) {
  out.put('"');
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c >= ' ' && c != '"' && c != '\\' && (c < 0x7f || (!ascii && c >= 0x7f))) {
      out.put_cp(c);
      continue;
    }
    switch (c) {
      case '"': out.put("\\\""); continue;
      case '\\': out.put("\\\\"); continue;
      case '\b': out.put("\\b"); continue;
      case '\f': out.put("\\f"); continue;
      case '\n': out.put("\\n"); continue;
      case '\r': out.put("\\r"); continue;
      case '\t': out.put("\\t"); continue;
      default: break;
    }
    if (c >= 0x10000) {
      uint32_t v = c - 0x10000;
      put_u4(out, 0xd800 | (v >> 10));
      put_u4(out, 0xdc00 | (v & 0x3ff));
    } else {
      put_u4(out, c);
    }
  }
  out.put('"');
}

Ref<> encode_basestring_common(Value arg, bool ascii) {
  if (!is_str(arg))
    return err_format(g_TypeError, "first argument must be a string, not %.80s", type_tp_name(type_of(arg)));
  Out out;
  quote(out, arg.as<Str>(), ascii);
  return out.finish();
}

Ref<> json_encode_basestring_ascii(Value, Value* args) { return encode_basestring_common(args[0], true); }
Ref<> json_encode_basestring(Value, Value* args) { return encode_basestring_common(args[0], false); }

// --- the encoder ---------------------------------------------------------------------------------

struct Encoder : Object {
  // Owned. markers: a dict (check for cycles) or None; indent: None or a str.
  Value markers, defaultfn, encoder, indent, key_sep, item_sep;
  bool sort_keys, skipkeys, allow_nan;
  int fast_quote;  // encoder is encode_basestring_ascii (1) or encode_basestring (2); 0: call it
};

void encoder_dealloc(Object* o) {
  auto* e = static_cast<Encoder*>(o);
  for (Value v : {e->markers, e->defaultfn, e->encoder, e->indent, e->key_sep, e->item_sep}) decref(v);
  free_object(o);
}

void encoder_traverse(Object* o, VisitFn visit, void* arg) {
  auto* e = static_cast<Encoder*>(o);
  for (Value v : {e->markers, e->defaultfn, e->encoder, e->indent, e->key_sep, e->item_sep})
    if (v) visit(v, arg);
}

Ref<> encoder_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature(
      "make_encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, "
      "allow_nan)",
      nullptr);
  Value a[9];
  Ref<> hold[9];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  if (!is_none(a[0]) && !is_dict(a[0]))
    return err_format(g_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                      type_tp_name(type_of(a[0])));
  if (!is_none(a[3]) && !is_str(a[3]))
    return err_format(g_TypeError, "make_encoder() argument 4 must be str or None, not %.200s",
                      type_tp_name(type_of(a[3])));
  for (int k : {4, 5})
    if (!is_str(a[k]))
      return err_format(g_TypeError, "make_encoder() argument %d must be str, not %.200s", k + 1,
                        type_tp_name(type_of(a[k])));
  int flags[3];
  for (int k = 0; k < 3; k++) {
    flags[k] = truthy(a[6 + k]);
    if (flags[k] < 0) return nullptr;
  }
  auto* e = alloc_object<Encoder>(type, type->basic_size);
  if (!e) return nullptr;
  Value* slots[6] = {&e->markers, &e->defaultfn, &e->encoder, &e->indent, &e->key_sep, &e->item_sep};
  for (int k = 0; k < 6; k++) {
    incref(a[k]);
    *slots[k] = a[k];
  }
  e->sort_keys = flags[0] != 0;
  e->skipkeys = flags[1] != 0;
  e->allow_nan = flags[2] != 0;
  e->fast_quote = 0;
  if (type_of(a[2]) == &g_native_function_type) {
    NativeFn fn = a[2].as<NativeFunction>()->def->fn;
    if (fn == json_encode_basestring_ascii) e->fast_quote = 1;
    else if (fn == json_encode_basestring) e->fast_quote = 2;
  }
  return Ref<>::steal(Value(e));
}

// One encoder call.
struct Encode {
  Encoder* e;
  Out out;
  std::unordered_set<Object*> active;  // containers being encoded (when checking cycles)
  bool check = false;

  bool put_quoted(Value s) {
    if (e->fast_quote) {
      quote(out, s.as<Str>(), e->fast_quote == 1);
      return true;
    }
    Ref<> r = call1(e->encoder, s);
    if (!r) return false;
    if (!is_str(r.val())) {
      err_format(g_TypeError, "encoder() must return a string, not %.80s", type_tp_name(type_of(r.val())));
      return false;
    }
    out.put_str(r.val().as<Str>());
    return true;
  }

  bool put_float(Value v) {
    double d = float_value(v);
    if (d != d || d == __builtin_inf() || d == -__builtin_inf()) {
      if (!e->allow_nan) {
        err_set_str(g_ValueError, "Out of range float values are not JSON compliant");
        return false;
      }
      out.put(d != d ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
      return true;
    }
    out.put(float_repr(d));
    return true;
  }

  bool put_int(Value v) {
    if (v.is_small()) {
      out.put(std::to_string(v.small_value()));
      return true;
    }
    Ref<> r = g_int_type.tp_repr(v);  // int.__repr__, also for subclasses (IntEnum)
    if (!r) return false;
    out.put_str(r.val().as<Str>());
    return true;
  }

  // A scalar's text; 0 if `v` is not a scalar, -1 on error.
  int scalar(Value v) {
    if (is_str(v)) return put_quoted(v) ? 1 : -1;
    if (is_none(v)) {
      out.put("null");
      return 1;
    }
    if (v.bits() == true_value().bits()) {
      out.put("true");
      return 1;
    }
    if (v.bits() == false_value().bits()) {
      out.put("false");
      return 1;
    }
    if (is_int(v)) return put_int(v) ? 1 : -1;
    if (is_float(v)) return put_float(v) ? 1 : -1;
    return 0;
  }

  bool enter(Value o) {
    if (!check) return true;
    if (!active.insert(o.obj()).second) {
      err_set_str(g_ValueError, "Circular reference detected");
      return false;
    }
    return true;
  }
  void leave(Value o) {
    if (check) active.erase(o.obj());
  }

  void newline(int64_t depth) {
    out.put('\n');
    for (int64_t k = 0; k < depth; k++) out.put_str(e->indent.as<Str>());
  }

  bool value(Value v, int64_t depth) {
    int r = scalar(v);
    if (r) return r > 0;
    Depth d(" while encoding a JSON object");
    if (!d.ok) return false;
    if (is_list(v) || is_tuple(v)) return array(v, depth);
    if (is_dict(v)) return object(v, depth);
    if (!enter(v)) return false;
    Ref<> replacement = call1(e->defaultfn, v);
    if (!replacement) return false;
    if (!value(replacement.val(), depth)) return false;
    leave(v);
    return true;
  }

  bool array(Value seq, int64_t depth) {
    bool is_l = is_list(seq);
    int64_t n = is_l ? list_size(seq) : tuple_size(seq);
    if (n == 0) {
      out.put("[]");
      return true;
    }
    if (!enter(seq)) return false;
    out.put('[');
    bool indent = !is_none(e->indent);
    if (indent) newline(depth + 1);
    for (int64_t i = 0;; i++) {
      Ref<> item;
      if (is_l) {
        item = list_get_or_null(seq, i);
        if (!item) break;
      } else {
        if (i >= n) break;
        item = Ref<>::borrow(tuple_item(seq, i));
      }
      if (i) {
        out.put_str(e->item_sep.as<Str>());
        if (indent) newline(depth + 1);
      }
      if (!value(item.val(), depth + 1)) return false;
    }
    if (indent) newline(depth);
    out.put(']');
    leave(seq);
    return true;
  }

  // A key's text (not yet quoted), or null with `skip` (skipkeys) or an error.
  Ref<> key_text(Value key, bool* skip) {
    *skip = false;
    if (is_str(key)) return Ref<>::borrow(key);
    if (is_float(key)) {
      Encode sub{e};
      if (!sub.put_float(key)) return nullptr;
      return sub.out.finish();
    }
    if (key.bits() == true_value().bits()) return str_from_ascii("true");
    if (key.bits() == false_value().bits()) return str_from_ascii("false");
    if (is_none(key)) return str_from_ascii("null");
    if (is_int(key)) {
      if (key.is_small()) return str_from_ascii(std::to_string(key.small_value()));
      return g_int_type.tp_repr(key);
    }
    if (e->skipkeys) {
      *skip = true;
      return nullptr;
    }
    return err_format(g_TypeError, "keys must be str, int, float, bool or None, not %.100s",
                      type_tp_name(type_of(key)));
  }

  bool object(Value mapping, int64_t depth) {
    if (dict_size(mapping) == 0) {
      out.put("{}");
      return true;
    }
    if (!enter(mapping)) return false;
    Ref<> items;
    if (is_dict_exact(mapping)) {
      items = dict_items_list(mapping);
    } else {
      Value no_args[1];
      Ref<> view = call_method(mapping, "items", no_args, 0);
      if (!view) return false;
      items = list_new();
      if (items && list_extend(items.val(), view.val()) < 0) return false;
    }
    if (!items) return false;
    if (e->sort_keys && list_sort(items.val(), Value(), false) < 0) return false;
    out.put('{');
    bool indent = !is_none(e->indent);
    if (indent) newline(depth + 1);
    bool first = true;
    for (int64_t i = 0;; i++) {
      Ref<> pair = list_get_or_null(items.val(), i);
      if (!pair) break;
      if (!is_tuple(pair.val()) || tuple_size(pair.val()) != 2) {
        err_set_str(g_ValueError, "items must return tuples of (key, value)");
        return false;
      }
      bool skip;
      Ref<> key = key_text(tuple_item(pair.val(), 0), &skip);
      if (!key) {
        if (skip) continue;
        return false;
      }
      if (!first) {
        out.put_str(e->item_sep.as<Str>());
        if (indent) newline(depth + 1);
      }
      first = false;
      if (!put_quoted(key.val())) return false;
      out.put_str(e->key_sep.as<Str>());
      if (!value(tuple_item(pair.val(), 1), depth + 1)) return false;
    }
    if (indent) newline(depth);
    out.put('}');
    leave(mapping);
    return true;
  }
};

// encoder(obj, _current_indent_level) -> (text,)
Ref<> encoder_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("Encoder(obj, _current_indent_level)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  if (!is_int(a[1]) || !a[1].is_small())
    return err_format(g_TypeError, "'%.200s' object cannot be interpreted as an integer",
                      type_tp_name(type_of(a[1])));
  Encode enc{self.as<Encoder>()};
  enc.check = !is_none(enc.e->markers);
  if (!enc.value(a[0], a[1].small_value())) return nullptr;
  Ref<> text = enc.out.finish();
  if (!text) return nullptr;
  return tuple_pack({text.val()});
}

const MethodDef kJsonFunctions[] = {
    {"scanstring(string, end, strict=True, /)", json_scanstring,
     "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is the "
     "index of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid JSON string "
     "escape sequences and raises ValueError\non attempt to decode an invalid string. If strict is False then "
     "literal\ncontrol characters are allowed in the string.\n\nReturns a tuple of the decoded string and the index "
     "of the character in s\nafter the end quote."},
    {"encode_basestring_ascii(s, /)", json_encode_basestring_ascii,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"},
    {"encode_basestring(s, /)", json_encode_basestring,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {nullptr}};

void make_type(Type* t, const char* name, NewFn nw, CallFn cl, DeallocFn dealloc, TraverseFn traverse, size_t size,
               const char* doc) {
  t->name = name;
  t->basic_size = static_cast<uint32_t>(size);
  t->flags = kTypeHasGc;
  t->tp_dealloc = dealloc;
  t->tp_traverse = traverse;
  t->tp_new = nw;
  t->tp_call = cl;
  t->doc = doc;
  t->ob_type = &g_type_type;
  type_ready(t);
}

}  // namespace

Ref<> json_module_create() {
  static std::once_flag once;
  std::call_once(once, [] {
    make_type(&g_scanner_type, "_json.Scanner", scanner_new, scanner_call, scanner_dealloc, scanner_traverse,
              sizeof(Scanner), "JSON scanner object");
    make_type(&g_encoder_type, "_json.Encoder", encoder_new, encoder_call, encoder_dealloc, encoder_traverse,
              sizeof(Encoder), "Encoder(markers, default, encoder, indent, key_separator, item_separator, "
                               "sort_keys, skipkeys, allow_nan)");
  });
  Ref<> m = module_new("_json");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kJsonFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "make_scanner", Value(static_cast<Object*>(&g_scanner_type))) < 0) return nullptr;
  if (dict_set_item_str(d, "make_encoder", Value(static_cast<Object*>(&g_encoder_type))) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
