"""Mutation testing of the core modules with cosmic-ray: do the tests notice when the code is wrong?

    python scripts/mutation.py                       # all five modules
    python scripts/mutation.py party_site/phone.py   # one module

Each module is mutated one change at a time (a comparison flipped, a constant moved by one, a
boolean or `and`/`or` swapped, a loop or an exception handler emptied, `not` added…). Against each
mutant run only the tests that execute the changed line (found by one traced run of the module's
tests, scripts/mutation_trace.py; the module's tests in full for a line that runs at import), on
SQLite, stopping at the first failure. The work happens in a copy of the working tree in a
temporary folder, so an interrupted run never leaves a mutant in your files. Mutants known to be
equivalent (EQUIVALENT: no caller can tell the difference) are left out of the score.

Prints, per module, every surviving mutant and the score. MUTATION_DATABASE_URL runs the tests on
that database instead of SQLite (the PostgreSQL branch of content/search.py runs only there).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTEST_OPTIONS = ["-q", "-p", "no:cacheprovider", "-m", "not browser"]

# module → the tests that exercise it (its own test file first)
MODULES = {
    "membership/workflow.py": ["tests/test_membership_workflow.py", "tests/test_membership_admin.py"],
    "party_site/antispam.py": ["tests/test_antispam.py", "tests/test_feedback_form.py"],
    "party_site/phone.py": ["tests/test_phone.py", "tests/test_membership_form.py"],
    "content/search.py": ["tests/test_content_search.py"],
    "party_site/text.py": ["tests/test_text.py", "tests/test_content_search.py"],
}

# Operators that model a plausible slip; the rest (every arithmetic operator swapped for every
# other, names replaced at random) mostly make code that cannot run and only lengthen the run.
EXCLUDED_OPERATORS = [
    r"core/VariableInserter",
    r"core/VariableReplacer",
    r"core/ReplaceBinaryOperator_(?!Add_Sub|Sub_Add|Mul_Div|Div_Mul|FloorDiv_Mul|BitOr_BitAnd)",
]

# Equivalent mutants, by module: {(operator, the source line stripped, the how-many-th mutation of
# that operator on that line, from 0): why no caller can observe the change}.
_COUNTRY_CODE_ALONE = 'elif number.startswith("964") and len(number) >= 12:'
_ONLY_A_NUMBER_OF_THAT_LENGTH = (
    "only 13 characters (964 and ten digits) can be valid after this branch, and a string starting with 964 of any "
    "other length is refused by the final pattern whichever branch takes it"
)
_PREFIX_AND_MORE = "if digits.startswith(prefix) and len(digits) > len(prefix):"
_VENDOR = 'if connection.vendor == "postgresql":'
_TITLE_HIT = 'When(_any_form(forms, lambda form: Q(search_title__contains=f" {form} ")), then=Value(2)),'
_SAME_ORDER = "every document gets one such term per query word: scaled or shifted alike, the order is the same"
_NO_MATCH = "first = next((i for i, match in enumerate(found) if _matches(match.group(), tokens)), 0)"
_WINDOW_END = "if end_index < len(found):"
_NONCE = "return signing.dumps([scope, issued, secrets.token_urlsafe(8)], salt=_SALT, compress=False)"
_HASH = 'return f"{scope}:{digest.hexdigest()[:40]}"'
_NEW_KEY = "if count == 1:  # a new key: forget rows older than any window in use"
_FIRST_USE = 'return hit(f"token:{digest}", settings.ANTISPAM_MAX_AGE, at=issued) <= 1'
EQUIVALENT = {
    "party_site/antispam.py": {
        ("core/NumberReplacer", 'proxies = getattr(settings, "ANTISPAM_PROXY_COUNT", 0)', 0): "settings always set it",
        ("core/NumberReplacer", 'proxies = getattr(settings, "ANTISPAM_PROXY_COUNT", 0)', 1): "settings always set it",
        ("core/ReplaceComparisonOperator_Eq_GtE", "if ip.version == 6:", 0): "an address is version 4 or 6",
        ("core/NumberReplacer", _HASH, 0): "a longer hash prefix (41): as good a key",
        ("core/NumberReplacer", _HASH, 1): "a shorter one (39): as good a key",
        ("core/NumberReplacer", _NONCE, 0): "a longer nonce: tokens still differ",
        ("core/NumberReplacer", _NONCE, 1): "a shorter nonce (7 bytes): tokens still differ",
        ("core/ReplaceFalseWithTrue", _NONCE, 0): "loads() reads compressed and plain tokens alike",
        ("core/NumberReplacer", "@lru_cache(maxsize=1)", 0): "a cache of 2 holds the one client the same way",
        ("core/NumberReplacer", "count = cursor.fetchone()[0]", 1): "the row has one column: [-1] is [0]",
        ("core/ReplaceComparisonOperator_Eq_LtE", _NEW_KEY, 0): "the upsert returns 1 or more",
        ("core/ReplaceComparisonOperator_LtE_Eq", _FIRST_USE, 0): "a count is 1 or more",
    },
    "content/search.py": {
        ("core/NumberReplacer", "for form in forms[1:]:", 1): "forms[0:] ORs the first form twice",  # 1 → 0
        ("core/ReplaceComparisonOperator_Eq_LtE", _VENDOR, 0): "'sqlite' and 'postgresql' compare the same way",
        ("core/ReplaceComparisonOperator_Eq_Is", _VENDOR, 0): "CPython interns both constant strings",
        ("core/NumberReplacer", _TITLE_HIT, 0): _SAME_ORDER,
        ("core/NumberReplacer", _TITLE_HIT, 1): _SAME_ORDER,
        ("core/NumberReplacer", "default=Value(0),", 0): _SAME_ORDER,
        ("core/NumberReplacer", "default=Value(0),", 1): _SAME_ORDER,
        ("core/NumberReplacer", _NO_MATCH, 0): "with no match the window starts at 0 for any default up to 8",
        ("core/NumberReplacer", _NO_MATCH, 1): "with no match the window starts at 0 for any default up to 8",
        ("core/ReplaceComparisonOperator_Lt_NotEq", _WINDOW_END, 0): "end_index is min(len(found), …): never more",
        ("core/ReplaceComparisonOperator_Lt_IsNot", _WINDOW_END, 0): "min() returns len(found) itself when equal",
    },
    "party_site/phone.py": {
        ("core/NumberReplacer", _COUNTRY_CODE_ALONE, 0): _ONLY_A_NUMBER_OF_THAT_LENGTH,  # 12 → 13
        ("core/NumberReplacer", _COUNTRY_CODE_ALONE, 1): _ONLY_A_NUMBER_OF_THAT_LENGTH,  # 12 → 11
        ("core/ReplaceComparisonOperator_GtE_Gt", _COUNTRY_CODE_ALONE, 0): _ONLY_A_NUMBER_OF_THAT_LENGTH,
        ("core/ReplaceComparisonOperator_GtE_NotEq", _COUNTRY_CODE_ALONE, 0): _ONLY_A_NUMBER_OF_THAT_LENGTH,
        ("core/ReplaceComparisonOperator_Gt_NotEq", _PREFIX_AND_MORE, 0): "startswith(prefix) already means len >=",
        ("core/ReplaceComparisonOperator_Gt_IsNot", _PREFIX_AND_MORE, 0): "small ints are one object each in CPython",
    },
}


def copy_tree(destination: Path):
    """The working tree as it is (tracked and untracked, not ignored), plus compiled translations."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    files = [name.decode() for name in listed if name]
    files += [str(path.relative_to(ROOT)) for path in ROOT.glob("**/locale/*/LC_MESSAGES/*.mo")]
    for name in files:
        source = ROOT / name
        if name == ".venv" or not source.is_file():
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def test_environment() -> dict:
    env = {**os.environ, "DJANGO_DEBUG": "1", "PYTHONPATH": str(ROOT / "scripts")}
    env.pop("REDIS_URL", None)
    env.pop("DATABASE_URL", None)  # SQLite…
    if os.environ.get("MUTATION_DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["MUTATION_DATABASE_URL"]  # …unless asked otherwise
    return env


def _state(module: str) -> Path:
    return ROOT / ".mutation" / module.replace("/", "_").removesuffix(".py")


def trace(module: str):
    """Run the module's tests once on the unchanged code, noting which test runs which line."""
    state = _state(module)
    state.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / module, state.with_suffix(".py"))  # the unchanged module, to diff mutants against
    env = {
        **test_environment(),
        "MUTATION_TRACE_FILE": str(ROOT / module),
        "MUTATION_TRACE_OUT": str(state.with_suffix(".json")),
    }
    command = [str(VENV_BIN / "pytest"), *PYTEST_OPTIONS, "-p", "mutation_trace", *MODULES[module]]
    if subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        sys.exit(f"The tests of {module} fail on the unchanged code: fix them first.")


