// The readline module over GNU readline: the history list and its files,
// the completer and its word delimiters, the startup / pre-input /
// display-matches hooks, the line buffer, and readline_read_line, the one
// entry point through which input() (once this module is imported) and the
// interactive REPL read a line.
//
// Reading a line uses readline's callback interface, as CPython does: the
// terminal is polled in 100 ms slices while detached, and each byte that
// arrives is fed to rl_callback_read_char. Between slices the main thread
// runs pending signal handlers; one that raises (Ctrl-C's
// KeyboardInterrupt) abandons the line and cleans readline up.
//
// Thread safety: GNU readline is a library of process-wide globals. Every
// call into it (and every read or write of this module's hooks, delimiters
// and indices) happens under g_state_mu, taken through a detached wait so a
// thread waiting for it never stalls a stop-the-world. It is recursive
// because readline calls the Python hooks (the completer, ...) from inside a
// locked call and those may call back into this module (get_line_buffer,
// get_begidx). The Python hooks run attached (they re-attach from inside
// the detached rl_callback_read_char). A second mutex, g_reader_mu, is held
// for a whole line read, so two threads calling input() take turns rather
// than interleaving keystrokes; g_state_mu is released while waiting for
// keys, so other threads may add history meanwhile.
// Lock order: g_reader_mu -> g_state_mu.
#include "modules/readline_module.h"

#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <clocale>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

// GNU readline declares its own prototypes; it needs stdio first.
#include <readline/history.h>
#include <readline/readline.h>

#include "modules/io_internal.h"
#include "modules/posix_ids.h"
#include "modules/sys_module.h"
#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/thread_state.h"
#include "vm/safepoint.h"

namespace ftpy {

namespace {

std::recursive_mutex g_state_mu;
std::mutex g_reader_mu;
std::atomic<bool> g_imported{false};

// Guarded by g_state_mu.
Value g_completer;          // owned callable or null
Value g_startup_hook;       // owned callable or null
Value g_pre_input_hook;     // owned callable or null
Value g_display_hook;       // owned callable or null (completion_display_matches_hook)
int g_begidx = 0, g_endidx = 0;
int g_history_length = -1;  // what write_history_file truncates the file to
bool g_auto_history = true;
char* g_delims = nullptr;   // malloc'd; readline's rl_completer_word_break_characters points at it
bool g_setup_done = false;
// The line handed back by the callback interface (malloc'd by readline).
bool g_line_done = false;
char* g_line = nullptr;

// g_state_mu, waited for detached. Recursive on one thread.
class StateLock {
 public:
  StateLock() {
    if (!g_state_mu.try_lock()) {
      DetachedScope d;
      g_state_mu.lock();
    }
  }
  ~StateLock() { g_state_mu.unlock(); }
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;
};

// Runs Python code from inside a readline call made detached: re-attaches
// for the scope and detaches again after.
class AttachForHook {
 public:
  AttachForHook() : reattached_(!thread_is_attached()) {
    if (reattached_) thread_reattach();
  }
  ~AttachForHook() {
    if (reattached_) thread_detach_for_blocking();
  }
  AttachForHook(const AttachForHook&) = delete;
  AttachForHook& operator=(const AttachForHook&) = delete;

