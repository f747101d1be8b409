// The `pyexpat` module: XML parsing over the system libexpat (libexpat1-dev).
// xml.parsers.expat re-exports it; xml.etree.ElementTree, xml.dom.minidom,
// xml.sax, plistlib and xmlrpc run on it from the host's pure-Python library.
//
// Thread safety: everything an xmlparser owns (the XML_Parser, the handler
// table, the character buffer and the options) lives in a ParserState guarded
// by its std::mutex `mu`, whose holder is recorded in `owner` (the holder's
// ThreadState). expat calls the handlers on the thread that runs Parse, which
// holds `mu` for the whole call, so a handler may read and change the parser
// (set another handler, read CurrentLineNumber: ParserLock sees the thread is
// the owner and takes nothing); a second Parse on the owning thread (from a
// handler) raises RuntimeError instead of re-entering expat. Another thread
// that touches the parser while it parses waits for `mu` detached (so a
// stop-the-world never waits on it). Python code runs with `mu` held; that is
// the point of a handler. Handlers are new references stored under `mu`; the
// old value is released after the lock is dropped when a setter replaces one.
#include "modules/pyexpat_module.h"

#include <expat.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <string>
#include <utility>
#include <array>
#include <string_view>
#include <vector>
#include <cstdio>

#include "modules/buffer_util.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

Type* g_expat_error = nullptr;
Type g_xmlparser_type;

// --- the handler table -------------------------------------------------------------
// One row per handler attribute: its Python name and how to switch expat's C
// callback on or off. The callbacks are defined below; X(name) expands to
// the row for `name##Handler`.
#define FTPY_EXPAT_HANDLERS(X)                                                        \
  X(StartElement) X(EndElement) X(ProcessingInstruction) X(CharacterData)            \
  X(UnparsedEntityDecl) X(NotationDecl) X(StartNamespaceDecl) X(EndNamespaceDecl)    \
  X(Comment) X(StartCdataSection) X(EndCdataSection) X(Default) X(DefaultHandlerExpand) \
  X(NotStandalone) X(ExternalEntityRef) X(StartDoctypeDecl) X(EndDoctypeDecl)        \
  X(EntityDecl) X(XmlDecl) X(ElementDecl) X(AttlistDecl) X(SkippedEntity)

enum HandlerIndex : int {
#define FTPY_ROW(n) kH##n,
  FTPY_EXPAT_HANDLERS(FTPY_ROW)
#undef FTPY_ROW
  kNumHandlers
};

struct ParserState {
  std::mutex mu;
  std::atomic<ThreadState*> owner{nullptr};  // holder of mu, for re-entry checks
  XML_Parser parser = nullptr;
  Value handlers[kNumHandlers] = {};  // owned or null; under mu
  Value intern;                        // owned dict or null
  Value parent;                        // owned: the parser an external-entity parser came from
  bool in_parse = false;               // Parse/ParseFile running (on `owner`)
  bool failed = false;                 // a handler raised during this Parse; skip the rest
  bool ordered_attributes = false;
  bool specified_attributes = false;
  bool ns_prefixes = false;
  bool buffer_text = false;
  int64_t buffer_size = 8192;
  std::string buffer;  // pending character data (UTF-8) when buffer_text
};

struct XmlParser : Object {
  ParserState* st;  // owned
};

ParserState* state_of(Value v) { return v.as<XmlParser>()->st; }

// Holds the parser's mutex unless this thread already does (a handler
// touching its own parser). A contended wait happens detached.
class ParserLock {
 public:
  explicit ParserLock(ParserState* st) : st_(st) {
    ThreadState* me = tstate();
    if (st_->owner.load(std::memory_order_acquire) == me) return;  // held by us: re-entry from a handler
    if (!st_->mu.try_lock()) {
      DetachedScope d;
      st_->mu.lock();
    }
    st_->owner.store(me, std::memory_order_release);
    took_ = true;
  }
  ~ParserLock() {
    if (!took_) return;
    st_->owner.store(nullptr, std::memory_order_release);
    st_->mu.unlock();
  }
  ParserLock(const ParserLock&) = delete;
  ParserLock& operator=(const ParserLock&) = delete;

 private:
  ParserState* st_;
  bool took_ = false;
};

// --- conversions -------------------------------------------------------------------

Ref<> text_or_none(const XML_Char* s) {
  if (!s) return new_none();
  return str_from_utf8(s);
}

Ref<> text_len(const XML_Char* s, int len) {
  return str_from_utf8(std::string_view(s, static_cast<size_t>(len)));
}

// Names (elements, attributes, prefixes) go through the intern dict when
// the parser has one, as CPython's parser does.
Ref<> name_text(ParserState* st, const XML_Char* s) {
  if (!s) return new_none();
  Ref<> v = str_from_utf8(s);
  if (!v || !st->intern) return v;
  Ref<> found;
  int r = dict_get_item(st->intern, v.val(), &found);
  if (r < 0) return nullptr;
  if (r > 0) return found;
  if (dict_set_item(st->intern, v.val(), v.val()) < 0) return nullptr;
  return v;
}

// --- calling handlers --------------------------------------------------------------

// Stops the parse after a handler raised: the exception stays pending and the
// remaining callbacks of this Parse are skipped.
void handler_failed(ParserState* st) {
  st->failed = true;
  XML_StopParser(st->parser, XML_FALSE);
}

// The handler for `h` (a new reference) if one is set and no earlier handler failed.
Ref<> handler_for(ParserState* st, int h) {
  if (st->failed || !st->handlers[h]) return nullptr;
  return Ref<>::borrow(st->handlers[h]);
}

Ref<> call_handler(ParserState* st, Value fn, std::initializer_list<Value> args) {
  Ref<> r = call(fn, args.begin(), args.size());
  if (!r) handler_failed(st);
  return r;
}

// A call whose result is not needed (most handlers return None).
void fire(ParserState* st, Value fn, std::initializer_list<Value> args) {
  Ref<> r = call_handler(st, fn, args);
  (void)r;
}

bool flush_buffer(ParserState* st) {
  if (st->buffer.empty()) return true;
  std::string data = std::move(st->buffer);
  st->buffer.clear();
  Ref<> fn = handler_for(st, kHCharacterData);
  if (!fn) return !st->failed;
  Ref<> s = str_from_utf8(data);
  if (!s) {
    handler_failed(st);
    return false;
  }
  return static_cast<bool>(call_handler(st, fn.val(), {s.val()}));
}

