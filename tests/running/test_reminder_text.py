"""The words of a reminder: the built-in templates, safe placeholders and mailto links."""

from __future__ import annotations

import tomllib
from datetime import date, time
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from mentorapp.errors import ValidationError
from mentorapp.running.reminder_text import (
    KEYS,
    PLACEHOLDERS,
    Facts,
    Wording,
    built_in,
    built_in_path,
    check_wording,
    fill,
    join_addresses,
    load_templates,
    mailto_links,
    render,
    render_shared,
)

SUBJECT = "Påminnelse: dags att höra av sig om träffarna i höstens omgång – två veckor kvar"
BODY = (
    "Hej alla!\n\nNu är det hög tid att boka nästa träff. Många av er har redan setts, "
    "men några grupper har inte hörts av på ett tag. Skriv gärna några rader om hur det går, "
    "vad ni har pratat om och vad ni vill göra härnäst. Är det något som krånglar så säg till, "
    "så hjälper jag gärna till att hitta en lösning som fungerar för er båda.\n\n"
    "Varma hälsningar\nLinnea Åkerlund\nMentorskap för nyanlända akademiker, Malmö\n"
) * 2


def addresses(count: int) -> list[str]:
    return [f"förnamn.efternamn{number}@exempel-företag.se" for number in range(count)]


def bcc_of(link: str) -> list[str]:
    query = urlsplit(link).query
    bcc = next(part for part in query.split("&") if part.startswith("bcc="))[4:]
    return [unquote(address) for address in bcc.split(",")]


# -- the built-in templates -----------------------------------------------------------------


def test_both_languages_have_every_template_with_the_same_keys() -> None:
    data = {lang: tomllib.loads(built_in_path(lang).read_text("utf-8")) for lang in ("sv", "en")}
    assert set(data["sv"]) == set(data["en"]) == {*KEYS, "shared"}
    for key in KEYS:
        assert set(data["sv"][key]) == set(data["en"][key]), key
        for language in ("sv", "en"):
            template = built_in(key, language)
            assert check_wording(template.wording) == template.wording
            assert "{name}" in template.wording.body
    assert set(data["sv"]["shared"]) == set(PLACEHOLDERS) == set(data["en"]["shared"])


def test_the_templates_are_read_once() -> None:
    assert load_templates("sv") is load_templates("sv")
    assert built_in("not_started", "sv").wording.subject == "Dags att boka första träffen"


def test_a_gathering_invitation_fills_in_title_date_time_and_place() -> None:
    template = built_in("gathering", "sv")
    facts = Facts(
        name="Amira",
        title="CV och LinkedIn",
        date=date(2026, 11, 12),
        time=time(17, 30),
        place="Stadsbiblioteket, Malmö",
        coordinator="Linnea Åkerlund",
        programme="Mentorskap i Malmö",
    )
    message = render(template.wording, facts, "sv", template.shared)
    assert message.subject == "Välkommen till CV och LinkedIn den 12 november 2026"
    assert message.body.startswith("Hej Amira!")
    for text in ("Tid: 17:30", "Plats: Stadsbiblioteket, Malmö", "Linnea Åkerlund"):
        assert text in message.body
    english = built_in("gathering", "en")
    message = render(english.wording, facts, "en", english.shared)
    assert "12 November 2026" in message.subject and "Time: 17:30" in message.body


def test_a_missing_value_takes_the_shared_words() -> None:
    template = built_in("gathering", "sv")
    facts = Facts(name="Amira", title="Avslutning", date=date(2026, 12, 10))  # all day, no place
    body = render(template.wording, facts, "sv", template.shared).body
    assert "Tid: hela dagen" in body and "Plats: meddelas senare" in body


def test_one_message_to_many_uses_shared_words_where_people_differ() -> None:
    template = built_in("needs_check_in", "sv")
    people = [
        Facts(name="Eva", date=date(2026, 9, 26), programme="Mentorskap"),
        Facts(name="Chinedu", date=date(2026, 10, 1), programme="Mentorskap"),
    ]
    shared = render_shared(template.wording, people, "sv", template.shared)
    assert shared.body.startswith("Hej alla!")
    assert "var ett tag sedan" in shared.body and "Mentorskap" in shared.body
    assert "Eva" not in shared.body and "2026" not in shared.body
    same_day = [Facts(name=f.name, date=date(2026, 9, 26)) for f in people]
    assert "26 september 2026" in render_shared(template.wording, same_day, "sv", {}).body


# -- placeholders ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Hej {namn}!", "{namn}"),
        ("Hej {0}", "{0}"),
        ("Hej {name.upper}", "{name.upper}"),
        ("Hej {name!r}", "{name!r}"),
        ("Hej {}", "{}"),
        ("Hej {name:>10}", "{name:>10}"),
    ],
)
def test_an_unknown_placeholder_is_refused_by_name(text: str, named: str) -> None:
    with pytest.raises(ValidationError) as raised:
        check_wording(Wording("Ämne", text))
    assert raised.value.field == "body"
    assert named in raised.value.user_message()


