#!/usr/bin/env python3
"""The import graph of the core (`src/jwt/`), and the floors it stands on.

Each source file is a module; a module needs another when its code names it (`use` lines and
paths in code: `crate::jwt::keys::Key`, `super::token`, `self::der`). Test code (`tests.rs` files
and `#[cfg(test)] mod tests { … }` blocks) is left out: tests may reach anywhere. Two graphs are
checked for cycles:

- the core's top-level modules (`keys` with every file under it as one), which must form floors:
  each imports only from floors below it;
- the files inside each folder module, where a child may name its parent's items but the
  parent's own code (not its `mod` and `pub use` lines) must not need a child that needs it back.

`python3 scripts/import_floors.py [src/jwt]` prints the floors; it exits 1 and names a cycle if
there is one.
No maintained tool reads Rust imports this way without compiling the crate for every feature
(`cargo modules` works per build and is not installed by `make setup`); this reads the text.
"""
import re
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "src" / "jwt"
PATH = re.compile(r"\b(crate|super|self)((?:::\w+)+)")
USE = re.compile(r"\b(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", re.S)
BARE = re.compile(r"(?<![:\w])(?!(?:crate|super|self)::)([a-z_]\w*)::")
MOD_DECL = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*;", re.M)
TEST_MOD = re.compile(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{")


def module_of(path, core=CORE):
    """`src/jwt/keys/export.rs` -> ("keys", "export"); `src/jwt/keys/mod.rs` -> ("keys",)."""
    parts = list(path.relative_to(core).with_suffix("").parts)
    if parts[-1] == "mod":
        parts.pop()
    return tuple(parts)


def strip_comments_and_tests(text):
    """The code without comments, string contents and test modules."""
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    while (found := TEST_MOD.search(text)):
        depth, at = 0, found.end() - 1
        for at in range(found.end() - 1, len(text)):
            depth += {"{": 1, "}": -1}.get(text[at], 0)
            if depth == 0:
                break
        text = text[: found.start()] + text[at + 1 :]
    return text


def expand(tree):
    """`a::{b, c::{d}}` -> ["a::b", "a::c::d"]."""
    tree = re.sub(r"\s+", "", tree)
    if "{" not in tree:
        return [tree]
    head, rest = tree.split("{", 1)
    body = rest[: rest.rindex("}")]
    items, depth, current = [], 0, ""
    for ch in body:
        if ch == "," and depth == 0:
            items.append(current)
            current = ""
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        current += ch
    items.append(current)
    return [path for item in items if item for path in expand(head + item)]


def resolve(module, path, modules):
    """The core module a path names (the longest known prefix), or None outside the core.
    `self` is the module itself (a file, or a folder's mod.rs); each `super` is one level up."""
    segments = path.split("::")
    if segments[0] == "crate":
        if segments[1:2] != ["jwt"]:
            return None
        base, rest = (), segments[2:]
    else:
        base, rest = module, segments
        if rest[0] == "self":
            rest = rest[1:]
        while rest and rest[0] == "super":
            base, rest = base[:-1], rest[1:]
    best = None
    for i in range(len(rest) + 1):
        candidate = base + tuple(rest[:i])
        if candidate in modules:
            best = candidate
    return best


def graph(core=CORE):
    """{module: set of modules it needs}, test code left out."""
    files = {}
    for path in sorted(core.rglob("*.rs")):
        if path.name == "tests.rs":
            continue
        files[module_of(path, core)] = path
    modules = set(files) | {()}
    needs = {}
    for module, path in files.items():
        text = strip_comments_and_tests(path.read_text(encoding="utf-8"))
        # Declaring a child (`mod x;`) and re-exporting it are how a folder is built, not a need.
        code = MOD_DECL.sub("", text)
        reexports = set()
        paths = []
        for found in USE.finditer(code):
            expanded = expand(found.group(2))
            if found.group(1):
                reexports.update(expanded)
            paths.extend(expanded)
        # The rest of the code, its `use` lines taken out (their paths are counted above).
        code = USE.sub("", code)
        paths.extend(m.group(0) for m in PATH.finditer(code))
        # A bare `child::item` in code names a child module (other bare names are crates, or
        # were brought in by a `use` line, already counted).
        paths.extend(m.group(1) for m in BARE.finditer(code))
        # A `use` path without a leading crate/super/self names a child module or another crate.
        needed = set()
        for written in paths:
            item = written.removeprefix("::")
            if not re.match(r"(crate|super|self)\b", item):
                item = "self::" + item
            target = resolve(module, item, modules)
            if target is None or target == module or target == ():
                continue
            if written in reexports and target[: len(module)] == module:
                continue
            needed.add(target)
        needs[module] = needed
    return needs


def find_cycle(nodes, edges):
    """A cycle as a list of nodes, or None (depth-first search)."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(nodes):
        if node not in state and (found := visit(node)):
            return found
    return None


def floors(nodes, edges):
    """Each node's floor: 0 for a node that needs nothing, else one above the highest it needs."""
    level = {}

    def of(node):
        if node not in level:
            level[node] = 0
            level[node] = 1 + max((of(n) for n in edges.get(node, ())), default=-1)
        return level[node]

    for node in nodes:
        of(node)
    return level


def top_level(needs):
    """The graph between the core's top-level modules (jwt/mod.rs, the map, left out)."""
    edges = {}
    for module, needed in needs.items():
        if not module:
            continue
        edges.setdefault(module[:1], set())
        for target in needed:
            if target and target[:1] != module[:1]:
                edges[module[:1]].add(target[:1])
    return edges


def inside(needs, folder):
    """The graph between the files of one folder module (a need of a file deeper down counts as
    a need of the member it is under)."""
    depth = len(folder) + 1
    members = {m for m in needs if m[: len(folder)] == folder and len(m) <= depth}
    return {
        m: {t[:depth] for t in needs[m] if t[: len(folder)] == folder and t[:depth] in members} - {m}
        for m in members
    }


def name(module):
    return "::".join(module) or "jwt"


def main(argv):
    needs = graph(Path(argv[1]).resolve() if len(argv) > 1 else CORE)
    top = top_level(needs)
    problems = []
    if (cycle := find_cycle(top, top)):
        problems.append("top-level modules: " + " -> ".join(map(name, cycle)))
    folders = {m[:-1] for m in needs if len(m) > 1}
    for folder in sorted(folders):
        local = inside(needs, folder)
        if (cycle := find_cycle(local, local)):
            problems.append(f"inside {name(folder)}: " + " -> ".join(map(name, cycle)))
    if problems:
        for problem in problems:
            print(f"import cycle, {problem}")
        return 1
    level = floors(top, top)
    for floor in range(max(level.values()) + 1):
        members = sorted(name(m) for m in top if level[m] == floor)
        print(f"floor {floor}: {', '.join(members)}")
    for folder in sorted(folders):
        local = inside(needs, folder)
        inner = floors(local, local)
        rows = [
            f"{floor}: " + ", ".join(sorted(name(m)[len(name(folder)) + 2 :] or "mod.rs"
                                             for m in local if inner[m] == floor))
            for floor in range(max(inner.values()) + 1)
        ]
        print(f"inside {name(folder)}: " + "; ".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
