// The Python-visible methods of str (the type's core and slots are in
// str.cpp; str.format and % formatting in str_format.cpp).
//
// Strings are immutable, so no method needs a lock. Searching has fast paths
// for one-byte strings (memchr/memmem); results are built once at their final
// size where the size is known, otherwise in a UTF-32 buffer that
// str_from_ucs4 narrows to the smallest kind.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <utf8proc.h>

#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/unicode.h"

namespace ftpy {

namespace {

using U32 = std::u32string;

inline Str* S(Value v) { return v.as<Str>(); }

// --- full case mappings ----------------------------------------------------------
// Characters whose lower/upper/title mapping is more than one code point
// (Unicode SpecialCasing, unconditional part). Generated from the Unicode
// character database; sorted by code point.
struct SpecialCase {
  uint32_t cp;
  uint32_t lower[3], upper[3], title[3];
};
const SpecialCase kSpecialCases[] = {
#include "objects/str_special_casing.inc"
};

const SpecialCase* find_special(uint32_t c) {
  if (c < 0xDF) return nullptr;
  size_t lo = 0, hi = sizeof(kSpecialCases) / sizeof(kSpecialCases[0]);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (kSpecialCases[mid].cp == c) return &kSpecialCases[mid];
    if (kSpecialCases[mid].cp < c) lo = mid + 1;
    else hi = mid;
  }
  return nullptr;
}

void push3(const uint32_t* m, U32* out) {
  for (int i = 0; i < 3 && m[i]; i++) out->push_back(m[i]);
}

enum CaseOp { kLower, kUpper, kTitle };

void map_case(uint32_t c, CaseOp op, U32* out) {
  if (const SpecialCase* sc = find_special(c)) {
    push3(op == kLower ? sc->lower : op == kUpper ? sc->upper : sc->title, out);
    return;
  }
  out->push_back(op == kLower ? unicode_to_lower(c) : op == kUpper ? unicode_to_upper(c) : unicode_to_title(c));
}

// Final sigma rule: U+03A3 lowercases to U+03C2 at the end of a word (preceded
// by a cased letter and not followed by one, skipping case-ignorables).
uint32_t lower_sigma(Str* s, int64_t i) {
  int64_t j = i - 1;
  while (j >= 0 && unicode_is_case_ignorable(s->at(j))) j--;
  bool before = j >= 0 && unicode_is_cased(s->at(j));
  j = i + 1;
  while (j < s->length && unicode_is_case_ignorable(s->at(j))) j++;
  bool after = j < s->length && unicode_is_cased(s->at(j));
  return before && !after ? 0x3C2 : 0x3C3;
}

void lower_char(Str* s, int64_t i, U32* out) {
  uint32_t c = s->at(i);
  if (c == 0x3A3) out->push_back(lower_sigma(s, i));
  else map_case(c, kLower, out);
}

Ref<> ascii_map(Str* s, int (*f)(int)) {
  Ref<Str> r = str_new_raw(s->length, 127);
  if (!r) return nullptr;
  for (int64_t i = 0; i < s->length; i++) r->data[i] = static_cast<uint8_t>(f(s->data[i]));
  return r;
}
int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
int ascii_upper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

// --- argument helpers -----------------------------------------------------------

bool get_slice_index(Value v, int64_t* out) {
  if (v.is_null() || is_none(v)) return true;
  if (!type_of(v)->nb_index) {
    err_set_str(g_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return to_index(v, out);
}

// Resolve start/end arguments against len like s[start:end].
bool sub_range(Value vs, Value ve, int64_t len, int64_t* start, int64_t* end) {
  int64_t st = 0, en = INT64_MAX;
  if (!get_slice_index(vs, &st) || !get_slice_index(ve, &en)) return false;
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

bool match_at(Str* hay, int64_t pos, Str* needle) {
  if (hay->kind == needle->kind)
    return std::memcmp(hay->data + pos * hay->kind, needle->data, needle->length * needle->kind) == 0;
  for (int64_t k = 0; k < needle->length; k++)
    if (hay->at(pos + k) != needle->at(k)) return false;
  return true;
}

int64_t rfind_sub(Str* hay, Str* needle, int64_t start, int64_t end) {
  int64_t m = needle->length;
  if (end - start < m) return -1;
  if (needle->kind > hay->kind) return -1;
  for (int64_t i = end - m; i >= start; i--)
    if (match_at(hay, i, needle)) return i;
  return -1;
}

int64_t count_sub(Str* hay, Str* needle, int64_t start, int64_t end, int64_t maxcount) {
  if (end < start) return 0;
  if (needle->length == 0) {
    int64_t n = end - start + 1;
    return n < maxcount ? n : maxcount;
  }
  int64_t n = 0;
  while (n < maxcount) {
    int64_t i = str_find_sub(hay, needle, start, end);
    if (i < 0) break;
    n++;
    start = i + needle->length;
  }
  return n;
}

Ref<> new_list_of(std::vector<Ref<>>& items) {
  Ref<List> l = list_new(static_cast<int64_t>(items.size()));
  if (!l) return nullptr;
  for (size_t i = 0; i < items.size(); i++) list_init_item(l.get(), static_cast<int64_t>(i), std::move(items[i]));
  return l;
}

Ref<> self_or_copy(Value self) {
  if (is_str_exact(self)) return Ref<>::borrow(self);
  return str_exact_copy(S(self));
}

// --- searching -----------------------------------------------------------------------

enum FindKind { kFind, kRFind, kIndex, kRIndex, kCount };

Ref<> find_common(Value self, Value* args, FindKind k) {
  if (!is_str(args[0])) return err_format(g_TypeError, "must be str, not %s", type_name(type_of(args[0])));
  Str* s = S(self);
  Str* sub = S(args[0]);
  int64_t start, end;
  if (!sub_range(args[1], args[2], s->length, &start, &end)) return nullptr;
  if (k == kCount) {
    if (start > s->length) return small_int(0);
    return small_int(count_sub(s, sub, start, end, INT64_MAX));
  }
  int64_t r = -1;
  if (start <= s->length) {
    r = (k == kFind || k == kIndex) ? str_find_sub(s, sub, start, end) : rfind_sub(s, sub, start, end);
  }
  if (r < 0 && (k == kIndex || k == kRIndex)) return err_set_str(g_ValueError, "substring not found");
  return small_int(r);
}

Ref<> str_find(Value self, Value* args) { return find_common(self, args, kFind); }
Ref<> str_rfind(Value self, Value* args) { return find_common(self, args, kRFind); }
Ref<> str_index(Value self, Value* args) { return find_common(self, args, kIndex); }
Ref<> str_rindex(Value self, Value* args) { return find_common(self, args, kRIndex); }
Ref<> str_count(Value self, Value* args) { return find_common(self, args, kCount); }

Ref<> starts_ends(Value self, Value* args, bool ends) {
  const char* name = ends ? "endswith" : "startswith";
  Str* s = S(self);
  int64_t start, end;
  if (!sub_range(args[1], args[2], s->length, &start, &end)) return nullptr;
  auto test = [&](Str* p) {
    if (end - start < p->length) return false;
    if (start > s->length) return false;
    return match_at(s, ends ? end - p->length : start, p);
  };
  Value x = args[0];
  if (is_tuple(x)) {
    for (int64_t i = 0; i < tuple_size(x); i++) {
      Value p = tuple_item(x, i);
      if (!is_str(p))
        return err_format(g_TypeError, "tuple for %s must only contain str, not %s", name, type_name(type_of(p)));
      if (test(S(p))) return new_bool(true);
    }
    return new_bool(false);
  }
  if (!is_str(x))
    return err_format(g_TypeError, "%s first arg must be str or a tuple of str, not %s", name, type_name(type_of(x)));
  return new_bool(test(S(x)));
}
Ref<> str_startswith(Value self, Value* args) { return starts_ends(self, args, false); }
Ref<> str_endswith(Value self, Value* args) { return starts_ends(self, args, true); }

// --- splitting -------------------------------------------------------------------------

Ref<> whitespace_split(Str* s, int64_t maxsplit, bool right) {
  std::vector<Ref<>> parts;
  int64_t n = s->length;
  if (!right) {
    int64_t i = 0;
    while (true) {
      while (i < n && unicode_is_space(s->at(i))) i++;
      if (i >= n) break;
      if (maxsplit-- == 0) {
        int64_t e = n;
        parts.push_back(str_substring(s, i, e));
        break;
      }
      int64_t j = i;
      while (j < n && !unicode_is_space(s->at(j))) j++;
      parts.push_back(str_substring(s, i, j));
      i = j;
    }
  } else {
    int64_t i = n;
    while (true) {
      while (i > 0 && unicode_is_space(s->at(i - 1))) i--;
      if (i <= 0) break;
      if (maxsplit-- == 0) {
        parts.push_back(str_substring(s, 0, i));
        break;
      }
      int64_t j = i;
      while (j > 0 && !unicode_is_space(s->at(j - 1))) j--;
      parts.push_back(str_substring(s, j, i));
      i = j;
    }
    std::reverse(parts.begin(), parts.end());
  }
  for (auto& p : parts)
    if (!p) return nullptr;
  return new_list_of(parts);
}

Ref<> split_common(Value self, Value* args, bool right) {
  Str* s = S(self);
  Value sep = args[0];
  int64_t maxsplit;
  if (!to_index(args[1], &maxsplit)) return nullptr;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (is_none(sep)) return whitespace_split(s, maxsplit, right);
  if (!is_str(sep)) return err_format(g_TypeError, "must be str or None, not %s", type_name(type_of(sep)));
  Str* p = S(sep);
  if (p->length == 0) return err_set_str(g_ValueError, "empty separator");
  std::vector<Ref<>> parts;
  if (!right) {
    int64_t i = 0;
    while (maxsplit-- > 0) {
      int64_t j = str_find_sub(s, p, i, s->length);
      if (j < 0) break;
      parts.push_back(str_substring(s, i, j));
      i = j + p->length;
    }
    if (i == 0 && is_str_exact(self)) parts.push_back(Ref<>::borrow(self));
    else parts.push_back(str_substring(s, i, s->length));
  } else {
    int64_t e = s->length;
    while (maxsplit-- > 0) {
      int64_t j = rfind_sub(s, p, 0, e);
      if (j < 0) break;
      parts.push_back(str_substring(s, j + p->length, e));
      e = j;
    }
    parts.push_back(str_substring(s, 0, e));
    std::reverse(parts.begin(), parts.end());
  }
  for (auto& x : parts)
    if (!x) return nullptr;
  return new_list_of(parts);
}
Ref<> str_split(Value self, Value* args) { return split_common(self, args, false); }
Ref<> str_rsplit(Value self, Value* args) { return split_common(self, args, true); }

Ref<> str_splitlines(Value self, Value* args) {
  int keep = truthy(args[0]);
  if (keep < 0) return nullptr;
  Str* s = S(self);
  std::vector<Ref<>> parts;
  int64_t i = 0, n = s->length;
  while (i < n) {
    int64_t j = i;
    while (j < n && !unicode_is_linebreak(s->at(j))) j++;
    int64_t eol = j;
    if (j < n) {
      if (s->at(j) == '\r' && j + 1 < n && s->at(j + 1) == '\n') j += 2;
      else j++;
      if (keep) eol = j;
    }
    parts.push_back(str_substring(s, i, eol));
    if (!parts.back()) return nullptr;
    i = j;
  }
  return new_list_of(parts);
}

Ref<> partition_common(Value self, Value sep, bool right) {
  if (!is_str(sep)) return err_format(g_TypeError, "must be str, not %s", type_name(type_of(sep)));
  Str* s = S(self);
  Str* p = S(sep);
  if (p->length == 0) return err_set_str(g_ValueError, "empty separator");
  int64_t i = right ? rfind_sub(s, p, 0, s->length) : str_find_sub(s, p, 0, s->length);
  Ref<> whole = self_or_copy(self);
  if (!whole) return nullptr;
  if (i < 0) {
    if (right) return tuple_pack({str_empty(), str_empty(), whole.val()});
    return tuple_pack({whole.val(), str_empty(), str_empty()});
  }
  Ref<> a = str_substring(s, 0, i);
  Ref<> b = str_substring(s, i + p->length, s->length);
  Ref<> m = self_or_copy(sep);
  if (!a || !b || !m) return nullptr;
  return tuple_pack({a.val(), m.val(), b.val()});
}
Ref<> str_partition(Value self, Value* args) { return partition_common(self, args[0], false); }
Ref<> str_rpartition(Value self, Value* args) { return partition_common(self, args[0], true); }

// --- joining and replacing ------------------------------------------------------------

Ref<> str_join_method(Value self, Value* args) { return str_join(S(self), args[0]); }

Ref<> str_replace(Value self, Value* args) {
  Value ov = args[0], nv = args[1];
  if (!is_str(ov))
    return err_format(g_TypeError, "replace() argument 1 must be str, not %s", type_name(type_of(ov)));
  if (!is_str(nv))
    return err_format(g_TypeError, "replace() argument 2 must be str, not %s", type_name(type_of(nv)));
  int64_t count;
  if (!to_index(args[2], &count)) return nullptr;
  if (count < 0) count = INT64_MAX;
  Str* s = S(self);
  Str* o = S(ov);
  Str* nw = S(nv);
  if (count == 0 || (o->length == 0 && false)) return self_or_copy(self);
  if (o->length == 0) {
    // Insert `new` before every character and at the end, up to count times.
    U32 out;
    int64_t done = 0;
    for (int64_t i = 0; i <= s->length; i++) {
      if (done < count) {
        str_append_to(nw, &out);
        done++;
      }
      if (i < s->length) out.push_back(s->at(i));
    }
    return str_from_u32(out);
  }
  if (s->kind == 1 && o->kind == 1 && nw->kind == 1) {
    std::string out;
    const char* base = reinterpret_cast<const char*>(s->data);
    int64_t i = 0, done = 0;
    while (done < count) {
      const void* hit = memmem(base + i, s->length - i, o->data, o->length);
      if (!hit) break;
      int64_t j = static_cast<const char*>(hit) - base;
      out.append(base + i, j - i);
      out.append(reinterpret_cast<const char*>(nw->data), nw->length);
      i = j + o->length;
      done++;
    }
    if (done == 0) return self_or_copy(self);
    out.append(base + i, s->length - i);
    return str_from_latin1(reinterpret_cast<const uint8_t*>(out.data()), static_cast<int64_t>(out.size()));
  }
  U32 out;
  int64_t i = 0, done = 0;
  while (done < count) {
    int64_t j = str_find_sub(s, o, i, s->length);
    if (j < 0) break;
    for (int64_t k = i; k < j; k++) out.push_back(s->at(k));
    str_append_to(nw, &out);
    i = j + o->length;
    done++;
  }
  if (done == 0) return self_or_copy(self);
  for (int64_t k = i; k < s->length; k++) out.push_back(s->at(k));
  return str_from_u32(out);
}

// --- stripping -------------------------------------------------------------------------

Ref<> strip_common(Value self, Value chars, int which) {  // 1 left, 2 right, 3 both
  Str* s = S(self);
  int64_t i = 0, j = s->length;
  if (chars.is_null() || is_none(chars)) {
    if (which & 1)
      while (i < j && unicode_is_space(s->at(i))) i++;
    if (which & 2)
      while (j > i && unicode_is_space(s->at(j - 1))) j--;
  } else {
    if (!is_str(chars)) {
      const char* n = which == 1 ? "lstrip" : which == 2 ? "rstrip" : "strip";
      return err_format(g_TypeError, "%s arg must be None or str", n);
    }
    Str* c = S(chars);
    auto in = [&](uint32_t ch) {
      for (int64_t k = 0; k < c->length; k++)
        if (c->at(k) == ch) return true;
      return false;
    };
    if (which & 1)
      while (i < j && in(s->at(i))) i++;
    if (which & 2)
      while (j > i && in(s->at(j - 1))) j--;
  }
  if (i == 0 && j == s->length) return self_or_copy(self);
  return str_substring(s, i, j);
}
Ref<> str_strip(Value self, Value* args) { return strip_common(self, args[0], 3); }
Ref<> str_lstrip(Value self, Value* args) { return strip_common(self, args[0], 1); }
Ref<> str_rstrip(Value self, Value* args) { return strip_common(self, args[0], 2); }

Ref<> str_removeprefix(Value self, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "removeprefix() argument must be str, not %s", type_name(type_of(args[0])));
  Str* s = S(self);
  Str* p = S(args[0]);
  if (p->length && p->length <= s->length && match_at(s, 0, p)) return str_substring(s, p->length, s->length);
  return self_or_copy(self);
}
Ref<> str_removesuffix(Value self, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "removesuffix() argument must be str, not %s", type_name(type_of(args[0])));
  Str* s = S(self);
  Str* p = S(args[0]);
  if (p->length && p->length <= s->length && match_at(s, s->length - p->length, p))
    return str_substring(s, 0, s->length - p->length);
  return self_or_copy(self);
}

// --- padding ----------------------------------------------------------------------------

bool get_fill(Value v, uint32_t* out) {
  if (v.is_null()) {
    *out = ' ';
    return true;
  }
  if (!is_str(v)) {
    err_format(g_TypeError, "The fill character must be a unicode character, not %s", type_name(type_of(v)));
    return false;
  }
  if (S(v)->length != 1) {
    err_set_str(g_TypeError, "The fill character must be exactly one character long");
    return false;
  }
  *out = S(v)->at(0);
  return true;
}

Ref<> pad(Value self, int64_t left, int64_t right, uint32_t fill) {
  Str* s = S(self);
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return self_or_copy(self);
  uint32_t mx = s->ascii ? 127 : s->kind == 1 ? 255 : s->kind == 2 ? 0xFFFF : 0x10FFFF;
  if (fill > mx) mx = fill;
  Ref<Str> r = str_new_raw(left + s->length + right, mx);
  if (!r) return nullptr;
  for (int64_t i = 0; i < left; i++) str_set_char(r.get(), i, fill);
  if (r->kind == s->kind) std::memcpy(r->data + left * r->kind, s->data, s->length * s->kind);
  else
    for (int64_t i = 0; i < s->length; i++) str_set_char(r.get(), left + i, s->at(i));
  for (int64_t i = 0; i < right; i++) str_set_char(r.get(), left + s->length + i, fill);
  return r;
}

Ref<> justify(Value self, Value* args, int how) {
  int64_t width;
  if (!to_index(args[0], &width)) return nullptr;
  uint32_t fill;
  if (!get_fill(args[1], &fill)) return nullptr;
  // Compare before subtracting: width - length overflows for width near
  // INT64_MIN (-2**63 wrapped to a huge pad).
  if (width <= static_cast<int64_t>(S(self)->length)) return self_or_copy(self);
  int64_t marg = width - S(self)->length;
  if (how == 0) return pad(self, 0, marg, fill);
  if (how == 1) return pad(self, marg, 0, fill);
  int64_t left = marg / 2 + (marg & width & 1);
  return pad(self, left, marg - left, fill);
}
Ref<> str_ljust(Value self, Value* args) { return justify(self, args, 0); }
Ref<> str_rjust(Value self, Value* args) { return justify(self, args, 1); }
Ref<> str_center(Value self, Value* args) { return justify(self, args, 2); }

Ref<> str_zfill(Value self, Value* args) {
  int64_t width;
  if (!to_index(args[0], &width)) return nullptr;
  Str* s = S(self);
  if (width <= static_cast<int64_t>(s->length)) return self_or_copy(self);  // no overflow
  int64_t fill = width - s->length;
  Ref<> r = pad(self, fill, 0, '0');
  if (!r) return nullptr;
  Str* rs = S(r.val());
  uint32_t c = rs->at(fill);
  if (c == '+' || c == '-') {
    str_set_char(rs, 0, c);
    str_set_char(rs, fill, '0');
  }
  return r;
}

Ref<> str_expandtabs(Value self, Value* args) {
  int32_t tabsize;  // a C int, as in CPython
  if (!to_c_int(args[0], &tabsize)) return nullptr;
  Str* s = S(self);
  U32 out;
  int64_t col = 0;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t n = tabsize - col % tabsize;
        out.append(n, U' ');
        col += n;
      }
    } else {
      out.push_back(c);
      col++;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return str_from_u32(out);
}

// --- case ---------------------------------------------------------------------------------

Ref<> str_lower(Value self, Value*) {
  Str* s = S(self);
  if (s->ascii) return ascii_map(s, ascii_lower);
  U32 out;
  out.reserve(s->length);
  for (int64_t i = 0; i < s->length; i++) lower_char(s, i, &out);
  return str_from_u32(out);
}

Ref<> str_upper(Value self, Value*) {
  Str* s = S(self);
  if (s->ascii) return ascii_map(s, ascii_upper);
  U32 out;
  out.reserve(s->length);
  for (int64_t i = 0; i < s->length; i++) map_case(s->at(i), kUpper, &out);
  return str_from_u32(out);
}

Ref<> str_casefold(Value self, Value*) {
  Str* s = S(self);
  if (s->ascii) return ascii_map(s, ascii_lower);
  U32 out;
  out.reserve(s->length);
  for (int64_t i = 0; i < s->length; i++) {
    utf8proc_int32_t buf[8];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(s->at(i)), buf, 8,
                                                 UTF8PROC_CASEFOLD, &last);
    if (n <= 0 || n > 8) out.push_back(s->at(i));
    else
      for (utf8proc_ssize_t k = 0; k < n; k++) out.push_back(static_cast<uint32_t>(buf[k]));
  }
  return str_from_u32(out);
}

