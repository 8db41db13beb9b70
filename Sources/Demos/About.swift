// Demos: One entry point per lesson demo, found by id; each writes text and figures.
