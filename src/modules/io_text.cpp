// _io.TextIOWrapper: text I/O over a buffered binary stream.
//
// Reading decodes chunks of the buffer into `dec`, a string of code points
// kept *before* newline translation; translation (universal newlines) happens
// as characters are handed out.
//
// tell() returns CPython's opaque cookie, because programs print and compare
// it: the little-endian packing of (start position: 64 bits, decoder flags,
// bytes to feed, characters to skip: 32 bits each, need-EOF: 8 bits). It is a
// plain byte offset whenever decoding can restart cleanly at the position.
// To compute the same cookie CPython does, each chunk read leaves a snapshot
// (the bytes fed to the decoder for it, the decoder's flags before them, and
// where its characters start in `dec`), and tell() replays the documented
// search over those bytes with a model of CPython's decoder pair (the codec's
// incremental decoder plus, for newline=None or '', the newline decoder that
// holds back a trailing '\r' as its flag bit 0).
//
// Writing translates "\n" to the newline argument, encodes, and accumulates
// the bytes in `wpend`, handed to the buffer when it exceeds the chunk size,
// on flush, with write_through, or at a newline with line_buffering.
//
// Thread safety: every method runs in a critical section on the wrapper.
#include <cstring>
#include <memory>
#include <vector>

#include "modules/io_internal.h"
#include "modules/sys_module.h"
#include "modules/io_module.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "vm/import.h"

