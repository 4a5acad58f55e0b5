"""Registries of named things (audiences, formats), with plugins from entry points.

A registry maps names to values, is looked up by name with an error listing the
names it has, and discovers plugins once, lazily, from an entry-point group, so
that an installed package can add audiences or formats without any code of the
user's.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

from ._errors import PluginError, UnknownNameError

T = TypeVar("T")


class Registry(Generic[T]):
    """Named values of one kind, with plugins from an entry-point group.

    >>> colours = Registry("colour", str)
    >>> colours.add("red", "#f00")
    >>> "red" in colours, list(colours), colours.get("red")
    (True, ['red'], '#f00')
    >>> colours.get("blue")
    Traceback (most recent call last):
    ...
    inspection_letters._errors.UnknownNameError: 'blue' is not a colour; expected one of 'red'
    """

    def __init__(self, kind: str, value_type: type[T], entry_point_group: str | None = None):
        self._kind = kind
        self._type = value_type
        self._group = entry_point_group
        self._items: dict[str, T] = {}
        self._plugins_loaded = entry_point_group is None

    def add(self, name: str, value: T, *, replace: bool = False) -> None:
        """Register ``value`` as ``name``; refuse to replace one silently."""
        if not isinstance(value, self._type):
            message = f"a {self._kind} must be a {self._type.__name__}, not {value!r}"
            raise TypeError(message)
        if not isinstance(name, str) or not name or name != name.strip():
            raise ValueError(f"{name!r} is not a usable {self._kind} name")
        # Plugins are loaded first, so that a name one of them takes is never taken twice
        # (the library registers its own values under ``_without_plugins``).
        self._load_plugins()
        if name in self._items and not replace:
            message = f"a {self._kind} called {name!r} is registered already; pass replace=True"
            raise ValueError(message)
        self._items[name] = value

    @contextmanager
    def _without_plugins(self) -> Iterator[None]:
        """Register the library's own values without loading plugins first.

        Plugins import the library, so loading them while the library itself
        is being imported (when its default registries are made) would fail.
        """
        loaded, self._plugins_loaded = self._plugins_loaded, True
        try:
            yield
        finally:
            self._plugins_loaded = loaded

    def remove(self, name: str) -> T:
        """Unregister ``name`` and give back what it was."""
        value = self.get(name)
        del self._items[name]
        return value

    def get(self, name: str) -> T:
        """The value registered as ``name``, or an error listing the names there are."""
        if not self._plugins_loaded:  # looked at here: every letter looks up two things
            self._load_plugins()
        try:
            return self._items[name]
        except (KeyError, TypeError):
            raise UnknownNameError(self._kind, name, sorted(self._items)) from None

    __getitem__ = get

    def __contains__(self, name: object) -> bool:
        self._load_plugins()
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        self._load_plugins()
        return iter(sorted(self._items))

    def __len__(self) -> int:
        self._load_plugins()
        return len(self._items)

    def __repr__(self) -> str:
        names = ", ".join(repr(n) for n in self)
        return f"<{type(self).__name__} of {self._kind}s: {names}>"

    def _load_plugins(self) -> None:
        if self._plugins_loaded or self._group is None:
            return
        # Set first: a plugin that registers itself while loading must not recurse.
        self._plugins_loaded = True
        # Imported here: reading installed packages' metadata is only for plugins.
        from importlib.metadata import entry_points

        for entry_point in sorted(entry_points(group=self._group), key=lambda e: e.name):
            if entry_point.name not in self._items:
                self._items[entry_point.name] = self._load(entry_point)

    def _load(self, entry_point: "EntryPoint") -> T:
        where = f"{entry_point.name!r} = {entry_point.value!r} of the group {self._group!r}"
        try:
            value = entry_point.load()
        except Exception as error:
            message = f"the plugin {where} cannot be loaded: {error!r}"
            raise PluginError(message) from None
        if not isinstance(value, self._type):
            message = f"the plugin {where} is {value!r}, not a {self._type.__name__}"
            raise PluginError(message)
        return value
