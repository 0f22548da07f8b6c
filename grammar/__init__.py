"""The tensorsh grammar, shipped inside the installed package as `tensorsh.grammar`."""