Ref<> str_swapcase(Value self, Value*) {
  Str* s = S(self);
  U32 out;
  out.reserve(s->length);
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (unicode_is_upper(c)) lower_char(s, i, &out);
    else if (unicode_is_lower(c)) map_case(c, kUpper, &out);
    else out.push_back(c);
  }
  return str_from_u32(out);
}

Ref<> str_capitalize(Value self, Value*) {
  Str* s = S(self);
  U32 out;
  out.reserve(s->length);
  for (int64_t i = 0; i < s->length; i++) {
    if (i == 0) map_case(s->at(0), kTitle, &out);
    else lower_char(s, i, &out);
  }
  return str_from_u32(out);
}

Ref<> str_title(Value self, Value*) {
  Str* s = S(self);
  U32 out;
  out.reserve(s->length);
  bool prev_cased = false;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (prev_cased) lower_char(s, i, &out);
    else map_case(c, kTitle, &out);
    prev_cased = unicode_is_cased(c);
  }
  return str_from_u32(out);
}

// --- predicates ----------------------------------------------------------------------------

template <bool (*F)(uint32_t)>
Ref<> all_chars(Value self, Value*) {
  Str* s = S(self);
  if (s->length == 0) return new_bool(false);
  for (int64_t i = 0; i < s->length; i++)
    if (!F(s->at(i))) return new_bool(false);
  return new_bool(true);
}

