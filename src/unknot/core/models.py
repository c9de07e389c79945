"""Core has no models of its own. This module exists so that Django sends core
its post_migrate signal, on which the database cache's table is made."""
