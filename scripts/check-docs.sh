#!/usr/bin/env bash
# Checks the project's Markdown without the network: every relative link and image resolves to a file or
# directory of the repository; every anchor (#...) names a heading of its target file, by GitHub's slug
# rules; every file reference written in backticks that looks like a repository path (`docker/compose-test.sh`,
# `src/main/liberty/config/server.xml`) exists; and README.md stays under 200 lines. External http(s)
# links are only listed, never fetched.
# Usage: scripts/check-docs.sh [-v] [FILE.md ...]   (default: every tracked *.md; -v lists external links)
# Exit 0 when all resolve, 1 otherwise, with one line per broken link: file:line: what.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 - "$@" <<'PY'
import os, re, subprocess, sys

ROOT = os.getcwd()
README_MAX_LINES = 200
# Source-like extensions: a backtick token ending in one of these is taken for a file reference.
FILE_EXT = re.compile(r'\.(sh|py|java|xml|yml|yaml|md|properties|options|lua|png|json|txt|toml|cfg)$')
SOURCE_EXT = re.compile(r'\.(sh|py|java|xml|yml|yaml|md|properties|options|lua)$')
# Paths a build or a run makes, not the repository: named in the docs, never checked.
GENERATED = re.compile(r'(^|/)(target|raw|results)/|^bench/results\b|^/')

verbose = len(sys.argv) > 1 and sys.argv[1] == '-v'
args = [a for a in sys.argv[1:] if a != '-v']

def tracked():
    try:
        out = subprocess.run(['git', '-c', 'safe.directory=*', 'ls-files', '-co', '--exclude-standard'], capture_output=True,
                             text=True, check=True).stdout.split('\n')
        return [f for f in out if f and os.path.exists(f)]
    except (OSError, subprocess.CalledProcessError):
        return [os.path.relpath(os.path.join(d, f)) for d, _, fs in os.walk('.') if '/.git' not in d for f in fs]

FILES = tracked()
DIRS = {os.path.dirname(f) for f in FILES}
for d in list(DIRS):
    while d:
        d = os.path.dirname(d)
        DIRS.add(d)
TOP = {f.split('/')[0] for f in FILES}
BASENAMES = {os.path.basename(f) for f in FILES}

def ignored(rel):
    """A path git ignores (a build output, a file the reader makes, e.g. monitoring/monitor.password)."""
    return subprocess.run(['git', '-c', 'safe.directory=*', 'check-ignore', '-q', '--no-index', rel], capture_output=True).returncode == 0

def exists(rel):
    rel = os.path.normpath(rel).rstrip('/')
    return rel in DIRS or os.path.isfile(rel) or os.path.isdir(rel)

def strip_fences(lines):
    """Yields (line number, text) outside fenced code blocks."""
    fence = None
    for n, line in enumerate(lines, 1):
        m = re.match(r'^\s{0,3}(`{3,}|~{3,})', line)
        if m:
            if fence is None:
                fence = m.group(1)[0] * len(m.group(1))
                continue
            if m.group(1).startswith(fence):
                fence = None
                continue
        if fence is None:
            yield n, line

