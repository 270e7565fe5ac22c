"""Mutation testing of the core modules with cosmic-ray: do the tests notice when the code is wrong?

    python scripts/mutation.py                       # all five modules (about 40 minutes on one core)
    python scripts/mutation.py party_site/phone.py   # one module

Each module is mutated one change at a time (a comparison flipped, a constant moved by one, a
boolean or `and`/`or` swapped, a loop or an exception handler emptied, `not` added…) and only the
tests that exercise it run against each mutant (MODULES below), on SQLite, stopping at the first
failure. The work happens in a copy of the working tree in a temporary folder, so an interrupted
run never leaves a mutant in your files. Mutants known to be equivalent (EQUIVALENT: the program
behaves the same) are left out of the score. Prints, per module, the score and every survivor.
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

# module → the tests that exercise it
MODULES = {
    "membership/workflow.py": ["tests/test_membership_workflow.py", "tests/test_membership_admin.py"],
    "party_site/antispam.py": ["tests/test_antispam.py", "tests/test_feedback_form.py"],
    "party_site/phone.py": ["tests/test_phone.py", "tests/test_membership_form.py"],
    "content/search.py": ["tests/test_content_search.py"],
    "party_site/text.py": ["tests/test_text.py", "tests/test_content_search.py"],
}

# Operators that model a plausible slip; the rest (every arithmetic operator swapped for every
# other, names replaced at random) mostly make code that cannot run and only lengthens the run.
EXCLUDED_OPERATORS = [
    r"core/VariableInserter",
    r"core/VariableReplacer",
    r"core/ReplaceBinaryOperator_(?!Add_Sub|Sub_Add|Mul_Div|Div_Mul|FloorDiv_Mul|BitOr_BitAnd)",
]

# Equivalent mutants, by module: (operator, the source line stripped, occurrence on that line).
# Each is a change that no caller can observe; why is said beside it.
EQUIVALENT = {}


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


def config_text(module: str, tests: list[str]) -> str:
    command = f"{VENV_BIN}/pytest -q -x -p no:cacheprovider -m 'not browser' {' '.join(tests)}"
    return (
        "[cosmic-ray]\n"
        f"module-path = {json.dumps(module)}\n"
        "timeout = 120.0\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(command)}\n"
        "[cosmic-ray.distributor]\n"
        'name = "local"\n'
        "[cosmic-ray.filters.operators-filter]\n"
        f"exclude-operators = {json.dumps(EXCLUDED_OPERATORS)}\n"
    )


def skip_equivalents(session: Path, module: str, source_lines: list[str]) -> int:
    from cosmic_ray.work_db import use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    wanted = EQUIVALENT.get(module, [])
    skipped = 0
    with use_db(str(session)) as db:
        for item in db.work_items:
            mutation = item.mutations[0]
            line = source_lines[mutation.start_pos[0] - 1].strip()
            if (mutation.operator_name, line, mutation.occurrence) in wanted:
                db.set_result(
                    item.job_id,
                    WorkResult(output=None, test_outcome=None, diff=None, worker_outcome=WorkerOutcome.SKIPPED),
                )
                skipped += 1
    return skipped


def run(module: str, workdir: Path) -> dict:
    from cosmic_ray.work_db import use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    config = workdir / f"{module.replace('/', '_')}.toml"
    session = workdir / f"{module.replace('/', '_')}.sqlite"
    config.write_text(config_text(module, MODULES[module]))
    env = {**os.environ, "DJANGO_DEBUG": "1"}
    env.pop("DATABASE_URL", None)  # SQLite
    env.pop("REDIS_URL", None)

    def cosmic(*args):
        subprocess.run([str(VENV_BIN / args[0]), *args[1:]], cwd=workdir, env=env, check=True)

    cosmic("cosmic-ray", "init", str(config), str(session))
    cosmic("cr-filter-operators", str(session), str(config))
    equivalent = skip_equivalents(session, module, (workdir / module).read_text().splitlines())
    cosmic("cosmic-ray", "exec", str(config), str(session))

    survivors, killed, incompetent = [], 0, 0
    with use_db(str(session)) as db:
        for item, result in db.completed_work_items:
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                continue
            if result.worker_outcome != WorkerOutcome.NORMAL:
                incompetent += 1  # the mutant could not be applied or run: no verdict
            elif result.test_outcome == TestOutcome.SURVIVED:
                mutation = item.mutations[0]
                survivors.append((mutation.start_pos[0], mutation.operator_name, mutation.occurrence, result.diff))
            else:
                killed += 1
    total = killed + len(survivors)
    return {"module": module, "killed": killed, "total": total, "equivalent": equivalent, "survivors": survivors}


def main(argv):
    modules = argv or list(MODULES)
    unknown = [module for module in modules if module not in MODULES]
    if unknown:
        sys.exit(f"Not a module set up for mutation testing: {', '.join(unknown)} (known: {', '.join(MODULES)})")
    results = []
    with tempfile.TemporaryDirectory(prefix="mutation-") as folder:
        workdir = Path(folder)
        copy_tree(workdir)
        (workdir / ".venv").symlink_to(ROOT / ".venv")
        for module in modules:
            results.append(run(module, workdir))
    for result in results:
        print(f"\n== {result['module']}")
        for line, operator, occurrence, diff in sorted(result["survivors"]):
            print(f"-- survived: line {line}, {operator} #{occurrence}")
            print("\n".join(diff.splitlines()[2:]) if diff else "")
    print()
    for result in results:
        score = 100 * result["killed"] / result["total"] if result["total"] else 100
        print(
            f"{result['module']}: {score:.0f} % killed ({result['killed']} of {result['total']}; "
            f"{result['equivalent']} equivalent left out)"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
