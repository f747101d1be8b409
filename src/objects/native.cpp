// Native functions: signature parsing and argument binding (native.h), and the
// builtin_function_or_method, method_descriptor, classmethod_descriptor,
// getset_descriptor and member_descriptor types.
#include "objects/native.h"

#include <algorithm>
#include <atomic>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <set>
#include <string>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/module.h"
#include "objects/float.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "objects/weakref.h"
#include "runtime/heap.h"
#include "runtime/interp.h"
#include "runtime/qsbr.h"

namespace ftpy {

Type g_native_function_type;
Type g_method_descr_type;
Type g_classmethod_descr_type;
Type g_getset_descr_type;
Type g_member_descr_type;

namespace {

[[noreturn]] void bad_spec(const char* spec, const char* why) {
  std::fprintf(stderr, "ftpy: malformed native signature \"%s\": %s\n", spec, why);
  std::abort();
}

Value parse_default(const char* spec, std::string_view d) {
  if (d == "None") return none();
  if (d == "True") return true_value();
  if (d == "False") return false_value();
  if (d == "?") return Value();
  if (d == "()") return Value(static_cast<Object*>(empty_tuple().release().obj()));
  if (d.size() >= 2 && (d[0] == '"' || d[0] == '\'')) {
    // A quoted default with the usual backslash escapes (\n, \t, \\, quotes).
    std::string text;
    for (size_t i = 1; i + 1 < d.size(); i++) {
      char c = d[i];
      if (c == '\\' && i + 2 < d.size()) {
        char e = d[++i];
        c = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == '0' ? '\0' : e;
      }
      text.push_back(c);
    }
    return Value(str_intern(text));
  }
  std::string s(d);
  char* end;
  long long i = std::strtoll(s.c_str(), &end, 10);
  if (*end == '\0') return Value::small(i);
  double f = std::strtod(s.c_str(), &end);
  if (*end == '\0') {
    Ref<> fo = float_new(f);
    make_immortal(fo.val().obj());
    return fo.release();
  }
  bad_spec(spec, "unsupported default");
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string display_name(const Signature* sig) {
  std::string n(str_view(sig->name));
  return n + "()";
}

// "list.append()": the form CPython's messages use for functions that take
// no argument or exactly one.
std::string qualified_display_name(const Signature* sig) {
  std::string n(str_view(sig->name));
  if (sig->qualname_prefix) n = std::string(sig->qualname_prefix) + "." + n;
  return n + "()";
}

// Positional-only parameters and no positional-or-keyword ones (keyword-only
// may follow): CPython checks the positional count as a whole and says
// "get expected at least 1 argument, got 0", or for a single required
// parameter "list.append() takes exactly one argument (0 given)".
bool positional_count_messages(const Signature* sig) {
  bool any_positional_only = false;
  for (const Param& p : sig->params) {
    if (p.kind == ParamKind::kPositionalOrKeyword) return false;
    if (p.kind == ParamKind::kPositionalOnly) any_positional_only = true;
  }
  return any_positional_only;
}

std::nullptr_t positional_count_error(const Signature* sig, size_t nargs) {
  size_t npos = static_cast<size_t>(sig->n_positional);
  size_t required = 0;
  for (const Param& p : sig->params)
    if (p.required && p.kind == ParamKind::kPositionalOnly) required++;
  if (npos == 1 && required == 1 && sig->params.size() == 1)
    return err_format(g_TypeError, "%s takes exactly one argument (%zu given)",
                      qualified_display_name(sig).c_str(), nargs);
  size_t bound = nargs < required ? required : npos;
  const char* qualifier = required == npos ? "" : nargs < required ? "at least " : "at most ";
  if (sig->parse_tuple_messages)
    return err_format(g_TypeError, "%s() takes %s%zu argument%s (%zu given)", str_view(sig->name).data(),
                      required == npos ? "exactly " : qualifier, bound, bound == 1 ? "" : "s", nargs);
  return err_format(g_TypeError, "%s expected %s%zu argument%s, got %zu", str_view(sig->name).data(), qualifier,
                    bound, bound == 1 ? "" : "s", nargs);
}

}  // namespace

const Signature* native_parse_signature(const char* spec, const char* owner_name) {
  auto* sig = new Signature();
  std::string_view s(spec);
  size_t lp = s.find('('), rp = s.rfind(')');
  if (lp == std::string_view::npos || rp == std::string_view::npos || rp < lp) bad_spec(spec, "no ()");
  sig->name = Value(str_intern(trim(s.substr(0, lp))));
  sig->qualname_prefix = owner_name;
  std::string_view params = s.substr(lp + 1, rp - lp - 1);
  ParamKind kind = ParamKind::kPositionalOrKeyword;
  bool seen_slash = false;
  std::vector<std::string_view> parts;
  // Split on commas outside quotes.
  size_t start = 0;
  char q = 0;
  for (size_t i = 0; i <= params.size(); i++) {
    if (i < params.size() && q) {
      if (params[i] == q) q = 0;
      continue;
    }
    if (i < params.size() && (params[i] == '"' || params[i] == '\'')) {
      q = params[i];
      continue;
    }
    if (i == params.size() || params[i] == ',') {
      std::string_view p = trim(params.substr(start, i - start));
      if (!p.empty()) parts.push_back(p);
      start = i + 1;
    }
  }
  for (std::string_view p : parts) {
    if (p == "$self") { sig->receiver = 1; continue; }
    if (p == "$type") { sig->receiver = 2; continue; }
    if (p == "/") {
      for (Param& pr : sig->params) pr.kind = ParamKind::kPositionalOnly;
      seen_slash = true;
      continue;
    }
    if (p == "*") { kind = ParamKind::kKeywordOnly; continue; }
    Param pr;
    if (p.substr(0, 2) == "**") {
      pr.kind = ParamKind::kVarKw;
      pr.name = Value(str_intern(p.substr(2)));
      pr.required = false;
      sig->var_kw = static_cast<int>(sig->params.size());
      sig->params.push_back(pr);
      sig->simple = false;
      continue;
    }
    if (p[0] == '*') {
      pr.kind = ParamKind::kVarArgs;
      pr.name = Value(str_intern(p.substr(1)));
      pr.required = false;
      sig->var_args = static_cast<int>(sig->params.size());
      sig->params.push_back(pr);
      kind = ParamKind::kKeywordOnly;
      sig->simple = false;
      continue;
    }
    size_t eq = p.find('=');
    pr.kind = kind;
    if (eq == std::string_view::npos) {
      pr.name = Value(str_intern(p));
      pr.required = true;
    } else {
      pr.name = Value(str_intern(trim(p.substr(0, eq))));
      pr.required = false;
      pr.default_value = parse_default(spec, trim(p.substr(eq + 1)));
      sig->simple = false;
    }
    if (kind == ParamKind::kKeywordOnly) sig->simple = false;
    sig->params.push_back(pr);
  }
  (void)seen_slash;
  int np = 0;
  for (const Param& pr : sig->params)
    if (pr.kind == ParamKind::kPositionalOnly || pr.kind == ParamKind::kPositionalOrKeyword) np++;
  sig->n_positional = np;
  if (sig->var_args >= 0 && sig->var_args == np && sig->var_kw < 0) {
    sig->varargs_fast = true;
    for (size_t i = static_cast<size_t>(sig->var_args) + 1; i < sig->params.size(); i++)
      if (sig->params[i].required) sig->varargs_fast = false;
  }
  return sig;
}

// Some parameter can be passed by keyword (else CPython says "takes no
// keyword arguments" before counting).
bool takes_keywords(const Signature* sig) {
  for (const Param& p : sig->params)
    if (p.kind == ParamKind::kPositionalOrKeyword || p.kind == ParamKind::kKeywordOnly) return true;
  return false;
}

bool native_bind(const Signature* sig, const Value* args, size_t nargs, Value kwnames, Value* out,
                 Ref<>* holders) {
  size_t np = static_cast<size_t>(sig->params.size());
  for (size_t i = 0; i < np; i++) out[i] = Value();
  size_t npos = static_cast<size_t>(sig->n_positional);
  // CPython's argument parsers (argument clinic, PyArg_ParseTupleAndKeywords)
  // first check the total against the number of parameters, when keywords
  // are given to a function without *args or **kwargs:
  // "split() takes at most 2 keyword arguments (3 given)".
  size_t nkw = kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames));
  if (nkw > 0 && sig->var_args < 0 && sig->var_kw < 0 && nargs + nkw > np && takes_keywords(sig)) {
    err_format(g_TypeError, "%s takes at most %zu %sargument%s (%zu given)", display_name(sig).c_str(), np,
               nargs == 0 ? "keyword " : "", np == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  // Positional arguments.
  if (nargs > npos && sig->var_args < 0 && npos == 0 && np > 0) {
    // Keyword-only parameters and nothing else: "sort() takes no positional arguments".
    err_format(g_TypeError, "%s takes no positional arguments", display_name(sig).c_str());
    return false;
  }
  if (nargs > npos && sig->var_args < 0) {
    size_t required = 0;
    for (const Param& p : sig->params)
      if (p.required && p.kind != ParamKind::kKeywordOnly) required++;
    std::string n = display_name(sig);
    if (npos == 0)
      err_format(g_TypeError, "%s takes no arguments (%zu given)", qualified_display_name(sig).c_str(), nargs);
    else if (positional_count_messages(sig))
      positional_count_error(sig, nargs);
    else if (required == npos && npos == 1)
      err_format(g_TypeError, "%s takes exactly one argument (%zu given)", n.c_str(), nargs);
    else if (required == npos)
      err_format(g_TypeError, "%s takes exactly %zu arguments (%zu given)", n.c_str(), npos, nargs);
    else
      err_format(g_TypeError, "%s takes at most %zu argument%s (%zu given)", n.c_str(), npos,
                 npos == 1 ? "" : "s", nargs);
    return false;
  }
  size_t take = nargs < npos ? nargs : npos;
  for (size_t i = 0; i < take; i++) out[i] = args[i];
  if (sig->var_args >= 0) {
    size_t extra = nargs > npos ? nargs - npos : 0;
    Ref<Tuple> t = tuple_from_array(args + npos, static_cast<int64_t>(extra));
    if (!t) return false;
    out[sig->var_args] = t.val();
    holders[0] = std::move(t);
  }
  // Keyword arguments.
  Ref<Dict> kwdict;
  if (!kwnames.is_null() && tuple_size(kwnames) > 0 && sig->var_kw < 0) {
    bool any_keyword = false;
    for (const Param& p : sig->params)
      if (p.kind == ParamKind::kPositionalOrKeyword || p.kind == ParamKind::kKeywordOnly) any_keyword = true;
    if (!any_keyword) {
      // CPython names a type's method with its type here ("list.append()").
      err_format(g_TypeError, "%s takes no keyword arguments", qualified_display_name(sig).c_str());
      return false;
    }
  }
  if (!kwnames.is_null()) {
    int64_t nk = tuple_size(kwnames);
    for (int64_t k = 0; k < nk; k++) {
      Value name = tuple_item(kwnames, k);
      Value val = args[nargs + k];
      bool matched = false;
      for (size_t i = 0; i < np; i++) {
        const Param& p = sig->params[i];
        if (p.kind == ParamKind::kVarArgs || p.kind == ParamKind::kVarKw) continue;
        if (p.name == name || str_equal(p.name.as<Str>(), name.as<Str>())) {
          if (p.kind == ParamKind::kPositionalOnly) {
            if (sig->var_kw >= 0) break;  // goes to **kw
            err_format(g_TypeError, "%s got some positional-only arguments passed as keyword arguments: '%s'",
                       display_name(sig).c_str(), str_view(name).data());
            return false;
          }
          if (!out[i].is_null()) {
            err_format(g_TypeError, "argument for %s given by name ('%s') and position (%zu)",
                       display_name(sig).c_str(), str_view(name).data(), i + 1);
            return false;
          }
          out[i] = val;
          matched = true;
          break;
        }
      }
      if (!matched) {
        if (sig->var_kw < 0) {
          // CPython 3.11's wording for built-in functions (a def says "got
          // an unexpected keyword argument").
          err_format(g_TypeError, "'%s' is an invalid keyword argument for %s", str_view(name).data(),
                     display_name(sig).c_str());
          return false;
        }
        if (!kwdict) kwdict = dict_new();
        if (!kwdict || dict_set_item(kwdict.val(), name, val) < 0) return false;
      }
    }
  }
  if (sig->var_kw >= 0) {
    if (!kwdict) kwdict = dict_new();
    if (!kwdict) return false;
    out[sig->var_kw] = kwdict.val();
    holders[1] = std::move(kwdict);
  }
  // Defaults and missing arguments.
  for (size_t i = 0; i < np; i++) {
    const Param& p = sig->params[i];
    if (!out[i].is_null() || p.kind == ParamKind::kVarArgs || p.kind == ParamKind::kVarKw) continue;
    if (p.required) {
      if (p.kind == ParamKind::kKeywordOnly)
        err_format(g_TypeError, "%s missing required keyword-only argument: '%s'",
                   display_name(sig).c_str(), str_view(p.name).data());
      else if (p.kind == ParamKind::kPositionalOnly && positional_count_messages(sig))
        positional_count_error(sig, nargs);
      else if (p.kind == ParamKind::kPositionalOnly && sig->var_args < 0) {
        // Argument clinic with keyword parameters too ("sum(iterable, /,
        // start=0)"): the required positional-only count, "at least" when
        // more may be given positionally.
        size_t min_posonly = 0;
        for (const Param& q : sig->params)
          if (q.kind == ParamKind::kPositionalOnly && q.required) min_posonly++;
        err_format(g_TypeError, "%s takes %s %zu positional argument%s (%zu given)", display_name(sig).c_str(),
                   min_posonly < static_cast<size_t>(sig->n_positional) ? "at least" : "exactly", min_posonly,
                   min_posonly == 1 ? "" : "s", nargs);
      } else
        err_format(g_TypeError, "%s missing required argument '%s' (pos %zu)",
                   display_name(sig).c_str(), str_view(p.name).data(), i + 1);
      return false;
    }
    out[i] = p.default_value;  // may stay null for '?'
  }
  return true;
}

namespace {

// External functions use the plain-integer ABI.
[[gnu::noinline]] Ref<> invoke_external(const MethodDef* def, Value self, Value* args) {
  auto fn = reinterpret_cast<ExternalFn>(reinterpret_cast<void (*)()>(def->fn));  // void(*)(): no -Wcast-function-type
  Ref<> r = Ref<>::steal(Value(fn(self.bits(), reinterpret_cast<const uint64_t*>(args))));
  if (!r && !err_occurred()) return err_set_str(g_SystemError, "error return without exception set");
  return r;
}

// Calls the bound function: inline, since every native call ends here.
// A std::bad_alloc from a C++ container inside it (memory exhausted, see
// runtime/heap.cpp's operator new) becomes MemoryError here rather than
// terminating the process; the try costs nothing until something throws.
inline Ref<> invoke(const MethodDef* def, Value self, Value* args) {
  if (!(def->flags & kMethExternal)) [[likely]] {
    try {
      return def->fn(self, args);
    } catch (const std::bad_alloc&) {
      return err_no_memory();
    }
  }
  return invoke_external(def, self, args);
}

}  // namespace

namespace {

// Binding with keywords, *args/**kw, missing arguments or many parameters:
// out of line, so the common path below keeps a small frame.
[[gnu::noinline]] Ref<> native_call_general(const MethodDef* def, const Signature* sig, Value self,
                                            const Value* args, size_t nargs, Value kwnames) {
  size_t np = sig->params.size();
  Value small[16];
  std::vector<Value> big;
  Value* out = small;
  if (np > 16) {
    big.resize(np);
    out = big.data();
  }
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, out, holders)) return nullptr;
  return invoke(def, self, out);
}

}  // namespace