Ref<> str_isascii(Value self, Value*) { return new_bool(S(self)->ascii); }

Ref<> str_isprintable(Value self, Value*) {
  Str* s = S(self);
  for (int64_t i = 0; i < s->length; i++)
    if (!unicode_is_printable(s->at(i))) return new_bool(false);
  return new_bool(true);
}

Ref<> str_islower(Value self, Value*) {
  Str* s = S(self);
  bool cased = false;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (unicode_is_upper(c) || unicode_is_title(c)) return new_bool(false);
    if (!cased && unicode_is_lower(c)) cased = true;
  }
  return new_bool(cased);
}

Ref<> str_isupper(Value self, Value*) {
  Str* s = S(self);
  bool cased = false;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (unicode_is_lower(c) || unicode_is_title(c)) return new_bool(false);
    if (!cased && unicode_is_upper(c)) cased = true;
  }
  return new_bool(cased);
}

Ref<> str_istitle(Value self, Value*) {
  Str* s = S(self);
  bool cased = false, prev_cased = false;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (unicode_is_upper(c) || unicode_is_title(c)) {
      if (prev_cased) return new_bool(false);
      prev_cased = cased = true;
    } else if (unicode_is_lower(c)) {
      if (!prev_cased) return new_bool(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return new_bool(cased);
}

Ref<> str_isidentifier(Value self, Value*) {
  Str* s = S(self);
  if (s->length == 0) return new_bool(false);
  uint32_t c0 = s->at(0);
  if (!(unicode_is_xid_start(c0) || c0 == '_')) return new_bool(false);
  for (int64_t i = 1; i < s->length; i++)
    if (!unicode_is_xid_continue(s->at(i))) return new_bool(false);
  return new_bool(true);
}

// --- translate / maketrans ----------------------------------------------------------------

Ref<> str_translate(Value self, Value* args) {
  Str* s = S(self);
  Value table = args[0];
  U32 out;
  out.reserve(s->length);
  // Small per-call cache for Latin-1 characters: -2 unknown, -1 keep... stored as results.
  std::vector<Ref<>> cache(256);
  std::vector<uint8_t> cached(256, 0);
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    Ref<> m;
    bool keep = false;
    if (c < 256 && cached[c]) {
      if (cached[c] == 2) keep = true;
      else m = cache[c];
    } else {
      Ref<> key = small_int(c);
      m = getitem(table, key.val());
      if (!m) {
        if (!err_matches(g_LookupError)) return nullptr;
        err_clear();
        keep = true;
      }
      if (c < 256) {
        cached[c] = keep ? 2 : 1;
        if (!keep) cache[c] = m;
      }
    }
    if (keep) {
      out.push_back(c);
      continue;
    }
    Value v = m.val();
    if (is_none(v)) continue;
    if (is_int(v)) {
      int64_t x;
      if (!int_as_int64(v, &x) || x < 0 || x > 0x10FFFF)
        return err_set_str(g_ValueError, "character mapping must be in range(0x110000)");
      out.push_back(static_cast<uint32_t>(x));
    } else if (is_str(v)) {
      str_append_to(S(v), &out);
    } else {
      return err_set_str(g_TypeError, "character mapping must return integer, None or str");
    }
  }
  return str_from_u32(out);
}

Ref<> str_maketrans(Value, Value* args) {
  Value x = args[0], y = args[1], z = args[2];
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  if (y.is_null()) {
    if (!is_dict(x))
      return err_set_str(g_TypeError, "if you give only one argument to maketrans it must be a dict");
    int64_t pos = 0;
    Ref<> k, v;
    while (dict_next(x, &pos, &k, &v)) {
      if (is_str(k.val())) {
        if (S(k.val())->length != 1)
          return err_set_str(g_ValueError, "string keys in translate table must be of length 1");
        Ref<> ki = small_int(S(k.val())->at(0));
        if (dict_set_item(d.val(), ki.val(), v.val()) < 0) return nullptr;
      } else if (is_int(k.val())) {
        if (dict_set_item(d.val(), k.val(), v.val()) < 0) return nullptr;
      } else {
        return err_set_str(g_TypeError, "keys in translate table must be strings or integers");
      }
    }
    return d;
  }
  if (!is_str(x))
    return err_format(g_TypeError, "maketrans() argument 1 must be str, not %s", type_name(type_of(x)));
  if (!is_str(y))
    return err_format(g_TypeError, "maketrans() argument 2 must be str, not %s", type_name(type_of(y)));
  if (!z.is_null() && !is_str(z))
    return err_format(g_TypeError, "maketrans() argument 3 must be str, not %s", type_name(type_of(z)));
  Str* a = S(x);
  Str* b = S(y);
  if (a->length != b->length)
    return err_set_str(g_ValueError, "the first two maketrans arguments must have equal length");
  for (int64_t i = 0; i < a->length; i++) {
    Ref<> k = small_int(a->at(i)), v = small_int(b->at(i));
    if (dict_set_item(d.val(), k.val(), v.val()) < 0) return nullptr;
  }
  if (!z.is_null()) {
    Str* c = S(z);
    for (int64_t i = 0; i < c->length; i++) {
      Ref<> k = small_int(c->at(i));
      if (dict_set_item(d.val(), k.val(), none()) < 0) return nullptr;
    }
  }
  return d;
}

// --- encoding, formatting, misc ----------------------------------------------------------

Ref<> str_encode(Value self, Value* args) {
  for (int i = 0; i < 2; i++) {
    if (!args[i].is_null() && !is_str(args[i]))
      return err_format(g_TypeError, "encode() argument '%s' must be str, not %s", i == 0 ? "encoding" : "errors",
                        type_name(type_of(args[i])));
  }
  std::string_view enc = args[0].is_null() ? "utf-8" : str_view(args[0]);
  std::string_view errs = args[1].is_null() ? "strict" : str_view(args[1]);
  return codec_encode(S(self), enc, errs);
}

Ref<> str_format_method(Value self, Value* args) { return str_format_impl(S(self), args[0], args[1]); }
Ref<> str_format_map(Value self, Value* args) { return str_format_impl(S(self), Value(), args[0]); }

Ref<> str_dunder_format(Value self, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "__format__() argument must be str, not %s", type_name(type_of(args[0])));
  return format_str(self, S(args[0]));
}

