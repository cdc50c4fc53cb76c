imprt os