namespace {
// Sorted by the generator (byte order, as std::string_view compares).
constexpr std::string_view kNoTextSignature[] = {
#include "no_text_sig_data.inc"
};
}  // namespace

bool native_lacks_text_signature(std::string_view owner, std::string_view name) {
  std::string key;
  key.reserve(owner.size() + 1 + name.size());
  key.append(owner).append(".").append(name);
  return std::binary_search(std::begin(kNoTextSignature), std::end(kNoTextSignature), std::string_view(key));
}

Signature* native_parse_def_signature(const MethodDef* def, const char* owner_name) {
  auto* sig = const_cast<Signature*>(native_parse_signature(def->signature, owner_name));  // new, not yet shared
  if (def->flags & kMethParseTupleMessages) sig->parse_tuple_messages = true;
  return sig;
}

const Signature* native_def_signature(const MethodDef* def, const char* owner_name) {
  std::atomic_ref<const Signature*> slot(def->parsed);
  const Signature* sig = slot.load(std::memory_order_acquire);
  if (sig) [[likely]] return sig;
  const Signature* mine = native_parse_def_signature(def, owner_name);
  if (slot.compare_exchange_strong(sig, mine, std::memory_order_acq_rel, std::memory_order_acquire)) return mine;
  delete mine;  // its Values are interned or immortal: nothing to release
  return sig;
}

