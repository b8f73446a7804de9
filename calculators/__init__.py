"""Return to Run calculators: pure Python, standard library only.

Nothing here imports anything from a browser, so the same code runs under
CPython for tests and the CLI, and under Pyodide in the reader's browser.
"""

from .api import run, run_json
from .registry import CALCULATORS

__all__ = ["CALCULATORS", "run", "run_json"]