// Delivers buffered text when a setter changes the buffering or the
// character handler. An exception goes to the setter's caller; it does not
// mark the parse failed (a handler that sets an attribute may catch it).
bool flush_for_setter(ParserState* st) {
  if (st->buffer.empty()) return true;
  std::string data = std::move(st->buffer);
  st->buffer.clear();
  if (!st->handlers[kHCharacterData]) return true;
  Ref<> fn = Ref<>::borrow(st->handlers[kHCharacterData]);
  Ref<> s = str_from_utf8(data);
  return s && call1(fn.val(), s.val());
}

// Every callback but character data first delivers buffered text, so that
// handlers see events in document order.
bool prologue(ParserState* st) {
  if (st->failed) return false;
  return flush_buffer(st);
}

// Converts results for a handler call; a failed conversion stops the parse.
bool ok(ParserState* st, const Ref<>& v) {
  if (!v) handler_failed(st);
  return static_cast<bool>(v);
}

#define FTPY_CB_BEGIN(h)                      \
  auto* st = static_cast<ParserState*>(ud);   \
  if (!prologue(st)) return;                  \
  Ref<> fn = handler_for(st, h);              \
  if (!fn) return;

void XMLCALL cb_start_element(void* ud, const XML_Char* name, const XML_Char** atts) {
  FTPY_CB_BEGIN(kHStartElement)
  Ref<> n = name_text(st, name);
  if (!ok(st, n)) return;
  int count = 0;
  if (st->specified_attributes) count = XML_GetSpecifiedAttributeCount(st->parser);
  else
    while (atts[count]) count += 2;
  Ref<> attrs;
  if (st->ordered_attributes) attrs = list_new();
  else attrs = dict_new();
  if (!ok(st, attrs)) return;
  for (int i = 0; i < count; i += 2) {
    Ref<> k = name_text(st, atts[i]);
    if (!ok(st, k)) return;
    Ref<> v = str_from_utf8(atts[i + 1]);
    if (!ok(st, v)) return;
    int r = st->ordered_attributes ? (list_append(attrs.val(), k.val()) < 0 ? -1 : list_append(attrs.val(), v.val()))
                                   : dict_set_item(attrs.val(), k.val(), v.val());
    if (r < 0) return handler_failed(st);
  }
  fire(st, fn.val(), {n.val(), attrs.val()});
}

void XMLCALL cb_end_element(void* ud, const XML_Char* name) {
  FTPY_CB_BEGIN(kHEndElement)
  Ref<> n = name_text(st, name);
  if (ok(st, n)) fire(st, fn.val(), {n.val()});
}

void XMLCALL cb_processing_instruction(void* ud, const XML_Char* target, const XML_Char* data) {
  FTPY_CB_BEGIN(kHProcessingInstruction)
  Ref<> t = name_text(st, target), d = text_or_none(data);
  if (ok(st, t) && ok(st, d)) fire(st, fn.val(), {t.val(), d.val()});
}

void XMLCALL cb_character_data(void* ud, const XML_Char* s, int len) {
  auto* st = static_cast<ParserState*>(ud);
  if (st->failed || !st->handlers[kHCharacterData]) return;
  if (st->buffer_text) {
    size_t n = static_cast<size_t>(len);
    if (st->buffer.size() + n > static_cast<size_t>(st->buffer_size) && !flush_buffer(st)) return;
    if (n <= static_cast<size_t>(st->buffer_size)) {
      st->buffer.append(s, n);
      return;
    }
    // Larger than the whole buffer: delivered directly.
  }
  Ref<> fn = handler_for(st, kHCharacterData);
  if (!fn) return;
  Ref<> d = text_len(s, len);
  if (ok(st, d)) fire(st, fn.val(), {d.val()});
}

void XMLCALL cb_unparsed_entity_decl(void* ud, const XML_Char* entity, const XML_Char* base, const XML_Char* sys_id,
                                     const XML_Char* pub_id, const XML_Char* notation) {
  FTPY_CB_BEGIN(kHUnparsedEntityDecl)
  Ref<> a = name_text(st, entity), b = text_or_none(base), c = text_or_none(sys_id), d = text_or_none(pub_id),
        e = name_text(st, notation);
  if (ok(st, a) && ok(st, b) && ok(st, c) && ok(st, d) && ok(st, e))
    fire(st, fn.val(), {a.val(), b.val(), c.val(), d.val(), e.val()});
}

void XMLCALL cb_notation_decl(void* ud, const XML_Char* notation, const XML_Char* base, const XML_Char* sys_id,
                              const XML_Char* pub_id) {
  FTPY_CB_BEGIN(kHNotationDecl)
  Ref<> a = name_text(st, notation), b = text_or_none(base), c = text_or_none(sys_id), d = text_or_none(pub_id);
  if (ok(st, a) && ok(st, b) && ok(st, c) && ok(st, d)) fire(st, fn.val(), {a.val(), b.val(), c.val(), d.val()});
}

void XMLCALL cb_start_namespace_decl(void* ud, const XML_Char* prefix, const XML_Char* uri) {
  FTPY_CB_BEGIN(kHStartNamespaceDecl)
  Ref<> p = name_text(st, prefix), u = text_or_none(uri);
  if (ok(st, p) && ok(st, u)) fire(st, fn.val(), {p.val(), u.val()});
}

void XMLCALL cb_end_namespace_decl(void* ud, const XML_Char* prefix) {
  FTPY_CB_BEGIN(kHEndNamespaceDecl)
  Ref<> p = name_text(st, prefix);
  if (ok(st, p)) fire(st, fn.val(), {p.val()});
}

void XMLCALL cb_comment(void* ud, const XML_Char* data) {
  FTPY_CB_BEGIN(kHComment)
  Ref<> d = text_or_none(data);
  if (ok(st, d)) fire(st, fn.val(), {d.val()});
}

void XMLCALL cb_start_cdata(void* ud) {
  FTPY_CB_BEGIN(kHStartCdataSection)
  fire(st, fn.val(), {});
}

void XMLCALL cb_end_cdata(void* ud) {
  FTPY_CB_BEGIN(kHEndCdataSection)
  fire(st, fn.val(), {});
}

