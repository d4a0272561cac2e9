#!/usr/bin/env python3
"""Prints the RULES map and the case table of dev.bluegreen.bundle.IgnoreRulesTest, as git computes them.

Usage: python3 src/test/resources/bundle/ignore-cases-from-git.py > /tmp/cases.txt
then paste both parts into IgnoreRulesTest. Edit SCENARIOS here, never the table by hand.

For each scenario, in a scratch repository (its own GIT_DIR, no config, no template, so that `.git` in
the work tree is an ordinary directory and no other ignore file applies), the rules become the root
`.gitignore` and the paths are created (a trailing `/` marks a directory). Then:

- `excluded` (what `excludedWithParents` must return) is `git check-ignore --no-index`, which also
  reports a path whose parent directory is excluded;
- `ignored` (what `ignored` must return: the path judged on its own) is the negation flag of the last
  pattern that matches the path, where git's own matcher finds the matching patterns: each pattern
  goes into `.gitattributes` with an attribute of its own and `git check-attr` reports them (git
  matches attribute patterns and ignore patterns with the same functions). Turning the lines of the
  file into patterns is done here the way `man gitignore` says; wherever no parent is excluded, the
  script checks that the result agrees with `git check-ignore`, so that step is checked by git too.
"""
import os
import shutil
import subprocess
import sys
import tempfile

SCENARIOS = [
    ("comments",
     "# comment\n"
     "   \n"
     "\n"
     "\\#hash\n"
     "\\!bang\n"
     " #space-first\n"
     "##\n",
     ["# comment", "comment", "#hash", "hash", "!bang", "bang", " #space-first", "#space-first", "##"]),
    ("trailing-spaces",
     "trail   \n"
     "kept\\ \n"
     "both\\ \\ \n"
     "half\\  \n"
     "even\\\\ \n"
     "tab\t\n",
     ["trail", "trail ", "kept", "kept ", "both  ", "both ", "half ", "half", "even\\", "even\\ ", "tab",
      "tab\t"]),
    ("line-endings",
     "\ufeffbom\r\n"
     "crlf\r\n"
     "last",
     ["bom", "crlf", "last"]),
    ("negation",
     "*.log\n"
     "!important.log\n"
     "build/\n"
     "!build/keep.txt\n"
     "tmp/*\n"
     "!tmp/keep/\n",
     ["app.log", "important.log", "sub/important.log", "sub/app.log", "build/", "build/keep.txt",
      "build/out.bin", "sub/build/", "sub/build/keep.txt", "tmp/", "tmp/scratch.txt", "tmp/keep/",
      "tmp/keep/file.txt", "tmp/other/", "tmp/other/file.txt"]),
    ("last-match-wins",
     "!keep.txt\n"
     "*.txt\n"
     "!*.md\n"
     "*.md\n"
     "!readme.md\n",
     ["keep.txt", "other.txt", "notes.md", "readme.md", "docs/readme.md"]),
    ("dir-only",
     "logs/\n"
     "cache/\n"
     "/out/\n",
     ["logs/", "logs/app.txt", "a/logs/", "b/logs", "cache", "a/cache", "out/", "out/x", "a/out/"]),
    ("anchoring",
     "/root-only\n"
     "anywhere\n"
     "mid/slash\n"
     "/dir/anchored\n"
     "deep/er/\n",
     ["root-only", "a/root-only", "anywhere", "a/b/anywhere", "c/anywhere/", "c/anywhere/x", "mid/slash",
      "a/mid/slash", "dir/anchored", "a/dir/anchored", "deep/er/", "x/deep/er/"]),
    ("star-question",
     "*.tmp\n"
     "a?c\n"
     "docs/*.md\n"
     "p?q/r\n",
     ["x.tmp", "d/x.tmp", ".tmp", "x.tmp.bak", "abc", "a.c", "ac", "abbc", "docs/x.md", "docs/.md",
      "docs/sub/x.md", "other/docs/x.md", "pxq/r", "p/q/r"]),
    ("classes",
     "[abc].txt\n"
     "file[0-9]\n"
     "[!a-y]z\n"
     "[^x]y\n"
     "[]]b\n"
     "[a-]c\n"
     "d[[:digit:]]\n"
     "u[[:upper:]]\n"
     "s[[:space:]]\n"
     "e[z-a]\n"
     "c[/]d\n",
     ["a.txt", "d.txt", "file5", "filex", "zz", "az", "ay", "xy", "]b", "-c", "ac", "bc", "d7", "dx", "uQ",
      "uq", "s ", "s\t", "s\x0b", "ez", "ea", "c/d"]),
    ("invalid",
     "bad[\n"
     "good\n"
     "[[:bogus:]]x\n"
     "x[[:alpha:]\n"
     "trailing\\\n",
     ["bad[", "bad", "good", "bx", "[[:bogus:]]x", "xa", "x[[:alpha:]", "trailing", "trailing\\"]),
    ("double-star",
     "**/lead\n"
     "trail/**\n"
     "a/**/b\n"
     "x**y\n"
     "**/d/**/e\n"
     "foo**/bar\n",
     ["lead", "s/lead", "s/t/lead", "q/lead/", "q/lead/x", "trail/", "trail/x", "trail/y/z", "t/trail/x",
      "a/b", "a/x/b", "a/x/y/b", "c/a/b", "a/bb", "xy", "xzzy", "p/xzy", "x/y", "d/e", "k/d/e",
      "k/d/m/n/e", "foobar", "foo/bar", "foo/x/bar", "fooz/bar", "fooz/x/bar"]),
    ("case",
     "*.JPG\n"
     "Makefile\n"
     "[A-Z]cap\n",
     ["a.JPG", "a.jpg", "Makefile", "makefile", "Xcap", "xcap"]),
    ("dotfiles",
     ".env\n"
     ".git/\n"
     ".*.swp\n",
     [".env", "config/.env", ".env.example", ".git/", ".git/HEAD", "sub/.git/", ".gitignore", ".a.swp",
      "b.swp", ".github/workflows/ci.yml"]),
    ("utf8-bytes",
     "caf?\n"
     "caf??x\n"
     "[é]1\n"
     "?2\n",
     ["café", "cafe", "caféx", "cafex", "é1", "e1", "é2", "a2"]),
]


