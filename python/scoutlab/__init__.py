"""scoutlab for Python: the libscoutlab C library through ctypes (no compiled extension).

Results are plain dicts and lists (wrap them in pandas.DataFrame if you like).

    import scoutlab
    ws = scoutlab.Workspace(transfers=["transfers.csv"], data=["values.csv"])
    v = ws.value("Tobías Quirandel", bid=25e6)
    print(v["fair_fee"], v["fee_low"], v["fee_high"], v["p_at_least_bid"])

The library is found at $SCOUTLAB_LIBRARY, else next to this package as installed
(PREFIX/lib), else by the system's loader (libscoutlab.so.MAJOR.MINOR).
Everything is read through the flat API of scoutlab/binding.h: no struct layouts are mirrored.
"""
import ctypes
import json
import math
import os

try:
    from . import _location  # written at install time: where libscoutlab is from here
except ImportError:  # the source tree
    _location = None

__all__ = ["ScoutlabError", "Workspace", "Table", "load_table", "version", "value", "fit_fee_model", "parse_season",
           "EINVAL", "EPARSE", "ENOMEM", "EIO", "ESING", "ENOTFOUND", "ELIMIT", "EENCODING", "EDATA", "ETOOL",
           "EVERSION", "EAMBIG", "EUNKNOWN"]

_MSG = 2048  # bytes of error text the library may write


# The library's status codes (include/scoutlab/error.h), by name.
EINVAL, EPARSE, ENOMEM, EIO, ESING, ENOTFOUND, ELIMIT, EENCODING, EDATA, ETOOL, EVERSION, EAMBIG, EUNKNOWN = range(1, 14)
_CODE_NAMES = {v: k for k, v in globals().items() if k.startswith("E") and k.isupper() and isinstance(v, int)}


