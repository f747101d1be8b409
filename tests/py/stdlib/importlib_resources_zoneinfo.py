# importlib.resources (the host's, found through ftpy's importlib package, with
# FileReader from the loaders' get_resource_reader), zoneinfo's not-found error
# that needs it, and ZoneInfo's C-type repr.
import importlib.resources as r, importlib, zoneinfo, datetime
print(r.files('json').joinpath('__init__.py').read_text()[:30])
print(sorted(p.name for p in r.files('json').iterdir() if p.name.endswith('.py'))[:3], r.files('json').is_dir())
with r.as_file(r.files('json') / 'decoder.py') as p: print(p.name, p.exists())
print(r.is_resource('json', 'decoder.py'), r.read_text('json', 'decoder.py').count('def ') > 3)
try: zoneinfo.ZoneInfo('No/Such')
except zoneinfo.ZoneInfoNotFoundError as e: print(type(e).__name__, e)
print(datetime.datetime(2024, 7, 1, tzinfo=zoneinfo.ZoneInfo('Europe/Paris')).utcoffset(), zoneinfo.ZoneInfo('Asia/Tokyo').key, sorted(zoneinfo.available_timezones())[:2])
class MyZI(zoneinfo.ZoneInfo): pass
print(repr(zoneinfo.ZoneInfo('UTC')), str(zoneinfo.ZoneInfo('UTC')), repr(MyZI('UTC')), zoneinfo.ZoneInfo('UTC') is zoneinfo.ZoneInfo('UTC'))
import io
print(repr(zoneinfo.ZoneInfo.from_file(open('/usr/share/zoneinfo/UTC', 'rb'))).split('(')[0])
