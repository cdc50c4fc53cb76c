"""Money helpers using a relative import from the parent package."""
from .. import models as _models_module_ref  # noqa: F401  (relative import of a sibling module)
from ..utils import text

CURRENCY = "EUR"


def format_price(cents):
    return text.pad(f"{cents // 100}.{cents % 100:02d} {CURRENCY}")
