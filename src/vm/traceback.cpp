// Frame objects, traceback objects, and CPython-format exception printing.
#include "vm/traceback.h"
#include "modules/sys_module.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <cctype>
#include <iterator>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "objects/codecs.h"
#include "objects/type_internal.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "vm/eval.h"
#include "vm/function.h"
#include "runtime/interp.h"
#include "runtime/thread_state.h"

namespace ftpy {

Type g_frame_type;
Type g_traceback_type;

namespace {

void frame_obj_dealloc(Object* o) {
  auto* f = static_cast<FrameObject*>(o);
  if (f->live) f->live->frame_obj = nullptr;
  decref(f->code);
  decref(f->globals);
  decref(f->builtins);
  decref(f->locals);
  decref(f->back);
  decref(f->trace);
  free_object(o);
}
void frame_obj_traverse(Object* o, VisitFn visit, void* arg) {
  auto* f = static_cast<FrameObject*>(o);
  visit(f->trace, arg);
  visit(f->code, arg);
  visit(f->globals, arg);
  visit(f->locals, arg);
  visit(f->back, arg);
}

// A dict of the frame's named locals (fast locals and cells with values).
Ref<> locals_snapshot(Frame* f) {
  if (!f->locals.is_null()) return Ref<>::borrow(f->locals);
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  Code* c = f->code;
  for (int32_t i = 0; i < c->nlocalsplus(); i++) {
    Value v = f->localsplus[i];
    if (v.is_null()) continue;
    if (i >= c->nlocals && is_cell(v)) {
      v = cell_get(v);
      if (v.is_null()) continue;
    }
    if (dict_set_item(d.val(), tuple_item(c->localsplusnames, i), v) < 0) return nullptr;
  }
  return d;
}

Ref<> fo_get_code(Value self) { return Ref<>::borrow(self.as<FrameObject>()->code); }
Ref<> fo_get_globals(Value self) { return Ref<>::borrow(self.as<FrameObject>()->globals); }
Ref<> fo_get_builtins(Value self) { return Ref<>::borrow(self.as<FrameObject>()->builtins); }
// A running function frame's f_locals is one dict, refreshed from the fast
// locals at each read (CPython's): what a debugger stores in it (pdb's
// __return__) stays there between reads.
Ref<> fo_get_locals(Value self) {
  auto* fo = self.as<FrameObject>();
  if (fo->live && fo->live->locals.is_null()) {
    Ref<> snap = locals_snapshot(fo->live);
    if (!snap) return nullptr;
    if (fo->locals.is_null() || !is_dict(fo->locals)) {
      Value old = fo->locals;
      fo->locals = snap.release();
      decref(old);
      return Ref<>::borrow(fo->locals);
    }
    Code* c = fo->live->code;
    for (int32_t i = 0; i < c->nlocalsplus(); i++) {
      Value name = tuple_item(c->localsplusnames, i);
      Ref<> v;
      int r = dict_get_item(snap.val(), name, &v);
      if (r < 0) return nullptr;
      if (r > 0) {
        if (dict_set_item(fo->locals, name, v.val()) < 0) return nullptr;
      } else if (dict_contains(fo->locals, name) > 0 && dict_del_item(fo->locals, name) < 0) {
        return nullptr;
      }
    }
    return Ref<>::borrow(fo->locals);
  }
  if (fo->live) return locals_snapshot(fo->live);
  return fo->locals.is_null() ? Ref<>(dict_new()) : Ref<>::borrow(fo->locals);
}
Ref<> fo_get_lineno(Value self) { return small_int(frame_object_lineno(self.as<FrameObject>())); }
Ref<> fo_get_lasti(Value self) {
  auto* fo = self.as<FrameObject>();
  return small_int(fo->live ? fo->live->lasti * 2 : fo->lasti * 2);
}
Ref<> fo_get_back(Value self) {
  auto* fo = self.as<FrameObject>();
  if (fo->live && fo->live->previous) return frame_object_for(fo->live->previous);
  return fo->back.is_null() ? new_none() : Ref<>::borrow(fo->back);
}
// f_trace and its switches (vm/trace.h).
Ref<> fo_get_trace(Value self) {
  Value t = self.as<FrameObject>()->trace;
  return t.is_null() ? new_none() : Ref<>::borrow(t);
}
int fo_set_trace(Value self, Value v) {
  auto* fo = self.as<FrameObject>();
  Value old = fo->trace;
  fo->trace = v.is_null() || is_none(v) ? Value() : Ref<>::borrow(v).release();
  decref(old);
  return 0;
}
Ref<> fo_get_trace_lines(Value self) { return new_bool(!self.as<FrameObject>()->no_trace_lines); }
int fo_set_trace_lines(Value self, Value v) {
  if (v.is_null() || !is_bool(v)) {
    err_set_str(g_TypeError, "attribute value type must be bool");
    return -1;
  }
  self.as<FrameObject>()->no_trace_lines = v == false_value();
  return 0;
}
Ref<> fo_get_trace_opcodes(Value self) { return new_bool(self.as<FrameObject>()->trace_opcodes != 0); }
int fo_set_trace_opcodes(Value self, Value v) {
  if (v.is_null() || !is_bool(v)) {
    err_set_str(g_TypeError, "attribute value type must be bool");
    return -1;
  }
  self.as<FrameObject>()->trace_opcodes = v == true_value();
  return 0;
}
// Jumps (setting f_lineno from a line trace function) are not supported:
// refused with CPython's wording outside a trace function, and with a clear
// ValueError inside one (pdb's `jump` reports it and carries on).
int fo_set_lineno(Value self, Value v) {
  auto* fo = self.as<FrameObject>();
  if (v.is_null()) {
    err_set_str(g_AttributeError, "cannot delete attribute");
    return -1;
  }
  if (!is_int(v)) {
    err_format(g_ValueError, "lineno must be an integer");
    return -1;
  }
  if (!fo->live || fo->trace.is_null() || tstate()->tracing == 0) {
    err_set_str(g_ValueError, "f_lineno can only be set by a trace function");
    return -1;
  }
  err_set_str(g_ValueError, "ftpy does not support jumping (setting f_lineno) from a trace function");
  return -1;
}
const GetSetDef kFrameGetSets[] = {{"f_code", fo_get_code, nullptr},
                                   {"f_globals", fo_get_globals, nullptr},
                                   {"f_builtins", fo_get_builtins, nullptr},
                                   {"f_locals", fo_get_locals, nullptr},
                                   {"f_lineno", fo_get_lineno, fo_set_lineno},
                                   {"f_lasti", fo_get_lasti, nullptr},
                                   {"f_back", fo_get_back, nullptr},
                                   {"f_trace", fo_get_trace, fo_set_trace},
                                   {"f_trace_lines", fo_get_trace_lines, fo_set_trace_lines},
                                   {"f_trace_opcodes", fo_get_trace_opcodes, fo_set_trace_opcodes},
                                   {nullptr}};

// frame.clear(): drop what a finished frame still holds (its locals), as
// traceback.clear_frames does to break reference cycles. A frame that is
// still running (or suspended in a generator) cannot be cleared.
Ref<> fo_clear(Value self, Value*) {
  auto* fo = self.as<FrameObject>();
  if (fo->live) return err_set_str(g_RuntimeError, "cannot clear an executing frame");
  Value old = fo->locals;
  fo->locals = Value();
  decref(old);
  return new_none();
}
const MethodDef kFrameMethods[] = {
    {"clear($self, /)", fo_clear, "Clear all references held by the frame."},
    {nullptr}};

Ref<> fo_repr(Value self) {
  auto* fo = self.as<FrameObject>();
  Code* c = fo->code.as<Code>();
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self.obj()));
  return str_from_utf8(std::string("<frame at ") + addr + ", file '" + std::string(str_view(c->filename)) +
                       "', line " + std::to_string(frame_object_lineno(fo)) + ", code " +
                       std::string(str_view(c->name)) + ">");
}