Ref<> native_call(const MethodDef* def, Value self, const Value* args, size_t nargs, Value kwnames) {
  const Signature* sig = std::atomic_ref<const Signature*>(def->parsed).load(std::memory_order_acquire);
  if (!sig) [[unlikely]]
    sig = native_def_signature(def);
  size_t np = sig->params.size();
  // Fast path: positional arguments only and no *args/**kw (most calls of
  // most methods): bind in order, then fill the trailing defaults. A missing
  // required parameter leaves it to the general binder, which raises.
  constexpr size_t kFastParams = 4;
  if (kwnames.is_null() && np <= kFastParams && nargs <= static_cast<size_t>(sig->n_positional) &&
      sig->var_args < 0 && sig->var_kw < 0) {
    Value buf[kFastParams];
    switch (nargs) {  // unrolled: a loop here compiles to a memcpy call
      case 4: buf[3] = args[3]; [[fallthrough]];
      case 3: buf[2] = args[2]; [[fallthrough]];
      case 2: buf[1] = args[1]; [[fallthrough]];
      case 1: buf[0] = args[0]; [[fallthrough]];
      default: break;
    }
    const Param* params = sig->params.data();
    size_t i = nargs;
    for (; i < np && !params[i].required; i++) buf[i] = params[i].default_value;
    if (i == np) return invoke(def, self, buf);
  }
  // *args then defaulted keyword-only parameters: the extra positional
  // arguments become the tuple, the rest take their defaults.
  if (kwnames.is_null() && sig->varargs_fast && np <= kFastParams && nargs >= static_cast<size_t>(sig->n_positional)) {
    Value buf[kFastParams];
    size_t npos = static_cast<size_t>(sig->n_positional);
    for (size_t i = 0; i < npos; i++) buf[i] = args[i];
    Ref<Tuple> rest = def->flags & kMethIgnoresVarArgs
                          ? empty_tuple()
                          : tuple_from_array(args + npos, static_cast<int64_t>(nargs - npos));
    if (!rest) return nullptr;
    buf[npos] = rest.val();  // var_args == n_positional: it follows the positional parameters
    const Param* params = sig->params.data();
    for (size_t i = npos + 1; i < np; i++) buf[i] = params[i].default_value;
    return invoke(def, self, buf);
  }
  return native_call_general(def, sig, self, args, nargs, kwnames);
}

