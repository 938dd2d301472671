import pytest

from mentorapp.errors import ValidationError
from mentorapp.programme.partners import PartnerDraft


def test_partners_are_added_edited_and_removed(services, programme, cohort) -> None:
    partners = services.partners
    first = partners.save(programme.id, PartnerDraft("Västbanken AB", "Karin", "k@vb.se"))
    partners.save(programme.id, PartnerDraft("Malmö stad"))
    services.participants.create(
        cohort.id,
        "mentor",
        {
            "first_name": "Per",
            "last_name": "Åkesson",
            "email": "per@example.com",
            "city": "Malmö",
            "languages": ("sv",),
            "education_field_text": "Ekonomi",
            "industry_text": "Handel",
            "employer": "västbanken ab",
        },
    )
    rows = partners.partners(programme.id)
    assert [(r.name, r.people) for r in rows] == [("Malmö stad", 0), ("Västbanken AB", 1)]
    partners.save(programme.id, PartnerDraft("Västbanken", note="Två mentorer i vår"), first)
    assert partners.partners(programme.id)[1].note == "Två mentorer i vår"
    partners.remove(first)
    assert [r.name for r in partners.partners(programme.id)] == ["Malmö stad"]
    assert services.participants.rows(cohort.id)[0].employer == ""


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (PartnerDraft(" "), "name"),
        (PartnerDraft("X", contact_email="x@y"), "contact_email"),
        (PartnerDraft("malmö STAD"), "name"),
    ],
)
def test_bad_partners_are_refused(services, programme, draft, field) -> None:
    services.partners.save(programme.id, PartnerDraft("Malmö stad"))
    with pytest.raises(ValidationError) as caught:
        services.partners.save(programme.id, draft)
    assert caught.value.field == field
    assert len(services.partners.partners(programme.id)) == 1
