// The builtins module: built-in functions (declared once with their Python
// signatures, objects/native.h) and the table of built-in names.
#include "modules/ast_module.h"
#include "modules/builtins_module.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "modules/io_module.h"
#include "modules/readline_module.h"
#include "modules/sys_module.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/interp.h"
#include "runtime/pythonrun.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/import.h"

namespace ftpy {

extern Type g_staticmethod_type, g_classmethod_type, g_property_type, g_super_type;
extern Type g_complex_type;

namespace {

// --- __build_class__ ---------------------------------------------------------------

Ref<> builtin_build_class(Value, Value* a) {
  Value func = a[0], name = a[1], bases_in = a[2], kwds = a[3];
  if (!is_python_function(func)) return err_set_str(g_TypeError, "__build_class__: func must be a function");
  if (!is_str(name)) return err_set_str(g_TypeError, "__build_class__: name is not a string");
  // PEP 560: __mro_entries__ on non-class bases.
  Ref<> bases = Ref<>::borrow(bases_in);
  bool changed = false;
  {
    Ref<List> nb = list_new();
    for (int64_t i = 0; i < tuple_size(bases_in); i++) {
      Value b = tuple_item(bases_in, i);
      if (has_flag(type_of(b), kTypeTypeSubclass)) {
        list_append(nb.val(), b);
        continue;
      }
      Ref<> me = getattr_opt(b, Value(ids::__mro_entries__));
      if (!me) {
        if (err_occurred()) return nullptr;
        list_append(nb.val(), b);
        continue;
      }
      Ref<> entries = call1(me.val(), bases_in);
      if (!entries) return nullptr;
      if (!is_tuple(entries.val())) return err_set_str(g_TypeError, "__mro_entries__ must return a tuple");
      if (list_extend(nb.val(), entries.val()) < 0) return nullptr;
      changed = true;
    }
    if (changed) bases = list_as_tuple(nb.val());
  }
  // Metaclass: explicit `metaclass=`, else type of the first base, else type.
  Ref<> meta;
  Ref<Dict> kw = dict_new();
  if (dict_merge(kw.val(), kwds, true) < 0) return nullptr;
  meta = dict_pop(kw.val(), Value(ids::metaclass));
  if (!meta && err_occurred()) return nullptr;
  bool is_class = false;
  if (!meta) {
    meta = tuple_size(bases.val()) ? Ref<>::borrow(Value(type_of(tuple_item(bases.val(), 0))))
                                   : Ref<>::borrow(Value(&g_type_type));
    is_class = true;
  } else {
    is_class = has_flag(type_of(meta.val()), kTypeTypeSubclass);
  }
  if (is_class) {
    // The most derived metaclass wins.
    Type* winner = meta.val().as<Type>();
    for (int64_t i = 0; i < tuple_size(bases.val()); i++) {
      Type* bt = type_of(tuple_item(bases.val(), i));
      if (is_subtype(winner, bt)) continue;
      if (is_subtype(bt, winner)) {
        winner = bt;
        continue;
      }
      return err_set_str(g_TypeError,
                         "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of "
                         "the metaclasses of all its bases");
    }
    meta = Ref<>::borrow(Value(winner));
  }
  // __prepare__
  Ref<> ns;
  Ref<> prep = getattr_opt(meta.val(), Value(ids::__prepare__));
  if (!prep) {
    if (err_occurred()) return nullptr;
    ns = dict_new();
  } else {
    Value args[2] = {name, bases.val()};
    Ref<Tuple> at = tuple_from_array(args, 2);
    ns = call_tuple_dict(prep.val(), at.val(), kw.val());
    if (!ns) return nullptr;
    if (!type_of(ns.val())->mp_subscript)
      return err_format(g_TypeError, "%s.__prepare__() must return a mapping, not %s",
                        is_class ? type_name(meta.val().as<Type>()) : "<metaclass>", type_name(type_of(ns.val())));
  }
  // Run the class body with ns as its locals.
  Function* fn = func.as<Function>();
  Ref<> cell = vm_exec_class_body(fn, ns.val());
  if (!cell) return nullptr;
  if (changed) {
    if (setitem(ns.val(), Value(ids::__orig_bases__), bases_in) < 0) return nullptr;
  }
  Value args[3] = {name, bases.val(), ns.val()};
  Ref<Tuple> at = tuple_from_array(args, 3);
  Ref<> cls = call_tuple_dict(meta.val(), at.val(), kw.val());
  if (!cls) return nullptr;
  if (is_cell(cell.val())) {
    Value got = cell_get(cell.val());
    if (got.is_null() && has_flag(type_of(cls.val()), kTypeTypeSubclass)) {
      cell_set(cell.val(), cls.val());
    } else if (got != cls.val() && !got.is_null()) {
      return err_format(g_TypeError, "__class__ set to %s defining %s as %s", repr_utf8(got).c_str(),
                        repr_utf8(name).c_str(), repr_utf8(cls.val()).c_str());
    }
  }
  return cls;
}

// --- __import__ -------------------------------------------------------------------

Ref<> builtin_import(Value, Value* a) {
  int64_t level = 0;
  if (!to_int64(a[4], &level)) return nullptr;
  return import_module_level(a[0], a[1].is_null() ? Value() : a[1], a[3], level);
}

// --- simple functions ---------------------------------------------------------------

Ref<> builtin_abs(Value, Value* a) { return absolute(a[0]); }

Ref<> builtin_all(Value, Value* a) {
  Ref<> it = get_iter(a[0]);
  if (!it) return nullptr;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) return err_occurred() ? nullptr : new_bool(true);
    int t = truthy(x.val());
    if (t < 0) return nullptr;
    if (!t) return new_bool(false);
  }
}