void tb_dealloc(Object* o) {
  auto* t = static_cast<Traceback*>(o);
  decref(t->next);
  decref(t->frame);
  free_object(o);
}
void tb_traverse(Object* o, VisitFn visit, void* arg) {
  auto* t = static_cast<Traceback*>(o);
  visit(t->next, arg);
  visit(t->frame, arg);
}
Ref<> tb_get_next(Value self) {
  Value n = self.as<Traceback>()->next;
  return n.is_null() ? new_none() : Ref<>::borrow(n);
}
int tb_set_next(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_TypeError, "can't delete tb_next attribute");
    return -1;
  }
  if (!is_none(v) && !is_traceback(v)) {
    err_format(g_TypeError, "expected traceback object or None, got '%s'", type_name(type_of(v)));
    return -1;
  }
  for (Value c = v; !c.is_null() && !is_none(c); c = c.as<Traceback>()->next) {
    if (c == self) {
      err_set_str(g_ValueError, "traceback loop detected");
      return -1;
    }
  }
  auto* t = self.as<Traceback>();
  Value old = t->next;
  t->next = is_none(v) ? Value() : Ref<>::borrow(v).release();
  decref(old);
  return 0;
}
Ref<> tb_get_frame(Value self) { return Ref<>::borrow(self.as<Traceback>()->frame); }
Ref<> tb_get_lineno(Value self) { return small_int(self.as<Traceback>()->lineno); }
Ref<> tb_get_lasti(Value self) { return small_int(self.as<Traceback>()->lasti * 2); }
const GetSetDef kTracebackGetSets[] = {{"tb_next", tb_get_next, tb_set_next},
                                       {"tb_frame", tb_get_frame, nullptr},
                                       {"tb_lineno", tb_get_lineno, nullptr},
                                       {"tb_lasti", tb_get_lasti, nullptr},
                                       {nullptr}};

}  // namespace

Ref<> frame_object_for(Frame* f) {
  if (f->frame_obj) return Ref<>::borrow(Value(f->frame_obj));
  auto* fo = alloc_object<FrameObject>(&g_frame_type);
  if (!fo) return nullptr;
  fo->live = f;
  fo->code = Ref<>::borrow(Value(f->code)).release();
  fo->globals = Ref<>::borrow(f->globals).release();
  fo->builtins = Ref<>::borrow(f->builtins).release();
  fo->lineno_override = -1;
  f->frame_obj = fo;  // the frame holds this reference until it finishes
  return Ref<>::borrow(Value(fo));
}

