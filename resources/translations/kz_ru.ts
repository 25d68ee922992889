<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AddAgeContactDialog</name>
    <message>
        <source>Add a partner with only age</source>
        <translation>Добавить партнёра, у которого есть только age</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Необязательно</translation>
    </message>
    <message>
        <source>Optional: needed to accept their bundles</source>
        <translation>Необязательно: нужен, чтобы принимать их пакеты</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Their encryption key (age recipient):</source>
        <translation>Их ключ шифрования (получатель age):</translation>
    </message>
    <message>
        <source>Their signing key (minisign):</source>
        <translation>Их ключ подписи (minisign):</translation>
    </message>
    <message>
        <source>Add partner</source>
        <translation>Добавить партнёра</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>For a partner without kzarchive: they make a key with age-keygen and give you the line starting with age1. If they will send bundles back, also ask for their minisign public key.</source>
        <translation>Для партнёра без kzarchive: он создаёт ключ командой age-keygen и передаёт вам строку, начинающуюся с age1. Если он будет присылать вам пакеты, попросите также его открытый ключ minisign.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Recording recovered</source>
        <translation>Запись восстановлена</translation>
    </message>
    <message>
        <source>A recording was cut short (the app closed or the computer stopped) and has been recovered: {names}. It is in its incident, and its note says whether a part at the end was lost.</source>
        <translation>Запись была прервана (программа закрылась или компьютер выключился) и восстановлена: {names}. Она находится в своём инциденте, а в её заметке сказано, потерялась ли часть в конце.</translation>
    </message>
    <message>
        <source>The vault&apos;s keys were destroyed, but some of its files could not be removed. Nothing in them can be decrypted; delete the folder by hand.</source>
        <translation>Ключи хранилища уничтожены, но часть его файлов удалить не удалось. Расшифровать их содержимое уже невозможно; удалите папку вручную.</translation>
    </message>
</context>
<context>
    <name>BundleChecks</name>
    <message>
        <source>Decryption: every encrypted piece is authentic</source>
        <translation>Расшифровка: каждая зашифрованная часть подлинна</translation>
    </message>
    <message>
        <source>Structure of the bundle</source>
        <translation>Структура пакета</translation>
    </message>
    <message>
        <source>Description of the bag</source>
        <translation>Описание пакета (bag-info)</translation>
    </message>
    <message>
        <source>Sender&apos;s signature</source>
        <translation>Подпись отправителя</translation>
    </message>
    <message>
        <source>Signed list of the bag&apos;s own files</source>
        <translation>Подписанный список служебных файлов пакета</translation>
    </message>
    <message>
        <source>List of every file with its hash</source>
        <translation>Список всех файлов с их хешами</translation>
    </message>
    <message>
        <source>Description of incidents and items</source>
        <translation>Описание инцидентов и материалов</translation>
    </message>
    <message>
        <source>Custody log entries</source>
        <translation>Записи журнала хранения</translation>
    </message>
    <message>
        <source>Custody chain of each incident</source>
        <translation>Цепочка хранения каждого инцидента</translation>
    </message>
    <message>
        <source>Signed custody checkpoint</source>
        <translation>Подписанная контрольная точка журнала хранения</translation>
    </message>
    <message>
        <source>Each custody entry is in the signed log</source>
        <translation>Все записи есть в подписанном журнале хранения</translation>
    </message>
    <message>
        <source>Number of files and total size</source>
        <translation>Число файлов и общий размер</translation>
    </message>
    <message>
        <source>Every incident, person and item valid and bound to its custody</source>
        <translation>Каждый инцидент, человек и материал корректны и связаны со своей цепочкой хранения</translation>
    </message>
    <message>
        <source>Addressed to this vault</source>
        <translation>Адресован этому хранилищу</translation>
    </message>
    <message>
        <source>Custody received from earlier senders</source>
        <translation>Журнал хранения, полученный от прежних отправителей</translation>
    </message>
    <message>
        <source>Time-stamp of the custody log</source>
        <translation>Метка времени журнала хранения</translation>
    </message>
    <message>
        <source>Trusted time</source>
        <translation>Доверенное время</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message>
        <source>Open a bundle</source>
        <translation>Открыть пакет</translation>
    </message>
    <message>
        <source>kzarchive bundles (*.kzb)</source>
        <translation>Пакеты kzarchive (*.kzb)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Open a bundle — kzarchive</source>
        <translation>Открыть пакет — kzarchive</translation>
    </message>
    <message>
        <source>The sender&apos;s fingerprint</source>
        <translation>Отпечаток отправителя</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Материал</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Проверки</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Журнал хранения</translation>
    </message>
    <message>
        <source>The key that signed this bundle is not one you verified. Anyone can make a bundle that looks like this one. Import it only if you have another reason to trust it, and compare fingerprints with the sender as soon as you can.</source>
        <translation>Ключ, которым подписан этот пакет, вы не подтверждали. Любой может сделать пакет, который выглядит так же. Импортируйте его, только если у вас есть другая причина ему доверять, и как можно скорее сверьте отпечатки с отправителем.</translation>
    </message>
    <message>
        <source>I understand, and I want to import it from an unverified signer</source>
        <translation>Я понимаю и хочу импортировать пакет от неподтверждённого отправителя</translation>
    </message>
    <message>
        <source>This bundle was made for other recipients, not for you, and passed on to you. Its signature holds, but it was not addressed to you: import it only if you know why it reached you.</source>
        <translation>Этот пакет был сделан для других получателей, не для вас, и передан вам дальше. Подпись верна, но пакет адресован не вам: импортируйте его, только если знаете, почему он попал к вам.</translation>
    </message>
    <message>
        <source>I understand, and I want to import a bundle that was not addressed to me</source>
        <translation>Я понимаю и хочу импортировать пакет, адресованный не мне</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Make receipt…</source>
        <translation>Сделать квитанцию…</translation>
    </message>
    <message>
        <source>Write a signed receipt for the sender: it confirms that this bundle arrived complete and verified. Only the sender&apos;s vault can open it.</source>
        <translation>Записать подписанную квитанцию для отправителя: она подтверждает, что пакет пришёл целым и прошёл проверку. Открыть её может только хранилище отправителя.</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Сохранить отчёт…</translation>
    </message>
    <message>
        <source>Checking the bundle: decrypting, the signature, every hash and the custody log…</source>
        <translation>Проверяю пакет: расшифровка, подпись, каждый хеш и журнал хранения…</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>В порядке</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ОШИБКА</translation>
    </message>
    <message>
        <source>Signer not verified</source>
        <translation>Отправитель не подтверждён</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>{text}

Technical detail: {detail}</source>
        <translation>{text}

Технические подробности: {detail}</translation>
    </message>
    <message>
        <source>Reading stopped here; later checks were not made</source>
        <translation>Чтение остановилось здесь; дальнейшие проверки не выполнялись</translation>
    </message>
    <message>
        <source>Vault events</source>
        <translation>События хранилища</translation>
    </message>
    <message>
        <source>the sender</source>
        <translation>отправитель</translation>
    </message>
    <message numerus="yes">
        <source>Received earlier from {origin}: %n entry(s)</source>
        <translation>
            <numerusform>Получено ранее от {origin}: %n запись</numerusform>
            <numerusform>Получено ранее от {origin}: %n записи</numerusform>
            <numerusform>Получено ранее от {origin}: %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Sender: {who}. Their fingerprint:</source>
        <translation>Отправитель: {who}. Его отпечаток:</translation>
    </message>
    <message>
        <source>Checking the bundle again, then writing the receipt…</source>
        <translation>Проверяю пакет ещё раз, затем записываю квитанцию…</translation>
    </message>
    <message>
        <source>No receipt made</source>
        <translation>Квитанция не сделана</translation>
    </message>
    <message>
        <source>Imported: {incidents}, {items}. They are selected in the main window.</source>
        <translation>Импортировано: {incidents}, {items}. Они выделены в главном окне.</translation>
    </message>
    <message numerus="yes">
        <source>%n new incident(s)</source>
        <translation>
            <numerusform>%n новый инцидент</numerusform>
            <numerusform>%n новых инцидента</numerusform>
            <numerusform>%n новых инцидентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n новый материал</numerusform>
            <numerusform>%n новых материала</numerusform>
            <numerusform>%n новых материалов</numerusform>
        </translation>
    </message>
    <message>
        <source>Sender: unknown (the signature could not be tied to a key).</source>
        <translation>Отправитель неизвестен (подпись не удалось связать ни с одним ключом).</translation>
    </message>
    <message>
        <source>{name}, a verified contact</source>
        <translation>{name}, подтверждённый контакт</translation>
    </message>
    <message>
        <source>{name}, in your partners but NOT verified</source>
        <translation>{name}, есть среди ваших партнёров, но НЕ подтверждён</translation>
    </message>
    <message>
        <source>not among your partners</source>
        <translation>нет среди ваших партнёров</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверяю…</translation>
    </message>
    <message>
        <source>Nothing is imported while the bundle is checked.</source>
        <translation>Пока пакет проверяется, ничего не импортируется.</translation>
    </message>
    <message>
        <source>GOOD</source>
        <translation>ВСЁ В ПОРЯДКЕ</translation>
    </message>
    <message>
        <source>Every check held: the bundle is complete and unaltered, and it was signed by a verified contact.</source>
        <translation>Все проверки пройдены: пакет полный и не изменён, и его подписал подтверждённый контакт.</translation>
    </message>
    <message>
        <source>SIGNER NOT VERIFIED</source>
        <translation>ОТПРАВИТЕЛЬ НЕ ПОДТВЕРЖДЁН</translation>
    </message>
    <message>
        <source>The signature holds, but the key that signed it is not one of your verified contacts, so nothing more of the bundle was read. If you import it, every check is made first, and nothing is stored unless all of them hold.</source>
        <translation>Подпись верна, но ключ, которым подписан пакет, не принадлежит ни одному из ваших подтверждённых контактов, поэтому дальше пакет не читался. При импорте сначала выполняются все проверки, и ничего не сохраняется, если хоть одна не прошла.</translation>
    </message>
    <message>
        <source>BAD</source>
        <translation>НЕЛЬЗЯ ДОВЕРЯТЬ</translation>
    </message>
    <message>
        <source>Do not trust this bundle: a check failed ({what}). Keep the file as it is and ask the sender for a new copy.</source>
        <translation>Не доверяйте этому пакету: проверка не пройдена ({what}). Сохраните файл как есть и попросите отправителя прислать новую копию.</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Не проверено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>The bundle could not be checked.</source>
        <translation>Пакет не удалось проверить.</translation>
    </message>
    <message>
        <source>Checking was cancelled. Nothing was imported.</source>
        <translation>Проверка отменена. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>the file {name}</source>
        <translation>файл {name}</translation>
    </message>
    <message>
        <source>Importing: checking everything again while storing it…</source>
        <translation>Импорт: всё проверяется заново при сохранении…</translation>
    </message>
    <message>
        <source>This bundle was imported before; nothing changed.</source>
        <translation>Этот пакет уже импортировался раньше; ничего не изменилось.</translation>
    </message>
