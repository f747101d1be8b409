// The built-in exception classes (one table: FTPY_EXCEPTIONS in errors.h) and
// the behaviour of their instances.
#include "objects/exceptions.h"

#include <cstddef>
#include <cstring>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/heap.h"
#include "vm/traceback.h"

namespace ftpy {

#define FTPY_DEFINE_EXC(name, base) Type* g_##name;
FTPY_EXCEPTIONS(FTPY_DEFINE_EXC)
#undef FTPY_DEFINE_EXC

namespace {

using Exc = BaseExceptionObject;
inline Exc* ex(Value v) { return v.as<Exc>(); }

void set_field(Value& field, Value v) {
  Value old = field;
  incref(v);
  field = v;
  decref(old);
}

void exc_dealloc(Object* o) {
  Exc* e = static_cast<Exc*>(o);
  decref(e->dict);
  decref(e->args);
  decref(e->notes);
  decref(e->traceback);
  decref(e->context);
  decref(e->cause);
  for (Value& v : e->extra) decref(v);
  free_object(o);
}

void exc_traverse(Object* o, VisitFn visit, void* arg) {
  Exc* e = static_cast<Exc*>(o);
  visit(e->dict, arg);
  visit(e->args, arg);
  visit(e->traceback, arg);
  visit(e->context, arg);
  visit(e->cause, arg);
  visit(e->notes, arg);
  for (Value v : e->extra) visit(v, arg);
}

// Cycle collector: the common exception cycle runs through the traceback
// (exception -> traceback -> frame -> the variable holding the exception).
// args stay, so a garbage exception can still be printed.
void exc_clear(Object* o) {
  Exc* e = static_cast<Exc*>(o);
  for (Value* v : {&e->dict, &e->notes, &e->traceback, &e->context, &e->cause}) {
    Value old = *v;
    *v = Value();
    decref(old);
  }
}

// Per-family initialisation from args (called by __new__ and __init__).
int exc_fill_fields(Value self, const Value* args, size_t nargs) {
  Type* t = type_of(self);
  Exc* e = ex(self);
  if (is_subtype(t, g_StopIteration) || is_subtype(t, g_StopAsyncIteration)) {
    set_field(e->extra[kStopValue], nargs ? args[0] : none());
  } else if (is_subtype(t, g_SystemExit)) {
    if (nargs == 0) set_field(e->extra[kSystemExitCode], none());
    else if (nargs == 1) set_field(e->extra[kSystemExitCode], args[0]);
    else set_field(e->extra[kSystemExitCode], e->args);
  } else if (is_subtype(t, g_OSError)) {
    if (nargs >= 2 && nargs <= 5) {
      set_field(e->extra[kOsErrno], args[0]);
      set_field(e->extra[kOsStrerror], args[1]);
      if (nargs >= 3) set_field(e->extra[kOsFilename], args[2]);
      if (nargs >= 5) set_field(e->extra[kOsFilename2], args[4]);
      // With a filename, args keeps only (errno, strerror), as in CPython
      // (str() and __reduce__ add the filenames back from the fields).
      if (nargs >= 3 && !is_none(args[2])) {
        Ref<Tuple> two = tuple_pack({args[0], args[1]});
        if (!two) return -1;
        set_field(e->args, two.val());
      }
    }
  } else if (is_subtype(t, g_UnicodeEncodeError) || is_subtype(t, g_UnicodeDecodeError) ||
             is_subtype(t, g_UnicodeTranslateError)) {
    // UnicodeEncodeError(encoding, object, start, end, reason) and friends
    // made in Python (an error handler's test, a codec written in Python)
    // get the same fields as the ones the codecs raise. Other argument
    // shapes are left alone: a subclass may take its own arguments.
    bool translate = is_subtype(t, g_UnicodeTranslateError);
    size_t want = translate ? 4 : 5;
    if (nargs == want) {
      // at(1..4): object, start, end, reason (translate errors have no encoding first)
      auto at = [&](size_t k) { return args[translate ? k - 1 : k]; };
      bool decode = is_subtype(t, g_UnicodeDecodeError);
      bool ok = (translate || is_str(args[0])) && (decode ? is_bytes_like(at(1)) : is_str(at(1))) &&
                is_int(at(2)) && is_int(at(3)) && is_str(at(4));
      if (ok) {
        Ref<> obj = Ref<>::borrow(at(1));
        if (decode && !is_bytes(at(1))) {
          std::string copy;
          if (!buffer_copy_or_error(at(1), &copy)) return -1;
          obj = bytes_from(copy.data(), copy.size());
          if (!obj) return -1;
        }
        if (!translate) set_field(e->extra[kUnicodeEncoding], args[0]);
        set_field(e->extra[kUnicodeObject], obj.val());
        set_field(e->extra[kUnicodeStart], at(2));
        set_field(e->extra[kUnicodeEnd], at(3));
        set_field(e->extra[kUnicodeReason], at(4));
      }
    }
  } else if (is_subtype(t, g_SyntaxError)) {
    if (nargs >= 1) set_field(e->extra[kSyntaxMsg], args[0]);
    if (nargs == 2) {
      Ref<> info = sequence_tuple(args[1]);
      if (!info) return -1;
      int64_t n = tuple_size(info.val());
      if (n < 4 || n > 6) {
        err_set_str(g_IndexError, "tuple index out of range");
        return -1;
      }
      static const int slots[] = {kSyntaxFilename, kSyntaxLineno, kSyntaxOffset, kSyntaxText,
                                  kSyntaxEndLineno, kSyntaxEndOffset};
      for (int64_t i = 0; i < n; i++) set_field(e->extra[slots[i]], tuple_item(info.val(), i));
    }
  }
  return 0;
}

Ref<> exc_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (t == g_OSError && nargs >= 2 && is_int(args[0])) {
    int64_t n;
    if (int_as_int64(args[0], &n) && n >= 0 && n <= INT32_MAX) t = oserror_type_for_errno(static_cast<int>(n));
  }
  Exc* e = alloc_object<Exc>(t, t->basic_size);
  if (!e) return nullptr;
  Ref<> self = Ref<>::steal(Value(e));
  Ref<Tuple> a = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (!a) return nullptr;
  e->args = a.release();
  if (exc_fill_fields(self.val(), args, nargs) < 0) return nullptr;
  return self;
}

int exc_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Type* t = type_of(self);
  if (!kwnames.is_null() && tuple_size(kwnames) > 0 && !is_subtype(t, g_ImportError)) {
    // Only subclasses that override __init__ accept keywords (CPython's rule).
    if (t->tp_init == exc_init) {
      err_format(g_TypeError, "%s() takes no keyword arguments", type_name(t));
      return -1;
    }
  }
  Ref<Tuple> a = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (!a) return -1;
  set_field(ex(self)->args, a.val());
  if (is_subtype(t, g_ImportError) && !kwnames.is_null()) {
    for (int64_t i = 0; i < tuple_size(kwnames); i++) {
      std::string_view k = str_view(tuple_item(kwnames, i));
      Value v = args[nargs + i];
      if (k == "name") set_field(ex(self)->extra[kImportName], v);
      else if (k == "path") set_field(ex(self)->extra[kImportPath], v);
      else {
        err_format(g_TypeError, "'%s' is an invalid keyword argument for %s()",
                   std::string(k).c_str(), type_name(t));
        return -1;
      }
    }
  }
  if (is_subtype(t, g_ImportError) && nargs == 1) set_field(ex(self)->extra[kImportMsg], args[0]);
  return exc_fill_fields(self, args, nargs);
}