void frame_object_detach(Frame* f) {
  FrameObject* fo = f->frame_obj;
  if (!fo) return;
  fo->lasti = f->lasti;
  fo->lineno_override = code_line_for(f->code, static_cast<uint32_t>(f->lasti < 0 ? 0 : f->lasti));
  if (is_per_thread(fo) || refcount_estimate(fo) > 1) {
    Ref<> snap = locals_snapshot(f);
    if (snap) {
      Value old = fo->locals;
      fo->locals = snap.release();
      decref(old);
    } else {
      err_clear();
    }
    if (f->previous && fo->back.is_null()) {
      Ref<> back = frame_object_for(f->previous);
      if (back) fo->back = back.release();
      else err_clear();
    }
  }
  fo->live = nullptr;
  f->frame_obj = nullptr;
  decref(Value(fo));
}

int frame_object_lineno(FrameObject* fo) {
  if (fo->live) return code_line_for(fo->live->code, static_cast<uint32_t>(fo->live->lasti < 0 ? 0 : fo->live->lasti));
  return fo->lineno_override;
}

// Code objects whose frames tracebacks leave out: functions of ftpy's
// Python library that stand in for CPython's C code (warnings.warn, heapq,
// _csv, datetime, ...), whose frames CPython's tracebacks never show.
// An open-addressing set of code addresses, only ever added to (at import
// time, under g_hidden_mu) and read without a lock by every exception that
// passes a frame, from any thread: a slot goes from null to its code once,
// so a reader sees either the code or an empty slot (an insertion racing
// with a lookup may be missed, which only shows one frame more). At most
// half the slots are used, so a lookup probes one or two. The references
// taken keep each code object, and so its address, alive for good.
namespace {
constexpr size_t kHiddenSlots = 512;
constexpr int kMaxHiddenCodes = kHiddenSlots / 2;
std::mutex g_hidden_mu;
std::atomic<Object*> g_hidden_codes[kHiddenSlots];
std::atomic<int> g_hidden_count{0};

size_t hidden_slot(const Object* o) {
  uint64_t h = reinterpret_cast<uintptr_t>(o) >> 4;
  return static_cast<size_t>((h * 0x9E3779B97F4A7C15ULL) >> 55) & (kHiddenSlots - 1);
}

bool hidden_from_tracebacks(Code* c) {
  if (g_hidden_count.load(std::memory_order_relaxed) == 0) return false;
  for (size_t i = hidden_slot(c);; i = (i + 1) & (kHiddenSlots - 1)) {
    Object* o = g_hidden_codes[i].load(std::memory_order_acquire);
    if (o == static_cast<Object*>(c)) return true;
    if (!o) return false;
  }
}
}  // namespace

void traceback_hide_code(Value code) {
  std::lock_guard<std::mutex> lk(g_hidden_mu);
  int n = g_hidden_count.load(std::memory_order_relaxed);
  if (n >= kMaxHiddenCodes) return;  // a cosmetic feature: more are shown
  Object* o = code.obj();
  size_t i = hidden_slot(o);
  for (;; i = (i + 1) & (kHiddenSlots - 1)) {
    Object* cur = g_hidden_codes[i].load(std::memory_order_relaxed);
    if (cur == o) return;
    if (!cur) break;
  }
  g_hidden_codes[i].store(Ref<>::borrow(code).release().obj(), std::memory_order_release);
  g_hidden_count.store(n + 1, std::memory_order_relaxed);
}

void traceback_add(Value exc, Frame* f) {
  if (!is_exception_instance(exc)) return;
  if (hidden_from_tracebacks(f->code)) return;
  Ref<> fo = frame_object_for(f);
  if (!fo) {
    err_clear();
    return;
  }
  auto* tb = alloc_object<Traceback>(&g_traceback_type);
  if (!tb) {
    err_clear();
    return;
  }
  tb->frame = fo.release();
  tb->lasti = f->lasti;
  tb->lineno = code_line_for(f->code, static_cast<uint32_t>(f->lasti < 0 ? 0 : f->lasti));
  Value old = exception_traceback(exc);
  tb->next = Ref<>::borrow(old).release();
  Ref<> tbr = Ref<>::steal(Value(tb));
  exception_set_traceback(exc, tbr.val());
}

// --- printing --------------------------------------------------------------------