</context>
<context>
    <name>BundleReportText</name>
    <message>
        <source>Every byte matches its SHA-256.</source>
        <translation>Каждый байт совпадает с его SHA-256.</translation>
    </message>
    <message>
        <source>It is {size}, but {recorded} were recorded.</source>
        <translation>Его размер {size}, а записано {recorded}.</translation>
    </message>
    <message>
        <source>It is missing from the bundle.</source>
        <translation>Его нет в пакете.</translation>
    </message>
    <message>
        <source>Its content does not match its SHA-256: it was altered.</source>
        <translation>Содержимое не совпадает с его SHA-256: оно изменено.</translation>
    </message>
    <message>
        <source>The signer is not a verified contact: the description, the custody files and the evidence were not read (they are checked once the signer is accepted).</source>
        <translation>Подписавший не является проверенным контактом: описание, файлы цепочки хранения и материалы не прочитаны (они проверяются, когда подписавший принят).</translation>
    </message>
    <message>
        <source>The bundle is addressed to other recipients (forwarded): it was not read further (it is checked once the forwarded bundle is accepted).</source>
        <translation>Пакет адресован другим получателям (переслан): дальше он не прочитан (он проверяется, когда пересланный пакет принят).</translation>
    </message>
    <message>
        <source>The bag&apos;s own files are not authenticated by a valid signature; nothing else was read.</source>
        <translation>Собственные файлы пакета не подтверждены действительной подписью; больше ничего не прочитано.</translation>
    </message>
    <message>
        <source>The failure above ended the reading; nothing after it was read.</source>
        <translation>Сбой выше прервал чтение; всё, что после него, не прочитано.</translation>
    </message>
    <message>
        <source>Every encrypted piece is authentic, and the archive is complete and well-formed.</source>
        <translation>Каждая зашифрованная часть подлинна, архив полон и правильно устроен.</translation>
    </message>
    <message>
        <source>The bundle&apos;s folder name is not a bundle id.</source>
        <translation>Имя папки пакета не является идентификатором пакета.</translation>
    </message>
    <message>
        <source>The bundle is addressed to this vault.</source>
        <translation>Пакет адресован этому хранилищу.</translation>
    </message>
    <message>
        <source>The bag&apos;s description is complete and consistent.</source>
        <translation>Описание пакета полное и согласованное.</translation>
    </message>
    <message>
        <source>The signature file is not in kzarchive&apos;s form.</source>
        <translation>Файл подписи не в формате kzarchive.</translation>
    </message>
    <message>
        <source>It was not made by a verified contact, and the bundle does not say validly who made it.</source>
        <translation>Подпись сделана не проверенным контактом, и пакет не указывает достоверно, кто её сделал.</translation>
    </message>
    <message>
        <source>The signed comment is not a kzarchive bundle&apos;s.</source>
        <translation>Подписанный комментарий не принадлежит пакету kzarchive.</translation>
    </message>
    <message>
        <source>The signature was made for another bundle.</source>
        <translation>Подпись сделана для другого пакета.</translation>
    </message>
    <message>
        <source>The sender the bundle names is not the key that signed it.</source>
        <translation>Отправитель, указанный в пакете, — не тот ключ, которым он подписан.</translation>
    </message>
    <message>
        <source>The bag&apos;s own files (bagit.txt, bag-info.txt, the manifest and sender.pub) match.</source>
        <translation>Собственные файлы пакета (bagit.txt, bag-info.txt, манифест и sender.pub) совпадают.</translation>
    </message>
    <message>
        <source>The description, the custody files and every evidence file are listed.</source>
        <translation>Описание, файлы цепочки хранения и каждый файл материалов перечислены.</translation>
    </message>
    <message>
        <source>Every incident&apos;s chain is unbroken.</source>
        <translation>Цепочка каждого происшествия не прервана.</translation>
    </message>
    <message>
        <source>Signed by the bundle&apos;s signer.</source>
        <translation>Подписано тем, кто подписал пакет.</translation>
    </message>
    <message>
        <source>The time-stamps were not checked, because the custody files did not hold.</source>
        <translation>Метки времени не проверены: файлы журнала хранения не прошли проверку.</translation>
    </message>
    <message>
        <source>The proofs name time-stamps the bundle does not carry.</source>
        <translation>Доказательства ссылаются на метки времени, которых нет в пакете.</translation>
    </message>
    <message>
        <source>The bundle ends before {path}.</source>
        <translation>Пакет обрывается раньше {path}.</translation>
    </message>
    <message>
        <source>It holds {found}, which is not a file this bundle describes.</source>
        <translation>В нём есть {found} — файл, который этот пакет не описывает.</translation>
    </message>
    <message>
        <source>It is {size}, more than the {limit} a bundle may hold; it was not read.</source>
        <translation>Его размер {size} — больше допустимых {limit}; он не прочитан.</translation>
    </message>
    <message>
        <source>The bag&apos;s tag, description and custody files together are more than the {limit} a bundle may hold; they were not read.</source>
        <translation>Служебные файлы, описание и файлы цепочки хранения вместе больше допустимых {limit}; они не прочитаны.</translation>
    </message>
    <message>
        <source>{path} is not listed in the signed manifest; it was not read.</source>
        <translation>{path} нет в подписанном манифесте; он не прочитан.</translation>
    </message>
    <message>
        <source>{path} was altered (it does not match the signed manifest); it was not read.</source>
        <translation>{path} изменён (не совпадает с подписанным манифестом); он не прочитан.</translation>
    </message>
    <message>
        <source>verified against an authority you trust</source>
        <translation>проверено по центру, которому вы доверяете</translation>
    </message>
    <message>
        <source>not yet checked against a trusted authority</source>
        <translation>ещё не проверено по доверенному центру</translation>
    </message>
    <message numerus="yes">
        <source>The custody log up to entry %n existed by {time} ({authority}; {checked}).</source>
        <translation>
            <numerusform>Журнал хранения до записи %n существовал уже {time} ({authority}; {checked}).</numerusform>
            <numerusform>Журнал хранения до записи %n существовал уже {time} ({authority}; {checked}).</numerusform>
            <numerusform>Журнал хранения до записи %n существовал уже {time} ({authority}; {checked}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} item(s)</source>
        <translation>
            <numerusform>%n из {total} материала</numerusform>
            <numerusform>%n из {total} материалов</numerusform>
            <numerusform>%n из {total} материалов</numerusform>
        </translation>
    </message>
    <message>
        <source>Incident {incident}: {covered} existed by {time} ({authority}; {checked}).</source>
        <translation>Инцидент {incident}: {covered} существовали уже {time} ({authority}; {checked}).</translation>
    </message>
    <message numerus="yes">
        <source>Not addressed to this vault: its signer made it for %n other recipient(s), and it was passed on (forwarded).</source>
        <translation>
            <numerusform>Не адресован этому хранилищу: подписавший сделал его для %n другого получателя, и его переслали.</numerusform>
            <numerusform>Не адресован этому хранилищу: подписавший сделал его для %n других получателей, и его переслали.</numerusform>
            <numerusform>Не адресован этому хранилищу: подписавший сделал его для %n других получателей, и его переслали.</numerusform>
        </translation>
    </message>
    <message>
        <source>Made by a verified contact.</source>
        <translation>Сделана проверенным контактом.</translation>
    </message>
    <message>
        <source>Valid, but made by a key that is not a verified contact.</source>
        <translation>Действительна, но сделана ключом, который не является проверенным контактом.</translation>
    </message>
    <message numerus="yes">
        <source>Describes %n evidence file(s).</source>
        <translation>
            <numerusform>Описывает %n файл материалов.</numerusform>
            <numerusform>Описывает %n файла материалов.</numerusform>
            <numerusform>Описывает %n файлов материалов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s), each matching its hash.</source>
        <translation>
            <numerusform>%n запись, каждая совпадает со своим хешем.</numerusform>
            <numerusform>%n записи, каждая совпадает со своим хешем.</numerusform>
            <numerusform>%n записей, каждая совпадает со своим хешем.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every entry is in the signed log of %n entry(s).</source>
        <translation>
            <numerusform>Каждая запись есть в подписанном журнале из %n записи.</numerusform>
            <numerusform>Каждая запись есть в подписанном журнале из %n записей.</numerusform>
            <numerusform>Каждая запись есть в подписанном журнале из %n записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>{incidents}, {people} and {items}: every field valid and every item bound to its file and its custody entry.</source>
        <translation>{incidents}, {people} и {items}: каждое поле верно, каждый материал связан со своим файлом и записью цепочки хранения.</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n происшествие</numerusform>
            <numerusform>%n происшествия</numerusform>
            <numerusform>%n происшествий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n человек</numerusform>
            <numerusform>%n человека</numerusform>
            <numerusform>%n человек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n материал</numerusform>
            <numerusform>%n материала</numerusform>
            <numerusform>%n материалов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) from {origin}, signed and unbroken</source>
        <translation>
            <numerusform>%n запись от {origin}, подписана и не прервана</numerusform>
            <numerusform>%n записи от {origin}, подписаны и не прерваны</numerusform>
            <numerusform>%n записей от {origin}, подписаны и не прерваны</numerusform>
        </translation>
    </message>
    <message>
        <source>{entries}; complete up to the head the sender states.</source>
        <translation>{entries}; полные вплоть до вершины, которую указал отправитель.</translation>
    </message>
    <message>
        <source>{entries}; completeness not shown (an older kzarchive wrote no head for this chain).</source>
        <translation>{entries}; полнота не показана (старая версия kzarchive не записала вершину этой цепочки).</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), {size}</source>
        <translation>
            <numerusform>%n файл, {size}</numerusform>
            <numerusform>%n файла, {size}</numerusform>
            <numerusform>%n файлов, {size}</numerusform>
        </translation>
    </message>
    <message>
        <source>{counted}, but the bag&apos;s description says {declared}.</source>
        <translation>{counted}, но в описании пакета указано: {declared}.</translation>
    </message>
    <message>
        <source>It could not be decrypted, or the archive inside is damaged or altered.</source>
        <translation>Его не удалось расшифровать, или архив внутри повреждён или изменён.</translation>
    </message>
    <message>
        <source>The signature does not hold: the bundle was altered or not signed by its sender.</source>
        <translation>Подпись недействительна: пакет изменён или подписан не его отправителем.</translation>
    </message>
    <message>
        <source>A time-stamp does not hold: it does not cover the checkpoint it comes with, or that checkpoint is not the sender&apos;s log.</source>
        <translation>Метка времени не подтверждается: она не относится к приложенной контрольной точке, или эта точка не из журнала отправителя.</translation>
    </message>
    <message>
        <source>The custody record is damaged or altered.</source>
        <translation>Запись цепочки хранения повреждена или изменена.</translation>
    </message>
    <message>
        <source>This check failed: the bundle is damaged or altered, or was not made by kzarchive.</source>
        <translation>Проверка не пройдена: пакет повреждён или изменён, или сделан не kzarchive.</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Останавливаю…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase — kzarchive</source>
        <translation>Смена парольной фразы — kzarchive</translation>
    </message>
    <message>
        <source>Also replace the vault&apos;s key and the recovery code</source>
        <translation>Также заменить ключ хранилища и код восстановления</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Новая парольная фраза:</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Сменить парольную фразу</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Choose a new passphrase now</source>
        <translation>Выберите новую парольную фразу сейчас</translation>
    </message>
    <message>
        <source>You unlocked the vault with the recovery code. If the passphrase is lost, or someone else may know it, set a new one now.</source>
        <translation>Вы открыли хранилище кодом восстановления. Если парольная фраза утеряна или её может знать кто-то другой, задайте новую сейчас.</translation>
    </message>
    <message>
        <source>The new passphrase replaces the old one in vault.keys at once. A copy of the old vault.keys (in a backup, for example) still opens the vault with the old passphrase unless you also replace the vault&apos;s key.</source>
        <translation>Новая парольная фраза сразу заменяет старую в vault.keys. Копия старого vault.keys (например, в резервной копии) по-прежнему открывает хранилище старой парольной фразой, если не заменить также ключ хранилища.</translation>
    </message>
    <message>
        <source>From now on, unlock the vault with the new passphrase. A copy of the old vault.keys (in a backup, for example) still opens the vault with the old passphrase; to make old copies useless, change the passphrase again with &quot;Also replace the vault&apos;s key&quot; checked.</source>
        <translation>Теперь открывайте хранилище новой парольной фразой. Копия старого vault.keys (например, в резервной копии) по-прежнему открывает хранилище старой парольной фразой; чтобы старые копии стали бесполезны, смените парольную фразу ещё раз, отметив «Также заменить ключ хранилища».</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Then old copies of vault.keys open nothing; a new recovery code is shown once.</source>
        <translation>Тогда старые копии vault.keys ничего не открывают; новый код восстановления будет показан один раз.</translation>
    </message>
    <message>
        <source>Your new recovery code</source>
        <translation>Ваш новый код восстановления</translation>
    </message>
    <message>
        <source>It is shown only now. Write it on paper, keep it away from this computer and destroy the old one: the old code no longer opens the vault.</source>
        <translation>Он показывается только сейчас. Запишите его на бумаге, храните отдельно от этого компьютера и уничтожьте старый: старый код больше не открывает хранилище.</translation>
    </message>
    <message>
        <source>I have written the new recovery code down.</source>
        <translation>Я записал(а) новый код восстановления.</translation>
    </message>
    <message>
        <source>The vault&apos;s key was replaced</source>
        <translation>Ключ хранилища заменён</translation>
    </message>
    <message>
        <source>Only the new passphrase and the new recovery code below open the vault now; copies of the old vault.keys open nothing. A backup of the whole vault made before now still opens with the old passphrase.</source>
        <translation>Теперь хранилище открывают только новая парольная фраза и новый код восстановления ниже; копии старого vault.keys ничего не открывают. Резервная копия всего хранилища, сделанная до этого момента, по-прежнему открывается старой парольной фразой.</translation>
    </message>
    <message>
        <source>The passphrase was changed</source>
        <translation>Парольная фраза изменена</translation>
    </message>
    <message>
        <source>Replacing the vault&apos;s key and re-encrypting the database…</source>
        <translation>Замена ключа хранилища и повторное шифрование базы данных…</translation>
    </message>
    <message>
        <source>Deriving the new key from the passphrase…</source>
        <translation>Вычисляю новый ключ из парольной фразы…</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare fingerprints</source>
        <translation>Сверка отпечатков</translation>
    </message>
    <message>
        <source>{name}&apos;s fingerprint</source>
        <translation>Отпечаток: {name}</translation>
    </message>
    <message>
        <source>Compare with {name} in person or by phone. Read your fingerprint aloud while they look at theirs in kzarchive, then let them read theirs while you look here. Every digit must be the same. Never compare over the channel that carried the card.</source>
        <translation>Сверьте с собеседником ({name}) лично или по телефону. Прочитайте вслух свой отпечаток, пока он смотрит на свой в kzarchive, затем пусть он прочитает свой, а вы смотрите сюда. Все цифры должны совпасть. Никогда не сверяйте по тому же каналу, по которому пришла карточка.</translation>
    </message>
    <message>
        <source>{name}&apos;s keys</source>
        <translation>Ключи: {name}</translation>
    </message>
    <message>
        <source>{name} uses only age. Compare with them in person or by phone: their age recipient (and minisign key), character by character, with what they see on their own computer.</source>
        <translation>{name} использует только age. Сверьте с ним лично или по телефону его получателя age (и ключ minisign) символ за символом с тем, что он видит на своём компьютере.</translation>
    </message>
    <message>
        <source>Your fingerprint</source>
        <translation>Ваш отпечаток</translation>
    </message>
    <message>
        <source>They match: mark as verified</source>
        <translation>Совпадают: отметить как подтверждённый</translation>
    </message>
    <message>
        <source>They differ, or not now</source>
        <translation>Не совпадают или не сейчас</translation>
    </message>
    <message>
        <source>Compare before you trust</source>
        <translation>Сверьте, прежде чем доверять</translation>
    </message>
    <message>
        <source>If anything differs, do not verify: someone may have swapped the card. Ask {name} for a new one.</source>
        <translation>Если хоть что-то не совпадает, не подтверждайте: карточку могли подменить. Попросите у собеседника ({name}) новую.</translation>
    </message>
    <message>
        <source>{name} is already verified.</source>
        <translation>{name}: уже подтверждён.</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>Create a new vault</source>
        <translation>Новое хранилище</translation>
    </message>
    <message>
        <source>For example: Field work 2024</source>
        <translation>Например: Полевая работа 2024</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Vault name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Everything in the vault is encrypted with a key that only your passphrase unlocks. Nobody can recover a forgotten passphrase, so choose one you will remember: several unrelated words are strong and easy to type.</source>
        <translation>Всё содержимое хранилища шифруется ключом, который открывает только ваша парольная фраза. Забытую фразу не восстановит никто, поэтому выберите такую, которую вы запомните: несколько не связанных между собой слов надёжны и легко набираются.</translation>
    </message>
    <message>
        <source>Choose where to keep the vault</source>
        <translation>Выберите папку для хранилища</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>Создаю хранилище…</translation>
    </message>
    <message>
        <source>Deriving the encryption keys from your passphrase. This takes a moment on purpose: it makes guessing the passphrase slow for anyone else.</source>
        <translation>Вычисляю ключи шифрования из вашей парольной фразы. Это намеренно занимает некоторое время: так подбирать фразу будет слишком долго для кого-либо другого.</translation>
    </message>
    <message>
        <source>I have written the recovery code down.</source>
        <translation>Код восстановления записан.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Ваш код восстановления</translation>
    </message>
    <message>
        <source>This code opens the vault if the passphrase is ever lost. It is shown only now. Write it on paper and keep it in a safe place away from this computer: anyone who has it can open the vault.</source>
        <translation>Этот код откроет хранилище, если парольная фраза будет утеряна. Он показывается только сейчас. Запишите его на бумаге и храните в надёжном месте отдельно от этого компьютера: любой, у кого есть код, может открыть хранилище.</translation>
    </message>
    <message>
        <source>Vault fingerprint</source>
        <translation>Отпечаток хранилища</translation>
    </message>
    <message>
        <source>Partners compare these digits with you, in person or by phone, before they trust what you send them.</source>
        <translation>Партнёры сверяют с вами эти цифры лично или по телефону, прежде чем доверять тому, что вы им присылаете.</translation>
    </message>
