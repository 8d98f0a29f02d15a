"""Handouts: notes, questions and topics as a document to print or save (no widgets)."""
