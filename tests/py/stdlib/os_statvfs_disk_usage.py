# os.statvfs and shutil.disk_usage (built on it).
import os, shutil
st = os.statvfs('.')
print(type(st).__name__, len(st), st.f_bsize > 0, st.f_blocks >= st.f_bfree >= 0, st[0] == st.f_bsize)
print(isinstance(st.f_fsid, int), st.f_namemax > 0)
du = shutil.disk_usage('.')
print(type(du).__name__, du.total >= du.used >= 0, du.free >= 0, du._fields)
with open(__file__) as f:
    print(os.fstatvfs(f.fileno()).f_bsize == os.statvfs(__file__).f_bsize)
try:
    os.statvfs('/definitely/missing')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
