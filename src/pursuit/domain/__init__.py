"""Pure rules of the job search: no Textual, no SQL."""
