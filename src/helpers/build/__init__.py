"""The report build: the catalogue of notebooks, kernels and workers, the execution store, the site
(Sphinx and MyST-NB), the exports. It receives what it shows (`Inputs`) and imports no analysis.

    catalogue   Job, Built, the notebooks of the catalogue, their parameters, preflight, the plan
    inputs      Inputs: what the build shows and does not compute, given by `helpers.cli.inputs`
    kernels     kernels over IPC in a folder of the build's own; finding and killing leftovers
    execute     running jobs in a (warm) kernel; rendering with nbconvert (runs/, failed builds)
    pool        the worker processes
    store       the execution store and its keys, the manifest, swapping a build in, the lock, signals
    publish     the site's pages, findings, register and downloads; a failed build's index
    pipeline    build, run_one, execute_in_place
    site        the Sphinx site (also its extension and child process)
    export      SQLite, GeoJSON and GEXF

The names below are imported on first use, so that importing a module of the build (the Sphinx
child imports `helpers.build.site`) does not import all of it.
"""
import importlib as _importlib

#: The public API, and the module of the build each name lives in.
API = {
    "build": "pipeline", "run_one": "pipeline", "execute_in_place": "pipeline",
    "Inputs": "inputs",
    "plan": "catalogue", "Job": "catalogue", "Built": "catalogue", "explicit": "catalogue", "preflight": "catalogue",
    "parse_parameter": "catalogue", "title_and_summary": "catalogue", "parameters_of": "catalogue",
    "notebooks": "catalogue", "REPORT_TIMEOUT": "catalogue", "DOSSIER": "catalogue",
    "job_key": "store", "site_folder": "store", "data_checksum": "store", "stop_on_signals": "store", "lock": "store",
    "render": "execute", "run_job": "execute", "run_warm": "execute",
    "index_html": "publish", "findings": "publish",
    "processes_with": "kernels", "KERNEL_DIR": "kernels", "KernelStartError": "kernels",
}

__all__ = sorted(API)


def __getattr__(name: str):
    if name in API:
        value = getattr(_importlib.import_module(f".{API[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*__all__, "catalogue", "inputs", "kernels", "execute", "pool", "store", "publish", "pipeline",
                   "site", "export"])
