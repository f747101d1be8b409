// bytes: type, slots, the bytes-like buffer helpers, and the method table shared
// with bytearray (bytes.h).
//
// Shared methods take a snapshot of the receiver (bytes: its own immutable
// storage; bytearray/memoryview: a copy made under the exporter's lock), so no
// raw pointer into a mutable buffer survives a call into Python code.
#include "objects/bytes.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "objects/buffer.h"
#include "objects/bytearray.h"
#include "objects/codecs.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/hash.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_bytes_type;
Type g_bytes_iter_type;

namespace {
Bytes* g_empty_bytes;
Bytes* g_single_bytes[256];

size_t bytes_var_size(Object* o) { return sizeof(Bytes) + static_cast<size_t>(static_cast<Bytes*>(o)->size) + 1; }

Ref<Bytes> bytes_alloc(Type* type, int64_t n) {
  size_t used = sizeof(Bytes) + static_cast<size_t>(n) + 1;
  if (type != &g_bytes_type) {
    used = (used + 7) & ~size_t{7};
    if (type->dict_offset < 0) used += static_cast<size_t>(-type->dict_offset);
    if (used < type->basic_size) used = type->basic_size;
  }
  Bytes* b = alloc_object<Bytes>(type, used);
  if (!b) return nullptr;
  b->size = n;
  b->hash.store(-1, std::memory_order_relaxed);
  return Ref<Bytes>::steal(b);
}
}  // namespace

Ref<Bytes> bytes_new_raw(int64_t n) {
  if (n < 0 || n > (int64_t{1} << 46)) return err_no_memory();
  return bytes_alloc(&g_bytes_type, n);
}

Ref<> bytes_from(const void* p, size_t n) {
  if (n == 0 && g_empty_bytes) return Ref<>::borrow(Value(g_empty_bytes));
  if (n == 1 && g_single_bytes[*static_cast<const uint8_t*>(p)])
    return Ref<>::borrow(Value(g_single_bytes[*static_cast<const uint8_t*>(p)]));
  Ref<Bytes> b = bytes_new_raw(static_cast<int64_t>(n));
  if (!b) return nullptr;
  if (n) std::memcpy(b->data, p, n);
  return b;
}

Value bytes_empty() { return Value(g_empty_bytes); }

int64_t bytes_hash(Value v) {
  Bytes* b = v.as<Bytes>();
  int64_t h = b->hash.load(std::memory_order_relaxed);
  if (h != -1) return h;
  h = static_cast<int64_t>(hash_bytes(b->data, static_cast<size_t>(b->size)));
  if (h == -1) h = -2;
  b->hash.store(h, std::memory_order_relaxed);
  return h;
}

bool is_bytes_like(Value obj) { return is_bytes(obj) || is_bytearray(obj) || has_buffer(obj); }

bool get_buffer(Value obj, const uint8_t** data, int64_t* size) {
  if (is_bytes(obj)) {
    *data = bytes_data(obj);
    *size = bytes_size(obj);
    return true;
  }
  if (is_bytearray(obj)) {
    ByteArray* b = obj.as<ByteArray>();
    static const uint8_t kEmpty[1] = {0};
    *data = b->data ? b->data : kEmpty;
    *size = b->size.load(std::memory_order_relaxed);
    return true;
  }
  if (is_memoryview(obj)) return memoryview_contiguous(obj, data, size);
  return false;
}

bool buffer_copy(Value obj, std::string* out) {
  if (is_bytes(obj)) {
    out->assign(reinterpret_cast<const char*>(bytes_data(obj)), static_cast<size_t>(bytes_size(obj)));
    return true;
  }
  if (!has_buffer(obj)) return false;
  if (!buffer_copy_or_error(obj, out)) {
    err_clear();
    return false;
  }
  return true;
}

bool buffer_copy_or_error(Value obj, std::string* out) {
  if (is_bytes(obj)) return buffer_copy(obj, out);
  // A memoryview copies its items in C order, so a strided N-D view (which
  // exports no one-dimensional buffer) converts too, as bytes(m[::2]).
  if (is_memoryview(obj)) return memoryview_copy(obj, out);
  BufferView view;
  if (!object_get_buffer(obj, &view, kBufSimple)) return false;
  buffer_view_copy(view, out);
  buffer_release(&view);
  return true;
}

Ref<> bytes_repr_impl(const uint8_t* p, int64_t n, const char* prefix, const char* suffix,
                      bool always_escape_single) {
  bool sq = false, dq = false;
  for (int64_t i = 0; i < n; i++) {
    if (p[i] == '\'') sq = true;
    else if (p[i] == '"') dq = true;
  }
  char q = (sq && !dq) ? '"' : '\'';
  std::string out = prefix;
  out.push_back(q);
  static const char kHex[] = "0123456789abcdef";
  for (int64_t i = 0; i < n; i++) {
    uint8_t c = p[i];
    if (c == q || c == '\\' || (c == '\'' && always_escape_single)) {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back(q);
  out += suffix;
  return str_from_ascii(out);
}

namespace {

// --- snapshots and argument helpers ---------------------------------------------------

struct Buf {
  const uint8_t* p = nullptr;
  int64_t n = 0;
  std::string copy;
  std::string_view sv() const { return {reinterpret_cast<const char*>(p), static_cast<size_t>(n)}; }
};

// Load the receiver or a bytes-like argument. false (no exception) if not bytes-like.
bool load(Value v, Buf* b) {
  if (is_bytes(v)) {
    b->p = bytes_data(v);
    b->n = bytes_size(v);
    return true;
  }
  if (!buffer_copy(v, &b->copy)) return false;
  b->p = reinterpret_cast<const uint8_t*>(b->copy.data());
  b->n = static_cast<int64_t>(b->copy.size());
  return true;
}

bool load_arg(Value v, Buf* b) {
  if (load(v, b)) return true;
  if (is_memoryview(v)) return memoryview_copy(v, &b->copy) && false;
  err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v)));
  return false;
}

Ref<> make_like(Value self, const void* p, size_t n) {
  if (is_bytearray(self)) return bytearray_from(p, n);
  return bytes_from(p, n);
}
Ref<> make_like(Value self, const std::string& s) { return make_like(self, s.data(), s.size()); }

// Unchanged result: bytes returns itself when exact.
Ref<> same_or_copy(Value self, const Buf& b) {
  if (is_bytes_exact(self)) return Ref<>::borrow(self);
  return make_like(self, b.p, static_cast<size_t>(b.n));
}

