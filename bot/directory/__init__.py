"""The provider and hospital directory: tables, importers for public data, search."""