def git(args, cwd, env, stdin):
    return subprocess.run(["git"] + args, cwd=cwd, env=env, input=stdin, capture_output=True, check=False)


def patterns(text):
    """(negated, pattern) per line, as `man gitignore` reads a file."""
    if text.startswith("\ufeff"):
        text = text[1:]
    result = []
    for line in text.split("\n"):
        line = line[:-1] if line.endswith("\r") else line
        if not line or line.startswith("#"):
            continue
        end = len(line)
        while end > 0 and line[end - 1] == " ":
            end -= 1
        escapes = len(line[:end]) - len(line[:end].rstrip("\\"))
        if escapes % 2 == 1 and end < len(line):
            end += 1
        line = line[:end]
        negated = line.startswith("!")
        result.append((negated, line[1:] if negated else line))
    return result


def quoted(pattern):
    return '"' + pattern.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run(name, text, paths, root, env):
    work = os.path.join(root, name)
    os.makedirs(work)
    is_dir = {p.rstrip("/"): p.endswith("/") for p in paths}
    for path in is_dir:
        parts = path.split("/")
        for k in range(1, len(parts)):
            parent = "/".join(parts[:k])
            if not is_dir.get(parent, True):
                sys.exit(f"{name}: {parent} is listed as a file but has {path} inside")
            os.makedirs(os.path.join(work, parent), exist_ok=True)
        if is_dir[path]:
            os.makedirs(os.path.join(work, path), exist_ok=True)
        else:
            open(os.path.join(work, path), "w").close()
    with open(os.path.join(work, ".gitignore"), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    rules = patterns(text)
    with open(os.path.join(work, ".gitattributes"), "w", encoding="utf-8") as f:
        f.writelines(f"{quoted(p)} p{i}\n" for i, (_, p) in enumerate(rules) if p)
    env = dict(env, GIT_WORK_TREE=work)

    def excluded(names):
        out = git(["check-ignore", "--no-index", "-z", "--stdin"], work, env, "\0".join(names).encode() + b"\0")
        if out.returncode > 1:
            sys.exit(out.stderr.decode())
        return {p.decode() for p in out.stdout.split(b"\0") if p}

    listed = list(is_dir)
    parents = sorted({"/".join(p.split("/")[:k]) for p in listed for k in range(1, p.count("/") + 1)})
    excluded_paths = excluded(listed)
    excluded_parents = excluded(parents) if parents else set()

    query = "\0".join(p + ("/" if is_dir[p] else "") for p in listed).encode() + b"\0"
    out = git(["check-attr", "-z", "--stdin", "--all"], work, env, query)
    if out.returncode or out.stderr:
        sys.exit(out.stderr.decode())
    fields = out.stdout.split(b"\0")
    last = {}
    for k in range(0, len(fields) - 2, 3):
        path = fields[k].decode().rstrip("/")
        last[path] = max(last.get(path, -1), int(fields[k + 1].decode()[1:]))

    rows = []
    for path in listed:
        ignored = path in last and not rules[last[path]][0]
        under_excluded = any(p in excluded_parents for p in parents if path.startswith(p + "/"))
        if not under_excluded and ignored != (path in excluded_paths):
            sys.exit(f"{name}: {path!r}: check-attr says {ignored}, check-ignore disagrees")
        rows.append((path, is_dir[path], ignored, path in excluded_paths))
    return rows


def java_text_block(text):
    lines = []
    for line in text.split("\n"):
        line = line.replace("\\", "\\\\").replace("\r", "\\r").replace("\ufeff", "\\uFEFF")
        stripped = line.rstrip(" \t")
        tail = line[len(stripped):].replace(" ", "\\s").replace("\t", "\\t")
        lines.append(stripped + tail)
    indented = "\n".join(("            " + l).rstrip(" ") for l in (lines[:-1] if text.endswith("\n") else lines))
    return indented + ('\n            """' if text.endswith("\n") else '"""')


def java_string(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t").replace("\x0b", "\\013")
            .replace("\ufeff", "\\uFEFF"))


def main():
    root = tempfile.mkdtemp()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=root, XDG_CONFIG_HOME=root, GIT_CONFIG_NOSYSTEM="1", GIT_DIR=os.path.join(root, "git"),
               LC_ALL="C")
    if git(["init", "-q", "--template="], root, env, None).returncode:
        sys.exit("git init failed")
    version = git(["--version"], root, env, None).stdout.decode().strip()
    print(f"// {version}")
    print("  private static final Map<String, String> RULES = Map.ofEntries(")
    print(",\n".join(f'      Map.entry("{name}", """\n{java_text_block(text)})' for name, text, _ in SCENARIOS) + ");")
    print()
    rows = [(name, row) for name, text, paths in SCENARIOS for row in run(name, text, paths, root, env)]
    names = max(len(name) for name, _ in rows)
    paths = max(len(java_string(row[0])) for _, row in rows) + 2
    for name, (path, is_dir, ignored, excluded) in rows:
        quoted_path = f'"{java_string(path)}"'
        print(f"      {name:<{names}} | {quoted_path:<{paths}} | {'dir ' if is_dir else 'file'} | "
              f"{str(ignored).lower():<5} | {str(excluded).lower()}")
    shutil.rmtree(root)


if __name__ == "__main__":
    main()