namespace {

// The encoding named by a PEP 263 coding cookie in `line`, or "".
std::string coding_cookie(std::string_view line) {
  size_t k = line.find_first_not_of(" \t\f");
  if (k == std::string_view::npos || line[k] != '#') return "";
  size_t at = line.find("coding", k);
  if (at == std::string_view::npos || at + 6 >= line.size() || (line[at + 6] != ':' && line[at + 6] != '=')) return "";
  size_t b = line.find_first_not_of(" \t", at + 7);
  if (b == std::string_view::npos) return "";
  size_t e = b;
  while (e < line.size() && (std::isalnum(static_cast<unsigned char>(line[e])) || line[e] == '-' || line[e] == '_' ||
                             line[e] == '.'))
    e++;
  return std::string(line.substr(b, e - b));
}

// Line `lineno` of `filename` in UTF-8 (without the line end), "" if
// unreadable. Lines end at \n, \r\n or a lone \r, as the tokenizer reads
// them; a UTF-8 BOM is dropped and a coding cookie on line 1 or 2 selects
// the codec, like CPython's linecache.
std::string raw_source_line(const std::string& filename, int lineno) {
  if (lineno <= 0) return "";
  std::ifstream in(filename, std::ios::binary);
  if (!in) return "";
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  bool bom = data.compare(0, 3, "\xEF\xBB\xBF") == 0;
  std::vector<std::string_view> first_lines;
  std::string_view want;
  bool found = false;
  std::string_view rest(data);
  if (bom) rest.remove_prefix(3);
  for (int i = 1; !rest.empty(); i++) {
    size_t e = rest.find_first_of("\r\n");
    std::string_view line = rest.substr(0, e);
    if (i <= 2) first_lines.push_back(line);
    if (i == lineno) {
      want = line;
      found = true;
    }
    if (e == std::string_view::npos) break;
    rest.remove_prefix(e + (rest[e] == '\r' && e + 1 < rest.size() && rest[e + 1] == '\n' ? 2 : 1));
    if (found && i >= 2) break;
  }
  if (!found) return "";
  std::string enc;
  if (!bom && !first_lines.empty()) {
    enc = coding_cookie(first_lines[0]);
    // The second line counts only after a blank or comment-only first line.
    size_t k = first_lines[0].find_first_not_of(" \t\f");
    if (enc.empty() && first_lines.size() > 1 && (k == std::string_view::npos || first_lines[0][k] == '#'))
      enc = coding_cookie(first_lines[1]);
  }
  std::string norm = codec_normalize(enc);
  if (enc.empty() || norm == "utf-8") return std::string(want);
  Ref<> text = codec_decode(reinterpret_cast<const uint8_t*>(want.data()), static_cast<int64_t>(want.size()), enc,
                            "replace");
  if (!text) {
    err_clear();
    return std::string(want);
  }
  return std::string(str_view(text.val()));
}

size_t leading_blanks(const std::string& line) {
  size_t b = line.find_first_not_of(" \t\f");
  return b == std::string::npos ? line.size() : b;
}

std::string strip_line(const std::string& line) {
  size_t b = leading_blanks(line);
  if (b == line.size()) return "";
  size_t e = line.find_last_not_of(" \t\f\r\n");
  return line.substr(b, e - b + 1);
}

// A source line as an uncaught exception's traceback shows it: without its
// indentation but, unlike the traceback module, with any trailing blanks.
std::string display_line(const std::string& line) {
  size_t b = leading_blanks(line);
  return b == line.size() ? "" : line.substr(b);
}

// --- markers under the failing expression (CPython 3.11's layout) ------------------
// A binary operation is marked '~' with '^' under its operator, a subscript
// with '^' under the brackets; anything else '^' throughout. Markers are
// left out when they would underline the whole line.

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); k++) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(n);
  }
  return out;
}

bool is_word_char(char32_t c) {
  return c >= 0x80 || c == '_' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}
