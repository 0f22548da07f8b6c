"""`python -m tensorsh` runs the command-line front end."""
from tensorsh.app.cli import main

raise SystemExit(main())
