"""The window's pages, each built the first time it is shown or asked for.

Building all thirteen stage pages with their tools took a third of a second before the
window could paint; most sessions open only a few of them. ``pages[key]`` builds a page on
first use, so every caller (and every test) can still ask for any page; the window itself
flushes and retranslates only the pages that exist (``built()``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence, ValuesView

from mentorapp.gui.pages.base import Page


class LazyPages(Mapping[str, Page]):
    def __init__(self, keys: Sequence[str], build: Callable[[str], Page]) -> None:
        self._keys = tuple(keys)
        self._build = build
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        page = self._built.get(key)
        if page is None:
            if key not in self._keys:
                raise KeyError(key)
            page = self._built[key] = self._build(key)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def built(self) -> ValuesView[Page]:
        """The pages made so far (the others have nothing to save or to translate)."""
        return self._built.values()

    def key_of(self, page: object) -> str | None:
        return next((key for key, built in self._built.items() if built is page), None)