</context>
<context>
    <name>CredentialsPanel</name>
    <message>
        <source>Content credentials</source>
        <translation>Сведения о происхождении (C2PA)</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Подписано:</translation>
    </message>
    <message>
        <source>Signer known:</source>
        <translation>Подписант известен:</translation>
    </message>
    <message>
        <source>yes, by a trusted certificate</source>
        <translation>да, по доверенному сертификату</translation>
    </message>
    <message>
        <source>no: the certificate is not one this vault trusts, so who signed is unproven</source>
        <translation>нет: этому сертификату хранилище не доверяет, поэтому не доказано, кто подписал</translation>
    </message>
    <message>
        <source>Made with:</source>
        <translation>Создано в:</translation>
    </message>
    <message>
        <source>Signed at:</source>
        <translation>Время подписи:</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>Действия:</translation>
    </message>
    <message>
        <source>Made from:</source>
        <translation>Создано из:</translation>
    </message>
    <message>
        <source>{title} (signed)</source>
        <translation>{title} (подписан)</translation>
    </message>
    <message>
        <source>Problems found:</source>
        <translation>Найденные проблемы:</translation>
    </message>
    <message>
        <source>Kept at:</source>
        <translation>Хранятся по адресу:</translation>
    </message>
    <message>
        <source>Valid: the signature checks out and the content is as it was signed.</source>
        <translation>Действительны: подпись верна, и содержимое такое же, как при подписании.</translation>
    </message>
    <message>
        <source>TAMPERED: the content was changed after it was signed. The credentials do not describe this file as it is.</source>
        <translation>ИЗМЕНЁН ПОСЛЕ ПОДПИСИ: содержимое изменили после подписания. Эти сведения не описывают файл в его нынешнем виде.</translation>
    </message>
    <message>
        <source>INVALID: the credentials could not be verified. Do not rely on what they say.</source>
        <translation>НЕДЕЙСТВИТЕЛЬНЫ: сведения не удалось проверить. Не полагайтесь на то, что в них сказано.</translation>
    </message>
    <message>
        <source>Kept elsewhere: the file points to credentials on a server, which kzarchive does not fetch (it works offline).</source>
        <translation>Хранятся в другом месте: файл ссылается на сведения на сервере, а kzarchive их не загружает (он работает без сети).</translation>
    </message>
    <message>
        <source>None in this copy: a sanitized copy carries no credentials.</source>
        <translation>В этой копии нет: очищенная копия не содержит сведений о происхождении.</translation>
    </message>
    <message>
        <source>None: this file carries no content credentials.</source>
        <translation>Нет: в этом файле нет сведений о происхождении.</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>действительны</translation>
    </message>
    <message>
        <source>tampered</source>
        <translation>изменены после подписи</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>недействительны</translation>
    </message>
    <message>
        <source>kept elsewhere</source>
        <translation>хранятся в другом месте</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>The sender states that the original had content credentials: {state}. This is the sender&apos;s claim; this copy cannot show it.</source>
        <translation>Отправитель утверждает, что у оригинала были сведения о происхождении: {state}. Это утверждение отправителя; эта копия не может его подтвердить.</translation>
    </message>
    <message>
        <source>The sender&apos;s claim: {state}</source>
        <translation>Утверждение отправителя: {state}</translation>
    </message>
    <message>
        <source>, signed by {signer}</source>
        <translation>, подписано: {signer}</translation>
    </message>
</context>
<context>
    <name>Custody</name>
    <message>
        <source>Vault created</source>
        <translation>Хранилище создано</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Парольная фраза изменена</translation>
    </message>
    <message>
        <source>Vault key replaced</source>
        <translation>Ключ хранилища заменён</translation>
    </message>
    <message>
        <source>Recovery code replaced</source>
        <translation>Код восстановления заменён</translation>
    </message>
    <message>
        <source>Incident created</source>
        <translation>Инцидент создан</translation>
    </message>
    <message>
        <source>Incident changed</source>
        <translation>Инцидент изменён</translation>
    </message>
    <message>
        <source>Person added</source>
        <translation>Человек добавлен</translation>
    </message>
    <message>
        <source>Person changed</source>
        <translation>Данные человека изменены</translation>
    </message>
    <message>
        <source>Item added</source>
        <translation>Материал добавлен</translation>
    </message>
    <message>
        <source>Copy made of an item</source>
        <translation>Сделана копия материала</translation>
    </message>
    <message>
        <source>Item saved outside the vault</source>
        <translation>Материал сохранён вне хранилища</translation>
    </message>
    <message>
        <source>Contact added</source>
        <translation>Контакт добавлен</translation>
    </message>
    <message>
        <source>Contact verified</source>
        <translation>Контакт подтверждён</translation>
    </message>
    <message>
        <source>Contact removed</source>
        <translation>Контакт удалён</translation>
    </message>
    <message>
        <source>Sent to partners</source>
        <translation>Отправлено партнёрам</translation>
    </message>
    <message>
        <source>Received from a partner</source>
        <translation>Получено от партнёра</translation>
    </message>
    <message>
        <source>Partner confirmed receipt</source>
        <translation>Партнёр подтвердил получение</translation>
    </message>
    <message>
        <source>Receipt made for the sender</source>
        <translation>Сделана квитанция для отправителя</translation>
    </message>
    <message>
        <source>Custody log time-stamped</source>
        <translation>Журнал хранения заверен меткой времени</translation>
    </message>
    <message>
        <source>Time-stamp checked with a CA</source>
        <translation>Метка времени проверена по УЦ</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>Отчёт составлен</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Согласие дано</translation>
    </message>
    <message>
        <source>Made from item</source>
        <translation>Сделано из материала</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Bundle manifest SHA-256</source>
        <translation>SHA-256 манифеста пакета</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалы</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Отпечаток</translation>
    </message>
    <message>
        <source>age key</source>
        <translation>ключ age</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Files verified</source>
        <translation>Файлов проверено</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Подписано</translation>
    </message>
    <message>
        <source>Entries covered</source>
        <translation>Охвачено записей</translation>
    </message>
    <message>
        <source>Log root</source>
        <translation>Корень журнала</translation>
    </message>
    <message>
        <source>Stamped time</source>
        <translation>Время метки</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Центр меток времени</translation>
    </message>
    <message>
        <source>Authority checked</source>
        <translation>Центр проверен</translation>
    </message>
    <message>
        <source>Time-stamp SHA-256</source>
        <translation>SHA-256 метки времени</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Страниц</translation>
    </message>
    <message>
        <source>Real names included</source>
        <translation>Настоящие имена включены</translation>
    </message>
    <message>
        <source>GPS positions included</source>
        <translation>Координаты GPS включены</translation>
    </message>
    <message>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <source>description</source>
        <translation>описание</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>дата начала</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>дата окончания</translation>
    </message>
    <message>
        <source>date precision</source>
        <translation>точность даты</translation>
    </message>
    <message>
        <source>place</source>
        <translation>место</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>широта</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>долгота</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>violations</source>
        <translation>нарушения</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>метки</translation>
    </message>
    <message>
        <source>role</source>
        <translation>роль</translation>
    </message>
    <message>
        <source>pseudonym</source>
        <translation>псевдоним</translation>
    </message>
    <message>
        <source>real name</source>
        <translation>настоящее имя</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>согласие</translation>
    </message>
    <message>
        <source>consent scope</source>
        <translation>объём согласия</translation>
    </message>
    <message>
        <source>consent date</source>
        <translation>дата согласия</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>заметки</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Unknown partner</source>
        <translation>Неизвестный партнёр</translation>
    </message>
</context>
<context>
    <name>CustodyView</name>
    <message>
        <source>Received from partners with this incident</source>
        <translation>Получено от партнёров вместе с этим инцидентом</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Цепочка</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>цела</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>нарушена</translation>
    </message>
    <message>
        <source>earlier entries not received</source>
        <translation>прежние записи не получены</translation>
    </message>
    <message>
        <source>From {sender}</source>
        <translation>От: {sender}</translation>
    </message>
    <message>
        <source>Entries: {n}. The chain is broken at entry {seq}.</source>
        <translation>Записей: {n}. Цепочка нарушена на записи {seq}.</translation>
    </message>
    <message>
        <source>Entries: {n}. The chain is intact.</source>
        <translation>Записей: {n}. Цепочка цела.</translation>
    </message>
</context>
<context>
    <name>CustodyWindow</name>
    <message>
        <source>Custody log of the vault</source>
        <translation>Журнал хранения хранилища</translation>
    </message>
    <message>
        <source>Every act on this vault, in order. Each entry is sealed with a hash of the one before it, so a changed or missing entry shows as a broken chain.</source>
        <translation>Все действия с этим хранилищем по порядку. Каждая запись скреплена хешем предыдущей, поэтому изменённая или пропавшая запись видна как разрыв цепочки.</translation>
    </message>
    <message>
        <source>Reading the custody log…</source>
        <translation>Читаю журнал хранения…</translation>
    </message>