bool is_space_char(char32_t c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\v'; }

bool starts_with_at(const std::u32string& s, size_t i, std::u32string_view w) {
  return s.size() >= i + w.size() && std::u32string_view(s).substr(i, w.size()) == w;
}

int binop_precedence(std::u32string_view op) {
  static const std::pair<std::u32string_view, int> kOps[] = {
      {U"**", 8}, {U"//", 6}, {U"<<", 4}, {U">>", 4}, {U"+", 5}, {U"-", 5}, {U"*", 6},
      {U"@", 6},  {U"/", 6},  {U"%", 6},  {U"&", 3},  {U"|", 1}, {U"^", 2}};
  for (auto& [o, p] : kOps)
    if (o == op) return p;
  return 0;
}

bool blank(const std::u32string& s, size_t from, size_t to) {
  for (size_t i = from; i < to && i < s.size(); i++)
    if (!is_space_char(s[i])) return false;
  return true;
}

// The [left, right) character range to mark '^' inside `seg`, if it is a
// binary operation or a subscript (a scan standing in for a re-parse).
bool caret_anchors(const std::u32string& seg, size_t* left, size_t* right) {
  static const std::u32string_view kBinops[] = {U"**", U"//", U"<<", U">>", U"+", U"-", U"*",
                                                U"@",  U"/",  U"%",  U"&",  U"|", U"^"};
  // Keywords that cannot stand inside a plain binary operation or subscript
  // expression statement: CPython's re-parse finds no anchors when one is
  // at the top level (`raise E from errs[-1]` draws no carets).
  static const std::u32string_view kStop[] = {
      U"and",  U"or",     U"not",  U"if",     U"else",   U"lambda",   U"in",      U"is",
      U"for",  U"await",  U"yield", U"raise", U"return", U"from",     U"del",     U"assert",
      U"as",   U"import", U"global", U"nonlocal", U"while", U"with",  U"async",   U"elif",
      U"except", U"finally", U"try", U"def",  U"class",  U"pass",     U"break",   U"continue"};
  size_t n = seg.size(), i = 0;
  int depth = 0;
  std::vector<std::pair<size_t, std::u32string_view>> ops;
  bool prev_operand = false;
  size_t last_open = SIZE_MAX, closed_at = SIZE_MAX;
  while (i < n) {
    char32_t c = seg[i];
    if (c == '\'' || c == '"') {
      std::u32string q(starts_with_at(seg, i, std::u32string(3, c)) ? 3 : 1, c);
      size_t j = i + q.size();
      while (j < n && !starts_with_at(seg, j, q)) j += seg[j] == '\\' ? 2 : 1;
      if (j >= n) return false;
      i = j + q.size();
      prev_operand = true;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      if (depth == 0 && c == '[') last_open = i;
      depth++;
      i++;
      prev_operand = false;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      if (--depth < 0) return false;
      i++;
      if (depth == 0) closed_at = i;
      prev_operand = true;
      continue;
    }
    if (depth) {
      i++;
      continue;
    }
    if (c == '#') return false;
    if (is_space_char(c)) {
      i++;
      continue;
    }
    if (is_word_char(c)) {
      size_t j = i;
      while (j < n && is_word_char(seg[j])) j++;
      std::u32string_view w = std::u32string_view(seg).substr(i, j - i);
      for (auto s : kStop)
        if (w == s) return false;
      i = j;
      prev_operand = true;
      continue;
    }
    std::u32string_view op;
    for (auto o : kBinops)
      if (starts_with_at(seg, i, o)) {
        op = o;
        break;
      }
    if (op.empty()) return false;  // comparison, walrus, comma...: not a binary operation
    if (i + op.size() < n && seg[i + op.size()] == '=') return false;  // augmented assignment, <=, >=
    if (prev_operand) ops.emplace_back(i, op);
    i += op.size();
    prev_operand = false;
  }
  if (depth) return false;
  size_t end = n;
  while (end > 0 && is_space_char(seg[end - 1])) end--;
  if (!ops.empty()) {
    int low = 99;
    for (auto& e : ops) low = std::min(low, binop_precedence(e.second));
    std::pair<size_t, std::u32string_view> pick{};
    bool first = true;
    for (auto& e : ops) {
      if (binop_precedence(e.second) != low) continue;
      if (low == 8 && !first) continue;  // ** groups right to left: the leftmost one splits
      pick = e;
      first = false;
    }
    size_t pos = pick.first, op_end = pos + pick.second.size();
    if (blank(seg, 0, pos) || blank(seg, op_end, n)) return false;
    *left = pos;
    *right = op_end;
    return true;
  }
  if (last_open != SIZE_MAX && end > 0 && seg[end - 1] == ']' && closed_at == end && !blank(seg, 0, last_open)) {
    *left = last_open;
    *right = end;
    return true;
  }
  return false;
}

size_t chars_in_prefix(const std::string& line, int32_t bytes) {
  if (bytes <= 0) return 0;
  size_t b = std::min(line.size(), static_cast<size_t>(bytes));
  return decode_utf8(std::string_view(line).substr(0, b)).size();
}

// The marker line (with "\n") for a traceback entry at instruction `lasti`
// showing source line `raw`, or "".
std::string caret_line(Code* c, int32_t lasti, int lineno, const std::string& raw) {
  if (lasti < 0 || static_cast<uint32_t>(lasti) >= c->ncode || raw.empty()) return "";
  const Position& p = (*c->positions)[static_cast<size_t>(lasti)];
  if (p.line != lineno || p.col < 0 || p.end_col < 0) return "";
  // The shown line keeps trailing blanks (CPython's C printer strips only the
  // indentation), so markers over all but those blanks are still printed; a
  // span over several lines ends at the last non-blank of the first.
  std::string shown = display_line(raw);
  size_t lead = chars_in_prefix(raw, static_cast<int32_t>(leading_blanks(raw)));
  size_t shown_len = decode_utf8(shown).size();
  size_t stripped_len = decode_utf8(strip_line(raw)).size();
  size_t start = chars_in_prefix(raw, p.col), end = chars_in_prefix(raw, p.end_col);
  bool have_anchors = false;
  size_t left = 0, right = 0;
  if (p.end_line == p.line) {
    std::u32string line32 = decode_utf8(raw);
    if (start <= end && end <= line32.size())
      have_anchors = caret_anchors(line32.substr(start, end - start), &left, &right);
  } else {
    end = lead + stripped_len;
  }
  if (end < start) return "";
  if (!(end - start < shown_len || (have_anchors && right > left))) return "";
  std::string out = "    " + std::string(start >= lead ? start - lead : 0, ' ');
  if (have_anchors) {
    out += std::string(left, '~') + std::string(right - left, '^') + std::string(end - start - right, '~');
  } else {
    out += std::string(std::max<size_t>(1, end - start), '^');
  }
  return out + "\n";
}

// sys.tracebacklimit as the interpreter's printer reads it: an int limits a
// printed traceback to its last N entries, and one <= 0 prints none (not
// even the header); anything else, or no such attribute, means no limit.
int64_t traceback_limit() {
  constexpr int64_t kNoLimit = INT64_MAX;
  if (g_interp.sys_dict.is_null()) return kNoLimit;
  Ref<> v;
  int r = dict_get_item_str(g_interp.sys_dict, str_intern("tracebacklimit"), &v);
  if (r < 0) err_clear();
  if (r <= 0 || !is_int(v.val())) return kNoLimit;
  int64_t n;
  if (!int_as_int64(v.val(), &n)) return int_sign(v.val()) > 0 ? kNoLimit : 0;
  return n <= 0 ? 0 : n;
}

void format_tb(Value tb, std::string* out, int64_t limit = INT64_MAX) {
  // CPython collapses runs of more than 3 identical entries.
  std::string last_key;
  int repeat = 0;
  auto flush_repeat = [&]() {
    if (repeat > 3) {
      int more = repeat - 3;
      *out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
    }
  };
  // A limit keeps the most recent entries.
  int64_t depth = 0;
  for (Value t = tb; !t.is_null(); t = t.as<Traceback>()->next) depth++;
  for (; depth > limit; depth--) tb = tb.as<Traceback>()->next;
  for (Value t = tb; !t.is_null(); t = t.as<Traceback>()->next) {
    auto* e = t.as<Traceback>();
    auto* fo = e->frame.as<FrameObject>();
    Code* c = fo->code.as<Code>();
    std::string file(str_view(c->filename));
    std::string name(str_view(c->name));
    std::string key = file + ":" + std::to_string(e->lineno) + ":" + name;
    if (key == last_key) {
      repeat++;
      if (repeat > 3) continue;
    } else {
      flush_repeat();
      last_key = key;
      repeat = 1;
    }
    *out += "  File \"" + file + "\", line " + std::to_string(e->lineno) + ", in " + name + "\n";
    std::string raw = raw_source_line(file, e->lineno);
    std::string src = display_line(raw);
    if (!src.empty()) {
      *out += "    " + src + "\n";
      *out += caret_line(c, e->lasti, e->lineno, raw);
    }
  }
  flush_repeat();
}

// --- "Did you mean" suggestions -----------------------------------------------------
// As CPython 3.11 prints them for NameError and AttributeError: the
// candidate nearest to the missing name by an edit distance over UTF-8 bytes
// where changing only a letter's case costs 1 and any other edit 2, accepted
// if within (len(name) + len(candidate) + 3) * 2 / 6; the first of equally
// near candidates wins.

constexpr size_t kMoveCost = 2, kCaseCost = 1, kMaxSuggestionName = 40, kMaxCandidates = 750;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

size_t edit_distance(std::string_view a, std::string_view b, size_t max_cost) {
  if (a == b) return 0;
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxSuggestionName || b.size() > kMaxSuggestionName) return max_cost + 1;
  if (a.size() > b.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  // One row of the table over `a`; row[i] = distance(a[:i+1], b[:j+1]).
  std::vector<size_t> row(a.size());
  for (size_t i = 0; i < a.size(); i++) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t j = 0; j < b.size(); j++) {
    size_t diag = j * kMoveCost;  // distance(a[:0], b[:j])
    result = (j + 1) * kMoveCost;  // distance(a[:0], b[:j+1])
    size_t row_min = SIZE_MAX;
    for (size_t i = 0; i < a.size(); i++) {
      size_t sub = a[i] == b[j] ? 0 : ascii_lower(a[i]) == ascii_lower(b[j]) ? kCaseCost : kMoveCost;
      size_t best = std::min({diag + sub, result + kMoveCost, row[i] + kMoveCost});
      diag = row[i];
      row[i] = best;
      result = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > max_cost) return max_cost + 1;
  }
  return result;
}

