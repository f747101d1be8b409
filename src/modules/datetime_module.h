// The _datetime module (C++): date, time, datetime, timedelta, tzinfo and
// timezone, which lib/datetime.py re-exports as CPython's datetime does.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> datetime_module_create();  // the `_datetime` module

}  // namespace ftpy