// --- builtin_function_or_method -------------------------------------------------

namespace {

void native_function_dealloc(Object* o) {
  auto* f = static_cast<NativeFunction*>(o);
  // An empty list head (stored with release under the weakref mutex) skips the call.
  auto* head = reinterpret_cast<WeakRef**>(&f->weakreflist);
  if (std::atomic_ref<WeakRef*>(*head).load(std::memory_order_acquire)) weakref_clear_all(o);
  decref(f->self);
  decref(f->module);
  free_object(o);
}

Ref<> native_function_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* f = callable.as<NativeFunction>();
  return native_call(f->def, f->self, args, nargs, kwnames);
}

Ref<> native_function_repr(Value v) {
  auto* f = v.as<NativeFunction>();
  std::string name(str_view(f->def->parsed->name));
  if (f->self.is_null() || is_module(f->self))
    return str_from_utf8("<built-in function " + name + ">");
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(f->self.obj()));
  // The receiver's full type name, as CPython's tp_name ("datetime.date").
  return str_from_utf8("<built-in method " + name + " of " + type_of(f->self)->name +
                       " object at " + addr + ">");
}

Ref<> native_function_get_name(Value v) { return Ref<>::borrow(v.as<NativeFunction>()->def->parsed->name); }
Ref<> native_function_get_qualname(Value v) {
  auto* f = v.as<NativeFunction>();
  std::string name(str_view(f->def->parsed->name));
  if (f->self.is_null() || is_module(f->self)) return str_from_utf8(name);
  Type* t = has_flag(type_of(f->self), kTypeTypeSubclass) ? f->self.as<Type>() : type_of(f->self);
  return str_from_utf8(type_qualname_utf8(t) + "." + name);
}
Ref<> native_function_get_self(Value v) {
  Value s = v.as<NativeFunction>()->self;
  return s.is_null() ? new_none() : Ref<>::borrow(s);
}
// A doc may start with CPython's signature header, "name(params)\n--\n\n",
// when the declared signature binds differently from what __text_signature__
// shows (sorted() binds **kwargs and forwards them to list.sort). The header
// is not part of __doc__.
constexpr std::string_view kDocSigEnd = ")\n--\n\n";
std::string_view doc_signature(const char* doc) {
  if (!doc) return {};
  std::string_view d = doc;
  size_t end = d.find(kDocSigEnd);
  size_t open = d.find('(');
  if (end == std::string_view::npos || open == std::string_view::npos || open > end) return {};
  return d.substr(open, end + 1 - open);
}
const char* doc_body(const char* doc) {
  std::string_view sig = doc_signature(doc);
  return sig.empty() ? doc : sig.data() + sig.size() - 1 + kDocSigEnd.size();
}
Ref<> native_function_get_doc(Value v) {
  const char* d = doc_body(v.as<NativeFunction>()->def->doc);
  return d ? Ref<>(str_from_utf8(d)) : new_none();
}
Ref<> native_function_get_module(Value v) {
  Value m = v.as<NativeFunction>()->module;
  return m.is_null() ? new_none() : Ref<>::borrow(m);
}
// CPython's __text_signature__: the parameter list of the declared signature
// ("(obj, /)", "($self, /, sep=None, maxsplit=-1)"), which inspect.signature
// parses; a module function's starts with "$module" as Argument Clinic's do
// ("($module, obj, /)"). A parameter with no representable default (`=?`)
// shows as CPython's `=<unrepresentable>` (inspect.signature then refuses
// it, as it does on CPython). None where CPython's function has none.
// `owner` names the static type or the module that defines the function,
// for native_lacks_text_signature (empty: none to look up); asked only when
// __text_signature__ is read, so start-up pays nothing for the table.
Ref<> text_signature_of(const MethodDef* def, std::string_view owner, bool module_function) {
  const Signature* parsed = native_def_signature(def);
  if (!owner.empty() && native_lacks_text_signature(owner, str_view(parsed->name))) return new_none();
  std::string_view header = doc_signature(def->doc);
  std::string_view sig = header.empty() ? std::string_view(def->signature) : header;
  size_t open = sig.find('(');
  if (open == std::string_view::npos) return new_none();
  std::string params(sig.substr(open + 1));  // through the closing ')'
  if (module_function && params.starts_with("$module")) module_function = false;
  for (size_t at = 0; (at = params.find("=?", at)) != std::string::npos;) {
    params.replace(at, 2, "=<unrepresentable>");
    at += 18;
  }
  std::string text = "(";
  if (module_function) {
    // "$module" is positional-only: a "/" follows it unless the declared
    // parameters bring their own.
    bool has_slash = params.find('/') != std::string::npos;
    text += params == ")" ? "$module, /" : has_slash ? "$module, " : "$module, /, ";
  }
  return str_from_utf8(text + params);
}
// The static type along `t`'s MRO whose method table holds `def` (a bound
// built-in method's or classmethod's), or null.
Type* defining_static_type(Type* t, const MethodDef* def) {
  Value mro = t->mro;
  int64_t n = mro.is_null() ? 0 : tuple_size(mro);
  for (int64_t i = 0; i < n; i++) {
    Type* b = tuple_item(mro, i).as<Type>();
    if (b->flags & kTypeHeapType || !b->methods) continue;
    for (const MethodDef* m = b->methods; m->signature; m++)
      if (m == def) return b;
  }
  return nullptr;
}

