"""A value of the wrong Python type is a programming error, named as such."""

from __future__ import annotations

import pytest

from mentorapp.workspace.services import Services


def test_languages_of_the_wrong_type_are_a_type_error_naming_the_field(
    services: Services, add
) -> None:
    """The check accepts several kinds (tuple, list, set); naming them must not fail itself."""
    row = add()
    with pytest.raises(TypeError, match="languages must be"):
        services.participants.update(row.enrolment_id, {"languages": 5})
    assert services.participants.row(row.enrolment_id).languages == row.languages