void default_common(void* ud, int h, const XML_Char* s, int len) {
  FTPY_CB_BEGIN(h)
  Ref<> d = text_len(s, len);
  if (ok(st, d)) fire(st, fn.val(), {d.val()});
}
void XMLCALL cb_default(void* ud, const XML_Char* s, int len) { default_common(ud, kHDefault, s, len); }
void XMLCALL cb_default_expand(void* ud, const XML_Char* s, int len) {
  default_common(ud, kHDefaultHandlerExpand, s, len);
}

// Returning 0 makes expat report XML_ERROR_NOT_STANDALONE.
int XMLCALL cb_not_standalone(void* ud) {
  auto* st = static_cast<ParserState*>(ud);
  if (!prologue(st)) return 0;
  Ref<> fn = handler_for(st, kHNotStandalone);
  if (!fn) return 1;
  Ref<> r = call_handler(st, fn.val(), {});
  if (!r) return 0;
  int64_t v = 0;
  if (!to_int64(r.val(), &v)) {
    handler_failed(st);
    return 0;
  }
  return static_cast<int>(v);
}

// expat's first argument is the parser; its user data is ours.
int XMLCALL cb_external_entity_ref(XML_Parser p, const XML_Char* context, const XML_Char* base,
                                   const XML_Char* sys_id, const XML_Char* pub_id) {
  auto* st = static_cast<ParserState*>(XML_GetUserData(p));
  if (!prologue(st)) return XML_STATUS_ERROR;
  Ref<> fn = handler_for(st, kHExternalEntityRef);
  if (!fn) return XML_STATUS_OK;
  Ref<> a = text_or_none(context), b = text_or_none(base), c = text_or_none(sys_id), d = text_or_none(pub_id);
  if (!ok(st, a) || !ok(st, b) || !ok(st, c) || !ok(st, d)) return XML_STATUS_ERROR;
  Ref<> r = call_handler(st, fn.val(), {a.val(), b.val(), c.val(), d.val()});
  if (!r) return XML_STATUS_ERROR;
  int64_t v = 0;
  if (!to_int64(r.val(), &v)) {
    handler_failed(st);
    return XML_STATUS_ERROR;
  }
  return static_cast<int>(v);
}

void XMLCALL cb_start_doctype(void* ud, const XML_Char* name, const XML_Char* sys_id, const XML_Char* pub_id,
                              int has_internal_subset) {
  FTPY_CB_BEGIN(kHStartDoctypeDecl)
  Ref<> a = name_text(st, name), b = text_or_none(sys_id), c = text_or_none(pub_id);
  Ref<> d = int_from_int64(has_internal_subset);
  if (ok(st, a) && ok(st, b) && ok(st, c) && ok(st, d)) fire(st, fn.val(), {a.val(), b.val(), c.val(), d.val()});
}

void XMLCALL cb_end_doctype(void* ud) {
  FTPY_CB_BEGIN(kHEndDoctypeDecl)
  fire(st, fn.val(), {});
}

void XMLCALL cb_entity_decl(void* ud, const XML_Char* name, int is_param, const XML_Char* value, int value_len,
                            const XML_Char* base, const XML_Char* sys_id, const XML_Char* pub_id,
                            const XML_Char* notation) {
  FTPY_CB_BEGIN(kHEntityDecl)
  Ref<> a = name_text(st, name);
  Ref<> b = int_from_int64(is_param);
  Ref<> c = value ? text_len(value, value_len) : new_none();
  Ref<> d = text_or_none(base), e = text_or_none(sys_id), f = text_or_none(pub_id), g = name_text(st, notation);
  if (ok(st, a) && ok(st, c) && ok(st, d) && ok(st, e) && ok(st, f) && ok(st, g))
    fire(st, fn.val(), {a.val(), b.val(), c.val(), d.val(), e.val(), f.val(), g.val()});
}

void XMLCALL cb_xml_decl(void* ud, const XML_Char* version, const XML_Char* encoding, int standalone) {
  FTPY_CB_BEGIN(kHXmlDecl)
  Ref<> a = text_or_none(version), b = text_or_none(encoding);
  Ref<> c = int_from_int64(standalone);
  if (ok(st, a) && ok(st, b) && ok(st, c)) fire(st, fn.val(), {a.val(), b.val(), c.val()});
}

// A content model as CPython gives it: (type, quant, name or None, children tuple).
Ref<> content_model(ParserState* st, const XML_Content* m) {
  Ref<Tuple> kids = tuple_new(m->numchildren);
  if (!kids) return nullptr;
  for (unsigned i = 0; i < m->numchildren; ++i) {
    Ref<> k = content_model(st, &m->children[i]);
    if (!k) return nullptr;
    tuple_init_item(kids.get(), i, std::move(k));
  }
  Ref<> type = int_from_int64(m->type), quant = int_from_int64(m->quant);
  Ref<> name = name_text(st, m->name);
  if (!type || !quant || !name) return nullptr;
  return tuple_pack({type.val(), quant.val(), name.val(), kids.val()});
}

void XMLCALL cb_element_decl(void* ud, const XML_Char* name, XML_Content* model) {
  auto* st = static_cast<ParserState*>(ud);
  Ref<> fn = prologue(st) ? handler_for(st, kHElementDecl) : Ref<>();
  if (fn) {
    Ref<> n = name_text(st, name);
    Ref<> m = n ? content_model(st, model) : Ref<>();
    if (ok(st, n) && ok(st, m)) fire(st, fn.val(), {n.val(), m.val()});
  }
  XML_FreeContentModel(st->parser, model);
}

void XMLCALL cb_attlist_decl(void* ud, const XML_Char* elname, const XML_Char* attname, const XML_Char* att_type,
                             const XML_Char* dflt, int is_required) {
  FTPY_CB_BEGIN(kHAttlistDecl)
  Ref<> a = name_text(st, elname), b = name_text(st, attname), c = text_or_none(att_type), d = text_or_none(dflt);
  Ref<> e = int_from_int64(is_required);
  if (ok(st, a) && ok(st, b) && ok(st, c) && ok(st, d) && ok(st, e))
    fire(st, fn.val(), {a.val(), b.val(), c.val(), d.val(), e.val()});
}

