"""history(t): the timeline of t's storage — creation, in-place writes, views and aliases; history() for all."""
from tensorsh.render import facts as F
from tensorsh.render.common import render_lines, storage_label, tensor_variables

HEAD, TAIL = 6, 14   # a long timeline shows its first and latest events


def _event_line(session, e, label=None):
    kind, loc, _, _, extra = e
    t = F.event_tensor(e)
    nm = F.name(session, t, None) if t is not None else None
    where = f"{F.where(loc):<12} " if loc is not None else ""
    pre = f"{label} " if label else ""
    if kind == "write":
        before, after, node = extra
        return (f"{pre}{where}write     `{F.text(loc)}`" + (f" through {nm}" if nm else "")
                + f", version {before} -> {after}" + (f" ({node})" if node else ""))
    if kind in ("view", "detach", "data"):
        what = {"view": f"view ({extra})" if extra else "view", "detach": "detach()", "data": ".data"}[kind]
        tail = {"view": "shares storage and version counter", "detach": "shares storage and version counter, "
                "no history", "data": "shares storage, own version counter, no history"}[kind]
        return f"{pre}{where}{'alias' if kind != 'view' else 'view':<9} `{F.text(loc)}` {what}" + \
            (f" -> {nm}" if nm else "") + f": {tail}"
    if kind == "requires_grad":
        return f"{pre}{where}autograd  `{F.text(loc)}`: requires_grad set to {extra}" + (f" on {nm}" if nm else "")
    if kind == "detach_":
        return f"{pre}{where}autograd  `{F.text(loc)}`: detach_() cut " + (nm or "it") + " from its history"
    if kind == "grad+":
        return f"{pre}{where}grad      `{F.text(loc)}`: backward accumulated into " + (f"{nm}.grad" if nm else ".grad")
    if kind == "grad=None":
        return f"{pre}{where}grad      `{F.text(loc)}`: " + (f"{nm}.grad" if nm else ".grad") + " set to None"
    if kind == "data=":
        return f"{pre}{where}rebind    `{F.text(loc)}`: " + (nm or "a tensor") + ".data = ... moved it to another storage"
    return f"{pre}{where}{kind}"


def _timeline(session, storage, label=None):
    """(sort key, line) for each event of one storage, creation first."""
    out = []
    if storage.loc is not None:
        out.append(((storage._born, storage.loc.line, storage.loc.col, 0),
                    f"{label + ' ' if label else ''}{F.where(storage.loc):<12} created   `{F.text(storage.loc)}`", 1))
    for i, e in enumerate(F.events(storage), start=1):
        if e[0] == "elided":  # (the log kept its first and latest events: the summary counts these)
            out.append(((out[-1][0][0] if out else 0, 0, 0, i), None, e[4]))
            continue
        loc = e[1]
        out.append(((e[2], loc.line if loc else 0, loc.col if loc else 0, i), _event_line(session, e, label), 1))
    return out


def _summarise(items):
    """The first and the latest lines; what lies between (and what the logs dropped) is counted."""
    if len(items) <= HEAD + TAIL + 1 and all(line is not None for _, line, _ in items):
        return [line for _, line, _ in items]
    head, tail = items[:HEAD], items[-TAIL:] if len(items) > HEAD + TAIL else items[HEAD:]
    middle = items[HEAD:len(items) - len(tail)]
    hidden = sum(n for _, _, n in middle) + sum(n for _, line, n in head + tail if line is None)
    return ([line for _, line, _ in head if line is not None] + [f"... {hidden} more events ..."]
            + [line for _, line, _ in tail if line is not None])


def history_text(session, tensor, text, plain=True, width=80):
    if tensor is not None:
        st = tensor._storage
        names = [k for k, v in tensor_variables(session) if v._storage is st]
        head = (f"history({text}): storage {storage_label(session, st)} ({st.data.size} x {st.data.dtype.name})"
                + (f", used by {', '.join(names)}" if names else "")
                + f"; version {tensor._version_counter.value}")
        items = _timeline(session, st)
    else:
        seen, items = set(), []
        for k, v in tensor_variables(session):
            if id(v._storage) not in seen:
                seen.add(id(v._storage))
                items.extend(_timeline(session, v._storage, storage_label(session, v._storage)))
        head = f"history(): {len(seen)} storages of the session's tensors, oldest event first"
        items.sort(key=lambda x: x[0])
    return render_lines(head, _summarise(items) or ["(nothing recorded)"], plain, width)