def run_tests_for_mutant(module: str) -> int:
    """The test command cosmic-ray runs with a mutant in place: the tests that run the changed lines."""
    state = _state(module)
    pristine = state.with_suffix(".py").read_text().splitlines()
    mutated = (ROOT / module).read_text().splitlines()
    traced = json.loads(state.with_suffix(".json").read_text())
    selected = list(MODULES[module])
    if len(pristine) == len(mutated):
        changed = [number for number, (a, b) in enumerate(zip(pristine, mutated, strict=True), 1) if a != b]
        if changed and all(str(number) in traced["lines"] for number in changed):
            indexes = sorted({index for number in changed for index in traced["lines"][str(number)]})
            selected = [traced["tests"][index] for index in indexes]
    command = [str(VENV_BIN / "pytest"), *PYTEST_OPTIONS, "-x", *selected]
    return subprocess.run(command, cwd=ROOT, env=test_environment(), stdout=subprocess.DEVNULL).returncode


def config_text(module: str) -> str:
    command = f"{VENV_BIN}/python scripts/mutation.py --test-mutant {module}"
    return (
        "[cosmic-ray]\n"
        f"module-path = {json.dumps(module)}\n"
        "timeout = 300.0\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(command)}\n"
        "[cosmic-ray.distributor]\n"
        'name = "local"\n'
        "[cosmic-ray.filters.operators-filter]\n"
        f"exclude-operators = {json.dumps(EXCLUDED_OPERATORS)}\n"
    )