void XMLCALL cb_skipped_entity(void* ud, const XML_Char* name, int is_param) {
  FTPY_CB_BEGIN(kHSkippedEntity)
  Ref<> a = name_text(st, name);
  Ref<> b = int_from_int64(is_param);
  if (ok(st, a) && ok(st, b)) fire(st, fn.val(), {a.val(), b.val()});
}

#undef FTPY_CB_BEGIN

// Switches expat's callback for handler `h` on or off.
void install(XML_Parser p, int h, bool on) {
  switch (h) {
    case kHStartElement: XML_SetStartElementHandler(p, on ? cb_start_element : nullptr); break;
    case kHEndElement: XML_SetEndElementHandler(p, on ? cb_end_element : nullptr); break;
    case kHProcessingInstruction:
      XML_SetProcessingInstructionHandler(p, on ? cb_processing_instruction : nullptr);
      break;
    case kHCharacterData: XML_SetCharacterDataHandler(p, on ? cb_character_data : nullptr); break;
    case kHUnparsedEntityDecl: XML_SetUnparsedEntityDeclHandler(p, on ? cb_unparsed_entity_decl : nullptr); break;
    case kHNotationDecl: XML_SetNotationDeclHandler(p, on ? cb_notation_decl : nullptr); break;
    case kHStartNamespaceDecl: XML_SetStartNamespaceDeclHandler(p, on ? cb_start_namespace_decl : nullptr); break;
    case kHEndNamespaceDecl: XML_SetEndNamespaceDeclHandler(p, on ? cb_end_namespace_decl : nullptr); break;
    case kHComment: XML_SetCommentHandler(p, on ? cb_comment : nullptr); break;
    case kHStartCdataSection: XML_SetStartCdataSectionHandler(p, on ? cb_start_cdata : nullptr); break;
    case kHEndCdataSection: XML_SetEndCdataSectionHandler(p, on ? cb_end_cdata : nullptr); break;
    // XML_SetDefaultHandler also turns off the expansion of internal entities.
    case kHDefault: XML_SetDefaultHandler(p, on ? cb_default : nullptr); break;
    case kHDefaultHandlerExpand: XML_SetDefaultHandlerExpand(p, on ? cb_default_expand : nullptr); break;
    case kHNotStandalone: XML_SetNotStandaloneHandler(p, on ? cb_not_standalone : nullptr); break;
    case kHExternalEntityRef: XML_SetExternalEntityRefHandler(p, on ? cb_external_entity_ref : nullptr); break;
    case kHStartDoctypeDecl: XML_SetStartDoctypeDeclHandler(p, on ? cb_start_doctype : nullptr); break;
    case kHEndDoctypeDecl: XML_SetEndDoctypeDeclHandler(p, on ? cb_end_doctype : nullptr); break;
    case kHEntityDecl: XML_SetEntityDeclHandler(p, on ? cb_entity_decl : nullptr); break;
    case kHXmlDecl: XML_SetXmlDeclHandler(p, on ? cb_xml_decl : nullptr); break;
    case kHElementDecl: XML_SetElementDeclHandler(p, on ? cb_element_decl : nullptr); break;
    case kHAttlistDecl: XML_SetAttlistDeclHandler(p, on ? cb_attlist_decl : nullptr); break;
    case kHSkippedEntity: XML_SetSkippedEntityHandler(p, on ? cb_skipped_entity : nullptr); break;
    default: break;
  }
}

// --- errors ------------------------------------------------------------------------

// ExpatError("<message>: line L, column C") with code, lineno and offset.
std::nullptr_t raise_expat_error(XML_Parser p, XML_Error code) {
  long line = static_cast<long>(XML_GetErrorLineNumber(p));
  long col = static_cast<long>(XML_GetErrorColumnNumber(p));
  const XML_LChar* msg = XML_ErrorString(code);
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s: line %ld, column %ld", msg ? msg : "unknown error", line, col);
  Ref<> text = str_from_utf8(buf);
  if (!text) return nullptr;
  Ref<> exc = call1(Value(g_expat_error), text.val());
  if (!exc) return nullptr;
  Ref<> c = int_from_int64(code), l = int_from_int64(line), o = int_from_int64(col);
  if (!c || !l || !o || setattr(exc.val(), "code", c.val()) < 0 || setattr(exc.val(), "lineno", l.val()) < 0 ||
      setattr(exc.val(), "offset", o.val()) < 0)
    return nullptr;
  return err_set_instance(exc.val());
}

// --- the xmlparser type ------------------------------------------------------------

void parser_dealloc(Object* o) {
  ParserState* st = static_cast<XmlParser*>(o)->st;
  if (!st) return free_object(o);
  if (st->parser) XML_ParserFree(st->parser);
  for (Value& h : st->handlers) decref(h);
  decref(st->intern);
  decref(st->parent);  // after the free: a child parser uses its parent's tables
  delete st;
  free_object(o);
}

void parser_traverse(Object* o, VisitFn visit, void* arg) {
  ParserState* st = static_cast<XmlParser*>(o)->st;
  if (!st) return;
  for (Value h : st->handlers)
    if (h) visit(h, arg);
  if (st->intern) visit(st->intern, arg);
  if (st->parent) visit(st->parent, arg);
}

void parser_clear(Object* o) {
  ParserState* st = static_cast<XmlParser*>(o)->st;
  if (!st) return;
  for (Value& h : st->handlers) {
    Value old = h;
    h = Value();
    decref(old);
  }
  Value old = st->intern;
  st->intern = Value();
  decref(old);
}

// xmlparser objects come only from ParserCreate/ExternalEntityParserCreate.
Ref<> parser_no_new(Type* t, const Value*, size_t, Value) {
  return err_format(g_TypeError, "cannot create '%s' instances", t->name);
}

Ref<> new_parser(ParserState** out) {
  auto* o = alloc_object<XmlParser>(&g_xmlparser_type);
  if (!o) return nullptr;
  o->st = new ParserState();
  *out = o->st;
  return Ref<>::steal(Value(o));
}

