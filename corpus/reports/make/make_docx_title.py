"""A report that cites the decree by its title only, as DOCX: the letterhead is the left
cell of a layout table, its second line the outgoing date and number; the addressee is
in the right cell."""
from common import C, LEFT, P, cleanup, new_doc, out_and_addressee, save_docx, sign


def avtodorprof_22_3_title():
    d = new_doc()
    out_and_addressee(d, ["ДАГЕСТАНСКАЯ РЕСПУБЛИКАНСКАЯ ОРГАНИЗАЦИЯ ПРОФСОЮЗА РАБОТНИКОВ "
                          "АВТОМОБИЛЬНОГО ТРАНСПОРТА И ДОРОЖНОГО ХОЗЯЙСТВА",
                          "27 сентября 2023 г. № 201"],
                      ["Председателю ДР СОП", "Магомедову А.А."])
    C(d, "О мерах по улучшению информационной работы", bold=True)
    P(d, "", indent=False)
    C(d, "Уважаемый Абдулла Ахмедович!")
    P(d, "", indent=False)
    P(d, "На постановление Президиума ДР СОП «О мерах по улучшению информационной работы ДР СОП и "
         "членских организаций» республиканский комитет профсоюза сообщает следующее.")
    P(d, "В республиканской организации профсоюза 6 140 членов профсоюза. Сайт организации "
         "https://dagavtodorprof.ru открыт 25 сентября 2023 года; сообщество во ВКонтакте "
         "vk.com/dagavtodorprof насчитывает 540 подписчиков.")
    P(d, "Ответственным за информационную работу решением президиума рескома от 12.09.2023 № 9-3 "
         "назначен Алиев Руслан Шамилович, заведующий организационным отделом.")
    P(d, "На второе полугодие 2023 года выписано 48 экземпляров газеты «Солидарность» при "
         "нормативе 62 экземпляра.")
    P(d, "", indent=False)
    P(d, "С уважением,", indent=False, align=LEFT)
    sign(d, ["Председатель\tК.М. Гаджиев"])
    save_docx(d, "avtodorprof-22-3-title")


if __name__ == "__main__":
    avtodorprof_22_3_title()
    cleanup()
