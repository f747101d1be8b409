// The _ast module: the node classes of Python 3.11's ast module (the host's
// Lib/ast.py builds ast.parse, dump, walk, NodeVisitor, unparse and
// literal_eval on top of them), plus compile()'s PyCF_ONLY_AST support.
//
// Shape: `AST` is a built-in type whose instances carry a __dict__; every
// other class is an ordinary heap subclass made from the FTPY_AST_NODES table
// (ast_module_internal.h) with _fields, __match_args__, _attributes, a
// docstring in grammar notation and a class-level None for each optional
// ("?") field and attribute, which is how 3.11's ast.dump omits them. The
// fields are the 3.11 ones: 3.12+'s type_params are not exposed.
//
// Thread safety: node objects are plain instances whose state is their
// __dict__ (a thread-safe dict). The class table (AstState) is built once,
// under the import lock of `_ast`, and published with a release store; it is
// immutable afterwards. The shared Load()/Add()/... singletons are mutable
// objects, as in CPython, but nothing in ftpy writes to them.
#include "modules/ast_module.h"

#include <atomic>
#include <string>
#include <vector>

#include "modules/ast_module_internal.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "vm/import.h"

namespace ftpy {

namespace astmod {

Ref<> mod_to_objects(const AstState& s, std::string_view source, std::string_view filename,
                     std::string_view mode);
Ref<> compile_objects(const AstState& s, Value tree, std::string_view filename, std::string_view mode,
                      int optimize);

}  // namespace astmod

namespace {

using astmod::AstState;
using astmod::kNumNodes;
using astmod::N;

struct AstObject : Object {
  Value dict;
};

Type g_ast_type;
std::atomic<AstState*> g_state{nullptr};

struct NodeRow {
  const char* name;
  int base;  // index of the base row, -1 for AST
  const char* fields;
  const char* attrs;
};

constexpr int kAstBase = -1;
// Each row names its base; `AST` (not in the table) resolves to kAstBase.
#define FTPY_X(name, base, fields, attrs) {#name, base_index_##base, fields, attrs},
#define FTPY_BASE(name) constexpr int base_index_##name = static_cast<int>(N::name);
constexpr int base_index_AST = kAstBase;
FTPY_BASE(mod)
FTPY_BASE(stmt)
FTPY_BASE(expr)
FTPY_BASE(expr_context)
FTPY_BASE(boolop)
FTPY_BASE(operator_)
FTPY_BASE(unaryop)
FTPY_BASE(cmpop)
FTPY_BASE(excepthandler)
FTPY_BASE(pattern)
FTPY_BASE(type_ignore)
const NodeRow kRows[kNumNodes] = {FTPY_AST_NODES(FTPY_X)};
#undef FTPY_BASE
#undef FTPY_X

// The Python name of a row (without the keyword-avoiding "_" of operator_).
std::string py_name(const NodeRow& r) {
  std::string n = r.name;
  if (n.back() == '_') n.pop_back();
  return n;
}

struct FieldSpec {
  std::string type, name;
  char quant;  // ' ', '?' or '*'
};

// "expr? value, int simple" -> [{expr, value, '?'}, {int, simple, ' '}]
std::vector<FieldSpec> parse_fields(const char* spec) {
  std::vector<FieldSpec> out;
  std::string s = spec ? spec : "";
  size_t i = 0;
  while (i < s.size()) {
    size_t comma = s.find(", ", i);
    std::string part = s.substr(i, comma == std::string::npos ? std::string::npos : comma - i);
    i = comma == std::string::npos ? s.size() : comma + 2;
    size_t sp = part.find(' ');
    FieldSpec f{part.substr(0, sp), part.substr(sp + 1), ' '};
    if (f.type.back() == '?' || f.type.back() == '*') {
      f.quant = f.type.back();
      f.type.pop_back();
    }
    out.push_back(std::move(f));
  }
  return out;
}

// "Name(identifier id, expr_context ctx)" or "Load".
std::string ctor_doc(const NodeRow& r) {
  std::string d = py_name(r);
  if (r.fields && *r.fields) d += std::string("(") + r.fields + ")";
  return d;
}

std::string class_doc(int idx) {
  const NodeRow& r = kRows[idx];
  if (r.fields) return ctor_doc(r);
  // A sum type lists its constructors: "expr = BoolOp(...)\n     | ...",
  // on one line when none has fields ("boolop = And | Or").
  bool simple = true;
  for (int i = 0; i < kNumNodes; i++)
    if (kRows[i].base == idx && *kRows[i].fields) simple = false;
  std::string d = py_name(r) + " = ";
  std::string sep = simple ? " | " : "\n" + std::string(py_name(r).size() + 1, ' ') + "| ";
  bool first = true;
  for (int i = 0; i < kNumNodes; i++) {
    if (kRows[i].base != idx) continue;
    if (!first) d += sep;
    d += ctor_doc(kRows[i]);
    first = false;
  }
  return d;
}

Ref<> names_tuple(const std::vector<FieldSpec>& fs) {
  Ref<Tuple> t = tuple_new(static_cast<int64_t>(fs.size()));
  if (!t) return nullptr;
  for (size_t i = 0; i < fs.size(); i++) {
    Ref<> s = Ref<>(str_intern(fs[i].name));
    tuple_init_item(t.get(), static_cast<int64_t>(i), std::move(s));
  }
  return t;
}

// ---- the AST base type ---------------------------------------------------------

Ref<> ast_tp_new(Type* t, const Value*, size_t, Value) {
  auto* o = alloc_object<AstObject>(t, t->basic_size);
  if (!o) return nullptr;
  Ref<> self = Ref<>::steal(Value(o));
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  o->dict = d.release();
  return self;
}

void ast_dealloc(Object* o) {
  decref(static_cast<AstObject*>(o)->dict);
  free_object(o);
}
void ast_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<AstObject*>(o)->dict, arg); }
void ast_clear(Object* o) {
  auto* a = static_cast<AstObject*>(o);
  Value old = a->dict;
  a->dict = Value();
  decref(old);
}

