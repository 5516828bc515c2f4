"""The analyses, one module per question: frames in, frames out. No drawing, no file reading, no
sentences: figures live in `helpers.figures`, sentences in `helpers.captions`."""