Ref<> pyexpat_parser_create(Value, Value* args) {
  std::string encoding, sep;
  bool has_enc = !is_none(args[0]), has_sep = !is_none(args[1]);
  if (has_enc) {
    if (!is_str(args[0]))
      return err_format(g_TypeError, "ParserCreate() argument 'encoding' must be str or None, not %s",
                        type_of(args[0])->name);
    if (!str_utf8_strict(args[0].as<Str>(), &encoding)) return nullptr;
  }
  if (has_sep) {
    if (!is_str(args[1]))
      return err_format(g_TypeError, "ParserCreate() argument 'namespace_separator' must be str or None, not %s",
                        type_of(args[1])->name);
    if (!str_utf8_strict(args[1].as<Str>(), &sep)) return nullptr;
    if (args[1].as<Str>()->length > 1)
      return err_set_str(g_ValueError, "namespace_separator must be at most one character, omitted, or None");
  }
  Value intern = args[2];
  Ref<> own_intern;
  if (intern.is_null()) {
    own_intern = dict_new();
    if (!own_intern) return nullptr;
    intern = own_intern.val();
  } else if (is_none(intern)) {
    intern = Value();
  } else if (!is_dict(intern)) {
    return err_set_str(g_TypeError, "intern must be a dictionary");
  }
  ParserState* st;
  Ref<> obj = new_parser(&st);
  if (!obj) return nullptr;
  const XML_Char* enc = has_enc ? encoding.c_str() : nullptr;
  // An empty separator still makes a namespace-aware parser (names joined with "").
  st->parser = has_sep ? XML_ParserCreateNS(enc, sep.empty() ? '\0' : sep[0]) : XML_ParserCreate(enc);
  if (!st->parser) return err_set_str(g_MemoryError, "XML_ParserCreate failed");
  XML_SetUserData(st->parser, st);
  if (intern) st->intern = Ref<>::borrow(intern).release();
  return obj;
}

// Runs one XML_Parse with the lock held; returns 1 or raises.
Ref<> parse_locked(ParserState* st, const char* data, size_t len, bool final) {
  st->failed = false;
  int rc = XML_STATUS_OK;
  // XML_Parse takes an int length: feed big inputs in pieces.
  constexpr size_t kPiece = 1u << 30;
  do {
    size_t n = std::min(len, kPiece);
    bool last = final && n == len;
    rc = XML_Parse(st->parser, data, static_cast<int>(n), last);
    data += n;
    len -= n;
  } while (rc != XML_STATUS_ERROR && len > 0);
  if (st->failed) {
    st->buffer.clear();
    return nullptr;
  }
  if (rc == XML_STATUS_ERROR) return raise_expat_error(st->parser, XML_GetErrorCode(st->parser));
  if (!flush_buffer(st)) return nullptr;
  return int_from_int64(rc);
}

// Marks a Parse as running so that a handler calling Parse again is refused.
class ParseScope {
 public:
  explicit ParseScope(ParserState* st) : st_(st) { st_->in_parse = true; }
  ~ParseScope() { st_->in_parse = false; }
  ParseScope(const ParseScope&) = delete;
  ParseScope& operator=(const ParseScope&) = delete;

 private:
  ParserState* st_;
};

Ref<> parser_parse(Value self, Value* args) {
  std::string data;
  bool is_text = is_str(args[0]);
  if (is_text) {
    if (!str_utf8_strict(args[0].as<Str>(), &data)) return nullptr;
  } else if (!module_buffer_or_error(args[0], &data)) {
    return nullptr;
  }
  int final = 0;
  if (!args[1].is_null()) {
    final = truthy(args[1]);
    if (final < 0) return nullptr;
  }
  ParserState* st = state_of(self);
  ParserLock lock(st);
  if (st->in_parse) return err_set_str(g_RuntimeError, "cannot call Parse() from a handler");
  ParseScope scope(st);
  if (is_text) XML_SetEncoding(st->parser, "utf-8");
  return parse_locked(st, data.data(), data.size(), final != 0);
}

Ref<> parser_parse_file(Value self, Value* args) {
  Ref<> read = getattr(args[0], "read");
  if (!read) {
    if (err_matches(g_AttributeError)) {
      err_clear();
      return err_set_str(g_TypeError, "argument must have 'read' attribute");
    }
    return nullptr;
  }
  ParserState* st = state_of(self);
  ParserLock lock(st);
  if (st->in_parse) return err_set_str(g_RuntimeError, "cannot call ParseFile() from a handler");
  ParseScope scope(st);
  Ref<> size = int_from_int64(64 * 1024);
  if (!size) return nullptr;
  for (;;) {
    Ref<> chunk = call1(read.val(), size.val());
    if (!chunk) return nullptr;
    std::string data;
    if (is_bytes(chunk.val())) {
      data.assign(reinterpret_cast<const char*>(bytes_data(chunk.val())), static_cast<size_t>(bytes_size(chunk.val())));
    } else if (is_str(chunk.val())) {
      if (!str_utf8_strict(chunk.val().as<Str>(), &data)) return nullptr;
      XML_SetEncoding(st->parser, "utf-8");
    } else {
      return err_format(g_TypeError, "read() did not return a bytes object (type=%.400s)", type_of(chunk.val())->name);
    }
    Ref<> r = parse_locked(st, data.data(), data.size(), data.empty());
    if (!r) return nullptr;
    if (data.empty()) return r;
  }
}

Ref<> parser_set_base(Value self, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "SetBase() argument must be str, not %s", type_of(args[0])->name);
  std::string base;
  if (!str_utf8_strict(args[0].as<Str>(), &base)) return nullptr;
  ParserState* st = state_of(self);
  ParserLock lock(st);
  if (!XML_SetBase(st->parser, base.c_str())) return err_no_memory();
  return new_none();
}

Ref<> parser_get_base(Value self, Value*) {
  ParserState* st = state_of(self);
  ParserLock lock(st);
  return text_or_none(XML_GetBase(st->parser));
}

// The bytes around the current event, while a handler runs; else None.
Ref<> parser_get_input_context(Value self, Value*) {
  ParserState* st = state_of(self);
  ParserLock lock(st);
  if (!st->in_parse) return new_none();
  int offset = 0, size = 0;
  const char* buf = XML_GetInputContext(st->parser, &offset, &size);
  if (!buf) return new_none();
  return bytes_from(buf + offset, static_cast<size_t>(size - offset));
}

