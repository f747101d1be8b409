// The _symtable module: symtable(source, filename, mode) parses the source,
// runs the compiler's own scope analysis (compile/symtable.cpp, the pass the
// compiler uses: there is no second analysis here) and returns the module's
// "symtable entry" object. Lib symtable.py (the host's, unmodified) wraps it.
//
// An entry carries CPython 3.11's fields: id (unique within the table), name,
// symbols (name -> DEF_* flags | scope << SCOPE_OFF, the numbers of 3.11),
// varnames (the parameters in order), children (entries of the nested scopes
// in source order), lineno, type (TYPE_FUNCTION / TYPE_CLASS / TYPE_MODULE;
// the PEP 695 scopes 3.11 lacks count as functions) and nested.
#include "modules/symtable_module.h"

#include <mutex>
#include <string>

#include "compile/symtable.h"
#include "modules/buffer_util.h"
#include "modules/io_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "parse/parser.h"
#include "runtime/heap.h"
#include "runtime/pythonrun.h"

namespace ftpy {

namespace {

constexpr int kScopeOff = 11;
constexpr int kScopeMask = kDefGlobal | kDefLocal | kDefParam | kDefNonlocal;
constexpr int kTypeFunction = 0, kTypeClass = 1, kTypeModule = 2;

// Thread safety: every field is set before the entry is returned and never
// reassigned (the members are read-only), so the entry itself needs no lock;
// the dict and lists it holds are ordinary (internally locked) objects.
struct Entry : Object {
  Value id, name, symbols, varnames, children, lineno, type, nested;
};
Type g_entry_type;

void entry_dealloc(Object* o) {
  auto* e = static_cast<Entry*>(o);
  for (Value* v : {&e->id, &e->name, &e->symbols, &e->varnames, &e->children, &e->lineno, &e->type, &e->nested})
    decref(*v);
  free_object(o);
}

Ref<> entry_repr(Value self) {
  auto* e = self.as<Entry>();
  Ref<> id = repr(e->id);
  if (!id) return nullptr;
  int64_t line = 0;
  int_as_int64(e->lineno, &line);
  return str_from_utf8("<symtable entry " + std::string(str_view(e->name)) + "(" + std::string(str_view(id.val())) +
                       "), line " + std::to_string(line) + ">");
}

const MemberDef kEntryMembers[] = {
    {"id", kMemberObjectReadonly, offsetof(Entry, id), nullptr},
    {"name", kMemberObjectReadonly, offsetof(Entry, name), nullptr},
    {"symbols", kMemberObjectReadonly, offsetof(Entry, symbols), nullptr},
    {"varnames", kMemberObjectReadonly, offsetof(Entry, varnames), nullptr},
    {"children", kMemberObjectReadonly, offsetof(Entry, children), nullptr},
    {"lineno", kMemberObjectReadonly, offsetof(Entry, lineno), nullptr},
    {"type", kMemberObjectReadonly, offsetof(Entry, type), nullptr},
    {"nested", kMemberObjectReadonly, offsetof(Entry, nested), nullptr},
    {nullptr}};

int block_type(BlockType t) {
  switch (t) {
    case BlockType::Class: return kTypeClass;
    case BlockType::Module: return kTypeModule;
    default: return kTypeFunction;
  }
}

Ref<> make_entry(const Scope* s) {
  Ref<Dict> symbols = dict_new();
  if (!symbols) return nullptr;
  for (const Symbol& sym : s->symbols) {
    Ref<Str> n = str_from_utf8(sym.name);
    if (!n) return nullptr;
    int64_t flags = static_cast<int64_t>(sym.flags) | (static_cast<int64_t>(sym.scope) << kScopeOff);
    Ref<> f = int_from_int64(flags);
    if (!f || dict_set_item(symbols.val(), n.val(), f.val()) < 0) return nullptr;
  }
  Ref<List> varnames = list_new();
  if (!varnames) return nullptr;
  for (const std::string& v : s->varnames) {
    Ref<Str> n = str_from_utf8(v);
    if (!n || list_append(varnames.val(), n.val()) < 0) return nullptr;
  }
  Ref<List> children = list_new();
  if (!children) return nullptr;
  for (const Scope* c : s->children) {
    Ref<> ce = make_entry(c);
    if (!ce || list_append(children.val(), ce.val()) < 0) return nullptr;
  }
  Ref<Str> name = str_from_utf8(s->name);
  Ref<> id = int_from_int64(static_cast<int64_t>(reinterpret_cast<intptr_t>(s)));
  Ref<> lineno = int_from_int64(s->lineno);
  if (!name || !id || !lineno) return nullptr;
  auto* e = alloc_object<Entry>(&g_entry_type);
  if (!e) return nullptr;
  e->id = id.release();
  e->name = name.release();
  e->symbols = symbols.release();
  e->varnames = varnames.release();
  e->children = children.release();
  e->lineno = lineno.release();
  e->type = small_int(block_type(s->type)).release();
  e->nested = small_int(s->nested ? 1 : 0).release();
  return Ref<>::steal(Value(e));
}

Ref<> symtable_symtable(Value, Value* a) {
  std::string source;
  if (is_str(a[0])) {
    source = std::string(str_view(a[0]));
  } else if (!module_buffer_copy(a[0], &source)) {
    return err_set_str(g_TypeError, "symtable() arg 1 must be a string or bytes object");
  }
  Ref<> fname = io_fspath(a[1]);
  if (!fname) return nullptr;
  std::string filename = is_str(fname.val()) ? std::string(str_view(fname.val())) : std::string();
  if (!is_str(fname.val())) module_buffer_copy(fname.val(), &filename);
  if (!is_str(a[2]))
    return err_format(g_TypeError, "symtable() argument 3 must be str, not %s", type_name(type_of(a[2])));
  std::string_view mode = str_view(a[2]);
  ParseMode pm;
  if (mode == "exec") pm = ParseMode::Exec;
  else if (mode == "eval") pm = ParseMode::Eval;
  else if (mode == "single") pm = ParseMode::Single;
  else return err_set_str(g_ValueError, "symtable() arg 3 must be 'exec' or 'eval' or 'single'");
  ParseResult r = parse(source, filename, pm);
  if (r.error) return raise_syntax_error(*r.error, filename);
  SyntaxErrorInfo err;
  SymtableOptions opts;
  opts.compiler_checks = false;  // CPython's symtable accepts `return` at module level
  std::unique_ptr<SymbolTable> st = build_symtable(r.mod, r.source, &err, opts);
  if (!st) return raise_syntax_error(err, filename);
  return make_entry(st->top);
}

const MethodDef kSymtableFunctions[] = {
    {"symtable(source, filename, startstr, /)", symtable_symtable, "Return symbol and scope dictionaries used internally by compiler."},
    {nullptr}};

void entry_type_init() {
  Type* t = &g_entry_type;
  t->name = "symtable entry";
  t->basic_size = sizeof(Entry);
  t->tp_dealloc = entry_dealloc;
  t->tp_repr = entry_repr;
  t->members = kEntryMembers;
  type_ready(t);
}

}  // namespace

Ref<> symtable_module_create() {
  static std::once_flag once;
  std::call_once(once, entry_type_init);
  Ref<> m = module_new("_symtable");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kSymtableFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  struct Const {
    const char* name;
    int64_t value;
  };
  const Const consts[] = {
      {"USE", kUse}, {"DEF_GLOBAL", kDefGlobal}, {"DEF_NONLOCAL", kDefNonlocal}, {"DEF_LOCAL", kDefLocal},
      {"DEF_PARAM", kDefParam}, {"DEF_FREE", kDefFree}, {"DEF_FREE_CLASS", kDefFreeClass},
      {"DEF_IMPORT", kDefImport}, {"DEF_BOUND", kDefBound}, {"DEF_ANNOT", kDefAnnot},
      {"TYPE_FUNCTION", kTypeFunction}, {"TYPE_CLASS", kTypeClass}, {"TYPE_MODULE", kTypeModule},
      {"LOCAL", static_cast<int64_t>(SymScope::Local)},
      {"GLOBAL_EXPLICIT", static_cast<int64_t>(SymScope::GlobalExplicit)},
      {"GLOBAL_IMPLICIT", static_cast<int64_t>(SymScope::GlobalImplicit)},
      {"FREE", static_cast<int64_t>(SymScope::Free)}, {"CELL", static_cast<int64_t>(SymScope::Cell)},
      {"SCOPE_OFF", kScopeOff}, {"SCOPE_MASK", kScopeMask}};
  for (const Const& c : consts) {
    if (dict_set_item_str(d, c.name, Value::small(c.value)) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
