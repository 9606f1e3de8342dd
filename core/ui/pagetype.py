"""What the modules that core/ui/page.py imports read of its `Page`, as a Protocol: they name
this type instead of importing page.py back (no import circle, not even for type checking)."""

from __future__ import annotations

from typing import Protocol


class Page(Protocol):
    lang: str
    name: str
    predict: bool
    lecture: bool
    lesson: bool

    def t(self, key: str, /, **values) -> str: ...

    def plain(self, key: str, /, **values) -> str: ...