class ScoutlabError(Exception):
    """A libscoutlab failure: .code is the status (scoutlab.EINVAL, EPARSE, EIO, ENOTFOUND, EDATA,
    EAMBIG: a name matching several players, EUNKNOWN: a league or position that is not one...),
    .name its name ("EAMBIG")."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.name = _CODE_NAMES.get(code, "E%d" % code)


def _candidates():
    env = os.environ.get("SCOUTLAB_LIBRARY")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    if _location is not None:
        yield os.path.normpath(os.path.join(here, _location.LIBRARY_FROM_PACKAGE))
        yield _location.SONAME
    yield "libscoutlab.so"


def _load():
    errors = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append(str(e))
    raise ImportError("libscoutlab not found (set SCOUTLAB_LIBRARY): " + "; ".join(errors))


_lib = _load()
_c = ctypes
_P = _c.c_void_p
_S = _c.c_char_p
_SZ = _c.c_size_t
_D = _c.c_double
_STRS = _c.POINTER(_c.c_char_p)


def _sig(name, res, *args):
    f = getattr(_lib, name)
    f.restype = res
    f.argtypes = list(args)
    return f


_version = _sig("sl_version", _S)
_table_load = _sig("sl_binding_table_load", _c.c_int, _STRS, _SZ, _c.POINTER(_P), _S, _SZ)
_table_free = _sig("sl_table_free", None, _P)
_rows = _sig("sl_binding_table_rows", _SZ, _P)
_cols = _sig("sl_binding_table_columns", _SZ, _P)
_col_name = _sig("sl_binding_column_name", _S, _P, _SZ)
_col_type = _sig("sl_binding_column_type", _S, _P, _SZ)
_cell_num = _sig("sl_binding_cell_number", _D, _P, _SZ, _SZ)
_cell_text = _sig("sl_binding_cell_text", _S, _P, _SZ, _SZ, _S, _SZ)
_ws_open_opts = _sig("sl_binding_workspace_open_options", _c.c_int, _STRS, _SZ, _STRS, _SZ, _STRS, _SZ, _S, _S,
                     _c.c_int, _STRS, _STRS, _SZ, _c.POINTER(_P), _S, _SZ)
_ws_free = _sig("sl_workspace_free", None, _P)
_model_save = _sig("sl_binding_model_save", _c.c_int, _P, _S, _S, _SZ)
_coef_count = _sig("sl_binding_model_coef_count", _SZ, _P)
_coef_name = _sig("sl_binding_model_coef_name", _S, _P, _SZ)
_coef = _sig("sl_binding_model_coef", _D, _P, _SZ)
_deals = _sig("sl_binding_model_deals", _SZ, _P)
_value_json = _sig("sl_binding_value_json", _c.c_int, _P, _S, _D, _STRS, _STRS, _SZ, _SZ, _STRS, _SZ,
                   _c.POINTER(_c.c_void_p), _S, _SZ)
_string_free = _sig("sl_binding_string_free", None, _c.c_void_p)
_rows_read = _sig("sl_binding_table_rows_read", _SZ, _P)
_skipped_count = _sig("sl_binding_table_skipped_count", _SZ, _P)
_skipped = _sig("sl_binding_table_skipped", _S, _P, _SZ, _c.POINTER(_S), _c.POINTER(_c.c_long))
_ws_note_count = _sig("sl_binding_workspace_note_count", _SZ, _P)
_ws_note = _sig("sl_binding_workspace_note", _S, _P, _SZ)
_pct_new = _sig("sl_binding_percentiles_new", _c.c_int, _P, _S, _S, _c.POINTER(_P), _S, _SZ)
_pct_free = _sig("sl_binding_percentiles_free", None, _P)
_pct_role = _sig("sl_binding_percentiles_role", _S, _P)
_pct_group = _sig("sl_binding_percentiles_group", _S, _P)
_pct_pool = _sig("sl_binding_percentiles_pool", _SZ, _P)
_pct_player = _sig("sl_binding_percentiles_player", _S, _P)
_pct_count = _sig("sl_binding_percentiles_count", _SZ, _P)
_pct_stat = _sig("sl_binding_percentiles_stat", _S, _P, _SZ)
_pct_value = _sig("sl_binding_percentiles_value", _D, _P, _SZ)
_pct_pct = _sig("sl_binding_percentiles_percentile", _D, _P, _SZ)
_pct_peers = _sig("sl_binding_percentiles_peers", _SZ, _P, _SZ)
_pct_attempts = _sig("sl_binding_percentiles_attempts", _D, _P, _SZ)
_pct_few = _sig("sl_binding_percentiles_few", _c.c_int, _P, _SZ)
_sq_new = _sig("sl_binding_squad_new", _c.c_int, _P, _S, _c.POINTER(_P), _S, _SZ)
_sq_free = _sig("sl_binding_squad_free", None, _P)
_sq_club = _sig("sl_binding_squad_club", _S, _P)
_sq_league = _sig("sl_binding_squad_league", _S, _P)
_sq_count = _sig("sl_binding_squad_count", _SZ, _P)
_sq_player = _sig("sl_binding_squad_player", _S, _P, _SZ)
_sq_number = _sig("sl_binding_squad_number", _D, _P, _SZ, _S)
_SQUAD_NUMBERS = ("importance", "minutes", "minutes_share", "age")
_OPTS = (_STRS, _STRS, _SZ)
_cmp_new = _sig("sl_binding_compare_new", _c.c_int, _P, _STRS, _SZ, *_OPTS, _c.POINTER(_P), _S, _SZ)
_cmp_free = _sig("sl_binding_compare_free", None, _P)
_cmp_role = _sig("sl_binding_compare_role", _S, _P)
_cmp_count = _sig("sl_binding_compare_player_count", _SZ, _P)
_cmp_nstats = _sig("sl_binding_compare_stat_count", _SZ, _P)
_cmp_stat = _sig("sl_binding_compare_stat", _S, _P, _SZ, _S)
_cmp_text = _sig("sl_binding_compare_text", _S, _P, _SZ, _S)
_cmp_number = _sig("sl_binding_compare_number", _D, _P, _SZ, _S)
_cmp_value = _sig("sl_binding_compare_value", _D, _P, _SZ, _SZ)
_cmp_pct = _sig("sl_binding_compare_percentile", _D, _P, _SZ, _SZ)
_cmp_peers = _sig("sl_binding_compare_peers", _SZ, _P, _SZ, _SZ)
_cmp_attempts = _sig("sl_binding_compare_attempts", _D, _P, _SZ, _SZ)
_cmp_few = _sig("sl_binding_compare_few", _c.c_int, _P, _SZ, _SZ)
_sim_new = _sig("sl_binding_similar_new", _c.c_int, _P, _S, *_OPTS, _c.POINTER(_P), _S, _SZ)
_sim_free = _sig("sl_binding_similar_free", None, _P)
_sim_player = _sig("sl_binding_similar_player", _S, _P)
_sim_role = _sig("sl_binding_similar_role", _S, _P)
_sim_metric = _sig("sl_binding_similar_metric", _S, _P)
_sim_info = _sig("sl_binding_similar_info", _D, _P, _S)
_sim_count = _sig("sl_binding_similar_count", _SZ, _P)
_sim_text = _sig("sl_binding_similar_text", _S, _P, _SZ, _S)
_sim_number = _sig("sl_binding_similar_number", _D, _P, _SZ, _S)
# The fields of `compare --format json` and `similar --format json`, by their JSON names.
_POSITION = (("group", "group"), ("source", "position_source"), ("sub_position", "sub_position"),
             ("fbref", "fbref_position"), ("note", "position_note"))
_PLAYER_NUMBERS = (("age", "age"), ("born", "born"), ("minutes", "minutes"), ("nineties", "nineties"),
                   ("market_value_eur", "market_value"))
_EXCLUDED = ("age", "value", "no_value", "league", "minutes", "fee", "no_fee")
_component_name = _sig("sl_squad_component_name", _S, _c.c_int)


def _squad_components():
    """The squad's component names, as the library names them ("" past the last)."""
    names, k = [], 0
    while _u(_component_name(k)):
        names.append(_u(_component_name(k)))
        k += 1
    return tuple(names)
