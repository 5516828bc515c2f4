"""The report build: the catalogue of notebooks, kernels and workers, the execution store, the site
(Sphinx and MyST-NB), the exports. It receives what it shows and imports no analysis."""
