// The builtins CPython's site module adds: exit and quit (_sitebuiltins.Quitter),
// copyright, credits and license (_sitebuiltins._Printer) and help
// (_sitebuiltins._Helper). ftpy runs no site module, so they are made here,
// natively, with CPython's type names, instance attributes and reprs: a repr
// imports nothing. Calling a _Printer (the interactive pager) or help
// delegates to the host's pure-Python _sitebuiltins and pydoc.
//
// Thread safety: the objects are created before any thread runs; their
// attributes live in an ordinary (locked) instance dict.
#include "modules/builtins_module.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "modules/sys_module.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "runtime/ref.h"
#include "vm/import.h"

namespace ftpy {

namespace {

struct SiteObject : Object {
  Value dict;  // __dict__
};

Type g_quitter_type;
Type g_printer_type;
Type g_helper_type;

void site_dealloc(Object* o) {
  decref(static_cast<SiteObject*>(o)->dict);
  free_object(o);
}
void site_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<SiteObject*>(o)->dict, arg); }

Ref<> site_new(Type* t) {
  auto* o = alloc_object<SiteObject>(t);
  if (!o) return nullptr;
  o->dict = dict_new().release();
  return Ref<>::steal(Value(o));
}

Value site_dict(Value self) { return self.as<SiteObject>()->dict; }

// str(self.<name>) as UTF-8, or false with an exception.
bool attr_text(Value self, const char* name, std::string* out) {
  Ref<> v = getattr(self, name);
  if (!v) return false;
  Ref<> s = str(v.val());
  if (!s) return false;
  *out = std::string(str_view(s.val()));
  return true;
}

// --- Quitter ---------------------------------------------------------------------------

Ref<> quitter_repr(Value self) {
  std::string name, eof;
  if (!attr_text(self, "name", &name) || !attr_text(self, "eof", &eof)) return nullptr;
  return str_from_utf8("Use " + name + "() or " + eof + " to exit");
}

// __call__(code=None): close sys.stdin (ignoring errors), then raise
// SystemExit(code).
Ref<> quitter_call(Value, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames));
  Value code = none();
  if (nargs + nkw > 1)
    return err_format(g_TypeError, "Quitter.__call__() takes from 1 to 2 positional arguments but %zu were given",
                      nargs + nkw + 1);
  if (nkw == 1) {
    if (str_view(tuple_item(kwnames, 0)) != "code")
      return err_format(g_TypeError, "Quitter.__call__() got an unexpected keyword argument '%s'",
                        str_view(tuple_item(kwnames, 0)).data());
    code = args[0];
  } else if (nargs == 1) {
    code = args[0];
  }
  Ref<> in = sys_get_attr("stdin");
  if (in && !is_none(in.val())) {
    if (!call_method(in.val(), "close", nullptr, 0)) err_clear();
  } else {
    err_clear();
  }
  Ref<> exc = call(Value(g_SystemExit), &code, 1);  // args == (code,)
  if (exc) err_restore(std::move(exc));
  return nullptr;
}

// --- _Printer --------------------------------------------------------------------------

constexpr size_t kMaxLines = 23;  // _Printer.MAXLINES

bool file_text(const std::string& path, std::string* out) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

// The text: the first of the files that can be read, else the given data.
bool printer_text(Value self, std::string* out) {
  Ref<> names = getattr(self, "_Printer__filenames");
  if (!names) return false;
  if (is_list(names.val())) {
    for (int64_t i = 0; i < list_size(names.val()); i++) {
      Ref<> p = list_get(names.val(), i);
      if (p && is_str(p.val()) && file_text(std::string(str_view(p.val())), out) && !out->empty()) return true;
    }
  }
  return attr_text(self, "_Printer__data", out);
}

// _Printer.__setup: once, the text split into lines, kept in __lines (and
// its length in __linecnt) as CPython's instance keeps them.
Ref<> printer_lines(Value self) {
  Ref<> lines = getattr(self, "_Printer__lines");
  if (!lines) return nullptr;
  int t = truthy(lines.val());
  if (t < 0) return nullptr;
  if (t) return lines;
  std::string text;
  if (!printer_text(self, &text)) return nullptr;
  Ref<List> l = list_new();
  if (!l) return nullptr;
  size_t start = 0;
  for (;;) {
    size_t nl = text.find('\n', start);
    Ref<> line = str_from_utf8(std::string_view(text).substr(start, nl == std::string::npos ? nl : nl - start));
    if (!line || list_append(l.val(), line.val()) < 0) return nullptr;
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  Ref<> count = int_from_int64(list_size(l.val()));
  if (!count || setattr(self, "_Printer__lines", l.val()) < 0 || setattr(self, "_Printer__linecnt", count.val()) < 0)
    return nullptr;
  return l;
}

Ref<> printer_repr(Value self) {
  Ref<> lines = printer_lines(self);
  std::string name;
  if (!lines || !attr_text(self, "_Printer__name", &name)) return nullptr;
  int64_t n = length(lines.val());
  if (n < 0) return nullptr;
  if (n <= static_cast<int64_t>(kMaxLines)) {
    Ref<> sep = str_from_utf8("\n");
    if (!sep) return nullptr;
    Value arg = lines.val();
    return call_method(sep.val(), "join", &arg, 1);
  }
  return str_from_utf8("Type " + name + "() to see the full " + name + " text");
}

// The pager: the host's _sitebuiltins._Printer over a copy of our attributes
// (the same name-mangled ones its methods use).
Ref<> printer_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Ref<> mod = import_module("_sitebuiltins");
  if (!mod) return nullptr;
  Ref<> cls = getattr(mod.val(), "_Printer");
  if (!cls) return nullptr;
  Value cls_v = cls.val();
  Ref<> inst = call_method(Value(&g_object_type), "__new__", &cls_v, 1);
  if (!inst) return nullptr;
  Ref<> d = getattr(inst.val(), "__dict__");
  if (!d || dict_merge(d.val(), site_dict(self), true) < 0) return nullptr;
  return call(inst.val(), args, nargs, kwnames);
}