_season_parse = _sig("sl_binding_season_parse", _c.c_int, _S, _c.POINTER(_c.c_int), _S, _SZ)


def _b(s):
    if isinstance(s, os.PathLike):
        return os.fsencode(s)
    if isinstance(s, bytes):
        return s
    if not isinstance(s, str):
        raise TypeError("expected a name or path (str or os.PathLike), got %s" % type(s).__name__)
    return s.encode("utf-8")


def _u(b):
    return None if b is None else b.decode("utf-8", "replace")


def _paths(items):
    if isinstance(items, (str, bytes, os.PathLike)):
        items = [items]
    items = [_b(x) for x in items]
    arr = (_c.c_char_p * max(len(items), 1))(*items)
    return arr, len(items)


def _num(x):
    return None if math.isnan(x) else x


def _check(st, msg):
    if st:
        raise ScoutlabError(st, _u(msg.value) or "scoutlab error %d" % st)


def _options(options):
    """Keyword options as the C API's text keys and values (numbers in the C locale)."""
    keys, vals = [], []
    for k, x in options.items():
        if isinstance(x, bool) or x is None:
            raise TypeError("option %s expects a number or text, got %r" % (k, x))
        keys.append(_b(k))
        vals.append(str(x).encode() if isinstance(x, int) else repr(x).encode() if isinstance(x, float) else _b(x))
    ka = (_c.c_char_p * max(len(keys), 1))(*keys)
    va = (_c.c_char_p * max(len(vals), 1))(*vals)
    return ka, va, len(keys)


def parse_season(season):
    """A season as its first year, from any form scoutlab reads: 2024, "2024", "2024/25",
    "2024-25", "24/25" -> 2024."""
    if isinstance(season, float) and season.is_integer():
        season = int(season)
    if isinstance(season, int) and not isinstance(season, bool):
        season = str(season)  # the library's rule: a first year in 1860-2200, "24" is no season
    first = _c.c_int()
    msg = _c.create_string_buffer(_MSG)
    _check(_season_parse(_b(season), _c.byref(first), msg, _MSG), msg)
    return first.value


def version():
    """The loaded library's version, e.g. "0.2.0"."""
    return _u(_version())


class Table(dict):
    """{column name: list of values}, with .rows_read (data rows the loader read) and .skipped:
    the rows it left out, [{"file", "line", "reason"}], so rows_read = rows kept + len(skipped)."""

    rows_read = 0
    skipped = ()


def load_table(paths):
    """Loads CSV files (or directories) into a Table, {column name: list of values}: numbers as
    float, money in EUR, dates as "YYYY-MM-DD" text, missing cells as None; every row read is a
    row of it or one of .skipped (file, line, reason)."""
    arr, n = _paths(paths)
    t = _P()
    msg = _c.create_string_buffer(_MSG)
    _check(_table_load(arr, n, _c.byref(t), msg, _MSG), msg)
    try:
        out = Table()
        out.rows_read = _rows_read(t)
        skipped = []
        for k in range(_skipped_count(t)):
            f, line = _S(), _c.c_long()
            reason = _skipped(t, k, _c.byref(f), _c.byref(line))
            skipped.append({"file": _u(f.value), "line": line.value, "reason": _u(reason)})
        out.skipped = skipped
        buf = _c.create_string_buffer(64)
        nrows = _rows(t)
        for j in range(_cols(t)):
            kind = _u(_col_type(t, j))
            if kind in ("number", "money"):
                col = [_num(_cell_num(t, j, i)) for i in range(nrows)]
            else:
                col = [_u(_cell_text(t, j, i, buf, 64)) for i in range(nrows)]
            out[_u(_col_name(t, j))] = col
        return out
    finally:
        _table_free(t)


