// Argument binding for Python functions and the C++ entry points into the
// interpreter loop (vm_call_function, vm_exec_code).
#include "vm/call.h"

#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/module.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/interp.h"
#include "vm/eval.h"
#include "vm/gen.h"

namespace ftpy {

std::string callable_display_name(Value callable) {
  if (is_python_function(callable)) {
    // CPython names a function by module and qualname unless it is a builtin.
    Function* f = callable.as<Function>();
    std::string name = str_utf8(f->qualname) + "()";
    Value mod = f->module;
    if (!mod.is_null() && is_str(mod) && str_view(mod) != "builtins") name = str_utf8(mod) + "." + name;
    return name;
  }
  if (is_method(callable)) return callable_display_name(callable.as<Method>()->func);
  Ref<> qn = getattr_opt(callable, Value(ids::__qualname__));
  if (qn && is_str(qn.val())) return std::string(str_view(qn.val())) + "()";
  err_clear();
  return std::string(type_name(type_of(callable))) + " object";
}

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  // 'a'  /  'a' and 'b'  /  'a', 'b', and 'c'
  std::string s;
  for (size_t i = 0; i < names.size(); i++) {
    if (i) s += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    s += "'" + names[i] + "'";
  }
  return s;
}

std::nullptr_t missing_arguments(Function* fn, Code* co, Value* locals, bool kwonly) {
  std::vector<std::string> missing;
  int32_t start = kwonly ? co->argcount : 0;
  int32_t end = kwonly ? co->argcount + co->kwonlyargcount : co->argcount;
  for (int32_t i = start; i < end; i++) {
    if (locals[i].is_null()) missing.push_back(std::string(str_view(tuple_item(co->localsplusnames, i))));
  }
  std::string qn = str_utf8(fn->qualname);
  return err_format(g_TypeError, "%s() missing %zu required %s argument%s: %s", qn.c_str(), missing.size(),
                    kwonly ? "keyword-only" : "positional", missing.size() == 1 ? "" : "s",
                    quoted_list(missing).c_str());
}