// The best of `names` (str items of a list) for `wrong`, or an empty string.
std::string best_suggestion(const std::vector<std::string>& names, std::string_view wrong) {
  if (names.size() > kMaxCandidates) return "";
  std::string best;
  size_t best_dist = SIZE_MAX;
  bool found = false;
  for (const std::string& n : names) {
    if (n == wrong) continue;
    size_t max_dist = (wrong.size() + n.size() + 3) * kMoveCost / 6;
    if (found) max_dist = std::min(max_dist, best_dist - 1);
    size_t d = edit_distance(wrong, n, max_dist);
    if (d > max_dist) continue;
    if (!found || d < best_dist) {
      best = n;
      best_dist = d;
      found = true;
    }
  }
  return best;
}

// Append the str items of an iterable of names (dict keys or a list).
void collect_names(Value iterable, std::vector<std::string>* out, bool hide_underscored) {
  if (iterable.is_null()) return;
  Ref<> seq = sequence_tuple(iterable);
  if (!seq) {
    err_clear();
    return;
  }
  for (int64_t i = 0; i < tuple_size(seq.val()); i++) {
    Value n = tuple_item(seq.val(), i);
    if (!is_str(n)) continue;
    std::string_view v = str_view(n);
    if (hide_underscored && !v.empty() && v[0] == '_') continue;
    out->emplace_back(v);
  }
}

void collect_dir(Value obj, std::vector<std::string>* out, bool hide_underscored) {
  Ref<> dir_fn = getitem(current_builtins_dict(), Value(str_intern("dir")));
  Ref<> d = dir_fn ? call1(dir_fn.val(), obj) : nullptr;
  if (!d) {
    err_clear();
    return;
  }
  collect_names(d.val(), out, hide_underscored);
}

// The suggestion for a NameError/AttributeError (3.11: none for ImportError), or "".
std::string suggestion_for(Value exc) {
  Type* t = type_of(exc);
  std::vector<std::string> names;
  std::string wrong;
  if (is_subtype(t, g_NameError) || is_subtype(t, g_AttributeError)) {
    Value name = exception_extra(exc, kAttrName);
    if (name.is_null() || !is_str(name)) return "";
    wrong = std::string(str_view(name));
    bool hide = wrong.empty() || wrong[0] != '_';
    if (is_subtype(t, g_AttributeError)) {
      Value obj = exception_extra(exc, kAttrObj);
      if (obj.is_null()) return "";
      collect_dir(obj, &names, hide);
    } else {
      // The innermost frame of the traceback: its locals, globals, builtins.
      Value tb = exception_traceback(exc);
      if (tb.is_null()) return "";
      while (!tb.as<Traceback>()->next.is_null()) tb = tb.as<Traceback>()->next;
      auto* fo = tb.as<Traceback>()->frame.as<FrameObject>();
      Ref<> locals = fo->live ? locals_snapshot(fo->live) : Ref<>::borrow(fo->locals);
      if (!locals) err_clear();
      collect_names(locals.val(), &names, false);
      collect_names(fo->globals, &names, false);
      collect_names(fo->builtins, &names, false);
    }
  } else {
    return "";
  }
  return best_suggestion(names, wrong);
}