Ref<> str_getnewargs(Value self, Value*) {
  Ref<> c = str_exact_copy(S(self));
  if (!c) return nullptr;
  return tuple_pack({c.val()});
}

Ref<> str_sizeof(Value self, Value*) {
  Str* s = S(self);
  int64_t n = static_cast<int64_t>(sizeof(Str)) + (s->length + 1) * s->kind;
  if (!s->ascii && s->utf8.load(std::memory_order_acquire))
    n += s->utf8_length.load(std::memory_order_relaxed) + 1;
  return small_int(n);
}

}  // namespace

// --- shared entry points -------------------------------------------------------------------

int64_t str_find_sub(Str* hay, Str* needle, int64_t start, int64_t end) {
  int64_t m = needle->length;
  if (start < 0) start = 0;
  if (end > hay->length) end = hay->length;
  if (end - start < m) return -1;
  if (m == 0) return start;
  if (needle->kind > hay->kind) return -1;
  if (hay->kind == 1) {
    const char* base = reinterpret_cast<const char*>(hay->data);
    const void* hit;
    if (m == 1) hit = std::memchr(base + start, needle->at(0), end - start);
    else if (needle->kind == 1) hit = memmem(base + start, end - start, needle->data, m);
    else return -1;
    return hit ? static_cast<const char*>(hit) - base : -1;
  }
  uint32_t first = needle->at(0);
  for (int64_t i = start; i + m <= end; i++)
    if (hay->at(i) == first && match_at(hay, i, needle)) return i;
  return -1;
}