std::nullptr_t too_many_positional(Function* fn, Code* co, size_t given, Value* locals, size_t ndefaults) {
  size_t kwonly_given = 0;
  for (int32_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
    if (!locals[i].is_null()) kwonly_given++;
  std::string qn = str_utf8(fn->qualname);
  std::string takes;
  size_t max = static_cast<size_t>(co->argcount);
  size_t min = max - ndefaults;
  if (ndefaults) takes = "from " + std::to_string(min) + " to " + std::to_string(max);
  else takes = std::to_string(max);
  std::string plural = (ndefaults == 0 && max == 1) ? "" : "s";
  std::string given_s = std::to_string(given);
  if (kwonly_given) {
    given_s += std::string(" positional argument") + (given == 1 ? "" : "s") + " (and " +
               std::to_string(kwonly_given) + " keyword-only argument" + (kwonly_given == 1 ? "" : "s") + ")";
  }
  return err_format(g_TypeError, "%s() takes %s positional argument%s but %s %s given", qn.c_str(), takes.c_str(),
                    plural.c_str(), given_s.c_str(), (given == 1 && !kwonly_given) ? "was" : "were");
}

// Bind into f->localsplus. Takes ownership of the argument references.
bool bind_arguments(Function* fn, Frame* f, Value* args, size_t nargs, Value kwnames) {
  Code* co = f->code;
  Value* locals = f->localsplus;
  size_t nkw = kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames));
  size_t total_params = static_cast<size_t>(co->argcount + co->kwonlyargcount);
  bool has_varargs = co->flags & kCoVarArgs;
  bool has_varkw = co->flags & kCoVarKeywords;
  Ref<Dict> kwdict;
  if (has_varkw) {
    kwdict = dict_new();
    if (!kwdict) goto fail_all;
    locals[total_params + (has_varargs ? 1 : 0)] = Ref<>(kwdict).release();
  }
  {
    size_t argcount = static_cast<size_t>(co->argcount);
    size_t n = nargs < argcount ? nargs : argcount;
    for (size_t i = 0; i < n; i++) {
      locals[i] = args[i];
      args[i] = Value();
    }
    if (has_varargs) {
      size_t extra = nargs > argcount ? nargs - argcount : 0;
      Ref<Tuple> t = tuple_new(static_cast<int64_t>(extra));
      if (!t) goto fail_all;
      for (size_t i = 0; i < extra; i++) {
        t->items[i] = args[argcount + i];
        args[argcount + i] = Value();
      }
      locals[total_params] = t.release();
    }
    // Too many positionals is reported after the keywords are bound, as
    // CPython does: a keyword error ("multiple values", "unexpected") wins,
    // and the message counts the keyword-only arguments given.
    bool too_many = !has_varargs && nargs > argcount;
    // Keyword arguments.
    for (size_t k = 0; k < nkw; k++) {
      Value name = tuple_item(kwnames, static_cast<int64_t>(k));
      Value val = args[nargs + k];
      int32_t found = -1;
      for (int32_t i = co->posonlyargcount; i < static_cast<int32_t>(total_params); i++) {
        Value pn = tuple_item(co->localsplusnames, i);
        if (pn == name || str_equal(pn.as<Str>(), name.as<Str>())) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        if (has_varkw) {
          if (dict_set_item(kwdict.val(), name, val) < 0) goto fail_all;
          decref(val);
          args[nargs + k] = Value();
          continue;
        }
        // Positional-only parameters passed by keyword? The message names all of them.
        std::string posonly;
        for (size_t k2 = 0; k2 < nkw; k2++) {
          Value kn = tuple_item(kwnames, static_cast<int64_t>(k2));
          for (int32_t i = 0; i < co->posonlyargcount; i++) {
            if (!str_equal(tuple_item(co->localsplusnames, i).as<Str>(), kn.as<Str>())) continue;
            if (!posonly.empty()) posonly += ", ";
            posonly += str_view(kn);
          }
        }
        std::string qn = str_utf8(fn->qualname);
        if (!posonly.empty())
          err_format(g_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                     qn.c_str(), posonly.c_str());
        else
          err_format(g_TypeError, "%s() got an unexpected keyword argument '%s'", qn.c_str(), str_view(name).data());
        goto fail_all;
      }
      if (!locals[found].is_null()) {
        err_format(g_TypeError, "%s() got multiple values for argument '%s'", str_utf8(fn->qualname).c_str(),
                   str_view(name).data());
        goto fail_all;
      }
      locals[found] = val;
      args[nargs + k] = Value();
    }
    if (too_many) {
      Value defaults = std::atomic_ref<Value>(fn->defaults).load(std::memory_order_acquire);
      size_t ndefaults = defaults.is_null() ? 0 : static_cast<size_t>(tuple_size(defaults));
      too_many_positional(fn, co, nargs, locals, ndefaults);
      goto fail_all;
    }
    // Defaults for positional parameters.
    if (nargs < argcount) {
      // Loaded once: f.__defaults__ = ... on another thread retires the old
      // tuple (function.cpp), which stays valid until our next safepoint.
      Value defaults = std::atomic_ref<Value>(fn->defaults).load(std::memory_order_acquire);
      size_t ndefaults = defaults.is_null() ? 0 : static_cast<size_t>(tuple_size(defaults));
      size_t first_default = argcount - ndefaults;
      bool missing = false;
      for (size_t i = nargs; i < argcount; i++) {
        if (!locals[i].is_null()) continue;
        if (i >= first_default) {
          locals[i] = Ref<>::borrow(tuple_item(defaults, static_cast<int64_t>(i - first_default))).release();
        } else {
          missing = true;
        }
      }
      if (missing) {
        missing_arguments(fn, co, locals, false);
        goto fail_all;
      }
    }
    // Keyword-only defaults.
    if (co->kwonlyargcount) {
      bool missing = false;
      // Held: a lookup may wait for the dict's lock, and __kwdefaults__ may
      // be replaced meanwhile.
      Ref<> kwdefaults = Ref<>::borrow(std::atomic_ref<Value>(fn->kwdefaults).load(std::memory_order_acquire));
      for (int32_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
        if (!locals[i].is_null()) continue;
        Ref<> d;
        if (kwdefaults) {
          int r = dict_get_item(kwdefaults.val(), tuple_item(co->localsplusnames, i), &d);
          if (r < 0) goto fail_all;
        }
        if (d) locals[i] = d.release();
        else missing = true;
      }
      if (missing) {
        missing_arguments(fn, co, locals, true);
        goto fail_all;
      }
    }
  }
  // Parameters that are also cells are wrapped by MAKE_CELL at entry; free
  // variables come from the closure.
  if (co->nfrees) {
    Tuple* cl = fn->closure.as<Tuple>();
    int32_t off = co->nlocals + co->ncells;
    for (int32_t i = 0; i < co->nfrees; i++) locals[off + i] = Ref<>::borrow(cl->items[i]).release();
  }
  return true;

fail_all:
  for (size_t i = 0; i < nargs + nkw; i++) decref(args[i]);
  return false;
}

}  // namespace