Ref<> exc_str(Value self) {
  Type* t = type_of(self);
  Exc* e = ex(self);
  Tuple* a = e->args.as<Tuple>();
  if (is_subtype(t, g_KeyError) && a->size == 1) return repr(a->items[0]);
  if (is_subtype(t, g_OSError)) {
    Value en = e->extra[kOsErrno], se = e->extra[kOsStrerror], fn = e->extra[kOsFilename];
    if (!fn.is_null() && !is_none(fn)) {
      Value fn2 = e->extra[kOsFilename2];
      std::string s = "[Errno " + str_utf8(en) + "] " + str_utf8(se) + ": " + repr_utf8(fn);
      if (!fn2.is_null() && !is_none(fn2)) s += " -> " + repr_utf8(fn2);
      return str_from_utf8(s);
    }
    if (!en.is_null() && !se.is_null()) return str_from_utf8("[Errno " + str_utf8(en) + "] " + str_utf8(se));
  }
  if (is_subtype(t, g_SyntaxError)) {
    Value msg = e->extra[kSyntaxMsg];
    Value fn = e->extra[kSyntaxFilename], ln = e->extra[kSyntaxLineno];
    std::string m = msg.is_null() ? (a->size ? str_utf8(a->items[0]) : "") : str_utf8(msg);
    bool have_fn = !fn.is_null() && is_str(fn);
    bool have_ln = !ln.is_null() && is_int(ln);
    if (have_fn || have_ln) {
      std::string f;
      if (have_fn) {
        std::string_view full = str_view(fn);
        size_t slash = full.rfind('/');
        f = std::string(slash == std::string_view::npos ? full : full.substr(slash + 1));
      }
      if (have_fn && have_ln) return str_from_utf8(m + " (" + f + ", line " + str_utf8(ln) + ")");
      if (have_fn) return str_from_utf8(m + " (" + f + ")");
      return str_from_utf8(m + " (line " + str_utf8(ln) + ")");
    }
    return str_from_utf8(m);
  }
  if (is_subtype(t, g_BaseExceptionGroup)) {
    Value msg = e->extra[kGroupMessage], excs = e->extra[kGroupExceptions];
    int64_t n = excs.is_null() ? 0 : tuple_size(excs);
    return str_from_utf8(str_utf8(msg) + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")");
  }
  if (a->size == 0) return Ref<>::steal(str_empty());
  if (a->size == 1) return str(a->items[0]);
  return str(e->args);
}