Ref<> str_join(Str* sep, Value iterable) {
  Ref<> seq;
  // Exact lists and tuples only: a subclass may override __iter__.
  if (is_list_exact(iterable) || is_tuple_exact(iterable)) seq = Ref<>::borrow(iterable);
  else seq = sequence_list(iterable);
  if (!seq) {
    if (err_matches(g_TypeError) && !type_of(iterable)->tp_iter) {
      err_clear();
      return err_set_str(g_TypeError, "can only join an iterable");
    }
    return nullptr;
  }
  // Snapshot the items (a list may change while we work).
  Ref<> items = is_tuple(seq.val()) ? seq : sequence_tuple(seq.val());
  if (!items) return nullptr;
  int64_t n = tuple_size(items.val());
  if (n == 0) return Ref<>::borrow(str_empty());
  if (n == 1 && is_str_exact(tuple_item(items.val(), 0))) return Ref<>::borrow(tuple_item(items.val(), 0));
  int64_t total = sep->length * (n - 1);
  int kind = sep->kind;
  bool ascii = sep->ascii;
  for (int64_t i = 0; i < n; i++) {
    Value it = tuple_item(items.val(), i);
    if (!is_str(it))
      return err_format(g_TypeError, "sequence item %lld: expected str instance, %s found",
                        static_cast<long long>(i), type_name(type_of(it)));
    Str* s = S(it);
    total += s->length;
    if (s->kind > kind) kind = s->kind;
    ascii = ascii && s->ascii;
  }
  uint32_t mx = kind == 1 ? (ascii ? 127 : 255) : kind == 2 ? 0xFFFF : 0x10FFFF;
  Ref<Str> r = str_new_raw(total, mx);
  if (!r) return nullptr;
  int64_t pos = 0;
  auto put = [&](Str* s) {
    if (s->kind == kind) {
      std::memcpy(r->data + pos * kind, s->data, s->length * kind);
    } else {
      for (int64_t k = 0; k < s->length; k++) str_set_char(r.get(), pos + k, s->at(k));
    }
    pos += s->length;
  };
  for (int64_t i = 0; i < n; i++) {
    if (i && sep->length) put(sep);
    put(S(tuple_item(items.val(), i)));
  }
  // A join of narrow pieces may still end up with a wider kind than needed
  // only if all wide characters came from pieces... kinds are exact maxima, so
  // r is canonical unless every wide piece was empty; renormalise in that case.
  if (kind > 1) {
    uint32_t real = 0;
    for (int64_t i = 0; i < total; i++) real = r->at(i) > real ? r->at(i) : real;
    if ((kind == 2 && real < 256) || (kind == 4 && real < 65536)) {
      U32 tmp;
      str_append_to(r.get(), &tmp);
      return str_from_u32(tmp);
    }
  }
  return r;
}