Ref<> native_function_get_text_signature(Value v) {
  auto* f = v.as<NativeFunction>();
  if (f->self.is_null()) return text_signature_of(f->def, {}, false);
  if (is_module(f->self)) {
    Value m = f->module;
    return text_signature_of(f->def, !m.is_null() && is_str(m) ? str_view(m) : std::string_view(), true);
  }
  Type* t = has_flag(type_of(f->self), kTypeTypeSubclass) ? f->self.as<Type>() : type_of(f->self);
  Type* owner = defining_static_type(t, f->def);
  return text_signature_of(f->def, owner ? std::string_view(owner->name) : std::string_view(), false);
}

const GetSetDef kNativeFunctionGetSets[] = {
    {"__name__", native_function_get_name, nullptr},
    {"__qualname__", native_function_get_qualname, nullptr},
    {"__self__", native_function_get_self, nullptr},
    {"__doc__", native_function_get_doc, nullptr},
    {"__module__", native_function_get_module, nullptr},
    {"__text_signature__", native_function_get_text_signature, nullptr},
    {nullptr}};

// __reduce__, so pickle stores a built-in function by reference: a module
// function (or one with no self) as its name, which pickle resolves as a
// global in __module__; a bound built-in method as getattr(self, name).
Ref<> native_function_reduce(Value v, Value*) {
  auto* f = v.as<NativeFunction>();
  Value name = f->def->parsed->name;
  if (f->self.is_null() || is_module(f->self)) return Ref<>::borrow(name);
  Ref<> getattr_fn;
  int r = dict_get_item_str(g_interp.builtins, str_intern("getattr"), &getattr_fn);
  if (r < 0) return nullptr;
  if (r == 0) return err_set_str(g_RuntimeError, "lost builtins.getattr");
  Ref<Tuple> args = tuple_pack({f->self, name});
  if (!args) return nullptr;
  return tuple_pack({getattr_fn.val(), args.val()});
}

const MethodDef kNativeFunctionMethods[] = {
    {"__reduce__($self, /)", native_function_reduce, nullptr},
    {nullptr}};

}  // namespace

