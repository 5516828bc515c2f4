"""The data layer: the only code that reads data files (`package`), every rule of the data
(`validate`), the typed tables (`dataset.Dataset`), the vocabularies of `datapackage.json`
(`vocabulary`), the attestations that differ (`attested`), and loading with its cache (`load`, `cache`).
It imports only `helpers.core`."""