</context>
<context>
    <name>EmptyVaultPanel</name>
    <message>
        <source>This vault has no incidents yet</source>
        <translation>В этом хранилище пока нет инцидентов</translation>
    </message>
    <message>
        <source>An incident is one event you document: what happened, when and where, the people involved (by pseudonym), and its evidence: photos, videos, documents, testimony. Everything is encrypted in this vault.</source>
        <translation>Инцидент — это одно событие, которое вы документируете: что произошло, когда и где, кто был вовлечён (под псевдонимами), и его материалы: фотографии, видео, документы, показания. Всё в этом хранилище зашифровано.</translation>
    </message>
    <message>
        <source>New incident…</source>
        <translation>Новый инцидент…</translation>
    </message>
    <message>
        <source>Open a bundle from a partner…</source>
        <translation>Открыть пакет от партнёра…</translation>
    </message>
    <message>
        <source>Read the user guide</source>
        <translation>Открыть руководство пользователя</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The passphrase is not correct for this vault.</source>
        <translation>Неверная парольная фраза для этого хранилища.</translation>
    </message>
    <message>
        <source>Check the keyboard layout and Caps Lock. If the passphrase is lost, unlock the vault with the recovery code.</source>
        <translation>Проверьте раскладку клавиатуры и Caps Lock. Если фраза утеряна, откройте хранилище с помощью кода восстановления.</translation>
    </message>
    <message>
        <source>This folder is not a kzarchive vault: {path}</source>
        <translation>Эта папка не является хранилищем kzarchive: {path}</translation>
    </message>
    <message>
        <source>Choose the folder that holds the file vault.keys.</source>
        <translation>Выберите папку, в которой лежит файл vault.keys.</translation>
    </message>
    <message>
        <source>This vault was made by a newer version of kzarchive.</source>
        <translation>Это хранилище создано более новой версией kzarchive.</translation>
    </message>
    <message>
        <source>Update kzarchive to open it. Nothing was changed.</source>
        <translation>Обновите kzarchive, чтобы открыть его. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The vault is open in another kzarchive window or command.</source>
        <translation>Хранилище открыто в другом окне или команде kzarchive.</translation>
    </message>
    <message>
        <source>Close the other window or command, then try again.</source>
        <translation>Закройте другое окно или команду и попробуйте снова.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Хранилище заблокировано.</translation>
    </message>
    <message>
        <source>Unlock it with the passphrase first.</source>
        <translation>Сначала разблокируйте его парольной фразой.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Диск заполнен.</translation>
    </message>
    <message>
        <source>Free some space and try again. Nothing was lost: the operation was undone.</source>
        <translation>Освободите место и попробуйте снова. Ничего не потеряно: операция отменена.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Отменено. Ничего не изменено.</translation>
    </message>
    <message>
        <source>A file was not found.</source>
        <translation>Файл не найден.</translation>
    </message>
    <message>
        <source>Check that the drive is connected. Nothing was changed.</source>
        <translation>Проверьте, подключён ли диск. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Integrity check failed: the data was damaged or altered.</source>
        <translation>Проверка целостности не пройдена: данные повреждены или изменены.</translation>
    </message>
    <message>
        <source>Do not trust it; keep the file as it is and compare it with a backup.</source>
        <translation>Не доверяйте этим данным; сохраните файл как есть и сравните его с резервной копией.</translation>
    </message>
    <message>
        <source>The time-stamp reply was refused: it does not answer a request made by this vault, the authority did not grant it, or it is damaged.</source>
        <translation>Ответ с меткой времени отклонён: он не отвечает на запрос этого хранилища, центр отказал в метке, или файл повреждён.</translation>
    </message>
    <message>
        <source>Nothing was stored. Add the authority&apos;s answer to a request file made here.</source>
        <translation>Ничего не сохранено. Добавьте ответ центра на файл запроса, созданный здесь.</translation>
    </message>
    <message>
        <source>The time-stamping authority could not be verified with the CA certificate given.</source>
        <translation>Центр меток времени не удалось проверить по указанному сертификату УЦ.</translation>
    </message>
    <message>
        <source>Nothing was stored. Check that the certificate is the authority&apos;s own CA, or add the reply without one to keep it as not yet checked.</source>
        <translation>Ничего не сохранено. Убедитесь, что это сертификат УЦ самого центра, или добавьте ответ без него, чтобы сохранить его как ещё не проверенный.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Что-то пошло не так.</translation>
    </message>
    <message>
        <source>Nothing was changed. Please try again.</source>
        <translation>Ничего не изменено. Попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>Name</source>
        <translation>Имя файла</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Дата съёмки</translation>
    </message>
    <message>
        <source>Trusted time</source>
        <translation>Доверенное время</translation>
    </message>
    <message>
        <source>Not yet time-stamped: make a request in Vault → Trusted time.</source>
        <translation>Метки времени ещё нет: создайте запрос в меню Хранилище → Доверенное время.</translation>
    </message>
    <message>
        <source>verified against an authority you trust</source>
        <translation>проверено по центру, которому вы доверяете</translation>
    </message>
    <message>
        <source>not yet checked against a trusted authority</source>
        <translation>ещё не проверено по доверенному центру</translation>
    </message>
    <message>
        <source>Existed by {time}, time-stamped by {authority} ({checked}).</source>
        <translation>Существовал уже {time}, метка времени от {authority} ({checked}).</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Attach files…</source>
        <extracomment>A batch stored some of its items (``attach.Landed``); it goes on.</extracomment>
        <translation>Прикрепить файлы…</translation>
    </message>
    <message>
        <source>Add testimony…</source>
        <translation>Добавить показания…</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Записать…</translation>
    </message>
    <message>
        <source>Record a testimony from a microphone</source>
        <translation>Записать показания с микрофона</translation>
    </message>
    <message>
        <source>Add source text…</source>
        <translation>Добавить текст источника…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Read the item and compare it with the SHA-256 recorded when it was collected</source>
        <translation>Прочитать материал и сравнить с SHA-256, записанным при его сборе</translation>
    </message>
    <message>
        <source>Add them anyway</source>
        <translation>Всё равно добавить</translation>
    </message>
    <message>
        <source>Add the skipped files as new items although the incident already holds the same bytes</source>
        <translation>Добавить пропущенные файлы как новые материалы, хотя в инциденте уже есть те же байты</translation>
    </message>
    <message>
        <source>Drop files or folders here to attach them.</source>
        <translation>Перетащите сюда файлы или папки, чтобы прикрепить их.</translation>
    </message>
    <message>
        <source>Attach files to the incident</source>
        <translation>Прикрепить файлы к инциденту</translation>
    </message>
    <message>
        <source>Attaching files…</source>
        <translation>Прикрепляю файлы…</translation>
    </message>
    <message>
        <source>File {number} of {count}: {name}</source>
        <translation>Файл {number} из {count}: {name}</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} из {total}</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>осталось около %n секунды</numerusform>
            <numerusform>осталось около %n секунд</numerusform>
            <numerusform>осталось около %n секунд</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>осталось около %n минуты</numerusform>
            <numerusform>осталось около %n минут</numerusform>
            <numerusform>осталось около %n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attached: {n} of %n file(s).</source>
        <translation>
            <numerusform>Прикреплено: {n} из %n файла.</numerusform>
            <numerusform>Прикреплено: {n} из %n файлов.</numerusform>
            <numerusform>Прикреплено: {n} из %n файлов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Already in this incident, not added again: %n file(s) ({names}).</source>
        <translation>
            <numerusform>Уже есть в этом инциденте, повторно не добавлен: %n файл ({names}).</numerusform>
            <numerusform>Уже есть в этом инциденте, повторно не добавлены: %n файла ({names}).</numerusform>
            <numerusform>Уже есть в этом инциденте, повторно не добавлены: %n файлов ({names}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were already held in other incidents: stored once, and linked to this incident too.</source>
        <translation>
            <numerusform>%n файл уже хранился в других инцидентах: он сохранён один раз и привязан также к этому инциденту.</numerusform>
            <numerusform>%n файла уже хранились в других инцидентах: они сохранены один раз и привязаны также к этому инциденту.</numerusform>
            <numerusform>%n файлов уже хранились в других инцидентах: они сохранены один раз и привязаны также к этому инциденту.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not attached: {name}. {message} {hint}</source>
        <translation>Не прикреплён: {name}. {message} {hint}</translation>
    </message>
    <message>
        <source>Stopped; the remaining files were not attached.</source>
        <translation>Остановлено; остальные файлы не прикреплены.</translation>
    </message>
    <message>
        <source>Storing the text…</source>
        <translation>Сохраняю текст…</translation>
    </message>
    <message>
        <source>Added: {name}</source>
        <translation>Добавлено: {name}</translation>
    </message>
    <message>
        <source>Verifying {name}…</source>
        <translation>Проверяю {name}…</translation>
    </message>
    <message>
        <source>“{name}” is intact.</source>
        <translation>«{name}» не изменён.</translation>
    </message>
    <message>
        <source>Its content matches the SHA-256 recorded when it was collected:
{sha256}</source>
        <translation>Его содержимое совпадает с SHA-256, записанным при сборе:
{sha256}</translation>
    </message>
    <message>
        <source>“{name}” failed the check.</source>
        <translation>«{name}» не прошёл проверку.</translation>
    </message>
    <message>
        <source>Verify item</source>
        <translation>Проверка материала</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Export a bundle — kzarchive</source>
        <translation>Экспорт пакета — kzarchive</translation>
    </message>
</context>
<context>
    <name>ExportingPage</name>
    <message>
        <source>Exporting</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Signing and encrypting. Cancelling leaves no file.</source>
        <translation>Подписываю и шифрую. Если отменить, файл не останется.</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Записываю пакет…</translation>
    </message>
    <message>
        <source>Cancelled. No file was written.</source>
        <translation>Отменено. Файл не записан.</translation>
    </message>
</context>
<context>
    <name>FileViewer</name>
    <message>
        <source>kzarchive cannot show this kind of file. To open it in another program, extract it: it will then be written to disk unencrypted.</source>
        <translation>kzarchive не может показать файлы такого типа. Чтобы открыть его в другой программе, извлеките его: тогда он будет записан на диск в незашифрованном виде.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All violation types</source>
        <translation>Все виды нарушений</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>A year (2022), a month (2022-01) or a day (2022-01-05)</source>
        <translation>Год (2022), месяц (2022-01) или день (2022-01-05)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>KB</source>
        <translation>КБ</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>МБ</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>ГБ</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>ТБ</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n байт</numerusform>
            <numerusform>%n байта</numerusform>
            <numerusform>%n байт</numerusform>
        </translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>UTC: {moment}</source>
        <translation>UTC: {moment}</translation>
    </message>
    <message>
        <source>As recorded, time zone unknown: {moment}</source>
        <translation>Как записано, часовой пояс неизвестен: {moment}</translation>
    </message>
    <message>
        <source>As recorded: {moment}</source>
        <translation>Как записано: {moment}</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>No photos or videos in this incident.</source>
        <extracomment>Thumbnails decoded per worker task; small enough to show the first ones quickly. A viewer opened from here stored a new item (a redacted copy): the ``Item``.</extracomment>
        <translation>В этом инциденте нет фото и видео.</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Галерея</translation>
    </message>
    <message>
        <source>Gallery ({n})</source>
        <translation>Галерея ({n})</translation>
    </message>
</context>
<context>
    <name>HashRow</name>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the SHA-256 to the clipboard</source>
        <translation>Скопировать SHA-256 в буфер обмена</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Read the stored content again and compare it with its SHA-256</source>
        <translation>Заново прочитать сохранённое содержимое и сравнить с его SHA-256</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>The SHA-256 was copied.</source>
        <translation>SHA-256 скопирован.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверяю…</translation>
    </message>
    <message>
        <source>Verified: the stored content matches this SHA-256.</source>
        <translation>Проверено: сохранённое содержимое совпадает с этим SHA-256.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide — kzarchive</source>
        <translation>Руководство пользователя — kzarchive</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>This guide is part of the app; it needs no internet.</source>
        <translation>Руководство встроено в программу: интернет не нужен.</translation>
    </message>
</context>
<context>
    <name>IncidentDetailPanel</name>
    <message>
        <source>Select an incident to see it here.</source>
        <translation>Выберите инцидент, чтобы увидеть его здесь.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалы</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>Журнал хранения</translation>
    </message>
    <message>
        <source>Sent to partners</source>
        <translation>Отправлено партнёрам</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>дата не указана</translation>
    </message>
    <message>
        <source>place not recorded</source>
        <translation>место не указано</translation>
    </message>
    <message>
        <source>People ({n})</source>
        <translation>Люди ({n})</translation>
    </message>
    <message>
        <source>Items ({n})</source>
        <translation>Материалы ({n})</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Changes not saved yet.</source>
        <translation>Изменения ещё не сохранены.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>The incident has changes that are not saved yet.</source>
        <translation>В инциденте есть несохранённые изменения.</translation>
    </message>
    <message>
        <source>Save them, discard them, or stay to go on editing.</source>
        <translation>Сохраните их, отбросьте или останьтесь, чтобы продолжить редактирование.</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>What happened, in a few words</source>
        <translation>Что произошло, в нескольких словах</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>end, if any: YYYY-MM-DD</source>
        <translation>конец, если есть: ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>latitude, e.g. 43.2383</source>
        <translation>широта, напр. 43.2383</translation>
    </message>
    <message>
        <source>longitude, e.g. 76.9454</source>
        <translation>долгота, напр. 76.9454</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>через запятую</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Где:</translation>
    </message>
    <message>
        <source>Coordinates:</source>
        <translation>Координаты:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Violations:</source>
        <translation>Нарушения:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <source>year</source>
        <translation>год</translation>
    </message>
    <message>
        <source>month</source>
        <translation>месяц</translation>
    </message>
    <message>
        <source>day</source>
        <translation>день</translation>
    </message>
    <message>
        <source>day and time</source>
        <translation>день и время</translation>
    </message>
    <message>
        <source>Give the incident a title.</source>
        <translation>Дайте инциденту название.</translation>
    </message>
    <message>
        <source>The start date is not a date. Write it as 2022-01-05, 2022-01, 2022 or 2022-01-05T14:30.</source>
        <translation>Дата начала указана неверно. Запишите её как 2022-01-05, 2022-01, 2022 или 2022-01-05T14:30.</translation>
    </message>
    <message>
        <source>The end date is not a date. Write it as 2022-01-05, 2022-01, 2022 or 2022-01-05T14:30.</source>
        <translation>Дата окончания указана неверно. Запишите её как 2022-01-05, 2022-01, 2022 или 2022-01-05T14:30.</translation>
    </message>
    <message>
        <source>The latitude must be a number from -90 to 90.</source>
        <translation>Широта должна быть числом от -90 до 90.</translation>
    </message>
    <message>
        <source>The longitude must be a number from -180 to 180.</source>
        <translation>Долгота должна быть числом от -180 до 180.</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Материалы</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation>Инциденты</translation>
    </message>
    <message>
        <source>Choose the incidents to send. Each goes with its people, items and custody log.</source>
        <translation>Выберите инциденты для отправки. Каждый отправляется вместе с людьми, материалами и журналом хранения.</translation>
    </message>
    <message>
        <source>Loading the incidents…</source>
        <translation>Загружаю инциденты…</translation>
    </message>
</context>
<context>
    <name>ItemInfoPanel</name>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>File type:</source>
        <translation>Тип файла:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <source>Captured:</source>
        <translation>Снято:</translation>
    </message>
    <message>
        <source>Collected:</source>
        <translation>Собрано:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Камера:</translation>
    </message>
    <message>
        <source>Dimensions:</source>
        <translation>Размеры:</translation>
    </message>
    <message>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} пикселей</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Длительность:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Местоположение:</translation>
    </message>
    <message>
        <source>Witness:</source>
        <translation>Свидетель:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <source>Derived:</source>
        <translation>Получено из:</translation>
    </message>
    <message>
        <source>redacted copy of {name}</source>
        <translation>обезличенная копия файла {name}</translation>
    </message>
    <message>
        <source>copy made from {name}</source>
        <translation>копия файла {name}</translation>
    </message>
    <message>
        <source>redacted copy of item {ident}</source>
        <translation>обезличенная копия материала {ident}</translation>
    </message>
    <message>
        <source>copy made from item {ident}</source>
        <translation>копия материала {ident}</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Внимание:</translation>
    </message>
    <message>
        <source>This photo contains its location. Anyone who gets the original file can see where it was taken.</source>
        <translation>В этом фото записано место съёмки. Любой, кто получит исходный файл, увидит, где оно сделано.</translation>
    </message>
    <message>
        <source>This file contains its location. Anyone who gets the original file can see where it was made.</source>
        <translation>В этом файле записано место, где он создан. Любой, кто получит исходный файл, увидит, где это было.</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>MainToolBar</name>
    <message>
        <source>Main actions</source>
        <translation>Основные действия</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Новый инцидент</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Экспорт пакета</translation>
    </message>
    <message>
        <source>Open bundle</source>
        <translation>Открыть пакет</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kzarchive</source>
        <translation>kzarchive</translation>
    </message>
    <message>
        <source>Search titles, places, testimony and notes…</source>
        <translation>Поиск по названиям, местам, показаниям и заметкам…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>&amp;Close vault</source>
        <translation>За&amp;крыть хранилище</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Инцидент</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>V&amp;iew</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>&amp;About kzarchive</source>
        <translation>&amp;О программе kzarchive</translation>
    </message>
    <message>
        <source>Incidents found: {n}</source>
        <translation>Найдено инцидентов: {n}</translation>
    </message>
    <message>
        <source>Incidents: {n}</source>
        <translation>Инцидентов: {n}</translation>
    </message>
    <message>
        <source>&amp;Partners…</source>
        <translation>Па&amp;ртнёры…</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>&amp;Экспорт пакета…</translation>
    </message>
    <message>
        <source>&amp;Open bundle…</source>
        <translation>&amp;Открыть пакет…</translation>
    </message>
    <message>
        <source>Add &amp;receipt…</source>
        <translation>Добавить к&amp;витанцию…</translation>
    </message>
    <message>
        <source>C&amp;hange passphrase…</source>
        <translation>С&amp;менить парольную фразу…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Panic &amp;wipe…</source>
        <translation>Экстренное &amp;уничтожение…</translation>
    </message>
    <message>
        <source>E&amp;xport selected incidents…</source>
        <translation>&amp;Экспорт выбранных инцидентов…</translation>
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation>Сохранить &amp;отчёт…</translation>
    </message>
    <message>
        <source>&amp;New incident…</source>
        <translation>Н&amp;овый инцидент…</translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>&amp;Прикрепить файлы…</translation>
    </message>
    <message>
        <source>Add &amp;testimony…</source>
        <translation>&amp;Добавить показания…</translation>
    </message>
    <message>
        <source>&amp;Record testimony…</source>
        <translation>&amp;Записать показания…</translation>
    </message>
    <message>
        <source>Add &amp;source text…</source>
        <translation>Добавить &amp;текст источника…</translation>
    </message>
    <message>
        <source>&amp;Verify vault…</source>
        <translation>&amp;Проверить хранилище…</translation>
    </message>
    <message>
        <source>C&amp;ustody log…</source>
        <translation>&amp;Журнал хранения…</translation>
    </message>
    <message>
        <source>&amp;Trusted time…</source>
        <translation>&amp;Доверенное время…</translation>
    </message>
    <message>
        <source>About kzarchive</source>
        <translation>О программе kzarchive</translation>
    </message>
    <message>
        <source>kzarchive {version}</source>
        <translation>kzarchive {version}</translation>
    </message>
    <message>
        <source>A secure, offline evidence archive for human-rights documenters.

