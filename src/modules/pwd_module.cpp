// The pwd module: the password database (getpwuid, getpwnam, getpwall and
// the pwd.struct_passwd record).
//
// Lookups use the C library's reentrant getpw*_r calls with a buffer of our
// own, and run detached (a name service may block on the network).
// getpwall walks getpwent(), whose cursor is process-wide, under a mutex
// taken detached, so a thread waiting for another's enumeration never
// stalls a stop-the-world.
#include "modules/pwd_module.h"

#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <string>
#include <vector>

#include "modules/io_internal.h"
#include "modules/posix_ids.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"

namespace ftpy {

namespace {

std::mutex g_pwent_mu;  // getpwent()'s cursor is shared by the whole process

Ref<> passwd_record(const struct passwd& p) {
  const char* names[] = {"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"};
  Ref<> vals[7] = {os_text(p.pw_name),   os_text(p.pw_passwd), id_to_int(p.pw_uid), id_to_int(p.pw_gid),
                   os_text(p.pw_gecos), os_text(p.pw_dir),    os_text(p.pw_shell)};
  std::vector<std::pair<const char*, Ref<>>> fields;
  Ref<Tuple> items = tuple_new(7);
  if (!items) return nullptr;
  for (int i = 0; i < 7; i++) {
    if (!vals[i]) return nullptr;
    fields.emplace_back(names[i], Ref<>());
    tuple_init_item(items.get(), i, std::move(vals[i]));
  }
  return record_new("pwd.struct_passwd", fields, items.val());
}

// Run getpwuid_r/getpwnam_r with a buffer grown on ERANGE. Detached: the
// lookup may go to a network name service. Returns 0 with *found set, or
// an errno value.
template <typename Lookup>
int lookup_passwd(Lookup lookup, struct passwd* out, std::vector<char>* buf, bool* found) {
  long hint = ::sysconf(_SC_GETPW_R_SIZE_MAX);
  buf->resize(hint > 0 ? static_cast<size_t>(hint) : 1024);
  DetachedScope detached;
  for (;;) {
    struct passwd* res = nullptr;
    int e = lookup(out, buf->data(), buf->size(), &res);
    if (e == ERANGE && buf->size() < (1u << 24)) {
      buf->resize(buf->size() * 2);
      continue;
    }
    *found = res != nullptr;
    return *found ? 0 : e;
  }
}

Ref<> pwd_getpwuid(Value, Value* args) {
  uid_t uid;
  IdParse r = id_from_object(args[0], "uid", &uid);
  if (r == IdParse::kError) return nullptr;
  if (r == IdParse::kOverflow) {
    // CPython reports an out-of-range uid as not found, without the number.
    err_clear();
    return err_set_object(g_KeyError, Value(str_from_utf8("getpwuid(): uid not found").val()));
  }
  struct passwd p;
  std::vector<char> buf;
  bool found;
  int e = lookup_passwd([uid](struct passwd* o, char* b, size_t n, struct passwd** res) {
    return ::getpwuid_r(uid, o, b, n, res);
  }, &p, &buf, &found);
  if (e == ENOMEM) return err_set_str(g_MemoryError, "");
  if (!found) {
    Ref<> shown = id_to_int(uid);
    if (!shown) return nullptr;
    std::string msg = "getpwuid(): uid not found: " + repr_utf8(shown.val());
    Ref<> m = str_from_utf8(msg);
    if (!m) return nullptr;
    return err_set_object(g_KeyError, m.val());
  }
  return passwd_record(p);
}

Ref<> pwd_getpwnam(Value, Value* args) {
  Value name = args[0];
  if (!is_str(name)) return err_format(g_TypeError, "getpwnam() argument must be str, not %s", type_name(type_of(name)));
  std::string cname;
  if (!os_text_bytes(name, &cname)) return nullptr;
  struct passwd p;
  std::vector<char> buf;
  bool found;
  int e = lookup_passwd([&cname](struct passwd* o, char* b, size_t n, struct passwd** res) {
    return ::getpwnam_r(cname.c_str(), o, b, n, res);
  }, &p, &buf, &found);
  if (e == ENOMEM) return err_set_str(g_MemoryError, "");
  if (!found) {
    Ref<> m = str_from_utf8("getpwnam(): name not found: " + repr_utf8(name));
    if (!m) return nullptr;
    return err_set_object(g_KeyError, m.val());
  }
  return passwd_record(p);
}

Ref<> pwd_getpwall(Value, Value*) {
  Ref<List> out = list_new();
  if (!out) return nullptr;
  // Copy every entry out while holding the cursor, then build the records
  // attached (building allocates Python objects).
  struct Entry {
    std::string name, passwd, gecos, dir, shell;
    uid_t uid;
    gid_t gid;
  };
  std::vector<Entry> entries;
  {
    DetachedScope detached;
    std::lock_guard<std::mutex> g(g_pwent_mu);
    ::setpwent();
    while (struct passwd* p = ::getpwent())
      entries.push_back({p->pw_name ? p->pw_name : "", p->pw_passwd ? p->pw_passwd : "",
                         p->pw_gecos ? p->pw_gecos : "", p->pw_dir ? p->pw_dir : "",
                         p->pw_shell ? p->pw_shell : "", p->pw_uid, p->pw_gid});
    ::endpwent();
  }
  for (Entry& e : entries) {
    struct passwd p{};
    p.pw_name = e.name.data();
    p.pw_passwd = e.passwd.data();
    p.pw_gecos = e.gecos.data();
    p.pw_dir = e.dir.data();
    p.pw_shell = e.shell.data();
    p.pw_uid = e.uid;
    p.pw_gid = e.gid;
    Ref<> rec = passwd_record(p);
    if (!rec || list_append(out.val(), rec.val()) < 0) return nullptr;
  }
  return out;
}

const MethodDef kPwdFunctions[] = {
    {"getpwuid(uid, /)", pwd_getpwuid, "Return the password database entry of the user with numeric ID uid."},
    {"getpwnam(name, /)", pwd_getpwnam, "Return the password database entry of the user called name."},
    {"getpwall()", pwd_getpwall, "Return every entry of the password database, in its order, as a list."},
    {nullptr}};

}  // namespace

Ref<> pwd_module_create() {
  Ref<> m = module_new("pwd");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kPwdFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  Ref<Str> doc = str_from_utf8(
      "Access to the Unix password database: records of (pw_name, pw_passwd, pw_uid, pw_gid,\n"
      "pw_gecos, pw_dir, pw_shell), readable by index or by attribute.");
  if (!doc || dict_set_item_str(d, "__doc__", doc.val()) < 0) return nullptr;
  // The record type, created by record_new on first use.
  struct passwd sample{};
  char empty[] = "";
  sample.pw_name = sample.pw_passwd = sample.pw_gecos = sample.pw_dir = sample.pw_shell = empty;
  Ref<> rec = passwd_record(sample);
  if (!rec || dict_set_item_str(d, "struct_passwd", Value(type_of(rec.val()))) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
