"""Hold-out doc 5: a municipal museum director's order (DOCX source for a PDF).

Spaced operative marker, "т.г.", "18–19 мая" range, "к 9 мая", a start date that is not a
deadline ("с 17.04.2012"), "Обязать ...:" with dash sub-items, "до 10 мая включительно",
person in parentheses after a unit, "С приказом ознакомлены" block after the signature.
"""
import sys
from pathlib import Path
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm
from common import *

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1])

doc = new_document(size=14, left=2.5, right=1.0)
para(doc, "Управление культуры администрации муниципального образования Белореченский район",
     align=CENTER, size=11, space_after=6)
para(doc, "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ УЧРЕЖДЕНИЕ КУЛЬТУРЫ", bold=True, align=CENTER)
para(doc, "«БЕЛОРЕЧЕНСКИЙ ИСТОРИКО-КРАЕВЕДЧЕСКИЙ МУЗЕЙ»", bold=True, align=CENTER, space_after=18)
para(doc, "ПРИКАЗ", bold=True, align=CENTER, size=16, space_after=12)
p = para(doc, "от 16.04.2012\t№ 31-од")
p.paragraph_format.tab_stops.add_tab_stop(Cm(17.5), WD_TAB_ALIGNMENT.RIGHT)
para(doc, "г. Белореченск", align=CENTER, size=12, space_after=18)
para(doc, "О проведении акции «Ночь в музее» и мероприятий,", bold=True, align=CENTER)
para(doc, "посвященных 67-й годовщине Победы", bold=True, align=CENTER)
para(doc, "в Великой Отечественной войне", bold=True, align=CENTER, space_after=12)

para(doc, "Ежегодная акция «Ночь в музее» пользуется большой популярностью у жителей города и "
          "района: в 2011 году в рамках акции музей посетили 1 240 человек, было проведено "
          "9 экскурсий и 3 мастер-класса.", align=JUSTIFY, indent=1.25)
para(doc, "В целях популяризации музейного дела, привлечения в музей детской и молодежной аудитории, "
          "в соответствии с письмом управления культуры администрации муниципального образования "
          "Белореченский район от 10.04.2012 № 214 «О проведении Всероссийской акции «Ночь музеев» "
          "и мероприятий ко Дню Победы»", align=JUSTIFY, indent=1.25, space_after=6)
para(doc, "П Р И К А З Ы В А Ю :", bold=True, align=LEFT, space_after=6)

items = [
    "1. Провести 18–19 мая т.г. в музее акцию «Ночь в музее» с вечерней экскурсионной и "
    "концертной программой.",
    "2. Научному сотруднику Левченко Ольге Ивановне подготовить к 9 мая выставку «Белореченцы – "
    "фронту и Победе» в зале боевой славы.",
    "3. Отделу фондов (Гречко Н.В.) с 20 апреля по 5 мая т.г. провести проверку сохранности "
    "предметов основного фонда, планируемых к экспонированию.",
    "4. Возложить с 17.04.2012 обязанности ответственного за пожарную безопасность на период "
    "подготовки и проведения акции на заведующего хозяйством Тарасенко Виктора Павловича.",
    "5. Обязать смотрителей музейных залов:",
    "– пройти внеплановый инструктаж по охране труда и пожарной безопасности до 10 мая включительно;",
    "– обеспечить дежурство в экспозиционных залах согласно графику, утвержденному заместителем "
    "директора Мартыненко С.А.",
    "6. Установить стоимость входного билета на время проведения акции: для взрослых посетителей – "
    "100 рублей, для школьников и студентов – 50 рублей.",
    "7. Бухгалтеру Шевченко Т.А. произвести оплату работы сотрудников в ночное время в повышенном "
    "размере – 20 % часовой тарифной ставки за каждый час работы в ночное время.",
    "8. Контроль за исполнением настоящего приказа оставляю за собой.",
]
for it in items:
    para(doc, it, align=JUSTIFY, indent=1.25)

para(doc, "", space_after=24)
p = para(doc, "Директор\t\tЛ.Н. Кравченко")
p.paragraph_format.tab_stops.add_tab_stop(Cm(8.0))
p.paragraph_format.tab_stops.add_tab_stop(Cm(17.5), WD_TAB_ALIGNMENT.RIGHT)

para(doc, "", space_after=18)
para(doc, "С приказом ознакомлены:", size=12)
for name in ("О.И. Левченко", "Н.В. Гречко", "В.П. Тарасенко", "С.А. Мартыненко", "Т.А. Шевченко"):
    para(doc, f"_____________ {name}", size=12)

set_props(doc, "Музей", "2012-04-16T10:02:00")
OUT.mkdir(parents=True, exist_ok=True)
doc.save(OUT / "belorechensk-muzei-prikaz-2012-31od.docx")
