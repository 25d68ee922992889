"""Every word of the printed report, in English, Russian and Kazakh (Cyrillic).

The core has no Qt, so its ``tr()`` is not available here: the report keeps
its labels in this table, one dict per language with the same keys (a test
checks that none is missing).  Words the GUI already says (custody actions,
item kinds, roles, violations) are said the same way as in its translations.
Placeholders are ``str.format`` fields.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "ru", "kk")

EN: dict[str, str] = {
    "title.incidents": "Evidence report",
    "title.bundle": "Bundle verification report",
    "footer.report": "Report {id}",
    "footer.page": "Page {page} of {pages}",
    "footer.anchor.tag_manifest": "Bundle hash (SHA-256 of the signed tag manifest)",
    "footer.anchor.content": "Report hash (SHA-256 of the report's content)",
    "meta.created": "Made (UTC)",
    "meta.bundle": "Bundle",
    "meta.vault": "Vault",
    "meta.privacy": "Left out",
    "privacy.names": "real names",
    "privacy.gps": "GPS positions",
    "privacy.nothing": "nothing",
    "section.verdict": "Verdict",
    "verdict.bundle_ok": "Every check held: the signature is a verified contact's, every file "
                         "matches its SHA-256, and the custody log is complete and signed.",
    "verdict.bundle_untrusted": "Every check held, but the signer is not a verified contact: "
                                "the fingerprint below has not been confirmed with them.",
    "verdict.bundle_stopped_untrusted": "The signature holds, but the signer is not a "
                                        "verified contact, so the bundle was not read "
                                        "further: compare the fingerprint below with the "
                                        "sender first.",
    "verdict.bundle_failed": "The bundle FAILED its checks. Do not rely on its contents; keep "
                             "the file as it is and ask the sender for a new copy.",
    "verdict.incidents_ok": "Every check held: the {items} item(s) were read in full and match "
                            "their SHA-256, the custody log is unbroken, and every entry is in "
                            "the signed log of {size} entries.",
    "verdict.technical": "Technical detail (English)",
    "status.ok": "held",
    "status.failed": "FAILED",
    "status.untrusted": "not trusted",
    "status.warning": "warning",
    "section.signer": "Signer",
    "signer.fingerprint": "Fingerprint",
    "signer.key_id": "minisign key id",
    "signer.contact": "Contact",
    "signer.verified_at": "Fingerprint confirmed",
    "signer.how": "How it was checked",
    "signer.own_vault": "This vault made the report and signed its custody log; the fingerprint "
                        "is its own. Give it to the reader by another channel so they can "
                        "compare it.",
    "signer.verified_contact": "The signature was checked against the pinned key of a verified "
                               "contact, whose fingerprint was confirmed out of band.",
    "signer.unverified": "The signature holds, but the key is not a verified contact's: compare "
                         "the fingerprint with the sender in person or by phone.",
    "signer.unknown": "The signer could not be established.",
    "section.checks": "Checks made",
    "col.check": "Check",
    "col.result": "Result",
    "col.detail": "Technical detail (English)",
    "section.incident": "Incident: {title}",
    "field.id": "Id",
    "field.occurred": "When",
    "field.place": "Place",
    "field.coordinates": "Coordinates",
    "field.status": "Status",
    "field.violations": "Violations",
    "section.people": "People",
    "col.role": "Role",
    "col.pseudonym": "Pseudonym",
    "col.real_name": "Real name",
    "col.consent": "Consent",
    "people.names_left_out": "Real names are left out of this report.",
    "section.items": "Items ({count})",
    "col.no": "#",
    "col.item": "Item: name, SHA-256, kind, size, times, collector, derivation",
    "item.kind": "Kind",
    "item.size": "Size",
    "item.bytes": "{size} bytes",
    "item.captured": "Captured",
    "item.collected": "Collected",
    "item.collector": "Collector",
    "item.sent": "Sent as",
    "sent.original": "the original",
    "sent.sanitized": "a sanitized copy (metadata removed, pixels re-encoded)",
    "item.derivation": "Derivation",
    "derivation.redaction": "redacted copy ({boxes} area(s) covered) of item {original}",
    "derivation.sanitized": "sanitized copy of item {original}",
    "derivation.copy": "copy of item {original}",
    "item.original_sha256": "SHA-256 as collected",
    "item.gps": "GPS",
    "item.unknown": "unknown",
    "items.withheld": "Originals the sender kept back (a redacted copy went instead), by SHA-256:",
    "section.custody": "Custody timeline",
    "col.seq": "#",
    "col.time": "Time (UTC)",
    "col.action": "Action",
    "col.actor": "By",
    "col.subject": "Item, leaf hash",
    "section.checkpoint": "Checkpoints, consistency and inclusion",
    "checkpoint.vault": "Vault id",
    "checkpoint.size": "Log size (entries)",
    "checkpoint.root": "Root (base64)",
    "checkpoint.signature": "Signature",
    "checkpoint.signed": "made with the signer's key, checked",
    "checkpoint.unsigned": "not checked",
    "proof.inclusion_ok": "Each of the {included} custody entries above was proved (RFC 6962 "
                          "inclusion proof) to be in this signed log.",
    "proof.inclusion_none": "No custody entry could be proved to be in the log.",
    "proof.consistency_ok": "This log extends the vault's earlier signed checkpoint of {size} "
                            "entries (RFC 6962 consistency proof checked): nothing before it "
                            "was changed or removed.",
    "proof.consistency_first": "This is the vault's first signed checkpoint: there is no "
                               "earlier one to compare it with.",
    "proof.consistency_none": "The bundle carries no earlier checkpoint of this log to compare "
                              "it with.",
    "checkpoint.none": "No signed checkpoint: the custody log could not be checked.",
    "section.timestamps": "Trusted timestamps (RFC 3161)",
    "col.authority": "Authority",
    "col.tree_size": "Log size",
    "col.status": "Status",
    "section.receipts": "Receipts from partners",
    "col.partner": "Partner",
    "col.fingerprint": "Fingerprint",
    "none": "none",
    "section.recheck": "How to check this yourself",
    "recheck.bundle_intro": "With standard tools only, on any computer, with your age key and "
                            "the sender's public key (compare its fingerprint with the one "
                            "above):",
    "recheck.incidents_intro": "Export the incidents to a partner as a bundle; the partner "
                               "checks it with standard tools only:",
    "recheck.age": "Decrypt and unpack (age):",
    "recheck.minisign": "Check the signature of the tag manifest (minisign):",
    "recheck.bagit": "Check every file against its SHA-256 (bagit.py):",
    "recheck.bundle_hash": "The bundle hash on every page is this file's SHA-256:",
    "recheck.openssl": "Check a trusted timestamp against the authority's CA (openssl ts):",
    "recheck.item": "An item's SHA-256, for any copy of it:",
    "recheck.content_hash": "The report hash on every page is recorded in the vault's custody "
                            "log (entry \"report written\"), which travels signed in every later "
                            "bundle of these incidents.",
    "yes": "yes",
    "no": "no",
    "action.vault.created": "Vault created",
    "action.passphrase.changed": "Passphrase changed",
    "action.keys.rotated": "Vault key replaced",
    "action.recovery_code.changed": "Recovery code replaced",
    "action.incident.created": "Incident created",
    "action.incident.updated": "Incident changed",
    "action.person.added": "Person added",
    "action.person.updated": "Person changed",
    "action.item.added": "Item added",
    "action.item.derived": "Copy made of an item",
    "action.item.extracted": "Item saved outside the vault",
    "action.contact.added": "Contact added",
    "action.contact.verified": "Contact verified",
    "action.contact.removed": "Contact removed",
    "action.bundle.exported": "Sent to partners",
    "action.bundle.imported": "Received from a partner",
    "action.report.written": "Report written",
    "kind.photo": "Photo",
    "kind.video": "Video",
    "kind.audio": "Audio",
    "kind.document": "Document",
    "kind.testimony": "Testimony",
    "kind.source-text": "Source text",
    "kind.other": "Other",
    "role.victim": "Victim",
    "role.witness": "Witness",
    "role.perpetrator": "Perpetrator",
    "role.source": "Source",
    "incident_status.draft": "Draft",
    "incident_status.reviewed": "Reviewed",
    "incident_status.shared": "Shared",
    "violation.arbitrary-detention": "Arbitrary detention",
    "violation.torture": "Torture or ill-treatment",
    "violation.killing": "Killing",
    "violation.enforced-disappearance": "Enforced disappearance",
    "violation.excessive-force": "Excessive force",
    "violation.attack-on-journalist": "Attack on a journalist",
    "violation.denial-of-counsel": "Denial of legal counsel",
    "violation.internet-shutdown": "Internet shutdown or censorship",
    "violation.harassment": "Harassment",
    "violation.other": "Other",
}

RU: dict[str, str] = {
    "title.incidents": "Отчёт о доказательствах",
    "title.bundle": "Отчёт о проверке пакета",
    "footer.report": "Отчёт {id}",
    "footer.page": "Страница {page} из {pages}",
    "footer.anchor.tag_manifest": "Хеш пакета (SHA-256 подписанного tag-манифеста)",
    "footer.anchor.content": "Хеш отчёта (SHA-256 его содержания)",
    "meta.created": "Составлен (UTC)",
    "meta.bundle": "Пакет",
    "meta.vault": "Хранилище",
    "meta.privacy": "Не включено",
    "privacy.names": "настоящие имена",
    "privacy.gps": "координаты GPS",
    "privacy.nothing": "ничего",
    "section.verdict": "Заключение",
    "verdict.bundle_ok": "Все проверки пройдены: подпись принадлежит подтверждённому контакту, "
                         "каждый файл совпадает со своим SHA-256, журнал хранения полон и "
                         "подписан.",
    "verdict.bundle_untrusted": "Все проверки пройдены, но подписант не является "
                                "подтверждённым контактом: отпечаток ниже с ним не сверен.",
    "verdict.bundle_stopped_untrusted": "Подпись верна, но подписант не является "
                                        "подтверждённым контактом, поэтому пакет дальше не "
                                        "читался: сначала сверьте отпечаток ниже с "
                                        "отправителем.",
    "verdict.bundle_failed": "Пакет НЕ ПРОШЁЛ проверку. Не полагайтесь на его содержимое; "
                             "сохраните файл как есть и попросите отправителя прислать новую "
                             "копию.",
    "verdict.incidents_ok": "Все проверки пройдены: материалы ({items}) прочитаны полностью и "
                            "совпадают со своими SHA-256, журнал хранения не прерван, каждая "
                            "запись входит в подписанный журнал из {size} записей.",
    "verdict.technical": "Техническая подробность (по-английски)",
    "status.ok": "пройдена",
    "status.failed": "НЕ ПРОЙДЕНА",
    "status.untrusted": "нет доверия",
    "status.warning": "предупреждение",
    "section.signer": "Подписант",
    "signer.fingerprint": "Отпечаток",
    "signer.key_id": "Идентификатор ключа minisign",
    "signer.contact": "Контакт",
    "signer.verified_at": "Отпечаток сверен",
    "signer.how": "Как проверено",
    "signer.own_vault": "Отчёт составлен этим хранилищем, оно же подписало журнал хранения; "
                        "отпечаток — его собственный. Передайте его читателю другим путём, "
                        "чтобы он мог сверить.",
    "signer.verified_contact": "Подпись проверена по закреплённому ключу подтверждённого "
                               "контакта, отпечаток которого сверен по независимому каналу.",
    "signer.unverified": "Подпись верна, но ключ не принадлежит подтверждённому контакту: "
                         "сверьте отпечаток с отправителем лично или по телефону.",
    "signer.unknown": "Подписанта установить не удалось.",
    "section.checks": "Выполненные проверки",
    "col.check": "Проверка",
    "col.result": "Результат",
    "col.detail": "Техническая подробность (по-английски)",
    "section.incident": "Инцидент: {title}",
    "field.id": "Идентификатор",
    "field.occurred": "Когда",
    "field.place": "Место",
    "field.coordinates": "Координаты",
    "field.status": "Статус",
    "field.violations": "Нарушения",
    "section.people": "Люди",
    "col.role": "Роль",
    "col.pseudonym": "Псевдоним",
    "col.real_name": "Настоящее имя",
    "col.consent": "Согласие",
    "people.names_left_out": "Настоящие имена в этот отчёт не включены.",
    "section.items": "Материалы ({count})",
    "col.no": "№",
    "col.item": "Материал: имя, SHA-256, вид, размер, время, собиратель, происхождение",
    "item.kind": "Вид",
    "item.size": "Размер",
    "item.bytes": "{size} байт",
    "item.captured": "Снято",
    "item.collected": "Собрано",
    "item.collector": "Собиратель",
    "item.sent": "Отправлено как",
    "sent.original": "оригинал",
    "sent.sanitized": "очищенная копия (метаданные удалены, пиксели перекодированы)",
    "item.derivation": "Происхождение",
    "derivation.redaction": "копия материала {original} со скрытыми областями ({boxes})",
    "derivation.sanitized": "очищенная копия материала {original}",
    "derivation.copy": "копия материала {original}",
    "item.original_sha256": "SHA-256 при сборе",
    "item.gps": "GPS",
    "item.unknown": "неизвестно",
    "items.withheld": "Оригиналы, которые отправитель не передал (вместо них отправлена копия "
                      "со скрытыми областями), по SHA-256:",
    "section.custody": "Хронология хранения",
    "col.seq": "№",
    "col.time": "Время (UTC)",
    "col.action": "Действие",
    "col.actor": "Кем",
    "col.subject": "Материал, хеш записи",
    "section.checkpoint": "Контрольные точки, согласованность и включение",
    "checkpoint.vault": "Идентификатор хранилища",
    "checkpoint.size": "Размер журнала (записей)",
    "checkpoint.root": "Корень (base64)",
    "checkpoint.signature": "Подпись",
    "checkpoint.signed": "сделана ключом подписанта, проверена",
    "checkpoint.unsigned": "не проверена",
    "proof.inclusion_ok": "Для каждой из {included} записей хранения выше доказано "
                          "(доказательство включения RFC 6962), что она входит в этот "
                          "подписанный журнал.",
    "proof.inclusion_none": "Ни для одной записи хранения не удалось доказать включение в "
                            "журнал.",
    "proof.consistency_ok": "Этот журнал продолжает более раннюю подписанную контрольную точку "
                            "хранилища из {size} записей (доказательство согласованности RFC "
                            "6962 проверено): ничего до неё не изменено и не удалено.",
    "proof.consistency_first": "Это первая подписанная контрольная точка хранилища: сравнивать "
                               "не с чем.",
    "proof.consistency_none": "В пакете нет более ранней контрольной точки этого журнала для "
                              "сравнения.",
    "checkpoint.none": "Подписанной контрольной точки нет: журнал хранения проверить не "
                       "удалось.",
    "section.timestamps": "Доверенные метки времени (RFC 3161)",
    "col.authority": "Служба времени",
    "col.tree_size": "Размер журнала",
    "col.status": "Статус",
    "section.receipts": "Квитанции от партнёров",
    "col.partner": "Партнёр",
    "col.fingerprint": "Отпечаток",
    "none": "нет",
    "section.recheck": "Как проверить самостоятельно",
    "recheck.bundle_intro": "Только стандартными программами, на любом компьютере, с вашим "
                            "ключом age и открытым ключом отправителя (сверьте его отпечаток "
                            "с указанным выше):",
    "recheck.incidents_intro": "Экспортируйте инциденты партнёру в виде пакета; партнёр "
                               "проверяет его только стандартными программами:",
    "recheck.age": "Расшифровать и распаковать (age):",
    "recheck.minisign": "Проверить подпись tag-манифеста (minisign):",
    "recheck.bagit": "Сверить каждый файл с его SHA-256 (bagit.py):",
    "recheck.bundle_hash": "Хеш пакета на каждой странице — это SHA-256 этого файла:",
    "recheck.openssl": "Проверить доверенную метку времени по сертификату службы (openssl ts):",
    "recheck.item": "SHA-256 материала, для любой его копии:",
    "recheck.content_hash": "Хеш отчёта на каждой странице записан в журнал хранения "
                            "хранилища (запись «Отчёт составлен»), который в подписанном виде "
                            "входит в каждый следующий пакет этих инцидентов.",
    "yes": "да",
    "no": "нет",
    "action.vault.created": "Хранилище создано",
    "action.passphrase.changed": "Парольная фраза изменена",
    "action.keys.rotated": "Ключ хранилища заменён",
    "action.recovery_code.changed": "Код восстановления заменён",
    "action.incident.created": "Инцидент создан",
    "action.incident.updated": "Инцидент изменён",
    "action.person.added": "Человек добавлен",
    "action.person.updated": "Данные человека изменены",
    "action.item.added": "Материал добавлен",
    "action.item.derived": "Сделана копия материала",
    "action.item.extracted": "Материал сохранён вне хранилища",
    "action.contact.added": "Контакт добавлен",
    "action.contact.verified": "Контакт подтверждён",
    "action.contact.removed": "Контакт удалён",
    "action.bundle.exported": "Отправлено партнёрам",
    "action.bundle.imported": "Получено от партнёра",
    "action.report.written": "Отчёт составлен",
    "kind.photo": "Фото",
    "kind.video": "Видео",
    "kind.audio": "Аудио",
    "kind.document": "Документ",
    "kind.testimony": "Показания",
    "kind.source-text": "Текст источника",
    "kind.other": "Другое",
    "role.victim": "Пострадавший",
    "role.witness": "Свидетель",
    "role.perpetrator": "Нарушитель",
    "role.source": "Источник",
    "incident_status.draft": "Черновик",
    "incident_status.reviewed": "Проверено",
    "incident_status.shared": "Передано",
    "violation.arbitrary-detention": "Произвольное задержание",
    "violation.torture": "Пытки или жестокое обращение",
    "violation.killing": "Убийство",
    "violation.enforced-disappearance": "Насильственное исчезновение",
    "violation.excessive-force": "Чрезмерное применение силы",
    "violation.attack-on-journalist": "Нападение на журналиста",
    "violation.denial-of-counsel": "Отказ в доступе к адвокату",
    "violation.internet-shutdown": "Отключение интернета или цензура",
    "violation.harassment": "Преследование",
    "violation.other": "Другое",
}

KK: dict[str, str] = {
    "title.incidents": "Дәлелдемелер туралы есеп",
    "title.bundle": "Пакетті тексеру есебі",
    "footer.report": "Есеп {id}",
    "footer.page": "{page}-бет, барлығы {pages}",
    "footer.anchor.tag_manifest": "Пакет хеші (қол қойылған tag-манифесттің SHA-256)",
    "footer.anchor.content": "Есеп хеші (есеп мазмұнының SHA-256)",
    "meta.created": "Жасалды (UTC)",
    "meta.bundle": "Пакет",
    "meta.vault": "Қойма",
    "meta.privacy": "Енгізілмеді",
    "privacy.names": "шын есімдер",
    "privacy.gps": "GPS координаттары",
    "privacy.nothing": "ештеңе",
    "section.verdict": "Қорытынды",
    "verdict.bundle_ok": "Барлық тексеру өтті: қолтаңба расталған байланысқа тиесілі, әр файл "
                         "өз SHA-256 мәніне сәйкес, сақтау журналы толық әрі қол қойылған.",
    "verdict.bundle_untrusted": "Барлық тексеру өтті, бірақ қол қоюшы расталған байланыс емес: "
                                "төмендегі саусақ ізі онымен салыстырылмаған.",
    "verdict.bundle_stopped_untrusted": "Қолтаңба дұрыс, бірақ қол қоюшы расталған "
                                        "байланыс емес, сондықтан пакет әрі қарай "
                                        "оқылмады: алдымен төмендегі саусақ ізін "
                                        "жіберушімен салыстырыңыз.",
    "verdict.bundle_failed": "Пакет тексеруден ӨТПЕДІ. Оның мазмұнына сенбеңіз; файлды сол "
                             "күйінде сақтап, жіберушіден жаңа көшірме сұраңыз.",
    "verdict.incidents_ok": "Барлық тексеру өтті: материалдар ({items}) толық оқылып, өз "
                            "SHA-256 мәндеріне сәйкес келді, сақтау журналы үзілмеген, әр "
                            "жазба {size} жазбадан тұратын қол қойылған журналда бар.",
    "verdict.technical": "Техникалық мәлімет (ағылшынша)",
    "status.ok": "өтті",
    "status.failed": "ӨТПЕДІ",
    "status.untrusted": "сенім жоқ",
    "status.warning": "ескерту",
    "section.signer": "Қол қоюшы",
    "signer.fingerprint": "Саусақ ізі",
    "signer.key_id": "minisign кілтінің идентификаторы",
    "signer.contact": "Байланыс",
    "signer.verified_at": "Саусақ ізі салыстырылды",
    "signer.how": "Қалай тексерілді",
    "signer.own_vault": "Есепті осы қойма жасады және сақтау журналына өзі қол қойды; саусақ "
                        "ізі — оның өзінікі. Оқырман салыстыра алуы үшін оны басқа жолмен "
                        "беріңіз.",
    "signer.verified_contact": "Қолтаңба расталған байланыстың бекітілген кілтімен тексерілді; "
                               "оның саусақ ізі тәуелсіз арна арқылы салыстырылған.",
    "signer.unverified": "Қолтаңба дұрыс, бірақ кілт расталған байланысқа тиесілі емес: саусақ "
                         "ізін жіберушімен жеке немесе телефон арқылы салыстырыңыз.",
    "signer.unknown": "Қол қоюшыны анықтау мүмкін болмады.",
    "section.checks": "Жасалған тексерулер",
    "col.check": "Тексеру",
    "col.result": "Нәтиже",
    "col.detail": "Техникалық мәлімет (ағылшынша)",
    "section.incident": "Оқиға: {title}",
    "field.id": "Идентификатор",
    "field.occurred": "Қашан",
    "field.place": "Орны",
    "field.coordinates": "Координаттар",
    "field.status": "Мәртебесі",
    "field.violations": "Бұзушылықтар",
    "section.people": "Адамдар",
    "col.role": "Рөлі",
    "col.pseudonym": "Бүркеншік аты",
    "col.real_name": "Шын есімі",
    "col.consent": "Келісім",
    "people.names_left_out": "Шын есімдер бұл есепке енгізілмеді.",
    "section.items": "Материалдар ({count})",
    "col.no": "№",
    "col.item": "Материал: атауы, SHA-256, түрі, өлшемі, уақыты, жинаушы, шығу тегі",
    "item.kind": "Түрі",
    "item.size": "Өлшемі",
    "item.bytes": "{size} байт",
    "item.captured": "Түсірілді",
    "item.collected": "Жиналды",
    "item.collector": "Жинаушы",
    "item.sent": "Қалай жіберілді",
    "sent.original": "түпнұсқа",
    "sent.sanitized": "тазартылған көшірме (метадеректер өшірілген, пикселдер қайта "
                      "кодталған)",
    "item.derivation": "Шығу тегі",
    "derivation.redaction": "{original} материалының жасырылған аймақтары бар көшірмесі "
                            "({boxes})",
    "derivation.sanitized": "{original} материалының тазартылған көшірмесі",
    "derivation.copy": "{original} материалының көшірмесі",
    "item.original_sha256": "Жиналған кездегі SHA-256",
    "item.gps": "GPS",
    "item.unknown": "белгісіз",
    "items.withheld": "Жіберуші бермеген түпнұсқалар (орнына жасырылған аймақтары бар көшірме "
                      "жіберілді), SHA-256 бойынша:",
    "section.custody": "Сақтау хронологиясы",
    "col.seq": "№",
    "col.time": "Уақыты (UTC)",
    "col.action": "Әрекет",
    "col.actor": "Кім",
    "col.subject": "Материал, жазба хеші",
    "section.checkpoint": "Бақылау нүктелері, үйлесімділік және қамтылу",
    "checkpoint.vault": "Қойма идентификаторы",
    "checkpoint.size": "Журнал өлшемі (жазба)",
    "checkpoint.root": "Түбір (base64)",
    "checkpoint.signature": "Қолтаңба",
    "checkpoint.signed": "қол қоюшының кілтімен жасалған, тексерілді",
    "checkpoint.unsigned": "тексерілмеді",
    "proof.inclusion_ok": "Жоғарыдағы {included} сақтау жазбасының әрқайсысы осы қол қойылған "
                          "журналда бар екені дәлелденді (RFC 6962 қамтылу дәлелі).",
    "proof.inclusion_none": "Бірде-бір сақтау жазбасының журналда бар екені дәлелденбеді.",
    "proof.consistency_ok": "Бұл журнал қойманың {size} жазбадан тұратын бұрынғы қол қойылған "
                            "бақылау нүктесін жалғастырады (RFC 6962 үйлесімділік дәлелі "
                            "тексерілді): одан бұрынғы ештеңе өзгертілмеген де, өшірілмеген де.",
    "proof.consistency_first": "Бұл қойманың алғашқы қол қойылған бақылау нүктесі: "
                               "салыстыратын бұрынғысы жоқ.",
    "proof.consistency_none": "Пакетте бұл журналдың салыстыруға болатын бұрынғы бақылау "
                              "нүктесі жоқ.",
    "checkpoint.none": "Қол қойылған бақылау нүктесі жоқ: сақтау журналын тексеру мүмкін "
                       "болмады.",
    "section.timestamps": "Сенімді уақыт белгілері (RFC 3161)",
    "col.authority": "Уақыт қызметі",
    "col.tree_size": "Журнал өлшемі",
    "col.status": "Мәртебесі",
    "section.receipts": "Серіктестердің түбіртектері",
    "col.partner": "Серіктес",
    "col.fingerprint": "Саусақ ізі",
    "none": "жоқ",
    "section.recheck": "Мұны өзіңіз қалай тексересіз",
    "recheck.bundle_intro": "Тек стандартты бағдарламалармен, кез келген компьютерде, age "
                            "кілтіңізбен және жіберушінің ашық кілтімен (оның саусақ ізін "
                            "жоғарыдағымен салыстырыңыз):",
    "recheck.incidents_intro": "Оқиғаларды серіктеске пакет ретінде экспорттаңыз; серіктес оны "
                               "тек стандартты бағдарламалармен тексереді:",
    "recheck.age": "Шифрын ашу және шығару (age):",
    "recheck.minisign": "tag-манифесттің қолтаңбасын тексеру (minisign):",
    "recheck.bagit": "Әр файлды өз SHA-256 мәнімен салыстыру (bagit.py):",
    "recheck.bundle_hash": "Әр беттегі пакет хеші — осы файлдың SHA-256 мәні:",
    "recheck.openssl": "Сенімді уақыт белгісін қызметтің сертификатымен тексеру (openssl ts):",
    "recheck.item": "Материалдың кез келген көшірмесінің SHA-256 мәні:",
    "recheck.content_hash": "Әр беттегі есеп хеші қойманың сақтау журналына жазылған («Есеп "
                            "жасалды» жазбасы); журнал осы оқиғалардың кейінгі әр пакетіне қол "
                            "қойылған күйде кіреді.",
    "yes": "иә",
    "no": "жоқ",
    "action.vault.created": "Қойма жасалды",
    "action.passphrase.changed": "Құпия фраза өзгертілді",
    "action.keys.rotated": "Қойма кілті ауыстырылды",
    "action.recovery_code.changed": "Қалпына келтіру коды ауыстырылды",
    "action.incident.created": "Оқиға жасалды",
    "action.incident.updated": "Оқиға өзгертілді",
    "action.person.added": "Адам қосылды",
    "action.person.updated": "Адам туралы деректер өзгертілді",
    "action.item.added": "Материал қосылды",
    "action.item.derived": "Материалдың көшірмесі жасалды",
    "action.item.extracted": "Материал қоймадан тыс сақталды",
    "action.contact.added": "Байланыс қосылды",
    "action.contact.verified": "Байланыс расталды",
    "action.contact.removed": "Байланыс жойылды",
    "action.bundle.exported": "Серіктестерге жіберілді",
    "action.bundle.imported": "Серіктестен алынды",
    "action.report.written": "Есеп жасалды",
    "kind.photo": "Фото",
    "kind.video": "Бейне",
    "kind.audio": "Аудио",
    "kind.document": "Құжат",
    "kind.testimony": "Айғақ",
    "kind.source-text": "Дереккөз мәтіні",
    "kind.other": "Басқа",
    "role.victim": "Жәбірленуші",
    "role.witness": "Куәгер",
    "role.perpetrator": "Құқық бұзушы",
    "role.source": "Дереккөз",
    "incident_status.draft": "Нобай",
    "incident_status.reviewed": "Тексерілген",
    "incident_status.shared": "Бөлісілген",
    "violation.arbitrary-detention": "Негізсіз ұстау",
    "violation.torture": "Азаптау немесе қатыгез қарау",
    "violation.killing": "Кісі өлтіру",
    "violation.enforced-disappearance": "Күштеп жоғалту",
    "violation.excessive-force": "Күшті шектен тыс қолдану",
    "violation.attack-on-journalist": "Журналистке шабуыл",
    "violation.denial-of-counsel": "Адвокатқа жол бермеу",
    "violation.internet-shutdown": "Интернетті өшіру немесе цензура",
    "violation.harassment": "Қудалау",
    "violation.other": "Басқа",
}

TABLES: dict[str, dict[str, str]] = {"en": EN, "ru": RU, "kk": KK}


class Labels:
    """The labels of one language; ``optional`` for values that may have no label."""

    def __init__(self, language: str):
        self.language = language
        self._table = TABLES[language]

    def __call__(self, key: str, **params: Any) -> str:
        return self._table[key].format(**params) if params else self._table[key]

    def optional(self, prefix: str, value: str) -> str:
        """The label of a vocabulary value (``kind.photo``), or the value itself if unknown."""
        return self._table.get(f"{prefix}.{value}", value)
