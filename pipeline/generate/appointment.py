"""The context of an appointment order or decree of a member organization
("О назначении ответственного за информационную работу").

    Назначить Курбанову Патимат Магомедовну, заведующую отделом организационной
    работы, ответственной за информационную работу в Дагестанской республиканской
    организации Профсоюза работников здравоохранения РФ.

The person is inflected with pytrovich (gender from the patronymic), the position
and the organization as phrases with pymorphy3, "ответственным/ответственной"
by gender.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pipeline.generate.phrases import (
    inflect_name,
    inflect_org,
    inflect_position,
    name_gender,
    responsible_word,
)
from pipeline.generate.resolution import cite
from pipeline.generate.wording import numeric_date
from pipeline.model import Extraction

DOC_TYPES = {
    # doc_type: (heading, marker, the act in the genitive for the control clause)
    "распоряжение": ("РАСПОРЯЖЕНИЕ", "ПРЕДЛАГАЮ:", "распоряжения"),
    "приказ": ("ПРИКАЗ", "ПРИКАЗЫВАЮ:", "приказа"),
    "постановление": ("ПОСТАНОВЛЕНИЕ", "ПОСТАНОВЛЯЕТ:", "постановления"),
}
DEFAULT_DUTY = "информационную работу"


def short_name(full: str) -> str:
    """ "Курбанова Патимат Магомедовна" -> "П.М. Курбанова" (the signature form)."""
    words = full.split()
    if len(words) < 2:
        return full
    initials = "".join(w[0] + "." for w in words[1:3] if w.lower() not in ("оглы", "кызы"))
    return f"{initials} {words[0]}"


def build_appointment_context(
    org: str,
    person: str,
    position: str,
    duty: str = DEFAULT_DUTY,
    basis: Extraction | None = None,
    act_date: date | None = None,
    number: str | None = None,
    doc_type: str = "распоряжение",
    place: str | None = None,
    signatory: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """The context of templates/docx/appointment.docx.

    org, person ("Фамилия Имя Отчество"), position: in the nominative, as a
    report or a roster prints them; duty: what the person answers for, in the
    accusative after "за" ("информационную работу"); basis: the decree that
    calls for the appointment, cited in the preamble; signatory: (position,
    name) of whoever signs, the organization's chairman by default."""
    heading, marker, own = DOC_TYPES[doc_type]
    gender = name_gender(person)
    duty = re.sub(r"^за\s+", "", duty.strip()).rstrip(".")
    issuer = org if doc_type != "постановление" else f"Президиум {inflect_org(org, 'gent')}"
    aim = f"в целях организации {_duty_gent(duty)}"
    if basis is not None:
        preamble = [f"Во исполнение {cite(basis)} и {aim}"]
    else:
        preamble = [aim[:1].upper() + aim[1:]]
    operative = f"{issuer} ПОСТАНОВЛЯЕТ:" if doc_type == "постановление" else marker
    items = [
        f"Назначить {inflect_name(person, 'accs')}, {inflect_position(position, 'accs', gender)}, "
        f"{responsible_word(gender)} за {duty} в {inflect_org(org, 'loct')}.",
        f"Контроль за исполнением настоящего {own} "
        + ("возложить на председателя." if doc_type == "постановление" else "оставляю за собой."),
    ]
    sign_position, sign_name = signatory or ("Председатель", "")
    return {
        "issuer_heading": issuer.upper(),
        "doc_type_heading": heading,
        "date": numeric_date(act_date),
        "number": number or "____",
        "place": place or "",
        "title": f"О назначении ответственного за {duty}",
        "preamble": preamble,
        "operative": operative,
        "items": [{"number": k, "text": t} for k, t in enumerate(items, start=1)],
        "signatory": {"position": sign_position, "name": sign_name},
        "person": {"name": person, "gender": gender, "position": position},
    }


def _duty_gent(duty: str) -> str:
    """ "информационную работу" -> "информационной работы" (after "в целях организации")."""
    from pipeline.extract.grammar import inflect_phrase

    return inflect_phrase(duty, "gent", "accs")