@pytest.mark.parametrize("text", ["Hej {name", "Hej name}", "Hej {na{name}", "{ hej"])
def test_a_brace_left_open_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        check_wording(Wording(text, "Hej {name}"))
    assert raised.value.field == "subject"
    assert "curly bracket" in raised.value.user_message()


def test_lengths_and_lines_are_checked() -> None:
    with pytest.raises(ValidationError, match="too long"):
        check_wording(Wording("x" * 201, "text"))
    with pytest.raises(ValidationError, match="too long"):
        check_wording(Wording("Ämne", "x" * 5001))
    with pytest.raises(ValidationError, match="single line"):
        check_wording(Wording("Ämne\nrad två", "text"))
    with pytest.raises(ValidationError):
        check_wording(Wording("  ", "text"))
    assert check_wording(Wording(" Ämne ", " {{inte}} en platshållare ")) == Wording(
        "Ämne", "{{inte}} en platshållare"
    )


def test_filling_in_never_fails() -> None:
    values = {"name": "Åsa"}
    assert fill("Hej {name}! {{klammer}} {okänd} {name", values) == (
        "Hej Åsa! {klammer} {okänd} {name"
    )
    assert fill("{{name}}", values) == "{name}"


# -- mailto links ---------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 50, 400])
def test_every_link_is_short_enough_and_every_address_is_in_one(count: int) -> None:
    wanted = addresses(count)
    links = mailto_links(wanted, SUBJECT, BODY, to="linnea@exempel.se")
    assert links and all(len(link) < 2000 for link in links)
    found = [address for link in links for address in bcc_of(link)]
    assert sorted(found) == sorted(wanted) and len(found) == len(set(found))
    for link in links:
        assert link.startswith("mailto:linnea@exempel.se?bcc=")
        query = parse_qs(urlsplit(link).query)
        assert query["subject"] == [SUBJECT]
    if count == 400:
        assert len(links) > 10  # split, and not one address per link either
        assert len(links) <= count / 8


def test_a_built_in_reminder_goes_whole_to_fifty_people_in_a_few_links() -> None:
    template = built_in("not_started", "sv")
    facts = [
        Facts(
            name="x",
            date=date(2026, 9, 14),
            programme="Mentorskap i Malmö",
            coordinator="Linnea Åkerlund",
        )
    ]
    message = render_shared(template.wording, facts, "sv", template.shared)
    links = mailto_links(addresses(50), message.subject, message.body)
    assert not links.shortened and len(links) <= 4
    assert parse_qs(urlsplit(links[0]).query)["body"] == [message.body.replace("\n", "\r\n")]


def test_a_body_too_long_for_a_link_is_shortened_and_says_so() -> None:
    links = mailto_links(addresses(3), SUBJECT, BODY * 3)
    assert links.shortened and len(links) == 1 and len(links[0]) < 2000
    body = parse_qs(urlsplit(links[0]).query)["body"][0]
    assert body.endswith(" …") and body[:-2] in BODY.replace("\n", "\r\n") * 3
    assert not mailto_links(addresses(3), SUBJECT, BODY[:300]).shortened


def test_a_smaller_limit_is_kept_too() -> None:
    links = mailto_links(addresses(40), SUBJECT, BODY, limit=600)
    assert all(len(link) < 600 for link in links)
    assert sorted(a for link in links for a in bcc_of(link)) == sorted(addresses(40))


def test_percent_encoding_of_swedish_letters_and_line_breaks() -> None:
    [link] = mailto_links(["åsa@exempel.se"], "Hälsning från Örebro", "Rad ett\nRad två\r\nslut")
    assert "%C3%A5sa@exempel.se" in link  # å in UTF-8
    assert "subject=H%C3%A4lsning%20fr%C3%A5n%20%C3%96rebro" in link
    assert "body=Rad%20ett%0D%0ARad%20tv%C3%A5%0D%0Aslut" in link
    assert "\n" not in link and " " not in link
    assert link.startswith("mailto:?bcc=")  # nobody in To: everyone is in Bcc


def test_a_plus_or_ampersand_cannot_break_the_link() -> None:
    [link] = mailto_links(["a+b@x.se"], "A & B = C?", "100% klart #1")
    query = parse_qs(urlsplit(link).query)
    assert query["bcc"] == ["a+b@x.se"] and "a%2Bb@x.se" in link
    assert query["subject"] == ["A & B = C?"] and query["body"] == ["100% klart #1"]


def test_no_addresses_no_links_and_each_address_once() -> None:
    assert mailto_links([], "s", "b") == []
    assert bcc_of(mailto_links(["a@x.se", " a@x.se ", "b@x.se"], "s", "b")[0]) == [
        "a@x.se",
        "b@x.se",
    ]
    assert join_addresses(["a@x.se", "b@x.se", "a@x.se"]) == "a@x.se; b@x.se"
