// The native pickler: its identity memo, and byte output checked against
// what python3's C pickler writes for the same objects.
#include "modules/pickle_module.h"
#include "modules/pickle_pickler.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "runtime_fixture.h"

namespace ftpy {

class PickleTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    Ref<> m = pickle_module_create();
    ASSERT_TRUE(m);
    dict_set_item_str(globals_.val(), "pk", m.val());
  }
};

TEST_F(PickleTest, MemoFindsByIdentityAndGrows) {
  PickleMemo memo;
  std::vector<Ref<>> objs;
  for (int i = 0; i < 1000; i++) {
    Ref<List> l = list_new();
    ASSERT_TRUE(l);
    memo.set(l.val(), i);
    objs.push_back(std::move(l));
  }
  EXPECT_EQ(memo.size(), 1000);
  for (int i = 0; i < 1000; i++) {
    const PickleMemo::Entry* e = memo.find(objs[i].val());
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->index, i);
  }
  Ref<List> other = list_new();
  EXPECT_EQ(memo.find(other.val()), nullptr);
  memo.set(objs[5].val(), 77);  // an existing key: new index, same size
  EXPECT_EQ(memo.size(), 1000);
  EXPECT_EQ(memo.find(objs[5].val())->index, 77);
}

TEST_F(PickleTest, MemoHoldsItsKeysAlive) {
  PickleMemo memo;
  Ref<List> l = list_new();
  Value v = l.val();
  memo.set(v, 0);
  l = nullptr;  // the memo's reference keeps it
  EXPECT_EQ(list_size(v), 0);
  memo.clear();
  EXPECT_EQ(memo.size(), 0);
}

TEST_F(PickleTest, BytesMatchCPython) {
  EXPECT_EQ(eval_repr("pk.dumps([1, 'a'], 2)"), "b'\\x80\\x02]q\\x00(K\\x01X\\x01\\x00\\x00\\x00aq\\x01e.'");
  // An exact dict of 1000 items: the batch loop writes an empty last batch.
  EXPECT_EQ(eval_repr("pk.dumps({i: i for i in range(1000)}, 1)[-6:]"), "b'\\xe7\\x03u(u.'");
  EXPECT_EQ(eval_repr("pk.dumps(-2**70, 2)"), "b'\\x80\\x02\\x8a\\t\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\xc0.'");
  EXPECT_EQ(eval_repr("pk.dumps(('x', 'x'), 0)"), "b'(Vx\\np0\\ng0\\ntp1\\n.'");
  EXPECT_EQ(eval_repr("pk.loads(pk.dumps({'k': [1.5, None, (True,)]}, 5))"), "{'k': [1.5, None, (True,)]}");
}

TEST_F(PickleTest, Errors) {
  EXPECT_EQ(eval_repr("pk.dumps(1, 6)"), "<error: ValueError: pickle protocol must be <= 5>");
  EXPECT_EQ(eval_repr("pk.dumps(1, 4, buffer_callback=len)"),
            "<error: ValueError: buffer_callback needs protocol >= 5>");
  EXPECT_EQ(eval_repr("pk.Pickler(1)"), "<error: TypeError: file must have a 'write' attribute>");
}

// A dump blocked in file.write has its Pickler's section suspended: a
// second thread's dump (or __init__) on that Pickler is refused rather than
// interleaved, and the first dump completes. (ftpy's own guard: CPython,
// with its GIL, would run the second dump and deadlock in this script.)
TEST_F(PickleTest, SecondDumpWhileBlockedIsRefused) {
  ASSERT_TRUE(
      exec("import threading, io\n"
           "in_write = threading.Event(); release = threading.Event()\n"
           "class BlockingFile:\n"
           "  def __init__(self): self.parts = []\n"
           "  def write(self, b):\n"
           "    in_write.set(); release.wait(); self.parts.append(bytes(b))\n"
           "bf = BlockingFile()\n"
           "p = pk.Pickler(bf, 3)\n"
           "data = {'k': list(range(50))}\n"
           "t = threading.Thread(target=p.dump, args=(data,))\n"
           "t.start(); in_write.wait()\n"
           "errs = []\n"
           "for f in (lambda: p.dump([1]), lambda: p.__init__(io.BytesIO())):\n"
           "  try: f()\n"
           "  except RuntimeError as e: errs.append(str(e))\n"
           "release.set(); t.join()\n"
           "p.dump([1])\n"));
  EXPECT_EQ(eval_repr("errs"), "['Pickler.dump() is already running', 'Pickler.dump() is already running']");
  EXPECT_EQ(eval_repr("(pk.loads(bf.parts[0]) == data, pk.loads(bf.parts[1]), len(bf.parts))"), "(True, [1], 2)");
}

}  // namespace ftpy