const MethodDef kStrMethods[] = {
    {"encode($self, /, encoding='utf-8', errors='strict')", str_encode,
     "Encode the string using the codec registered for encoding."},
    {"replace($self, old, new, count=-1, /)", str_replace,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split($self, /, sep=None, maxsplit=-1)", str_split,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit($self, /, sep=None, maxsplit=-1)", str_rsplit,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join($self, iterable, /)", str_join_method, "Concatenate any number of strings."},
    {"capitalize($self, /)", str_capitalize, "Return a capitalized version of the string."},
    {"casefold($self, /)", str_casefold, "Return a version of the string suitable for caseless comparisons."},
    {"title($self, /)", str_title, "Return a version of the string where each word is titlecased."},
    {"center($self, width, fillchar=?, /)", str_center, "center($self, width, fillchar=' ', /)\n--\n\nReturn a centered string of length width."},
    {"count($self, sub, start=None, end=None, /)", str_count,
     "Return the number of non-overlapping occurrences of substring sub in string S[start:end].", kMethParseTupleMessages},
    {"expandtabs($self, /, tabsize=8)", str_expandtabs, "Return a copy where all tab characters are expanded using spaces."},
    {"find($self, sub, start=None, end=None, /)", str_find,
     "Return the lowest index in S where substring sub is found, such that sub is contained within S[start:end].", kMethParseTupleMessages},
    {"partition($self, sep, /)", str_partition, "Partition the string into three parts using the given separator."},
    {"index($self, sub, start=None, end=None, /)", str_index,
     "Return the lowest index in S where substring sub is found. Raises ValueError when the substring is not found.", kMethParseTupleMessages},
    {"ljust($self, width, fillchar=?, /)", str_ljust, "ljust($self, width, fillchar=' ', /)\n--\n\nReturn a left-justified string of length width."},
    {"lower($self, /)", str_lower, "Return a copy of the string converted to lowercase."},
    {"lstrip($self, chars=None, /)", str_lstrip, "Return a copy of the string with leading whitespace removed."},
    {"rfind($self, sub, start=None, end=None, /)", str_rfind,
     "Return the highest index in S where substring sub is found.", kMethParseTupleMessages},
    {"rindex($self, sub, start=None, end=None, /)", str_rindex,
     "Return the highest index in S where substring sub is found. Raises ValueError when not found.", kMethParseTupleMessages},
    {"rjust($self, width, fillchar=?, /)", str_rjust, "rjust($self, width, fillchar=' ', /)\n--\n\nReturn a right-justified string of length width."},
    {"rstrip($self, chars=None, /)", str_rstrip, "Return a copy of the string with trailing whitespace removed."},
    {"rpartition($self, sep, /)", str_rpartition, "Partition the string into three parts using the given separator."},
    {"splitlines($self, /, keepends=False)", str_splitlines,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip($self, chars=None, /)", str_strip,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase($self, /)", str_swapcase, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate($self, table, /)", str_translate, "Replace each character in the string using the given translation table."},
    {"upper($self, /)", str_upper, "Return a copy of the string converted to uppercase."},
    {"startswith($self, prefix, start=None, end=None, /)", str_startswith,
     "Return True if S starts with the specified prefix, False otherwise.", kMethParseTupleMessages},
    {"endswith($self, suffix, start=None, end=None, /)", str_endswith,
     "Return True if S ends with the specified suffix, False otherwise.", kMethParseTupleMessages},
    {"removeprefix($self, prefix, /)", str_removeprefix, "Return a str with the given prefix string removed if present."},
    {"removesuffix($self, suffix, /)", str_removesuffix, "Return a str with the given suffix string removed if present."},
    {"isascii($self, /)", str_isascii, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower($self, /)", str_islower, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper($self, /)", str_isupper, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle($self, /)", str_istitle, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace($self, /)", all_chars<unicode_is_space>, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal($self, /)", all_chars<unicode_is_decimal>, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit($self, /)", all_chars<unicode_is_digit>, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric($self, /)", all_chars<unicode_is_numeric>, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha($self, /)", all_chars<unicode_is_alpha>, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum($self, /)", all_chars<unicode_is_alnum>, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier($self, /)", str_isidentifier, "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable($self, /)", str_isprintable, "Return True if the string is printable, False otherwise."},
    {"zfill($self, width, /)", str_zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format($self, /, *args, **kwargs)", str_format_method,
     "Return a formatted version of S, using substitutions from args and kwargs."},
    {"format_map($self, mapping, /)", str_format_map,
     "Return a formatted version of S, using substitutions from mapping."},
    {"__format__($self, format_spec, /)", str_dunder_format, "Return a formatted version of the string as described by format_spec."},
    {"maketrans(x, y=?, z=?, /)", str_maketrans, "Return a translation table usable for str.translate().", kMethStatic},
    {"__getnewargs__($self, /)", str_getnewargs, nullptr},
    {"__sizeof__($self, /)", str_sizeof, "Return the size of the string in memory, in bytes."},
    {nullptr}};

}  // namespace ftpy