Ref<> builtin_any(Value, Value* a) {
  Ref<> it = get_iter(a[0]);
  if (!it) return nullptr;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) return err_occurred() ? nullptr : new_bool(false);
    int t = truthy(x.val());
    if (t < 0) return nullptr;
    if (t) return new_bool(true);
  }
}

Ref<> builtin_ascii(Value, Value* a) { return ascii(a[0]); }

Ref<> int_to_base(Value v, int base, const char* prefix) {
  Ref<> i = number_index(v);
  if (!i) return nullptr;
  mpz_t z;
  mpz_init(z);
  int_to_mpz(i.val(), z);
  bool neg = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  std::string digits(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(digits.data(), base, z);
  digits.resize(std::strlen(digits.c_str()));
  mpz_clear(z);
  return str_from_ascii((neg ? "-" : "") + std::string(prefix) + digits);
}
Ref<> builtin_bin(Value, Value* a) { return int_to_base(a[0], 2, "0b"); }
Ref<> builtin_oct(Value, Value* a) { return int_to_base(a[0], 8, "0o"); }
Ref<> builtin_hex(Value, Value* a) { return int_to_base(a[0], 16, "0x"); }

Ref<> builtin_callable(Value, Value* a) { return new_bool(callable(a[0])); }

Ref<> builtin_chr(Value, Value* a) {
  int64_t c;
  if (!is_int(a[0]) && !type_of(a[0])->nb_index)
    return err_format(g_TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(a[0])));
  // CPython converts to a C int first: beyond its range is OverflowError.
  bool overflow = !to_int64(a[0], &c);
  if (overflow && !err_matches(g_OverflowError)) return nullptr;
  if (overflow || c < INT32_MIN || c > INT32_MAX) {
    err_clear();
    return err_set_str(g_OverflowError, "Python int too large to convert to C int");
  }
  if (c < 0 || c > 0x10FFFF) return err_set_str(g_ValueError, "chr() arg not in range(0x110000)");
  return str_from_char(static_cast<uint32_t>(c));
}

Ref<> builtin_ord(Value, Value* a) {
  Value v = a[0];
  if (is_str(v)) {
    Str* s = v.as<Str>();
    if (s->length != 1)
      return err_format(g_TypeError, "ord() expected a character, but string of length %lld found",
                        static_cast<long long>(s->length));
    return small_int(s->at(0));
  }
  const uint8_t* data;
  int64_t size;
  if (get_bytes_like(v, &data, &size)) {
    if (size != 1)
      return err_format(g_TypeError, "ord() expected a character, but string of length %lld found",
                        static_cast<long long>(size));
    return small_int(data[0]);
  }
  return err_format(g_TypeError, "ord() expected string of length 1, but %s found", type_name(type_of(v)));
}

Ref<> builtin_delattr(Value, Value* a) {
  if (setattr(a[0], a[1], Value()) < 0) return nullptr;
  return new_none();
}

