// Frame objects, traceback objects, and CPython-format exception printing.
#include "vm/traceback.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

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
#include "vm/function.h"
#include "runtime/interp.h"

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
  free_object(o);
}
void frame_obj_traverse(Object* o, VisitFn visit, void* arg) {
  auto* f = static_cast<FrameObject*>(o);
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
Ref<> fo_get_locals(Value self) {
  auto* fo = self.as<FrameObject>();
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
Ref<> fo_get_trace(Value self) { return new_none(); }
int fo_set_trace(Value self, Value v) { return 0; }
const GetSetDef kFrameGetSets[] = {{"f_code", fo_get_code, nullptr},
                                   {"f_globals", fo_get_globals, nullptr},
                                   {"f_builtins", fo_get_builtins, nullptr},
                                   {"f_locals", fo_get_locals, nullptr},
                                   {"f_lineno", fo_get_lineno, nullptr},
                                   {"f_lasti", fo_get_lasti, nullptr},
                                   {"f_back", fo_get_back, nullptr},
                                   {"f_trace", fo_get_trace, fo_set_trace},
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
  if (refcount_estimate(fo) > 1) {
    Ref<> snap = locals_snapshot(f);
    if (snap) fo->locals = snap.release();
    else err_clear();
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

void traceback_add(Value exc, Frame* f) {
  if (!is_exception_instance(exc)) return;
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

std::string source_line(const std::string& filename, int lineno) {
  if (lineno <= 0) return "";
  std::ifstream in(filename);
  if (!in) return "";
  std::string line;
  for (int i = 1; std::getline(in, line); i++) {
    if (i == lineno) {
      size_t b = line.find_first_not_of(" \t\f");
      if (b == std::string::npos) return "";
      size_t e = line.find_last_not_of(" \t\f\r\n");
      return line.substr(b, e - b + 1);
    }
  }
  return "";
}

void format_tb(Value tb, std::string* out) {
  // CPython collapses runs of more than 3 identical entries.
  std::string last_key;
  int repeat = 0;
  auto flush_repeat = [&]() {
    if (repeat > 3) {
      int more = repeat - 3;
      *out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
    }
  };
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
    std::string src = source_line(file, e->lineno);
    if (!src.empty()) *out += "    " + src + "\n";
  }
  flush_repeat();
}

std::string exception_only(Value exc) {
  Type* t = type_of(exc);
  std::string name = type_name(t);
  Ref<> mod = getattr_opt(Value(t), Value(ids::__module__));
  err_clear();
  if (mod && is_str(mod.val())) {
    std::string m(str_view(mod.val()));
    if (m != "builtins" && m != "__main__") name = m + "." + std::string(type_name(t));
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
        if (start < 0) start = 0;
        int64_t width = 1;
        int64_t el = 0;
        bool same_line = end_ln.is_null() || is_none(end_ln) || (int_as_int64(end_ln, &el) && int_as_int64(ln, &o) && el == o);
        int_as_int64(off, &o);
        if (same_line && !end_off.is_null() && is_int(end_off) && int_as_int64(end_off, &eo) && eo > o)
          width = eo - o;
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

void format_chain(Value exc, std::string* out, std::vector<Object*>* seen) {
  seen->push_back(exc.obj());
  Value cause = exception_cause(exc);
  Value context = exception_context(exc);
  auto unseen = [&](Value v) {
    for (Object* o : *seen)
      if (o == v.obj()) return false;
    return true;
  };
  if (!cause.is_null() && unseen(cause)) {
    format_chain(cause, out, seen);
    *out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (cause.is_null() && !context.is_null() && !exception_suppress_context(exc) && unseen(context)) {
    format_chain(context, out, seen);
    *out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  Value tb = exception_traceback(exc);
  if (!tb.is_null()) {
    *out += "Traceback (most recent call last):\n";
    format_tb(tb, out);
  }
  *out += exception_only(exc);
}

}  // namespace

std::string format_exception(Value exc) {
  std::string out;
  if (!is_exception_instance(exc)) {
    return "TypeError: print_exception(): Exception expected for value, " +
           std::string(type_name(type_of(exc))) + " found\n";
  }
  std::vector<Object*> seen;
  format_chain(exc, &out, &seen);
  return out;
}

void print_exception_to_stderr(Value exc) {
  std::string s = format_exception(exc);
  flush_std_streams();
  std::fwrite(s.data(), 1, s.size(), stderr);
  std::fflush(stderr);
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
