"""coopatlas — the Cooperation Atlas of Russia–Kazakhstan interregional cooperation."""

from coopatlas.model import EXTRACTOR_VERSION

__version__ = "0.1.0"
__all__ = ["EXTRACTOR_VERSION", "__version__"]
