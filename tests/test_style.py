"""One palette for events: eight groups read from datapackage.json, colours that stay apart."""
import matplotlib as mpl

from helpers import dataset, style


def test_each_type_takes_its_groups_colour(ds):
    types, colours = dataset.event_groups(ds.descriptor), style.event_colours(ds.descriptor)
    assert list(types) == ds.vocabulary("events", "type")  # every type, in the vocabulary's order
    # The four the issue found indistinguishable: execution and massacre share a group, the others not.
    assert colours["execution"] == colours["massacre"]
    assert len({colours[t] for t in ("execution", "assassination", "defection", "death")}) == 4
    assert types["kidnapping"] == types["assassination"] == "assassination and abduction"
    assert types["appointment"] == "posts" and types["context"] == "context"


def test_at_most_eight_colours_each_far_from_the_others(ds):
    groups = style.group_colours(ds.descriptor)
    assert len(groups) == len(set(groups.values())) == 8
    rgb = [mpl.colors.to_rgb(c) for c in groups.values()]
    closest = min(sum((a - b) ** 2 for a, b in zip(x, y)) ** 0.5 for i, x in enumerate(rgb) for y in rgb[i + 1:])
    assert closest > 0.2  # the 22 shades of tab20 and tab20b the types had were 0.098 apart at the closest