Ref<> parser_external_entity_parser_create(Value self, Value* args) {
  std::string context, encoding;
  bool has_ctx = !is_none(args[0]);
  if (has_ctx) {
    if (!is_str(args[0]))
      return err_format(g_TypeError, "ExternalEntityParserCreate() argument 1 must be str or None, not %s",
                        type_of(args[0])->name);
    if (!str_utf8_strict(args[0].as<Str>(), &context)) return nullptr;
  }
  bool has_enc = !args[1].is_null() && !is_none(args[1]);
  if (has_enc) {
    if (!is_str(args[1]))
      return err_format(g_TypeError, "ExternalEntityParserCreate() argument 2 must be str, not %s",
                        type_of(args[1])->name);
    if (!str_utf8_strict(args[1].as<Str>(), &encoding)) return nullptr;
  }
  ParserState* parent = state_of(self);
  ParserState* st;
  Ref<> obj = new_parser(&st);
  if (!obj) return nullptr;
  ParserLock lock(parent);
  st->parser = XML_ExternalEntityParserCreate(parent->parser, has_ctx ? context.c_str() : nullptr,
                                              has_enc ? encoding.c_str() : nullptr);
  if (!st->parser) return err_no_memory();
  XML_SetUserData(st->parser, st);
  st->parent = Ref<>::borrow(self).release();
  if (parent->intern) st->intern = Ref<>::borrow(parent->intern).release();
  st->ordered_attributes = parent->ordered_attributes;
  st->specified_attributes = parent->specified_attributes;
  st->buffer_text = parent->buffer_text;
  st->buffer_size = parent->buffer_size;
  // The child starts with the parent's handlers, as in CPython.
  for (int h = 0; h < kNumHandlers; ++h) {
    if (!parent->handlers[h]) continue;
    st->handlers[h] = Ref<>::borrow(parent->handlers[h]).release();
    install(st->parser, h, true);
  }
  return obj;
}

Ref<> parser_set_param_entity_parsing(Value self, Value* args) {
  int64_t flag;
  if (!to_int64(args[0], &flag)) return nullptr;
  ParserState* st = state_of(self);
  ParserLock lock(st);
  return int_from_int64(XML_SetParamEntityParsing(st->parser, static_cast<XML_ParamEntityParsing>(flag)));
}

Ref<> parser_use_foreign_dtd(Value self, Value* args) {
  int flag = 1;
  if (!args[0].is_null()) {
    flag = truthy(args[0]);
    if (flag < 0) return nullptr;
  }
  ParserState* st = state_of(self);
  ParserLock lock(st);
  XML_Error rc = XML_UseForeignDTD(st->parser, flag ? XML_TRUE : XML_FALSE);
  if (rc != XML_ERROR_NONE) return raise_expat_error(st->parser, rc);
  return new_none();
}

// --- attributes ----------------------------------------------------------------------

template <int H>
Ref<> handler_get(Value self) {
  ParserState* st = state_of(self);
  ParserLock lock(st);
  Value h = st->handlers[H];
  return h ? Ref<>::borrow(h) : new_none();
}

template <int H>
int handler_set(Value self, Value v) {
  if (!v) {
    err_set_str(g_RuntimeError, "Cannot delete attribute");
    return -1;
  }
  ParserState* st = state_of(self);
  Value old;
  {
    ParserLock lock(st);
    // Text buffered for the old character handler goes to it first.
    if (H == kHCharacterData && !flush_for_setter(st)) return -1;
    bool on = !is_none(v);
    old = st->handlers[H];
    st->handlers[H] = on ? Ref<>::borrow(v).release() : Value();
    install(st->parser, H, on);
  }
  decref(old);
  return 0;
}

int bool_attr(Value v, bool* out) {
  int t = truthy(v);
  if (t < 0) return -1;
  *out = t != 0;
  return 0;
}

#define FTPY_BOOL_ATTR(field)                                 \
  Ref<> get_##field(Value self) {                             \
    ParserState* st = state_of(self);                         \
    ParserLock lock(st);                                      \
    return new_bool(st->field);                               \
  }                                                           \
  int set_##field(Value self, Value v) {                      \
    if (!v) {                                                 \
      err_set_str(g_RuntimeError, "Cannot delete attribute"); \
      return -1;                                              \
    }                                                         \
    bool b;                                                   \
    if (bool_attr(v, &b) < 0) return -1;                      \
    ParserState* st = state_of(self);                         \
    ParserLock lock(st);                                      \
    st->field = b;                                            \
    return 0;                                                 \
  }
FTPY_BOOL_ATTR(ordered_attributes)
FTPY_BOOL_ATTR(specified_attributes)
#undef FTPY_BOOL_ATTR

Ref<> get_namespace_prefixes(Value self) {
  ParserState* st = state_of(self);
  ParserLock lock(st);
  return new_bool(st->ns_prefixes);
}
int set_namespace_prefixes(Value self, Value v) {
  if (!v) {
    err_set_str(g_RuntimeError, "Cannot delete attribute");
    return -1;
  }
  bool b;
  if (bool_attr(v, &b) < 0) return -1;
  ParserState* st = state_of(self);
  ParserLock lock(st);
  st->ns_prefixes = b;
  XML_SetReturnNSTriplet(st->parser, b);
  return 0;
}

Ref<> get_buffer_text(Value self) {
  ParserState* st = state_of(self);
  ParserLock lock(st);
  return new_bool(st->buffer_text);
}
int set_buffer_text(Value self, Value v) {
  if (!v) {
    err_set_str(g_RuntimeError, "Cannot delete attribute");
    return -1;
  }
  bool b;
  if (bool_attr(v, &b) < 0) return -1;
  ParserState* st = state_of(self);
  ParserLock lock(st);
  if (!b && !flush_for_setter(st)) return -1;
  st->buffer_text = b;
  return 0;
}

Ref<> get_buffer_size(Value self) {
  ParserState* st = state_of(self);
  ParserLock lock(st);
  return int_from_int64(st->buffer_size);
}
int set_buffer_size(Value self, Value v) {
  if (!v) {
    err_set_str(g_RuntimeError, "Cannot delete attribute");
    return -1;
  }
  if (!is_int(v)) {
    err_set_str(g_TypeError, "buffer_size must be an integer");
    return -1;
  }
  int64_t n;
  if (!to_int64(v, &n)) return -1;
  if (n <= 0) {
    err_set_str(g_ValueError, "buffer_size must be greater than zero");
    return -1;
  }
  if (n > INT32_MAX) {
    err_format(g_ValueError, "buffer_size must not be greater than %d", INT32_MAX);
    return -1;
  }
  ParserState* st = state_of(self);
  ParserLock lock(st);
  if (!flush_for_setter(st)) return -1;
  st->buffer_size = n;
  return 0;
}