This vault&apos;s fingerprint:
{fingerprint}</source>
        <translation>Защищённый автономный архив доказательств для правозащитников, документирующих нарушения.

Отпечаток этого хранилища:
{fingerprint}</translation>
    </message>
</context>
<context>
    <name>MediaViewer</name>
    <message>
        <source>Position</source>
        <translation>Позиция</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>This recording cannot be played in kzarchive. To play it in another program, extract it: it will then be written to disk unencrypted.</source>
        <translation>Эту запись нельзя воспроизвести в kzarchive. Чтобы воспроизвести её в другой программе, извлеките её: тогда она будет записана на диск в незашифрованном виде.</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <source>New incident</source>
        <translation>Новый инцидент</translation>
    </message>
    <message>
        <source>Create incident</source>
        <translation>Создать инцидент</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>What to include</source>
        <translation>Что включить</translation>
    </message>
    <message>
        <source>The safe choices are already made; change them only when the recipient needs more.</source>
        <translation>Безопасные варианты уже выбраны; меняйте их, только если получателю нужно больше.</translation>
    </message>
    <message>
        <source>Send photos as originals, with all their metadata</source>
        <translation>Отправлять фото в исходном виде, со всеми метаданными</translation>
    </message>
    <message>
        <source>Include people&apos;s real names</source>
        <translation>Включить настоящие имена людей</translation>
    </message>
    <message>
        <source>Include GPS positions in the item descriptions</source>
        <translation>Включить GPS-координаты в описания материалов</translation>
    </message>
    <message>
        <source>Warning: these photos hold a GPS position in their own bytes. As originals, they reveal where they were taken, whatever you choose below:</source>
        <translation>Внимание: в самих файлах этих фото записаны GPS-координаты. В исходном виде они покажут, где сделаны снимки, что бы вы ни выбрали ниже:</translation>
    </message>
    <message>
        <source>Otherwise photos go as sanitized copies: the same picture, upright, with no camera data, time or position in the file.</source>
        <translation>Иначе фото отправляются очищенными копиями: то же изображение, правильно повёрнутое, без данных камеры, времени и координат в файле.</translation>
    </message>
    <message>
        <source>Otherwise only pseudonyms are sent. Send real names only with the person&apos;s consent, and only to whom it covers.</source>
        <translation>Иначе отправляются только псевдонимы. Отправляйте настоящие имена только с согласия человека и только тем, на кого это согласие распространяется.</translation>
    </message>
    <message>
        <source>Otherwise positions read from the files are left out of the bundle&apos;s descriptions.</source>
        <translation>Иначе координаты, прочитанные из файлов, не попадут в описания пакета.</translation>
    </message>
</context>
<context>
    <name>PanicWipeDialog</name>
    <message>
        <source>Panic wipe — kzarchive</source>
        <translation>Экстренное уничтожение — kzarchive</translation>
    </message>
    <message>
        <source>WIPE</source>
        <translation>УНИЧТОЖИТЬ</translation>
    </message>
    <message>
        <source>Destroy the vault now</source>
        <translation>Уничтожить хранилище сейчас</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Destroy this vault</source>
        <translation>Уничтожить это хранилище</translation>
    </message>
    <message>
        <source>This destroys the vault in {folder} at once. First its keys are overwritten, so nothing in it can ever be decrypted again, not even with the passphrase or the recovery code; then all its files are removed. There is no undo.</source>
        <translation>Хранилище в папке {folder} будет уничтожено немедленно. Сначала перезаписываются его ключи, так что ничего из него больше никогда не удастся расшифровать — ни парольной фразой, ни кодом восстановления; затем удаляются все его файлы. Отменить это нельзя.</translation>
    </message>
    <message>
        <source>Bundles you already sent stay with your partners. Any copy or backup of this vault elsewhere is not touched.</source>
        <translation>Уже отправленные пакеты остаются у ваших партнёров. Копии и резервные копии этого хранилища в других местах не затрагиваются.</translation>
    </message>
    <message>
        <source>To confirm, type {word}:</source>
        <translation>Для подтверждения введите {word}:</translation>
    </message>
</context>
<context>
    <name>PartnersWindow</name>
    <message>
        <source>Partners — kzarchive</source>
        <translation>Партнёры — kzarchive</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Your identity</source>
        <translation>Ваши данные</translation>
    </message>
    <message>
        <source>Your fingerprint</source>
        <translation>Ваш отпечаток</translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation>Копировать отпечаток</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Export contact card…</source>
        <translation>Экспорт карточки контакта…</translation>
    </message>
    <message>
        <source>Your encryption key (age recipient):</source>
        <translation>Ваш ключ шифрования (получатель age):</translation>
    </message>
    <message>
        <source>Partners compare this fingerprint with you, in person or by phone, before they trust bundles you send. Give them your contact card.</source>
        <translation>Партнёры сверяют с вами этот отпечаток лично или по телефону, прежде чем доверять пакетам от вас. Дайте им свою карточку контакта.</translation>
    </message>
    <message>
        <source>Save your contact card</source>
        <translation>Сохранить карточку контакта</translation>
    </message>
    <message>
        <source>Contact cards (*.kzcard)</source>
        <translation>Карточки контактов (*.kzcard)</translation>
    </message>
    <message>
        <source>Your contact card was saved as {name}. It holds only public keys: give it to your partners on a USB stick or by any channel.</source>
        <translation>Ваша карточка контакта сохранена как {name}. В ней только открытые ключи: передайте её партнёрам на флешке или любым другим способом.</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Партнёры</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Доверие</translation>
    </message>
    <message>
        <source>Import contact card…</source>
        <translation>Импорт карточки контакта…</translation>
    </message>
    <message>
        <source>Add partner with only age…</source>
        <translation>Добавить партнёра только с age…</translation>
    </message>
    <message>
        <source>Compare and verify…</source>
        <translation>Сверить и подтвердить…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>kzarchive contact card</source>
        <translation>карточка kzarchive</translation>
    </message>
    <message>
        <source>age keys only</source>
        <translation>только ключи age</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Подтверждён</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Не подтверждён</translation>
    </message>
    <message>
        <source>Compare the fingerprint with them before you send them anything or trust what they send.</source>
        <translation>Сверьте с ним отпечаток, прежде чем что-либо отправлять или доверять тому, что он присылает.</translation>
    </message>
    <message>
        <source>{name} was added, not yet verified. Compare the fingerprints with them in person or by phone: select them and choose Compare and verify.</source>
        <translation>{name}: добавлен, но ещё не подтверждён. Сверьте с ним отпечатки лично или по телефону: выберите его и нажмите «Сверить и подтвердить».</translation>
    </message>
    <message>
        <source>Choose a partner&apos;s contact card</source>
        <translation>Выберите карточку контакта партнёра</translation>
    </message>
    <message>
        <source>Contact cards, any file name (*)</source>
        <translation>Карточки контактов, любое имя файла (*)</translation>
    </message>
    <message>
        <source>Contact cards named by kzarchive (*.kzcard)</source>
        <translation>Карточки контактов с именем от kzarchive (*.kzcard)</translation>
    </message>
    <message>
        <source>{name} is verified. You can now send them bundles and trust bundles they sign.</source>
        <translation>{name}: подтверждён. Теперь вы можете отправлять ему пакеты и доверять пакетам, которые он подписывает.</translation>
    </message>
    <message>
        <source>Remove partner</source>
        <translation>Удаление партнёра</translation>
    </message>
    <message>
        <source>Remove {name} from your partners?</source>
        <translation>Удалить {name} из ваших партнёров?</translation>
    </message>
    <message>
        <source>You will no longer be able to send them bundles, and bundles they sign will no longer count as from a verified contact. Evidence already received stays.</source>
        <translation>Вы больше не сможете отправлять ему пакеты, а пакеты с его подписью больше не будут считаться полученными от подтверждённого контакта. Уже полученные материалы останутся.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>{name} was removed.</source>
        <translation>{name}: удалён.</translation>
    </message>
