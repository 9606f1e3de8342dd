import sys

from core.models.prefetch import main

sys.exit(main())
