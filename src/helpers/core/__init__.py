"""The lowest layer: where the project's folders are (`paths`), the errors a user can meet (`errors`),
the argument checkers every layer uses (`checks`), EDTF dates (`dates`), and names and their
romanisations (`names`). It imports nothing of the project."""
