"""Rendering of engine state with rich: show tables, graph trees, explain notes, DOT."""
