"""YAML with line numbers: front matter and the content folder's YAML files.

A problem in content must point at the line to fix, so mappings loaded here remember
the line they start on (1-based) under the key ``LINE``.

Content YAML is untrusted: aliases (``&a``/``*a``, the way into "alias bombs" and
self-containing lists) are refused, nesting is bounded before the C parser can recurse,
and a value that cannot be built (``2026-02-30``, ``!!float abc``) is a problem on its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from .limits import MAX_YAML_DEPTH

if TYPE_CHECKING:
    import yaml

LINE = "__line__"


@cache
def _loaders() -> tuple[Any, Any]:
    """PyYAML's fastest safe loader, and ours that notes lines: made when YAML is first read
    (a start that finds its content in the cache never imports yaml)."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):
        def construct_mapping(self, node, deep=False):  # noqa: D102 - PyYAML hook
            mapping = super().construct_mapping(node, deep=deep)
            mapping[LINE] = node.start_mark.line + 1
            return mapping

        def construct_object(self, node, deep=False):  # noqa: D102 - PyYAML hook
            try:
                return super().construct_object(node, deep=deep)
            except yaml.YAMLError:
                raise
            except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
                # An impossible date, "!!float abc", a number too long to read: a problem on its line.
                raise yaml.constructor.ConstructorError(
                    None, None, f"cannot read the value {_shown(node)} ({_reason(exc)})", node.start_mark
                ) from None

    return base, LineLoader


class YamlProblem(Exception):
    """Broken YAML, with the 1-based line it was found on."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


def load_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML; lines (in mappings and errors) count from ``first_line``.

    Raises only YamlProblem, whatever the text.
    """
    import yaml

    try:
        _check_shape(text)
        data = yaml.load(text, Loader=_loaders()[1])  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        reason = exc.problem or exc.context or "not valid YAML"
        raise YamlProblem(f"broken YAML: {reason}", line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"broken YAML: {exc}", first_line) from None
    except _ShapeProblem as exc:
        raise YamlProblem(str(exc), first_line + exc.line) from None
    except (RecursionError, MemoryError, ValueError, TypeError, ArithmeticError) as exc:
        raise YamlProblem(f"broken YAML: {_reason(exc)}", first_line) from None
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


class _ShapeProblem(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line  # 0-based within the text


def _check_shape(text: str) -> None:
    """Refuse aliases and deep nesting, from the parser's events (no tree is built yet)."""
    import yaml

    depth = 0
    for event in yaml.parse(text, Loader=_loaders()[0]):
        if isinstance(event, yaml.AliasEvent):
            raise _ShapeProblem(
                "YAML aliases ('*name') are not allowed in content: write the value out in full",
                _line_of(event),
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _ShapeProblem(f"lists or mappings nested more than {MAX_YAML_DEPTH} deep", _line_of(event))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _shown(node: Any) -> str:
    value = node.value if isinstance(getattr(node, "value", None), str) else ""
    return f"'{value[:40]}{'...' if len(value) > 40 else ''}'" if value else "here"


def _reason(exc: BaseException) -> str:
    text = str(exc).split("\n")[0]
    return text[:120] or type(exc).__name__


def _shift_lines(data: Any, by: int) -> None:
    if isinstance(data, dict):
        if LINE in data:
            data[LINE] += by
        for value in data.values():
            _shift_lines(value, by)
    elif isinstance(data, list):
        for value in data:
            _shift_lines(value, by)


@dataclass
class Split:
    meta_text: str | None  # None: the file has no front matter
    meta_line: int  # line where the YAML starts
    body: str
    body_line: int  # line where the Markdown body starts
    unclosed: bool = False


def split_front_matter(text: str) -> Split:
    """Separate a leading ``---`` YAML block from the Markdown that follows it.

    Lines are found one at a time up to the closing ``---`` (a long page is not split
    into lines and joined again)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    first_end = text.find("\n")
    if (text if first_end < 0 else text[:first_end]).strip() != "---":
        return Split(None, 0, text, 1)
    at, index = first_end + 1, 1  # where line ``index`` starts
    while first_end >= 0:
        end = text.find("\n", at)
        if (text[at:] if end < 0 else text[at:end]).strip() in ("---", "..."):
            meta = text[first_end + 1 : at - 1] if index > 1 else ""
            return Split(meta, 2, "" if end < 0 else text[end + 1 :], index + 2)
        if end < 0:
            break
        at, index = end + 1, index + 1
    return Split(None, 2, text, 1, unclosed=True)


def _line_of(event: yaml.Event) -> int:
    """The (0-based) line a YAML event starts on; 0 when the parser did not say."""
    return event.start_mark.line if event.start_mark is not None else 0