</context>
<context>
    <name>PassphraseForm</name>
    <message>
        <source>Show the passphrase</source>
        <translation>Показать парольную фразу</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Too short: use at least {n} characters.</source>
        <translation>Слишком коротко: нужно не меньше {n} символов.</translation>
    </message>
    <message>
        <source>Weak: add another word or two.</source>
        <translation>Слабая: добавьте ещё одно-два слова.</translation>
    </message>
    <message>
        <source>Fair: acceptable, but a longer passphrase is safer.</source>
        <translation>Средняя: допустимо, но более длинная фраза надёжнее.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Надёжная.</translation>
    </message>
    <message>
        <source>Use at least {n} characters; a few unrelated words are best.</source>
        <translation>Не меньше {n} символов; лучше всего несколько не связанных между собой слов.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Фразы не совпадают.</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Страница целиком</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message>
        <source>This PDF is protected by a password, so kzarchive cannot show it. To open it in another program, extract it: it will then be written to disk unencrypted.</source>
        <translation>Этот PDF защищён паролем, поэтому kzarchive не может его показать. Чтобы открыть его в другой программе, извлеките его: тогда он будет записан на диск в незашифрованном виде.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown in kzarchive; it may be damaged. To open it in another program, extract it: it will then be written to disk unencrypted.</source>
        <translation>Этот PDF нельзя показать в kzarchive; возможно, он повреждён. Чтобы открыть его в другой программе, извлеките его: тогда он будет записан на диск в незашифрованном виде.</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>Pseudonym</source>
        <translation>Псевдоним</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Настоящее имя</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Добавить человека…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Show real names</source>
        <translation>Показать настоящие имена</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>не дано</translation>
    </message>
    <message>
        <source>given</source>
        <translation>дано</translation>
    </message>
    <message>
        <source>Hide real names</source>
        <translation>Скрыть настоящие имена</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Изменить данные человека</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Добавить человека</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Согласие дано</translation>
    </message>
    <message>
        <source>e.g. use in reports, no photos</source>
        <translation>напр.: использовать в отчётах, без фото</translation>
    </message>
    <message>
        <source>Pseudonym:</source>
        <translation>Псевдоним:</translation>
    </message>
    <message>
        <source>The name used everywhere. Never put a real name here.</source>
        <translation>Имя, которое используется везде. Никогда не пишите здесь настоящее имя.</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>Real name:</source>
        <translation>Настоящее имя:</translation>
    </message>
    <message>
        <source>Optional. Kept encrypted, hidden in lists, and left out of exports unless chosen.</source>
        <translation>Необязательно. Хранится зашифрованным, скрыто в списках и не попадает в экспорт, если это не выбрано.</translation>
    </message>
    <message>
        <source>Consent scope:</source>
        <translation>Объём согласия:</translation>
    </message>
    <message>
        <source>Consent date:</source>
        <translation>Дата согласия:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <source>Give a pseudonym.</source>
        <translation>Укажите псевдоним.</translation>
    </message>
    <message>
        <source>The consent date is not a date. Write it as 2022-01-05.</source>
        <translation>Дата согласия указана неверно. Запишите её как 2022-01-05.</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Opening the photo…</source>
        <extracomment>A redacted copy was saved as a new item (the ``Item``).</extracomment>
        <translation>Открываю фото…</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Вписать</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>Повернуть влево</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>Повернуть вправо</translation>
    </message>
    <message>
        <source>Redact…</source>
        <translation>Обезличить…</translation>
    </message>
    <message>
        <source>Cover faces, tattoos or name tags with black boxes in a new copy</source>
        <translation>Закрыть лица, татуировки или бейджи чёрными прямоугольниками в новой копии</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>This photo&apos;s format cannot be shown in kzarchive. To open it in another program, extract it: it will then be written to disk unencrypted.</source>
        <translation>Формат этого фото нельзя показать в kzarchive. Чтобы открыть его в другой программе, извлеките его: тогда он будет записан на диск в незашифрованном виде.</translation>
    </message>
    <message>
        <source>The redacted copy was saved as a new item: {name}. The original is unchanged.</source>
        <translation>Обезличенная копия сохранена как новый материал: {name}. Оригинал не изменён.</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <source>This receipt was made for another vault: only the vault that sent the bundle can open it.</source>
        <translation>Эта квитанция сделана для другого хранилища: открыть её может только хранилище, отправившее пакет.</translation>
    </message>
    <message>
        <source>This receipt is signed by someone who is not one of your partners.</source>
        <translation>Эта квитанция подписана тем, кого нет среди ваших партнёров.</translation>
    </message>
    <message>
        <source>This receipt names another partner than the one who signed it.</source>
        <translation>В квитанции указан не тот партнёр, который её подписал.</translation>
    </message>
    <message>
        <source>This receipt is signed by {name}, whose fingerprint you have not verified. Compare it with them, mark the contact verified, then add the receipt again.</source>
        <translation>Квитанция подписана контактом {name}, отпечаток которого вы не подтвердили. Сверьте его с ним, отметьте контакт подтверждённым и добавьте квитанцию снова.</translation>
    </message>
    <message>
        <source>This receipt confirms a bundle that another vault sent, not this one.</source>
        <translation>Эта квитанция подтверждает пакет, который отправило другое хранилище, а не это.</translation>
    </message>
    <message>
        <source>This vault never sent the bundle {bundle_id} that the receipt names.</source>
        <translation>Это хранилище никогда не отправляло пакет {bundle_id}, указанный в квитанции.</translation>
    </message>
    <message>
        <source>The partner received a different or altered bundle: the receipt names another bundle hash than the bundle {bundle_id} this vault sent. Send it again and ask for a new receipt.</source>
        <translation>Партнёр получил другой или изменённый пакет: в квитанции указан иной хеш, чем у пакета {bundle_id}, отправленного этим хранилищем. Отправьте его снова и попросите новую квитанцию.</translation>
    </message>
    <message>
        <source>The bundle {bundle_id} was not sent to {name}, who signed this receipt.</source>
        <translation>Пакет {bundle_id} не отправлялся контакту {name}, который подписал эту квитанцию.</translation>
    </message>
    <message>
        <source>{name} already confirmed the bundle {bundle_id} with another receipt; the first one is kept.</source>
        <translation>{name} уже подтвердил пакет {bundle_id} другой квитанцией; сохранена первая.</translation>
    </message>
    <message>
        <source>This bundle was made for other recipients and passed on to you: a receipt confirms a hand-off only to a recipient.</source>
        <translation>Этот пакет сделан для других получателей и передан вам дальше: квитанция подтверждает передачу только получателю.</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Ничего не записано.</translation>
    </message>
    <message>
        <source>The receipt is damaged or was altered: its encryption, signature or content does not hold.</source>
        <translation>Квитанция повреждена или изменена: её шифрование, подпись или содержимое не проходят проверку.</translation>
    </message>
    <message>
        <source>Nothing was recorded. Ask the partner for a new receipt; do not trust this file.</source>
        <translation>Ничего не записано. Попросите у партнёра новую квитанцию; не доверяйте этому файлу.</translation>
    </message>
    <message>
        <source>kzarchive receipts (*.kzr)</source>
        <translation>Квитанции kzarchive (*.kzr)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Сохранить квитанцию</translation>
    </message>
    <message>
        <source>Receipt for {name} saved as {file}. Send it to them: only their vault can open it.</source>
        <translation>Квитанция для {name} сохранена как {file}. Отправьте её им: открыть её может только их хранилище.</translation>
    </message>
    <message>
        <source>This receipt from {name} was added before; nothing changed.</source>
        <translation>Эта квитанция от {name} уже была добавлена; ничего не изменилось.</translation>
    </message>
    <message>
        <source>{name} confirmed that the bundle {bundle_id} arrived and verified. It is logged in the custody log of each incident the bundle carried.</source>
        <translation>{name} подтвердил, что пакет {bundle_id} получен и прошёл проверку. Это записано в журнал хранения каждого инцидента из пакета.</translation>
    </message>
    <message>
        <source>Add a partner&apos;s receipt</source>
        <translation>Добавить квитанцию партнёра</translation>
    </message>
    <message>
        <source>Receipt added</source>
        <translation>Квитанция добавлена</translation>
    </message>
    <message>
        <source>Receipt not added</source>
        <translation>Квитанция не добавлена</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <source>Only the chosen partners can open the bundle (and you).</source>
        <translation>Открыть пакет смогут только выбранные партнёры (и вы).</translation>
    </message>
    <message>
        <source>Only verified partners can receive bundles. To verify one, compare fingerprints with them in Vault → Partners…</source>
        <translation>Пакеты можно отправлять только подтверждённым партнёрам. Чтобы подтвердить партнёра, сверьте с ним отпечатки в меню Хранилище → Партнёры…</translation>
    </message>
    <message>
        <source>You have no verified partner yet. Add their contact card and compare fingerprints in Vault → Partners… first.</source>
        <translation>У вас пока нет подтверждённых партнёров. Сначала добавьте их карточку контакта и сверьте отпечатки в меню Хранилище → Партнёры…</translation>
    </message>
    <message>
        <source>{name} — not verified</source>
        <translation>{name} — не подтверждён</translation>
    </message>
    <message>
        <source>Compare fingerprints with them in Vault → Partners… to send them bundles.</source>
        <translation>Чтобы отправлять ему пакеты, сверьте с ним отпечатки в меню Хранилище → Партнёры…</translation>
    </message>
</context>
<context>
    <name>RecordTestimonyDialog</name>
    <message>
        <source>Record testimony</source>
        <translation>Запись показаний</translation>
    </message>
    <message>
        <source>No microphone was found. Connect one (or allow this app to use it in the system&apos;s privacy settings), then open this window again. A testimony can also be typed: Add testimony…</source>
        <translation>Микрофон не найден. Подключите его (или разрешите этой программе им пользоваться в настройках конфиденциальности системы) и откройте это окно снова. Показания можно и напечатать: «Добавить показания…»</translation>
    </message>
    <message>
        <source>pseudonym, never a real name</source>
        <translation>псевдоним, никогда не настоящее имя</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>не указан</translation>
    </message>
    <message>
        <source>Microphone:</source>
        <translation>Микрофон:</translation>
    </message>
    <message>
        <source>Witness:</source>
        <translation>Свидетель:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <source>Consent, before the testimony</source>
        <translation>Согласие, до показаний</translation>
    </message>
    <message>
        <source>No consent statement now</source>
        <translation>Без заявления о согласии</translation>
    </message>
    <message>
        <source>Spoken: record the witness&apos;s consent first</source>
        <translation>Устно: сначала записать согласие свидетеля</translation>
    </message>
    <message>
        <source>Typed: the consent statement below</source>
        <translation>Письменно: заявление о согласии ниже</translation>
    </message>
    <message>
        <source>e.g. I agree that my testimony is recorded and kept by this organisation.</source>
        <translation>например: Я согласен(на), чтобы мои показания записала и хранила эта организация.</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>Уровень входного сигнала</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Уровень:</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>Остановить и сохранить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Record the consent</source>
        <translation>Записать согласие</translation>
    </message>
    <message>
        <source>Record the testimony</source>
        <translation>Записать показания</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово к записи</translation>
    </message>
    <message>
        <source>Nothing to record from</source>
        <translation>Записывать не с чего</translation>
    </message>
    <message>
        <source>Recording the consent…</source>
        <translation>Идёт запись согласия…</translation>
    </message>
    <message>
        <source>Recording the testimony…</source>
        <translation>Идёт запись показаний…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Saving the recording…</source>
        <translation>Запись сохраняется…</translation>
    </message>
    <message>
        <source>Name the witness (a pseudonym) whose consent this is.</source>
        <translation>Укажите свидетеля (псевдоним), чьё это согласие.</translation>
    </message>
    <message>
        <source>Type the consent statement first.</source>
        <translation>Сначала напечатайте заявление о согласии.</translation>
    </message>
    <message>
        <source>The recording reached the longest a WAV file can hold and was saved there. Start a new recording to go on.</source>
        <translation>Запись достигла предельной длины файла WAV и сохранена на этом месте. Чтобы продолжить, начните новую запись.</translation>
    </message>
    <message>
        <source>The consent is saved. Now record the testimony.</source>
        <translation>Согласие сохранено. Теперь запишите показания.</translation>
    </message>
    <message>
        <source>Stop the recording first: it is saved when it stops.</source>
        <translation>Сначала остановите запись: она сохраняется при остановке.</translation>
    </message>
</context>
<context>
    <name>RedactionWindow</name>
    <message>
        <source>Redact {name} — kzarchive</source>
        <extracomment>A drag shorter than this (in image pixels) is a click, not a box. The redacted copy was stored (the new ``Item``).</extracomment>
        <translation>Обезличивание: {name} — kzarchive</translation>
    </message>
    <message>
        <source>Remove box</source>
        <translation>Убрать прямоугольник</translation>
    </message>
    <message>
        <source>Save redacted copy</source>
        <translation>Сохранить обезличенную копию</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Drag over each face, tattoo, name tag or anything else that identifies a person. The boxes become solid black in a new copy; the original photo is kept unchanged.</source>
        <translation>Обведите мышью каждое лицо, татуировку, бейдж и всё остальное, по чему можно узнать человека. В новой копии эти прямоугольники станут сплошь чёрными; исходное фото останется без изменений.</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Прямоугольники</translation>
    </message>
    <message>
        <source>Box {n}: {width} × {height} at {x}, {y}</source>
        <translation>№ {n}: {width} × {height} в точке {x}, {y}</translation>
    </message>
    <message>
        <source>Saving the redacted copy…</source>
        <translation>Сохраняю обезличенную копию…</translation>
    </message>
</context>
<context>
    <name>RenameContactDialog</name>
    <message>
        <source>Rename partner</source>
        <translation>Переименовать партнёра</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое имя:</translation>
    </message>
