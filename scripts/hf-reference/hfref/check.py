"""Compare a regenerated fixture tree with the committed one; list every differing key."""
import json
import os

MAX_LINES = 400


def _short(v):
    s = json.dumps(v)
    return s if len(s) <= 100 else s[:97] + "..."


def _diff(a, b, path, out):
    """Appends (path, committed, regenerated) for every difference between JSON values a and b."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in a:
            if k not in b:
                out.append((path + "." + k, a[k], "<absent>"))
            else:
                _diff(a[k], b[k], path + "." + k, out)
        for k in b:
            if k not in a:
                out.append((path + "." + k, "<absent>", b[k]))
        if set(a) == set(b) and list(a) != list(b):
            out.append((path + " (key order)", list(a), list(b)))
    elif isinstance(a, list) and isinstance(b, list):
        named = all(isinstance(x, dict) and "name" in x for x in a + b)
        if named and a and b:  # models lists: match entries by name
            ia, ib = {x["name"]: x for x in a}, {x["name"]: x for x in b}
            for n in ia:
                if n not in ib:
                    out.append(("%s[%s]" % (path, n), "<present>", "<absent>"))
                else:
                    _diff(ia[n], ib[n], "%s[%s]" % (path, n), out)
            for n in ib:
                if n not in ia:
                    out.append(("%s[%s]" % (path, n), "<absent>", "<present>"))
            if [n for n in ia if n in ib] != [n for n in ib if n in ia]:
                out.append((path + " (order)", list(ia), list(ib)))
        else:
            for i in range(max(len(a), len(b))):
                if i >= len(a):
                    out.append(("%s[%d]" % (path, i), "<absent>", b[i]))
                elif i >= len(b):
                    out.append(("%s[%d]" % (path, i), a[i], "<absent>"))
                else:
                    _diff(a[i], b[i], "%s[%d]" % (path, i), out)
    elif type(a) is not type(b) or a != b:
        out.append((path, a, b))


def compare_file(rel, committed_fix, regen_fix, keep_model=None):
    """Differences for one fixture file. keep_model filters the committed `models` list (partial runs)."""
    cpath, rpath = os.path.join(committed_fix, rel), os.path.join(regen_fix, rel)
    if not os.path.exists(cpath):
        return [(rel, "<no committed file>", "<regenerated>")]
    with open(cpath, "rb") as f:
        cbytes = f.read()
    with open(rpath, "rb") as f:
        rbytes = f.read()
    if keep_model is None and cbytes == rbytes:
        return []
    committed, regen = json.loads(cbytes), json.loads(rbytes)
    if keep_model is not None:
        committed["models"] = [m for m in committed["models"] if keep_model(m)]
    out = []
    _diff(committed, regen, rel, out)
    if not out and keep_model is None:
        out.append((rel + " (bytes: formatting)", len(cbytes), len(rbytes)))
    return out


def stale_files(sub, committed_fix, regen_fix):
    """Committed *.json files under sub/ that the generator no longer writes."""
    have = {f for f in os.listdir(os.path.join(regen_fix, sub)) if f.endswith(".json")}
    return [(os.path.join(sub, f), "<committed>", "<not regenerated>")
            for f in sorted(os.listdir(os.path.join(committed_fix, sub))) if f.endswith(".json") and f not in have]


def report(diffs):
    """Prints the differences; returns the process exit status (0: identical)."""
    for path, a, b in diffs[:MAX_LINES]:
        print("DIFF %s: committed %s, regenerated %s" % (path, _short(a), _short(b)))
    if len(diffs) > MAX_LINES:
        print("... and %d more differences" % (len(diffs) - MAX_LINES))
    print("check: %s" % ("%d difference(s)" % len(diffs) if diffs else "all regenerated fixtures match the committed ones"))
    return 1 if diffs else 0