Ref<> builtin_dir(Value, Value* a) {
  if (a[0].is_null()) {
    Ref<> loc = current_locals_mapping();
    if (!loc) return nullptr;
    Ref<> keys = call_method(loc.val(), "keys", nullptr, 0);
    if (!keys) return nullptr;
    Ref<> l = sequence_list(keys.val());
    if (!l || list_sort(l.val(), Value(), false) < 0) return nullptr;
    return l;
  }
  // __dir__ is looked up on the type, so dir(C) uses type.__dir__, not C's.
  Value f = type_lookup(type_of(a[0]), Value(ids::__dir__));
  if (!f) return err_format(g_TypeError, "object does not provide __dir__");
  Ref<> hold = Ref<>::borrow(f);
  Ref<> r = call(f, &a[0], 1);
  if (!r) return nullptr;
  Ref<> l = sequence_list(r.val());
  if (!l || list_sort(l.val(), Value(), false) < 0) return nullptr;
  return l;
}

Ref<> builtin_divmod(Value, Value* a) {
  Type* ta = type_of(a[0]);
  Type* tb = type_of(a[1]);
  if (ta->nb_divmod) {
    Ref<> r = ta->nb_divmod(a[0], a[1]);
    if (!r || r.val() != not_implemented()) return r;
  }
  if (tb != ta && tb->nb_divmod) {
    Ref<> r = tb->nb_divmod(a[0], a[1]);
    if (!r || r.val() != not_implemented()) return r;
  }
  return err_format(g_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", type_tp_name(ta),
                    type_tp_name(tb));
}

// globals/locals default to the caller's.
bool exec_namespaces(Value* globals, Value* locals, const char* fname, Ref<>* hold_g, Ref<>* hold_l) {
  Value g = *globals, l = *locals;
  if (!g.is_null() && is_none(g)) g = Value();
  if (!l.is_null() && is_none(l)) l = Value();
  if (!g.is_null() && !is_dict(g)) {
    err_format(g_TypeError, "%s() globals must be a dict, not %s", fname, type_name(type_of(g)));
    return false;
  }
  if (!l.is_null() && !type_of(l)->mp_subscript) {
    err_format(g_TypeError, "locals must be a mapping");
    return false;
  }
  if (g.is_null()) {
    g = current_globals();
    if (l.is_null()) {
      Ref<> loc = current_locals_mapping();
      if (!loc) return false;
      *hold_l = loc;
      l = loc.val();
    }
  }
  *hold_g = Ref<>::borrow(g);
  *globals = g;
  *locals = l;
  return true;
}