Frame* frame_for_call(ThreadState* ts, Function* fn, Value* args, size_t nargs, Value kwnames) {
  Code* co = function_code(fn);
  Frame* f = frame_push(ts, co);
  if (!f) {
    size_t total = nargs + (kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames)));
    for (size_t i = 0; i < total; i++) decref(args[i]);
    return nullptr;
  }
  f->func = Ref<>::borrow(Value(fn)).release();
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  // Fast path: exact positional call, no *args/**kwargs, no kw-only params.
  if (kwnames.is_null() && nargs == static_cast<size_t>(co->argcount) && co->kwonlyargcount == 0 &&
      !(co->flags & (kCoVarArgs | kCoVarKeywords))) {
    for (size_t i = 0; i < nargs; i++) f->localsplus[i] = args[i];
    if (co->nfrees) {
      Tuple* cl = fn->closure.as<Tuple>();
      int32_t off = co->nlocals + co->ncells;
      for (int32_t i = 0; i < co->nfrees; i++) f->localsplus[off + i] = Ref<>::borrow(cl->items[i]).release();
    }
  } else if (!bind_arguments(fn, f, args, nargs, kwnames)) {
    frame_pop(ts, f);
    return nullptr;
  }
  if (co->flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator)) {
    Ref<> gen = gen_new_from_frame(f, fn);
    frame_pop(ts, f);
    if (!gen) return nullptr;
    ts->pending_generator = std::move(gen);
    return kGeneratorCreated;
  }
  return f;
}

Ref<> vm_call_function(Function* fn, const Value* args, size_t nargs, Value kwnames) {
  ThreadState* ts = tstate();
  size_t total = nargs + (kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames)));
  // frame_for_call consumes references: give it owned copies.
  Value small[16];
  std::vector<Value> big;
  Value* owned = small;
  if (total > 16) {
    big.resize(total);
    owned = big.data();
  }
  for (size_t i = 0; i < total; i++) {
    incref(args[i]);
    owned[i] = args[i];
  }
  Frame* f = frame_for_call(ts, fn, owned, nargs, kwnames);
  if (!f) return nullptr;
  if (f == kGeneratorCreated) return std::move(ts->pending_generator);
  Ref<> r = eval_frame(ts, f, false);
  frame_pop(ts, f);
  return r;
}

Ref<> vm_exec_class_body(Function* fn, Value ns) {
  ThreadState* ts = tstate();
  Frame* f = frame_for_call(ts, fn, nullptr, 0, Value());
  if (!f) return nullptr;
  if (f == kGeneratorCreated) return err_set_str(g_SystemError, "class body is a generator");
  f->locals = Ref<>::borrow(ns).release();
  Ref<> r = eval_frame(ts, f, false);
  frame_pop(ts, f);
  return r;
}

Ref<> current_locals_mapping() {
  ThreadState* ts = tstate();
  Frame* f = ts->frame;
  if (!f) return Ref<>::borrow(g_interp.builtins);
  if (!f->locals.is_null()) return Ref<>::borrow(f->locals);
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  Code* c = f->code;
  for (int32_t i = 0; i < c->nlocalsplus(); i++) {
    Value v = f->localsplus[i];
    if (v.is_null()) continue;
    if (i >= c->nlocals) {
      if (!is_cell(v)) continue;
      v = cell_get(v);
      if (v.is_null()) continue;
    }
    if (dict_set_item(d.val(), tuple_item(c->localsplusnames, i), v) < 0) return nullptr;
  }
  return d;
}

Ref<> vm_exec_code(Code* code, Value globals, Value locals) {
  ThreadState* ts = tstate();
  Frame* f = frame_push(ts, code);
  if (!f) return nullptr;
  incref(Value(code));  // a frame without a function owns its code (frame.h)
  f->globals = Ref<>::borrow(globals).release();
  Ref<> b;
  if (dict_get_item_str(globals, ids::__builtins__, &b) > 0) {
    if (is_module(b.val())) b = Ref<>::borrow(module_dict(b.val()));
    f->builtins = b.val();  // kept alive by globals
  } else {
    if (dict_set_item(globals, Value(ids::__builtins__), g_interp.builtins_mod) < 0) {
      frame_pop(ts, f);
      return nullptr;
    }
    f->builtins = g_interp.builtins;
  }
  f->locals = Ref<>::borrow(locals.is_null() ? globals : locals).release();
  if (code->nfrees) {
    err_set_str(g_TypeError, "code object passed to exec() may not contain free variables");
    frame_pop(ts, f);
    return nullptr;
  }
  Ref<> r = eval_frame(ts, f, false);
  frame_pop(ts, f);
  return r;
}

}  // namespace ftpy