class Workspace:
    """The files of one question: stats, other data (market values, contracts...), past
    transfers to fit the fee model from, or a saved model (model="m.slm"). As the commands'
    options: positions (Transfermarkt-style sub-position files or folders), overrides (a position
    overrides file; "" = none instead of the bundled one), profiles (a role profiles file),
    seasons ("2022-2024": one entry per player and season), pool_seasons=True (pooled),
    per_club=True (one entry per club row), valuation_season ("2025/26"), level (0.8)."""

    def __init__(self, stats=(), data=(), transfers=(), model=None, season=0, performance_model=None,
                 positions=(), overrides=None, profiles=None, seasons=None, pool_seasons=False, per_club=False,
                 valuation_season=None, level=None):
        self._ws = _P()  # first: close() must find it whatever fails below
        keys, values = [], []
        for path in ([positions] if isinstance(positions, (str, bytes, os.PathLike)) else positions):
            keys.append(b"positions"), values.append(_b(path))
        for key, x in (("overrides", overrides), ("profiles", profiles), ("seasons", seasons),
                       ("valuation_season", valuation_season), ("level", level)):
            if x is not None:
                keys.append(key.encode()), values.append(repr(x).encode() if isinstance(x, float) else _b(str(x)))
        for key, x in (("pool_seasons", pool_seasons), ("per_club", per_club)):
            if x:
                keys.append(key.encode()), values.append(b"1")
        self._keep = [_paths(stats), _paths(data), _paths(transfers), _paths(keys), _paths(values)]
        (sa, sn), (da, dn), (ta, tn), (ka, kn), (va, _) = self._keep
        msg = _c.create_string_buffer(_MSG)
        first = parse_season(season) if season else 0
        st = _ws_open_opts(sa, sn, da, dn, ta, tn, _b(model) if model else None,
                           _b(performance_model) if performance_model else None, first, ka, va, kn,
                           _c.byref(self._ws), msg, _MSG)
        _check(st, msg)

    def close(self):
        ws = getattr(self, "_ws", None)
        if ws:
            _ws_free(ws)
            self._ws = _P()

    def _open(self):
        if not self._ws:
            raise ScoutlabError(EINVAL, "the workspace is closed")
        return self._ws

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def coefficients(self):
        """The fee model's log-fee regression: [{"name": ..., "estimate": ...}, ...]."""
        ws = self._open()
        return [{"name": _u(_coef_name(ws, j)), "estimate": _num(_coef(ws, j))} for j in range(_coef_count(ws))]

    def deals(self):
        """Number of past transfers the fee model learned from."""
        return _deals(self._open())

    def notes(self):
        """What the workspace decided about its inputs (seasons, files classified, rows left
        out), as `scoutlab value -v` prints them."""
        ws = self._open()
        return [_u(_ws_note(ws, i)) for i in range(_ws_note_count(ws))]

    def percentiles(self, player, role=None):
        """The player's values and percentiles as `scoutlab percentiles` gives them: his group's
        profile (or `role`, e.g. "centre-back") against the shared pool (the Big 5 when the stats
        hold them, else every league; 900+ minutes). {"player", "role", "group", "pool_size",
        "stats": [{"stat", "value", "percentile", "peers", "attempts", "few"}]}; None for a value
        he lacks; attempts: a rate's denominator for him (None for other stats), few: True when
        they are fewer than 5 (ranked, but noise)."""
        ws = self._open()
        p = _P()
        msg = _c.create_string_buffer(_MSG)
        _check(_pct_new(ws, _b(player), _b(role) if role is not None else None, _c.byref(p), msg, _MSG), msg)
        try:
            stats = [{"stat": _u(_pct_stat(p, i)), "value": _num(_pct_value(p, i)),
                      "percentile": _num(_pct_pct(p, i)), "peers": _pct_peers(p, i),
                      "attempts": _num(_pct_attempts(p, i)), "few": bool(_pct_few(p, i))} for i in range(_pct_count(p))]
            return {"player": _u(_pct_player(p)), "role": _u(_pct_role(p)), "group": _u(_pct_group(p)),
                    "pool_size": _pct_pool(p), "stats": stats}
        finally:
            _pct_free(p)

    def squad(self, club):
        """The club's players most important first, as `scoutlab squad CLUB` ranks them:
        {"club", "league", "players": [{"player", "importance", "minutes", "minutes_share", "age",
        "components": {"availability": 0-100, ...}}]}; None for what is unknown or left out."""
        ws = self._open()
        q = _P()
        msg = _c.create_string_buffer(_MSG)
        _check(_sq_new(ws, _b(club), _c.byref(q), msg, _MSG), msg)
        try:
            players, components = [], _squad_components()
            for i in range(_sq_count(q)):
                row = {"player": _u(_sq_player(q, i))}
                row.update({k: _num(_sq_number(q, i, k.encode())) for k in _SQUAD_NUMBERS})
                row["components"] = {k: _num(_sq_number(q, i, k.encode())) for k in components}
                players.append(row)
            return {"club": _u(_sq_club(q)), "league": _u(_sq_league(q)), "players": players}
        finally:
            _sq_free(q)

    def compare(self, *players, **options):
        """The players side by side as `scoutlab compare --format json` gives them: {"profile",
        "players": [{"name", "clubs", "league", "leagues", "seasons", "position": {...}, "age",
        "born", "minutes", "nineties", "market_value_eur", "rows", "pool": {...},
        "mean_percentile", "stats": [{"stat", "group", "kind", "better", "value", "percentile",
        "peers", "attempts", "few"}]}]}; None for what is unknown. options as compare's: role="centre-back",
        stats_list="TklW, Int, Cmp%", pool="all" (shared, big5, league, "Ligue 1,Serie A"),
        min_minutes=600."""
        if len(players) == 1 and isinstance(players[0], (list, tuple)):
            players = tuple(players[0])
        ws = self._open()
        names = [_b(p) for p in players]
        arr = (_c.c_char_p * max(len(names), 1))(*names)
        b = _P()
        msg = _c.create_string_buffer(_MSG)
        _check(_cmp_new(ws, arr, len(names), *_options(options), _c.byref(b), msg, _MSG), msg)
        try:
            return {"profile": _u(_cmp_role(b)), "players": [_compared(b, i) for i in range(_cmp_count(b))]}
        finally:
            _cmp_free(b)

    def similar(self, player, n=10, **options):
        """The n players most like `player`, nearest first, as `scoutlab similar --format json`
        gives them: {"player", "profile", "metric", "population", "candidates", "excluded": {...},
        "similar": [{"name", "club", "clubs", "league", "group", "position_source",
        "sub_position", "age", "minutes", "market_value_eur", "distance", "shared_stats"}]}, and
        "fair_fee_eur" when the workspace has a fee model. options as similar's: max_age,
        min_age, max_value ("15m"), max_fee, leagues ("Ligue 1,Serie A"), metric ("cosine"),
        candidate_minutes, pool, min_minutes, role, stats_list."""
        ws = self._open()
        options = dict(options, k=n)
        s = _P()
        msg = _c.create_string_buffer(_MSG)
        _check(_sim_new(ws, _b(player), *_options(options), _c.byref(s), msg, _MSG), msg)
        try:
            fees = self._has_model()
            found = []
            for i in range(_sim_count(s)):
                row = {k: _u(_sim_text(s, i, k.encode())) for k in ("name", "club", "clubs", "league", "group",
                                                                  "position_source", "sub_position")}
                row.update({k: _num(_sim_number(s, i, key.encode())) for k, key in
                            (("age", "age"), ("minutes", "minutes"), ("market_value_eur", "market_value"),
                             ("distance", "distance"))})
                if fees:
                    row["fair_fee_eur"] = _num(_sim_number(s, i, b"fair_fee"))
                row["shared_stats"] = int(_sim_number(s, i, b"shared_stats"))
                found.append(row)
            return {"player": _u(_sim_player(s)), "profile": _u(_sim_role(s)), "metric": _u(_sim_metric(s)),
                    "population": int(_sim_info(s, b"population")), "candidates": int(_sim_info(s, b"candidates")),
                    "excluded": {k: int(_sim_info(s, ("excluded_" + k).encode())) for k in _EXCLUDED},
                    "similar": found}
        finally:
            _sim_free(s)

    def _has_model(self):
        return _coef_count(self._open()) > 0

    def save_model(self, path):
        msg = _c.create_string_buffer(_MSG)
        _check(_model_save(self._open(), _b(path), msg, _MSG), msg)

    def value(self, player, bid=None, what_if=(), comparables=5, **attrs):
        """Fair fee of one player: the dict `scoutlab value --format json` prints, written by the
        library's one writer (docs/json.md: "fair_fee", "fee_low", "fee_high", "p_at_least_bid",
        "verdict" with a bid, "model" and "model_choice" (which model valued him and why),
        "market_value_season", "second_answer" (the other model's answer with a performance
        model: his stats alone, or his old market value), "contributions", "comparables",
        "what_if", "extrapolated", "notes"...; null is None).
        what_if: changes as value's --what-if ("age=+1", "market-value=15m"); comparables: how
        many nearest training deals (0-50). attrs state what the data do not, as value's options:
        age, market_value (10e6 or "10m"), contract_months, minutes_share, position,
        contract_until, club, league, buyer_league, buyer_club (e.g. buyer_club="Chelsea"),
        last_fee ("11m" or "none"), last_fee_season."""
        if isinstance(what_if, (str, bytes)):
            what_if = [what_if]
        if not 0 <= int(comparables) <= 50:
            raise ScoutlabError(EINVAL, "comparables is a whole number from 0 to 50, got %r" % (comparables,))
        msg = _c.create_string_buffer(_MSG)
        keys = [_b(k) for k in attrs]
        vals = [_b(x if isinstance(x, str) else repr(float(x)) if isinstance(x, (int, float)) else x) for x in attrs.values()]
        ka = (_c.c_char_p * max(len(keys), 1))(*keys)
        va = (_c.c_char_p * max(len(vals), 1))(*vals)
        wi = [_b(w) for w in what_if]
        wa = (_c.c_char_p * max(len(wi), 1))(*wi)
        text = _c.c_void_p()
        _check(_value_json(self._open(), _b(player), math.nan if bid is None else float(bid), ka, va, len(keys),
                           int(comparables), wa, len(wi), _c.byref(text), msg, _MSG), msg)
        try:
            return json.loads(_c.string_at(text).decode("utf-8", "replace"))
        finally:
            _string_free(text)