Ref<> exc_repr(Value self) {
  Type* t = type_of(self);
  Exc* e = ex(self);
  std::string name = type_name(t);  // __name__, not __qualname__, as CPython
  if (is_subtype(t, g_BaseExceptionGroup)) {
    Ref<> lst = exception_group_exceptions_list(self);
    if (!lst) return nullptr;
    return str_from_utf8(name + "(" + repr_utf8(e->extra[kGroupMessage]) + ", " + repr_utf8(lst.val()) + ")");
  }
  Tuple* a = e->args.as<Tuple>();
  if (a->size == 1) {
    Ref<> r = repr(a->items[0]);
    if (!r) return nullptr;
    return str_from_utf8(name + "(" + std::string(str_view(r.val())) + ")");
  }
  Ref<> r = repr(e->args);
  if (!r) return nullptr;
  return str_from_utf8(name + std::string(str_view(r.val())));
}

Ref<> exc_get_args(Value self) { return Ref<>::borrow(ex(self)->args); }
int exc_set_args(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_TypeError, "args may not be deleted");
    return -1;
  }
  Ref<> t = sequence_tuple(v);
  if (!t) return -1;
  set_field(ex(self)->args, t.val());
  return 0;
}
Ref<> exc_get_tb(Value self) {
  Value tb = ex(self)->traceback;
  return tb.is_null() ? new_none() : Ref<>::borrow(tb);
}
int exc_set_tb(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  if (!is_none(v) && !is_traceback(v)) {
    err_set_str(g_TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  set_field(ex(self)->traceback, is_none(v) ? Value() : v);
  return 0;
}
Ref<> exc_get_context(Value self) {
  Value c = ex(self)->context;
  return c.is_null() ? new_none() : Ref<>::borrow(c);
}
int exc_set_context(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_TypeError, "__context__ may not be deleted");
    return -1;
  }
  if (!is_none(v) && !is_exception_instance(v)) {
    err_set_str(g_TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  set_field(ex(self)->context, is_none(v) ? Value() : v);
  return 0;
}
Ref<> exc_get_cause(Value self) {
  Value c = ex(self)->cause;
  return c.is_null() ? new_none() : Ref<>::borrow(c);
}
int exc_set_cause(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_TypeError, "__cause__ may not be deleted");
    return -1;
  }
  if (!is_none(v) && !is_exception_instance(v)) {
    err_set_str(g_TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  set_field(ex(self)->cause, is_none(v) ? Value() : v);
  ex(self)->suppress_context = true;
  return 0;
}
Ref<> exc_get_suppress(Value self) { return new_bool(ex(self)->suppress_context); }
int exc_set_suppress(Value self, Value v) {
  int t = v.is_null() ? 0 : truthy(v);
  if (t < 0) return -1;
  ex(self)->suppress_context = t;
  return 0;
}

Ref<> exc_with_traceback(Value self, Value* args) {
  if (exc_set_tb(self, args[0]) < 0) return nullptr;
  return Ref<>::borrow(self);
}

Ref<> exc_add_note(Value self, Value* args) {
  Value note = args[0];
  if (!is_str(note))
    return err_format(g_TypeError, "note must be a str, not '%s'", type_name(type_of(note)));
  Ref<> notes = getattr_opt(self, Value(ids::__notes__));
  if (!notes) {
    if (err_occurred()) return nullptr;
    notes = list_new();
    if (!notes || setattr(self, Value(ids::__notes__), notes.val()) < 0) return nullptr;
  } else if (!is_list(notes.val())) {
    return err_set_str(g_TypeError, "Cannot add note: __notes__ is not a list");
  }
  if (list_append(notes.val(), note) < 0) return nullptr;
  return new_none();
}

Ref<> exc_reduce(Value self, Value*) {
  Value d = ex(self)->dict;
  Ref<> args = Ref<>::borrow(ex(self)->args);
  Value fn = ex(self)->extra[kOsFilename];
  if (is_subtype(type_of(self), g_OSError) && !fn.is_null() && !is_none(fn) && tuple_size(args.val()) == 2) {
    // The filenames left out of args (see exc_fill_fields) travel with it.
    Value fn2 = ex(self)->extra[kOsFilename2];
    Value a0 = tuple_item(args.val(), 0), a1 = tuple_item(args.val(), 1);
    if (!fn2.is_null() && !is_none(fn2)) args = tuple_pack({a0, a1, fn, none(), fn2});
    else args = tuple_pack({a0, a1, fn});
    if (!args) return nullptr;
  }
  if (d.is_null() || dict_size(d) == 0) return tuple_pack({Value(type_of(self)), args.val()});
  return tuple_pack({Value(type_of(self)), args.val(), d});
}

// The state __reduce__ hands to pickle: each item is set as an attribute
// (so properties and __slots__ members get theirs, as in CPython).
Ref<> exc_setstate(Value self, Value* args) {
  Value state = args[0];
  if (is_none(state)) return new_none();
  if (!is_dict(state)) return err_set_str(g_TypeError, "state is not a dictionary");
  int64_t pos = 0;
  Ref<> key, value;
  while (dict_next(state, &pos, &key, &value))
    if (setattr(self, key.val(), value.val()) < 0) return nullptr;
  return new_none();
}

const MethodDef kExcMethods[] = {
    {"with_traceback($self, tb, /)", exc_with_traceback, "Set self.__traceback__ to tb and return self."},
    {"add_note($self, note, /)", exc_add_note, "Add a note to the exception"},
    {"__reduce__($self, /)", exc_reduce, nullptr},
    {"__setstate__($self, state, /)", exc_setstate, nullptr},
    {nullptr}};

const GetSetDef kExcGetSets[] = {
    {"args", exc_get_args, exc_set_args},
    {"__traceback__", exc_get_tb, exc_set_tb},
    {"__context__", exc_get_context, exc_set_context},
    {"__cause__", exc_get_cause, exc_set_cause},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress},
    {nullptr}};

#define EXTRA(slot) static_cast<uint32_t>(offsetof(Exc, extra) + sizeof(Value) * (slot))
const MemberDef kStopMembers[] = {{"value", kMemberObject, EXTRA(kStopValue)}, {nullptr}};
const MemberDef kSystemExitMembers[] = {{"code", kMemberObject, EXTRA(kSystemExitCode)}, {nullptr}};
const MemberDef kImportMembers[] = {{"name", kMemberObject, EXTRA(kImportName)},
                                    {"path", kMemberObject, EXTRA(kImportPath)},
                                    {"msg", kMemberObject, EXTRA(kImportMsg)},
                                    {nullptr}};
const MemberDef kOsMembers[] = {{"errno", kMemberObject, EXTRA(kOsErrno)},
                                {"strerror", kMemberObject, EXTRA(kOsStrerror)},
                                {"filename", kMemberObject, EXTRA(kOsFilename)},
                                {"filename2", kMemberObject, EXTRA(kOsFilename2)},
                                {nullptr}};
const MemberDef kSyntaxMembers[] = {{"msg", kMemberObject, EXTRA(kSyntaxMsg)},
                                    {"filename", kMemberObject, EXTRA(kSyntaxFilename)},
                                    {"lineno", kMemberObject, EXTRA(kSyntaxLineno)},
                                    {"offset", kMemberObject, EXTRA(kSyntaxOffset)},
                                    {"text", kMemberObject, EXTRA(kSyntaxText)},
                                    {"end_lineno", kMemberObject, EXTRA(kSyntaxEndLineno)},
                                    {"end_offset", kMemberObject, EXTRA(kSyntaxEndOffset)},
                                    {"print_file_and_line", kMemberObject, EXTRA(kSyntaxPrintFileAndLine)},
                                    {nullptr}};
const MemberDef kAttrMembers[] = {{"name", kMemberObject, EXTRA(kAttrName)},
                                  {"obj", kMemberObject, EXTRA(kAttrObj)},
                                  {nullptr}};
const MemberDef kNameMembers[] = {{"name", kMemberObject, EXTRA(kAttrName)}, {nullptr}};
const MemberDef kGroupMembers[] = {{"message", kMemberObjectReadonly, EXTRA(kGroupMessage)},
                                   {"exceptions", kMemberObjectReadonly, EXTRA(kGroupExceptions)},
                                   {nullptr}};
const MemberDef kUnicodeMembers[] = {{"encoding", kMemberObject, EXTRA(kUnicodeEncoding)},
                                     {"object", kMemberObject, EXTRA(kUnicodeObject)},
                                     {"start", kMemberObject, EXTRA(kUnicodeStart)},
                                     {"end", kMemberObject, EXTRA(kUnicodeEnd)},
                                     {"reason", kMemberObject, EXTRA(kUnicodeReason)},
                                     {nullptr}};
#undef EXTRA

struct ExcRow {
  const char* name;
  Type** slot;
  Type** base;
};

#define FTPY_EXC_ROW(name, base) {#name, &g_##name, &g_##base},
Type* g_None = nullptr;
const ExcRow kExcRows[] = {FTPY_EXCEPTIONS(FTPY_EXC_ROW)};
#undef FTPY_EXC_ROW

}  // namespace