def slug(text):
    """GitHub's heading anchor: rendered text, lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', text)      # links and images: their text
    text = re.sub(r'<[^>]+>', '', text)                            # inline HTML tags
    text = text.replace('`', '').strip().lower()
    text = re.sub(r'[^\w\- ]', '', text)                           # \w keeps letters, digits, _
    return text.replace(' ', '-')

ANCHORS = {}
def anchors(path):
    if path not in ANCHORS:
        seen, found = {}, set()
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        body = list(strip_fences(lines))
        for i, (n, line) in enumerate(body):
            m = re.match(r'^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$', line)
            text = m.group(1) if m else None
            if text is None and i + 1 < len(body) and body[i + 1][0] == n + 1 and line.strip() \
                    and re.match(r'^\s{0,3}(=+|-+)\s*$', body[i + 1][1]) and not line.lstrip().startswith(('|', '-', '*')):
                text = line.strip()
            if text is not None:
                s = slug(text)
                k = seen.get(s, 0)
                seen[s] = k + 1
                found.add(s if k == 0 else f'{s}-{k}')
            for a in re.findall(r'<a\s+(?:id|name)="([^"]+)"', line):
                found.add(a)
        ANCHORS[path] = found
    return ANCHORS[path]

errors, external, counts = [], [], {}

def check_file(md):
    with open(md, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if md == 'README.md' and len(lines) - 1 >= README_MAX_LINES:
        errors.append(f'README.md: {len(lines) - 1} lines, the front page must stay under {README_MAX_LINES}')
    base = os.path.dirname(md)
    links = refs = 0
    for n, line in strip_fences(lines):
        code = re.findall(r'`([^`]+)`', line)
        prose = re.sub(r'`[^`]*`', '', line)
        targets = re.findall(r'!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)', prose)
        targets += re.findall(r'^\s{0,3}\[[^\]]+\]:\s+<?(\S+?)>?(?:\s|$)', prose)
        targets += re.findall(r'<(https?://[^>\s]+)>', prose)
        for t in targets:
            links += 1
            if re.match(r'^(https?:|mailto:)', t):
                external.append(f'{md}:{n}: {t}')
                continue
            path, _, frag = t.partition('#')
            if path:
                rel = path.lstrip('/') if path.startswith('/') else os.path.join(base, path)
                rel = os.path.normpath(rel)
                if not exists(rel):
                    errors.append(f'{md}:{n}: link to {t}: no such file or directory {rel}')
                    continue
            else:
                rel = md
            if frag:
                if not rel.endswith('.md') or not os.path.isfile(rel):
                    errors.append(f'{md}:{n}: link to {t}: an anchor into a file that is not Markdown')
                elif frag not in anchors(rel):
                    errors.append(f'{md}:{n}: link to {t}: no heading with the anchor #{frag} in {rel}')
        for c in code:
            c = c.strip()
            if not c or re.search(r'[\s<>*$={}\[\]|,:;@()\'"?]', c) or c.startswith(('-', '.ci/run ', 'http')):
                continue
            if c.startswith(('./', '../')):     # relative to the Markdown file (or, failing that, the root)
                refs += 1
                if not (exists(os.path.join(base, c)) or exists(c)):
                    errors.append(f'{md}:{n}: `{c}`: no such file or directory beside {md}')
                continue
            first = c.split('/')[0]
            if c.startswith('/') or GENERATED.search(c) or ignored(c):
                continue
            if first in TOP and (('/' in c) or c in TOP):
                refs += 1
                if not exists(c):
                    errors.append(f'{md}:{n}: `{c}`: no such file or directory in the repository')
            elif '/' in c and FILE_EXT.search(c):
                refs += 1        # a path below a module, e.g. `WEB-INF/web.xml`: some tracked file must end so
                if not any(f == c or f.endswith('/' + c) for f in FILES):
                    errors.append(f'{md}:{n}: `{c}`: no tracked file ends with this path')
            elif '/' not in c and SOURCE_EXT.search(c) and re.match(r'^[\w.-]+$', c):
                refs += 1        # a bare file name, e.g. `health-tick.sh`: some tracked file must have it
                if c not in BASENAMES:
                    errors.append(f'{md}:{n}: `{c}`: no tracked file has this name')
    counts[md] = (links, refs)

docs = args or sorted(f for f in FILES if f.endswith('.md'))
for md in docs:
    check_file(md)
for md, (links, refs) in counts.items():
    print(f'{md}: {links} links, {refs} file references')
print(f'external links (listed, not fetched): {len(external)}')
if verbose:
    for e in external:
        print('  ' + e)
for e in errors:
    print(e)
print(f'check-docs: {len(counts)} files, {"OK" if not errors else str(len(errors)) + " broken"}')
sys.exit(1 if errors else 0)
PY
