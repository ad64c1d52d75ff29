"""Not plain files, links to nothing, loose modes: refused at once, or made private."""

from __future__ import annotations

import os
import resource
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from pursuit.store import db
from pursuit.store.repo import Store

from ..support.processes import run_pursuit

#: A pursuit that reads what it should not would hang or eat memory: it is stopped well before.
QUICK = 20


def _limited_memory() -> None:
    limit = 1024 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _refused(*args: str) -> str:
    done = run_pursuit(*args, timeout=QUICK, preexec_fn=_limited_memory)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("pursuit: error:"), done.stderr
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr, done.stderr
    return done.stderr


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.fixture
def no_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.slow
@pytest.mark.parametrize("command", [["list"], ["add", "Acme", "Engineer"]])
def test_a_named_pipe_or_a_device_is_not_opened_as_the_database(fifo: Path, command) -> None:
    assert "is a named pipe, not a pursuit database" in _refused("--db", str(fifo), *command)
    assert "/dev/zero is a device" in _refused("--db", "/dev/zero", *command)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["import", "restore"])
def test_a_named_pipe_a_device_or_a_folder_is_not_read_as_a_file(
    tmp_path: Path, fifo: Path, command: str
) -> None:
    target = str(tmp_path / "pursuit.db")
    assert f"{fifo} is a named pipe, not a file" in _refused("--db", target, command, str(fifo))
    assert "/dev/zero is a device, not a file" in _refused("--db", target, command, "/dev/zero")
    assert f"{tmp_path} is a folder" in _refused("--db", target, command, str(tmp_path))


def test_a_file_too_big_to_import_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from pursuit.store.files import UnreadableFile, open_regular_file

    big = tmp_path / "big.csv"
    big.write_bytes(b"company,role\n" + b"Acme,Engineer\n" * 100_000)
    with pytest.raises(UnreadableFile, match="larger than 1 MB"):
        open_regular_file(big, 1024 * 1024)
    assert open_regular_file(big, 2 * 1024 * 1024).startswith(b"company,role\n")


def test_the_open_database_is_not_read_as_an_import(tmp_path: Path, clock) -> None:
    from pursuit.store.files import UnreadableFile, open_regular_file

    store = Store.open(tmp_path / "pursuit.db", clock)
    try:
        # Closing a second descriptor of it would drop the locks this process holds.
        with pytest.raises(UnreadableFile, match="the pursuit database itself"):
            open_regular_file(store.path, 1024 * 1024)
    finally:
        store.close()


def test_a_link_to_nothing_is_not_followed_into_a_new_file(tmp_path: Path, clock) -> None:
    target = tmp_path / "elsewhere.db"
    link = tmp_path / "pursuit.db"
    link.symlink_to(target)
    with pytest.raises(db.StoreError, match=r"symbolic link to .* which does not exist"):
        Store.open(link, clock)
    assert not target.exists()


def test_a_link_to_a_database_is_followed(tmp_path: Path, clock) -> None:
    target = tmp_path / "elsewhere.db"
    Store.open(target, clock).close()
    link = tmp_path / "pursuit.db"
    link.symlink_to(target)
    store = Store.open(link, clock)
    store.applications.add_application("Acme", "Engineer")
    store.close()
    again = Store.open(target, clock)
    assert [a.company for a in again.views.applications()] == ["Acme"]
    again.close()


def test_new_folders_and_database_are_private_whatever_the_umask(
    tmp_path: Path, clock, no_umask
) -> None:
    path = tmp_path / "new" / "sub" / "pursuit.db"
    store = Store.open(path, clock)
    store.applications.add_application("Acme", "Engineer")
    assert _mode(tmp_path / "new") == 0o700
    assert _mode(tmp_path / "new" / "sub") == 0o700
    assert _mode(path) == 0o600
    assert _mode(Path(f"{path}-wal")) == 0o600
    store.close()


def test_an_empty_open_file_is_made_private_before_use(tmp_path: Path, clock, no_umask) -> None:
    path = tmp_path / "pursuit.db"
    path.touch(mode=0o666)
    assert _mode(path) == 0o666
    store = Store.open(path, clock)
    store.applications.add_application("Acme", "Engineer")
    assert _mode(path) == 0o600
    store.close()


def test_a_database_others_can_read_is_made_private(tmp_path: Path, clock) -> None:
    path = tmp_path / "pursuit.db"
    store = Store.open(path, clock)
    store.applications.add_application("Acme", "Engineer")
    store.close()
    os.chmod(path, 0o644)
    assert run_pursuit("--db", str(path), "list").returncode == 0
    assert _mode(path) == 0o600


@pytest.mark.parametrize("name", ["50%20off.db", "what?.db", "number#1.db"])
def test_a_file_name_with_url_characters_is_the_file_it_names(tmp_path: Path, clock, name) -> None:
    path = tmp_path / name
    store = Store.open(path, clock)
    store.applications.add_application("Acme", "Engineer")
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    reader = db.open_for_reading(path)
    assert reader is not None
    assert reader.execute("SELECT company FROM application").fetchall() == [("Acme",)]
    reader.close()
