"""Capturing a posting: what a job page, a saved page or pasted text says about the job.

`posting` holds what is found (cheap to import); `capture` fetches and reads (httpx and
selectolax, imported only when something is captured, so that start-up stays fast). Nothing
here touches the database: the command line and the app's form write what is found.
"""