// __reduce__ of the method descriptors, slot wrappers and method-wrappers:
// getattr(owner, name), as CPython pickles them by reference.
Ref<> reduce_as_getattr(Value self, const char* owner_attr) {
  Ref<> owner = getattr(self, owner_attr);
  Ref<> name = owner ? getattr(self, "__name__") : Ref<>();
  if (!name) return nullptr;
  Ref<> getattr_fn;
  int r = dict_get_item_str(g_interp.builtins, str_intern("getattr"), &getattr_fn);
  if (r < 0) return nullptr;
  if (r == 0) return err_set_str(g_RuntimeError, "lost builtins.getattr");
  Ref<Tuple> args = tuple_pack({owner.val(), name.val()});
  if (!args) return nullptr;
  return tuple_pack({getattr_fn.val(), args.val()});
}

namespace {

Ref<> descr_reduce(Value v, Value*) { return reduce_as_getattr(v, "__objclass__"); }
const MethodDef kDescrMethods[] = {{"__reduce__($self, /)", descr_reduce, nullptr}, {nullptr}};

int64_t native_function_hash(Value v) {
  auto* f = v.as<NativeFunction>();
  int64_t h = f->self.is_null() ? 0 : hash(f->self);
  if (h == -1) return -1;
  int64_t r = h ^ static_cast<int64_t>(reinterpret_cast<uintptr_t>(f->def) >> 3);
  return r == -1 ? -2 : r;
}

Ref<> native_function_richcompare(Value a, Value b, CompareOp op) {
  if ((op != kEq && op != kNe) || type_of(b) != &g_native_function_type)
    return Ref<>::steal(not_implemented());
  auto* x = a.as<NativeFunction>();
  auto* y = b.as<NativeFunction>();
  bool eq = x->def == y->def && x->self == y->self;
  return new_bool(op == kEq ? eq : !eq);
}

// --- method_descriptor ------------------------------------------------------------

void descr_dealloc(Object* o) { free_object(o); }

Ref<> method_descr_get(Value descr, Value obj, Value type) {
  auto* d = descr.as<MethodDescr>();
  if (obj.is_null()) return Ref<>::borrow(descr);
  if (!is_subtype(type_of(obj), d->owner))
    return err_format(g_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                      str_view(d->def->parsed->name).data(), type_tp_name(d->owner),
                      type_tp_name(type_of(obj)));
  return native_function_new(d->def, obj, Value());
}

Ref<> method_descr_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* d = callable.as<MethodDescr>();
  if (nargs < 1)
    return err_format(g_TypeError, "unbound method %s.%s() needs an argument", type_name(d->owner),
                      str_view(d->def->parsed->name).data());
  if (!is_subtype(type_of(args[0]), d->owner))
    return err_format(g_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                      str_view(d->def->parsed->name).data(), type_tp_name(d->owner),
                      type_tp_name(type_of(args[0])));
  return native_call(d->def, args[0], args + 1, nargs - 1, kwnames);
}

Ref<> method_descr_repr(Value v) {
  auto* d = v.as<MethodDescr>();
  return str_from_utf8("<method '" + std::string(str_view(d->def->parsed->name)) + "' of '" +
                       type_tp_name(d->owner) + "' objects>");
}

Ref<> descr_get_name(Value v) { return Ref<>::borrow(v.as<MethodDescr>()->def->parsed->name); }
Ref<> descr_get_qualname(Value v) {
  auto* d = v.as<MethodDescr>();
  return str_from_utf8(type_qualname_utf8(d->owner) + "." + std::string(str_view(d->def->parsed->name)));
}
Ref<> descr_get_objclass(Value v) { return Ref<>::borrow(Value(v.as<MethodDescr>()->owner)); }
Ref<> descr_get_doc(Value v) {
  const char* doc = doc_body(v.as<MethodDescr>()->def->doc);
  return doc ? Ref<>(str_from_utf8(doc)) : new_none();
}
Ref<> descr_get_text_signature(Value v) {
  auto* d = v.as<MethodDescr>();
  bool listed = d->owner && !(d->owner->flags & kTypeHeapType);
  return text_signature_of(d->def, listed ? std::string_view(d->owner->name) : std::string_view(), false);
}
const GetSetDef kMethodDescrGetSets[] = {
    {"__name__", descr_get_name, nullptr},
    {"__qualname__", descr_get_qualname, nullptr},
    {"__objclass__", descr_get_objclass, nullptr},
    {"__doc__", descr_get_doc, nullptr},
    {"__text_signature__", descr_get_text_signature, nullptr},
    {nullptr}};

// --- classmethod_descriptor -----------------------------------------------------------

Ref<> classmethod_descr_get(Value descr, Value obj, Value type) {
  auto* d = descr.as<MethodDescr>();
  Value t = type.is_null() ? Value(type_of(obj)) : type;
  return native_function_new(d->def, t, Value());
}

Ref<> classmethod_descr_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* d = callable.as<MethodDescr>();
  if (nargs < 1 || !has_flag(type_of(args[0]), kTypeTypeSubclass))
    return err_format(g_TypeError, "descriptor '%s' of '%s' object needs a type",
                      str_view(d->def->parsed->name).data(), type_name(d->owner));
  return native_call(d->def, args[0], args + 1, nargs - 1, kwnames);
}

// --- getset_descriptor / member_descriptor ----------------------------------------------

Ref<> getset_get(Value descr, Value obj, Value type) {
  auto* d = descr.as<GetSetDescr>();
  if (obj.is_null()) return Ref<>::borrow(descr);
  if (!is_subtype(type_of(obj), d->owner))
    return err_format(g_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                      d->def->name, type_tp_name(d->owner),
                      type_tp_name(type_of(obj)));
  return d->def->get(obj);
}