std::string exception_only(Value exc) {
  Type* t = type_of(exc);
  std::string name = type_qualname_utf8(t);  // "f.<locals>.Inner: z", as CPython
  Ref<> mod = getattr_opt(Value(t), Value(ids::__module__));
  err_clear();
  if (mod && is_str(mod.val())) {
    std::string m(str_view(mod.val()));
    if (m != "builtins" && m != "__main__") name = m + "." + name;
  }
  std::string out;
  if (is_subtype(t, g_SyntaxError)) {
    Value fn = exception_extra(exc, kSyntaxFilename), ln = exception_extra(exc, kSyntaxLineno);
    Value text = exception_extra(exc, kSyntaxText), off = exception_extra(exc, kSyntaxOffset);
    Value end_off = exception_extra(exc, kSyntaxEndOffset), end_ln = exception_extra(exc, kSyntaxEndLineno);
    if (!fn.is_null() && !is_none(fn) && !ln.is_null() && !is_none(ln))
      out += "  File \"" + str_utf8(fn) + "\", line " + str_utf8(ln) + "\n";
    if (!text.is_null() && is_str(text)) {
      std::string line(str_view(text));
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
      size_t lead = line.find_first_not_of(" \t\f");
      if (lead == std::string::npos) lead = line.size();
      std::string stripped = line.substr(lead);
      out += "    " + stripped + "\n";
      int64_t o = 0, eo = 0;
      if (!off.is_null() && is_int(off) && int_as_int64(off, &o) && o > 0) {
        // Offsets count characters from 1; convert the stripped prefix.
        Ref<Str> ls = str_from_utf8(line);
        int64_t lead_chars = 0;
        if (ls) {
          Str* s = ls.get();
          while (lead_chars < s->length && (s->at(lead_chars) == ' ' || s->at(lead_chars) == '\t' || s->at(lead_chars) == '\f'))
            lead_chars++;
        }
        int64_t start = o - 1 - lead_chars;
        int64_t width = 1;
        int64_t el = 0;
        bool same_line = end_ln.is_null() || is_none(end_ln) || (int_as_int64(end_ln, &el) && int_as_int64(ln, &o) && el == o);
        int_as_int64(off, &o);
        if (same_line && !end_off.is_null() && is_int(end_off) && int_as_int64(end_off, &eo) && eo > o)
          width = eo - o;
        // As CPython: no caret when it would point into the stripped
        // indentation ("unexpected indent" reports the line's first column).
        if (start >= 0)
          out += "    " + std::string(static_cast<size_t>(start), ' ') + std::string(static_cast<size_t>(width), '^') + "\n";
      }
    }
    Value msg = exception_extra(exc, kSyntaxMsg);
    out += name + ": " + (msg.is_null() ? std::string("") : str_utf8(msg)) + "\n";
    return out;
  }
  Ref<> s = str(exc);
  std::string text = s ? std::string(str_view(s.val())) : "<exception str() failed>";
  if (!s) err_clear();
  std::string hint = suggestion_for(exc);
  if (!hint.empty()) text += ". Did you mean: '" + hint + "'?";
  if (text.empty()) out += name + "\n";
  else out += name + ": " + text + "\n";
  // __notes__
  Ref<> notes = getattr_opt(exc, Value(ids::__notes__));
  err_clear();
  if (notes && (is_list(notes.val()) || is_tuple(notes.val()))) {
    Ref<> seq = sequence_tuple(notes.val());
    if (seq) {
      for (int64_t i = 0; i < tuple_size(seq.val()); i++) {
        Value n = tuple_item(seq.val(), i);
        out += (is_str(n) ? std::string(str_view(n)) : repr_utf8(n)) + "\n";
      }
    }
  } else if (notes) {
    out += repr_utf8(notes.val()) + "\n";
  }
  return out;
}

// CPython's layout of an exception, its chain and (nested) exception groups:
// inside a group every line carries a margin ("| ", or "+ " on a top-level
// group's header) indented two columns per nesting level.
struct PrintContext {
  std::string* out;
  std::vector<Object*> seen;
  int group_depth = 0;
  bool need_close = false;  // shared across nesting, as in CPython: one closing rule per run of last items

  std::string indent() const { return std::string(static_cast<size_t>(2 * group_depth), ' '); }
  void emit(const std::string& text, char margin = '|') {
    std::string prefix = indent();
    if (group_depth) {
      prefix += margin;
      prefix += ' ';
    }
    size_t i = 0;
    while (i < text.size()) {
      size_t nl = text.find('\n', i);
      size_t e = nl == std::string::npos ? text.size() : nl + 1;
      *out += prefix;
      out->append(text, i, e - i);
      i = e;
    }
  }
  bool unseen(Value v) const {
    for (Object* o : seen)
      if (o == v.obj()) return false;
    return true;
  }
};

constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

