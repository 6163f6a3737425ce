"""Hold-out doc 7: decision of a college board (Совет колледжа) (DOCX source for a PDF).

No operative marker (items follow a preamble that ends in ":"), "в летний период 2016 года",
a separate "Срок – до 15 августа" line, "по завершении учебного года" (event), a periodic
deadline, parent ministry in the heading, chair and secretary signatures.
"""
import sys
from pathlib import Path
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm
from common import *

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1])

doc = new_document(size=13, left=2.5, right=1.0)
para(doc, "Департамент Смоленской области по образованию и науке", align=CENTER, size=11)
para(doc, "областное государственное бюджетное профессиональное образовательное учреждение",
     align=CENTER, size=12)
para(doc, "«Смоленский автотранспортный колледж»", bold=True, align=CENTER, size=13)
para(doc, "(ОГБПОУ «Смоленский автотранспортный колледж»)", align=CENTER, size=11, space_after=18)
para(doc, "СОВЕТ КОЛЛЕДЖА", bold=True, align=CENTER, size=14, space_after=6)
para(doc, "РЕШЕНИЕ", bold=True, align=CENTER, size=14, space_after=12)
p = para(doc, "29.06.2016\tг. Смоленск\t№ 5")
p.paragraph_format.tab_stops.add_tab_stop(Cm(8.5), WD_TAB_ALIGNMENT.CENTER)
p.paragraph_format.tab_stops.add_tab_stop(Cm(17.0), WD_TAB_ALIGNMENT.RIGHT)
para(doc, "", space_after=6)
para(doc, "О готовности колледжа", bold=True)
para(doc, "к новому 2016/2017 учебному году", bold=True, space_after=12)

for b in [
    "Совет колледжа отмечает, что в 2015/2016 учебном году в колледже обучалось 1 126 студентов "
    "по 14 специальностям. Контрольные цифры приема на 2016/2017 учебный год составляют 275 мест, "
    "из них 225 мест – за счет средств областного бюджета.",
    "Доходы от приносящей доход деятельности за первое полугодие 2016 года составили 4 862,3 тыс. "
    "рублей. Износ здания общежития составляет 68 %, требуется ремонт кровли и системы отопления "
    "учебного корпуса № 2.",
]:
    para(doc, b, align=JUSTIFY, indent=1.25)
para(doc, "В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской "
          "Федерации», заслушав и обсудив информацию заместителя директора по административно-"
          "хозяйственной работе о готовности колледжа к новому учебному году:",
     align=JUSTIFY, indent=1.25, space_after=6)

for it, srok in [
    ("1. Информацию заместителя директора по административно-хозяйственной работе Осипова Андрея "
     "Викторовича принять к сведению.", None),
    ("2. Заместителю директора по АХР Осипову А.В. в летний период 2016 года выполнить текущий ремонт "
     "учебного корпуса № 2 и общежития в пределах средств в сумме 1 350,0 тыс. рублей.", None),
    ("3. Приемной комиссии (ответственный секретарь Никитина Е.С.) обеспечить выполнение контрольных "
     "цифр приема в полном объеме.", "Срок – до 15 августа"),
    ("4. Председателям предметно-цикловых комиссий (ПЦК) по завершении учебного года провести анализ "
     "результатов промежуточной и государственной итоговой аттестации и обновить рабочие программы "
     "учебных дисциплин и профессиональных модулей.", None),
    ("5. Заведующим отделениями провести организационные собрания со студентами нового набора и их "
     "родителями не позднее 31.08.2016.", None),
    ("6. Главному бухгалтеру Фроловой Галине Ивановне ежеквартально, до 10 числа месяца, следующего "
     "за отчетным кварталом, представлять в Совет колледжа информацию об использовании средств от "
     "приносящей доход деятельности.", None),
    ("7. Контроль за выполнением решения возложить на директора колледжа Белова Н.М.", None),
]:
    para(doc, it, align=JUSTIFY, indent=1.25)
    if srok:
        para(doc, srok, align=RIGHT, italic=True)

para(doc, "", space_after=24)
for pos, name in (("Председатель Совета колледжа", "И.П. Рябова"), ("Секретарь", "Т.А. Сорокина")):
    p = para(doc, f"{pos}\t{name}", space_after=12)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(17.0), WD_TAB_ALIGNMENT.RIGHT)

set_props(doc, "Sorokina", "2016-06-30T08:45:00")
OUT.mkdir(parents=True, exist_ok=True)
doc.save(OUT / "smolensk-atk-sovet-reshenie-2016-5.docx")