bool slice_index(Value v, int64_t* out) {
  if (v.is_null() || is_none(v)) return true;
  if (!type_of(v)->nb_index) {
    err_set_str(g_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return to_index(v, out);
}

bool sub_range(Value vs, Value ve, int64_t len, int64_t* start, int64_t* end) {
  int64_t st = 0, en = INT64_MAX;
  if (!slice_index(vs, &st) || !slice_index(ve, &en)) return false;
  if (en > len) en = len;
  else if (en < 0) {
    en += len;
    if (en < 0) en = 0;
  }
  if (st < 0) {
    st += len;
    if (st < 0) st = 0;
  }
  *start = st;
  *end = en;
  return true;
}

// The `sub` argument of find/count/index: bytes-like or an int in range(256).
bool load_sub(Value v, Buf* b, uint8_t* single) {
  if (is_int(v)) {
    int64_t x;
    if (!int_as_int64(v, &x) || x < 0 || x > 255) {
      err_set_str(g_ValueError, "byte must be in range(0, 256)");
      return false;
    }
    *single = static_cast<uint8_t>(x);
    b->p = single;
    b->n = 1;
    return true;
  }
  if (load(v, b)) return true;
  err_format(g_TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(type_of(v)));
  return false;
}

int64_t find_in(const Buf& h, const uint8_t* p, int64_t m, int64_t start, int64_t end) {
  if (end - start < m) return -1;
  if (m == 0) return start;
  const uint8_t* base = h.p;
  const void* hit = m == 1 ? std::memchr(base + start, p[0], end - start) : memmem(base + start, end - start, p, m);
  return hit ? static_cast<const uint8_t*>(hit) - base : -1;
}

int64_t rfind_in(const Buf& h, const uint8_t* p, int64_t m, int64_t start, int64_t end) {
  if (end - start < m) return -1;
  for (int64_t i = end - m; i >= start; i--)
    if (std::memcmp(h.p + i, p, m) == 0) return i;
  return -1;
}

enum FindKind { kFind, kRFind, kIndex, kRIndex, kCount };

Ref<> find_common(Value self, Value* args, FindKind k) {
  Buf s, sub;
  uint8_t one;
  if (!load_sub(args[0], &sub, &one)) return nullptr;
  if (!load(self, &s)) return nullptr;
  int64_t start, end;
  if (!sub_range(args[1], args[2], s.n, &start, &end)) return nullptr;
  if (k == kCount) {
    if (start > s.n || end < start) return small_int(0);
    if (sub.n == 0) return small_int(end - start + 1);
    int64_t c = 0;
    while (true) {
      int64_t i = find_in(s, sub.p, sub.n, start, end);
      if (i < 0) break;
      c++;
      start = i + sub.n;
    }
    return small_int(c);
  }
  int64_t r = -1;
  if (start <= s.n)
    r = (k == kFind || k == kIndex) ? find_in(s, sub.p, sub.n, start, end) : rfind_in(s, sub.p, sub.n, start, end);
  if (r < 0 && (k == kIndex || k == kRIndex)) return err_set_str(g_ValueError, "subsection not found");
  return small_int(r);
}
Ref<> b_find(Value self, Value* a) { return find_common(self, a, kFind); }
Ref<> b_rfind(Value self, Value* a) { return find_common(self, a, kRFind); }
Ref<> b_index(Value self, Value* a) { return find_common(self, a, kIndex); }
Ref<> b_rindex(Value self, Value* a) { return find_common(self, a, kRIndex); }
Ref<> b_count(Value self, Value* a) { return find_common(self, a, kCount); }

Ref<> starts_ends(Value self, Value* args, bool ends) {
  const char* name = ends ? "endswith" : "startswith";
  Buf s;
  if (!load(self, &s)) return nullptr;
  int64_t start, end;
  if (!sub_range(args[1], args[2], s.n, &start, &end)) return nullptr;
  auto test = [&](const Buf& p) {
    if (start > s.n || end - start < p.n) return false;
    return std::memcmp(s.p + (ends ? end - p.n : start), p.p, p.n) == 0;
  };
  Value x = args[0];
  if (is_tuple(x)) {
    for (int64_t i = 0; i < tuple_size(x); i++) {
      Buf p;
      if (!load(tuple_item(x, i), &p))
        return err_format(g_TypeError, "a bytes-like object is required, not '%s'",
                          type_name(type_of(tuple_item(x, i))));
      if (test(p)) return new_bool(true);
    }
    return new_bool(false);
  }
  Buf p;
  if (!load(x, &p))
    return err_format(g_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                      type_name(type_of(x)));
  return new_bool(test(p));
}
Ref<> b_startswith(Value self, Value* a) { return starts_ends(self, a, false); }
Ref<> b_endswith(Value self, Value* a) { return starts_ends(self, a, true); }

bool is_ws(uint8_t c) { return c == ' ' || (c >= 9 && c <= 13); }
bool is_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
bool is_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(uint8_t c) { return is_lower(c) || is_upper(c); }
bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

Ref<> list_from(Value self, std::vector<std::string_view>& parts) {
  Ref<List> l = list_new(static_cast<int64_t>(parts.size()));
  if (!l) return nullptr;
  for (size_t i = 0; i < parts.size(); i++) {
    Ref<> b = make_like(self, parts[i].data(), parts[i].size());
    if (!b) return nullptr;
    list_init_item(l.get(), static_cast<int64_t>(i), std::move(b));
  }
  return l;
}

Ref<> split_common(Value self, Value* args, bool right) {
  Buf s;
  if (!load(self, &s)) return nullptr;
  int64_t maxsplit;
  if (!to_index(args[1], &maxsplit)) return nullptr;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  std::string_view v = s.sv();
  std::vector<std::string_view> parts;
  int64_t n = s.n;
  if (is_none(args[0])) {
    if (!right) {
      int64_t i = 0;
      while (true) {
        while (i < n && is_ws(s.p[i])) i++;
        if (i >= n) break;
        if (maxsplit-- == 0) {
          parts.push_back(v.substr(i));
          break;
        }
        int64_t j = i;
        while (j < n && !is_ws(s.p[j])) j++;
        parts.push_back(v.substr(i, j - i));
        i = j;
      }
    } else {
      int64_t i = n;
      while (true) {
        while (i > 0 && is_ws(s.p[i - 1])) i--;
        if (i <= 0) break;
        if (maxsplit-- == 0) {
          parts.push_back(v.substr(0, i));
          break;
        }
        int64_t j = i;
        while (j > 0 && !is_ws(s.p[j - 1])) j--;
        parts.push_back(v.substr(j, i - j));
        i = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
    return list_from(self, parts);
  }
  Buf sep;
  if (!load_arg(args[0], &sep)) return nullptr;
  if (sep.n == 0) return err_set_str(g_ValueError, "empty separator");
  if (!right) {
    int64_t i = 0;
    while (maxsplit-- > 0) {
      int64_t j = find_in(s, sep.p, sep.n, i, n);
      if (j < 0) break;
      parts.push_back(v.substr(i, j - i));
      i = j + sep.n;
    }
    parts.push_back(v.substr(i));
  } else {
    int64_t e = n;
    while (maxsplit-- > 0) {
      int64_t j = rfind_in(s, sep.p, sep.n, 0, e);
      if (j < 0) break;
      parts.push_back(v.substr(j + sep.n, e - j - sep.n));
      e = j;
    }
    parts.push_back(v.substr(0, e));
    std::reverse(parts.begin(), parts.end());
  }
  return list_from(self, parts);
}
Ref<> b_split(Value self, Value* a) { return split_common(self, a, false); }
Ref<> b_rsplit(Value self, Value* a) { return split_common(self, a, true); }

Ref<> b_splitlines(Value self, Value* args) {
  int keep = truthy(args[0]);
  if (keep < 0) return nullptr;
  Buf s;
  if (!load(self, &s)) return nullptr;
  std::vector<std::string_view> parts;
  int64_t i = 0, n = s.n;
  while (i < n) {
    int64_t j = i;
    while (j < n && s.p[j] != '\n' && s.p[j] != '\r') j++;
    int64_t eol = j;
    if (j < n) {
      j += (s.p[j] == '\r' && j + 1 < n && s.p[j + 1] == '\n') ? 2 : 1;
      if (keep) eol = j;
    }
    parts.push_back(s.sv().substr(i, eol - i));
    i = j;
  }
  return list_from(self, parts);
}

Ref<> partition_common(Value self, Value sepv, bool right) {
  Buf s, sep;
  if (!load_arg(sepv, &sep)) return nullptr;
  if (!load(self, &s)) return nullptr;
  if (sep.n == 0) return err_set_str(g_ValueError, "empty separator");
  int64_t i = right ? rfind_in(s, sep.p, sep.n, 0, s.n) : find_in(s, sep.p, sep.n, 0, s.n);
  Ref<> empty1 = make_like(self, "", 0), empty2 = make_like(self, "", 0);
  if (i < 0) {
    Ref<> whole = same_or_copy(self, s);
    if (!whole || !empty1 || !empty2) return nullptr;
    if (right) return tuple_pack({empty1.val(), empty2.val(), whole.val()});
    return tuple_pack({whole.val(), empty1.val(), empty2.val()});
  }
  Ref<> a = make_like(self, s.p, i), m = make_like(self, sep.p, sep.n),
        b = make_like(self, s.p + i + sep.n, s.n - i - sep.n);
  if (!a || !m || !b) return nullptr;
  return tuple_pack({a.val(), m.val(), b.val()});
}
Ref<> b_partition(Value self, Value* a) { return partition_common(self, a[0], false); }
Ref<> b_rpartition(Value self, Value* a) { return partition_common(self, a[0], true); }

Ref<> b_join(Value self, Value* args) {
  Buf sep;
  if (!load(self, &sep)) return nullptr;
  Ref<> items = sequence_tuple(args[0]);
  if (!items) {
    if (err_matches(g_TypeError) && !type_of(args[0])->tp_iter) {
      err_clear();
      return err_set_str(g_TypeError, "can only join an iterable");
    }
    return nullptr;
  }
  std::string out;
  for (int64_t i = 0; i < tuple_size(items.val()); i++) {
    Value it = tuple_item(items.val(), i);
    Buf b;
    const uint8_t* p;
    int64_t n;
    if ((is_memoryview(it) && !memoryview_contiguous(it, &p, &n)) || !load(it, &b))  // join needs contiguous items
      return err_format(g_TypeError, "sequence item %lld: expected a bytes-like object, %s found",
                        static_cast<long long>(i), type_name(type_of(it)));
    if (i) out.append(sep.sv());
    out.append(b.sv());
  }
  return make_like(self, out);
}

Ref<> b_replace(Value self, Value* args) {
  Buf s, o, nw;
  if (!load_arg(args[0], &o) || !load_arg(args[1], &nw)) return nullptr;
  int64_t count;
  if (!to_index(args[2], &count)) return nullptr;
  if (count < 0) count = INT64_MAX;
  if (!load(self, &s)) return nullptr;
  std::string out;
  int64_t done = 0;
  if (o.n == 0) {
    for (int64_t i = 0; i <= s.n; i++) {
      if (done < count) {
        out.append(nw.sv());
        done++;
      }
      if (i < s.n) out.push_back(static_cast<char>(s.p[i]));
    }
    return make_like(self, out);
  }
  int64_t i = 0;
  while (done < count) {
    int64_t j = find_in(s, o.p, o.n, i, s.n);
    if (j < 0) break;
    out.append(s.sv().substr(i, j - i));
    out.append(nw.sv());
    i = j + o.n;
    done++;
  }
  if (done == 0) return same_or_copy(self, s);
  out.append(s.sv().substr(i));
  return make_like(self, out);
}

Ref<> strip_common(Value self, Value chars, int which) {
  Buf s, c;
  bool ws = chars.is_null() || is_none(chars);
  if (!ws && !load_arg(chars, &c)) return nullptr;
  if (!load(self, &s)) return nullptr;
  auto in = [&](uint8_t ch) { return ws ? is_ws(ch) : std::memchr(c.p, ch, c.n) != nullptr; };
  int64_t i = 0, j = s.n;
  if (which & 1)
    while (i < j && in(s.p[i])) i++;
  if (which & 2)
    while (j > i && in(s.p[j - 1])) j--;
  if (i == 0 && j == s.n) return same_or_copy(self, s);
  return make_like(self, s.p + i, j - i);
}
Ref<> b_strip(Value self, Value* a) { return strip_common(self, a[0], 3); }
Ref<> b_lstrip(Value self, Value* a) { return strip_common(self, a[0], 1); }
Ref<> b_rstrip(Value self, Value* a) { return strip_common(self, a[0], 2); }

Ref<> b_removeprefix(Value self, Value* args) {
  Buf s, p;
  if (!load_arg(args[0], &p) || !load(self, &s)) return nullptr;
  if (p.n && p.n <= s.n && std::memcmp(s.p, p.p, p.n) == 0) return make_like(self, s.p + p.n, s.n - p.n);
  return same_or_copy(self, s);
}
Ref<> b_removesuffix(Value self, Value* args) {
  Buf s, p;
  if (!load_arg(args[0], &p) || !load(self, &s)) return nullptr;
  if (p.n && p.n <= s.n && std::memcmp(s.p + s.n - p.n, p.p, p.n) == 0) return make_like(self, s.p, s.n - p.n);
  return same_or_copy(self, s);
}

Ref<> justify(Value self, Value* args, int how, const char* name) {
  int64_t width;
  if (!to_index(args[0], &width)) return nullptr;
  uint8_t fill = ' ';
  if (!args[1].is_null()) {
    Buf f;
    if (!is_bytes(args[1]) && !is_bytearray(args[1]))
      return err_format(g_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                        type_name(type_of(args[1])));
    load(args[1], &f);
    if (f.n != 1)
      return err_format(g_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                        type_name(type_of(args[1])));
    fill = f.p[0];
  }
  Buf s;
  if (!load(self, &s)) return nullptr;
  // Compare before subtracting: s.n is unsigned, so width - s.n for a
  // negative width was a huge positive pad (bytes.rjust(-2**63) aborted).
  if (width <= static_cast<int64_t>(s.n)) return same_or_copy(self, s);
  int64_t marg = width - static_cast<int64_t>(s.n);
  int64_t left = how == 0 ? 0 : how == 1 ? marg : marg / 2 + (marg & width & 1);
  std::string out(left, static_cast<char>(fill));
  out.append(s.sv());
  out.append(marg - left, static_cast<char>(fill));
  return make_like(self, out);
}
Ref<> b_ljust(Value self, Value* a) { return justify(self, a, 0, "ljust"); }
Ref<> b_rjust(Value self, Value* a) { return justify(self, a, 1, "rjust"); }
Ref<> b_center(Value self, Value* a) { return justify(self, a, 2, "center"); }

Ref<> b_zfill(Value self, Value* args) {
  int64_t width;
  if (!to_index(args[0], &width)) return nullptr;
  Buf s;
  if (!load(self, &s)) return nullptr;
  if (width <= static_cast<int64_t>(s.n)) return same_or_copy(self, s);  // s.n is unsigned
  int64_t fill = width - static_cast<int64_t>(s.n);
  std::string out(fill, '0');
  out.append(s.sv());
  if (s.n && (s.p[0] == '+' || s.p[0] == '-')) {
    out[0] = static_cast<char>(s.p[0]);
    out[fill] = '0';
  }
  return make_like(self, out);
}

Ref<> b_expandtabs(Value self, Value* args) {
  int32_t tabsize;  // a C int, as in CPython
  if (!to_c_int(args[0], &tabsize)) return nullptr;
  Buf s;
  if (!load(self, &s)) return nullptr;
  std::string out;
  int64_t col = 0;
  for (int64_t i = 0; i < s.n; i++) {
    uint8_t c = s.p[i];
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t k = tabsize - col % tabsize;
        out.append(k, ' ');
        col += k;
      }
    } else {
      out.push_back(static_cast<char>(c));
      col++;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return make_like(self, out);
}

template <int Op>  // 0 lower, 1 upper, 2 swapcase, 3 capitalize, 4 title
Ref<> case_map(Value self, Value*) {
  Buf s;
  if (!load(self, &s)) return nullptr;
  std::string out(s.sv());
  bool prev_cased = false;
  for (size_t i = 0; i < out.size(); i++) {
    uint8_t c = static_cast<uint8_t>(out[i]);
    uint8_t lo = is_upper(c) ? c + 32 : c, up = is_lower(c) ? c - 32 : c;
    switch (Op) {
      case 0: c = lo; break;
      case 1: c = up; break;
      case 2: c = is_upper(c) ? lo : up; break;
      case 3: c = i == 0 ? up : lo; break;
      default:
        c = prev_cased ? lo : up;
        prev_cased = is_alpha(c);
        break;
    }
    out[i] = static_cast<char>(c);
  }
  return make_like(self, out);
}

template <bool (*F)(uint8_t)>
Ref<> all_bytes(Value self, Value*) {
  Buf s;
  if (!load(self, &s)) return nullptr;
  if (s.n == 0) return new_bool(false);
  for (int64_t i = 0; i < s.n; i++)
    if (!F(s.p[i])) return new_bool(false);
  return new_bool(true);
}
bool is_alnum(uint8_t c) { return is_alpha(c) || is_digit(c); }

Ref<> b_isascii(Value self, Value*) {
  Buf s;
  if (!load(self, &s)) return nullptr;
  for (int64_t i = 0; i < s.n; i++)
    if (s.p[i] >= 128) return new_bool(false);
  return new_bool(true);
}
Ref<> b_islower(Value self, Value*) {
  Buf s;
  if (!load(self, &s)) return nullptr;
  bool cased = false;
  for (int64_t i = 0; i < s.n; i++) {
    if (is_upper(s.p[i])) return new_bool(false);
    cased = cased || is_lower(s.p[i]);
  }
  return new_bool(cased);
}
Ref<> b_isupper(Value self, Value*) {
  Buf s;
  if (!load(self, &s)) return nullptr;
  bool cased = false;
  for (int64_t i = 0; i < s.n; i++) {
    if (is_lower(s.p[i])) return new_bool(false);
    cased = cased || is_upper(s.p[i]);
  }
  return new_bool(cased);
}
Ref<> b_istitle(Value self, Value*) {
  Buf s;
  if (!load(self, &s)) return nullptr;
  bool cased = false, prev = false;
  for (int64_t i = 0; i < s.n; i++) {
    uint8_t c = s.p[i];
    if (is_upper(c)) {
      if (prev) return new_bool(false);
      prev = cased = true;
    } else if (is_lower(c)) {
      if (!prev) return new_bool(false);
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return new_bool(cased);
}

Ref<> b_decode(Value self, Value* args) {
  for (int i = 0; i < 2; i++)
    if (!args[i].is_null() && !is_str(args[i]))
      return err_format(g_TypeError, "decode() argument '%s' must be str, not %s", i == 0 ? "encoding" : "errors",
                        type_name(type_of(args[i])));
  Buf s;
  if (!load(self, &s)) return nullptr;
  return codec_decode(s.p, s.n, args[0].is_null() ? "utf-8" : str_view(args[0]),
                      args[1].is_null() ? "strict" : str_view(args[1]), is_bytes(self) ? self : Value());
}

Ref<> b_hex(Value self, Value* args) {
  Buf s;
  if (!load(self, &s)) return nullptr;
  char sep = 0;
  if (!args[0].is_null()) {
    if (is_str(args[0])) {
      Str* x = args[0].as<Str>();
      if (x->length != 1) return err_set_str(g_ValueError, "sep must be length 1.");
      if (x->at(0) >= 128) return err_set_str(g_ValueError, "sep must be ASCII.");
      sep = static_cast<char>(x->at(0));
    } else {
      Buf b;
      if (!load(args[0], &b))
        return err_format(g_TypeError, "sep must be str or bytes.");
      if (b.n != 1) return err_set_str(g_ValueError, "sep must be length 1.");
      if (b.p[0] >= 128) return err_set_str(g_ValueError, "sep must be ASCII.");
      sep = static_cast<char>(b.p[0]);
    }
  }
  int64_t per = 1;
  if (!args[1].is_null() && !to_int64(args[1], &per)) return nullptr;
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.n * 3);
  int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < s.n; i++) {
    if (sep && group && i > 0) {
      // Positive: groups counted from the right; negative: from the left.
      bool boundary = per > 0 ? (s.n - i) % group == 0 : i % group == 0;
      if (boundary) out.push_back(sep);
    }
    out.push_back(kHex[s.p[i] >> 4]);
    out.push_back(kHex[s.p[i] & 15]);
  }
  return str_from_ascii(out);
}

int hexval(uint32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

Ref<> b_fromhex(Value cls, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "fromhex() argument must be str, not %s", type_name(type_of(args[0])));
  Str* s = args[0].as<Str>();
  std::string out;
  int64_t i = 0, n = s->length;
  while (i < n) {
    uint32_t c = s->at(i);
    if (c == ' ' || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    int hi = hexval(c);
    if (hi < 0)
      return err_format(g_ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                        static_cast<long long>(i));
    int lo = i + 1 < n ? hexval(s->at(i + 1)) : -1;
    if (lo < 0)
      return err_format(g_ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                        static_cast<long long>(i + 1));
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  Type* t = cls.as<Type>();
  Ref<> r = is_subtype(t, &g_bytearray_type) ? bytearray_from(out.data(), out.size()) : bytes_from(out);
  if (!r || t == &g_bytes_type || t == &g_bytearray_type) return r;
  return call1(cls, r.val());
}

Ref<> b_translate(Value self, Value* args) {
  Buf table, del, s;
  bool have_table = !is_none(args[0]);
  if (have_table) {
    if (!load_arg(args[0], &table)) return nullptr;
    if (table.n != 256) return err_set_str(g_ValueError, "translation table must be 256 characters long");
  }
  if (!args[1].is_null() && !load_arg(args[1], &del)) return nullptr;
  if (!load(self, &s)) return nullptr;
  bool drop[256] = {};
  for (int64_t i = 0; i < del.n; i++) drop[del.p[i]] = true;
  std::string out;
  out.reserve(s.n);
  for (int64_t i = 0; i < s.n; i++) {
    uint8_t c = s.p[i];
    if (drop[c]) continue;
    out.push_back(static_cast<char>(have_table ? table.p[c] : c));
  }
  return make_like(self, out);
}

Ref<> b_maketrans(Value, Value* args) {
  Buf a, b;
  if (!load_arg(args[0], &a) || !load_arg(args[1], &b)) return nullptr;
  if (a.n != b.n) return err_set_str(g_ValueError, "maketrans arguments must have same length");
  uint8_t t[256];
  for (int i = 0; i < 256; i++) t[i] = static_cast<uint8_t>(i);
  for (int64_t i = 0; i < a.n; i++) t[a.p[i]] = b.p[i];
  return bytes_from(t, 256);
}

}  // namespace

const MethodDef kBytesCommonMethods[] = {
    {"capitalize($self, /)", case_map<3>, "B.capitalize() -> copy of B"},
    {"center($self, width, fillchar=?, /)", b_center, "center($self, width, fillchar=b' ', /)\n--\n\nReturn a centered string of length width."},
    {"count($self, sub, start=None, end=None, /)", b_count, "Return the number of non-overlapping occurrences of subsection sub.", kMethParseTupleMessages},
    {"decode($self, /, encoding='utf-8', errors='strict')", b_decode, "Decode the bytes using the codec registered for encoding."},
    {"endswith($self, suffix, start=None, end=None, /)", b_endswith, "Return True if the bytes ends with the specified suffix.", kMethParseTupleMessages},
    {"expandtabs($self, /, tabsize=8)", b_expandtabs, "Return a copy where all tab characters are expanded using spaces."},
    {"find($self, sub, start=None, end=None, /)", b_find, "Return the lowest index where subsection sub is found.", kMethParseTupleMessages},
    {"fromhex($type, string, /)", b_fromhex, "Create a bytes object from a string of hexadecimal numbers.", kMethClass},
    {"hex($self, /, sep=?, bytes_per_sep=1)", b_hex, "Create a string of hexadecimal numbers from a bytes object."},
    {"index($self, sub, start=None, end=None, /)", b_index, "Return the lowest index where subsection sub is found; raise ValueError if not.", kMethParseTupleMessages},
    {"isalnum($self, /)", all_bytes<is_alnum>, "B.isalnum() -> bool"},
    {"isalpha($self, /)", all_bytes<is_alpha>, "B.isalpha() -> bool"},
    {"isascii($self, /)", b_isascii, "B.isascii() -> bool"},
    {"isdigit($self, /)", all_bytes<is_digit>, "B.isdigit() -> bool"},
    {"islower($self, /)", b_islower, "B.islower() -> bool"},
    {"isspace($self, /)", all_bytes<is_ws>, "B.isspace() -> bool"},
    {"istitle($self, /)", b_istitle, "B.istitle() -> bool"},
    {"isupper($self, /)", b_isupper, "B.isupper() -> bool"},
    {"join($self, iterable_of_bytes, /)", b_join, "Concatenate any number of bytes objects."},
    {"ljust($self, width, fillchar=?, /)", b_ljust, "ljust($self, width, fillchar=b' ', /)\n--\n\nReturn a left-justified string of length width."},
    {"lower($self, /)", case_map<0>, "B.lower() -> copy of B"},
    {"lstrip($self, bytes=None, /)", b_lstrip, "Strip leading bytes contained in the argument."},
    {"maketrans(frm, to, /)", b_maketrans, "Return a translation table usable for the bytes or bytearray translate method.", kMethStatic},
    {"partition($self, sep, /)", b_partition, "Partition the bytes into three parts using the given separator."},
    {"removeprefix($self, prefix, /)", b_removeprefix, "Return a bytes object with the given prefix string removed if present."},
    {"removesuffix($self, suffix, /)", b_removesuffix, "Return a bytes object with the given suffix string removed if present."},
    {"replace($self, old, new, count=-1, /)", b_replace, "Return a copy with all occurrences of substring old replaced by new."},
    {"rfind($self, sub, start=None, end=None, /)", b_rfind, "Return the highest index where subsection sub is found.", kMethParseTupleMessages},
    {"rindex($self, sub, start=None, end=None, /)", b_rindex, "Return the highest index where subsection sub is found; raise ValueError if not.", kMethParseTupleMessages},
    {"rjust($self, width, fillchar=?, /)", b_rjust, "rjust($self, width, fillchar=b' ', /)\n--\n\nReturn a right-justified string of length width."},
    {"rpartition($self, sep, /)", b_rpartition, "Partition the bytes into three parts using the given separator."},
    {"rsplit($self, /, sep=None, maxsplit=-1)", b_rsplit, "Return a list of the sections in the bytes, using sep as the delimiter."},
    {"rstrip($self, bytes=None, /)", b_rstrip, "Strip trailing bytes contained in the argument."},
    {"split($self, /, sep=None, maxsplit=-1)", b_split, "Return a list of the sections in the bytes, using sep as the delimiter."},
    {"splitlines($self, /, keepends=False)", b_splitlines, "Return a list of the lines in the bytes, breaking at line boundaries."},
    {"startswith($self, prefix, start=None, end=None, /)", b_startswith, "Return True if the bytes starts with the specified prefix.", kMethParseTupleMessages},
    {"strip($self, bytes=None, /)", b_strip, "Strip leading and trailing bytes contained in the argument."},
    {"swapcase($self, /)", case_map<2>, "B.swapcase() -> copy of B"},
    {"title($self, /)", case_map<4>, "B.title() -> copy of B"},
    {"translate($self, table, /, delete=?)", b_translate, "translate($self, table, /, delete=b'')\n--\n\nReturn a copy with each character mapped by the given translation table."},
    {"upper($self, /)", case_map<1>, "B.upper() -> copy of B"},
    {"zfill($self, width, /)", b_zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {nullptr}};

namespace {

// --- bytes-only slots ------------------------------------------------------------------

Ref<> finish_new(Type* type, const std::string& data) {
  if (type == &g_bytes_type) return bytes_from(data);
  Ref<Bytes> b = bytes_alloc(type, static_cast<int64_t>(data.size()));
  if (!b) return nullptr;
  std::memcpy(b->data, data.data(), data.size());
  return b;
}

// Fill `out` from bytes(source) semantics, shared with bytearray(source).
}  // namespace

bool bytes_fill_from_object(Value src, std::string* out, bool for_bytearray) {
  if (is_str(src)) {
    err_set_str(g_TypeError, "string argument without an encoding");
    return false;
  }
  if (buffer_copy(src, out)) return true;
  if (type_of(src)->nb_index) {
    int64_t n;
    if (!to_index(src, &n)) return false;
    if (n < 0) {
      err_set_str(g_ValueError, "negative count");
      return false;
    }
    if (n > (int64_t{1} << 40)) {
      err_no_memory();
      return false;
    }
    out->assign(static_cast<size_t>(n), '\0');
    return true;
  }
  if (!type_of(src)->tp_iter && type_lookup(type_of(src), Value(str_intern("__getitem__"))).is_null()) {
    err_format(g_TypeError, "cannot convert '%s' object to %s", type_name(type_of(src)),
               for_bytearray ? "bytearray" : "bytes");
    return false;
  }
  Ref<> it = get_iter(src);
  if (!it) return false;
  out->clear();
  while (true) {
    Ref<> x = iter_next(it.val());
    if (!x) {
      if (err_occurred()) return false;
      break;
    }
    if (!type_of(x.val())->nb_index) {
      err_format(g_TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(x.val())));
      return false;
    }
    int64_t v;
    if (!to_index(x.val(), &v)) return false;
    if (v < 0 || v > 255) {
      err_set_str(g_ValueError, "byte must be in range(0, 256)");
      return false;
    }
    out->push_back(static_cast<char>(v));
  }
  return true;
}

namespace {

Ref<> bytes_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("bytes(source=?, encoding=?, errors=?)", nullptr);
  Value a[3];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return nullptr;
  std::string data;
  if (!a[1].is_null() || !a[2].is_null()) {
    for (int i = 1; i < 3; i++)
      if (!a[i].is_null() && !is_str(a[i]))
        return err_format(g_TypeError, "bytes() argument '%s' must be str, not %s", i == 1 ? "encoding" : "errors",
                          type_name(type_of(a[i])));
    if (a[0].is_null() || !is_str(a[0]))
      return err_set_str(g_TypeError, a[1].is_null() ? "errors without a string argument"
                                                     : "encoding without a string argument");
    Ref<> b = codec_encode(a[0].as<Str>(), a[1].is_null() ? "utf-8" : str_view(a[1]),
                           a[2].is_null() ? "strict" : str_view(a[2]));
    if (!b) return nullptr;
    if (type == &g_bytes_type) return b;
    data.assign(bytes_view(b.val()));
    return finish_new(type, data);
  }
  if (a[0].is_null()) return finish_new(type, data);
  // __bytes__ first.
  Value m = is_bytes_like(a[0]) ? Value() : type_lookup(type_of(a[0]), Value(str_intern("__bytes__")));
  if (!m.is_null()) {
    Ref<> r = call_method(a[0], "__bytes__", nullptr, 0);
    if (!r) return nullptr;
    if (!is_bytes(r.val()))
      return err_format(g_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(type_of(r.val())));
    if (type == &g_bytes_type) return r;
    data.assign(bytes_view(r.val()));
    return finish_new(type, data);
  }
  if (is_bytes_exact(a[0]) && type == &g_bytes_type) return Ref<>::borrow(a[0]);
  if (!bytes_fill_from_object(a[0], &data, false)) {
    if (err_matches(g_ValueError) && !is_str(a[0])) {
      // bytes() says "bytes must be in range(0, 256)".
      Ref<> e = err_fetch();
      std::string msg = str_utf8(e.val());
      if (msg == "byte must be in range(0, 256)") return err_set_str(g_ValueError, "bytes must be in range(0, 256)");
      err_restore(std::move(e));
    }
    return nullptr;
  }
  return finish_new(type, data);
}

void bytes_dealloc(Object* o) { free_object(o); }

Ref<> bytes_repr_slot(Value v) { return bytes_repr_impl(bytes_data(v), bytes_size(v), "b", ""); }

Ref<> bytes_str_slot(Value v) { return bytes_repr_slot(v); }

int64_t bytes_hash_slot(Value v) { return bytes_hash(v); }

int64_t bytes_len_slot(Value v) { return bytes_size(v); }

Ref<> bytes_richcompare(Value a, Value b, CompareOp op) {
  Buf x, y;
  if (!is_bytes(a) || !(is_bytes(b) || is_bytearray(b) || is_memoryview(b))) return Ref<>::steal(not_implemented());
  if (is_memoryview(b) && op != kEq && op != kNe) return Ref<>::steal(not_implemented());
  if (!load(a, &x) || !load(b, &y)) return Ref<>::steal(not_implemented());
  if (op == kEq || op == kNe) {
    bool eq = x.n == y.n && std::memcmp(x.p, y.p, x.n) == 0;
    return new_bool(op == kEq ? eq : !eq);
  }
  int64_t m = x.n < y.n ? x.n : y.n;
  int c = std::memcmp(x.p, y.p, m);
  if (c == 0) c = x.n < y.n ? -1 : x.n > y.n ? 1 : 0;
  bool r = op == kLt ? c < 0 : op == kLe ? c <= 0 : op == kGt ? c > 0 : c >= 0;
  return new_bool(r);
}

Ref<> bytes_subscript(Value self, Value key) {
  Bytes* b = self.as<Bytes>();
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(key, b->size, &start, &stop, &step, &n)) return nullptr;
    if (n <= 0) return bytes_from("", 0);
    if (step == 1) {
      if (n == b->size && is_bytes_exact(self)) return Ref<>::borrow(self);
      return bytes_from(b->data + start, static_cast<size_t>(n));
    }
    std::string out(static_cast<size_t>(n), '\0');
    for (int64_t i = 0, j = start; i < n; i++, j += step) out[i] = static_cast<char>(b->data[j]);
    return bytes_from(out);
  }
  if (!type_of(key)->nb_index)
    return err_format(g_TypeError, "byte indices must be integers or slices, not %s", type_tp_name(type_of(key)));
  int64_t i;
  if (!to_index(key, &i)) return nullptr;
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) return err_set_str(g_IndexError, "index out of range");
  return small_int(b->data[i]);
}

int bytes_contains_slot(Value self, Value item) {
  Buf s, sub;
  uint8_t one;
  if (is_int(item)) {
    int64_t x;
    if (!int_as_int64(item, &x) || x < 0 || x > 255) {
      err_set_str(g_ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    one = static_cast<uint8_t>(x);
    sub.p = &one;
    sub.n = 1;
  } else if (!load(item, &sub)) {
    if (type_of(item)->nb_index) {
      int64_t x;
      if (!to_index(item, &x)) return -1;
      if (x < 0 || x > 255) {
        err_set_str(g_ValueError, "byte must be in range(0, 256)");
        return -1;
      }
      one = static_cast<uint8_t>(x);
      sub.p = &one;
      sub.n = 1;
    } else {
      err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(item)));
      return -1;
    }
  }
  load(self, &s);
  return find_in(s, sub.p, sub.n, 0, s.n) >= 0;
}

Ref<> bytes_add_slot(Value a, Value b) {
  if (!is_bytes(a)) return Ref<>::steal(not_implemented());
  Buf x, y;
  load(a, &x);
  if (!load(b, &y)) return err_format(g_TypeError, "can't concat %s to %s", type_name(type_of(b)), type_name(type_of(a)));
  if (y.n == 0 && is_bytes_exact(a)) return Ref<>::borrow(a);
  std::string out(x.sv());
  out.append(y.sv());
  return bytes_from(out);
}

Ref<> bytes_mul_slot(Value a, Value b) {
  Value sv = a, cv = b;
  if (!is_bytes(a)) {
    sv = b;
    cv = a;
  }
  if (!is_bytes(sv) || !type_of(cv)->nb_index) return Ref<>::steal(not_implemented());
  Ref<> idx = number_index(cv);
  if (!idx) return nullptr;
  int64_t count;
  if (!int_as_int64(idx.val(), &count))
    return err_format(g_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(type_of(cv)));
  int64_t n = bytes_size(sv);
  if (count <= 0 || n == 0) return bytes_from("", 0);
  if (count == 1 && is_bytes_exact(sv)) return Ref<>::borrow(sv);
  if (n > INT64_MAX / count) return err_set_str(g_OverflowError, "repeated bytes are too long");  // as CPython
  int64_t total = n * count;
  Ref<Bytes> r = bytes_new_raw(total);
  if (!r) return nullptr;
  std::memcpy(r->data, bytes_data(sv), n);
  int64_t done = n;
  while (done < total) {
    int64_t c = done < total - done ? done : total - done;
    std::memcpy(r->data + done, r->data, c);
    done += c;
  }
  return r;
}

Ref<> bytes_mod_slot(Value a, Value b) {
  if (!is_bytes(a)) return Ref<>::steal(not_implemented());
  std::string out;
  if (!bytes_percent_format(bytes_data(a), bytes_size(a), b, &out)) return nullptr;
  return bytes_from(out);
}

Ref<> bytes_getnewargs(Value self, Value*) {
  Ref<> c = bytes_from(bytes_data(self), bytes_size(self));
  if (!c) return nullptr;
  return tuple_pack({c.val()});
}

Ref<> bytes_dunder_bytes(Value self, Value*) {
  if (is_bytes_exact(self)) return Ref<>::borrow(self);
  return bytes_from(bytes_data(self), bytes_size(self));
}

const MethodDef kBytesOnlyMethods[] = {
    {"__getnewargs__($self, /)", bytes_getnewargs, nullptr},
    {"__bytes__($self, /)", bytes_dunder_bytes, "Convert this value to exact type bytes."},
    {nullptr}};

// --- iterator ------------------------------------------------------------------------
// The index is claimed with a CAS; a failed next() stores kBytesIterDone, so
// that pickling tells an exhausted iterator from one standing at the end.
struct BytesIter : Object {
  Value seq;  // owned bytes
  std::atomic<int64_t> index;
};
constexpr int64_t kBytesIterDone = INT64_MAX;

void bytes_iter_dealloc(Object* o) {
  decref(static_cast<BytesIter*>(o)->seq);
  free_object(o);
}
Ref<> bytes_iter_self(Value v) { return Ref<>::borrow(v); }
Ref<> bytes_iter_next(Value v) {
  BytesIter* it = v.as<BytesIter>();
  int64_t n = bytes_size(it->seq);
  int64_t i = it->index.load(std::memory_order_relaxed);
  do {
    if (i >= n) {
      if (i != kBytesIterDone) it->index.compare_exchange_strong(i, kBytesIterDone, std::memory_order_relaxed);
      return nullptr;
    }
  } while (!it->index.compare_exchange_weak(i, i + 1, std::memory_order_relaxed));
  return small_int(bytes_data(it->seq)[i]);
}
Ref<> bytes_iter_length_hint(Value self, Value*) {
  BytesIter* it = self.as<BytesIter>();
  int64_t r = bytes_size(it->seq) - it->index.load(std::memory_order_relaxed);
  return small_int(r < 0 ? 0 : r);
}
// (iter, (b,), index), or (iter, ((),)) once exhausted.
Ref<> bytes_iter_reduce(Value self, Value*) {
  BytesIter* it = self.as<BytesIter>();
  int64_t i = it->index.load(std::memory_order_relaxed);
  if (i == kBytesIterDone) return iter_reduce(Value(empty_tuple().get()), Value());
  return iter_reduce(it->seq, Value::small(i));
}
// Clamped to [0, len]; an exhausted iterator stays exhausted (CAS).
Ref<> bytes_iter_setstate(Value self, Value* args) {
  BytesIter* it = self.as<BytesIter>();
  int64_t want;
  if (!iter_state_index(args[0], &want)) return nullptr;
  int64_t n = bytes_size(it->seq);
  want = want < 0 ? 0 : want > n ? n : want;
  int64_t i = it->index.load(std::memory_order_relaxed);
  while (i != kBytesIterDone && !it->index.compare_exchange_weak(i, want, std::memory_order_relaxed)) {
  }
  return Ref<>::steal(none());
}
const MethodDef kBytesIterMethods[] = {
    {"__length_hint__($self, /)", bytes_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__($self, /)", bytes_iter_reduce, "Return state information for pickling."},
    {"__setstate__($self, state, /)", bytes_iter_setstate, "Set state information for unpickling."},
    {nullptr}};
Ref<> bytes_iter_slot(Value v) {
  BytesIter* it = alloc_object<BytesIter>(&g_bytes_iter_type);
  if (!it) return nullptr;
  it->seq = v;
  incref(v);
  it->index.store(0, std::memory_order_relaxed);
  return Ref<>::steal(Value(static_cast<Object*>(it)));
}

std::vector<MethodDef>* g_bytes_methods;

// bytes export their immutable contents; no count is needed.
bool bytes_get_buffer(Value self, BufferView* view, int flags) {
  view->lock = nullptr;
  view->buf = self.as<Bytes>()->data;
  view->len = view->count = bytes_size(self);
  view->itemsize = view->stride = 1;
  view->format = "B";
  view->readonly = true;
  return buffer_check_writable(view, flags);
}

const BufferProcs kBytesBufferProcs = {bytes_get_buffer, nullptr};

}  // namespace


void bytes_types_init() {
  Type* t = &g_bytes_type;
  if (t->flags & kTypeReady) return;
  t->name = "bytes";
  t->basic_size = sizeof(Bytes);
  t->item_size = 1;
  t->flags = kTypeBaseType | kTypeBytesSubclass | kTypeLeafDealloc;
  t->tp_dealloc = bytes_dealloc;
  t->tp_repr = bytes_repr_slot;
  t->tp_str = bytes_str_slot;
  t->tp_hash = bytes_hash_slot;
  t->tp_richcompare = bytes_richcompare;
  t->tp_new = bytes_tp_new;
  t->tp_iter = bytes_iter_slot;
  t->tp_var_size = bytes_var_size;
  t->nb_binary[kOpAdd] = bytes_add_slot;
  t->nb_binary[kOpMul] = bytes_mul_slot;
  t->nb_binary[kOpMod] = bytes_mod_slot;
  t->mp_length = bytes_len_slot;
  t->mp_subscript = bytes_subscript;
  t->sq_contains = bytes_contains_slot;
  g_bytes_methods = new std::vector<MethodDef>();
  for (const MethodDef* m = kBytesCommonMethods; m->signature; m++) g_bytes_methods->push_back(*m);
  for (const MethodDef* m = kBytesOnlyMethods; m->signature; m++) g_bytes_methods->push_back(*m);
  g_bytes_methods->push_back(MethodDef{nullptr});
  t->methods = g_bytes_methods->data();
  t->doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
           "bytes() -> empty bytes object";
  type_ready(t);
  buffer_register(t, &kBytesBufferProcs);
  Type* it = &g_bytes_iter_type;
  it->name = "bytes_iterator";
  it->basic_size = sizeof(BytesIter);
  it->tp_dealloc = bytes_iter_dealloc;
  it->tp_iter = bytes_iter_self;
  it->tp_iternext = bytes_iter_next;
  it->methods = kBytesIterMethods;
  type_ready(it);
  Ref<Bytes> e = bytes_alloc(&g_bytes_type, 0);
  make_immortal(e.get());
  g_empty_bytes = e.get();
  (void)e.release();
  for (int c = 0; c < 256; c++) {
    Ref<Bytes> b = bytes_alloc(&g_bytes_type, 1);
    b->data[0] = static_cast<uint8_t>(c);
    make_immortal(b.get());
    g_single_bytes[c] = b.get();
    (void)b.release();
  }
}

}  // namespace ftpy