 private:
  bool reattached_;
};

void set_owned(Value* slot, Value v) {
  Value old = *slot;
  *slot = v.is_null() ? Value() : Ref<>::borrow(v).release();
  if (!old.is_null()) decref(old);
}

// Text to and from readline: the locale's encoding, which ftpy takes as
// UTF-8, with surrogateescape (CPython's encode()/decode() in readline.c).
bool encode_arg(Value v, std::string* out) {
  if (!is_str(v)) {
    err_set_str(g_TypeError, "bad argument type for built-in operation");
    return false;
  }
  Ref<> b = codec_encode(v.as<Str>(), "utf-8", "surrogateescape");
  if (!b) return false;
  *out = std::string(bytes_view(b.val()));
  return true;
}

Ref<> decode(const char* s) { return os_text(s); }

// A C int argument as the argument clinic's "int" converter takes it.
bool int_arg(Value v, int* out) {
  int64_t x;
  if (!to_int64(v, &x)) {
    if (err_matches(g_OverflowError)) {
      err_clear();
      err_set_str(g_OverflowError, "Python int too large to convert to C int");
    }
    return false;
  }
  if (x < INT_MIN || x > INT_MAX) {
    err_set_str(g_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

// An optional filename argument (None = readline's default file).
bool filename_arg(Value v, std::string* out, bool* given) {
  *given = !v.is_null() && !is_none(v);
  if (!*given) return true;
  return io_path_bytes(v, out);
}

// --- hooks readline calls (g_state_mu is held: they run inside a locked call) ---

int call_int_hook(Value hook) {
  if (hook.is_null()) return 0;
  AttachForHook attach;
  Ref<> h = Ref<>::borrow(hook);
  Ref<> r = call0(h.val());
  int result = 0;
  if (r && !is_none(r.val())) {
    int64_t x;
    if (to_int64(r.val(), &x)) result = static_cast<int>(x);
  }
  err_clear();
  return result;
}

int on_startup_hook() { return call_int_hook(g_startup_hook); }
int on_pre_input_hook() { return call_int_hook(g_pre_input_hook); }

void on_display_matches(char** matches, int num_matches, int max_length) {
  if (g_display_hook.is_null()) return;
  AttachForHook attach;
  Ref<> h = Ref<>::borrow(g_display_hook);
  Ref<List> lst = list_new();
  Ref<> sub = decode(matches[0]);
  Ref<> len = int_from_int64(max_length);
  bool ok = lst && sub && len;
  for (int i = 0; ok && i < num_matches; i++) {
    Ref<> m = decode(matches[i + 1]);
    ok = m && list_append(lst.val(), m.val()) >= 0;
  }
  if (ok) {
    Value args[3] = {sub.val(), lst.val(), len.val()};
    Ref<> r = call(h.val(), args, 3);
  }
  err_clear();
}

// The completer's state-th match for `text`, malloc'd, or null when it
// returns None (or raises: the error is dropped, as CPython does).
char* on_completion(const char* text, int state) {
  if (g_completer.is_null()) return nullptr;
  AttachForHook attach;
  Ref<> h = Ref<>::borrow(g_completer);
  Ref<> t = decode(text);
  char* out = nullptr;
  if (t) {
    Value args[2] = {t.val(), Value::small(state)};
    Ref<> r = call(h.val(), args, 2);
    if (r && !is_none(r.val())) {
      std::string s;
      if (encode_arg(r.val(), &s)) out = strdup(s.c_str());
    }
  }
  err_clear();
  return out;
}

char** flex_complete(const char* text, int start, int end) {
  rl_completion_append_character = '\0';
  rl_completion_suppress_append = 0;
  g_begidx = start;
  g_endidx = end;
  // The Python completer is the whole story: no fallback to file names.
  rl_attempted_completion_over = 1;
  return rl_completion_matches(text, on_completion);
}

void on_line(char* text) {
  g_line = text;
  g_line_done = true;
  rl_callback_handler_remove();
}

// readline's process-wide settings, once (g_state_mu held).
void setup_locked() {
  if (g_setup_done) return;
  g_setup_done = true;
  // CPython sets LC_CTYPE from the environment at start-up; readline needs
  // it for multibyte input. ftpy does it here (and when curses is imported).
  const char* cur = std::setlocale(LC_CTYPE, nullptr);
  if (!cur || std::strcmp(cur, "C") == 0 || std::strcmp(cur, "POSIX") == 0) std::setlocale(LC_CTYPE, "");
  using_history();
  rl_readline_name = const_cast<char*>("python");
  rl_startup_hook = on_startup_hook;
  rl_pre_input_hook = on_pre_input_hook;
  rl_attempted_completion_function = flex_complete;
  g_delims = strdup(" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?");
  rl_completer_word_break_characters = g_delims;
  // Tab inserts itself until something binds it to completion
  // (rlcompleter users call parse_and_bind('tab: complete')); Esc-Tab and
  // Esc-Esc complete.
  rl_bind_key('\t', rl_insert);
  rl_bind_key_in_map('\t', rl_complete, emacs_meta_keymap);
  rl_bind_key_in_map('\033', rl_complete, emacs_meta_keymap);
  if (!::isatty(STDOUT_FILENO)) rl_variable_bind("enable-meta-key", "off");
  // Signals stay ftpy's: the read loop below runs their Python handlers.
  rl_catch_signals = 0;
  rl_instream = stdin;
  rl_outstream = stdout;
  rl_initialize();
}

void ensure_setup() {
  StateLock lock;
  setup_locked();
}

// --- module functions --------------------------------------------------------------

Ref<> mod_parse_and_bind(Value, Value* a) {
  std::string s;
  if (!encode_arg(a[0], &s)) return nullptr;
  StateLock lock;
  // rl_parse_and_bind may modify its argument.
  std::vector<char> buf(s.begin(), s.end());
  buf.push_back('\0');
  rl_parse_and_bind(buf.data());
  return new_none();
}

Ref<> mod_read_init_file(Value, Value* a) {
  std::string name;
  bool given;
  if (!filename_arg(a[0], &name, &given)) return nullptr;
  int e;
  {
    StateLock lock;
    e = rl_read_init_file(given ? name.c_str() : nullptr);
  }
  if (e) return err_from_errno(e);
  return new_none();
}

Ref<> mod_read_history_file(Value, Value* a) {
  std::string name;
  bool given;
  if (!filename_arg(a[0], &name, &given)) return nullptr;
  int e;
  {
    StateLock lock;
    DetachedScope d;  // file I/O
    e = read_history(given ? name.c_str() : nullptr);
  }
  if (e) return err_from_errno(e);
  return new_none();
}

Ref<> mod_write_history_file(Value, Value* a) {
  std::string name;
  bool given;
  if (!filename_arg(a[0], &name, &given)) return nullptr;
  int e;
  {
    StateLock lock;
    DetachedScope d;
    const char* f = given ? name.c_str() : nullptr;
    e = write_history(f);
    if (!e && g_history_length >= 0) history_truncate_file(f, g_history_length);
  }
  if (e) return err_from_errno(e);
  return new_none();
}

Ref<> mod_append_history_file(Value, Value* a) {
  int n;
  if (!int_arg(a[0], &n)) return nullptr;
  std::string name;
  bool given;
  if (!filename_arg(a[1], &name, &given)) return nullptr;
  int e;
  {
    StateLock lock;
    DetachedScope d;
    const char* f = given ? name.c_str() : nullptr;
    e = append_history(n, f);
    if (!e && g_history_length >= 0) history_truncate_file(f, g_history_length);
  }
  if (e) return err_from_errno(e);
  return new_none();
}

Ref<> mod_set_history_length(Value, Value* a) {
  int n;
  if (!int_arg(a[0], &n)) return nullptr;
  StateLock lock;
  g_history_length = n;
  return new_none();
}

Ref<> mod_get_history_length(Value, Value*) {
  StateLock lock;
  return int_from_int64(g_history_length);
}

Ref<> set_hook(const char* name, Value* slot, Value fn) {
  if (!fn.is_null() && !is_none(fn)) {
    int c = callable(fn);
    if (c < 0) return nullptr;
    if (!c) return err_format(g_TypeError, "set_%.50s(func): argument not callable", name);
  } else {
    fn = Value();
  }
  StateLock lock;
  set_owned(slot, fn);
  return new_none();
}

Ref<> mod_set_completion_display_matches_hook(Value, Value* a) {
  Ref<> r = set_hook("completion_display_matches_hook", &g_display_hook, a[0]);
  if (!r) return nullptr;
  StateLock lock;
  rl_completion_display_matches_hook = g_display_hook.is_null() ? nullptr : on_display_matches;
  return r;
}

Ref<> mod_set_startup_hook(Value, Value* a) { return set_hook("startup_hook", &g_startup_hook, a[0]); }
Ref<> mod_set_pre_input_hook(Value, Value* a) { return set_hook("pre_input_hook", &g_pre_input_hook, a[0]); }
Ref<> mod_set_completer(Value, Value* a) { return set_hook("completer", &g_completer, a[0]); }

Ref<> mod_get_completer(Value, Value*) {
  StateLock lock;
  if (g_completer.is_null()) return new_none();
  return Ref<>::borrow(g_completer);
}

Ref<> mod_get_completion_type(Value, Value*) {
  StateLock lock;
  return int_from_int64(rl_completion_type);
}

Ref<> mod_get_begidx(Value, Value*) {
  StateLock lock;
  return int_from_int64(g_begidx);
}

Ref<> mod_get_endidx(Value, Value*) {
  StateLock lock;
  return int_from_int64(g_endidx);
}

Ref<> mod_set_completer_delims(Value, Value* a) {
  std::string s;
  if (!encode_arg(a[0], &s)) return nullptr;
  StateLock lock;
  char* fresh = strdup(s.c_str());
  if (!fresh) return err_no_memory();
  // readline may still point at the old string until we repoint it.
  rl_completer_word_break_characters = fresh;
  std::free(g_delims);
  g_delims = fresh;
  return new_none();
}

Ref<> mod_get_completer_delims(Value, Value*) {
  std::string s;
  {
    StateLock lock;
    s = rl_completer_word_break_characters ? rl_completer_word_break_characters : "";
  }
  return decode(s.c_str());
}

Ref<> mod_remove_history_item(Value, Value* a) {
  int pos;
  if (!int_arg(a[0], &pos)) return nullptr;
  if (pos < 0) return err_set_str(g_ValueError, "History index cannot be negative");
  StateLock lock;
  HIST_ENTRY* e = remove_history(pos);
  if (!e) return err_format(g_ValueError, "No history item at position %d", pos);
  histdata_t data = free_history_entry(e);
  (void)data;
  return new_none();
}

Ref<> mod_replace_history_item(Value, Value* a) {
  int pos;
  if (!int_arg(a[0], &pos)) return nullptr;
  std::string line;
  if (!encode_arg(a[1], &line)) return nullptr;
  if (pos < 0) return err_set_str(g_ValueError, "History index cannot be negative");
  StateLock lock;
  HIST_ENTRY* e = replace_history_entry(pos, line.c_str(), nullptr);
  if (!e) return err_format(g_ValueError, "No history item at position %d", pos);
  histdata_t data = free_history_entry(e);
  (void)data;
  return new_none();
}

Ref<> mod_add_history(Value, Value* a) {
  std::string line;
  if (!encode_arg(a[0], &line)) return nullptr;
  StateLock lock;
  add_history(line.c_str());
  return new_none();
}

Ref<> mod_set_auto_history(Value, Value* a) {
  int t = truthy(a[0]);
  if (t < 0) return nullptr;
  StateLock lock;
  g_auto_history = t;
  return new_none();
}

Ref<> mod_get_history_item(Value, Value* a) {
  int idx;
  if (!int_arg(a[0], &idx)) return nullptr;
  std::string line;
  {
    StateLock lock;
    HIST_ENTRY* e = history_get(idx);
    if (!e) return new_none();
    line = e->line ? e->line : "";
  }
  return decode(line.c_str());
}

Ref<> mod_get_current_history_length(Value, Value*) {
  StateLock lock;
  return int_from_int64(history_length);
}

Ref<> mod_clear_history(Value, Value*) {
  StateLock lock;
  clear_history();
  return new_none();
}

Ref<> mod_insert_text(Value, Value* a) {
  std::string s;
  if (!encode_arg(a[0], &s)) return nullptr;
  StateLock lock;
  rl_insert_text(s.c_str());
  return new_none();
}

Ref<> mod_redisplay_fn(Value, Value*) {
  StateLock lock;
  rl_redisplay();
  return new_none();
}

Ref<> mod_get_line_buffer(Value, Value*) {
  std::string s;
  {
    StateLock lock;
    s = rl_line_buffer ? rl_line_buffer : "";
  }
  return decode(s.c_str());
}

const MethodDef kReadlineFunctions[] = {
    {"parse_and_bind(string, /)", mod_parse_and_bind, "Execute the init line provided in the string argument."},
    {"read_init_file(filename=None, /)", mod_read_init_file, "Execute a readline initialization file."},
    {"read_history_file(filename=None, /)", mod_read_history_file, "Load a readline history file."},
    {"write_history_file(filename=None, /)", mod_write_history_file, "Save a readline history file."},
    {"append_history_file(nelements, filename=None, /)", mod_append_history_file,
     "Append the last nelements items of the history list to file."},
    {"set_history_length(length, /)", mod_set_history_length,
     "Set the maximal number of lines which will be written to the history file."},
    {"get_history_length()", mod_get_history_length,
     "Return the maximum number of lines that will be written to the history file."},
    {"set_completion_display_matches_hook(function=None, /)", mod_set_completion_display_matches_hook,
     "Set or remove the completion display function."},
    {"set_startup_hook(function=None, /)", mod_set_startup_hook, "Set or remove the function invoked by the rl_startup_hook callback."},
    {"set_pre_input_hook(function=None, /)", mod_set_pre_input_hook,
     "Set or remove the function invoked by the rl_pre_input_hook callback."},
    {"set_completer(function=None, /)", mod_set_completer, "Set or remove the completer function."},
    {"get_completer()", mod_get_completer, "Get the current completer function."},
    {"get_completion_type()", mod_get_completion_type, "Get the type of completion being attempted."},
    {"get_begidx()", mod_get_begidx, "Get the beginning index of the completion scope."},
    {"get_endidx()", mod_get_endidx, "Get the ending index of the completion scope."},
    {"set_completer_delims(string, /)", mod_set_completer_delims, "Set the word delimiters for completion."},
    {"get_completer_delims()", mod_get_completer_delims, "Get the word delimiters for completion."},
    {"remove_history_item(pos, /)", mod_remove_history_item, "Remove history item given by its zero-based position."},
    {"replace_history_item(pos, line, /)", mod_replace_history_item,
     "Replaces history item given by its position with contents of line."},
    {"add_history(string, /)", mod_add_history, "Add an item to the history buffer."},
    {"set_auto_history(enabled, /)", mod_set_auto_history, "Enables or disables automatic history."},
    {"get_history_item(index, /)", mod_get_history_item, "Return the current contents of history item at one-based index."},
    {"get_current_history_length()", mod_get_current_history_length, "Return the current (not the maximum) length of history."},
    {"clear_history()", mod_clear_history, "Clear the current readline history."},
    {"insert_text(string, /)", mod_insert_text, "Insert text into the line buffer at the cursor position."},
    {"redisplay()", mod_redisplay_fn, "Change what's displayed on the screen to reflect contents of the line buffer."},
    {"get_line_buffer()", mod_get_line_buffer, "Return the current contents of the line buffer."},
    {nullptr}};

// Abandons the line being read (a signal handler raised); g_state_mu held.
void abandon_line_locked() {
  rl_free_line_state();
  rl_callback_sigcleanup();
  rl_cleanup_after_signal();
  rl_callback_handler_remove();
}

}  // namespace

bool readline_module_imported() { return g_imported.load(std::memory_order_acquire); }

int readline_read_line(const char* prompt, std::string* out) {
  // One reader at a time, waited for detached.
  std::unique_lock<std::mutex> reader(g_reader_mu, std::defer_lock);
  if (!reader.try_lock()) {
    DetachedScope d;
    reader.lock();
  }
  ThreadState* ts = tstate();
  int fd;
  {
    StateLock lock;
    setup_locked();
    if (rl_instream != stdin || rl_outstream != stdout) {
      rl_instream = stdin;
      rl_outstream = stdout;
      rl_prep_terminal(1);
    }
    g_line_done = false;
    g_line = nullptr;
    rl_callback_handler_install(prompt, on_line);
    fd = ::fileno(rl_instream);
  }
  for (;;) {
    struct pollfd p = {fd, POLLIN, 0};
    int r, err;
    {
      DetachedScope d;
      r = ::poll(&p, 1, 100);
      err = errno;
    }
    if (r > 0) {
      StateLock lock;
      {
        DetachedScope d;  // may block for the rest of a key sequence; hooks re-attach
        rl_callback_read_char();
      }
      if (g_line_done) break;
      continue;
    }
    if (r < 0 && err != EINTR) {  // the terminal went away: end of file
      StateLock lock;
      rl_callback_handler_remove();
      g_line = nullptr;
      break;
    }
    if (signals_pending_for(ts) && handle_eval_breaker(ts) < 0) {
      StateLock lock;
      abandon_line_locked();
      return -1;
    }
  }
  StateLock lock;
  char* line = g_line;
  g_line = nullptr;
  if (!line) return 0;
  *out = line;
  if (g_auto_history && !out->empty()) {
    HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
    if (!last || !last->line || *out != last->line) add_history(line);
  }
  std::free(line);
  return 1;
}

namespace {

// True when `stream`.fileno() is `fd` and a terminal; errors count as no.
bool stream_is_tty(Value stream, int fd) {
  if (is_none(stream)) return false;
  Ref<> r = call_method(stream, "fileno", nullptr, 0);
  int64_t n;
  bool ok = r && is_int(r.val()) && int_as_int64(r.val(), &n) && n == fd && ::isatty(fd);
  err_clear();
  return ok;
}

// stream.<attr> when it is a str, else `dflt`.
std::string stream_text_attr(Value stream, const char* attr, const char* dflt) {
  Ref<> v = getattr(stream, attr);
  if (v && is_str(v.val())) return std::string(str_view(v.val()));
  err_clear();
  return dflt;
}

}  // namespace

Ref<> readline_input(Value prompt, bool* handled) {
  *handled = false;
  Ref<> in = sys_get_attr("stdin"), out = sys_get_attr("stdout"), errs = sys_get_attr("stderr");
  if (!in || !out || !errs) {
    err_clear();
    return nullptr;
  }
  if (!is_none(errs.val())) {
    Ref<> f = call_method(errs.val(), "flush", nullptr, 0);
    err_clear();
  }
  if (!stream_is_tty(in.val(), 0) || !stream_is_tty(out.val(), 1)) return nullptr;
  *handled = true;
  if (!call_method(out.val(), "flush", nullptr, 0)) err_clear();
  std::string p;
  if (!prompt.is_null()) {
    Ref<> ps = str(prompt);
    if (!ps) return nullptr;
    Ref<> b = codec_encode(ps.val().as<Str>(), stream_text_attr(out.val(), "encoding", "utf-8"),
                           stream_text_attr(out.val(), "errors", "strict"));
    if (!b) return nullptr;
    p = std::string(bytes_view(b.val()));
    if (p.find('\0') != std::string::npos) return err_set_str(g_ValueError, "input: prompt string cannot contain null characters");
  }
  std::string line;
  int r = readline_read_line(p.c_str(), &line);
  if (r < 0) return nullptr;
  if (r == 0) return err_set_str(g_EOFError, "EOF when reading a line");
  return codec_decode(reinterpret_cast<const uint8_t*>(line.data()), static_cast<int64_t>(line.size()),
                      stream_text_attr(in.val(), "encoding", "utf-8"), stream_text_attr(in.val(), "errors", "strict"));
}

Ref<> readline_module_create() {
  ensure_setup();
  Ref<> m = module_new("readline");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kReadlineFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  Ref<Str> doc = str_from_utf8("Importing this module enables command line editing using GNU readline.");
  if (!doc || dict_set_item_str(d, "__doc__", doc.val()) < 0) return nullptr;
  Ref<> v1 = int_from_int64(RL_READLINE_VERSION), v2 = int_from_int64(rl_readline_version);
  Ref<> v3 = decode(rl_library_version), backend = str_from_ascii("readline");
  if (!v1 || !v2 || !v3 || !backend) return nullptr;
  if (dict_set_item_str(d, "_READLINE_VERSION", v1.val()) < 0 ||
      dict_set_item_str(d, "_READLINE_RUNTIME_VERSION", v2.val()) < 0 ||
      dict_set_item_str(d, "_READLINE_LIBRARY_VERSION", v3.val()) < 0 ||
      dict_set_item_str(d, "backend", backend.val()) < 0)
    return nullptr;
  g_imported.store(true, std::memory_order_release);
  return m;
}

}  // namespace ftpy
