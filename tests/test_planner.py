"""The dirty-build planner, with no server: page states in, a plan out, build after build.

Each case is a sequence of builds; each build lists its pages as ``uri: key`` (a ``!`` after the key marks a tags
listing, a ``~`` before it a page the navigation does not show, ``|title`` gives the page a title other than its
default) and a layout, and says what the plan must be:
why everything is built (or ""), and which pages are read and written again.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ree_site.build.planner import FIRST, PageState, Plan, Planner

PAGES = {"index.md": "a", "elements/neodymium.md": "b", "producers/china.md": "c", "tags.md": "t!"}


def states(pages: dict[str, str]) -> list[PageState]:
    found = []
    for uri, spec in pages.items():
        key, _, title = spec.partition("|")
        listing, hidden = key.endswith("!"), key.startswith("~")
        found.append(PageState(uri, key.strip("!~"), (title or uri, None), listing, in_nav=not hidden))
    return found


@dataclass
class Build:
    pages: dict[str, str]
    complete: str
    read: set[str]
    write: set[str]
    layout: str = "nav v1"


def edit(**changes: str | None) -> dict[str, str]:
    pages = dict(PAGES)
    for name, spec in changes.items():
        uri = name.replace("__", "/") + ".md"
        if spec is None:
            pages.pop(uri)
        else:
            pages[uri] = spec
    return pages


EVERYTHING = "the configuration or the navigation changed"
RETITLED = "the title or tags of a page in the navigation changed"

CASES: dict[str, list[Build]] = {
    "the first build builds everything": [Build(PAGES, "first build", set(), set())],
    "nothing changed: only the tags listing is read, nothing written": [
        Build(PAGES, "first build", set(), set()),
        Build(PAGES, "", {"tags.md"}, set()),
    ],
    "one page's content changed: that page": [
        Build(PAGES, "first build", set(), set()),
        Build(edit(producers__china="c2"), "", {"producers/china.md", "tags.md"}, {"producers/china.md"}),
    ],
    "two pages changed, then one changed back": [
        Build(PAGES, "first build", set(), set()),
        Build(
            edit(index="a2", elements__neodymium="b2"),
            "",
            {"index.md", "elements/neodymium.md", "tags.md"},
            {"index.md", "elements/neodymium.md"},
        ),
        Build(edit(index="a2"), "", {"elements/neodymium.md", "tags.md"}, {"elements/neodymium.md"}),
    ],
    "a changed title reaches every page's navigation": [
        Build(PAGES, "first build", set(), set()),
        Build(edit(elements__neodymium="b2|Neodymium (Nd)"), RETITLED, set(), set()),
    ],
    "a title changed on a page whose content did not is not seen (the head comes with the content)": [
        Build(PAGES, "first build", set(), set()),
        Build(edit(index="a|Welcome"), "", {"tags.md"}, set()),
    ],
    "a changed layout builds everything": [
        Build(PAGES, "first build", set(), set()),
        Build(PAGES, EVERYTHING, set(), set(), layout="nav v2"),
        Build(PAGES, "", {"tags.md"}, set(), layout="nav v2"),
    ],
    "a changed tags listing builds everything": [
        Build(PAGES, "first build", set(), set()),
        Build(edit(tags="t2!"), "the tags page changed", set(), set()),
    ],
    "one blog page changed: the whole blog": [
        Build({**PAGES, "blog/index.md": "i", "blog/posts/a.md": "p"}, "first build", set(), set()),
        Build(
            {**PAGES, "blog/index.md": "i", "blog/posts/a.md": "p2"},
            "",
            {"blog/index.md", "blog/posts/a.md", "tags.md"},
            {"blog/index.md", "blog/posts/a.md"},
        ),
    ],
    "a new page in the navigation is a title new to every page": [
        Build(PAGES, "first build", set(), set()),
        Build(edit(producers__lynas="l"), RETITLED, set(), set()),
    ],
    "a new record page the navigation does not show: that page and the tags listing": [
        Build(PAGES, "first build", set(), set()),
        Build(edit(producers__lynas="~l"), "", {"producers/lynas.md", "tags.md"}, {"producers/lynas.md", "tags.md"}),
    ],
    "a retitled record page the navigation does not show: that page and the tags listing": [
        Build(edit(producers__lynas="~l"), "first build", set(), set()),
        Build(
            edit(producers__lynas="~l2|Lynas Rare Earths Ltd"),
            "",
            {"producers/lynas.md", "tags.md"},
            {"producers/lynas.md", "tags.md"},
        ),
    ],
    "a removed page: the tags listing (the navigation, if it showed the page, is the layout)": [
        Build(PAGES, "first build", set(), set()),
        Build(edit(producers__china=None), "", {"tags.md"}, {"tags.md"}),
        Build(edit(producers__china=None), EVERYTHING, set(), set(), layout="nav without China"),
    ],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_plan(name: str) -> None:
    planner = Planner()
    for number, build in enumerate(CASES[name], 1):
        plan = planner.plan(states(build.pages), build.layout)
        assert plan.complete == build.complete, f"{name}: build {number}"
        if not build.complete:
            assert (set(plan.read), set(plan.write)) == (build.read, build.write), f"{name}: build {number}"
            assert plan.read_all == ("tags.md" in build.write), f"{name}: build {number}: every page read again"
        else:
            assert all(plan.reads(uri) and plan.writes(uri) for uri in build.pages), f"{name}: build {number}"


def test_a_failed_build_makes_the_next_one_complete() -> None:
    planner = Planner()
    planner.plan(states(PAGES), "nav")
    planner.forget()
    assert planner.plan(states(PAGES), "nav").complete == "first build"


def test_a_plan_reads_and_writes_every_page_when_complete() -> None:
    assert FIRST.reads("anything.md") and FIRST.writes("anything.md")
    partial = Plan("", frozenset({"a.md", "t.md"}), frozenset({"a.md"}))
    assert partial.reads("t.md") and not partial.writes("t.md") and not partial.reads("b.md")