// Positional arguments fill _fields in order; keywords set any attribute.
int ast_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Type* t = type_of(self);
  if (nargs > 0) {
    Value fields = type_lookup(t, Value(str_intern("_fields")));
    int64_t nf = 0;
    if (fields && is_tuple(fields)) nf = tuple_size(fields);
    if (static_cast<int64_t>(nargs) > nf) {
      err_format(g_TypeError, "%s constructor takes at most %lld positional argument%s", type_name(t),
                 static_cast<long long>(nf), nf == 1 ? "" : "s");
      return -1;
    }
    for (size_t i = 0; i < nargs; i++)
      if (setattr(self, tuple_item(fields, static_cast<int64_t>(i)), args[i]) < 0) return -1;
  }
  if (!kwnames.is_null())
    for (int64_t i = 0; i < tuple_size(kwnames); i++)
      if (setattr(self, tuple_item(kwnames, i), args[nargs + i]) < 0) return -1;
  return 0;
}

// Pickling and copy.copy: rebuild with no arguments, then restore the dict.
Ref<> ast_reduce(Value self, Value*) {
  Value d = self.as<AstObject>()->dict;
  Ref<Tuple> empty = tuple_new(0);
  if (!empty) return nullptr;
  if (d.is_null()) return tuple_pack({Value(type_of(self)), empty.val()});  // cleared by the collector
  return tuple_pack({Value(type_of(self)), empty.val(), d});
}

const MethodDef kAstMethods[] = {
    {"__reduce__($self, /)", ast_reduce, "Return state information for pickling."},
    {nullptr},
};

bool ast_type_init() {
  Type* t = &g_ast_type;
  t->name = "ast.AST";
  t->basic_size = sizeof(AstObject);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->dict_offset = offsetof(AstObject, dict);
  t->tp_new = ast_tp_new;
  t->tp_init = ast_init;
  t->tp_dealloc = ast_dealloc;
  t->tp_traverse = ast_traverse;
  t->tp_clear = ast_clear;
  t->methods = kAstMethods;
  type_ready(t);
  Ref<Tuple> empty = tuple_new(0);
  return empty && dict_set_item_str(t->dict, "_fields", empty.val()) == 0 &&
         dict_set_item_str(t->dict, "_attributes", empty.val()) == 0 &&
         dict_set_item_str(t->dict, "__match_args__", empty.val()) == 0;
}

bool is_singleton_base(int base) {
  return base == static_cast<int>(N::expr_context) || base == static_cast<int>(N::boolop) ||
         base == static_cast<int>(N::operator_) || base == static_cast<int>(N::unaryop) ||
         base == static_cast<int>(N::cmpop);
}

