"""Importers of the tourism app: Tourinsoft syndication files into tourist offers."""