Ref<> get_buffer_used(Value self) {
  ParserState* st = state_of(self);
  ParserLock lock(st);
  return int_from_int64(static_cast<int64_t>(st->buffer.size()));
}

Ref<> get_intern(Value self) {
  ParserState* st = state_of(self);
  ParserLock lock(st);
  return st->intern ? Ref<>::borrow(st->intern) : new_none();
}

template <typename Fn>
Ref<> position(Value self, Fn fn) {
  ParserState* st = state_of(self);
  ParserLock lock(st);
  return int_from_int64(static_cast<int64_t>(fn(st->parser)));
}
Ref<> get_error_code(Value self) { return position(self, XML_GetErrorCode); }
Ref<> get_error_line(Value self) { return position(self, XML_GetCurrentLineNumber); }
Ref<> get_error_column(Value self) { return position(self, XML_GetCurrentColumnNumber); }
Ref<> get_error_byte_index(Value self) { return position(self, XML_GetCurrentByteIndex); }

const MethodDef kParserMethods[] = {
    {"Parse($self, data, isfinal=False, /)", parser_parse, "Parse XML data."},
    {"ParseFile($self, file, /)", parser_parse_file, "Parse XML data from file-like object."},
    {"SetBase($self, base, /)", parser_set_base, "Set the base URL for the parser."},
    {"GetBase($self, /)", parser_get_base, "Return base URL string for the parser."},
    {"GetInputContext($self, /)", parser_get_input_context, "Return the untranslated text of the input that caused the current event."},
    {"ExternalEntityParserCreate($self, context, encoding=?, /)", parser_external_entity_parser_create,
     "Create a parser for parsing an external entity based on the information passed to the ExternalEntityRefHandler."},
    {"SetParamEntityParsing($self, flag, /)", parser_set_param_entity_parsing, "Controls parsing of parameter entities (including the external DTD subset)."},
    {"UseForeignDTD($self, flag=?, /)", parser_use_foreign_dtd, "Allows the application to provide an artificial external subset if one is not specified as part of the document instance."},
    {nullptr}};

constexpr const char* kHandlerNames[] = {
// DefaultHandlerExpand is the one attribute whose name does not end in "Handler".
#define FTPY_ROW(n) (std::string_view(#n) == "DefaultHandlerExpand" ? #n : #n "Handler"),
    FTPY_EXPAT_HANDLERS(FTPY_ROW)
#undef FTPY_ROW
};

template <size_t... I>
constexpr auto handler_getsets(std::index_sequence<I...>) {
  return std::array<GetSetDef, sizeof...(I)>{
      GetSetDef{kHandlerNames[I], handler_get<static_cast<int>(I)>, handler_set<static_cast<int>(I)>, nullptr}...};
}

std::vector<GetSetDef>* g_parser_getsets = nullptr;

void build_getsets() {
  auto* v = new std::vector<GetSetDef>();
  for (const GetSetDef& g : handler_getsets(std::make_index_sequence<kNumHandlers>())) v->push_back(g);
  const GetSetDef rest[] = {
      {"ordered_attributes", get_ordered_attributes, set_ordered_attributes, nullptr},
      {"specified_attributes", get_specified_attributes, set_specified_attributes, nullptr},
      {"namespace_prefixes", get_namespace_prefixes, set_namespace_prefixes, nullptr},
      {"buffer_text", get_buffer_text, set_buffer_text, nullptr},
      {"buffer_size", get_buffer_size, set_buffer_size, nullptr},
      {"buffer_used", get_buffer_used, nullptr, nullptr},
      {"intern", get_intern, nullptr, nullptr},
      {"ErrorCode", get_error_code, nullptr, nullptr},
      {"ErrorLineNumber", get_error_line, nullptr, nullptr},
      {"ErrorColumnNumber", get_error_column, nullptr, nullptr},
      {"ErrorByteIndex", get_error_byte_index, nullptr, nullptr},
      {"CurrentLineNumber", get_error_line, nullptr, nullptr},
      {"CurrentColumnNumber", get_error_column, nullptr, nullptr},
      {"CurrentByteIndex", get_error_byte_index, nullptr, nullptr},
  };
  for (const GetSetDef& g : rest) v->push_back(g);
  v->push_back(GetSetDef{nullptr, nullptr, nullptr, nullptr});
  g_parser_getsets = v;
}

// --- module functions ----------------------------------------------------------------

Ref<> pyexpat_error_string(Value, Value* args) {
  int64_t code;
  if (!to_int64(args[0], &code)) return nullptr;
  const XML_LChar* s = XML_ErrorString(static_cast<XML_Error>(code));
  return text_or_none(s);
}

const MethodDef kPyexpatFunctions[] = {
    {"ParserCreate(encoding=None, namespace_separator=None, intern=?)", pyexpat_parser_create,
     "Return a new XML parser object."},
    {"ErrorString(code, /)", pyexpat_error_string, "Returns string error for given number."},
    {nullptr}};

// expat's error names in enum order: the code of kErrorNames[i] is i + 1.
const char* const kErrorNames[] = {
    "XML_ERROR_NO_MEMORY", "XML_ERROR_SYNTAX", "XML_ERROR_NO_ELEMENTS", "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_PARTIAL_CHAR", "XML_ERROR_TAG_MISMATCH", "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "XML_ERROR_PARAM_ENTITY_REF", "XML_ERROR_UNDEFINED_ENTITY",
    "XML_ERROR_RECURSIVE_ENTITY_REF", "XML_ERROR_ASYNC_ENTITY", "XML_ERROR_BAD_CHAR_REF",
    "XML_ERROR_BINARY_ENTITY_REF", "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF", "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING", "XML_ERROR_INCORRECT_ENCODING", "XML_ERROR_UNCLOSED_CDATA_SECTION",
    "XML_ERROR_EXTERNAL_ENTITY_HANDLING", "XML_ERROR_NOT_STANDALONE", "XML_ERROR_UNEXPECTED_STATE",
    "XML_ERROR_ENTITY_DECLARED_IN_PE", "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
    "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING", "XML_ERROR_UNBOUND_PREFIX", "XML_ERROR_UNDECLARING_PREFIX",
    "XML_ERROR_INCOMPLETE_PE", "XML_ERROR_XML_DECL", "XML_ERROR_TEXT_DECL", "XML_ERROR_PUBLICID",
    "XML_ERROR_SUSPENDED", "XML_ERROR_NOT_SUSPENDED", "XML_ERROR_ABORTED", "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE", "XML_ERROR_RESERVED_PREFIX_XML", "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI", "XML_ERROR_INVALID_ARGUMENT", "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
};

