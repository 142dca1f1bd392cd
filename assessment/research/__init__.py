"""The consortium's research dataset: closed yearly scans of schools that opted in, written as a
Frictionless Data package (``export``), and what holds schools back, read back from such a
package (``figures``). What may be published is decided in ``suppression`` alone."""
