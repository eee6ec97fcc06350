"""Imports point one way: from the web app, the command line (bot/cli.py) and the actions
down through staff and SMS, the dialogue runtime (bot/runtime), guidance (bot/guidance),
the NLU and the directory, to the vocabulary, the content catalogue and the
infrastructure (bot/infrastructure). Each sub-package's `__init__` docstring says what it
may import; this test holds the rules those docstrings state, so a wrong-way import
fails here instead of becoming a cycle or a hidden dependency later.

The source is parsed with `ast`, never imported: an import inside a function or under
`TYPE_CHECKING` counts too, and checking needs no model, database or settings.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "actions", "api")


@dataclass(frozen=True)
class Rule:
    """Modules at or under `modules` may not import anything at or under `forbidden`,
    except what is at or under `allowed`."""

    modules: tuple[str, ...]
    forbidden: tuple[str, ...]
    why: str
    allowed: tuple[str, ...] = ()


INFRASTRUCTURE = "bot.infrastructure"
RUNTIME = "bot.runtime"
GUIDANCE = "bot.guidance"

RULES = (
    Rule(
        ("bot",),
        ("api", "actions"),
        "the core is used by the web app and the Rasa actions, never the reverse",
    ),
    Rule(("actions",), ("api",), "actions run inside the dialogue engine, below the web app"),
    Rule(("api",), ("actions",), "the web app reaches actions only through Rasa"),
    Rule(
        ("bot",),
        ("bot.cli",),
        "the command line sits above every layer, as the web app does; nothing uses it",
    ),
    Rule(
        (INFRASTRUCTURE,),
        ("bot",),
        "infrastructure knows nothing of the dialogue, its texts or its channels",
        allowed=(INFRASTRUCTURE,),
    ),
    Rule(
        ("bot.content",),
        ("bot",),
        "everything reads the content catalogue",
        allowed=("bot.content",),
    ),
    Rule(
        ("bot.vocabulary",),
        ("bot",),
        "the NLU, guidance, directory, SMS and staff all share one vocabulary",
        allowed=("bot.vocabulary", "bot.content", "bot.infrastructure.paths"),
    ),
    Rule(
        ("bot.nlp",),
        (
            "bot.directory.search",
            "bot.directory.seed",
            "bot.infrastructure.db",
            "bot.channels",
            "bot.sms",
            "bot.staff",
            RUNTIME,
        ),
        "NLU components run inside the model, in training as well as in serving",
    ),
    Rule(
        ("bot.nlp",),
        (GUIDANCE,),
        "the NLU reads a message with guidance's text functions, never decides what to say",
        allowed=("bot.guidance.facts", "bot.guidance.language", "bot.guidance.safety"),
    ),
    Rule(
        ("bot.directory",),
        ("bot.nlp", "bot.channels", "bot.sms", "bot.staff", RUNTIME),
        "the directory is a service under the NLU and the actions",
    ),
    Rule(
        ("bot.directory",),
        (GUIDANCE,),
        "guidance uses the directory; the directory's result texts are only Replies",
        allowed=("bot.guidance.replies",),
    ),
    Rule(
        (GUIDANCE,),
        ("bot.channels", "bot.sms", "bot.staff", RUNTIME),
        "what to say comes from the text and the slots, not from how a turn is run or sent",
    ),
    Rule(
        (RUNTIME,),
        ("bot.sms", "bot.staff"),
        "SMS and staff run turns through the runtime, not the reverse",
    ),
    Rule(
        ("bot.channels",),
        ("bot.staff", "bot.sms.service", RUNTIME),
        "adapters are used by the services above them and held by the context",
    ),
    Rule(
        ("bot.sms",),
        ("bot.staff", "bot.nlp"),
        "SMS reaches staff and the NLU only through the chat service",
    ),
    Rule(
        ("bot.staff",),
        ("bot.sms", "bot.nlp"),
        "a staff reply reaches a texter through the SMS channel adapter",
    ),
)


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.Module, module: str, is_package: bool) -> Iterator[tuple[int, str]]:
    """Each imported name with its line. `from a import b` yields `a.b`, so importing a
    submodule through its package (`from bot import staff`) is seen as `bot.staff`."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            source = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                yield node.lineno, f"{source}.{alias.name}"


def violations(root: Path, packages: tuple[str, ...], rules: tuple[Rule, ...]) -> list[str]:
    """Every import under `root`'s packages that one of `rules` forbids, as
    `path:line: module imports name (why)`."""
    found = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            module = _module_name(path, root)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, name in sorted(_imports(tree, module, path.name == "__init__.py")):
                for rule in rules:
                    if (
                        _under(module, rule.modules)
                        and _under(name, rule.forbidden)
                        and not _under(name, rule.allowed)
                    ):
                        where = path.relative_to(root)
                        found.append(f"{where}:{line}: {module} imports {name} ({rule.why})")
    return found


def test_no_import_crosses_a_layer_the_wrong_way() -> None:
    assert violations(ROOT, PACKAGES, RULES) == []


def test_every_rule_names_modules_that_exist() -> None:
    """A renamed module would otherwise turn its rules silently into no rules."""
    named = {name for rule in RULES for name in (*rule.modules, *rule.forbidden, *rule.allowed)}
    missing = [
        name
        for name in sorted(named)
        if not (ROOT / name.replace(".", "/")).is_dir()
        and not (ROOT / name.replace(".", "/")).with_suffix(".py").is_file()
    ]
    assert missing == []


def test_a_wrong_way_import_is_reported(tmp_path: Path) -> None:
    files = {
        "bot/__init__.py": "",
        "bot/content.py": "",
        "bot/nlp/__init__.py": "",
        "bot/nlp/segments.py": "",
        "bot/vocabulary/__init__.py": "",
        "bot/vocabulary/terms.py": "from bot.content import texts\nfrom .index import label_of\n",
        "bot/vocabulary/index.py": (
            "def label_of():\n    from bot.nlp.segments import split\n\n"
            "from ..nlp import segments\nimport api.main\n"
        ),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    rules = (
        Rule(("bot",), ("api",), "down"),
        Rule(("bot.vocabulary",), ("bot",), "leaf", allowed=("bot.vocabulary", "bot.content")),
    )

    assert violations(tmp_path, ("bot",), rules) == [
        "bot/vocabulary/index.py:2: bot.vocabulary.index imports bot.nlp.segments.split (leaf)",
        "bot/vocabulary/index.py:4: bot.vocabulary.index imports bot.nlp.segments (leaf)",
        "bot/vocabulary/index.py:5: bot.vocabulary.index imports api.main (down)",
    ]