</context>
<context>
    <name>SaveReportDialog</name>
    <message>
        <source>Save report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <source>A printable report (PDF) of this bundle and of what its check found: the verdict, the signer, every item with its SHA-256, the custody timeline, and how to check it all again with standard tools.</source>
        <translation>Отчёт для печати (PDF) об этом пакете и о том, что показала его проверка: заключение, подписант, каждый материал с его SHA-256, хронология хранения и как всё перепроверить стандартными программами.</translation>
    </message>
    <message numerus="yes">
        <source>A printable report (PDF) of %n incident(s): every item is read and compared with its SHA-256 and the custody log is checked first. It lists the verdict, every item with its SHA-256, the custody timeline and how to check it all again.</source>
        <translation>
            <numerusform>Отчёт для печати (PDF) о %n инциденте: сначала каждый материал читается и сверяется с его SHA-256, проверяется журнал хранения. В отчёте — заключение, каждый материал с его SHA-256, хронология хранения и как всё перепроверить.</numerusform>
            <numerusform>Отчёт для печати (PDF) о %n инцидентах: сначала каждый материал читается и сверяется с его SHA-256, проверяется журнал хранения. В отчёте — заключение, каждый материал с его SHA-256, хронология хранения и как всё перепроверить.</numerusform>
            <numerusform>Отчёт для печати (PDF) о %n инцидентах: сначала каждый материал читается и сверяется с его SHA-256, проверяется журнал хранения. В отчёте — заключение, каждый материал с его SHA-256, хронология хранения и как всё перепроверить.</numerusform>
        </translation>
    </message>
    <message>
        <source>The report names the incidents and their items: keep it as carefully as the evidence. It is written only where you choose, and the custody log records it.</source>
        <translation>В отчёте названы инциденты и их материалы: храните его так же бережно, как доказательства. Он записывается только туда, куда вы укажете, и это отмечается в журнале хранения.</translation>
    </message>
    <message>
        <source>Include people&apos;s real names (default: pseudonyms only)</source>
        <translation>Включить настоящие имена людей (по умолчанию только псевдонимы)</translation>
    </message>
    <message>
        <source>Include GPS positions and coordinates</source>
        <translation>Включить координаты и данные GPS</translation>
    </message>
    <message>
        <source>Language of the report:</source>
        <translation>Язык отчёта:</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Сохранить отчёт…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Сохранить отчёт как</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Checking and writing the report…</source>
        <translation>Проверка и запись отчёта…</translation>
    </message>
    <message numerus="yes">
        <source>Saved to {path}: %n page(s). Every page carries this hash: {sha}</source>
        <translation>
            <numerusform>Сохранено в {path}: %n страница. На каждой странице этот хеш: {sha}</numerusform>
            <numerusform>Сохранено в {path}: %n страницы. На каждой странице этот хеш: {sha}</numerusform>
            <numerusform>Сохранено в {path}: %n страниц. На каждой странице этот хеш: {sha}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentPanel</name>
    <message>
        <source>This incident has not been sent to partners yet.</source>
        <translation>Этот инцидент ещё не отправлялся партнёрам.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Bundle hash (SHA-256 of its signed tag manifest): {hash}</source>
        <translation>Хеш пакета (SHA-256 его подписанного манифеста служебных файлов): {hash}</translation>
    </message>
    <message>
        <source>No receipt yet</source>
        <translation>Квитанции пока нет</translation>
    </message>
    <message numerus="yes">
        <source>Received and verified: %n file(s)</source>
        <translation>
            <numerusform>Получено и проверено: %n файл</numerusform>
            <numerusform>Получено и проверено: %n файла</numerusform>
            <numerusform>Получено и проверено: %n файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received and verified, with %n warning(s)</source>
        <translation>
            <numerusform>Получено и проверено, %n предупреждение</numerusform>
            <numerusform>Получено и проверено, %n предупреждения</numerusform>
            <numerusform>Получено и проверено, %n предупреждений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — kzarchive</source>
        <translation>Настройки — kzarchive</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Send photos as originals, with all their metadata</source>
        <translation>Отправлять фото в исходном виде, со всеми метаданными</translation>
    </message>
    <message>
        <source>Include GPS positions in the item descriptions</source>
        <translation>Включать GPS-координаты в описания материалов</translation>
    </message>
    <message>
        <source>Interface and locking</source>
        <translation>Интерфейс и блокировка</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Applies at once: the window is rebuilt in the new language.</source>
        <translation>Действует сразу: окно перестраивается на новом языке.</translation>
    </message>
    <message>
        <source>Lock after:</source>
        <translation>Блокировать через:</translation>
    </message>
    <message>
        <source>Minutes without keyboard or mouse input before the vault locks itself. Applies at once.</source>
        <translation>Сколько минут без действий с клавиатурой или мышью должно пройти, прежде чем хранилище заблокируется само. Действует сразу.</translation>
    </message>
    <message>
        <source>Export: starting choices</source>
        <translation>Экспорт: исходные настройки</translation>
    </message>
    <message>
        <source>The export wizard starts with these; you can change them for each bundle. Real names are never a starting choice: tick them in the wizard when a person&apos;s consent covers it.</source>
        <translation>Мастер экспорта начинает с этих настроек; для каждого пакета их можно изменить. Настоящие имена никогда не включаются по умолчанию: отметьте их в мастере, когда это покрывается согласием человека.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>SimilarItemsPanel</name>
    <message>
        <source>Similar items</source>
        <extracomment>The id of a listed item the person chose to open.</extracomment>
        <translation>Похожие материалы</translation>
    </message>
    <message>
        <source>Looking for copies of this picture…</source>
        <translation>Ищу копии этого изображения…</translation>
    </message>
    <message>
        <source>Double-click to open the item</source>
        <translation>Дважды щёлкните, чтобы открыть материал</translation>
    </message>
    <message>
        <source>No other item in the vault shows this picture.</source>
        <translation>Ни один другой материал в хранилище не показывает это изображение.</translation>
    </message>
    <message>
        <source>Each copy stays its own item, with its own source and custody.</source>
        <translation>Каждая копия остаётся отдельным материалом со своим источником и журналом хранения.</translation>
    </message>
    <message>
        <source>Copies could not be looked for: {reason}</source>
        <translation>Не удалось найти копии: {reason}</translation>
    </message>
    <message>
        <source>Exact copy (the same bytes)</source>
        <translation>Точная копия (те же байты)</translation>
    </message>
    <message>
        <source>Distance {distance} of 256</source>
        <translation>Расстояние {distance} из 256</translation>
    </message>
    <message>
        <source>received from a partner</source>
        <translation>получено от партнёра</translation>
    </message>
    <message>
        <source>collected here</source>
        <translation>собрано здесь</translation>
    </message>
    <message>
        <source>{how}: {name}
Incident: {incident} · {where}</source>
        <translation>{how}: {name}
Инцидент: {incident} · {where}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>The bundle is ready</source>
        <translation>Пакет готов</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Материал</translation>
    </message>
    <message>
        <source>Sent as</source>
        <translation>Отправлен как</translation>
    </message>
    <message>
        <source>SHA-256 of what was sent</source>
        <translation>SHA-256 отправленного</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Bundle hash (SHA-256 of its signed tag manifest). It names this bundle in your custody log, and in the recipient&apos;s once they import it.</source>
        <translation>Хеш пакета (SHA-256 его подписанного манифеста служебных файлов). По нему этот пакет записан в вашем журнале хранения, а после импорта — и в журнале получателя.</translation>
    </message>
    <message>
        <source>Saved as {path} ({size}), for {names}.</source>
        <translation>Сохранено как {path} ({size}) для: {names}.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Оригинал</translation>
    </message>
    <message>
        <source>Sanitized copy</source>
        <translation>Очищенная копия</translation>
    </message>
    <message>
        <source>Withheld: its redacted copy was sent</source>
        <translation>Не отправлен: вместо него отправлена обезличенная копия</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Save the bundle</source>
        <translation>Сохранение пакета</translation>
    </message>
    <message>
        <source>The bundle is one encrypted file: carry it on a USB stick or send it by any channel.</source>
        <translation>Пакет — это один зашифрованный файл: перенесите его на флешке или отправьте любым способом.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Ready to export</source>
        <translation>Всё готово к экспорту</translation>
    </message>
    <message>
        <source>Incidents: {n}</source>
        <translation>Инцидентов: {n}</translation>
    </message>
    <message>
        <source>For: {names}</source>
        <translation>Для: {names}</translation>
    </message>
    <message>
        <source>Photos: originals</source>
        <translation>Фото: оригиналы</translation>
    </message>
    <message>
        <source>Photos: sanitized copies</source>
        <translation>Фото: очищенные копии</translation>
    </message>
    <message>
        <source>Real names: included</source>
        <translation>Настоящие имена: включены</translation>
    </message>
    <message>
        <source>Real names: not included</source>
        <translation>Настоящие имена: не включены</translation>
    </message>
    <message>
        <source>GPS positions: included</source>
        <translation>GPS-координаты: включены</translation>
    </message>
    <message numerus="yes">
        <source>GPS positions: inside %n original photo(s); left out of the descriptions</source>
        <translation>
            <numerusform>GPS-координаты: в %n оригинальной фотографии; в описания не включены</numerusform>
            <numerusform>GPS-координаты: в %n оригинальных фотографиях; в описания не включены</numerusform>
            <numerusform>GPS-координаты: в %n оригинальных фотографиях; в описания не включены</numerusform>
        </translation>
    </message>
    <message>
        <source>GPS positions: not included</source>
        <translation>GPS-координаты: не включены</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>Сохранить пакет как</translation>
    </message>
    <message>
        <source>kzarchive bundles (*.kzb)</source>
        <translation>Пакеты kzarchive (*.kzb)</translation>
    </message>
    <message>
        <source>Give the bundle a file name.</source>
        <translation>Укажите имя файла для пакета.</translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation>Такой папки нет.</translation>
    </message>
    <message>
        <source>A file of that name exists already; choose another name.</source>
        <translation>Файл с таким именем уже есть; выберите другое имя.</translation>
    </message>
</context>
<context>
    <name>TermLabel</name>
    <message>
        <source>What is this?</source>
        <translation>Что это?</translation>
    </message>
</context>
<context>
    <name>TextEntryDialog</name>
    <message>
        <source>Add testimony</source>
        <translation>Добавить показания</translation>
    </message>
    <message>
        <source>Add source text</source>
        <translation>Добавить текст источника</translation>
    </message>
    <message>
        <source>Type the testimony here, or paste it.</source>
        <translation>Напечатайте показания здесь или вставьте их.</translation>
    </message>
    <message>
        <source>Paste the text here, or load it from a file.</source>
        <translation>Вставьте текст сюда или загрузите его из файла.</translation>
    </message>
    <message>
        <source>Load from a file…</source>
        <translation>Загрузить из файла…</translation>
    </message>
    <message>
        <source>optional, e.g. testimony-A-3.txt</source>
        <translation>необязательно, напр. testimony-A-3.txt</translation>
    </message>
    <message>
        <source>optional, e.g. ministry-statement-2022-01-10.txt</source>
        <translation>необязательно, напр. заявление-министерства-2022-01-10.txt</translation>
    </message>
    <message>
        <source>pseudonym, never a real name</source>
        <translation>псевдоним, никогда не настоящее имя</translation>
    </message>
    <message>
        <source>where it was published or who gave it</source>
        <translation>где опубликовано или кто передал</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Witness:</source>
        <translation>Свидетель:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <source>Add to the incident</source>
        <translation>Добавить к инциденту</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>не указан</translation>
    </message>
    <message>
        <source>Load a text file</source>
        <translation>Загрузить текстовый файл</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md *.text)</source>
        <translation>Текстовые файлы (*.txt *.md *.text)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>This file is too large for a text. Attach it as a file instead (Attach files…).</source>
        <translation>Этот файл слишком велик для текста. Прикрепите его как файл (Прикрепить файлы…).</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Файл не удалось прочитать.</translation>
    </message>
    <message>
        <source>Loaded {name} (read as {encoding}).</source>
        <translation>Загружен {name} (прочитан как {encoding}).</translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message>
        <source>Loading…</source>
        <extracomment>Texts longer than this are shown in part; the rest is a click on Extract away.</extracomment>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>This text is long: only its beginning is shown. Extract it to read all of it.</source>
        <translation>Текст длинный: показано только его начало. Чтобы прочитать его целиком, извлеките его.</translation>
    </message>
