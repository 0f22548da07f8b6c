"""The tensorsh language: grammar, AST, compiler to closures, builtins, sessions (no rich, no shell)."""
