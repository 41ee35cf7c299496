"""The pandas-style export the CLI tests read: `DataFrame.to_csv` with its default index.

Run after make-exports.R, from this directory:  python3 make-exports.py
It installs pandas with pip when it is missing.
"""
import importlib
import subprocess
import sys

try:
    pd = importlib.import_module("pandas")
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "pandas"])
    pd = importlib.import_module("pandas")

# airquality as pandas writes it: an unnamed RangeIndex (header starts with a bare comma),
# NaN written as an empty cell, integer columns with NaN written as floats (41.0).
frame = pd.read_csv("airquality.csv", index_col=0).reset_index(drop=True)
frame.to_csv("airquality_pandas.csv")
