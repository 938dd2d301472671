"""A device or a pipe given as an output is refused: moving a finished file into place would
swap it for an ordinary file (as root, even /dev/full), and the next program expecting the
device would get a stranger's data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.dataio.csv_files import write_csv
from mentorapp.errors import MentorappError, move_into_place


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    path = tmp_path / "a-pipe"
    os.mkfifo(path)
    return path


def test_a_finished_file_is_never_moved_over_a_pipe(tmp_path: Path, pipe: Path) -> None:
    finished = tmp_path / "finished.csv"
    finished.write_text("x")
    with pytest.raises(MentorappError, match="not an ordinary file"):
        move_into_place(finished, pipe)
    assert pipe.is_fifo() and finished.exists()


def test_the_csv_writer_leaves_a_pipe_a_pipe(pipe: Path) -> None:
    with pytest.raises(MentorappError):
        write_csv(pipe, ["a"], [["1"]])
    assert pipe.is_fifo()
    assert not [p for p in pipe.parent.iterdir() if p.name.endswith(".partial")]


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--out", "{pipe}"],
        ["backup", "--out", "{pipe}", "--force"],
        ["export-participants", "--cohort", "{round}", "--role", "adept", "--out", "{pipe}"],
    ],
)
def test_commands_refuse_a_pipe_as_their_output(
    demo_file: Path, pipe: Path, command: list[str], capsys
) -> None:
    from tests.demo_helpers import demo_round_names

    names = demo_round_names()
    filled = (a.format(pipe=pipe, round=names[-1]) for a in command)
    argv = ["--lang", "en", "--db", str(demo_file), *filled]
    assert main(argv) == 2
    assert "is not an ordinary file" in capsys.readouterr().err
    assert pipe.is_fifo()
