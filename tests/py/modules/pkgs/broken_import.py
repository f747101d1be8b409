x = 1
import definitely_missing_module_zz
