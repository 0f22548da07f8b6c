import sys
from pathlib import Path

# tests/engine holds the differential corpus module shared by several tests
sys.path.insert(0, str(Path(__file__).parent / "engine"))
