// The grp module: the group database (getgrgid, getgrnam, getgrall and the
// grp.struct_group record, whose gr_mem is a list of member names).
//
// Thread safety as in pwd_module.cpp: reentrant getgr*_r lookups run
// detached; getgrall walks getgrent()'s process-wide cursor under a mutex
// taken detached, copying the entries out before building any object.
#include "modules/grp_module.h"

#include <grp.h>
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

std::mutex g_grent_mu;  // getgrent()'s cursor is shared by the whole process

// A group entry copied out of the C library's buffers.
struct GroupEntry {
  std::string name, passwd;
  gid_t gid = 0;
  std::vector<std::string> members;
};

GroupEntry copy_group(const struct group& g) {
  GroupEntry e;
  e.name = g.gr_name ? g.gr_name : "";
  e.passwd = g.gr_passwd ? g.gr_passwd : "";
  e.gid = g.gr_gid;
  for (char** m = g.gr_mem; m && *m; m++) e.members.emplace_back(*m);
  return e;
}

Ref<> group_record(const GroupEntry& g) {
  Ref<List> mem = list_new();
  if (!mem) return nullptr;
  for (const std::string& m : g.members) {
    Ref<> s = os_text(m.c_str());
    if (!s || list_append(mem.val(), s.val()) < 0) return nullptr;
  }
  const char* names[] = {"gr_name", "gr_passwd", "gr_gid", "gr_mem"};
  Ref<> vals[4] = {os_text(g.name.c_str()), os_text(g.passwd.c_str()), id_to_int(g.gid), std::move(mem)};
  std::vector<std::pair<const char*, Ref<>>> fields;
  Ref<Tuple> items = tuple_new(4);
  if (!items) return nullptr;
  for (int i = 0; i < 4; i++) {
    if (!vals[i]) return nullptr;
    fields.emplace_back(names[i], Ref<>());
    tuple_init_item(items.get(), i, std::move(vals[i]));
  }
  return record_new("grp.struct_group", fields, items.val());
}

// getgrgid_r/getgrnam_r with a buffer grown on ERANGE, detached. Returns
// 0 with *found set, or an errno value.
template <typename Lookup>
int lookup_group(Lookup lookup, GroupEntry* out, bool* found) {
  long hint = ::sysconf(_SC_GETGR_R_SIZE_MAX);
  std::vector<char> buf(hint > 0 ? static_cast<size_t>(hint) : 1024);
  DetachedScope detached;
  for (;;) {
    struct group g;
    struct group* res = nullptr;
    int e = lookup(&g, buf.data(), buf.size(), &res);
    if (e == ERANGE && buf.size() < (1u << 24)) {
      buf.resize(buf.size() * 2);
      continue;
    }
    *found = res != nullptr;
    if (*found) *out = copy_group(g);
    return *found ? 0 : e;
  }
}

std::nullptr_t not_found(const std::string& msg) {
  Ref<> m = str_from_utf8(msg);
  if (!m) return nullptr;
  return err_set_object(g_KeyError, m.val());
}

Ref<> grp_getgrgid(Value, Value* args) {
  gid_t gid;
  // Unlike getpwuid, an out-of-range gid keeps its OverflowError (3.11).
  if (id_from_object(args[0], "gid", &gid) != IdParse::kOk) return nullptr;
  GroupEntry g;
  bool found;
  int e = lookup_group([gid](struct group* o, char* b, size_t n, struct group** res) {
    return ::getgrgid_r(gid, o, b, n, res);
  }, &g, &found);
  if (e == ENOMEM) return err_set_str(g_MemoryError, "");
  if (!found) {
    Ref<> shown = id_to_int(gid);
    if (!shown) return nullptr;
    return not_found("getgrgid(): gid not found: " + repr_utf8(shown.val()));
  }
  return group_record(g);
}

Ref<> grp_getgrnam(Value, Value* args) {
  Value name = args[0];
  if (!is_str(name)) return err_format(g_TypeError, "getgrnam() argument 'name' must be str, not %s", type_name(type_of(name)));
  std::string cname;
  if (!os_text_bytes(name, &cname)) return nullptr;
  GroupEntry g;
  bool found;
  int e = lookup_group([&cname](struct group* o, char* b, size_t n, struct group** res) {
    return ::getgrnam_r(cname.c_str(), o, b, n, res);
  }, &g, &found);
  if (e == ENOMEM) return err_set_str(g_MemoryError, "");
  if (!found) return not_found("getgrnam(): name not found: " + repr_utf8(name));
  return group_record(g);
}

Ref<> grp_getgrall(Value, Value*) {
  std::vector<GroupEntry> entries;
  {
    DetachedScope detached;
    std::lock_guard<std::mutex> g(g_grent_mu);
    ::setgrent();
    while (struct group* p = ::getgrent()) entries.push_back(copy_group(*p));
    ::endgrent();
  }
  Ref<List> out = list_new();
  if (!out) return nullptr;
  for (const GroupEntry& e : entries) {
    Ref<> rec = group_record(e);
    if (!rec || list_append(out.val(), rec.val()) < 0) return nullptr;
  }
  return out;
}

const MethodDef kGrpFunctions[] = {
    {"getgrgid(id)", grp_getgrgid, "Return the group database entry of the group with numeric ID id."},
    {"getgrnam(name)", grp_getgrnam, "Return the group database entry of the group called name."},
    {"getgrall()", grp_getgrall, "Return every entry of the group database, in its order, as a list."},
    {nullptr}};

}  // namespace

Ref<> grp_module_create() {
  Ref<> m = module_new("grp");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kGrpFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  Ref<Str> doc = str_from_utf8(
      "Access to the Unix group database: records of (gr_name, gr_passwd, gr_gid, gr_mem),\n"
      "readable by index or by attribute; gr_mem lists the member names.");
  if (!doc || dict_set_item_str(d, "__doc__", doc.val()) < 0) return nullptr;
  Ref<> rec = group_record(GroupEntry{});
  if (!rec || dict_set_item_str(d, "struct_group", Value(type_of(rec.val()))) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