void format_one(Value exc, PrintContext* ctx) {
  ctx->seen.push_back(exc.obj());
  Value cause = exception_cause(exc);
  Value context = exception_context(exc);
  if (!cause.is_null() && is_exception_instance(cause) && ctx->unseen(cause)) {
    format_one(cause, ctx);
    ctx->emit("\nThe above exception was the direct cause of the following exception:\n\n");
  } else if (cause.is_null() && !context.is_null() && is_exception_instance(context) &&
             !exception_suppress_context(exc) && ctx->unseen(context)) {
    format_one(context, ctx);
    ctx->emit("\nDuring handling of the above exception, another exception occurred:\n\n");
  }
  Value tb = exception_traceback(exc);
  int64_t limit = traceback_limit();
  if (limit == 0) tb = Value();
  std::string stack;
  if (!tb.is_null()) format_tb(tb, &stack, limit);
  Value group = is_subtype(type_of(exc), g_BaseExceptionGroup) ? exception_extra(exc, kGroupExceptions) : Value();
  if (group.is_null() || !is_tuple(group)) {
    if (!tb.is_null()) {
      ctx->emit("Traceback (most recent call last):\n");
      ctx->emit(stack);
    }
    ctx->emit(exception_only(exc));
    return;
  }
  if (ctx->group_depth > kMaxGroupDepth) {
    ctx->emit("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
    return;
  }
  bool toplevel = ctx->group_depth == 0;
  if (toplevel) ctx->group_depth++;
  if (!tb.is_null()) {
    ctx->emit("Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
    ctx->emit(stack);
  }
  ctx->emit(exception_only(exc));
  int64_t count = tuple_size(group);
  int64_t shown = count <= kMaxGroupWidth ? count : kMaxGroupWidth + 1;
  ctx->need_close = false;
  for (int64_t i = 0; i < shown; i++) {
    bool last = i == shown - 1;
    if (last) ctx->need_close = true;
    bool truncated = i >= kMaxGroupWidth;
    std::string title = truncated ? "..." : std::to_string(i + 1);
    *ctx->out += ctx->indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
    ctx->group_depth++;
    if (!truncated) {
      Value sub = tuple_item(group, i);
      if (is_exception_instance(sub)) format_one(sub, ctx);
    } else {
      int64_t rest = count - kMaxGroupWidth;
      ctx->emit("and " + std::to_string(rest) + " more exception" + (rest > 1 ? "s" : "") + "\n");
    }
    if (last && ctx->need_close) {
      *ctx->out += ctx->indent() + "+------------------------------------\n";
      ctx->need_close = false;
    }
    ctx->group_depth--;
  }
  if (toplevel) ctx->group_depth = 0;
}

}  // namespace

std::string format_exception(Value exc) {
  std::string out;
  if (!is_exception_instance(exc)) {
    return "TypeError: print_exception(): Exception expected for value, " +
           std::string(type_name(type_of(exc))) + " found\n";
  }
  PrintContext ctx{&out};
  format_one(exc, &ctx);
  return out;
}

std::string format_unraisable(Value exc) {
  // CPython's default unraisablehook: the exception's own traceback and
  // "Type: str" only, with no chain, notes, suggestions or group tree, and
  // the ": " even when str() is empty.
  std::string out;
  Value tb = exception_traceback(exc);
  int64_t limit = traceback_limit();
  if (!tb.is_null() && limit > 0) {
    out += "Traceback (most recent call last):\n";
    format_tb(tb, &out, limit);
  }
  Type* t = type_of(exc);
  std::string name = type_qualname_utf8(t);
  Ref<> mod = getattr_opt(Value(t), Value(ids::__module__));
  err_clear();
  if (!mod || !is_str(mod.val())) {
    name = "<unknown>" + name;
  } else {
    std::string m(str_view(mod.val()));
    if (m != "builtins" && m != "__main__") name = m + "." + name;
  }
  Ref<> text = str(exc);
  if (!text) err_clear();
  return out + name + ": " + (text ? std::string(str_view(text.val())) : "<exception str() failed>") + "\n";
}

// As CPython's default excepthook: the text goes to sys.stderr, whatever it
// is now (a program may have replaced it; the standard one escapes lone
// surrogates with its backslashreplace handler); nothing when it is None.
// Without a usable sys.stderr, C stderr.
void print_exception_to_stderr(Value exc) {
  Ref<> pending = err_fetch();  // writing runs Python code
  std::string s = format_exception(exc);
  flush_std_streams();
  Ref<> f = g_interp.sys_dict.is_null() ? Ref<>() : sys_get_attr("stderr");
  bool written = f && is_none(f.val());  // sys.stderr = None: print nothing, as CPython
  if (f && !written) {
    Ref<Str> text = str_from_utf8(s);
    Value arg = text ? text.val() : Value();
    if (text && call_method(f.val(), "write", &arg, 1)) {
      written = true;
      if (!call_method(f.val(), "flush", nullptr, 0)) err_clear();
    }
  }
  err_clear();
  if (!written) {
    std::fwrite(s.data(), 1, s.size(), stderr);
    std::fflush(stderr);
  }
  if (pending) err_restore(std::move(pending));
}

void traceback_types_init() {
  Type* t = &g_frame_type;
  t->name = "frame";
  t->basic_size = sizeof(FrameObject);
  t->flags = kTypeHasGc;
  t->tp_dealloc = frame_obj_dealloc;
  t->tp_traverse = frame_obj_traverse;
  t->tp_repr = fo_repr;
  t->getsets = kFrameGetSets;
  t->methods = kFrameMethods;
  type_ready(t);
  t = &g_traceback_type;
  t->name = "traceback";
  t->basic_size = sizeof(Traceback);
  t->flags = kTypeHasGc;
  t->tp_dealloc = tb_dealloc;
  t->tp_traverse = tb_traverse;
  t->getsets = kTracebackGetSets;
  type_ready(t);
}

}  // namespace ftpy