int getset_set(Value descr, Value obj, Value v) {
  auto* d = descr.as<GetSetDescr>();
  if (!d->def->set) {
    if (v.is_null())
      err_format(g_AttributeError, "attribute '%s' of '%s' objects is not writable", d->def->name,
                 type_tp_name(d->owner));
    else
      err_format(g_AttributeError, "attribute '%s' of '%s' objects is not writable", d->def->name,
                 type_tp_name(d->owner));
    return -1;
  }
  return d->def->set(obj, v);
}

Ref<> getset_repr(Value v) {
  auto* d = v.as<GetSetDescr>();
  return str_from_utf8(std::string("<attribute '") + d->def->name + "' of '" + type_name(d->owner) +
                       "' objects>");
}

// __name__, __qualname__, __objclass__ and __doc__ of getset and member
// descriptors (inspect.getattr_static compares `__dict__`'s __name__).
template <typename D>
Ref<> field_descr_name(Value v) {
  return str_from_utf8(v.as<D>()->def->name);
}
template <typename D>
Ref<> field_descr_qualname(Value v) {
  auto* d = v.as<D>();
  return str_from_utf8(type_qualname_utf8(d->owner) + "." + d->def->name);
}
template <typename D>
Ref<> field_descr_objclass(Value v) {
  return Ref<>::borrow(Value(v.as<D>()->owner));
}
template <typename D>
Ref<> field_descr_doc(Value v) {
  const char* doc = v.as<D>()->def->doc;
  return doc ? Ref<>(str_from_utf8(doc)) : new_none();
}
template <typename D>
constexpr GetSetDef kFieldDescrGetSets[] = {
    {"__name__", field_descr_name<D>, nullptr},
    {"__qualname__", field_descr_qualname<D>, nullptr},
    {"__objclass__", field_descr_objclass<D>, nullptr},
    {"__doc__", field_descr_doc<D>, nullptr},
    {nullptr}};

// Member slots (__slots__ and native fields) are read and written with no
// lock, as instance dict values are: atomic loads and stores, and a value a
// store replaces is retired (runtime/qsbr.h), since a reader on another
// thread may have loaded it and not yet taken its reference.
// A member descriptor reads at a fixed offset, valid only in instances of
// its owner: copied into an unrelated class (`class B: x = A.x`) it must
// refuse B's instances rather than read B's memory as A's layout.
bool member_applies(const MemberDescr* d, Value obj) {
  if (type_of(obj) == d->owner || is_subtype(type_of(obj), d->owner)) return true;
  err_format(g_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->def->name,
             type_tp_name(d->owner), type_tp_name(type_of(obj)));
  return false;
}

Ref<> member_get(Value descr, Value obj, Value type) {
  auto* d = descr.as<MemberDescr>();
  if (obj.is_null()) return Ref<>::borrow(descr);
  if (!member_applies(d, obj)) return nullptr;
  char* base = reinterpret_cast<char*>(obj.obj());
  switch (d->def->kind) {
    case kMemberObject:
    case kMemberObjectReadonly: {
      Value v = std::atomic_ref<Value>(*member_slot(obj, d->def)).load(std::memory_order_acquire);
      return v.is_null() ? new_none() : Ref<>::borrow(v);
    }
    case kMemberObjectEx: {
      Value v = std::atomic_ref<Value>(*member_slot(obj, d->def)).load(std::memory_order_acquire);
      if (v.is_null())
        return err_format(g_AttributeError, "'%s' object has no attribute '%s'", type_name(type_of(obj)), d->def->name);
      return Ref<>::borrow(v);
    }
    case kMemberInt64:
      return int_from_int64(std::atomic_ref<int64_t>(*reinterpret_cast<int64_t*>(base + d->def->offset))
                                .load(std::memory_order_relaxed));
    case kMemberBool:
      return new_bool(std::atomic_ref<bool>(*reinterpret_cast<bool*>(base + d->def->offset))
                          .load(std::memory_order_relaxed));
  }
  return new_none();
}

int member_set(Value descr, Value obj, Value v) {
  auto* d = descr.as<MemberDescr>();
  if (!member_applies(d, obj)) return -1;
  char* base = reinterpret_cast<char*>(obj.obj());
  switch (d->def->kind) {
    case kMemberObjectReadonly:
      err_format(g_AttributeError, "readonly attribute");
      return -1;
    case kMemberObjectEx:
    case kMemberObject: {
      incref(v);
      Value old = std::atomic_ref<Value>(*member_slot(obj, d->def)).exchange(v, std::memory_order_acq_rel);
      // Deleting an unset Ex slot stored null over null: nothing changed.
      if (v.is_null() && old.is_null() && d->def->kind == kMemberObjectEx) {
        err_format(g_AttributeError, "'%s' object has no attribute '%s'", type_name(type_of(obj)), d->def->name);
        return -1;
      }
      qsbr_retire_value(old);
      return 0;
    }
    case kMemberInt64: {
      int64_t i;
      if (v.is_null() || !to_int64(v, &i)) {
        if (!err_occurred()) err_set_str(g_TypeError, "can't delete numeric/char attribute");
        return -1;
      }
      std::atomic_ref<int64_t>(*reinterpret_cast<int64_t*>(base + d->def->offset)).store(i, std::memory_order_relaxed);
      return 0;
    }
    case kMemberBool: {
      if (v.is_null() || !is_bool(v)) {
        err_set_str(g_TypeError, "attribute value type must be bool");
        return -1;
      }
      std::atomic_ref<bool>(*reinterpret_cast<bool*>(base + d->def->offset))
          .store(v == true_value(), std::memory_order_relaxed);
      return 0;
    }
  }
  return 0;
}