Ref<> make_printer(const char* name, Value data, const std::vector<std::string>& files) {
  Ref<> p = site_new(&g_printer_type);
  if (!p) return nullptr;
  Ref<List> paths = list_new();
  if (!paths) return nullptr;
  for (const std::string& f : files) {
    Ref<> s = str_from_utf8(f);
    if (!s || list_append(paths.val(), s.val()) < 0) return nullptr;
  }
  Ref<> n = str_from_utf8(name);
  Value d = site_dict(p.val());
  if (!n || dict_set_item_str(d, "_Printer__name", n.val()) < 0 ||
      dict_set_item_str(d, "_Printer__data", data) < 0 || dict_set_item_str(d, "_Printer__lines", none()) < 0 ||
      dict_set_item_str(d, "_Printer__filenames", paths.val()) < 0)
    return nullptr;
  return p;
}

// --- _Helper ---------------------------------------------------------------------------

Ref<> helper_repr(Value) {
  return str_from_utf8("Type help() for interactive help, or help(object) for help about object.");
}

Ref<> helper_call(Value, const Value* args, size_t nargs, Value kwnames) {
  Ref<> pydoc = import_module("pydoc");
  if (!pydoc) return nullptr;
  Ref<> help = getattr(pydoc.val(), "help");
  if (!help) return nullptr;
  return call(help.val(), args, nargs, kwnames);
}

void ready(Type* t, const char* name, UnaryFn repr, CallFn call_fn, const char* doc) {
  t->name = name;
  t->basic_size = sizeof(SiteObject);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->dict_offset = offsetof(SiteObject, dict);
  t->tp_dealloc = site_dealloc;
  t->tp_traverse = site_traverse;
  t->tp_repr = repr;
  t->tp_call = call_fn;
  t->doc = doc;
  type_ready(t);
}

bool dir_exists(const char* p) {
  struct stat st;
  return ::stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

int builtins_add_site_names(Value d) {
  if (!(g_quitter_type.flags & kTypeReady)) {
    ready(&g_quitter_type, "_sitebuiltins.Quitter", quitter_repr, quitter_call, nullptr);
    ready(&g_printer_type, "_sitebuiltins._Printer", printer_repr, printer_call,
          "interactive prompt objects for printing the license text, a list of\n"
          "    contributors and the copyright notice.");
    ready(&g_helper_type, "_sitebuiltins._Helper", helper_repr, helper_call,
          "Define the builtin 'help'.\n\n"
          "    This is a wrapper around pydoc.help that provides a helpful message\n"
          "    when 'help' is typed at the Python interactive prompt.\n\n"
          "    Calling help() at the Python prompt starts an interactive help session.\n"
          "    Calling help(thing) prints help for the python object 'thing'.\n"
          "    ");
  }
  for (const char* name : {"quit", "exit"}) {
    Ref<> q = site_new(&g_quitter_type);
    Ref<> n = str_from_utf8(name);
    Ref<> eof = str_from_utf8("Ctrl-D (i.e. EOF)");
    if (!q || !n || !eof || dict_set_item_str(site_dict(q.val()), "name", n.val()) < 0 ||
        dict_set_item_str(site_dict(q.val()), "eof", eof.val()) < 0 || dict_set_item_str(d, name, q.val()) < 0)
      return -1;
  }
  Ref<> copyright_text = sys_get_attr("copyright");
  if (!copyright_text) {
    err_clear();
    copyright_text = str_from_utf8("");
  }
  Ref<> credits_text = str_from_utf8(
      "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n"
      "    for supporting Python development.  See www.python.org for more information.");
  Ref<> license_text = str_from_utf8("See https://www.python.org/psf/license/");
  if (!copyright_text || !credits_text || !license_text) return -1;
  // site looks for the license next to the standard library: the host's,
  // whose modules ftpy imports.
  std::vector<std::string> license_files;
  for (const char* std_dir : {"/usr/lib/python3.11", "/usr/lib/python3.12", "/usr/lib/python3.13"}) {
    if (!dir_exists(std_dir)) continue;
    for (std::string dir : {std::string(std_dir) + "/..", std::string(std_dir), std::string(".")})
      for (const char* f : {"LICENSE.txt", "LICENSE"}) license_files.push_back(dir + "/" + f);
    break;
  }
  Ref<> cp = make_printer("copyright", copyright_text.val(), {});
  Ref<> cr = make_printer("credits", credits_text.val(), {});
  Ref<> li = make_printer("license", license_text.val(), license_files);
  Ref<> help = site_new(&g_helper_type);
  if (!cp || !cr || !li || !help || dict_set_item_str(d, "copyright", cp.val()) < 0 ||
      dict_set_item_str(d, "credits", cr.val()) < 0 || dict_set_item_str(d, "license", li.val()) < 0 ||
      dict_set_item_str(d, "help", help.val()) < 0)
    return -1;
  return 0;
}

}  // namespace ftpy