Ref<> source_text(Value src, const char* fname, std::string* out) {
  if (is_str(src)) {
    *out = std::string(str_view(src));
    return new_none();
  }
  const uint8_t* data;
  int64_t size;
  if (get_bytes_like(src, &data, &size)) {
    out->assign(reinterpret_cast<const char*>(data), static_cast<size_t>(size));
    return new_none();
  }
  return err_format(g_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
}

Ref<> run_code_or_source(Value src, Value globals, Value locals, CompileMode mode, const char* fname) {
  Ref<> hg, hl;
  if (!exec_namespaces(&globals, &locals, fname, &hg, &hl)) return nullptr;
  if (dict_contains(globals, Value(ids::__builtins__)) == 0)
    dict_set_item(globals, Value(ids::__builtins__), g_interp.builtins_mod);
  if (is_code(src)) return vm_exec_code(src.as<Code>(), globals, locals);
  std::string text;
  if (!source_text(src, fname, &text)) return nullptr;
  if (mode == CompileMode::kEval) {
    size_t b = text.find_first_not_of(" \t");
    text = b == std::string::npos ? "" : text.substr(b);
  }
  return run_source(text, "<string>", mode, globals, locals);
}

Ref<> builtin_eval(Value, Value* a) { return run_code_or_source(a[0], a[1], a[2], CompileMode::kEval, "eval"); }
Ref<> builtin_exec(Value, Value* a) {
  Ref<> r = run_code_or_source(a[0], a[1], a[2], CompileMode::kExec, "exec");
  if (!r) return nullptr;
  return new_none();
}

Ref<> builtin_compile(Value, Value* a) {
  std::string text;
  if (is_code(a[0])) return Ref<>::borrow(a[0]);
  int64_t flags = 0, optimize = -1;
  if (!to_int64(a[3], &flags) || !to_int64(a[5], &optimize)) return nullptr;
  // The flags CPython 3.11 accepts: the __future__ feature bits, CO_NESTED
  // and the PyCF_* options (anything else, such as ftpy's internal
  // kFtpyCFFileInput, is refused).
  constexpr int64_t kCompileFlagsMask = 0x1fe7610;
  if (flags & ~kCompileFlagsMask) return err_set_str(g_ValueError, "compile(): unrecognised flags");
  if (!is_str(a[2])) return err_set_str(g_TypeError, "compile() mode must be str");
  std::string_view mode = str_view(a[2]);
  std::string fname = is_str(a[1]) ? std::string(str_view(a[1])) : str_utf8(a[1]);
  // AST objects in or out (PyCF_ONLY_AST) go through the _ast module.
  bool is_node = ast_is_node(a[0]);
  if (is_node && (flags & kPyCFOnlyAst)) return Ref<>::borrow(a[0]);
  if (mode == "func_type" && !(flags & kPyCFOnlyAst))
    return err_set_str(g_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
  if (is_node) return ast_compile_objects(a[0], fname, mode, static_cast<int>(optimize));
  if (!source_text(a[0], "compile", &text)) return nullptr;
  if (flags & kPyCFOnlyAst) return ast_parse_to_objects(text, fname, mode);
  CompileMode m;
  if (mode == "exec") m = CompileMode::kExec;
  else if (mode == "eval") m = CompileMode::kEval;
  else if (mode == "single") m = CompileMode::kSingle;
  // 3.11 names 'func_type' only when PyCF_ONLY_AST is given (ast_module.cpp).
  else return err_set_str(g_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  return compile_source(text, fname, m, static_cast<int>(flags), static_cast<int>(optimize));
}

Ref<> builtin_format(Value, Value* a) {
  if (!is_str(a[1]))  // checked here, before __format__ is looked up, as CPython's clinic does
    return err_format(g_TypeError, "format() argument 2 must be str, not %s",
                      is_none(a[1]) ? "None" : type_name(type_of(a[1])));
  return format(a[0], a[1]);
}

Ref<> builtin_getattr(Value, Value* a) {
  if (!is_str(a[1]))
    return err_format(g_TypeError, "attribute name must be string, not '%s'", type_name(type_of(a[1])));
  if (a[2].is_null()) return getattr(a[0], a[1]);
  Ref<> r = getattr_opt(a[0], a[1]);  // no AttributeError is built for an absent attribute
  if (!r && !err_occurred()) return Ref<>::borrow(a[2]);
  return r;
}

Ref<> builtin_globals(Value, Value*) {
  Value g = current_globals();
  return g.is_null() ? new_none() : Ref<>::borrow(g);
}

Ref<> builtin_hasattr(Value, Value* a) {
  if (!is_str(a[1]))
    return err_format(g_TypeError, "attribute name must be string, not '%s'", type_name(type_of(a[1])));
  int r = hasattr(a[0], a[1]);
  if (r < 0) return nullptr;
  return new_bool(r);
}

Ref<> builtin_hash(Value, Value* a) {
  int64_t h = hash(a[0]);
  if (h == -1) return nullptr;
  return int_from_int64(h);
}

Ref<> builtin_id(Value, Value* a) {
  if (a[0].is_small()) {
    // Small ints have no address; give each value a stable, distinct id
    // outside the range of real addresses.
    return int_from_uint64((static_cast<uint64_t>(a[0].small_value()) << 1) | 1);
  }
  return int_from_uint64(reinterpret_cast<uint64_t>(a[0].obj()));
}

Ref<> builtin_input(Value, Value* a) {
  // After `import readline`, with the terminal on both ends, GNU readline
  // reads the line (CPython's PyOS_Readline rule).
  if (readline_module_imported()) {
    bool handled = false;
    Ref<> line = readline_input(a[0], &handled);
    if (handled) return line;
  }
  return sys_input(a[0]);
}

Ref<> builtin_isinstance(Value, Value* a) {
  int r = is_instance(a[0], a[1]);
  if (r < 0) return nullptr;
  return new_bool(r);
}

Ref<> builtin_issubclass(Value, Value* a) {
  int r = is_subclass(a[0], a[1]);
  if (r < 0) return nullptr;
  return new_bool(r);
}

Ref<> builtin_iter(Value, Value* a) {
  if (a[1].is_null()) return get_iter(a[0]);
  if (!callable(a[0])) return err_set_str(g_TypeError, "iter(v, w): v must be callable");
  return call_iter_new(a[0], a[1]);
}

Ref<> builtin_aiter(Value, Value* a) {
  Value m = type_lookup(type_of(a[0]), Value(ids::__aiter__));
  if (!m) return err_format(g_TypeError, "'%s' object is not an async iterable", type_name(type_of(a[0])));
  return call1(m, a[0]);
}

Ref<> builtin_anext(Value, Value* a) {
  Value m = type_lookup(type_of(a[0]), Value(ids::__anext__));
  if (!m) return err_format(g_TypeError, "'%s' object is not an async iterator", type_name(type_of(a[0])));
  Ref<> aw = call1(m, a[0]);
  if (!aw || a[1].is_null()) return aw;
  // With a default: an awaitable (a coroutine from lib/_anext.py) that turns
  // StopAsyncIteration into the default, like CPython's anext_awaitable.
  Ref<> mod = import_module("_anext");
  if (!mod) return nullptr;
  Ref<> helper = getattr(mod.val(), Value(str_intern("anext_default")));
  if (!helper) return nullptr;
  return call2(helper.val(), aw.val(), a[1]);
}

Ref<> builtin_len(Value, Value* a) {
  int64_t n = length(a[0]);
  if (n < 0) return nullptr;
  return int_from_int64(n);
}

Ref<> builtin_locals(Value, Value*) { return current_locals_mapping(); }

Ref<> min_max(Value* a, CompareOp op, const char* name) {
  Value args = a[0], key = a[1], dflt = a[2];
  if (!key.is_null() && is_none(key)) key = Value();
  Ref<> it;
  int64_t n = tuple_size(args);
  if (n == 0) return err_format(g_TypeError, "%s expected at least 1 argument, got 0", name);
  if (n == 1) {
    it = get_iter(tuple_item(args, 0));
    if (!it) return nullptr;
  } else {
    if (!dflt.is_null())
      return err_format(g_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
    it = get_iter(args);
  }
  Ref<> best, best_key;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) {
      if (err_occurred()) return nullptr;
      break;
    }
    Ref<> k = key.is_null() ? x : call1(key, x.val());
    if (!k) return nullptr;
    if (!best) {
      best = std::move(x);
      best_key = std::move(k);
      continue;
    }
    int r = richcompare_bool(k.val(), best_key.val(), op);
    if (r < 0) return nullptr;
    if (r) {
      best = std::move(x);
      best_key = std::move(k);
    }
  }
  if (!best) {
    if (!dflt.is_null()) return Ref<>::borrow(dflt);
    return err_format(g_ValueError, "%s() arg is an empty sequence", name);  // 3.11 wording
  }
  return best;
}
Ref<> builtin_max(Value, Value* a) { return min_max(a, kGt, "max"); }
Ref<> builtin_min(Value, Value* a) { return min_max(a, kLt, "min"); }

Ref<> builtin_next(Value, Value* a) {
  UnaryFn f = type_of(a[0])->tp_iternext;
  if (!f) return err_format(g_TypeError, "'%s' object is not an iterator", type_tp_name(type_of(a[0])));
  Ref<> r = f(a[0]);
  if (r) return r;
  if (err_occurred()) {
    if (!err_matches(g_StopIteration) || a[1].is_null()) return nullptr;
    err_clear();
    return Ref<>::borrow(a[1]);
  }
  if (!a[1].is_null()) return Ref<>::borrow(a[1]);
  return err_set_object(g_StopIteration, Value());
}

Ref<> builtin_pow(Value, Value* a) { return power(a[0], a[1], a[2]); }

Ref<> builtin_print(Value, Value* a) {
  Value args = a[0], sep = a[1], end = a[2], file = a[3], flush = a[4];
  if (!sep.is_null() && !is_none(sep) && !is_str(sep))
    return err_format(g_TypeError, "sep must be None or a string, not %s", type_name(type_of(sep)));
  if (!end.is_null() && !is_none(end) && !is_str(end))
    return err_format(g_TypeError, "end must be None or a string, not %s", type_name(type_of(end)));
  Ref<> f;
  if (file.is_null() || is_none(file)) {
    f = sys_get_attr("stdout");
    if (!f) return nullptr;
    if (is_none(f.val())) return new_none();
  } else {
    f = Ref<>::borrow(file);
  }
  // CPython writes each argument, separator and end with its own write().
  // To a built-in text stream (sys.stdout, an open() text file, StringIO)
  // one write of the whole line is the same to the program, costs fewer
  // calls, and keeps lines printed by different threads whole. Any other
  // file object sees CPython's sequence of write() calls. Either way, what
  // was printed before an argument whose str() raises is written.
  bool one_write = sys_is_std_stream(f.val()) || io_is_builtin_text_stream(f.val());
  std::string line;
  auto put = [&](std::string_view piece) -> bool {
    if (one_write) {
      line += piece;
      return true;
    }
    Ref<Str> ps = str_from_utf8(piece);
    if (!ps) return false;
    Value wa[1] = {ps.val()};
    return static_cast<bool>(call_method(f.val(), Value(ids::write), wa, 1));
  };
  auto flush_line = [&]() -> bool {
    if (!one_write || line.empty()) return true;
    Ref<Str> ls = str_from_utf8(line);
    if (!ls) return false;
    Value wa[1] = {ls.val()};
    return static_cast<bool>(call_method(f.val(), Value(ids::write), wa, 1));
  };
  int64_t n = tuple_size(args);
  for (int64_t i = 0; i < n; i++) {
    if (i && !put((sep.is_null() || is_none(sep)) ? std::string_view(" ") : str_view(sep))) return nullptr;
    Ref<> s = str(tuple_item(args, i));
    if (!s) {
      Ref<> pending = err_fetch();
      if (!flush_line()) err_clear();  // the partial line; the str() error is what the caller sees
      err_restore(std::move(pending));
      return nullptr;
    }
    if (!put(str_view(s.val()))) return nullptr;
  }
  if (!put((end.is_null() || is_none(end)) ? std::string_view("\n") : str_view(end))) return nullptr;
  if (!flush_line()) return nullptr;
  if (!flush.is_null()) {
    int t = truthy(flush);
    if (t < 0) return nullptr;
    if (t) {
      Ref<> fr = call_method(f.val(), Value(ids::flush), nullptr, 0);
      if (!fr) return nullptr;
    }
  }
  return new_none();
}

Ref<> builtin_repr(Value, Value* a) { return repr(a[0]); }

Ref<> builtin_round(Value, Value* a) {
  Value number = a[0], nd = a[1];
  Value m = type_lookup(type_of(number), Value(ids::__round__));
  if (!m) return err_format(g_TypeError, "type %s doesn't define __round__ method", type_name(type_of(number)));
  if (nd.is_null() || is_none(nd)) return call1(m, number);
  return call2(m, number, nd);
}

Ref<> builtin_setattr(Value, Value* a) {
  if (setattr(a[0], a[1], a[2]) < 0) return nullptr;
  return new_none();
}

// As CPython: build the list, then hand the keywords to list.sort, so that
// iteration errors come first and a bad keyword is reported by sort()
// ("'kee' is an invalid keyword argument for sort()"). The usual key= and
// reverse= are taken here without the extra call.
Ref<> builtin_sorted(Value, Value* a) {
  Ref<> l = sequence_list(a[0]);
  if (!l) return nullptr;
  Value kw = a[1];
  Value key, reverse;
  bool direct = dict_size(kw) <= 2;
  int64_t pos = 0;
  Ref<> k, v;
  while (direct && dict_next(kw, &pos, &k, &v)) {
    if (str_view(k.val()) == "key") key = v.val();
    else if (str_view(k.val()) == "reverse") reverse = v.val();
    else direct = false;
  }
  if (!direct) {
    Ref<> sort = getattr(l.val(), "sort");
    if (!sort) return nullptr;
    Ref<Tuple> no_args = tuple_new(0);
    if (!no_args || !call_tuple_dict(sort.val(), no_args.val(), kw)) return nullptr;
    return l;
  }
  int32_t rev = 0;  // a C int, as list.sort takes it
  if (!reverse.is_null() && !to_c_int(reverse, &rev)) return nullptr;
  if (key.is_null() || is_none(key)) key = Value();
  if (list_sort(l.val(), key, rev != 0) < 0) return nullptr;
  return l;
}

Ref<> builtin_sum(Value, Value* a) {
  Value iterable = a[0], start = a[1];
  if (is_str(start)) return err_set_str(g_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (is_bytes_like_type(type_of(start)))
    return err_format(g_TypeError, "sum() can't sum %s [use b''.join(seq) instead]", type_name(type_of(start)));
  Ref<> it = get_iter(iterable);
  if (!it) return nullptr;
  Ref<> acc = Ref<>::borrow(start);
  // Fast paths: small ints and floats accumulate without allocating.
  int64_t iacc = 0;
  bool int_mode = acc.val().is_small();
  if (int_mode) iacc = acc.val().small_value();
  double facc = 0;
  bool float_mode = false;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) {
      if (err_occurred()) return nullptr;
      break;
    }
    if (int_mode) {
      if (x.val().is_small() && !__builtin_add_overflow(iacc, x.val().small_value(), &iacc) &&
          Value::fits_small(iacc))
        continue;
      acc = int_from_int64(iacc);
      int_mode = false;
    }
    if (float_mode) {
      if (is_float(x.val()) && type_of(x.val()) == &g_float_type) {
        facc += float_value(x.val());
        continue;
      }
      if (x.val().is_small()) {
        facc += static_cast<double>(x.val().small_value());
        continue;
      }
      acc = float_new(facc);
      float_mode = false;
    }
    if (!float_mode && is_float(acc.val()) && type_of(acc.val()) == &g_float_type && is_float(x.val()) &&
        type_of(x.val()) == &g_float_type) {
      facc = float_value(acc.val()) + float_value(x.val());
      float_mode = true;
      continue;
    }
    Ref<> r = binary_op(acc.val(), x.val(), kOpAdd);
    if (!r) return nullptr;
    acc = std::move(r);
  }
  if (int_mode) return int_from_int64(iacc);
  if (float_mode) return float_new(facc);
  return acc;
}

Ref<> builtin_vars(Value, Value* a) {
  if (a[0].is_null()) return current_locals_mapping();
  Ref<> d = getattr_opt(a[0], Value(ids::__dict__));
  if (!d) {
    if (err_occurred()) return nullptr;
    return err_set_str(g_TypeError, "vars() argument must have __dict__ attribute");
  }
  return d;
}

Ref<> builtin_open(Value, Value* a) { return io_open_builtin(a); }

// breakpoint(): sys.breakpointhook(*args, **kws).
Ref<> builtin_breakpoint(Value, Value* a) {
  Ref<> sys = import_module("sys");
  Ref<> hook = sys ? getattr_opt(sys.val(), Value(str_intern("breakpointhook"))) : Ref<>();
  if (!hook) {
    if (!err_occurred()) err_set_str(g_RuntimeError, "lost sys.breakpointhook");
    return nullptr;
  }
  return call_tuple_dict(hook.val(), a[0], a[1]);
}

const MethodDef kBuiltinFunctions[] = {
    {"__build_class__(func, name, /, *bases, **kwds)", builtin_build_class,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__(name, globals=None, locals=None, fromlist=(), level=0)", builtin_import, "Import a module."},
    {"abs(x, /)", builtin_abs, "Return the absolute value of the argument."},
    {"all(iterable, /)", builtin_all, "Return True if bool(x) is True for all values x in the iterable."},
    {"any(iterable, /)", builtin_any, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii(obj, /)", builtin_ascii, "Return an ASCII-only representation of an object."},
    {"bin(number, /)", builtin_bin, "Return the binary representation of an integer."},
    {"callable(obj, /)", builtin_callable, "Return whether the object is callable."},
    {"chr(i, /)", builtin_chr, "Return a Unicode string of one character with ordinal i."},
    {"compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)",
     builtin_compile, "Compile source into a code object."},
    {"delattr(obj, name, /)", builtin_delattr, "Deletes the named attribute from the given object."},
    {"dir(object=?, /)", builtin_dir, "Show attributes of an object."},
    {"divmod(x, y, /)", builtin_divmod, "Return the tuple (x//y, x%y)."},
    {"eval(source, /, globals=None, locals=None)", builtin_eval, "Evaluate the given source."},
    {"exec(source, /, globals=None, locals=None, *, closure=None)", builtin_exec, "Execute the given source."},
    {"format(value, format_spec='', /)", builtin_format, "Return type(value).__format__(value, format_spec)"},
    {"getattr(object, name, default=?, /)", builtin_getattr, "Get a named attribute from an object."},
    {"globals()", builtin_globals, "Return the dictionary containing the current scope's global variables."},
    {"hasattr(obj, name, /)", builtin_hasattr, "Return whether the object has an attribute with the given name."},
    {"hash(obj, /)", builtin_hash, "Return the hash value for the given object."},
    {"hex(number, /)", builtin_hex, "Return the hexadecimal representation of an integer."},
    {"id(obj, /)", builtin_id, "Return the identity of an object."},
    {"input(prompt='', /)", builtin_input, "Read a string from standard input."},
    {"isinstance(obj, class_or_tuple, /)", builtin_isinstance, "Return whether an object is an instance of a class."},
    {"issubclass(cls, class_or_tuple, /)", builtin_issubclass, "Return whether 'cls' is derived from another class."},
    {"iter(object, sentinel=?, /)", builtin_iter, "Get an iterator from an object."},
    {"aiter(async_iterable, /)", builtin_aiter, "Return an AsyncIterator for an AsyncIterable object."},
    {"anext(aiterator, default=?, /)", builtin_anext, "Return the next item from the async iterator."},
    {"len(obj, /)", builtin_len, "Return the number of items in a container."},
    {"locals()", builtin_locals, "Return a dictionary containing the current scope's local variables."},
    {"max(*args, key=None, default=?)", builtin_max, "Return the largest item."},
    {"min(*args, key=None, default=?)", builtin_min, "Return the smallest item."},
    {"next(iterator, default=?, /)", builtin_next, "Return the next item from the iterator."},
    {"oct(number, /)", builtin_oct, "Return the octal representation of an integer."},
    {"ord(c, /)", builtin_ord, "Return the Unicode code point for a one-character string."},
    {"pow(base, exp, mod=None)", builtin_pow, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3."},
    {"print(*args, sep=' ', end='\\n', file=None, flush=False)", builtin_print, "Prints the values to a stream."},
    {"repr(obj, /)", builtin_repr, "Return the canonical string representation of the object."},
    {"round(number, ndigits=None)", builtin_round, "Round a number to a given precision in decimal digits."},
    {"setattr(obj, name, value, /)", builtin_setattr, "Sets the named attribute on the given object."},
    {"sorted(iterable, /, **kwargs)", builtin_sorted,
     "sorted(iterable, /, *, key=None, reverse=False)\n--\n\n"
     "Return a new list containing all items from the iterable in ascending order.\n\n"
     "A custom key function can be supplied to customize the sort order, and the\n"
     "reverse flag can be set to request the result in descending order."},
    {"sum(iterable, /, start=0)", builtin_sum, "Return the sum of a 'start' value plus an iterable of numbers."},
    {"vars(object=?, /)", builtin_vars, "Show vars."},
    {"open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
     builtin_open, "Open file and return a stream."},
    {"breakpoint(*args, **kws)", builtin_breakpoint, "Call sys.breakpointhook(*args, **kws)."},
    {nullptr}};

}  // namespace

bool is_builtin_import(Value f) {
  return type_of(f) == &g_native_function_type && f.as<NativeFunction>()->def == &kBuiltinFunctions[1];
}

Ref<> builtins_module_create() {
  Ref<> m = module_new("builtins");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  if (native_add_functions(m.val(), kBuiltinFunctions) < 0) return nullptr;
  struct {
    const char* name;
    Value v;
  } names[] = {
      {"None", none()},
      {"Ellipsis", Value(&g_ellipsis)},
      {"NotImplemented", not_implemented()},
      {"True", true_value()},
      {"False", false_value()},
      {"__debug__", true_value()},
      {"object", Value(&g_object_type)},
      {"type", Value(&g_type_type)},
      {"int", Value(&g_int_type)},
      {"bool", Value(&g_bool_type)},
      {"float", Value(&g_float_type)},
      {"complex", Value(&g_complex_type)},
      {"str", Value(&g_str_type)},
      {"tuple", Value(&g_tuple_type)},
      {"list", Value(&g_list_type)},
      {"dict", Value(&g_dict_type)},
      {"staticmethod", Value(&g_staticmethod_type)},
      {"classmethod", Value(&g_classmethod_type)},
      {"property", Value(&g_property_type)},
      {"super", Value(&g_super_type)},
  };
  for (auto& n : names)
    if (dict_set_item_str(d, n.name, n.v) < 0) return nullptr;
#define FTPY_ADD_EXC(name, base) \
  if (dict_set_item_str(d, #name, Value(g_##name)) < 0) return nullptr;
  FTPY_EXCEPTIONS(FTPY_ADD_EXC)
#undef FTPY_ADD_EXC
  // CPython's aliases.
  if (dict_set_item_str(d, "EnvironmentError", Value(g_OSError)) < 0) return nullptr;
  if (dict_set_item_str(d, "IOError", Value(g_OSError)) < 0) return nullptr;
  builtins_add_extra_types(d);
  return m;
}

}  // namespace ftpy
