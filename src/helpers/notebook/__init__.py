"""What a person at a notebook touches: each notebook's declared parameters (`params`), the parameter
explorer (`explorer`) and JupyterLab (`lab`)."""
