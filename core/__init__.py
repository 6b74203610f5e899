"""The bottom layer every package shares: the desk's vocabulary, text safety and where files live. No I/O beyond
reading the shipped seeds, no database, no Textual."""