def _compared(b, i):
    """Player i of a comparison, in the shape of `compare --format json`'s players."""
    row = {k: _u(_cmp_text(b, i, k.encode())) for k in ("name", "clubs", "league", "leagues", "seasons")}
    row["position"] = {k: _u(_cmp_text(b, i, key.encode())) for k, key in _POSITION}
    row.update({k: _num(_cmp_number(b, i, key.encode())) for k, key in _PLAYER_NUMBERS})
    row["rows"] = int(_cmp_number(b, i, b"rows"))
    row["pool"] = {"group": _u(_cmp_text(b, i, b"pool_group")), "leagues": _u(_cmp_text(b, i, b"pool_leagues")),
                   "size": int(_cmp_number(b, i, b"pool_size"))}
    for k in ("player_in_pool", "small_sample", "below_default_minutes"):
        row["pool"][k] = bool(_cmp_number(b, i, k.encode()))
    row["mean_percentile"] = _num(_cmp_number(b, i, b"mean_percentile"))
    row["stats"] = [dict({k: _u(_cmp_stat(b, s, k.encode())) for k in ("stat", "group", "kind", "better")},
                         value=_num(_cmp_value(b, i, s)), percentile=_num(_cmp_pct(b, i, s)), peers=_cmp_peers(b, i, s),
                         attempts=_num(_cmp_attempts(b, i, s)), few=bool(_cmp_few(b, i, s)))
                    for s in range(_cmp_nstats(b))]
    return row


def fit_fee_model(transfers, data=()):
    """Fits the fee model from past transfers as `scoutlab fit` does; returns a Workspace."""
    return Workspace(transfers=transfers, data=data)


def value(player, bid=None, model=None, transfers=(), data=(), stats=(), performance_model=None, season=0, **attrs):
    """One-shot valuation: Workspace(...).value(player, bid, **attrs)."""
    with Workspace(stats=stats, data=data, transfers=transfers, model=model, season=season,
                   performance_model=performance_model) as ws:
        return ws.value(player, bid, **attrs)
