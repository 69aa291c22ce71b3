import json

from peerlearn.matching.messages import (
    SHARED_LANGUAGE,
    Part,
    Term,
    gettext_noop,
    language_term,
    render,
)


def test_gettext_noop_returns_its_argument() -> None:
    assert gettext_noop("shared language: {language}") == "shared language: {language}"


def test_render_joins_clauses_in_one_sentence() -> None:
    parts = [
        Part("both work on {topic}", {"topic": Term("topic", "env.waste", "solid waste")}),
        Part(SHARED_LANGUAGE, {"language": language_term("ar")}),
    ]
    assert render(parts) == "Both work on solid waste; shared language: Arabic"


def test_render_translates_templates_and_terms() -> None:
    catalogue = {
        SHARED_LANGUAGE: "langue commune : {language}",
        "Arabic": "arabe",
        "; ": " ; ",
    }
    parts = [Part(SHARED_LANGUAGE, {"language": language_term("ar")})]
    assert render(parts, lambda text: catalogue.get(text, text)) == "Langue commune : arabe"


def test_render_relabels_topics_and_formats_numbers() -> None:
    parts = [Part("{topic}: {count}", {"topic": Term("topic", "t.1", "Waste"), "count": 12000})]
    assert render(parts) == "Waste: 12,000"
    assert (
        render(parts, topic_label=lambda code: f"<{code}>", format_number=lambda n: f"{n:_}")
        == "<t.1>: 12_000"
    )


def test_parts_serialise_to_json() -> None:
    part = Part("x {languages}", {"languages": (language_term("ar"), language_term("en"))})
    document = json.loads(json.dumps(part.as_json()))
    assert document["params"]["languages"][1] == {
        "kind": "language",
        "code": "en",
        "text": "English",
    }
