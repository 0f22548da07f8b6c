"""The engine's ops by concept: the toolkit they are built with (core), and the registry that installs them."""