Ref<> exception_new(Type* type, Value args_tuple) {
  Tuple* a = args_tuple.as<Tuple>();
  return call(Value(type), a->items, static_cast<size_t>(a->size));
}

Value exception_args(Value exc) { return ex(exc)->args; }
void exception_set_traceback(Value exc, Value tb) { set_field(ex(exc)->traceback, tb); }
void exception_set_context(Value exc, Value ctx) {
  if (exc == ctx) return;
  set_field(ex(exc)->context, ctx);
}
void exception_set_cause(Value exc, Value cause) {
  set_field(ex(exc)->cause, cause);
  ex(exc)->suppress_context = true;
}
Value exception_context(Value exc) { return ex(exc)->context; }
Value exception_cause(Value exc) { return ex(exc)->cause; }
Value exception_traceback(Value exc) { return ex(exc)->traceback; }
bool exception_suppress_context(Value exc) { return ex(exc)->suppress_context; }
Value exception_extra(Value exc, int slot) { return ex(exc)->extra[slot]; }
void exception_set_extra(Value exc, int slot, Value v) { set_field(ex(exc)->extra[slot], v); }

void exception_set_extra_attr(Value exc, Value name, Value obj) {
  if (!is_exception_instance(exc)) return;
  if (!is_subtype(type_of(exc), g_AttributeError) && !is_subtype(type_of(exc), g_NameError)) return;
  set_field(ex(exc)->extra[kAttrName], name);
  if (!obj.is_null()) set_field(ex(exc)->extra[kAttrObj], obj);
}