Ref<> member_repr(Value v) {
  auto* d = v.as<MemberDescr>();
  return str_from_utf8(std::string("<member '") + d->def->name + "' of '" + type_name(d->owner) +
                       "' objects>");
}

}  // namespace

Ref<> native_function_new(const MethodDef* def, Value self, Value module_name) {
  native_def_signature(def);
  auto* f = alloc_object<NativeFunction>(&g_native_function_type);
  if (!f) return nullptr;
  f->def = def;
  f->self = Ref<>::borrow(self).release();
  f->module = Ref<>::borrow(module_name).release();
  return Ref<>::steal(Value(f));
}

Ref<> method_descr_new(const MethodDef* def, Type* owner) {
  auto* d = alloc_object<MethodDescr>(&g_method_descr_type);
  if (!d) return nullptr;
  d->def = def;
  d->owner = owner;
  return Ref<>::steal(Value(d));
}

Ref<> classmethod_descr_new(const MethodDef* def, Type* owner) {
  auto* d = alloc_object<MethodDescr>(&g_classmethod_descr_type);
  if (!d) return nullptr;
  d->def = def;
  d->owner = owner;
  return Ref<>::steal(Value(d));
}

Ref<> getset_descr_new(const GetSetDef* def, Type* owner) {
  auto* d = alloc_object<GetSetDescr>(&g_getset_descr_type);
  if (!d) return nullptr;
  d->def = def;
  d->owner = owner;
  return Ref<>::steal(Value(d));
}

Ref<> member_descr_new(const MemberDef* def, Type* owner) {
  auto* d = alloc_object<MemberDescr>(&g_member_descr_type);
  if (!d) return nullptr;
  d->def = def;
  d->owner = owner;
  return Ref<>::steal(Value(d));
}

int native_add_functions(Value module, const MethodDef* defs) {
  Value d = module_dict(module);
  Ref<> modname;
  int r = dict_get_item_str(d, ids::__name__, &modname);
  if (r < 0) return -1;
  // CPython names a module function with its module in argument errors
  // ("math.sqrt() takes exactly one argument (0 given)"), except builtins'
  // ("len() ..."). The prefix must outlive the signature: an interned copy
  // of the name, kept for good in this table.
  const char* prefix = nullptr;
  if (modname && is_str(modname.val()) && str_view(modname.val()) != "builtins") {
    static std::mutex mu;
    static auto* names = new std::set<std::string>();
    std::lock_guard<std::mutex> g(mu);
    prefix = names->emplace(str_view(modname.val())).first->c_str();
  }
  for (const MethodDef* m = defs; m->signature; m++) {
    const Signature* sig = native_def_signature(m, prefix);
    Ref<> f = native_function_new(m, module, modname.val());
    if (!f || dict_set_item(d, sig->name, f.val()) < 0) return -1;
  }
  return 0;
}

void native_types_init() {
  Type* t = &g_native_function_type;
  t->name = "builtin_function_or_method";
  t->basic_size = sizeof(NativeFunction);
  t->weaklist_offset = static_cast<int32_t>(offsetof(NativeFunction, weakreflist));
  t->tp_dealloc = native_function_dealloc;
  t->tp_call = native_function_call;
  t->tp_repr = native_function_repr;
  t->tp_hash = native_function_hash;
  t->tp_richcompare = native_function_richcompare;
  t->getsets = kNativeFunctionGetSets;
  t->methods = kNativeFunctionMethods;
  type_ready(t);

  t = &g_method_descr_type;
  t->name = "method_descriptor";
  t->basic_size = sizeof(MethodDescr);
  t->flags = kTypeMethodDescriptor;
  t->tp_dealloc = descr_dealloc;
  t->tp_descr_get = method_descr_get;
  t->tp_call = method_descr_call;
  t->tp_repr = method_descr_repr;
  t->getsets = kMethodDescrGetSets;
  t->methods = kDescrMethods;
  type_ready(t);

  t = &g_classmethod_descr_type;
  t->name = "classmethod_descriptor";
  t->basic_size = sizeof(MethodDescr);
  t->tp_dealloc = descr_dealloc;
  t->tp_descr_get = classmethod_descr_get;
  t->tp_call = classmethod_descr_call;
  t->tp_repr = method_descr_repr;
  t->getsets = kMethodDescrGetSets;
  t->methods = kDescrMethods;
  type_ready(t);

  t = &g_getset_descr_type;
  t->name = "getset_descriptor";
  t->basic_size = sizeof(GetSetDescr);
  t->tp_dealloc = descr_dealloc;
  t->tp_descr_get = getset_get;
  t->tp_descr_set = getset_set;
  t->tp_repr = getset_repr;
  t->getsets = kFieldDescrGetSets<GetSetDescr>;
  type_ready(t);

  t = &g_member_descr_type;
  t->name = "member_descriptor";
  t->basic_size = sizeof(MemberDescr);
  t->tp_dealloc = descr_dealloc;
  t->tp_descr_get = member_get;
  t->tp_descr_set = member_set;
  t->tp_repr = member_repr;
  t->getsets = kFieldDescrGetSets<MemberDescr>;
  type_ready(t);
}

}  // namespace ftpy
