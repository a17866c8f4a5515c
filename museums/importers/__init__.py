"""Importers of museum object records into the collections catalogue.

``joconde`` reads the shapes of Joconde/POP records and ``lido`` reads LIDO XML; both parse a
whole file first, then map each record through a configured ``RecordMapping`` (``sources``) and
store it with ``writer.store_object``, one transaction per record.
"""