int set_int(Value d, const char* name, int64_t v) {
  Ref<> i = int_from_int64(v);
  return i ? dict_set_item_str(d, name, i.val()) : -1;
}

int set_text(Value d, const char* name, const char* v) {
  Ref<> s = str_from_utf8(v);
  return s ? dict_set_item_str(d, name, s.val()) : -1;
}

Ref<> make_errors_module() {
  Ref<> m = module_new("pyexpat.errors");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  if (set_text(d, "__doc__", "Constants used to describe error conditions.") < 0) return nullptr;
  Ref<Dict> codes = dict_new(), messages = dict_new();
  if (!codes || !messages) return nullptr;
  int code = 1;
  for (const char* name : kErrorNames) {
    const XML_LChar* msg = XML_ErrorString(static_cast<XML_Error>(code));
    Ref<> s = str_from_utf8(msg ? msg : "");
    Ref<> c = int_from_int64(code);
    if (!s || !c || dict_set_item_str(d, name, s.val()) < 0 || dict_set_item(codes.val(), s.val(), c.val()) < 0 ||
        dict_set_item(messages.val(), c.val(), s.val()) < 0)
      return nullptr;
    ++code;
  }
  if (dict_set_item_str(d, "codes", codes.val()) < 0 || dict_set_item_str(d, "messages", messages.val()) < 0)
    return nullptr;
  return m;
}

Ref<> make_model_module() {
  Ref<> m = module_new("pyexpat.model");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  if (set_text(d, "__doc__", "Constants used to interpret content model information.") < 0) return nullptr;
  const std::pair<const char*, int> kModel[] = {
      {"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY}, {"XML_CTYPE_ANY", XML_CTYPE_ANY},   {"XML_CTYPE_MIXED", XML_CTYPE_MIXED},
      {"XML_CTYPE_NAME", XML_CTYPE_NAME},   {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
      {"XML_CQUANT_NONE", XML_CQUANT_NONE}, {"XML_CQUANT_OPT", XML_CQUANT_OPT},  {"XML_CQUANT_REP", XML_CQUANT_REP},
      {"XML_CQUANT_PLUS", XML_CQUANT_PLUS},
  };
  for (const auto& [name, v] : kModel)
    if (set_int(d, name, v) < 0) return nullptr;
  return m;
}

bool g_types_ok = false;

void pyexpat_init_once() {
  build_getsets();
  Type* t = &g_xmlparser_type;
  t->name = "pyexpat.xmlparser";
  t->basic_size = sizeof(XmlParser);
  t->flags = kTypeHasGc;
  t->tp_new = parser_no_new;
  t->tp_dealloc = parser_dealloc;
  t->tp_traverse = parser_traverse;
  t->tp_clear = parser_clear;
  t->methods = kParserMethods;
  t->getsets = g_parser_getsets->data();
  t->doc = "XML parser";
  type_ready(t);
  Ref<Str> n = str_from_ascii("ExpatError");
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("xml.parsers.expat");
  if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return;
  Ref<Tuple> bases = tuple_pack({Value(g_Exception)});
  if (!bases) return;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (!cls) return;
  g_expat_error = cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
  g_types_ok = true;
}

}  // namespace

Ref<> pyexpat_module_create() {
  static std::once_flag once;
  std::call_once(once, pyexpat_init_once);
  if (!g_types_ok) return err_set_str(g_SystemError, "pyexpat: cannot create the module's types");
  Ref<> m = module_new("pyexpat");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kPyexpatFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "ExpatError", Value(g_expat_error)) < 0 ||
      dict_set_item_str(d, "error", Value(g_expat_error)) < 0 ||
      dict_set_item_str(d, "XMLParserType", Value(&g_xmlparser_type)) < 0)
    return nullptr;
  XML_Expat_Version v = XML_ExpatVersionInfo();
  Ref<> ma = int_from_int64(v.major), mi = int_from_int64(v.minor), mc = int_from_int64(v.micro);
  if (!ma || !mi || !mc) return nullptr;
  Ref<Tuple> vi = tuple_pack({ma.val(), mi.val(), mc.val()});
  if (!vi || dict_set_item_str(d, "version_info", vi.val()) < 0) return nullptr;
  if (set_text(d, "EXPAT_VERSION", XML_ExpatVersion()) < 0 || set_text(d, "native_encoding", "UTF-8") < 0) return nullptr;
  if (set_int(d, "XML_PARAM_ENTITY_PARSING_NEVER", XML_PARAM_ENTITY_PARSING_NEVER) < 0 ||
      set_int(d, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE) < 0 ||
      set_int(d, "XML_PARAM_ENTITY_PARSING_ALWAYS", XML_PARAM_ENTITY_PARSING_ALWAYS) < 0)
    return nullptr;
  Ref<List> features = list_new();
  if (!features) return nullptr;
  for (const XML_Feature* f = XML_GetFeatureList(); f && f->feature != XML_FEATURE_END; ++f) {
    Ref<> name = str_from_utf8(f->name);
    Ref<> val = int_from_int64(f->value);
    if (!name || !val) return nullptr;
    Ref<Tuple> pair = tuple_pack({name.val(), val.val()});
    if (!pair || list_append(features.val(), pair.val()) < 0) return nullptr;
  }
  if (dict_set_item_str(d, "features", features.val()) < 0) return nullptr;
  Ref<> errors = make_errors_module(), model = make_model_module();
  if (!errors || !model || dict_set_item_str(d, "errors", errors.val()) < 0 ||
      dict_set_item_str(d, "model", model.val()) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