Ref<> make_class(const AstState& s, int idx) {
  const NodeRow& r = kRows[idx];
  Ref<Dict> ns = dict_new();
  Ref<Str> name = str_from_ascii(py_name(r));
  Ref<Str> module = str_from_ascii("ast");
  Ref<Str> doc = str_from_ascii(class_doc(idx));
  if (!ns || !name || !module || !doc) return nullptr;
  std::vector<FieldSpec> fields = parse_fields(r.fields);
  Ref<> ftuple = names_tuple(fields);
  if (!ftuple) return nullptr;
  if (dict_set_item_str(ns.val(), "_fields", ftuple.val()) < 0 ||
      dict_set_item_str(ns.val(), "__match_args__", ftuple.val()) < 0 ||
      dict_set_item_str(ns.val(), "__module__", module.val()) < 0 ||
      dict_set_item_str(ns.val(), "__doc__", doc.val()) < 0)
    return nullptr;
  for (const FieldSpec& f : fields)
    if (f.quant == '?' && dict_set_item_str(ns.val(), f.name.c_str(), none()) < 0) return nullptr;
  if (r.attrs) {
    std::vector<FieldSpec> attrs = parse_fields(r.attrs);
    Ref<> atuple = names_tuple(attrs);
    if (!atuple || dict_set_item_str(ns.val(), "_attributes", atuple.val()) < 0) return nullptr;
    for (const FieldSpec& f : attrs)
      if (f.quant == '?' && dict_set_item_str(ns.val(), f.name.c_str(), none()) < 0) return nullptr;
  }
  Value base = r.base == kAstBase ? s.base : s.cls[r.base];
  Ref<Tuple> bases = tuple_pack({base});
  if (!bases) return nullptr;
  return type_new_from_spec(&g_type_type, name.val(), bases.val(), ns.val(), Value());
}

AstState* build_state() {
  if (!ast_type_init()) return nullptr;
  auto* s = new AstState();
  s->base = Value(&g_ast_type);
  for (int i = 0; i < kNumNodes; i++) {
    Ref<> c = make_class(*s, i);
    if (!c) return nullptr;  // the state leaks: start-up failure only
    s->cls[i] = c.release();  // heap types are immortal (type_new.cpp)
  }
  for (int i = 0; i < kNumNodes; i++) {
    if (!is_singleton_base(kRows[i].base)) continue;
    Ref<> inst = call0(s->cls[i]);
    if (!inst) return nullptr;
    s->singleton[i] = inst.release();  // lives as long as the classes
  }
  return s;
}

Ref<> bad_mode() {
  return err_set_str(g_ValueError, "compile() mode must be 'exec', 'eval', 'single' or 'func_type'");
}

}  // namespace

namespace astmod {

const AstState* ast_state() {
  if (AstState* s = g_state.load(std::memory_order_acquire)) return s;
  Ref<> m = import_module("_ast");
  if (!m) return nullptr;
  return g_state.load(std::memory_order_acquire);
}

}  // namespace astmod

Ref<> ast_module_create() {
  // Runs under the import lock of `_ast`, so only one thread builds the state;
  // a re-import (after del sys.modules['_ast']) reuses it.
  AstState* s = g_state.load(std::memory_order_acquire);
  if (!s) {
    s = build_state();
    if (!s) return nullptr;
    g_state.store(s, std::memory_order_release);
  }
  Ref<> m = module_new("_ast");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "AST", s->base) < 0) return nullptr;
  for (int i = 0; i < kNumNodes; i++)
    if (dict_set_item_str(d, py_name(kRows[i]).c_str(), s->cls[i]) < 0) return nullptr;
  const std::pair<const char*, int> consts[] = {{"PyCF_ONLY_AST", kPyCFOnlyAst},
                                                {"PyCF_TYPE_COMMENTS", kPyCFTypeComments},
                                                {"PyCF_ALLOW_TOP_LEVEL_AWAIT", kPyCFAllowTopLevelAwait}};
  for (const auto& [name, value] : consts) {
    Ref<> v = int_from_int64(value);
    if (!v || dict_set_item_str(d, name, v.val()) < 0) return nullptr;
  }
  return m;
}

bool ast_is_node(Value v) {
  // No node exists before _ast built its classes, so this never imports.
  if (!g_state.load(std::memory_order_acquire)) return false;
  return is_subtype(type_of(v), &g_ast_type);
}

Ref<> ast_parse_to_objects(std::string_view source, std::string_view filename, std::string_view mode) {
  if (mode != "exec" && mode != "eval" && mode != "single" && mode != "func_type") return bad_mode();
  const AstState* s = astmod::ast_state();
  if (!s) return nullptr;
  return astmod::mod_to_objects(*s, source, filename, mode);
}

Ref<> ast_compile_objects(Value tree, std::string_view filename, std::string_view mode, int optimize) {
  if (mode != "exec" && mode != "eval" && mode != "single" && mode != "func_type") return bad_mode();
  const AstState* s = astmod::ast_state();
  if (!s) return nullptr;
  return astmod::compile_objects(*s, tree, filename, mode, optimize);
}

}  // namespace ftpy