void exceptions_module_init() {
  for (const ExcRow& row : kExcRows) {
    Type* t = new Type();
    t->name = row.name;
    t->basic_size = sizeof(Exc);
    t->flags = kTypeBaseType | kTypeExceptionSubclass | kTypeHasGc;
    t->dict_offset = static_cast<int32_t>(offsetof(Exc, dict));
    t->base = row.base && *row.base ? *row.base : &g_object_type;
    *row.slot = t;
    if (t->base == &g_object_type) {
      t->tp_dealloc = exc_dealloc;
      t->tp_traverse = exc_traverse;
      t->tp_clear = exc_clear;
      t->tp_new = exc_new;
      t->tp_init = exc_init;
      t->tp_str = exc_str;
      t->tp_repr = exc_repr;
      t->tp_getattro = generic_getattr;
      t->tp_setattro = generic_setattr;
      t->methods = kExcMethods;
      t->getsets = kExcGetSets;
    }
    std::string_view n(row.name);
    if (n == "StopIteration" || n == "StopAsyncIteration") t->members = kStopMembers;
    else if (n == "SystemExit") t->members = kSystemExitMembers;
    else if (n == "ImportError") t->members = kImportMembers;
    else if (n == "OSError") t->members = kOsMembers;
    else if (n == "SyntaxError") t->members = kSyntaxMembers;
    else if (n == "AttributeError") t->members = kAttrMembers;
    else if (n == "NameError") t->members = kNameMembers;
    else if (n == "BaseExceptionGroup") t->members = kGroupMembers;
    else if (n == "UnicodeError") t->members = kUnicodeMembers;
    if (n == "BaseExceptionGroup") exception_group_setup(t);
    type_ready(t);
  }
  exception_group_finish(g_BaseExceptionGroup, g_ExceptionGroup);
}

}  // namespace ftpy