</context>
<context>
    <name>TrustedTimeDialog</name>
    <message>
        <source>Trusted time</source>
        <translation>Доверенное время</translation>
    </message>
    <message>
        <source>A time-stamping authority can vouch that your custody log existed by a certain time, so that nobody can argue the evidence was made later. This app never goes online: make a request file, carry it to a connected computer, and run:</source>
        <translation>Центр меток времени может подтвердить, что ваш журнал хранения существовал к определённому моменту, чтобы никто не мог утверждать, что доказательства созданы позже. Приложение никогда не выходит в сеть: создайте файл запроса, перенесите его на компьютер с интернетом и выполните:</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>Скопировать команду</translation>
    </message>
    <message>
        <source>Replace TSA-OF-YOUR-CHOICE with the address of an authority you choose, bring stamp.tsr back and add it here. With the authority&apos;s CA certificate its signature is checked too; without it the time-stamp is kept as not yet checked.</source>
        <translation>Замените TSA-OF-YOUR-CHOICE адресом выбранного вами центра, принесите stamp.tsr обратно и добавьте его здесь. С сертификатом УЦ центра проверяется и его подпись; без него метка сохраняется как ещё не проверенная.</translation>
    </message>
    <message>
        <source>Make a request file…</source>
        <translation>Создать файл запроса…</translation>
    </message>
    <message>
        <source>CA certificate…</source>
        <translation>Сертификат УЦ…</translation>
    </message>
    <message>
        <source>Add the reply…</source>
        <translation>Добавить ответ…</translation>
    </message>
    <message>
        <source>Entries covered</source>
        <translation>Охвачено записей</translation>
    </message>
    <message>
        <source>Stamped time</source>
        <translation>Время метки</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Центр меток времени</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>verified against an authority you trust</source>
        <translation>проверено по центру, которому вы доверяете</translation>
    </message>
    <message>
        <source>not yet checked against a trusted authority</source>
        <translation>ещё не проверено по доверенному центру</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) not yet answered.</source>
        <translation>
            <numerusform>%n запрос ещё без ответа.</numerusform>
            <numerusform>%n запроса ещё без ответа.</numerusform>
            <numerusform>%n запросов ещё без ответа.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the request file</source>
        <translation>Сохранить файл запроса</translation>
    </message>
    <message>
        <source>Time-stamp requests (*.tsq)</source>
        <translation>Запросы меток времени (*.tsq)</translation>
    </message>
    <message>
        <source>Saved {path}: a request over the custody log up to entry {size}. Send it from a connected computer with the command above.</source>
        <translation>Сохранено {path}: запрос по журналу хранения до записи {size}. Отправьте его с компьютера с интернетом командой выше.</translation>
    </message>
    <message>
        <source>The authority&apos;s CA certificate</source>
        <translation>Сертификат УЦ центра</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Сертификаты (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Replies are checked against {path}.</source>
        <translation>Ответы проверяются по {path}.</translation>
    </message>
    <message numerus="yes">
        <source>%n time-stamp(s) kept earlier now verified with this CA certificate.</source>
        <translation>
            <numerusform>%n ранее сохранённая метка времени теперь проверена по этому сертификату УЦ.</numerusform>
            <numerusform>%n ранее сохранённые метки времени теперь проверены по этому сертификату УЦ.</numerusform>
            <numerusform>%n ранее сохранённых меток времени теперь проверены по этому сертификату УЦ.</numerusform>
        </translation>
    </message>
    <message>
        <source>The authority&apos;s reply</source>
        <translation>Ответ центра</translation>
    </message>
    <message>
        <source>Time-stamp replies (*.tsr)</source>
        <translation>Ответы с метками времени (*.tsr)</translation>
    </message>
    <message>
        <source>Kept: the custody log up to entry {size} existed by {time} ({authority}).</source>
        <translation>Сохранено: журнал хранения до записи {size} существовал уже {time} ({authority}).</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>Unlock — kzarchive</source>
        <translation>Разблокировка — kzarchive</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Разблокировать хранилище</translation>
    </message>
    <message>
        <source>I lost the passphrase: use the recovery code</source>
        <translation>Парольная фраза утеряна: использовать код восстановления</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Other vault…</source>
        <translation>Другое хранилище…</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>This is the demo vault. Its passphrase is {passphrase}.</source>
        <translation>Это демо-хранилище. Его парольная фраза: {passphrase}.</translation>
    </message>
    <message>
        <source>Recovery code:</source>
        <translation>Код восстановления:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>The code you wrote down when the vault was created</source>
        <translation>Код, который вы записали при создании хранилища</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Проверяю парольную фразу…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify vault</source>
        <translation>Проверка хранилища</translation>
    </message>
    <message>
        <source>Checking the vault…</source>
        <translation>Проверяю хранилище…</translation>
    </message>
    <message>
        <source>Every stored file is read and compared with the SHA-256 recorded when it was collected; the key file, the database and the custody log are checked too.</source>
        <translation>Каждый сохранённый файл читается и сравнивается с SHA-256, записанным при сборе; проверяются также файл ключей, база данных и журнал хранения.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Останавливаю…</translation>
    </message>
    <message>
        <source>Everything checked is intact.</source>
        <translation>Всё проверенное в порядке.</translation>
    </message>
    <message>
        <source>Problems found: {n}</source>
        <translation>Найдено проблем: {n}</translation>
    </message>
    <message>
        <source>The check was stopped.</source>
        <translation>Проверка остановлена.</translation>
    </message>
    <message>
        <source>The check could not be completed.</source>
        <translation>Проверку не удалось завершить.</translation>
    </message>
    <message>
        <source>Technical detail: {detail}</source>
        <translation>Технические подробности: {detail}</translation>
    </message>
    <message>
        <source>Key file (vault.keys)</source>
        <translation>Файл ключей (vault.keys)</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>в порядке</translation>
    </message>
    <message>
        <source>damaged or altered</source>
        <translation>повреждён или изменён</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>Журнал хранения</translation>
    </message>
    <message numerus="yes">
        <source>complete and unaltered (%n entry(s))</source>
        <translation>
            <numerusform>полный и не изменён (%n запись)</numerusform>
            <numerusform>полный и не изменён (%n записи)</numerusform>
            <numerusform>полный и не изменён (%n записей)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) read, {size}, each matching its SHA-256</source>
        <translation>
            <numerusform>прочитан %n материал, {size}; он совпадает со своим SHA-256</numerusform>
            <numerusform>прочитано %n материала, {size}; каждый совпадает со своим SHA-256</numerusform>
            <numerusform>прочитано %n материалов, {size}; каждый совпадает со своим SHA-256</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) read, {size}; no file the vault does not know</source>
        <translation>
            <numerusform>прочитан %n материал, {size}; посторонних файлов нет</numerusform>
            <numerusform>прочитано %n материала, {size}; посторонних файлов нет</numerusform>
            <numerusform>прочитано %n материалов, {size}; посторонних файлов нет</numerusform>
        </translation>
    </message>
    <message>
        <source>Custody received from partners</source>
        <translation>Журнал хранения, полученный от партнёров</translation>
    </message>
    <message>
        <source>Stored files</source>
        <translation>Сохранённые файлы</translation>
    </message>
    <message>
        <source>damaged: the content does not match its recorded SHA-256</source>
        <translation>повреждён: содержимое не совпадает с записанным SHA-256</translation>
    </message>
    <message>
        <source>Preview image {ident}</source>
        <translation>Миниатюра {ident}</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>повреждён</translation>
    </message>
    <message>
        <source>altered or incomplete</source>
        <translation>изменён или неполон</translation>
    </message>
    <message>
        <source>Rollback anchor</source>
        <translation>Защита от отката</translation>
    </message>
    <message numerus="yes">
        <source>the custody log&apos;s %n entry(s) extend what was last recorded</source>
        <translation>
            <numerusform>%n запись журнала цепочки хранения продолжает последнее записанное</numerusform>
            <numerusform>%n записи журнала цепочки хранения продолжают последнее записанное</numerusform>
            <numerusform>%n записей журнала цепочки хранения продолжают последнее записанное</numerusform>
        </translation>
    </message>
    <message>
        <source>none yet (made at the next change)</source>
        <translation>пока нет (появится при следующем изменении)</translation>
    </message>
    <message>
        <source>the database is older than this vault last recorded, or altered</source>
        <translation>база данных старше, чем это хранилище записало в последний раз, или изменена</translation>
    </message>
    <message numerus="yes">
        <source>unaltered (%n entry(s))</source>
        <translation>
            <numerusform>не изменён (%n запись)</numerusform>
            <numerusform>не изменён (%n записи)</numerusform>
            <numerusform>не изменён (%n записей)</numerusform>
        </translation>
    </message>
    <message>
        <source>altered</source>
        <translation>изменена</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) found that the vault does not know</source>
        <translation>
            <numerusform>найден %n файл, неизвестный хранилищу</numerusform>
            <numerusform>найдено %n файла, неизвестных хранилищу</numerusform>
            <numerusform>найдено %n файлов, неизвестных хранилищу</numerusform>
        </translation>
    </message>
    <message>
        <source>their list could not be read</source>
        <translation>их список не удалось прочитать</translation>
    </message>
    <message>
        <source>good</source>
        <translation>в порядке</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>Item {ident}</source>
        <translation>Материал {ident}</translation>
    </message>
    <message>
        <source>Item “{name}” of the incident “{title}”</source>
        <translation>Материал «{name}» инцидента «{title}»</translation>
    </message>
</context>
<context>
    <name>Viewer</name>
    <message>
        <source>this format cannot be decoded; the original is kept as it is</source>
        <translation>этот формат не удаётся декодировать; оригинал сохранён как есть</translation>
    </message>
    <message>
        <source>the image is too large to decode safely</source>
        <translation>изображение слишком велико для безопасного декодирования</translation>
    </message>
    <message>
        <source>the image data is damaged or is not in the format its type claims</source>
        <translation>данные изображения повреждены или не соответствуют заявленному формату</translation>
    </message>
    <message>
        <source>metadata could not be read</source>
        <translation>метаданные не удалось прочитать</translation>
    </message>
    <message>
        <source>the metadata is damaged and could not be read completely</source>
        <translation>метаданные повреждены и прочитаны не полностью</translation>
    </message>
    <message>
        <source>, altitude {metres} m</source>
        <translation>, высота {metres} м</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <source>{name} — kzarchive</source>
        <translation>{name} — kzarchive</translation>
    </message>
    <message>
        <source>Extract…</source>
        <translation>Извлечь…</translation>
    </message>
    <message>
        <source>Write the original file to a folder, unencrypted</source>
        <translation>Записать исходный файл в папку в незашифрованном виде</translation>
    </message>
    <message>
        <source>Extract the original</source>
        <translation>Извлечь оригинал</translation>
    </message>
    <message>
        <source>The file will be written to disk unencrypted.</source>
        <translation>Файл будет записан на диск в незашифрованном виде.</translation>
    </message>
    <message>
        <source>Anyone who can read that disk or drive can then see it, and deleting it may not remove it completely. Extract only to a place you trust, and only when you need the file in another program.</source>
        <translation>Любой, у кого есть доступ к этому диску или накопителю, сможет его увидеть, а удаление может стереть его не полностью. Извлекайте только туда, чему вы доверяете, и только когда файл нужен в другой программе.</translation>
    </message>
    <message>
        <source>Choose a folder for the unencrypted copy</source>
        <translation>Выберите папку для незашифрованной копии</translation>
    </message>
    <message>
        <source>Writing the unencrypted copy…</source>
        <translation>Записываю незашифрованную копию…</translation>
    </message>
    <message>
        <source>Written unencrypted to {path}. Delete it when it is no longer needed.</source>
        <translation>Записано без шифрования в {path}. Удалите файл, когда он станет не нужен.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Arbitrary detention</source>
        <translation>Произвольное задержание</translation>
    </message>
    <message>
        <source>Torture or ill-treatment</source>
        <translation>Пытки или жестокое обращение</translation>
    </message>
    <message>
        <source>Killing</source>
        <translation>Убийство</translation>
    </message>
    <message>
        <source>Enforced disappearance</source>
        <translation>Насильственное исчезновение</translation>
    </message>
    <message>
        <source>Excessive force</source>
        <translation>Чрезмерное применение силы</translation>
    </message>
    <message>
        <source>Attack on a journalist</source>
        <translation>Нападение на журналиста</translation>
    </message>
    <message>
        <source>Denial of legal counsel</source>
        <translation>Отказ в доступе к адвокату</translation>
    </message>
    <message>
        <source>Internet shutdown or censorship</source>
        <translation>Отключение интернета или цензура</translation>
    </message>
    <message>
        <source>Harassment</source>
        <translation>Преследование</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Source text</source>
        <translation>Текст источника</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Пострадавший</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Свидетель</translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation>Нарушитель</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Передано</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>казахский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Uzbek</source>
        <translation>узбекский</translation>
    </message>
    <message>
        <source>Kyrgyz</source>
        <translation>киргизский</translation>
    </message>
    <message>
        <source>Uyghur</source>
        <translation>уйгурский</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>kzarchive</source>
        <translation>kzarchive</translation>
    </message>
    <message>
        <source>A secure, offline archive for evidence of human-rights violations.</source>
        <translation>Защищённый автономный архив доказательств нарушений прав человека.</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <source>Start an encrypted archive on this computer or on an external drive.</source>
        <translation>Зашифрованный архив на этом компьютере или на внешнем диске.</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Открыть хранилище</translation>
    </message>
    <message>
        <source>Choose the folder of a vault you already have.</source>
        <translation>Выберите папку уже существующего хранилища.</translation>
    </message>
    <message>
        <source>Open the demo vault</source>
        <translation>Открыть демо-хранилище</translation>
    </message>
    <message>
        <source>Try kzarchive with sample records of the January 2022 events.</source>
        <translation>Попробуйте kzarchive на примерах записей о январских событиях 2022 года.</translation>
    </message>
    <message>
        <source>The demo vault&apos;s passphrase is {passphrase}. It is shown to everyone, so never keep real evidence in the demo vault.</source>
        <translation>Парольная фраза демо-хранилища: {passphrase}. Она известна всем, поэтому никогда не храните в нём настоящие доказательства.</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Версия {version}</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Выберите папку хранилища</translation>
    </message>
    <message>
        <source>Opening the demo vault (the first time, it is built)…</source>
        <translation>Открываю демо-хранилище (в первый раз оно создаётся)…</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Extract…</source>
        <translation>Извлечь…</translation>
    </message>
</context>
</TS>