def skip_equivalents(session: Path, module: str) -> int:
    """Mark the module's EQUIVALENT mutants as skipped; returns how many."""
    from cosmic_ray.work_db import use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    source_lines = (ROOT / module).read_text().splitlines()
    wanted = EQUIVALENT.get(module, {})
    skipped = 0
    with use_db(str(session)) as db:
        items = sorted(db.work_items, key=lambda item: (item.mutations[0].start_pos, item.mutations[0].occurrence))
        seen = {}
        for item in items:
            mutation = item.mutations[0]
            key = (mutation.operator_name, source_lines[mutation.start_pos[0] - 1].strip())
            nth = seen[key] = seen.get(key, -1) + 1  # the how-many-th of this operator on this line
            if (*key, nth) in wanted:
                db.set_result(item.job_id, WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
                skipped += 1
    return skipped


def run(module: str) -> dict:
    """Mutation-test one module (ROOT is the temporary copy here)."""
    from cosmic_ray.work_db import use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    state = _state(module)
    config, session = state.with_suffix(".toml"), state.with_suffix(".sqlite")
    trace(module)
    config.write_text(config_text(module))

    def cosmic(*args):
        subprocess.run([str(VENV_BIN / args[0]), *args[1:]], cwd=ROOT, check=True)

    cosmic("cosmic-ray", "init", str(config), str(session))
    cosmic("cr-filter-operators", str(session), str(config))
    equivalent = skip_equivalents(session, module)
    cosmic("cosmic-ray", "exec", str(config), str(session))

    survivors, killed, errors = [], 0, []
    with use_db(str(session)) as db:
        for item, result in db.completed_work_items:
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                continue  # equivalent, or an operator left out
            mutation = item.mutations[0]
            if result.worker_outcome != WorkerOutcome.NORMAL:
                errors.append((mutation.start_pos[0], mutation.operator_name, result.output))  # no verdict
            elif result.test_outcome == TestOutcome.SURVIVED:
                survivors.append((mutation.start_pos[0], mutation.operator_name, mutation.occurrence, result.diff))
            else:
                killed += 1
    total = killed + len(survivors)
    return {
        "module": module,
        "killed": killed,
        "total": total,
        "equivalent": equivalent,
        "survivors": survivors,
        "errors": errors,
    }


def report(results: list[dict]):
    for result in results:
        print(f"\n== {result['module']}")
        for line, operator, occurrence, diff in sorted(result["survivors"]):
            print(f"-- survived: line {line}, {operator} #{occurrence}")
            print("\n".join(row for row in (diff or "").splitlines() if row[:1] in "+-" and row[:3] not in "---+++"))
        for line, operator, output in result["errors"]:
            print(f"-- no verdict (the mutant could not be run): line {line}, {operator}: {(output or '')[-300:]}")
    print()
    for result in results:
        score = 100 * result["killed"] / result["total"] if result["total"] else 100
        print(
            f"{result['module']}: {score:.0f} % killed ({result['killed']} of {result['total']}; "
            f"{result['equivalent']} equivalent left out, {len(result['errors'])} without a verdict)"
        )


def main(argv):
    if argv[:1] == ["--test-mutant"]:
        sys.exit(run_tests_for_mutant(argv[1]))
    if argv[:1] == ["--in-copy"]:
        report([run(module) for module in argv[1:]])
        return
    modules = argv or list(MODULES)
    unknown = [module for module in modules if module not in MODULES]
    if unknown:
        sys.exit(f"Not a module set up for mutation testing: {', '.join(unknown)} (known: {', '.join(MODULES)})")
    with tempfile.TemporaryDirectory(prefix="mutation-") as folder:
        copy = Path(folder)
        copy_tree(copy)
        (copy / ".venv").symlink_to(VENV_BIN.parent)
        code = subprocess.run([str(VENV_BIN / "python"), "scripts/mutation.py", "--in-copy", *modules], cwd=copy)
    sys.exit(code.returncode)


if __name__ == "__main__":
    main(sys.argv[1:])
