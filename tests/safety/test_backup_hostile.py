"""Zips made to trick a reader — odd names, links, encryption, other packings — are refused.

Mentorapp never unpacks a backup onto the disk, so a name like ``../x`` could do no harm by
itself; it is refused all the same, because Mentorapp never writes one, before anything is
read.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from mentorapp.dataio.backup_zip import MANIFEST, export_backup
from mentorapp.workspace.services import Services

from .backup_tools import (
    agree,
    edit_manifest,
    patch_entry,
    read_members,
    refusal,
    replace_csv,
    write_members,
)


@pytest.fixture
def backup(demo: Services, tmp_path: Path) -> Path:
    path = tmp_path / "backup.zip"
    export_backup(demo.database, path, ";")
    return path


def renamed_in_manifest_too(new: str):
    """person.csv stored as ``new`` and listed under that name, so the names agree."""

    def build(path: Path) -> None:
        members = read_members(path)
        members[new] = members.pop("person.csv")
        edit_manifest(
            members,
            lambda m: next(f for f in m["files"] if f["table"] == "person").update(name=new),
        )
        write_members(path, members)

    return build


def extra_entry(name: str):
    def build(path: Path) -> None:
        members = read_members(path)
        members[name] = b"root:x:0:0"
        write_members(path, members)

    return build


def duplicate(path: Path) -> None:
    members = read_members(path)
    items = [*members.items(), ("person.csv", members["person.csv"])]
    write_members(path, items)


def symlink(path: Path) -> None:
    """person.csv as a symbolic link whose stored text is the real file, so the sum agrees."""
    members = read_members(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name == "person.csv":
                info.external_attr = 0o120777 << 16
            archive.writestr(info, data)


def encrypted(path: Path) -> None:
    patch_entry(path, "person.csv", flag_bits=0x1)


def deflate64(path: Path) -> None:
    patch_entry(path, "person.csv", compress_type=9)  # a method zipfile cannot unpack


def bzip2(path: Path) -> None:
    members = read_members(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            kind = zipfile.ZIP_BZIP2 if name == "person.csv" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=kind)


def nested_zip(path: Path) -> None:
    members = read_members(path)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("person.csv", members["person.csv"])
    replace_csv(members, "person.csv", inner.getvalue())
    write_members(path, members)


def infinite_rows(path: Path) -> None:
    members = read_members(path)
    text = members[MANIFEST].decode().replace('"rows": 98', '"rows": Infinity', 1)
    assert "Infinity" in text
    members[MANIFEST] = text.encode()
    write_members(path, members)


def deep_manifest(path: Path) -> None:
    members = read_members(path)
    members[MANIFEST] = b"[" * 200_000 + b"]" * 200_000
    write_members(path, members)


def table_twice(path: Path) -> None:
    """A second file for the person table, listed in the manifest with its own checksum."""
    members = read_members(path)
    data = members["person.csv"]
    members["person2.csv"] = data

    def add(manifest: dict) -> None:
        entry = next(f for f in manifest["files"] if f["table"] == "person")
        manifest["files"].append({**entry, "name": "person2.csv"})

    edit_manifest(members, add)
    write_members(path, members)


def manifest_not_an_object(path: Path) -> None:
    members = read_members(path)
    members[MANIFEST] = json.dumps(["mentorapp-backup"]).encode()
    write_members(path, members)


def checksum_of_other_file(path: Path) -> None:
    members = read_members(path)
    agree(members, "person.csv", hashlib.sha256(members["cohort.csv"]).hexdigest())
    write_members(path, members)


HOSTILE = {
    "parent folder in the manifest": (renamed_in_manifest_too("../person.csv"), "unusual name"),
    "absolute path in the manifest": (renamed_in_manifest_too("/tmp/person.csv"), "unusual name"),
    "backslash path in the manifest": (renamed_in_manifest_too("..\\person.csv"), "unusual name"),
    "drive letter in the manifest": (renamed_in_manifest_too("C:person.csv"), "unusual name"),
    "another name in the manifest": (renamed_in_manifest_too("people.csv"), "people.csv"),
    "parent folder": (extra_entry("../../etc/passwd"), "unusual name"),
    "absolute path": (extra_entry("/etc/passwd"), "unusual name"),
    "folder": (extra_entry("folder/"), "unusual name"),
    "same name twice": (duplicate, "twice"),
    "table twice": (table_twice, "person2.csv"),
    "symbolic link": (symlink, "not a plain file"),
    "encrypted": (encrypted, "encrypted"),
    "unknown packing": (deflate64, "packed in a way"),
    "bzip2 packing": (bzip2, "packed in a way"),
    "zip inside": (nested_zip, "person.csv"),
    "zip entry": (extra_entry("inner.zip"), "inner.zip"),
    "infinite row count": (infinite_rows, "manifest"),
    "deeply nested manifest": (deep_manifest, "manifest"),
    "manifest not an object": (manifest_not_an_object, "manifest"),
    "checksum of another file": (checksum_of_other_file, "checksum"),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_zip_is_refused_and_nothing_written(
    backup: Path, tmp_path: Path, kind: str
) -> None:
    build, expected = HOSTILE[kind]
    build(backup)
    message = refusal(backup, tmp_path / "target.db")
    assert expected in message