namespace ftpy {

Type g_textiowrapper_type;

namespace {

constexpr int64_t kChunkSize = 8192;

enum NewlineMode : uint8_t { kNlUniversal, kNlUntranslated, kNlLf, kNlCr, kNlCrLf };

struct TextState {
  std::string enc;     // canonical codec name
  std::string errors;  // error handler
  NewlineMode nl = kNlUniversal;
  std::string writenl;  // "" = write "\n" unchanged
  std::u32string dec;   // decoded, untranslated; unread from decpos
  size_t decpos = 0;
  std::string pending;  // bytes not yet decoded (an incomplete sequence)
  bool eof = false;
  std::string wpend;    // encoded, not yet written to the buffer
  int seen_nl = 0;      // 1 '\r', 2 '\n', 4 '\r\n'
  bool bom_checked = false;  // utf-8-sig: whether the first write decided on a BOM
  // The tell() snapshot of the last chunk (see the top of the file).
  bool snap_valid = false;
  uint32_t snap_flags = 0;  // decoder flags before snap_input: 1 = a '\r' held back
  std::string snap_input;   // undecoded bytes carried over + the chunk
  size_t snap_idx = 0;      // where the snapshot's characters start in dec
  double b2cratio = 0.0;    // bytes per character of the last chunk
};

struct TextIO : IOBaseObj {
  Value buffer;    // owned
  Value encoding;  // owned str
  Value errors;    // owned str
  TextState* st;
  uint8_t ok, detached, line_buffering, write_through, has_read1, seekable;
};

TextIO* as_text(Value v) { return v.as<TextIO>(); }

Ref<> call_m(Value self, const char* name, std::initializer_list<Value> args = {}) {
  return call_method(self, name, args.begin(), args.size());
}

void set_field(Value* slot, Value v) {
  Value old = *slot;
  *slot = Ref<>::borrow(v).release();
  decref(old);
}

Ref<> text_new(Type* type, const Value*, size_t, Value) {
  auto* t = alloc_object<TextIO>(type, type->basic_size);
  if (!t) return nullptr;
  t->st = new TextState();
  return Ref<>::steal(Value(t));
}

void text_dealloc(Object* o) {
  if (io_finalize_for_dealloc(o)) return;
  io_base_clear_weakrefs(o);
  auto* t = static_cast<TextIO*>(o);
  delete t->st;
  t->st = nullptr;
  decref(t->buffer);
  decref(t->encoding);
  decref(t->errors);
  io_base_dealloc_fields(o);
  free_object(o);
}

void text_traverse(Object* o, VisitFn visit, void* arg) {
  io_base_traverse(o, visit, arg);
  visit(static_cast<TextIO*>(o)->buffer, arg);
}

bool check_ok(TextIO* t) {
  if (t->detached) {
    err_set_str(g_ValueError, "underlying buffer has been detached");
    return false;
  }
  if (!t->ok) {
    err_set_str(g_ValueError, "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

int buffer_closed(TextIO* t) {
  Ref<> c = getattr(t->buffer, "closed");
  if (!c) return -1;
  return truthy(c.val());
}

bool check_open(TextIO* t) {
  if (!check_ok(t)) return false;
  int c = buffer_closed(t);
  if (c < 0) return false;
  if (c) {
    io_closed_error();
    return false;
  }
  return true;
}

// Parse the newline argument. Returns false with an exception.
bool parse_newline(Value nl, TextState* st, const char* who) {
  if (nl.is_null() || is_none(nl)) {
    st->nl = kNlUniversal;
    st->writenl.clear();
    return true;
  }
  if (!is_str(nl)) {
    err_format(g_TypeError, "%s argument 'newline' must be str or None, not %s", who, type_name(type_of(nl)));
    return false;
  }
  std::string_view v = str_view(nl);
  if (v.empty()) st->nl = kNlUntranslated, st->writenl.clear();
  else if (v == "\n") st->nl = kNlLf, st->writenl.clear();
  else if (v == "\r") st->nl = kNlCr, st->writenl = "\r";
  else if (v == "\r\n") st->nl = kNlCrLf, st->writenl = "\r\n";
  else {
    // The value as it is (CPython's TextIOWrapper uses %s; StringIO says %r).
    err_format(g_ValueError, "illegal newline value: %s", std::string(v).c_str());
    return false;
  }
  return true;
}

// Validate and canonicalise an encoding name; LookupError if unknown.
bool parse_encoding(Value enc, std::string* canon, Ref<>* display) {
  if (enc.is_null() || is_none(enc)) {
    // CPython: UTF-8 mode's 'utf-8', else the locale's codeset ('UTF-8';
    // ftpy assumes a UTF-8 locale).
    *canon = "utf-8";
    *display = str_from_ascii(sys_utf8_mode() ? "utf-8" : "UTF-8");
    return true;
  }
  std::string_view v = str_view(enc);
  if (v == "locale") {
    *canon = "utf-8";
    *display = str_from_ascii("UTF-8");
    return true;
  }
  *canon = codec_normalize(v);
  if (canon->empty()) {
    // Not a native codec: codecs.lookup finds it (the encodings package's
    // charmap codecs) or raises LookupError, and refuses a transform such
    // as rot13 as CPython does. The stream then encodes and decodes
    // through that codec by its given name (codec_encode/codec_decode
    // fall back to it).
    Ref<> codecs = import_module("codecs");
    if (!codecs) return false;
    Ref<> fn = getattr(codecs.val(), "_text_codec");
    if (!fn) return false;
    Ref<> action = str_from_ascii("open");
    if (!action) return false;
    Ref<> info = call2(fn.val(), enc, action.val());
    if (!info) return false;
    *canon = std::string(v);
  }
  *display = Ref<>::borrow(enc);
  return true;
}

int text_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature(
      "TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False)",
      nullptr);
  Value a[6];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return -1;
  TextIO* t = as_text(self);
  if (!is_none(a[1]) && !is_str(a[1])) {
    err_format(g_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s", type_name(type_of(a[1])));
    return -1;
  }
  if (!is_none(a[2]) && !is_str(a[2])) {
    err_format(g_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s", type_name(type_of(a[2])));
    return -1;
  }
  auto* st = new TextState();
  std::unique_ptr<TextState> guard(st);
  if (!parse_newline(a[3], st, "TextIOWrapper()")) return -1;
  Ref<> enc_display;
  if (!parse_encoding(a[1], &st->enc, &enc_display)) return -1;
  Ref<> errors = is_none(a[2]) ? Ref<>(str_from_ascii("strict")) : Ref<>::borrow(a[2]);
  st->errors = std::string(str_view(errors.val()));
  int lb = truthy(a[4]), wt = truthy(a[5]);
  if (lb < 0 || wt < 0) return -1;
  int has_read1 = hasattr(a[0], Value(str_intern("read1")));
  if (has_read1 < 0) return -1;
  // CPython asks readable() (to set up its decoder) and writable() (its
  // encoder) before seekable(): a bad buffer fails on 'readable' first.
  for (const char* probe : {"readable", "writable"}) {
    Ref<> r = call_m(a[0], probe);
    if (!r) return -1;
  }
  Ref<> seekable = call_m(a[0], "seekable");
  if (!seekable) return -1;
  int sk = truthy(seekable.val());
  if (sk < 0) return -1;
  CriticalSection cs(self);
  set_field(&t->buffer, a[0]);
  set_field(&t->encoding, enc_display.val());
  set_field(&t->errors, errors.val());
  delete t->st;
  t->st = guard.release();
  t->line_buffering = lb;
  t->write_through = wt;
  t->has_read1 = has_read1;
  t->seekable = sk;
  t->detached = 0;
  t->ok = 1;
  return 0;
}

// --- writing ------------------------------------------------------------------------

int flush_pending(TextIO* t) {
  if (t->st->wpend.empty()) return 0;
  Ref<> b = bytes_from(t->st->wpend);
  if (!b) return -1;
  t->st->wpend.clear();
  Ref<> r = call_m(t->buffer, "write", {b.val()});
  return r ? 0 : -1;
}

// Encode `s` with the stream's codec, appending to *out.
bool encode(TextIO* t, Str* s, std::string* out) {
  if (t->st->enc == "utf-8" && t->st->errors == "strict") {
    std::string tmp;
    if (!str_utf8_strict(s, &tmp)) return false;
    out->append(tmp);
    return true;
  }
  if (t->st->enc == "utf-8-sig") {
    // The BOM goes before the first text written at the start of the
    // stream only (CPython's encoder is told not to write it when the
    // stream starts elsewhere, as in append mode).
    if (!t->st->bom_checked) {
      t->st->bom_checked = true;
      int64_t pos = 0;
      if (t->seekable) {
        Ref<> r = call_m(t->buffer, "tell");
        if (!r) return false;
        if (!int_as_int64(r.val(), &pos)) pos = 1;
      }
      if (pos == 0 && out->empty()) out->append("\xEF\xBB\xBF");
    }
    Ref<> b = codec_encode(s, "utf-8", t->st->errors);
    if (!b) return false;
    out->append(bytes_view(b.val()));
    return true;
  }
  Ref<> b = codec_encode(s, t->st->enc, t->st->errors);
  if (!b) return false;
  out->append(bytes_view(b.val()));
  return true;
}

void drop_read_ahead(TextState* st) {
  st->dec.clear();
  st->decpos = 0;
  st->pending.clear();
  st->snap_valid = false;
}

// newline=None and newline='' read through a newline decoder.
bool newline_decoder(const TextState* st) { return st->nl == kNlUniversal || st->nl == kNlUntranslated; }

Ref<> text_write(Value self, Value* args) {
  TextIO* t = as_text(self);
  Value s = args[0];
  if (!is_str(s)) return err_format(g_TypeError, "write() argument must be str, not %s", type_name(type_of(s)));
  CriticalSection cs(self);
  if (!check_open(t)) return nullptr;
  Ref<> writable = call_m(t->buffer, "writable");
  if (!writable) return nullptr;
  int w = truthy(writable.val());
  if (w < 0) return nullptr;
  if (!w) return io_unsupported("not writable");
  Str* str = s.as<Str>();
  int64_t n = str->length;
  bool has_lf = false, has_cr = false;
  for (int64_t i = 0; i < n; i++) {
    uint32_t c = str->at(i);
    if (c == '\n') has_lf = true;
    else if (c == '\r') has_cr = true;
  }
  Ref<Str> text = Ref<Str>::borrow(str);
  if (has_lf && !t->st->writenl.empty()) {
    std::u32string out;
    out.reserve(static_cast<size_t>(n) + 8);
    for (int64_t i = 0; i < n; i++) {
      uint32_t c = str->at(i);
      if (c == '\n') {
        for (char k : t->st->writenl) out += static_cast<char32_t>(k);
      } else {
        out += static_cast<char32_t>(c);
      }
    }
    text = str_from_ucs4(reinterpret_cast<const uint32_t*>(out.data()), static_cast<int64_t>(out.size()));
    if (!text) return nullptr;
  }
  bool needflush = t->line_buffering && (has_lf || has_cr);
  drop_read_ahead(t->st);  // CPython forgets the read-ahead and the tell() snapshot too
  if (!encode(t, text.get(), &t->st->wpend)) return nullptr;
  if (t->write_through || needflush || static_cast<int64_t>(t->st->wpend.size()) >= kChunkSize) {
    if (flush_pending(t) < 0) return nullptr;
  }
  if (needflush) {
    Ref<> r = call_m(t->buffer, "flush");
    if (!r) return nullptr;
  }
  return int_from_int64(n);
}

// --- reading ------------------------------------------------------------------------

// How many leading bytes of `p` form complete characters in the stream's encoding.
size_t complete_prefix(const std::string& enc, const std::string& p) {
  size_t n = p.size();
  if (enc == "utf-8" || enc == "utf-8-sig") {
    size_t k = n;
    for (size_t back = 1; back <= 4 && back <= n; back++) {
      unsigned char c = static_cast<unsigned char>(p[n - back]);
      if ((c & 0xC0) == 0x80) continue;  // continuation byte
      size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      if (need > back) k = n - back;
      break;
    }
    return k;
  }
  if (enc.rfind("utf-16", 0) == 0) return n & ~size_t{1};
  if (enc.rfind("utf-32", 0) == 0) return n & ~size_t{3};
  return n;
}

// Decode as much of `pending` as possible (all of it when `final`).
bool decode_pending(TextIO* t, bool final) {
  TextState* st = t->st;
  size_t k = final ? st->pending.size() : complete_prefix(st->enc, st->pending);
  if (k == 0) return true;
  Ref<> s = codec_decode(reinterpret_cast<const uint8_t*>(st->pending.data()), static_cast<int64_t>(k), st->enc,
                         st->errors);
  if (!s) return false;
  if (!is_str(s.val())) {
    err_set_str(g_TypeError, "decoder should return a string result");
    return false;
  }
  Str* str = s.val().as<Str>();
  st->dec.reserve(st->dec.size() + static_cast<size_t>(str->length));
  for (int64_t i = 0; i < str->length; i++) st->dec += static_cast<char32_t>(str->at(i));
  st->pending.erase(0, k);
  return true;
}

// Characters of dec[from, to) as the decoders hand them out: with
// translation a "\r\n" pair is one character.
size_t translated_count(const TextState* st, size_t from, size_t to) {
  size_t n = to - from;
  if (st->nl == kNlUniversal)
    for (size_t i = from; i + 1 < to; i++)
      if (st->dec[i] == '\r' && st->dec[i + 1] == '\n') n--;
  return n;
}

// Read one chunk from the buffer and decode it. 1 data, 0 EOF, -1 error.
int read_chunk(TextIO* t, int64_t size_hint) {
  TextState* st = t->st;
  if (size_hint > 0) size_hint = static_cast<int64_t>(std::max(st->b2cratio, 1.0) * static_cast<double>(size_hint));
  Ref<> sz = int_from_int64(std::max(kChunkSize, size_hint));
  Ref<> r = call_m(t->buffer, t->has_read1 ? "read1" : "read", {sz.val()});
  if (!r) return -1;
  if (is_none(r.val())) return 0;
  std::string data;
  if (!buffer_copy(r.val(), &data)) {
    err_format(g_TypeError, "underlying %s() should have returned a bytes-like object, not '%s'",
               t->has_read1 ? "read1" : "read", type_name(type_of(r.val())));
    return -1;
  }
  // Whatever is left unread here is at most a '\r' waiting for its successor;
  // a newline decoder would be holding it back as its flag.
  st->dec.erase(0, st->decpos);
  st->decpos = 0;
  bool held_cr = newline_decoder(st) && st->dec.size() == 1 && st->dec[0] == '\r';
  st->snap_valid = true;
  st->snap_flags = held_cr ? 1 : 0;
  st->snap_input = st->pending + data;
  st->snap_idx = held_cr ? 0 : st->dec.size();
  bool eof = data.empty();
  st->pending += data;
  if ((!eof || !st->pending.empty()) && !decode_pending(t, eof)) return -1;
  size_t end = st->dec.size();
  if (!eof && newline_decoder(st) && end > st->snap_idx && st->dec[end - 1] == '\r') end--;
  size_t nchars = translated_count(st, st->snap_idx, end);
  st->b2cratio = nchars ? static_cast<double>(data.size()) / static_cast<double>(nchars) : 0.0;
  return eof ? 0 : 1;
}

bool prepare_read(TextIO* t) {
  if (!check_open(t)) return false;
  Ref<> readable = call_m(t->buffer, "readable");
  if (!readable) return false;
  int r = truthy(readable.val());
  if (r < 0) return false;
  if (!r) {
    io_unsupported("not readable");
    return false;
  }
  if (flush_pending(t) < 0) return false;
  return true;
}

// Hand out up to `n` characters (n < 0: all), or one line when `line` (at most
// `limit` characters when limit >= 0), applying newline translation.
Ref<> consume(TextIO* t, int64_t n, bool line, int64_t limit) {
  TextState* st = t->st;
  st->eof = false;
  std::u32string out;
  NewlineMode nl = st->nl;
  for (;;) {
    const std::u32string& d = st->dec;
    size_t i = st->decpos, end = d.size();
    bool done = false;
    while (i < end) {
      if (!line && n >= 0 && static_cast<int64_t>(out.size()) >= n) { done = true; break; }
      if (line && limit >= 0 && static_cast<int64_t>(out.size()) >= limit) { done = true; break; }
      char32_t c = d[i];
      if (c == '\r' && (nl == kNlUniversal || nl == kNlUntranslated || nl == kNlCrLf)) {
        if (i + 1 >= end && !st->eof) break;  // need to see the next character
        bool crlf = i + 1 < end && d[i + 1] == '\n';
        if (nl == kNlUniversal) {
          out += U'\n';
          i += crlf ? 2 : 1;
          st->seen_nl |= crlf ? 4 : 1;
          if (line) { done = true; break; }
          continue;
        }
        if (nl == kNlUntranslated) st->seen_nl |= crlf ? 4 : 1;
        if (crlf) {
          bool room = !(line && limit >= 0 && static_cast<int64_t>(out.size()) + 2 > limit) &&
                      !(!line && n >= 0 && static_cast<int64_t>(out.size()) + 2 > n);
          if (!room) {
            out += U'\r';
            i += 1;
            done = true;
            break;
          }
          out += U"\r\n";
          i += 2;
          if (line) { done = true; break; }
          continue;
        }
        out += U'\r';
        i += 1;
        if (line && nl == kNlUntranslated) { done = true; break; }
        continue;
      }
      out += c;
      i++;
      if (c == '\n') {
        if (nl == kNlUniversal || nl == kNlUntranslated) st->seen_nl |= 2;
        if (line && nl != kNlCr && nl != kNlCrLf) { done = true; break; }
      } else if (c == '\r' && line && nl == kNlCr) {
        done = true;
        break;
      }
    }
    st->decpos = i;
    if (done) break;
    if (st->eof && i >= end) break;
    int r = read_chunk(t, std::max<int64_t>(kChunkSize, n >= 0 && !line ? n - static_cast<int64_t>(out.size()) : 0));
    if (r < 0) return nullptr;
    if (r == 0) st->eof = true;
  }
  return str_from_ucs4(reinterpret_cast<const uint32_t*>(out.data()), static_cast<int64_t>(out.size()));
}

Ref<> text_read(Value self, Value* args) {
  TextIO* t = as_text(self);
  int64_t n;
  if (!io_size_arg(args[0], &n)) return nullptr;
  CriticalSection cs(self);
  if (!prepare_read(t)) return nullptr;
  if (n < 0) {
    // Read everything in one call, then hand it all out.
    Ref<> r = call_m(t->buffer, "read");
    if (!r) return nullptr;
    if (!is_none(r.val())) {
      std::string data;
      if (!buffer_copy(r.val(), &data))
        return err_format(g_TypeError, "underlying read() should have returned a bytes object, not '%s'",
                          type_name(type_of(r.val())));
      t->st->pending += data;
    }
    if (!decode_pending(t, true)) return nullptr;
    Ref<> all = consume(t, n, false, -1);
    t->st->snap_valid = false;  // like CPython: tell() asks the buffer
    return all;
  }
  return consume(t, n, false, -1);
}

Ref<> text_readline(Value self, Value* args) {
  TextIO* t = as_text(self);
  int64_t limit;
  if (!io_size_arg(args[0], &limit)) return nullptr;
  CriticalSection cs(self);
  if (!prepare_read(t)) return nullptr;
  return consume(t, -1, true, limit);
}

Ref<> text_iternext(Value self) {
  Value a = none();
  Ref<> line = text_readline(self, &a);
  if (!line) return nullptr;
  if (line.val().as<Str>()->length == 0) return nullptr;
  return line;
}

// --- positioning ------------------------------------------------------------------------

bool check_seekable(TextIO* t) {
  if (!t->seekable) {
    io_unsupported("underlying stream is not seekable");
    return false;
  }
  return true;
}

Ref<> text_flush_locked(TextIO* t) {
  if (!check_open(t)) return nullptr;
  if (flush_pending(t) < 0) return nullptr;
  return call_m(t->buffer, "flush");
}

// --- tell() cookies ---------------------------------------------------------------------

struct Cookie {
  int64_t start_pos = 0;
  uint32_t dec_flags = 0, bytes_to_feed = 0, chars_to_skip = 0;
  uint8_t need_eof = 0;
};

Ref<> cookie_pack(const Cookie& c) {
  if (c.dec_flags == 0 && c.bytes_to_feed == 0 && c.chars_to_skip == 0 && c.need_eof == 0)
    return int_from_int64(c.start_pos);
  mpz_t z, part;
  mpz_init(z);
  mpz_init(part);
  mpz_set_ui(z, c.need_eof);
  for (uint32_t field : {c.chars_to_skip, c.bytes_to_feed, c.dec_flags}) {
    mpz_mul_2exp(z, z, 32);
    mpz_add_ui(z, z, field);
  }
  mpz_mul_2exp(z, z, 64);
  mpz_set_ui(part, static_cast<uint64_t>(c.start_pos));
  mpz_add(z, z, part);
  Ref<> r = int_from_mpz(z);
  mpz_clear(z);
  mpz_clear(part);
  return r;
}

// A non-negative int cookie; its bits above the packed fields are ignored.
void cookie_unpack(Value v, Cookie* c) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  auto take = [&](int bits) {
    uint64_t x = mpz_getlimbn(z, 0);
    if (mpz_size(z) == 0) x = 0;
    if (bits < 64) x &= (uint64_t{1} << bits) - 1;
    mpz_fdiv_q_2exp(z, z, bits);
    return x;
  };
  c->start_pos = static_cast<int64_t>(take(64));
  c->dec_flags = static_cast<uint32_t>(take(32));
  c->bytes_to_feed = static_cast<uint32_t>(take(32));
  c->chars_to_skip = static_cast<uint32_t>(take(32));
  c->need_eof = static_cast<uint8_t>(take(8));
  mpz_clear(z);
}

// A model of CPython's decoder pair, fed byte strings: the codec's incremental
// decoder (its buffer is `held`) and optionally the newline decoder.
struct DecoderModel {
  TextIO* t;
  std::string held;
  bool pending_cr = false;

  void set_state(uint32_t flags) {
    held.clear();
    pending_cr = newline_decoder(t->st) && (flags & 1);
  }
  uint32_t flags() const { return pending_cr ? 1 : 0; }
  // The number of characters decode(p[0:n], final) returns; -1 on error.
  int64_t decode(const char* p, size_t n, bool final) {
    const TextState* st = t->st;
    held.append(p, n);
    size_t k = final ? held.size() : complete_prefix(st->enc, held);
    std::u32string out;
    if (k > 0) {
      Ref<> s = codec_decode(reinterpret_cast<const uint8_t*>(held.data()), static_cast<int64_t>(k), st->enc,
                             st->errors);
      if (!s) return -1;
      Str* str = s.val().as<Str>();
      for (int64_t i = 0; i < str->length; i++) out += static_cast<char32_t>(str->at(i));
      held.erase(0, k);
    }
    if (!newline_decoder(st)) return static_cast<int64_t>(out.size());
    if (pending_cr && (!out.empty() || final)) {
      out.insert(out.begin(), U'\r');
      pending_cr = false;
    }
    if (!final && !out.empty() && out.back() == U'\r') {
      out.pop_back();
      pending_cr = true;
    }
    int64_t count = static_cast<int64_t>(out.size());
    if (st->nl == kNlUniversal)
      for (size_t i = 0; i + 1 < out.size(); i++)
        if (out[i] == U'\r' && out[i + 1] == U'\n') count--;
    return count;
  }
};

// CPython's search for the cookie of the current position: from the snapshot,
// first guess a byte offset from the chunk's bytes-per-character ratio and back
// off until decoding up to it yields no more than the characters used and
// leaves no partial sequence; then feed one byte at a time, remembering the
// last point where the decoder held no partial sequence.
bool compute_cookie(TextIO* t, int64_t buffer_pos, Cookie* c) {
  TextState* st = t->st;
  const std::string& input = st->snap_input;
  c->start_pos = buffer_pos - static_cast<int64_t>(input.size());
  c->dec_flags = st->snap_flags;
  int64_t to_skip = static_cast<int64_t>(translated_count(st, st->snap_idx, st->decpos));
  if (to_skip == 0) return true;
  DecoderModel d{t};
  int64_t skip_bytes = static_cast<int64_t>(st->b2cratio * static_cast<double>(to_skip));
  int64_t skip_back = 1;
  while (skip_bytes > 0) {
    d.set_state(c->dec_flags);
    int64_t n = d.decode(input.data(), static_cast<size_t>(std::min<int64_t>(skip_bytes, input.size())), false);
    if (n < 0) return false;
    if (n <= to_skip) {
      if (d.held.empty()) {
        c->dec_flags = d.flags();
        to_skip -= n;
        break;
      }
      skip_bytes -= static_cast<int64_t>(d.held.size());
      skip_back = 1;
    } else {
      skip_bytes -= skip_back;
      skip_back *= 2;
    }
  }
  if (skip_bytes <= 0) {
    skip_bytes = 0;
    d.set_state(c->dec_flags);
  }
  c->start_pos += skip_bytes;
  if (to_skip == 0) {
    c->chars_to_skip = 0;
    return true;
  }
  int64_t decoded = 0;
  size_t i = static_cast<size_t>(skip_bytes);
  bool reached = false;
  for (; i < input.size(); i++) {
    int64_t n = d.decode(&input[i], 1, false);
    if (n < 0) return false;
    decoded += n;
    c->bytes_to_feed++;
    if (d.held.empty() && decoded <= to_skip) {  // a safe start point
      c->start_pos += c->bytes_to_feed;
      to_skip -= decoded;
      c->dec_flags = d.flags();
      c->bytes_to_feed = 0;
      decoded = 0;
    }
    if (decoded >= to_skip) {
      reached = true;
      break;
    }
  }
  if (!reached) {
    int64_t n = d.decode("", 0, true);
    if (n < 0) return false;
    decoded += n;
    c->need_eof = 1;
    if (decoded < to_skip) {
      err_set_str(g_OSError, "can't reconstruct logical file position");
      return false;
    }
  }
  c->chars_to_skip = static_cast<uint32_t>(to_skip);
  return true;
}

Ref<> text_tell(Value self, Value*) {
  TextIO* t = as_text(self);
  CriticalSection cs(self);
  if (!check_open(t)) return nullptr;
  if (!check_seekable(t)) return nullptr;
  if (!text_flush_locked(t)) return nullptr;
  Ref<> r = call_m(t->buffer, "tell");
  if (!r) return nullptr;
  if (!t->st->snap_valid) return r;
  int64_t pos;
  if (!to_int64(r.val(), &pos)) return nullptr;
  Cookie c;
  if (!compute_cookie(t, pos, &c)) return nullptr;
  return cookie_pack(c);
}

// Restore the position a cookie describes: seek the buffer to its start, set
// the decoder flags, decode the bytes to feed and skip the characters.
bool seek_to_cookie(TextIO* t, const Cookie& c) {
  TextState* st = t->st;
  Ref<> pos = int_from_int64(c.start_pos), zero = small_int(0);
  Ref<> r = call_m(t->buffer, "seek", {pos.val(), zero.val()});
  if (!r) return false;
  drop_read_ahead(st);
  st->snap_valid = true;
  st->snap_flags = newline_decoder(st) ? (c.dec_flags & 1) : 0;
  st->snap_input.clear();
  st->snap_idx = 0;
  if (st->snap_flags) st->dec.push_back(U'\r');
  if (c.chars_to_skip == 0) return true;
  Ref<> n = int_from_int64(c.bytes_to_feed);
  Ref<> data = call_m(t->buffer, "read", {n.val()});
  if (!data) return false;
  if (!is_none(data.val()) && !buffer_copy(data.val(), &st->snap_input)) {
    err_format(g_TypeError, "underlying read() should have returned a bytes object, not '%s'",
               type_name(type_of(data.val())));
    return false;
  }
  st->pending = st->snap_input;
  if (!decode_pending(t, c.need_eof)) return false;
  // Skip the characters, a translated "\r\n" being one; a trailing '\r' is
  // still held back by the newline decoder unless at EOF.
  size_t end = st->dec.size();
  if (!c.need_eof && newline_decoder(st) && end > 0 && st->dec[end - 1] == '\r') end--;
  size_t i = 0;
  for (uint32_t k = 0; k < c.chars_to_skip; k++) {
    if (i >= end) {
      err_set_str(g_OSError, "can't restore logical file position");
      return false;
    }
    i += (st->nl == kNlUniversal && st->dec[i] == '\r' && i + 1 < end && st->dec[i + 1] == '\n') ? 2 : 1;
  }
  st->decpos = i;
  return true;
}

Ref<> text_seek(Value self, Value* args) {
  TextIO* t = as_text(self);
  Value cookie_v = args[0];
  int64_t whence;
  if (!to_int64(args[1], &whence)) return nullptr;
  CriticalSection cs(self);
  if (!check_open(t)) return nullptr;
  if (!check_seekable(t)) return nullptr;
  Ref<> cookie;
  if (whence == 1 || whence == 2) {
    int z = richcompare_bool(cookie_v, small_int(0).val(), kEq);
    if (z < 0) return nullptr;
    if (!z) return io_unsupported(whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
    if (whence == 2) {
      if (!text_flush_locked(t)) return nullptr;
      drop_read_ahead(t->st);
      Ref<> zero = small_int(0), two = small_int(2);
      return call_m(t->buffer, "seek", {zero.val(), two.val()});
    }
    // Seeking to the current position resynchronises the buffer with it.
    cookie = text_tell(self, nullptr);
    if (!cookie) return nullptr;
  } else if (whence != 0) {
    return err_format(g_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  } else {
    cookie = Ref<>::borrow(cookie_v);
  }
  int neg = richcompare_bool(cookie.val(), small_int(0).val(), kLt);
  if (neg < 0) return nullptr;
  if (neg) return err_format(g_ValueError, "negative seek position %s", repr_utf8(cookie.val()).c_str());
  Ref<> pos = is_int(cookie.val()) ? cookie : int_from_object(cookie.val());  // CPython accepts 1.5 as 1
  if (!pos) return nullptr;
  if (!text_flush_locked(t)) return nullptr;
  Cookie c;
  cookie_unpack(pos.val(), &c);
  if (!seek_to_cookie(t, c)) return nullptr;
  return cookie;
}

Ref<> text_truncate(Value self, Value* args) {
  TextIO* t = as_text(self);
  CriticalSection cs(self);
  if (!text_flush_locked(t)) return nullptr;
  Value pos = args[0].is_null() ? none() : args[0];
  return call_m(t->buffer, "truncate", {pos});
}

Ref<> text_flush(Value self, Value*) {
  TextIO* t = as_text(self);
  CriticalSection cs(self);
  return text_flush_locked(t);
}

Ref<> text_close(Value self, Value*) {
  TextIO* t = as_text(self);
  CriticalSection cs(self);
  if (!check_ok(t)) return nullptr;
  int c = buffer_closed(t);
  if (c < 0) return nullptr;
  if (c) return new_none();
  Ref<> fl = text_flush_locked(t);
  Ref<> flush_exc = fl ? Ref<>() : err_fetch();
  Ref<> r = call_m(t->buffer, "close");
  if (flush_exc) {
    if (!r) err_chain_context(std::move(flush_exc));
    else err_restore(std::move(flush_exc));
    return nullptr;
  }
  return r;
}

Ref<> text_detach(Value self, Value*) {
  TextIO* t = as_text(self);
  CriticalSection cs(self);
  if (!check_ok(t)) return nullptr;
  if (!text_flush_locked(t)) return nullptr;
  Ref<> b = Ref<>::steal(t->buffer);
  t->buffer = Value();
  t->detached = 1;
  return b;
}

Ref<> text_reconfigure(Value self, Value* args) {
  TextIO* t = as_text(self);
  Value encoding = args[0], errors = args[1], newline = args[2], lb = args[3], wt = args[4];
  CriticalSection cs(self);
  if (!check_ok(t)) return nullptr;
  bool changes_decoding = (!encoding.is_null() && !is_none(encoding)) || (!errors.is_null() && !is_none(errors)) ||
                          !newline.is_null();
  if (changes_decoding && (t->st->decpos < t->st->dec.size() || !t->st->pending.empty()))
    return io_unsupported("It is not possible to set the encoding or newline of stream after the first read");
  TextState tmp = *t->st;
  if (!newline.is_null() && !parse_newline(newline, &tmp, "reconfigure()")) return nullptr;
  Ref<> enc_display;
  if (!encoding.is_null() && !is_none(encoding)) {
    if (!is_str(encoding))
      return err_format(g_TypeError, "reconfigure() argument 'encoding' must be str or None, not %s",
                        type_name(type_of(encoding)));
    if (!parse_encoding(encoding, &tmp.enc, &enc_display)) return nullptr;
  }
  Ref<> errors_v;
  if (!errors.is_null() && !is_none(errors)) {
    if (!is_str(errors))
      return err_format(g_TypeError, "reconfigure() argument 'errors' must be str or None, not %s",
                        type_name(type_of(errors)));
    errors_v = Ref<>::borrow(errors);
  } else if (enc_display) {
    errors_v = str_from_ascii("strict");
  }
  if (errors_v) tmp.errors = std::string(str_view(errors_v.val()));
  int lbv = -1, wtv = -1;
  if (!lb.is_null() && !is_none(lb) && (lbv = truthy(lb)) < 0) return nullptr;
  if (!wt.is_null() && !is_none(wt) && (wtv = truthy(wt)) < 0) return nullptr;
  if (!text_flush_locked(t)) return nullptr;
  tmp.wpend = std::move(t->st->wpend);  // the flush emptied it; tmp still has the old copy
  *t->st = tmp;
  if (enc_display) set_field(&t->encoding, enc_display.val());
  if (errors_v) set_field(&t->errors, errors_v.val());
  if (lbv >= 0) t->line_buffering = lbv;
  if (wtv >= 0) t->write_through = wtv;
  return new_none();
}

Ref<> forward(Value self, const char* name) {
  TextIO* t = as_text(self);
  if (!check_ok(t)) return nullptr;
  return call_m(t->buffer, name);
}
Ref<> text_readable(Value self, Value*) { return forward(self, "readable"); }
Ref<> text_writable(Value self, Value*) { return forward(self, "writable"); }
Ref<> text_seekable(Value self, Value*) { return forward(self, "seekable"); }
Ref<> text_fileno(Value self, Value*) { return forward(self, "fileno"); }
Ref<> text_isatty(Value self, Value*) { return forward(self, "isatty"); }

Ref<> text_closed_get(Value self) {
  TextIO* t = as_text(self);
  if (!check_ok(t)) return nullptr;
  return getattr(t->buffer, "closed");
}
Ref<> text_name_get(Value self) {
  TextIO* t = as_text(self);
  if (!check_ok(t)) return nullptr;
  return getattr(t->buffer, "name");
}
Ref<> text_buffer_get(Value self) {
  TextIO* t = as_text(self);
  if (!check_ok(t)) return nullptr;
  return Ref<>::borrow(t->buffer);
}
Ref<> text_encoding_get(Value self) {
  TextIO* t = as_text(self);
  if (!check_ok(t)) return nullptr;
  return Ref<>::borrow(t->encoding);
}
Ref<> text_errors_get(Value self) {
  TextIO* t = as_text(self);
  if (!check_ok(t)) return nullptr;
  return Ref<>::borrow(t->errors);
}
Ref<> text_line_buffering_get(Value self) { return new_bool(as_text(self)->line_buffering); }
Ref<> text_write_through_get(Value self) { return new_bool(as_text(self)->write_through); }
Ref<> text_chunk_size_get(Value) { return small_int(kChunkSize); }

Ref<> newlines_value(int seen) {
  const char* names[] = {"\r", "\n", "\r\n"};
  std::vector<Value> items;
  std::vector<Ref<>> keep;
  for (int i = 0; i < 3; i++) {
    if (seen & (1 << i)) {
      keep.push_back(str_from_ascii(names[i]));
      items.push_back(keep.back().val());
    }
  }
  if (items.empty()) return new_none();
  if (items.size() == 1) return keep[0];
  return tuple_from_array(items.data(), static_cast<int64_t>(items.size()));
}
Ref<> text_newlines_get(Value self) {
  TextIO* t = as_text(self);
  if (!check_ok(t)) return nullptr;
  if (t->st->nl != kNlUniversal && t->st->nl != kNlUntranslated) return new_none();
  return newlines_value(t->st->seen_nl);
}

Ref<> text_repr(Value self) {
  std::string out = std::string("<_io.") + type_name(type_of(self));
  for (const char* attr : {"name", "mode"}) {
    Ref<> v = getattr_opt(self, Value(str_intern(attr)));
    if (v) {
      Ref<> r = repr(v.val());
      if (!r) return nullptr;
      out += std::string(" ") + attr + "=" + std::string(str_view(r.val()));
    } else {
      if (err_occurred() && !err_matches(g_ValueError)) return nullptr;
      err_clear();
    }
  }
  TextIO* t = as_text(self);
  if (!t->encoding.is_null()) {
    Ref<> r = repr(t->encoding);
    if (!r) return nullptr;
    out += " encoding=" + std::string(str_view(r.val()));
  }
  return str_from_utf8(out + ">");
}

// _dealloc_warn(source): passed down to the buffer (io_buffered.cpp).
Ref<> text_dealloc_warn(Value self, Value* a) {
  TextIO* t = as_text(self);
  if (t->detached || t->buffer.is_null()) return new_none();
  // The layer below may be any object (a BytesIO has no files to leak):
  // as in CPython, a layer without _dealloc_warn, or one that fails, is
  // passed over silently.
  Ref<> r = call_m(t->buffer, "_dealloc_warn", {a[0]});
  if (!r) err_clear();
  return new_none();
}

const MethodDef kTextMethods[] = {
    {"_dealloc_warn($self, source, /)", text_dealloc_warn, nullptr},
    {"read($self, size=-1, /)", text_read, nullptr},
    {"readline($self, size=-1, /)", text_readline, nullptr},
    {"write($self, text, /)", text_write, nullptr},
    {"flush($self, /)", text_flush, nullptr},
    {"close($self, /)", text_close, nullptr},
    {"seek($self, cookie, whence=0, /)", text_seek, nullptr},
    {"tell($self, /)", text_tell, nullptr},
    {"truncate($self, pos=None, /)", text_truncate, nullptr},
    {"detach($self, /)", text_detach, nullptr},
    {"reconfigure($self, /, *, encoding=?, errors=?, newline=?, line_buffering=?, write_through=?)",
     text_reconfigure, nullptr},
    {"readable($self, /)", text_readable, nullptr},
    {"writable($self, /)", text_writable, nullptr},
    {"seekable($self, /)", text_seekable, nullptr},
    {"fileno($self, /)", text_fileno, nullptr},
    {"isatty($self, /)", text_isatty, nullptr},
    {nullptr}};

const GetSetDef kTextGetSets[] = {
    {"closed", text_closed_get, nullptr, nullptr},
    {"name", text_name_get, nullptr, nullptr},
    {"buffer", text_buffer_get, nullptr, nullptr},
    {"encoding", text_encoding_get, nullptr, nullptr},
    {"errors", text_errors_get, nullptr, nullptr},
    {"newlines", text_newlines_get, nullptr, nullptr},
    {"line_buffering", text_line_buffering_get, nullptr, nullptr},
    {"write_through", text_write_through_get, nullptr, nullptr},
    {"_CHUNK_SIZE", text_chunk_size_get, nullptr, nullptr},
    {nullptr}};

}  // namespace

// StringIO shares the newline-result helper.
Ref<> io_newlines_value(int seen) { return newlines_value(seen); }

void io_text_init() {
  Type* t = &g_textiowrapper_type;
  io_type_setup(t, "_io.TextIOWrapper", &g_textiobase_type, sizeof(TextIO));
  t->tp_new = text_new;
  t->tp_init = text_init;
  t->tp_dealloc = text_dealloc;
  t->tp_traverse = text_traverse;
  t->tp_repr = text_repr;
  t->tp_iternext = text_iternext;
  t->methods = kTextMethods;
  t->getsets = kTextGetSets;
  t->doc = "Character and line based layer over a BufferedIOBase object, buffer.";
  type_ready(t);
}

}  // namespace ftpy
